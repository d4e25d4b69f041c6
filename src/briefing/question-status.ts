import type { QuestionStatus } from '../records/schema.js';
import type { Stance, StanceReading } from './stance.js';

/** Each side's latest position on one question. */
export type SideStances = Map<string, Stance>;

const OFFERS: ReadonlySet<Stance> = new Set(['propose', 'demand', 'accept']);

/** The sides conflict when one side's latest position is a proposal, demand or acceptance and another's a rejection. */
export function sidesConflict(sides: SideStances): boolean {
  const offering = [...sides].filter(([, s]) => OFFERS.has(s)).map(([side]) => side);
  const refusing = [...sides].filter(([, s]) => s === 'reject').map(([side]) => side);
  return offering.some((a) => refusing.some((b) => a !== b));
}

/**
 * A question's status after one piece of evidence. A stated position updates its side's latest stance; the status
 * is `contested` while the sides' latest stances conflict or when the evidence reports a dispute, `moved` after any
 * other position, and unchanged by a mention or a stated unknown: a status changes only with evidence.
 * `explicit` is a signal's status as its record's author set it: `contested` and `resolved` stand as written,
 * `moved` becomes `contested` when the sides conflict, and `open` records evidence without changing the status.
 */
export function statusAfter(current: QuestionStatus, reading: StanceReading, sides: SideStances, explicit?: QuestionStatus): QuestionStatus {
  const s = reading.stance;
  if (reading.side !== undefined && (OFFERS.has(s) || s === 'reject')) sides.set(reading.side, s);
  if (explicit !== undefined) {
    if (explicit === 'contested' || explicit === 'resolved') return explicit;
    if (explicit === 'moved') return sidesConflict(sides) ? 'contested' : 'moved';
    return current;
  }
  if (s === 'dispute') return 'contested';
  if (OFFERS.has(s) || s === 'reject') return sidesConflict(sides) ? 'contested' : 'moved';
  return current;
}
