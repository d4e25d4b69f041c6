/**
 * Dating an undated report by the event it reports. A page that states no day or year ("talks on Tuesday") cannot be
 * dated from its own text; when another outlet's dated report of the same event is stored, the undated one belongs
 * with it and takes its day. Reports of other events in the story share many words with it too, so one match is not
 * enough: it must stand out from the best match on any other day, the way record linkage accepts a link only with a
 * margin over the runner-up. Only across days (event-writer.ts): an event within the merge window of the undated
 * side's ingest time may be another of that day's events, which the merge rules tell apart.
 *
 * Measured on the eval corpus's 89 undated reports, each against the ~200 dated reports of all 85 event days (a store
 * far fuller than any one split), both-ways word share: with the margin below, 23 reports took a day within one of
 * their event's and none a wrong one; at 1.2, 35 right and 3 wrong; with no margin (best ≥ 0.22 alone), 44 right and
 * 20 wrong. Of the 40 undated reports whose event had no dated report stored, one passed the margin (at 1.30).
 *
 * The risk is today's news: an undated report ingested as it comes, whose event nothing stored reports yet, filed
 * under the story's nearest earlier event, which a morning briefing would then never show. Simulated on the same
 * reports, each with its own event's reports taken out of stores of 2 to 40 other days: with a floor of 0.2 for all,
 * 2.4–8.7 % of them took a wrong day (at 8 days: 14 % of those that name no weekday, 3.4 % of those that do); with
 * 0.3 for reports that name no weekday, 1.0–3.0 % (0.9 % and 3.4 %). The higher floor costs the eval's fresh samples
 * 8 of 146 right dates and 14 of 200 merged pairs.
 */
import { DAY_MS, instantMs } from '../time/instant.js';
import { weekdayOf } from './stated-weekday.js';

/** The least both-ways score an undated report that names the event's weekday and a dated event must reach. */
export const CORROBORATION_MIN = 0.2;
/**
 * The least score when the report names no weekday: nothing but words then ties it to that day, and a report of a new
 * event (today's news, ingested as it comes, whose event nothing stored yet reports) is most like the story's nearest
 * earlier event. On the corpus's undated reports without a weekday, the right events scored 0.22–0.43 (eight of ten
 * at 0.3 or more) and the best events of reports whose own was not stored 0.18–0.30.
 */
export const CORROBORATION_MIN_WITHOUT_WEEKDAY = 0.3;
/** How far the best match must stand above the best one on any other day (more than a day apart). */
export const CORROBORATION_MARGIN = 1.3;

/**
 * How many years back a day written without its year may lie: old news ingested late ("on Feb. 18" in a report of
 * 2025 ingested in December 2026 was read as 18 February 2026). The dated report of the same event, stored on the
 * same day of an earlier year, corroborates it like a dated report corroborates an undated one.
 */
export const YEARLESS_YEARS = 3;

/**
 * A day without its year that lies this close before the ingest time is taken to be this year's: news ingested as it
 * comes names the days of the last weeks, and today's report of a new event must not go under last year's event of
 * the same day (an anniversary, a yearly summit) that the store holds.
 */
export const YEARLESS_RECENT_DAYS = 30;

/** Is the year of a day read without it in doubt: the day lies more than {@link YEARLESS_RECENT_DAYS} before `now`? */
export function yearInDoubt(day: string, now: number | undefined): boolean {
  return now !== undefined && now - instantMs(day.slice(0, 10)) > YEARLESS_RECENT_DAYS * DAY_MS;
}

/** The instant `years` whole years after (before, when negative) `ms`, on the same day of the year. */
export function yearsLater(ms: number, years: number): number {
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}

/** Is `later` the day of `earlier` (±1 day) one to {@link YEARLESS_YEARS} years on? */
export function sameDayYearsLater(earlier: string, later: string): boolean {
  const a = instantMs(earlier.slice(0, 10));
  const b = instantMs(later.slice(0, 10));
  for (let k = 1; k <= YEARLESS_YEARS; k++) if (Math.abs(yearsLater(a, k) - b) <= DAY_MS) return true;
  return false;
}

export interface DatedMatch<T> {
  candidate: T;
  /** The dated event's day or instant. */
  occurredAt: string;
  score: number;
  /** False when the undated side names a weekday the event's day does not fit: it still counts as a rival. */
  eligible: boolean;
}

/** The least score for a report that names `weekday` (undefined: none). */
export function corroborationFloor(weekday: number | undefined): number {
  return weekday === undefined ? CORROBORATION_MIN_WITHOUT_WEEKDAY : CORROBORATION_MIN;
}

/**
 * The dated event an undated report is corroborated by, if one stands out (see the module comment); `floor` is
 * {@link corroborationFloor} of the weekday the report names.
 */
export function corroboratedMatch<T>(matches: readonly DatedMatch<T>[], floor = CORROBORATION_MIN, margin = CORROBORATION_MARGIN): DatedMatch<T> | undefined {
  let best: DatedMatch<T> | undefined;
  for (const m of matches) if (m.eligible && (!best || m.score > best.score)) best = m;
  if (!best || best.score < floor) return undefined;
  return best.score >= margin * bestOnOtherDays(matches, best.occurredAt) ? best : undefined;
}

/**
 * A report that names a weekday, when corroboration found nothing: the dated event on exactly that weekday, at a
 * share of 0.25 and 1.1 times the best on any other day. (An earlier rule took it at 0.25 with no margin; simulated
 * on the corpus's weekday-naming reports with their own event taken out of the store, that took a wrong day for
 * 2.1 % of them with 8 other days stored and 8.8 % with 40, as a store holds more of each weekday; with the margin,
 * 1.9 % and 2.4 %, and with every event stored 21 right days and no wrong one, against 22 and 4.)
 */
export function sameWeekdayMatch<T>(matches: readonly (DatedMatch<T> & { sameWeekday: boolean })[]): DatedMatch<T> | undefined {
  return corroboratedMatch(
    matches.map((m) => ({ ...m, eligible: m.sameWeekday })),
    SAME_WEEKDAY.floor,
    SAME_WEEKDAY.margin,
  );
}

/** The floor and margin of {@link sameWeekdayMatch} (event-writer.ts applies them the other way round too). */
export const SAME_WEEKDAY = { floor: 0.25, margin: 1.1 } as const;

/** The best score among matches more than a day from `occurredAt` (0 when there are none). */
export function bestOnOtherDays(matches: readonly Pick<DatedMatch<unknown>, 'occurredAt' | 'score'>[], occurredAt: string): number {
  const day = dayMs(occurredAt);
  let runner = 0;
  for (const m of matches) if (Math.abs(dayMs(m.occurredAt) - day) > DAY_MS && m.score > runner) runner = m.score;
  return runner;
}

/**
 * May an event of `occurredAt` be what a report naming `weekday` ("talks on Tuesday") reports? On that weekday, or the
 * day after (an event dated by its reports' publication). Any day when the report names none.
 */
export function weekdayFits(weekday: number | undefined, occurredAt: string): boolean {
  if (weekday === undefined) return true;
  const day = weekdayOf(occurredAt);
  return day === weekday || day === (weekday + 1) % 7;
}

function dayMs(occurredAt: string): number {
  return instantMs(occurredAt.slice(0, 10));
}
