import type { Briefing, Development, QuestionState } from '../../src/briefing/types.js';

/** Hostile text: every way news text could try to ping or link in Slack. */
export const HOSTILE = '<!channel> @everyone <@U123> <https://x.test|click> & <!here>';

/** A small, realistic briefing built directly (independent of the engine). */
export function makeBriefing(overrides: Partial<Briefing> = {}): Briefing {
  const questions: QuestionState[] = [
    {
      id: 'ceasefire',
      label: 'Ceasefire',
      question: 'Will a ceasefire be agreed?',
      status: 'moved',
      summary: 'Both sides agreed to a 30-day pause on strikes against energy infrastructure.',
      lastChangedAt: '2025-05-18T12:00:00Z',
      changedInWindow: true,
      previousStatus: 'open',
      evidence: [
        { eventId: 'e1', text: 'Energy strike pause agreed.', source: 'Reuters', url: 'https://reuters.example/a', at: '2025-05-18T12:00:00Z', status: 'moved' },
        { eventId: 'e0', text: 'Talks announced.', source: 'AP', at: '2025-05-10T09:00:00Z', status: 'open' },
      ],
    },
    {
      id: 'territory',
      label: 'Territory',
      question: 'Who controls which territory after a deal?',
      status: 'open',
      summary: 'No agreement on lines of control.',
      lastChangedAt: null,
      changedInWindow: false,
      evidence: [],
    },
  ];
  const developments: Development[] = [
    {
      text: 'Delegations met in Istanbul for two hours.',
      eventId: 'e1',
      factIds: ['f1'],
      sources: [{ name: 'Reuters', url: 'https://reuters.example/a' }],
      occurredAt: '2025-05-18T12:00:00Z',
      sourceCount: 2,
    },
  ];
  return {
    story: { id: 'ru-ua-ceasefire', title: 'Russia–Ukraine ceasefire talks' },
    generatedAt: '2025-05-19T06:00:00Z',
    window: { from: '2025-05-18T06:00:00Z', to: '2025-05-19T06:00:00Z', fallback: false },
    headline: 'Talks resume in Istanbul; energy-strike pause agreed.',
    developments,
    questions,
    watch: [{ text: 'Follow-up meeting expected within days.', eventId: 'e1', due: '2025-05-25' }],
    sources: [
      { name: 'Reuters', url: 'https://reuters.example/a' },
      { name: 'AP', url: 'https://ap.example/b' },
    ],
    stats: { eventsInWindow: 1, developmentsOmitted: 0 },
    ...overrides,
  };
}

/** A briefing far beyond every Slack limit. */
export function hugeBriefing(): Briefing {
  const long = 'The delegations spent the day on procedural questions. '.repeat(200); // ~11k chars
  const base = makeBriefing();
  const developments: Development[] = Array.from({ length: 400 }, (_, i) => ({
    text: `${i}: ${long}`,
    eventId: `e${i}`,
    factIds: ['f1'],
    sources: Array.from({ length: 8 }, (_, j) => ({ name: `Source ${j} ${'x'.repeat(200)}`, url: `https://s${j}.example/${'p'.repeat(400)}?a=1&b=2` })),
    occurredAt: '2025-05-18T12:00:00Z',
    sourceCount: 8,
    speaker: 'A very long speaker name '.repeat(10),
  }));
  const questions: QuestionState[] = Array.from({ length: 80 }, (_, i) => ({
    id: `q${i}`,
    label: `Question ${i} ${'label '.repeat(40)}`,
    question: `Will ${long}`,
    status: (['open', 'moved', 'resolved', 'contested'] as const)[i % 4] ?? 'open',
    summary: long,
    lastChangedAt: '2025-05-18T12:00:00Z',
    changedInWindow: i % 2 === 0,
    previousStatus: 'open',
    unknowns: [long, long],
    evidence: Array.from({ length: 100 }, (_, j) => ({ eventId: `e${j}`, text: long, source: `Src ${j}`, url: `https://e${j}.example/`, at: '2025-05-18T12:00:00Z', status: 'open' as const })),
  }));
  return {
    ...base,
    story: { id: 'x', title: `A story title ${'that is far too long '.repeat(20)}` },
    headline: long,
    developments,
    questions,
    watch: Array.from({ length: 300 }, (_, i) => ({ text: `${i} ${long}`, eventId: `e${i}`, due: '2025-06-01', source: 'Wire' })),
    sources: Array.from({ length: 60 }, (_, i) => ({ name: `Source ${i}`, url: `https://s${i}.example/` })),
    stats: { eventsInWindow: 500, developmentsOmitted: 100 },
  };
}
