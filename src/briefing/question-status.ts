import type { QuestionStatus, Side } from '../records/schema.js';
import { sidesOppose } from './sides.js';
import type { Stance, StanceReading } from './stance.js';

/** Each side's latest position on one question. */
export type SideStances = Map<string, Stance>;

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
  for (const [a, sa] of entries)
    for (const [b, sb] of entries) {
      if (a === b || !(asked(a) || asked(b))) continue;
      if (OFFERS.has(sa) && sb === 'reject') return true;
      if (sa === 'demand' && sidesOppose(a, b, sides) && (sb === 'demand' || (sb === 'propose' && (askedOf === undefined || askedOf.length === 0)))) return true;
    }
  return false;
}

/**
 * A question's status after one piece of evidence. A stated position updates its side's latest stance; the status
 * is `contested` while the sides' latest stances conflict or when the evidence reports a dispute, `moved` after any
 * other position, and unchanged by a mention or a stated unknown: a status changes only with evidence.
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
): QuestionStatus {
  const s = reading.stance;
  if (reading.side !== undefined && (OFFERS.has(s) || s === 'reject')) stances.set(reading.side, s);
  for (const p of reading.parties ?? []) stances.set(p.side, p.stance);
  if (explicit !== undefined) {
    if (explicit === 'contested' || explicit === 'resolved') return explicit;
    if (explicit === 'moved') return sidesConflict(stances, sides, askedOf) ? 'contested' : 'moved';
    return current;
  }
  if (s === 'dispute') return 'contested';
  if (OFFERS.has(s) || s === 'reject') return sidesConflict(stances, sides, askedOf) ? 'contested' : 'moved';
  return current;
}
