import { monthIndex } from '../text/months.js';
import { calendarDay, instantMs } from '../time/instant.js';

/**
 * The day a news page's address says it was published: content systems put it in the path, as `/2025/12/11/`,
 * `/2025/dec/11/`, `-2025-12-11-` or `/20251211/`. Measured on the eval corpus's 343 on-story pages: 61 addresses
 * carry one, 60 of them the event's day or the day after (the last a page published two days later). A month alone
 * (`/2025/12/`) is no day; a date after `now` or before 2000 is something else (an id, a model number).
 */
const PATTERNS: readonly RegExp[] = [
  /\/(20\d\d)\/([01]?\d)\/([0-3]?\d)(?=[/_-]|$)/,
  /\/(20\d\d)\/(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\/([0-3]?\d)(?=[/_-]|$)/i,
  /(?<![\d])(20\d\d)-([01]\d)-([0-3]\d)(?![\d])/,
  /[/_-](20\d\d)([01]\d)([0-3]\d)(?=[/_.-]|$)/,
];

/** `YYYY-MM-DD` from a page address, or undefined when it names no day. */
export function dayInUrl(url: string | undefined, now: Date): string | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    const u = new URL(url);
    path = u.pathname;
  } catch {
    return undefined;
  }
  for (const re of PATTERNS) {
    const m = re.exec(path);
    if (!m) continue;
    const mo = m[2] ?? '';
    // (2025-02-30 is no day: calendarDay says so.)
    const day = calendarDay(Number(m[1]), /^\d+$/.test(mo) ? Number(mo) - 1 : monthIndex(mo), Number(m[3]));
    if (day === undefined || instantMs(day) > now.getTime() + 86_400_000) continue;
    return day;
  }
  return undefined;
}
