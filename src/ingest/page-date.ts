/**
 * A page's or a feed's date string as an ISO 8601 instant: the metadata of HTML pages, the headers of saved texts and
 * the items of feeds all go through here, so a date without its zone reads the same everywhere.
 */

/** No news page predates the web: an earlier date is a content system's placeholder ("0001-01-01", 1970's epoch). */
export const EARLIEST_PAGE_MS = Date.UTC(1995, 0, 1);

const ISO_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
/** A zone at the end of a date: "Z", "+01:00", "-0400", "GMT", "UTC", "EST", "GMT+2". */
const HAS_ZONE = /(?:\dZ|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|[ECMP][SD]T|Z)(?:[+-]\d{1,4})?)\s*$/i;

/** Normalise a date string from a page into ISO 8601 with an offset; undefined when it does not parse. */
export function normaliseDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  // A time without its zone is read as UTC, never as this machine's local time ("2025-03-25 11:00:25", "August 21,
  // 2025"): the same page gives the same date wherever sitrep runs.
  const ms = Date.parse(ISO_WITHOUT_ZONE.test(v) ? `${v.replace(' ', 'T')}Z` : /^\d{4}-\d{2}-\d{2}$/.test(v) || HAS_ZONE.test(v) ? v : `${v} UTC`);
  // A content system's empty date ("0001-01-01T00:00:00Z", 1970's epoch) is no date: no news page predates the web.
  if (Number.isNaN(ms) || ms < EARLIEST_PAGE_MS) return undefined;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
