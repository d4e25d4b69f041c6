import fc from 'fast-check';
import type { Briefing, Development, QuestionState, WatchItem } from '../../src/briefing/types.js';
import type { QuestionStatus } from '../../src/records/schema.js';

/** Text that tries to ping, inject markup or confuse a terminal, mixed with arbitrary Unicode. */
export const HOSTILE_TOKENS = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U123ABC>',
  '<@W0ADMIN|boss>',
  '<#C0GENERAL|general>',
  '<!subteam^S0TEAM>',
  '<!date^1392734382^{date}|Feb 18>',
  '<https://evil.test|click me>',
  '<mailto:a@b.test|mail>',
  '@everyone',
  '@here',
  '<@&123456789012345678>',
  '<@123456789012345678>',
  '&lt;!channel&gt;',
  '&amp;',
  '*bold*',
  '_it_',
  '~strike~',
  '`code`',
  '```block```',
  '||spoiler||',
  '[masked](https://evil.test)',
  '> quote',
  '# heading',
  '-# subtext',
  '\u202e',
  '\u0007',
  '\u001b[31m',
  '\r\n',
  '|',
  '…',
  '👍🏽',
] as const;

const token = fc.constantFrom(...HOSTILE_TOKENS);
const word = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('Kyiv', 'ceasefire', 'talks.', 'said', '"quote"', 'Mr.', 'U.S.'));

/** A hostile, possibly very long, never blank string. */
export const hostileText = fc
  .oneof(
    { weight: 5, arbitrary: fc.array(fc.oneof(token, word), { minLength: 1, maxLength: 40 }).map((parts) => parts.join(' ')) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 400 }) },
    { weight: 1, arbitrary: fc.string({ minLength: 1500, maxLength: 6000 }) },
    { weight: 1, arbitrary: fc.array(token, { minLength: 50, maxLength: 300 }).map((t) => t.join('')) },
  )
  .filter((s) => s.trim().length > 0);

const status = fc.constantFrom<QuestionStatus>('open', 'moved', 'resolved', 'contested');
const iso = fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') }).map((ms) => new Date(ms).toISOString());
const url = fc.option(fc.oneof(fc.webUrl(), hostileText, fc.constantFrom('javascript:alert(1)', 'https://x.test/a|b>c', 'https://x.test/<!channel>')), { nil: undefined });
const slugId = fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,2}$/);

const development: fc.Arbitrary<Development> = fc.record(
  {
    text: hostileText,
    eventId: slugId,
    factIds: fc.array(slugId, { maxLength: 3 }),
    sources: fc.array(fc.record({ name: hostileText, url }, { requiredKeys: ['name'] }), { minLength: 1, maxLength: 4 }),
    occurredAt: iso,
    sourceCount: fc.integer({ min: 1, max: 9 }),
    speaker: hostileText,
  },
  { requiredKeys: ['text', 'eventId', 'factIds', 'sources', 'occurredAt', 'sourceCount'] },
);

const question: fc.Arbitrary<QuestionState> = fc.record(
  {
    id: slugId,
    label: hostileText,
    question: hostileText,
    status,
    summary: hostileText,
    lastChangedAt: fc.option(iso, { nil: null }),
    changedInWindow: fc.boolean(),
    previousStatus: status,
    unknowns: fc.array(hostileText, { maxLength: 4 }),
    evidence: fc.array(
      fc.record(
        { eventId: slugId, factId: slugId, text: hostileText, source: hostileText, url, at: iso, status },
        { requiredKeys: ['eventId', 'text', 'source', 'at', 'status'] },
      ),
      { maxLength: 8 },
    ),
  },
  { requiredKeys: ['id', 'label', 'question', 'status', 'summary', 'lastChangedAt', 'changedInWindow', 'evidence'] },
);

const watch: fc.Arbitrary<WatchItem> = fc.record({ text: hostileText, eventId: slugId, factId: slugId, due: iso, source: hostileText }, { requiredKeys: ['text', 'eventId'] });

/** Any Briefing a buggy or hostile store could yield: hostile strings everywhere, sizes from empty to huge. */
export const briefingArb: fc.Arbitrary<Briefing> = fc
  .record({
    story: fc.record({ id: slugId, title: hostileText }),
    generatedAt: iso,
    window: fc.record({ from: iso, to: iso, fallback: fc.boolean() }),
    headline: hostileText,
    developments: fc.array(development, { maxLength: 60 }),
    questions: fc.uniqueArray(question, { maxLength: 12, selector: (q) => q.id }),
    watch: fc.array(watch, { maxLength: 20 }),
    sources: fc.array(fc.record({ name: hostileText, url, publishedAt: iso }, { requiredKeys: ['name'] }), { maxLength: 40 }),
    stats: fc.record({ eventsInWindow: fc.nat(100_000), developmentsOmitted: fc.nat(1000) }),
    useFocus: fc.boolean(),
  })
  .map(({ useFocus, ...b }) => {
    const focus = useFocus ? b.questions[0]?.id : undefined;
    return focus !== undefined ? { ...b, focus } : b;
  });
