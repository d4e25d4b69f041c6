import { describe, expect, it } from 'vitest';
import { aheadOfIt } from '../../src/briefing/ahead.js';
import { buildBriefing } from '../../src/briefing/compose.js';
import { deriveStatus, signalsOf } from '../../src/briefing/questions.js';
import { rankEvents } from '../../src/briefing/rank.js';
import { dropRedundant } from '../../src/briefing/redundancy.js';
import { inWindow, windowFor } from '../../src/briefing/window.js';
import type { EventRecord } from '../../src/records/schema.js';
import type { StoredSignal } from '../../src/store/store.js';
import { MORNING_AFTER, sampleRecords, sampleStory } from '../helpers/fixtures.js';
import { renderText } from '../../src/render/text.js';

const story = sampleStory();
const rec = (id: string, occurredAt: string, extra: Partial<EventRecord> = {}): EventRecord => ({
  id,
  story: 'ukraine-ceasefire',
  occurredAt,
  title: `Title ${id}`,
  facts: [{ text: `A report on ${id} says something distinct about ${id}.`, source: 's' }],
  sources: [{ id: 's', name: 'Source S' }],
  ...extra,
});
const sig = (eventId: string, occurredAt: string, status: StoredSignal['status'], question = 'territory'): StoredSignal => ({
  eventId,
  story: 'ukraine-ceasefire',
  question,
  status,
  text: `${status} at ${occurredAt}`,
  occurredAt,
});

describe('ranking', () => {
  it('puts important events first', () => {
    const now = Date.parse('2025-05-20T07:00:00Z');
    const ranked = rankEvents([rec('minor', '2025-05-20T06:00:00Z', { importance: 1 }), rec('major', '2025-05-19T20:00:00Z', { importance: 5 })], now);
    expect(ranked.map((r) => r.id)).toEqual(['major', 'minor']);
  });

  it('prefers corroborated and recent events when importance ties', () => {
    const now = Date.parse('2025-05-20T07:00:00Z');
    const two = rec('two-sources', '2025-05-19T20:00:00Z', { sources: [{ id: 's', name: 'A' }, { id: 't', name: 'B' }] });
    const one = rec('one-source', '2025-05-19T20:00:00Z');
    expect(rankEvents([one, two], now).map((r) => r.id)).toEqual(['two-sources', 'one-source']);
    const older = rec('older', '2025-05-18T20:00:00Z');
    const newer = rec('newer', '2025-05-20T06:00:00Z');
    expect(rankEvents([older, newer], now).map((r) => r.id)).toEqual(['newer', 'older']);
  });

  it('breaks exact ties deterministically by id', () => {
    const now = Date.parse('2025-05-20T07:00:00Z');
    const ranked = rankEvents([rec('b', '2025-05-20T06:00:00Z'), rec('a', '2025-05-20T06:00:00Z')], now);
    expect(ranked.map((r) => r.id)).toEqual(['a', 'b']);
  });
});

describe('redundancy removal', () => {
  it('drops a bullet that repeats an earlier one, keeping the better-ranked phrasing', () => {
    const kept = dropRedundant(
      ['Putin agreed to work on a memorandum for a peace deal.', 'Putin agreed to work on a peace memorandum.', 'Zelenskyy proposed a meeting in Turkey.'],
      (s) => s,
    );
    expect(kept).toEqual(['Putin agreed to work on a memorandum for a peace deal.', 'Zelenskyy proposed a meeting in Turkey.']);
  });

  it('never shows the same point twice in a briefing', () => {
    const a = rec('a', '2025-05-20T05:00:00Z', { importance: 5, facts: [{ text: 'Russia and Ukraine will start ceasefire talks immediately, Trump said.', source: 's' }] });
    const b = rec('b', '2025-05-20T06:00:00Z', { importance: 3, facts: [{ text: 'Trump said Russia and Ukraine will start ceasefire talks immediately.', source: 's' }] });
    const out = buildBriefing({ story, events: [a, b], signals: [], now: MORNING_AFTER });
    expect(out.developments).toHaveLength(1);
    expect(out.developments[0]?.eventId).toBe('a');
  });
});

describe('bullets per event', () => {
  const many = (id: string, at: string, n: number, rotate = 0): EventRecord =>
    rec(id, at, {
      facts: [
        'Negotiators arrived in Istanbul on Monday morning.',
        'The Kremlin published a draft memorandum overnight.',
        'Kyiv rejected any withdrawal from occupied regions.',
        'European ministers discussed a reassurance force.',
        'A prisoner exchange could follow within days.',
        'Washington signalled new sanctions if talks fail.',
      ]
        .map((_, i, all) => all[(i + rotate) % all.length] as string)
        .slice(0, n)
        .map((text) => ({ text: `${text.slice(0, -1)} (${id}).`, source: 's' })),
    });

  it('gives every event its lead before any event gets a second bullet', () => {
    // Each event leads with a different point (so none is dropped as a repeat of another).
    const events = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => many(id, `2025-05-20T0${i}:00:00Z`, 2, i));
    const out = buildBriefing({ story, events, signals: [], now: MORNING_AFTER });
    expect(new Set(out.developments.slice(0, 6).map((d) => d.eventId)).size).toBe(6);
    const five = buildBriefing({ story, events, signals: [], now: MORNING_AFTER, maxDevelopments: 5 });
    expect(new Set(five.developments.map((d) => d.eventId)).size).toBe(5);
  });

  it('lets a single event of the day use every bullet', () => {
    const out = buildBriefing({ story, events: [many('only', '2025-05-20T05:00:00Z', 6)], signals: [], now: MORNING_AFTER });
    expect(out.developments).toHaveLength(6);
    expect(new Set(out.developments.map((d) => d.eventId))).toEqual(new Set(['only']));
  });
});

describe('window selection', () => {
  it('defaults to the last 24 hours', () => {
    const w = windowFor(MORNING_AFTER);
    expect(new Date(w.from).toISOString()).toBe('2025-05-19T07:00:00.000Z');
    expect(inWindow({ occurredAt: '2025-05-19T06:59:00Z' }, w)).toBe(false);
    expect(inWindow({ occurredAt: '2025-05-19T07:00:00Z' }, w)).toBe(true);
  });

  it('places a bare date at its midday: the morning briefing counts yesterday, not the day just begun', () => {
    const w = windowFor(MORNING_AFTER);
    expect(inWindow({ occurredAt: '2025-05-19' }, w)).toBe(true);
    expect(inWindow({ occurredAt: '2025-05-18' }, w)).toBe(false);
    expect(inWindow({ occurredAt: '2025-05-20' }, w)).toBe(false);
  });

  it('shows a bare-dated event in exactly one of two briefings that follow each other', () => {
    const evening = new Date('2025-05-19T18:00:00Z');
    const first = windowFor(evening, new Date('2025-05-18T18:00:00Z'));
    const second = windowFor(MORNING_AFTER, evening);
    for (const day of ['2025-05-18', '2025-05-19', '2025-05-20']) {
      const shown = [first, second].filter((w) => inWindow({ occurredAt: day }, w)).length;
      expect(shown, day).toBeLessThanOrEqual(1);
    }
    expect(inWindow({ occurredAt: '2025-05-19' }, first)).toBe(true);
    expect(inWindow({ occurredAt: '2025-05-19' }, second)).toBe(false);
  });

  it('brings in an earlier event when a report of it was published in the window, with only that report as news', () => {
    const w = windowFor(MORNING_AFTER);
    const merged = rec('merged', '2025-05-18', {
      sources: [
        { id: 's', name: 'First Wire', publishedAt: '2025-05-18T09:00:00Z' },
        { id: 't', name: 'Later Wire', publishedAt: '2025-05-19T16:00:00Z' },
      ],
      facts: [
        { text: 'Delegations met in Istanbul on Sunday for talks on a prisoner exchange.', source: 's' },
        { text: 'Both sides on Monday confirmed the exchange of 1,000 prisoners each.', source: 't' },
      ],
    });
    expect(inWindow(merged, w)).toBe(true);
    // A report published within half a day of the event is its first report, not later news.
    expect(inWindow({ occurredAt: '2025-05-19T06:00:00Z', sources: [{ publishedAt: '2025-05-19T08:00:00Z' }] }, w)).toBe(false);
    const out = buildBriefing({ story, events: [merged], signals: [], now: MORNING_AFTER });
    expect(out.window.fallback).toBe(false);
    expect(out.developments.map((d) => d.text)).toEqual(['Both sides on Monday confirmed the exchange of 1,000 prisoners each.']);
  });

  it('uses `since` as the start of the window', () => {
    const out = buildBriefing({ story, events: [rec('old', '2025-05-10T00:00:00Z'), rec('new', '2025-05-19T12:00:00Z')], signals: [], now: MORNING_AFTER, since: new Date('2025-05-15T00:00:00Z') });
    expect(out.window).toEqual({ from: '2025-05-15T00:00:00.000Z', to: '2025-05-20T07:00:00.000Z', fallback: false });
    expect(out.developments.map((d) => d.eventId)).toEqual(['new']);
  });

  it('falls back to the latest events when the window is empty, and says so', () => {
    const out = buildBriefing({ story, events: [rec('last-week', '2025-05-12T00:00:00Z')], signals: [], now: MORNING_AFTER });
    expect(out.window.fallback).toBe(true);
    expect(out.developments.map((d) => d.eventId)).toEqual(['last-week']);
    expect(out.stats.eventsInWindow).toBe(0);
  });

  it('falls back to the last days of news only, not to events long before the latest', () => {
    const fact = (text: string) => ({ facts: [{ text, source: 's' }] });
    const events = [
      rec('last-week', '2025-05-12T00:00:00Z', fact('Delegations of Russia and Ukraine met in Istanbul for the first direct talks in three years.')),
      rec('days-before', '2025-05-08T00:00:00Z', fact('Putin proposed a three-day truce for the Victory Day parade in Moscow.')),
      rec('last-year', '2024-05-12T00:00:00Z', fact('Zelensky invited 160 countries to a peace summit in Switzerland in June.')),
    ];
    const out = buildBriefing({ story, events, signals: [], now: MORNING_AFTER });
    expect(out.window.fallback).toBe(true);
    expect(new Set(out.developments.map((d) => d.eventId))).toEqual(new Set(['last-week', 'days-before']));
  });

  it('shows nothing (no fallback) when asked for "since last briefing" semantics', () => {
    const out = buildBriefing({ story, events: [rec('last-week', '2025-05-12T00:00:00Z')], signals: [], now: MORNING_AFTER, fallback: 'none' });
    expect(out.window.fallback).toBe(false);
    expect(out.developments).toEqual([]);
  });

  it('ignores events after `now` and drafts', () => {
    const out = buildBriefing({ story, events: [rec('future', '2025-05-21T00:00:00Z'), rec('draft', '2025-05-20T01:00:00Z', { status: 'draft' })], signals: [], now: MORNING_AFTER });
    expect(out.developments).toEqual([]);
  });
});

describe('question status from signals', () => {
  it('is open with no change when there is no signal', () => {
    expect(deriveStatus([])).toEqual({ status: 'open', lastChangedAt: null });
  });

  it('takes the newest signal, so a later contested overrides an earlier moved', () => {
    const signals = [sig('b', '2025-05-19T12:00:00Z', 'contested'), sig('a', '2025-05-18T12:00:00Z', 'moved')];
    const out = buildBriefing({ story, events: [rec('a', '2025-05-18T12:00:00Z'), rec('b', '2025-05-19T12:00:00Z')], signals, now: MORNING_AFTER });
    const territory = out.questions.find((q) => q.id === 'territory');
    expect(territory?.status).toBe('contested');
    expect(territory?.lastChangedAt).toBe('2025-05-19T12:00:00.000Z');
    expect(territory?.changedInWindow).toBe(true);
    expect(territory?.previousStatus).toBe('moved');
  });

  it('dates the status from the first signal of the current run', () => {
    const s = deriveStatus([sig('c', '2025-05-19T12:00:00Z', 'moved'), sig('b', '2025-05-18T12:00:00Z', 'moved'), sig('a', '2025-05-17T12:00:00Z', 'open')]);
    expect(s).toEqual({ status: 'moved', lastChangedAt: '2025-05-18T12:00:00.000Z' });
  });

  it('ignores signals after now', () => {
    const out = buildBriefing({ story, events: [rec('a', '2025-05-22T00:00:00Z')], signals: [sig('a', '2025-05-22T00:00:00Z', 'resolved')], now: MORNING_AFTER });
    expect(out.questions.find((q) => q.id === 'territory')?.status).toBe('open');
  });
});

describe('the bundled story on the morning after the call', () => {
  const records = sampleRecords();
  const b = buildBriefing({ story, events: records, signals: signalsOf(records), now: MORNING_AFTER });

  it('has sourced developments covering the memorandum, the prisoner exchange and the meeting, the call first', () => {
    expect(b.developments.length).toBeGreaterThan(3);
    expect(b.developments.length).toBeLessThanOrEqual(12);
    expect(b.developments[0]?.eventId).toBe('2025-05-19-trump-putin-call');
    expect(b.headline).toBe('Trump and Putin hold a two-hour call and say ceasefire talks will start immediately');
    for (const d of b.developments) expect(d.sources.length).toBeGreaterThan(0);
    const text = b.developments.map((d) => d.text).join('\n');
    expect(text).toMatch(/memorandum/i);
    // The exchange "could be announced within days": past the first bullets, it is the thing to watch.
    expect([...b.developments, ...b.watch].map((d) => d.text).join('\n')).toMatch(/prisoner/i);
    expect(text).toMatch(/meeting/i);
  });

  it('traces every development to a fact of its record', () => {
    for (const d of b.developments) {
      const r = records.find((x) => x.id === d.eventId);
      expect(r).toBeDefined();
      for (const fid of d.factIds) expect(r?.facts.some((f, i) => (f.id ?? `f${i + 1}`) === fid && f.text === d.text)).toBe(true);
    }
  });

  it('tracks the three questions, none resolved', () => {
    expect(b.questions.map((q) => q.id)).toEqual(['territory', 'security-guarantees', 'ukraine-response']);
    for (const q of b.questions) expect(q.status).not.toBe('resolved');
  });

  it('shows forward-looking facts once: as a bullet, or under what to watch, never both', () => {
    const shown = [...b.developments.map((d) => d.text), ...b.watch.map((w) => w.text)];
    expect(shown.filter((t) => /within days/.test(t))).toHaveLength(1);
    for (const w of b.watch) expect(b.developments.map((d) => d.text)).not.toContain(w.text);
  });

  it('gives the same three question statuses as the records say', () => {
    expect(b.questions.map((q) => [q.id, q.status])).toEqual([
      ['territory', 'open'],
      ['security-guarantees', 'contested'],
      ['ukraine-response', 'moved'],
    ]);
    for (const q of b.questions) expect(q.lastChangedAt?.slice(0, 10)).toBe('2025-05-19');
  });

  it('is the same for the same input', () => {
    expect(JSON.stringify(buildBriefing({ story, events: [...records].reverse(), signals: signalsOf(records).reverse(), now: MORNING_AFTER }))).toBe(JSON.stringify(b));
  });

  it('focuses on one question with its evidence timeline', () => {
    const f = buildBriefing({ story, events: records, signals: signalsOf(records), now: MORNING_AFTER, question: 'ukraine-response' });
    expect(f.focus).toBe('ukraine-response');
    expect(f.questions.map((q) => q.id)).toEqual(['ukraine-response']);
    expect(f.questions[0]?.evidence.length).toBeGreaterThan(1);
    expect(f.developments.every((d) => /Zelensk|Kyiv/.test(d.text))).toBe(true);
  });
});

describe('what to watch', () => {
  it('names who said a thing to watch when its text says only "he"', () => {
    // Reported two days before the window, due after it: a reminder under what to watch.
    const earlier = rec('abu-dhabi', '2025-05-17T20:00:00Z', {
      facts: [
        { text: 'Russia, Ukraine and the United States concluded a second round of talks in Abu Dhabi on Saturday.', source: 's' },
        { text: '"The delegations agreed to report back to their capitals and to continue trilateral discussions in the coming weeks," he stressed.', source: 's', speaker: 'Steve Witkoff', watch: { due: '2025-05-30' } },
      ],
    });
    const out = buildBriefing({ story, events: [earlier, rec('istanbul', '2025-05-19T20:00:00Z')], signals: [], now: MORNING_AFTER });
    expect(out.watch.map((w) => w.speaker)).toEqual(['Steve Witkoff']);
    expect(renderText(out)).toContain('in the coming weeks," he stressed. (Steve Witkoff)');
  });
});

describe('question lines', () => {
  it('points the second of two questions to the first when both would show the same sentence', () => {
    const e = rec('one-report', '2025-05-19T20:00:00Z');
    const territory = { ...sig('one-report', '2025-05-19T20:00:00Z', 'moved', 'territory'), text: 'Trump has demanded the neutrality of Ukraine and the recognition of the occupied territories.' };
    const guarantees = { ...territory, question: 'security-guarantees' };
    const out = buildBriefing({ story, events: [e], signals: [territory, guarantees], now: MORNING_AFTER });
    const t = out.questions.find((q) => q.id === 'territory');
    const g = out.questions.find((q) => q.id === 'security-guarantees');
    expect(g?.summary).toBe(t?.summary);
    expect(g?.sameAs).toBe('territory');
    expect(t?.sameAs).toBeUndefined();
    const text = renderText(out);
    expect(text.split('the recognition of the occupied territories').length - 1).toBe(1);
    expect(text).toContain('The same report as for Territory, above.');
  });
});

describe('what to watch', () => {
  it("moves a bullet that looks ahead, ranked past the first four, to What to watch when the window has nothing else to watch", () => {
    const facts = [
      'Russian and Ukrainian delegations met in Istanbul on Monday for their first direct talks in three years.',
      'The talks lasted less than two hours and ended without a ceasefire, Turkish officials said.',
      'Both sides agreed to exchange 1,000 prisoners of war each, the largest swap of the war.',
      'Ukraine’s defence minister Rustem Umerov led the Ukrainian delegation, Vladimir Medinsky the Russian one.',
      'European leaders called the Russian delegation’s demands unacceptable.',
      'The Turkish foreign minister Hakan Fidan chaired the meeting at the Dolmabahçe palace.',
      'Kyiv said Moscow had demanded a withdrawal from four regions before any ceasefire.',
      'The US secretary of state Marco Rubio met both delegations separately in the morning.',
      'Officials said the delegations would meet again.',
    ];
    const event = rec('istanbul', '2025-05-16T12:00:00Z', { facts: facts.map((text, i) => ({ text, source: 's', ...(i === facts.length - 1 ? { watch: {} } : {}) })) });
    const out = buildBriefing({ story, events: [event], signals: [], now: new Date('2025-05-17T07:00:00Z') });
    expect(out.watch.map((w) => w.text)).toEqual([facts[facts.length - 1]]);
    expect(out.developments.map((d) => d.text)).not.toContain(facts[facts.length - 1]);
    // Months later the window is empty and the briefing falls back to the latest news: that is history, nothing to watch.
    const later = buildBriefing({ story, events: [event], signals: [], now: new Date('2025-09-01T07:00:00Z') });
    expect(later.window.fallback).toBe(true);
    expect(later.watch).toEqual([]);
    // Not when that bullet is a question's line: it would stand twice, under the question and under What to watch.
    const asked = 'Officials said the delegations would meet again to discuss security guarantees for Ukraine.';
    const tagged = rec('istanbul', '2025-05-16T12:00:00Z', {
      facts: [...facts.slice(0, -1), asked].map((text, i) => ({ text, source: 's', ...(i === facts.length - 1 ? { watch: {}, questions: ['security-guarantees'] } : {}) })),
    });
    const both = buildBriefing({ story, events: [tagged], signals: [], now: new Date('2025-05-17T07:00:00Z') });
    expect(both.questions.find((q) => q.id === 'security-guarantees')?.summary).toBe(asked);
    expect(both.watch.map((w) => w.text)).not.toContain(asked);
  });

  it('takes a proposal or a call told in the past for no thing to watch, and a plan told with words of what is to come for one', () => {
    for (const text of [
      'China proposed a 12-point peace plan calling for a ceasefire and the end of unilateral sanctions.',
      'As the war enters its fifth year, the UN has called for an immediate ceasefire during the General Assembly.',
      'Zelenskyy said the U.S. again proposed a ceasefire banning strikes on energy infrastructure.',
    ])
      expect(aheadOfIt({ text, watch: {} }), text).toBe(false);
    for (const text of [
      'Their conversation, set to occur in Sochi, aims to reassess the Black Sea grain initiative.',
      'Both sides said a new round of talks is set to take place.',
      'Officials said the delegations would meet again.',
      'The envoys will meet in Geneva next week.',
    ])
      expect(aheadOfIt({ text, watch: {} }), text).toBe(true);
    // A day the source named is ahead whatever the words; a horizon the engine set is not such a day.
    expect(aheadOfIt({ text: 'The truce runs from May 8 to May 10.', watch: { due: '2025-05-08' } })).toBe(true);
    expect(aheadOfIt({ text: 'The UN called for a truce.', watch: { due: '2025-05-08', approx: true } })).toBe(false);
  });
});
