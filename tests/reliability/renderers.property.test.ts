import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageData } from '../../adapters/discord/http-interactions.js';
import { limitViolations, renderBriefing as renderDiscord, renderCommandResult } from '../../adapters/discord/render-embeds.js';
import { renderBriefing as renderSlack, renderResult as renderSlackResult } from '../../adapters/slack/render-blocks.js';
import type { Briefing } from '../../src/briefing/types.js';
import type { CommandResult } from '../../src/commands/types.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText, TEXT_LIMIT } from '../../src/render/text.js';
import { sampleBriefing } from '../helpers/fixtures.js';
import { briefingArb, hostileText } from './arbitraries.js';

const RUNS = 150;

interface SlackText {
  type?: string;
  text?: string;
}
interface SlackBlockLike {
  type: string;
  text?: SlackText;
  elements?: Array<SlackText & { action_id?: string; value?: string }>;
}

/**
 * Block Kit limits, and no live Slack control sequence in any mrkdwn string: a `<` may only open one of our
 * own `<http(s)://…|label>` links. Returns the problems found (empty when the message is fine).
 */
function slackProblems(msg: { text: string; blocks: SlackBlockLike[] }): string[] {
  const p: string[] = [];
  if (msg.text.trim().length === 0) p.push('empty fallback text');
  if (msg.text.length > 4000) p.push(`fallback text ${msg.text.length} > 4000`);
  if (msg.blocks.length === 0 || msg.blocks.length > 50) p.push(`${msg.blocks.length} blocks`);
  const mrkdwn: string[] = [msg.text];
  msg.blocks.forEach((b, i) => {
    if (b.type === 'header' && (!b.text?.text || b.text.text.length > 150)) p.push(`block ${i} header length ${b.text?.text?.length}`);
    if (b.type === 'section' && (!b.text?.text || b.text.text.length > 3000)) p.push(`block ${i} section length ${b.text?.text?.length}`);
    if (b.type === 'context') {
      if (!b.elements || b.elements.length === 0 || b.elements.length > 10) p.push(`block ${i} context elements ${b.elements?.length}`);
      for (const e of b.elements ?? []) if (!e.text || e.text.length > 3000) p.push(`block ${i} context text length ${e.text?.length}`);
    }
    if (b.type === 'actions' && (!b.elements || b.elements.length > 25)) p.push(`block ${i} actions`);
    if (b.text?.type === 'mrkdwn' && b.text.text !== undefined) mrkdwn.push(b.text.text);
    for (const e of b.elements ?? []) if (e.type === 'mrkdwn' && e.text !== undefined) mrkdwn.push(e.text);
  });
  for (const s of mrkdwn) {
    for (const m of s.matchAll(/<([^>]*)>/g)) {
      if (!/^https?:\/\/[^|<\s]+\|[^<]*$/.test(m[1] ?? '')) p.push(`live control sequence ${JSON.stringify(m[0].slice(0, 60))}`);
    }
  }
  return p;
}

/** The briefing with control characters removed from every URL (see the dedicated URL test). */
function stripUrlControls(b: Briefing): Briefing {
  const clean = (u: string | undefined) => (u === undefined ? undefined : u.replace(new RegExp(CONTROL.source, 'g'), ''));
  const withUrl = <T extends { url?: string }>(x: T): T => {
    const url = clean(x.url);
    const { url: _drop, ...rest } = x;
    return (url === undefined ? rest : { ...rest, url }) as T;
  };
  return {
    ...b,
    sources: b.sources.map(withUrl),
    developments: b.developments.map((d) => ({ ...d, sources: d.sources.map(withUrl) })),
    questions: b.questions.map((q) => ({ ...q, evidence: q.evidence.map(withUrl) })),
  };
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('renderers never fail and stay within platform limits, for any briefing text', () => {
  it('console text: within TEXT_LIMIT, no control or bidi characters', () => {
    fc.assert(
      fc.property(briefingArb, fc.boolean(), (b, delayed) => {
        // URLs with control characters have their own test below; here they would mask other findings.
        const out = renderText(stripUrlControls(b), { delayed });
        expect(out.length).toBeLessThanOrEqual(TEXT_LIMIT);
        expect(CONTROL.test(out)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('markdown: within 4,000 characters, no live @everyone/@here, no control characters', () => {
    fc.assert(
      fc.property(briefingArb, (b) => {
        const out = renderMarkdown(b);
        expect(out.length).toBeLessThanOrEqual(4000);
        expect(out).not.toMatch(/@(everyone|here)/);
        expect(CONTROL.test(out)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('Slack Block Kit: every limit held, never an unescaped <!channel>/<!here>/<@U…> or foreign link', () => {
    fc.assert(
      fc.property(briefingArb, fc.boolean(), fc.integer({ min: 0, max: 2 }), (b, delayed, reserveBlocks) => {
        const msg = renderSlack(b, { delayed, reserveBlocks });
        expect(slackProblems(msg as unknown as { text: string; blocks: SlackBlockLike[] })).toEqual([]);
        expect(msg.blocks.length + reserveBlocks).toBeLessThanOrEqual(50);
      }),
      { numRuns: RUNS },
    );
  });

  it('Slack text/error results: hostile text and usage never produce live mentions', () => {
    fc.assert(
      fc.property(hostileText, hostileText, fc.boolean(), (message, usage, asError) => {
        const result: CommandResult = asError ? { kind: 'error', code: 'BAD_ARGUMENT', message, usage } : { kind: 'text', text: message, ephemeral: true };
        const msg = renderSlackResult(result);
        expect(slackProblems(msg as unknown as { text: string; blocks: SlackBlockLike[] })).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('Discord embeds: every limit held, and every message or reply payload says allowed_mentions.parse = []', () => {
    fc.assert(
      fc.property(briefingArb, fc.boolean(), (b, delayed) => {
        const msg = renderDiscord(b, { delayed });
        expect(limitViolations(msg)).toEqual([]);
        const reply = renderCommandResult({ kind: 'briefing', briefing: b });
        expect(limitViolations(reply)).toEqual([]);
        for (const withFlags of [true, false]) expect(messageData(reply, withFlags).allowed_mentions).toEqual({ parse: [] });
      }),
      { numRuns: RUNS },
    );
  });

  it('Discord text/error replies: within the content limit and mention-free by allowed_mentions', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (message, usage) => {
        const reply = renderCommandResult({ kind: 'error', code: 'BAD_ARGUMENT', message, usage });
        expect(limitViolations(reply)).toEqual([]);
        expect(messageData(reply, true).allowed_mentions).toEqual({ parse: [] });
      }),
      { numRuns: RUNS },
    );
  });

  // z.url() accepts URLs holding control characters (WHATWG parsing strips tabs/newlines before checking), so a
  // record can carry an ESC sequence in a source URL; the console renderer must not print it raw.
  it('console text: a source URL with control characters does not reach the terminal raw', () => {
    const url = 'https://example.test/a\u001b[31mRED\u0007\r\nFAKE LINE';
    const b = sampleBriefing({ sources: [{ name: 'Report A', url }], developments: [{ ...sampleBriefing().developments[0]!, sources: [{ name: 'Report A', url }] }] });
    const out = renderText(b);
    expect(CONTROL.test(out)).toBe(false);
  });
});
