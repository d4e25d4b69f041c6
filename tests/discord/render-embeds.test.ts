import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, limitViolations, renderBriefing, renderCommandResult, sourceLink } from '../../adapters/discord/render-embeds.js';
import type { Briefing, Development, QuestionState } from '../../src/briefing/types.js';
import { buildBriefing } from '../../src/briefing/compose.js';
import { MORNING_AFTER, recordWithText, sampleBriefing, sampleRecords, sampleStory } from '../helpers/fixtures.js';
import { OVERLONG_BULLET, questionOnFirstBullet } from '../helpers/bullet-pointer.js';

const LONG = 'This sentence is deliberately long so that the renderer has to cut it somewhere sensible. '.repeat(40);

function development(i: number, text = LONG): Development {
  return {
    text,
    eventId: `e${i}`,
    factIds: ['f1'],
    sources: [{ name: `Source ${i}`, url: `https://example.test/${i}` }],
    occurredAt: '2025-05-19T16:00:00Z',
    sourceCount: 1,
  };
}

function question(i: number): QuestionState {
  return {
    id: `q${i}`,
    label: `Question ${i} ${'label '.repeat(50)}`,
    question: `Question text ${i}? ${LONG}`,
    status: (['open', 'moved', 'resolved', 'contested'] as const)[i % 4] ?? 'open',
    summary: LONG,
    lastChangedAt: '2025-05-19T17:00:00Z',
    changedInWindow: i % 2 === 0,
    previousStatus: 'open',
    unknowns: [LONG, LONG],
    evidence: Array.from({ length: 30 }, (_, j) => ({ eventId: `e${j}`, text: LONG, source: `Source ${j}`, url: 'https://example.test/x', at: '2025-05-19T10:00:00Z', status: 'moved' as const })),
  };
}

function huge(overrides: Partial<Briefing> = {}): Briefing {
  return sampleBriefing({
    story: { id: 's', title: `A story title that is far too long ${'x'.repeat(400)}` },
    headline: LONG,
    developments: Array.from({ length: 40 }, (_, i) => development(i)),
    questions: Array.from({ length: 40 }, (_, i) => question(i)),
    watch: Array.from({ length: 30 }, (_, i) => ({ text: LONG, eventId: `w${i}`, source: `Source ${i}`, due: '2025-05-25' })),
    sources: Array.from({ length: 200 }, (_, i) => ({ name: `Source number ${i}`, url: `https://example.test/${i}` })),
    stats: { eventsInWindow: 60, developmentsOmitted: 20 },
    ...overrides,
  });
}

describe('renderBriefing', () => {
  it('renders the sample briefing as one embed within every limit', () => {
    const msg = renderBriefing(sampleBriefing());
    expect(limitViolations(msg)).toEqual([]);
    expect(msg.embeds).toHaveLength(1);
    const e = msg.embeds[0]!;
    expect(e.title).toBe('Russia–Ukraine ceasefire talks');
    expect(e.timestamp).toBe('2025-05-20T07:00:00.000Z');
    expect(e.footer?.text).toContain('Report A');
    expect(e.description).toContain('[Report A](https://example.test/a)');
    // A source without a URL is named, never linked.
    expect(e.description).toContain('Report B');
    expect(e.description).not.toContain('[Report B]');
    const names = (e.fields ?? []).map((f) => f.name);
    expect(names.some((n) => n.includes('Territory'))).toBe(true);
    expect(names).toContain('What to watch');
    // Contested beats moved: the colour follows the most consequential change.
    expect(e.color).toBe(0xe74c3c);
  });

  it('keeps an oversized briefing within every limit and says how much was left out', () => {
    const msg = renderBriefing(huge(), { delayed: true });
    expect(limitViolations(msg)).toEqual([]);
    const e = msg.embeds[0]!;
    expect(e.title).toMatch(/\(delayed\)$/);
    expect(msg.content.startsWith('(delayed)')).toBe(true);
    expect(e.description).toMatch(/more — `\/sitrep brief`/);
    expect(e.fields!.length).toBeLessThanOrEqual(25);
  });

  it('keeps one question in detail within every limit', () => {
    const b = huge({ focus: 'q1', questions: [question(1)] });
    const msg = renderBriefing(b);
    expect(limitViolations(msg)).toEqual([]);
    expect(msg.embeds[0]!.title).toMatch(/^Question 1/);
  });

  it('marks delayed briefings and says when nothing happened', () => {
    const msg = renderBriefing(sampleBriefing({ developments: [], stats: { eventsInWindow: 0, developmentsOmitted: 0 } }), { delayed: true });
    expect(msg.embeds[0]!.title).toContain('(delayed)');
    expect(msg.embeds[0]!.description).toMatch(/^No new developments since <t:\d+:f>\./);
  });

  it('dates the latest developments shown for an empty window: in the notice when of one day, each when of several', () => {
    const fallback = { from: '2025-06-01T07:00:00.000Z', to: '2025-06-02T07:00:00.000Z', fallback: true };
    const base = sampleBriefing({ window: fallback });
    expect(renderBriefing(base).embeds[0]?.description).toContain('The latest developments, from 19 May 2025:');
    const first = base.developments[0]!;
    const description = renderBriefing({ ...base, developments: [first, { ...first, eventId: 'older', text: 'Putin offered talks in Istanbul.', occurredAt: '2025-05-11' }] }).embeds[0]?.description ?? '';
    const bullets = description.split('\n').filter((l) => l.startsWith('• '));
    expect(bullets.length).toBe(2);
    for (const line of bullets) expect(line).toMatch(/^• \d{1,2} [A-Z][a-z]{2} \d{4}: /);
  });

  it('satisfies the limits for any text (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 2000 }), { minLength: 0, maxLength: 30 }),
        fc.string({ maxLength: 500 }),
        fc.integer({ min: 0, max: 40 }),
        (texts, title, nq) => {
          const b = sampleBriefing({
            story: { id: 's', title },
            headline: texts[0] ?? '',
            developments: texts.map((t, i) => development(i, t)),
            questions: Array.from({ length: nq }, (_, i) => question(i)),
          });
          expect(limitViolations(renderBriefing(b))).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('renders a briefing built by the engine from the bundled records', () => {
    const story = sampleStory();
    const b = buildBriefing({ story, events: sampleRecords(), signals: [], now: MORNING_AFTER });
    const msg = renderBriefing(b);
    expect(limitViolations(msg)).toEqual([]);
    expect(msg.embeds[0]!.description!.length).toBeGreaterThan(0);
  });
});

describe('untrusted text', () => {
  it('leaves mentions exactly as written (allowed_mentions keeps them silent)', () => {
    // A whole sentence, so the engine shows it (a verbless line is never a bullet).
    const text = 'Officials sent a statement to @everyone <@123> <@&456> and @here.';
    const story = sampleStory();
    const b = buildBriefing({ story, events: [recordWithText(text)], signals: [], now: MORNING_AFTER });
    const msg = renderBriefing(b);
    expect(JSON.stringify(msg)).toContain('@everyone <@123> <@&456> and @here');
  });

  it('cannot inject masked links, headers or formatting', () => {
    expect(escapeMarkdown('# Big [click](https://evil.test) **bold** `code` ||spoiler||')).toBe(
      '\\# Big \\[click\\](https://evil.test) \\*\\*bold\\*\\* \\`code\\` \\|\\|spoiler\\|\\|',
    );
    expect(escapeMarkdown('line one\n## injected header')).not.toContain('\n');
    expect(escapeMarkdown('-# subtext')).toBe('\\-# subtext');
    expect(sourceLink('Reuters', 'javascript:alert(1)')).toBe('Reuters');
    expect(sourceLink('A [b]', 'https://example.test/a(b)')).toBe('[A \\[b\\]](https://example.test/a%28b%29)');
  });
});

describe('renderCommandResult', () => {
  it('makes errors ephemeral and briefings public', () => {
    expect(renderCommandResult({ kind: 'error', code: 'BAD_ARGUMENT', message: 'nope', usage: '/sitrep brief' })).toMatchObject({ ephemeral: true, content: expect.stringContaining('nope') });
    expect(renderCommandResult({ kind: 'briefing', briefing: sampleBriefing() }).ephemeral).toBe(false);
    const q = renderCommandResult({ kind: 'questions', story: { id: 's', title: 'S' }, questions: Array.from({ length: 30 }, (_, i) => question(i)), generatedAt: '2025-05-20T07:00:00Z' });
    expect(limitViolations(q)).toEqual([]);
    expect(renderCommandResult({ kind: 'text', text: 'x'.repeat(5000), ephemeral: false }).content.length).toBeLessThanOrEqual(2000);
  });
});

describe('a question whose line another question already shows', () => {
  it('points to the earlier question instead of repeating the sentence', () => {
    const b = sampleBriefing();
    const [first, second] = b.questions;
    if (!first || !second) throw new Error('fixture needs two questions');
    second.summary = first.summary;
    second.sameAs = first.id;
    const json = JSON.stringify(renderBriefing(b));
    expect(json).toContain(`The same report as for ${first.label}, above.`);
    expect(json.split(JSON.stringify(first.summary).slice(1, 40)).length - 1).toBe(1);
  });
});

describe('a question whose line a development bullet already shows', () => {
  it('points to the bullet by its place instead of repeating the sentence, and repeats it when the bullet is not drawn', () => {
    const b = sampleBriefing();
    const { bulletText } = questionOnFirstBullet(b);
    const json = JSON.stringify(renderBriefing(b));
    expect(json).toContain('The same report as the first development, above.');
    expect(json.split(JSON.stringify(bulletText).slice(1, 40)).length - 1).toBe(1);
    const focused = JSON.stringify(renderBriefing({ ...b, focus: b.questions[1]?.id }));
    expect(focused).not.toContain('development, above');
  });

  it('does not point to a bullet drawn cut at its 600-character cap: the line shows what the bullet lost', () => {
    const b = sampleBriefing();
    questionOnFirstBullet(b, OVERLONG_BULLET);
    const json = JSON.stringify(renderBriefing(b));
    expect(json).not.toContain('development, above');
  });
});

describe('a question line whose bullet does not fit the description', () => {
  it('shows its sentence in full, and a pointer only to a bullet that is drawn, counted among those drawn', () => {
    const b = sampleBriefing();
    const base = b.developments[0];
    const [first, second] = b.questions;
    if (!base || !first || !second) throw new Error('fixture needs a bullet and two questions');
    b.developments = Array.from({ length: 30 }, (_, i) => ({ ...base, text: `Bullet ${i} ${'says a good deal about the talks. '.repeat(12).trim()}`, eventId: `e${i}`, factIds: ['f1'] }));
    const last = b.developments[29] as (typeof b.developments)[number];
    Object.assign(first, { summary: last.text, summaryEventId: last.eventId, summaryFactId: 'f1' });
    Object.assign(second, { summary: (b.developments[1] as typeof last).text, summaryEventId: 'e1', summaryFactId: 'f1' });
    const message = renderBriefing(b);
    expect(limitViolations(message)).toEqual([]);
    const json = JSON.stringify(message);
    // Bullet 29 is far past the description's 4,096 characters: only the question's field shows it.
    expect(message.embeds[0]?.description).not.toContain('Bullet 29 ');
    expect(json.split('Bullet 29 ').length - 1).toBe(1);
    expect(json).toContain('The same report as the second development, above.');
    expect(json.split('development, above').length - 1).toBe(1);
  });
});
