/**
 * Dating an undated report by the event it reports. A page that states no day or year ("talks on Tuesday") cannot be
 * dated from its own text; when another outlet's dated report of the same event is stored, the undated one belongs
 * with it and takes its day. Reports of other events in the story share many words with it too, so one match is not
 * enough: it must stand out from the best match on any other day, the way record linkage accepts a link only with a
 * margin over the runner-up.
 *
 * Measured on the eval corpus's 89 undated reports, each against the ~200 dated reports of all 85 event days (a store
 * far fuller than any one split), both-ways word share: with the margin below, 23 reports took a day within one of
 * their event's and none a wrong one; at 1.2, 35 right and 3 wrong; with no margin (best ≥ 0.22 alone), 44 right and
 * 20 wrong. Of the 40 undated reports whose event had no dated report stored, one passed the margin (at 1.30).
 */
import { instantMs } from '../time/instant.js';
import { weekdayOf } from './stated-weekday.js';

/** The least both-ways score an undated report and a dated event of the same day must reach. */
export const CORROBORATION_MIN = 0.2;
/** How far the best match must stand above the best one on any other day (more than a day apart). */
export const CORROBORATION_MARGIN = 1.3;

const DAY_MS = 86_400_000;

export interface DatedMatch<T> {
  candidate: T;
  /** The dated event's day or instant. */
  occurredAt: string;
  score: number;
  /** False when the undated side names a weekday the event's day does not fit: it still counts as a rival. */
  eligible: boolean;
}

/** The dated event an undated report is corroborated by, if one stands out (see the module comment). */
export function corroboratedMatch<T>(matches: readonly DatedMatch<T>[]): DatedMatch<T> | undefined {
  let best: DatedMatch<T> | undefined;
  for (const m of matches) if (m.eligible && (!best || m.score > best.score)) best = m;
  if (!best || best.score < CORROBORATION_MIN) return undefined;
  return best.score >= CORROBORATION_MARGIN * bestOnOtherDays(matches, best.occurredAt) ? best : undefined;
}

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
