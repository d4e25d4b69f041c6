const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Milliseconds since epoch for an ISO date or date-time; a bare date means 00:00 UTC. Kept apart from the record
 * schemas (which re-export it) so the store and the engine can use it without building every zod schema at start-up.
 */
export function instantMs(iso: string): number {
  return Date.parse(isoDate.test(iso) ? `${iso}T00:00:00Z` : iso);
}

/**
 * The UTC day (`YYYY-MM-DD`) of a year, a month (0–11) and a day of the month; undefined when they name no day of
 * the calendar (a month out of range, "February 30", which `Date.UTC` would roll over into March).
 */
export function calendarDay(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(month) || month < 0 || month > 11) return undefined;
  const date = new Date(Date.UTC(year, month, day));
  return date.getUTCMonth() === month && date.getUTCDate() === day ? date.toISOString().slice(0, 10) : undefined;
}

/** A day's length in milliseconds (a UTC day: no leap seconds, no clock changes). */
export const DAY_MS = 86_400_000;
