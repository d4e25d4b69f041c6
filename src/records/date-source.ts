/**
 * What a record's date rests on when nothing but the ingest time dated it (`dateSource: 'ingest-time'`): no date at
 * all (the ingest instant, with its time of day) or a day the article wrote without its year (a bare day, placed in
 * the latest year that fits). Ingestion, the CLI and the review messages all ask.
 */
interface Dated {
  dateSource?: string;
  occurredAt: string;
}

/** Nothing in or about the input dated it: its date is the ingest instant. */
export function isUndated(rec: Dated): boolean {
  return rec.dateSource === 'ingest-time' && rec.occurredAt.includes('T');
}

/**
 * Dated by a day the page writes without its year ("met in Riyadh on Feb. 18"), taken as the latest such day before
 * the ingest time: the day is the page's, the year a guess (a year late for last year's news ingested today).
 */
export function isYearless(rec: Dated): boolean {
  return rec.dateSource === 'ingest-time' && !rec.occurredAt.includes('T');
}

/** Dated by nothing but the ingest time: no date at all, or a day without its year. */
export function dateGuessed(rec: { dateSource?: string }): boolean {
  return rec.dateSource === 'ingest-time';
}

/** A date read from the page, given with it or by an editor: not the ingest time, nor a day read without its year. */
export function statedDate(rec: { dateSource?: string }): boolean {
  return !dateGuessed(rec);
}
