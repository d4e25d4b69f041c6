/**
 * A page's or a feed's date string as an ISO 8601 instant: the metadata of HTML pages, the headers of saved texts and
 * the items of feeds all go through here, so a date without its zone reads the same everywhere.
 */

/** No news page predates the web: an earlier date is a content system's placeholder ("0001-01-01", 1970's epoch). */
export const EARLIEST_PAGE_MS = Date.UTC(1995, 0, 1);

const ISO_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
/**
 * A zone at the end of a date: "Z" or an offset right after a time ("11:00:25-04", "+01:00", "-0400"), or a zone's name
 * ("GMT", "UTC", "EST", "GMT+0100"). A trailing "-2025" is a year ("25-Mar-2025"), not an offset.
 */
const HAS_ZONE = /(?::\d{2}(?:\.\d+)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)|\b(?:GMT|UTC|UT|[ECMP][SD]T)(?:\s*[+-]\d{1,4})?)\s*$/i;
/** A zone's name in brackets after the date ("+0100 (CET)", "GMT+0100 (Central European Standard Time)"). */
const ZONE_NOTE = /\s*\([\p{L} ]{1,60}\)\s*$/u;

/** A time the engine read in this machine's zone, read in UTC instead (the same fields). */
function asUtc(localMs: number): number {
  return Number.isNaN(localMs) ? localMs : localMs - new Date(localMs).getTimezoneOffset() * 60_000;
}

/** Normalise a date string from a page into ISO 8601 with an offset; undefined when it does not parse. */
export function normaliseDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim().replace(ZONE_NOTE, '');
  // A time without its zone is read as UTC, never as this machine's local time ("2025-03-25 11:00:25", "August 21,
  // 2025"): the same page gives the same date wherever sitrep runs.
  const ms = ISO_WITHOUT_ZONE.test(v) ? Date.parse(`${v.replace(' ', 'T')}Z`) : /^\d{4}-\d{2}-\d{2}$/.test(v) || HAS_ZONE.test(v) ? Date.parse(v) : asUtc(Date.parse(v));
  // A content system's empty date ("0001-01-01T00:00:00Z", 1970's epoch) is no date: no news page predates the web.
  if (Number.isNaN(ms) || ms < EARLIEST_PAGE_MS) return undefined;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A numeric offset after a time at the end of a date ("19:30:43-05:00", "19:30:43 -0500", "+01"). */
const OWN_OFFSET = /\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*([+-])(\d{2}):?(\d{2})?\s*$/;

/**
 * {@link normaliseDate}, keeping the page's own offset ("2022-12-11 19:30:43-05:00" → "2022-12-11T19:30:43-05:00"):
 * the same instant, written in the publisher's time, whose calendar day is the one its readers saw. A White House
 * readout posted at 19:30 in Washington is of that day, not of the next day in UTC. UTC when the date gives no offset.
 */
export function normaliseDateKeepingOffset(value: string | undefined): string | undefined {
  const utc = normaliseDate(value);
  const m = utc === undefined ? null : OWN_OFFSET.exec(value?.replace(ZONE_NOTE, '') ?? '');
  if (utc === undefined || !m) return utc;
  const minutes = offsetMinutes(m);
  if (minutes === 0 || Math.abs(minutes) > 14 * 60) return utc;
  const wall = new Date(Date.parse(utc) + minutes * 60_000).toISOString().slice(0, 19);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The minutes from UTC of a time written with its own offset ("…T19:30:43-05:00" → -300); 0 for UTC or none. */
export function ownOffsetMinutes(iso: string | undefined): number {
  const m = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?([+-])(\d{2}):?(\d{2})$/.exec(iso ?? '');
  return m ? offsetMinutes(m) : 0;
}

/** An offset's sign, hours and minutes (captured in that order) as minutes from UTC. */
function offsetMinutes(m: RegExpExecArray): number {
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}
