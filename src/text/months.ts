const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The month (0–11) a name or its abbreviation's first three letters stand for ("March", "Sept." → "mar", "sep"); -1 for none. */
export function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase());
}

/** A month's name or its abbreviation ("March", "Sept"), as pattern source: a written date's month. */
export const MONTH_NAME = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*`;

/** "May 8", "8 May", "Feb. 17": a day written with its month's name. */
const WRITTEN_DAY = new RegExp(String.raw`\b(${MONTH_NAME})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b|\b(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH_NAME})\b`, 'g');

/** The days a text writes out with their month's name, as "month-day" keys ("May 8" → "4-8"). */
export function writtenDays(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(WRITTEN_DAY)) out.add(`${monthIndex(m[1] ?? m[4] ?? '')}-${Number(m[2] ?? m[3])}`);
  return out;
}
