import { truncateAtSentence } from '../render/truncate.js';
import { factId } from '../records/schema.js';
import { afterChange, type ReviewEnv } from './actions.js';
import { Retractions } from './retractions.js';
import type { ReviewActor } from './types.js';

export type RetractOutcome =
  | { ok: true; already: boolean; corrections: number }
  | { ok: false; code: 'NOT_FOUND' | 'NO_SUCH_FACT'; message: string };

/** One line, cut at a word with "…" when longer than `max`. */
function clip(text: string, max = 80): string {
  return truncateAtSentence(text.replace(/\s+/g, ' ').trim(), max);
}

/**
 * Retract one fact of an event, or the whole event. It never reaches a briefing again (retractions are applied to
 * every read, so no later import or merge brings it back); the record itself is kept as it was. Audited with the
 * reason, and every briefing of the last 7 days that showed it gets a "Corrected …: retracted “…” (reason)" line.
 */
export async function retract(env: ReviewEnv, req: { eventId: string; factId?: string; reason: string; actor: ReviewActor }): Promise<RetractOutcome> {
  const { store } = env;
  const record = await store.getEvent(req.eventId);
  if (!record) return { ok: false, code: 'NOT_FOUND', message: `no event "${clip(req.eventId, 60)}"` };
  const ids = record.facts.map((f, i) => factId(f, i));
  const index = req.factId === undefined ? -1 : ids.indexOf(req.factId);
  if (req.factId !== undefined && index < 0) return { ok: false, code: 'NO_SUCH_FACT', message: `event "${req.eventId}" has no fact "${clip(req.factId, 40)}" (facts: ${ids.join(', ')})` };
  const before = new Retractions(await store.listRetractions(record.story));
  const already = req.factId === undefined ? before.eventRetracted(req.eventId) : before.retractedFacts(record).has(req.factId);
  if (already) return { ok: true, already: true, corrections: 0 };
  const now = env.now();
  const factText = index >= 0 ? record.facts[index]?.text : undefined;
  await store.addRetraction({
    story: record.story,
    eventId: req.eventId,
    ...(req.factId !== undefined ? { factId: req.factId } : {}),
    ...(factText !== undefined ? { factText } : {}),
    reason: req.reason,
    actor: req.actor.id,
    at: now.toISOString(),
  });
  const after = new Retractions(await store.listRetractions(record.story));
  const text = factText !== undefined ? `retracted “${clip(factText)}” (${req.reason})` : `withdrawn: “${clip(record.title)}” (${req.reason})`;
  const changeId = await store.appendAudit({
    at: now.toISOString(),
    actor: req.actor.id,
    ...(req.actor.name ? { actorName: req.actor.name } : {}),
    action: 'retract',
    eventId: req.eventId,
    story: record.story,
    detail: `${req.factId !== undefined ? `fact ${req.factId}` : 'the whole event'}: ${req.reason}`,
    before: before.apply(record) ?? null,
    after: after.apply(record) ?? null,
  });
  const { corrections } = await afterChange(env, { before: record, after: record, changeId, text, retractionsBefore: before });
  return { ok: true, already: false, corrections };
}
