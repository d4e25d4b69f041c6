/**
 * Wall-clock ↔ instant conversion for IANA time zones using only `Intl`, including the two DST edge cases
 * a scheduler must decide on: a local time that does not exist (spring gap) and one that exists twice (fall overlap).
 */

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** A calendar date and wall-clock time in some zone. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall clock in `timeZone` at instant `ms` (seconds dropped). */
export function localDateTime(ms: number, timeZone: string): LocalDateTime {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** The wall clock as if it were UTC, in ms: lets us do arithmetic on local times. */
function wallMs(l: LocalDateTime): number {
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute);
}

/** UTC offset of `timeZone` at instant `ms`, in ms (Kyiv in summer: +3 h). */
export function offsetAt(ms: number, timeZone: string): number {
  const floored = Math.floor(ms / MINUTE) * MINUTE;
  return wallMs(localDateTime(floored, timeZone)) - floored;
}

/**
 * The instant at which the wall clock in `timeZone` shows `local`.
 * Fall overlap (the time exists twice): the first occurrence. Spring gap (the time does not exist):
 * the first valid minute after it, i.e. the instant the clocks jump.
 */
export function zonedToUtc(local: LocalDateTime, timeZone: string): number {
  const wall = wallMs(local);
  // Offsets change at most once within a day either side of any wall time, so these candidates cover every case.
  const candidates = new Set([offsetAt(wall - 86_400_000, timeZone), offsetAt(wall, timeZone), offsetAt(wall + 86_400_000, timeZone)]);
  const matches: number[] = [];
  for (const off of candidates) {
    const t = wall - off;
    if (wallMs(localDateTime(t, timeZone)) === wall) matches.push(t);
  }
  if (matches.length > 0) return Math.min(...matches);

  // Spring gap: with the offset before the jump we land after it, with the one after we land before it;
  // the transition lies between, and it is the first existing minute after the requested time.
  const instants = [...candidates].map((off) => wall - off).sort((a, b) => a - b);
  let lo = instants[0] ?? wall;
  let hi = instants[instants.length - 1] ?? wall;
  const before = offsetAt(lo, timeZone);
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / MINUTE / 2) * MINUTE;
    if (offsetAt(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** `YYYY-MM-DD` of a local date. */
export function isoDate(l: Pick<LocalDateTime, 'year' | 'month' | 'day'>): string {
  return `${String(l.year).padStart(4, '0')}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
}

/** The calendar date `delta` days from `l` (no time zone involved: pure calendar arithmetic). */
export function addDays<T extends Pick<LocalDateTime, 'year' | 'month' | 'day'>>(l: T, delta: number): T {
  const d = new Date(Date.UTC(l.year, l.month - 1, l.day + delta));
  return { ...l, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday for a calendar date. */
export function weekday(l: Pick<LocalDateTime, 'year' | 'month' | 'day'>): number {
  return new Date(Date.UTC(l.year, l.month - 1, l.day)).getUTCDay();
}
