import type { EventRecord, Fact } from '../records/schema.js';
import { factId } from '../records/fact-id.js';
import { eventSpan } from './window.js';
import { compareText } from '../text/compare.js';

const HOUR_MS = 3_600_000;

/** Distinct outlets behind an event: two sources with the same name count once. */
export function independentSources(rec: EventRecord): number {
  return new Set(rec.sources.map((s) => s.name.trim().toLowerCase())).size;
}

/**
 * Score of an event for "what happened": importance first, then recency, corroboration and bearing on the
 * story's questions. Weights sum to 1; each part is in [0, 1].
 */
export function eventScore(rec: EventRecord, now: number): number {
  const importance = ((rec.importance ?? 3) - 1) / 4;
  const ageHours = Math.max(0, now - eventSpan(rec).start) / HOUR_MS;
  const recency = Math.pow(0.5, ageHours / 24);
  const corroboration = Math.min(independentSources(rec), 4) / 4;
  const moves = (rec.signals ?? []).filter((s) => s.status !== 'open').length;
  const tagged = rec.facts.filter((f) => (f.questions ?? []).length > 0).length;
  const relevance = Math.min(1, moves * 0.5 + tagged * 0.25);
  return 0.45 * importance + 0.25 * recency + 0.15 * corroboration + 0.15 * relevance;
}

/** Events best first; ties broken by time (newer first) then id, so output is deterministic. */
export function rankEvents(events: readonly EventRecord[], now: number): EventRecord[] {
  return events
    .map((rec) => ({ rec, score: eventScore(rec, now), start: eventSpan(rec).start }))
    .sort((a, b) => b.score - a.score || b.start - a.start || compareText(a.rec.id, b.rec.id))
    .map((x) => x.rec);
}

export interface RankedFact {
  rec: EventRecord;
  fact: Fact;
  id: string;
  index: number;
  score: number;
}

/**
 * Facts of one event best first: the lead fact, then facts that bear on questions, carry a signal,
 * look ahead, or quote someone. Later facts in a record are background and rank lower.
 */
export function rankFacts(rec: EventRecord, focusQuestion?: string): RankedFact[] {
  const signalled = new Set((rec.signals ?? []).map((s) => s.fact).filter((f): f is string => f !== undefined));
  return rec.facts
    .map((fact, index) => {
      const id = factId(fact, index);
      const qs = fact.questions ?? [];
      // The first fact is the record's lead, chosen by its author: it outranks any heuristic bonus.
      let score = index === 0 ? 2 : 1 / (1 + index);
      if (qs.length > 0) score += 0.3;
      if (signalled.has(id)) score += 0.3;
      if (fact.watch) score += 0.2;
      if (fact.quote) score += 0.1;
      if (focusQuestion !== undefined && qs.includes(focusQuestion)) score += 2;
      return { rec, fact, id, index, score };
    })
    .sort((a, b) => b.score - a.score || a.index - b.index);
}
