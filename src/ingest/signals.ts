import type { Fact, QuestionStatus, Signal, Story } from '../records/schema.js';
import { factId } from '../records/fact-id.js';
import { POSITION_STANCES, readStance, type StanceReading } from '../briefing/stance.js';
import { statusAfter, type SideStances } from '../briefing/question-status.js';
import { fitText } from './facts.js';

/** Stance weight for choosing a signal's evidence: a dispute or position says more than a stated unknown. */
const WEIGHT: Record<StanceReading['stance'], number> = { dispute: 3, reject: 3, demand: 3, accept: 3, propose: 3, unknown: 1, none: 0 };

/**
 * Stance readings by fact text and speaker, per story's sides: an event's signals are proposed again each time an
 * article merges into it, over facts already read. Pure, so never stale; bounded, emptied when full.
 */
const readingMemo = new WeakMap<object, Map<string, StanceReading>>();
const READINGS_MAX = 20_000;
const NO_SIDES = {};

function storedReading(f: Fact, story: Story): StanceReading {
  const key = story.sides ?? NO_SIDES;
  let memo = readingMemo.get(key);
  if (!memo) {
    memo = new Map();
    readingMemo.set(key, memo);
  }
  const k = `${f.speaker ?? ''}\u0000${f.text}`;
  let r = memo.get(k);
  if (!r) {
    r = readStance(f.text, { ...(f.speaker !== undefined ? { speaker: f.speaker } : {}), ...(story.sides ? { sides: story.sides } : {}) });
    if (memo.size >= READINGS_MAX) memo.clear();
    memo.set(k, r);
  }
  return r;
}

/**
 * Propose one signal per question the facts bear on, from the stance each tagged fact takes and whose side takes
 * it (the story's `sides`): `contested` when the sides conflict (one side's proposal or demand and another's
 * rejection, or a reported dispute), `moved` when a side states a position (proposal, demand, acceptance,
 * rejection), `open` when the facts only mention the question or say what is unknown. The signal points at its
 * evidence fact (the weightiest; among equals the one from the latest source, so a merged report's news wins) and
 * lists what is still unknown.
 */
export function proposeSignals(facts: readonly Fact[], story: Story): Signal[] {
  const signals: Signal[] = [];
  const sourceOrder = new Map<string, number>();
  for (const f of facts) if (!sourceOrder.has(f.source)) sourceOrder.set(f.source, sourceOrder.size);
  // A fact's stance does not depend on the question: read once, and only for facts tagged with one.
  const readings = new Map<number, StanceReading>();
  const readingOf = (f: Fact, i: number): StanceReading => {
    let r = readings.get(i);
    if (!r) {
      r = storedReading(f, story);
      readings.set(i, r);
    }
    return r;
  };
  for (const q of story.questions) {
    // A loop, not a flatMap (several times slower in V8): every question of every merge reads all the event's facts.
    const tagged: Array<{ f: Fact; i: number; id: string; reading: StanceReading }> = [];
    facts.forEach((f, i) => {
      if (f.questions?.includes(q.id)) tagged.push({ f, i, id: factId(f, i), reading: readingOf(f, i) });
    });
    if (tagged.length === 0) continue;

    // The facts in the order the sources reported them: each stance updates its side's latest position.
    const sides: SideStances = new Map();
    let status = 'open' as QuestionStatus;
    let setter = -1;
    tagged.forEach((t, k) => {
      const next = statusAfter(status, t.reading, sides, undefined, story.sides, q.by);
      if (next !== status) setter = k;
      status = next;
    });
    // Conflicting accounts: one outlet reports a side's offer or acceptance, another that side's denial or rejection
    // (without sides in the story: any offer against any denial).
    const conflicting = tagged.find(
      (d) =>
        d.reading.stance === 'reject' &&
        tagged.some((a) => a.reading.side === d.reading.side && a.f.source !== d.f.source && (a.reading.stance === 'accept' || a.reading.stance === 'propose')),
    );
    if (conflicting && status !== 'contested') {
      status = 'contested';
      setter = tagged.indexOf(conflicting);
    }
    // Among equals, the latest source's report wins (a merged article's news), then the earlier sentence of it.
    const newest = (a: (typeof tagged)[number], b: (typeof tagged)[number]) => (sourceOrder.get(b.f.source) ?? 0) - (sourceOrder.get(a.f.source) ?? 0) || a.i - b.i;
    const pool =
      status === 'open'
        ? [...tagged].sort((a, b) => WEIGHT[b.reading.stance] - WEIGHT[a.reading.stance] || newest(a, b))
        : tagged.slice(Math.max(0, setter)).filter((t) => POSITION_STANCES.has(t.reading.stance)).sort(newest);
    const evidence = pool[0] ?? tagged[0];
    if (!evidence) continue;
    const unknowns = tagged
      .filter(({ reading }) => reading.stance === 'unknown')
      .map(({ f }) => fitText(f.text, 200))
      .filter((u, i, all) => all.indexOf(u) === i)
      .slice(0, 3);
    const signal: Signal = { question: q.id, status, text: fitText(evidence.f.text), fact: evidence.id };
    if (unknowns.length > 0) signal.unknowns = unknowns;
    signals.push(signal);
  }
  return signals;
}
