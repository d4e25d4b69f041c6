import { monthIndex } from '../text/months.js';

/**
 * The day a news page's address says it was published: content systems put it in the path, as `/2025/12/11/`,
 * `/2025/dec/11/`, `-2025-12-11-` or `/20251211/`. Measured on the eval corpus's 343 on-story pages: 61 addresses
 * carry one, 60 of them the event's day or the day after (the last a page published two days later). A month alone
 * (`/2025/12/`) is no day; a date after `now` or before 2000 is something else (an id, a model number).
 */
const PATTERNS: ReadonlyArray<{ re: RegExp; parts: (m: RegExpExecArray) => [string, string, string] }> = [
  { re: /\/(20\d\d)\/([01]?\d)\/([0-3]?\d)(?=[/_-]|$)/, parts: (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? ''] },
  { re: /\/(20\d\d)\/(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\/([0-3]?\d)(?=[/_-]|$)/i, parts: (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? ''] },
  { re: /(?<![\d])(20\d\d)-([01]\d)-([0-3]\d)(?![\d])/, parts: (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? ''] },
  { re: /[/_-](20\d\d)([01]\d)([0-3]\d)(?=[/_.-]|$)/, parts: (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? ''] },
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
  for (const { re, parts } of PATTERNS) {
    const m = re.exec(path);
    if (!m) continue;
    const [y, mo, d] = parts(m);
    const month = /^\d+$/.test(mo) ? Number(mo) - 1 : monthIndex(mo);
    if (month === undefined || month < 0 || month > 11) continue;
    const at = Date.UTC(Number(y), month, Number(d));
    const date = new Date(at);
    // 2025-02-30 rolls over to March: not a date.
    if (date.getUTCMonth() !== month || date.getUTCDate() !== Number(d)) continue;
    if (at > now.getTime() + 86_400_000) continue;
    return date.toISOString().slice(0, 10);
  }
  return undefined;
}
