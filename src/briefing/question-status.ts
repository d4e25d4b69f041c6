import type { QuestionStatus, Side } from '../records/schema.js';
import { sidesOppose } from './sides.js';
import type { Stance, StanceReading } from './stance.js';
import { DAY_MS } from '../time/instant.js';

/**
 * Each side's positions on one question on the latest day it took any: a side that on one day rejects ceding land and
 * offers talks holds both (the order of a day's reports is the order they were stored in, not the order the words
 * were said, so the day's last one is no later position). `day` is undefined for readings with no time (one event's
 * facts, all of one day).
 */
export type SideStances = Map<string, { day: number | undefined; stances: Set<Stance> }>;

/** Record a side's position taken at `at` (ms; undefined: the same day as its others). */
function takePosition(stances: SideStances, side: string, stance: Stance, at: number | undefined): void {
  const day = at === undefined ? undefined : Math.floor(at / DAY_MS);
  const held = stances.get(side);
  if (held && (day === undefined || held.day === undefined || day <= held.day)) held.stances.add(stance);
  else stances.set(side, { day, stances: new Set([stance]) });
}

const OFFERS: ReadonlySet<Stance> = new Set(['propose', 'demand', 'accept']);

/**
 * The sides conflict when one side's latest position is a proposal, demand or acceptance and another's a rejection,
 * or when one side's demand stands against a proposal or demand of a side it opposes (the story's `opposes`).
 */
export function sidesConflict(stances: SideStances, sides?: readonly Side[], askedOf?: readonly string[]): boolean {
  const entries = [...stances];
  // A question asked of some sides ("Does Kyiv accept…?") is contested only by a conflict one of them is in, and a
  // proposal of theirs against another side's demand is movement towards terms, not a conflict.
  const asked = (x: string) => askedOf === undefined || askedOf.length === 0 || askedOf.includes(x);
  for (const [a, ha] of entries)
    for (const [b, hb] of entries) {
      if (a === b || !(asked(a) || asked(b))) continue;
      for (const sa of ha.stances)
        for (const sb of hb.stances) {
          if (OFFERS.has(sa) && sb === 'reject') return true;
          if (sa === 'demand' && sidesOppose(a, b, sides) && (sb === 'demand' || (sb === 'propose' && (askedOf === undefined || askedOf.length === 0)))) return true;
        }
    }
  return false;
}

/**
 * A question's status after one piece of evidence, stated at `at` (ms). A stated position joins its side's positions
 * of that day (or replaces those of an earlier day); the status is `contested` while positions of the sides conflict
 * or when the evidence reports a dispute, `moved` after any other position, and unchanged by a mention or a stated
 * unknown: a status changes only with evidence.
 * `explicit` is a signal's status as its record's author set it: `contested` and `resolved` stand as written,
 * `moved` becomes `contested` when the sides conflict, and `open` records evidence without changing the status.
 */
export function statusAfter(
  current: QuestionStatus,
  reading: StanceReading,
  stances: SideStances,
  explicit?: QuestionStatus,
  sides?: readonly Side[],
  askedOf?: readonly string[],
  at?: number,
): QuestionStatus {
  const s = reading.stance;
  if (reading.side !== undefined && (OFFERS.has(s) || s === 'reject')) takePosition(stances, reading.side, s, at);
  for (const p of reading.parties ?? []) takePosition(stances, p.side, p.stance, at);
  if (explicit !== undefined) {
    if (explicit === 'contested' || explicit === 'resolved') return explicit;
    if (explicit === 'moved') return sidesConflict(stances, sides, askedOf) ? 'contested' : 'moved';
    return current;
  }
  if (s === 'dispute') return 'contested';
  if (OFFERS.has(s) || s === 'reject') return sidesConflict(stances, sides, askedOf) ? 'contested' : 'moved';
  return current;
}
