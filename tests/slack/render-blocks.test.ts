import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderBriefing, renderError, renderQuestions, renderResult, renderText } from '../../adapters/slack/render-blocks.js';
import { escapeMrkdwn, fitEscaped, mrkdwnLink } from '../../adapters/slack/mrkdwn.js';
import { HOSTILE, hugeBriefing, makeBriefing } from './briefing-data.js';
import { expectWithinLimits, liveControlSequences, mrkdwnStrings } from './limits.js';
import { OVERLONG_BULLET, questionOnFirstBullet } from '../helpers/bullet-pointer.js';

describe('Slack Block Kit renderer', () => {
  it('renders a briefing: header, headline, developments, one section per question, watch, sources', () => {
    const msg = expectWithinLimits(renderBriefing(makeBriefing()));
    const [first] = msg.blocks;
    expect(first).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Russia–Ukraine ceasefire talks', emoji: true } });
    const texts = mrkdwnStrings(msg).join('\n');
    expect(texts).toContain('*What happened*');
    expect(texts).toContain('Delegations met in Istanbul');
    expect(texts).toContain('<https://reuters.example/a|Reuters>');
    expect(texts).toContain(':arrow_forward: *Ceasefire* — Moved · changed 18 May 2025 (was Open)');
    expect(texts).toContain(':large_blue_circle: *Territory* — Open · no news yet');
    expect(texts).toContain('*What to watch*');
    expect(texts).toContain('due 25 May 2025');
    expect(msg.text).toContain('Russia–Ukraine ceasefire talks');
    const questionSections = msg.blocks.filter((b) => b.type === 'section' && /^:(arrow_forward|large_blue_circle):/.test(b.text.text));
    expect(questionSections).toHaveLength(2);
    const last = msg.blocks.at(-1);
    expect(last?.type).toBe('context');
  });

  it('says "No new developments since <date>" with question statuses when the window is empty', () => {
    const msg = expectWithinLimits(renderBriefing(makeBriefing({ developments: [] })));
    const texts = mrkdwnStrings(msg).join('\n');
    expect(texts).toContain('No new developments since 18 May 2025');
    expect(texts).toContain('*Ceasefire* — Moved');
    expect(texts).not.toContain('*What happened*');
  });

  it('marks delayed briefings in header, context and fallback text', () => {
    const msg = expectWithinLimits(renderBriefing(makeBriefing(), { delayed: true }));
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Russia–Ukraine ceasefire talks (delayed)' } });
    expect(msg.text).toContain('(delayed)');
  });

  it('shows one question in depth with its evidence timeline when focused', () => {
    const msg = expectWithinLimits(renderBriefing(makeBriefing({ focus: 'ceasefire' })));
    const texts = mrkdwnStrings(msg).join('\n');
    expect(msg.blocks[0]).toMatchObject({ text: { text: 'Russia–Ukraine ceasefire talks — Ceasefire' } });
    expect(texts).toContain('*Evidence timeline*');
    expect(texts).toContain('10 May 2025');
    expect(texts).not.toContain('*Territory*');
  });

  it('escapes hostile source text everywhere so nothing can ping or link', () => {
    const b = makeBriefing({
      headline: HOSTILE,
      developments: [{ ...makeBriefing().developments[0]!, text: HOSTILE, speaker: HOSTILE, sources: [{ name: HOSTILE, url: 'javascript:alert(1)' }, { name: HOSTILE, url: 'https://ok.example/?a=1&b=<2>' }] }],
      questions: makeBriefing().questions.map((q) => ({ ...q, label: HOSTILE, summary: HOSTILE, unknowns: [HOSTILE] })),
      watch: [{ text: HOSTILE, eventId: 'e1', source: HOSTILE }],
      sources: [{ name: HOSTILE, url: 'https://x.test/' }, { name: HOSTILE }],
      story: { id: 's', title: HOSTILE },
    });
    for (const focus of [undefined, 'ceasefire']) {
      const msg = expectWithinLimits(renderBriefing({ ...b, ...(focus ? { focus } : {}) }));
      for (const s of mrkdwnStrings(msg)) expect(liveControlSequences(s), s).toEqual([]);
      const all = mrkdwnStrings(msg).join('\n');
      expect(all).toContain('&lt;!channel&gt; @everyone &lt;@U123&gt; &lt;https://x.test|click&gt; &amp; &lt;!here&gt;');
      expect(all).not.toContain('javascript:');
      expect(all).toContain('<https://ok.example/?a=1&amp;b=%3C2%3E|');
    }
  });

  it('stays within every limit for a huge briefing (hundreds of developments, 10k-char texts)', () => {
    const huge = hugeBriefing();
    for (const variant of [huge, { ...huge, focus: 'q3' }, { ...huge, developments: [] }]) {
      for (const reserveBlocks of [0, 1]) {
        const msg = expectWithinLimits(renderBriefing(variant, { delayed: true, reserveBlocks }));
        expect(msg.blocks.length).toBeLessThanOrEqual(50 - reserveBlocks);
        const all = mrkdwnStrings(msg).join('\n');
        if (variant.developments.length > 0) expect(all).toMatch(/…and \d+ more — \/sitrep brief/);
        for (const s of mrkdwnStrings(msg)) expect(liveControlSequences(s)).toEqual([]);
      }
    }
  });

  it('cuts long text at a sentence boundary with "…"', () => {
    const text = 'First sentence here. Second sentence follows. '.repeat(300);
    const out = fitEscaped(text, 500);
    expect(out.length).toBeLessThanOrEqual(500);
    expect(out.endsWith('. …') || out.endsWith('…')).toBe(true);
    expect(out).toMatch(/\. …$/);
  });

  it('never splits an escape entity when cutting', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('&', '<', '>', 'a', ' ', '.'), maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (s, max) => {
        const out = fitEscaped(s, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out.replace(/&(amp|lt|gt);/g, '')).not.toMatch(/[&<>]/);
      }),
    );
  });

  it('links only http(s) URLs, with escaped names', () => {
    expect(mrkdwnLink('A|B <x>', 'https://a.example/p|q')).toBe('<https://a.example/p%7Cq|A/B &lt;x&gt;>');
    expect(mrkdwnLink('Name', 'ftp://a.example/')).toBe('Name');
    expect(mrkdwnLink('Name', undefined)).toBe('Name');
    expect(escapeMrkdwn('a & <b>')).toBe('a &amp; &lt;b&gt;');
  });

  it('renders the other command results within limits', () => {
    const b = makeBriefing();
    const q = expectWithinLimits(renderQuestions(b.story, b.questions, b.generatedAt));
    expect(mrkdwnStrings(q).join('\n')).toContain('_Will a ceasefire be agreed?_');
    const manyQ = expectWithinLimits(renderQuestions(b.story, hugeBriefing().questions, b.generatedAt));
    expect(manyQ.blocks.length).toBeLessThanOrEqual(50);
    const err = expectWithinLimits(renderError('Unknown subcommand "foo".', 'Usage: /sitrep brief [question] [since]'));
    expect(err.blocks[0]).toMatchObject({ type: 'section', text: { text: ':warning: Unknown subcommand "foo".' } });
    const long = expectWithinLimits(renderText(`${HOSTILE}\n`.repeat(5000)));
    for (const s of mrkdwnStrings(long)) expect(liveControlSequences(s)).toEqual([]);
    expectWithinLimits(renderResult({ kind: 'text', text: 'ok', ephemeral: true }));
    expectWithinLimits(renderResult({ kind: 'subscriptions', subscriptions: [], text: 'No subscriptions in this channel.' }));
  });
});

describe('a question whose line another question already shows', () => {
  it('points to the earlier question instead of repeating the sentence', () => {
    const b = makeBriefing();
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
    const b = makeBriefing();
    const { bulletText } = questionOnFirstBullet(b);
    const json = JSON.stringify(renderBriefing(b));
    expect(json).toContain('The same report as the first development, above.');
    expect(json.split(JSON.stringify(bulletText).slice(1, 40)).length - 1).toBe(1);
    const focused = JSON.stringify(renderBriefing({ ...b, focus: b.questions[1]?.id }));
    expect(focused).not.toContain('development, above');
  });

  it('does not point to a bullet drawn cut at its 900-character cap: the line shows what the bullet lost', () => {
    const b = makeBriefing();
    questionOnFirstBullet(b, OVERLONG_BULLET);
    const json = JSON.stringify(renderBriefing(b));
    expect(json).not.toContain('development, above');
  });
});
