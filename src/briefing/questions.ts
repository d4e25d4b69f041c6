import type { EventRecord, Question, QuestionStatus } from '../records/schema.js';
import { factId } from '../records/fact-id.js';
import { instantMs } from '../time/instant.js';
import type { StoredSignal } from '../store/store.js';
import type { QuestionEvidence, QuestionState } from './types.js';
import type { BriefingWindow } from './window.js';
import { compareText } from '../text/compare.js';

/** Newest first, deterministic among equal times. */
export function sortSignals(signals: readonly StoredSignal[]): StoredSignal[] {
  return [...signals].sort(
    (a, b) => instantMs(b.occurredAt) - instantMs(a.occurredAt) || compareText(b.eventId, a.eventId) || compareText(a.text, b.text),
  );
}

/** Flatten the signals carried by records (for callers that hold records, not a store). */
export function signalsOf(records: readonly EventRecord[]): StoredSignal[] {
  const out: StoredSignal[] = [];
  for (const rec of records) {
    if ((rec.status ?? 'published') !== 'published') continue;
    for (const s of rec.signals ?? []) {
      const sig: StoredSignal = { eventId: rec.id, story: rec.story, question: s.question, status: s.status, text: s.text, occurredAt: rec.occurredAt };
      if (s.fact !== undefined) sig.fact = s.fact;
      if (s.unknowns !== undefined) sig.unknowns = s.unknowns;
      out.push(sig);
    }
  }
  return out;
}

/**
 * Status of a question from its signals: the newest signal decides (so a later `contested` overrides an
 * earlier `moved`); `lastChangedAt` is when the current status began. No signal → `open`, never changed.
 */
export function deriveStatus(signalsNewestFirst: readonly StoredSignal[]): { status: QuestionStatus; lastChangedAt: string | null } {
  const latest = signalsNewestFirst[0];
  if (!latest) return { status: 'open', lastChangedAt: null };
  let changedAt = latest.occurredAt;
  for (const s of signalsNewestFirst) {
    if (s.status !== latest.status) break;
    changedAt = s.occurredAt;
  }
  return { status: latest.status, lastChangedAt: new Date(instantMs(changedAt)).toISOString() };
}

/** Build one question's state as of `now`, with evidence from signals and from facts tagged with it. */
export function questionState(input: {
  question: Question;
  signals: readonly StoredSignal[];
  records: ReadonlyMap<string, EventRecord>;
  window: BriefingWindow;
  now: number;
  evidenceLimit: number;
}): QuestionState {
  const { question, records, window, now } = input;
  const mine = sortSignals(input.signals.filter((s) => s.question === question.id && instantMs(s.occurredAt) <= now));
  const { status, lastChangedAt } = deriveStatus(mine);
  const before = mine.filter((s) => instantMs(s.occurredAt) < window.from);
  const previous = deriveStatus(before);
  const changedInWindow = lastChangedAt !== null && instantMs(lastChangedAt) >= window.from && (before.length === 0 || previous.status !== status);

  const evidence: QuestionEvidence[] = [];
  const seen = new Set<string>();
  for (const s of mine) {
    const rec = records.get(s.eventId);
    const src = sourceOfFact(rec, s.fact);
    const key = `${s.eventId}#${s.fact ?? s.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ev: QuestionEvidence = { eventId: s.eventId, text: s.text, source: src.name, at: new Date(instantMs(s.occurredAt)).toISOString(), status: s.status };
    if (s.fact !== undefined) ev.factId = s.fact;
    if (src.url !== undefined) ev.url = src.url;
    evidence.push(ev);
  }
  // Facts tagged with the question but carrying no signal are evidence too (status: open).
  const tagged: QuestionEvidence[] = [];
  for (const rec of records.values()) {
    if (instantMs(rec.occurredAt) > now) continue;
    rec.facts.forEach((f, i) => {
      if (!(f.questions ?? []).includes(question.id)) return;
      const id = factId(f, i);
      if (seen.has(`${rec.id}#${id}`)) return;
      const src = sourceOfFact(rec, id);
      const ev: QuestionEvidence = { eventId: rec.id, factId: id, text: f.text, source: src.name, at: new Date(instantMs(rec.occurredAt)).toISOString(), status: 'open' };
      if (src.url !== undefined) ev.url = src.url;
      tagged.push(ev);
    });
  }
  tagged.sort((a, b) => instantMs(b.at) - instantMs(a.at) || compareText(a.eventId, b.eventId) || compareText(a.factId ?? '', b.factId ?? ''));
  const all = [...evidence, ...tagged].sort((a, b) => instantMs(b.at) - instantMs(a.at));
  const latest = mine[0];
  const state: QuestionState = {
    id: question.id,
    label: question.label,
    question: question.question,
    status,
    summary: latest ? latest.text : (all[0]?.text ?? 'No evidence recorded yet.'),
    lastChangedAt,
    changedInWindow,
    evidence: all.slice(0, input.evidenceLimit),
  };
  if (changedInWindow && before.length > 0) state.previousStatus = previous.status;
  const unknowns = latest?.unknowns ?? question.unknowns;
  if (unknowns && unknowns.length > 0) state.unknowns = unknowns;
  return state;
}

function sourceOfFact(rec: EventRecord | undefined, fact: string | undefined): { name: string; url?: string } {
  if (!rec) return { name: 'unknown source' };
  const f = fact !== undefined ? rec.facts.find((x, i) => factId(x, i) === fact) : undefined;
  const src = rec.sources.find((s) => s.id === (f?.source ?? rec.sources[0]?.id)) ?? rec.sources[0];
  if (!src) return { name: 'unknown source' };
  return src.url !== undefined ? { name: src.name, url: src.url } : { name: src.name };
}
