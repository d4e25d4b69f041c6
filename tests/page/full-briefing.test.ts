import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/briefing/compose.js';
import { buildFullBriefing, EVIDENCE_MAX, EVIDENCE_RECENT, evidenceEvents, newestFirst, statusSpans } from '../../src/briefing/full.js';
import type { EventRecord } from '../../src/records/schema.js';
import { deriveStatus, signalsOf, sortSignals } from '../../src/briefing/questions.js';
import type { StoredSignal } from '../../src/store/store.js';
import { renderPage } from '../../src/page/html.js';
import { MORNING_AFTER, sampleRecords, sampleStory } from '../helpers/fixtures.js';

const WEEK_AGO = new Date(MORNING_AFTER.getTime() - 7 * 86_400_000);

function bundled(since?: Date) {
  const events = sampleRecords();
  return buildFullBriefing({ story: sampleStory(), events, signals: signalsOf(events), now: MORNING_AFTER, ...(since ? { since } : {}) });
}

describe('the full briefing (page data)', () => {
  it('keeps every development the engine ranks, not just five, grouped by day and event, newest first', () => {
    const full = bundled(WEEK_AGO);
    const five = buildBriefing({ story: sampleStory(), events: sampleRecords(), signals: signalsOf(sampleRecords()), now: MORNING_AFTER, since: WEEK_AGO });
    // The engine's briefing stops at twelve bullets (renderers show what fits); the page keeps every one.
    expect(five.developments.length).toBe(12);
    expect(full.stats.developments).toBeGreaterThan(five.developments.length);
    expect(full.days.map((d) => d.date)).toEqual(['2025-05-19', '2025-05-16']);
    const events = full.days.flatMap((d) => d.events);
    expect(events.length).toBe(6);
    const starts = events.map((e) => Date.parse(e.occurredAt));
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    // Every development traces to a fact of its own event, with at least one outlet.
    const records = new Map(sampleRecords().map((r) => [r.id, r]));
    for (const ev of events) {
      const rec = records.get(ev.id);
      expect(rec?.title).toBe(ev.title);
      for (const d of ev.developments) {
        expect(rec?.facts.some((f) => f.text === d.text)).toBe(true);
        expect(d.sources.length).toBeGreaterThan(0);
      }
    }
    // The sources list covers every outlet the page cites.
    const listed = new Set(full.sources.map((s) => s.name));
    for (const ev of events) for (const d of ev.developments) for (const s of d.sources) expect(listed.has(s.name)).toBe(true);
  });

  it('gives each question its whole evidence history, and status spans that end in the engine’s status and “since”', () => {
    const full = bundled();
    const briefing = buildBriefing({ story: sampleStory(), events: sampleRecords(), signals: signalsOf(sampleRecords()), now: MORNING_AFTER });
    for (const q of full.questions) {
      const short = briefing.questions.find((x) => x.id === q.id);
      expect(q.status).toBe(short?.status);
      expect(q.lastChangedAt).toBe(short?.lastChangedAt);
      expect(q.evidence.length).toBeGreaterThanOrEqual(short?.evidence.length ?? 0);
      const last = q.spans[q.spans.length - 1];
      expect(last?.status).toBe(q.status);
      expect(last?.from).toBe(q.lastChangedAt);
      expect(last?.to).toBe(MORNING_AFTER.toISOString());
    }
    expect(Math.max(...full.questions.map((q) => q.evidence.length))).toBeGreaterThan(3);
    // The shared axis starts at the earliest evidence (the bare-dated Istanbul round, placed at midday of its day).
    expect(full.timeline).toEqual({ from: '2025-05-16T12:00:00.000Z', to: MORNING_AFTER.toISOString() });
  });

  it('is deterministic: the same data and clock give the same JSON and the same page bytes', () => {
    const a = bundled(WEEK_AGO);
    const shuffled = sampleRecords().reverse();
    const b = buildFullBriefing({ story: sampleStory(), events: shuffled, signals: signalsOf(shuffled).reverse(), now: MORNING_AFTER, since: WEEK_AGO });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(renderPage(b)).toBe(renderPage(a));
  });
});

describe('a long history', () => {
  // A year of daily signals on one question: the status changes every 20 days.
  const story = sampleStory();
  const statuses = ['open', 'moved', 'contested', 'moved', 'resolved'] as const;
  const records: EventRecord[] = Array.from({ length: 365 }, (_, i) => {
    const day = new Date(Date.parse('2024-05-20T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10);
    return {
      id: `day-${String(i).padStart(3, '0')}`,
      story: story.id,
      occurredAt: `${day}T12:00:00Z`,
      title: `Day ${i} of talks`,
      sources: [{ id: 'wire', name: 'Wire', url: `https://wire.example/${i}` }],
      facts: [{ text: `On day ${i} the delegations met.`, source: 'wire', questions: ['territory'] }],
      signals: [{ question: 'territory', status: statuses[Math.floor(i / 20) % statuses.length] ?? 'open', fact: 'f1', text: `Day ${i}: the territory talks went on.` }],
    };
  });

  it('keeps every change of status, the newest evidence, and says how much there is in all', () => {
    const signals = signalsOf(records);
    const full = buildFullBriefing({ story, events: records, signals, now: MORNING_AFTER });
    const q = full.questions.find((x) => x.id === 'territory');
    if (!q) throw new Error('territory missing');
    // Nineteen runs of signals, but an `open` signal records evidence without changing a status (the engine's
    // rule): the three returns to `open` after `resolved` are no changes.
    expect(q.spans.length).toBe(16);
    expect(q.evidenceTotal).toBe(365);
    expect(q.evidence.length).toBeLessThanOrEqual(EVIDENCE_MAX);
    expect(q.evidence.slice(0, EVIDENCE_RECENT).map((e) => e.eventId)).toEqual(records.slice(-EVIDENCE_RECENT).reverse().map((r) => r.id));
    for (const span of q.spans) expect(q.evidence.some((e) => e.eventId === span.eventId && e.status === span.status)).toBe(true);
    // The store reads only the events behind what is shown, not one per signal.
    const needed = evidenceEvents(signals, MORNING_AFTER.getTime());
    // (It reads the events behind the signals' own changes of status, a superset of the engine's.)
    expect(needed.size).toBeLessThanOrEqual(EVIDENCE_RECENT + statusSpans(signals, MORNING_AFTER.getTime()).length);
    for (const e of q.evidence) expect(needed.has(e.eventId)).toBe(true);
  });
});

describe('status spans', () => {
  const sig = (status: StoredSignal['status'], at: string, eventId = `e-${at}`): StoredSignal => ({ eventId, story: 's', question: 'q', status, text: `${status} at ${at}`, occurredAt: at });

  it('starts a band at each change of status and merges repeats', () => {
    const now = Date.parse('2025-06-01T00:00:00Z');
    const spans = statusSpans(
      [sig('contested', '2025-05-20T00:00:00Z'), sig('open', '2025-05-01T00:00:00Z'), sig('moved', '2025-05-10T00:00:00Z'), sig('moved', '2025-05-12T00:00:00Z'), sig('moved', '2025-07-01T00:00:00Z')],
      now,
    );
    expect(spans).toEqual([
      { status: 'open', from: '2025-05-01T00:00:00.000Z', to: '2025-05-10T00:00:00.000Z', eventId: 'e-2025-05-01T00:00:00Z' },
      { status: 'moved', from: '2025-05-10T00:00:00.000Z', to: '2025-05-20T00:00:00.000Z', eventId: 'e-2025-05-10T00:00:00Z' },
      { status: 'contested', from: '2025-05-20T00:00:00.000Z', to: '2025-06-01T00:00:00.000Z', eventId: 'e-2025-05-20T00:00:00Z' },
    ]);
    expect(statusSpans([], now)).toEqual([]);
  });

  it('always ends in the status and "since" the engine derives, whatever the signals (ties included)', () => {
    const statuses = ['open', 'moved', 'resolved', 'contested'] as const;
    const arb = fc.array(fc.record({ status: fc.constantFrom(...statuses), day: fc.integer({ min: 1, max: 9 }), id: fc.constantFrom('a', 'b', 'c') }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(arb, (raw) => {
        const now = Date.parse('2025-05-31T00:00:00Z');
        const signals = raw.map((r) => sig(r.status, `2025-05-0${r.day}T00:00:00Z`, r.id));
        const spans = statusSpans(signals, now);
        expect(newestFirst(signals, now)).toEqual(sortSignals(signals));
        const engine = deriveStatus(sortSignals(signals));
        const last = spans[spans.length - 1];
        expect(last?.status).toBe(engine.status);
        expect(last?.from).toBe(engine.lastChangedAt);
        for (let i = 1; i < spans.length; i++) expect(spans[i]?.from).toBe(spans[i - 1]?.to);
        for (const s of spans.slice(0, -1)) expect(Date.parse(s.to)).toBeGreaterThan(Date.parse(s.from));
      }),
      { numRuns: 300, seed: 19 },
    );
  });
});
