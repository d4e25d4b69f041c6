import { instantMs } from '../time/instant.js';

/**
 * A weekday the headline or the first two facts name for the news ("announced on Wednesday", "Sunday's talks"), not
 * one ahead ("next Thursday, May 15", "until Friday"). An undated report says no more than this about its day.
 */
const NAMED_WEEKDAY = /(?<!\b(?:next|coming|until|till|by|before|from|every)\s+)\b(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day\b/;
const WEEKDAY_STEMS = ['Sun', 'Mon', 'Tues', 'Wednes', 'Thurs', 'Fri', 'Satur'];

/** How many facts, after the headline, may name the day (the lead; further down a weekday is often background). */
const LEAD_FACTS = 2;

/** The weekday (0 = Sunday) the headline or lead names first, if any. */
export function statedWeekday(title: string, facts: readonly { text: string }[]): number | undefined {
  for (const text of [title, ...facts.slice(0, LEAD_FACTS).map((f) => f.text)]) {
    const m = NAMED_WEEKDAY.exec(text);
    if (m) return WEEKDAY_STEMS.indexOf(m[1] ?? '');
  }
  return undefined;
}

/** The weekday (0 = Sunday, UTC) of a record's date, a bare day or an instant. */
export function weekdayOf(occurredAt: string): number {
  return new Date(instantMs(occurredAt)).getUTCDay();
}
