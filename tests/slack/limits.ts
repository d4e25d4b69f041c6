import { expect } from 'vitest';
import { z } from 'zod';

const text = (max: number, type?: 'plain_text' | 'mrkdwn') =>
  z.strictObject({ type: type ? z.literal(type) : z.enum(['plain_text', 'mrkdwn']), text: z.string().min(1).max(max), emoji: z.boolean().optional() });

const block = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('header'), text: text(150, 'plain_text') }),
  z.strictObject({ type: z.literal('section'), text: text(3000) }),
  z.strictObject({ type: z.literal('divider') }),
  z.strictObject({ type: z.literal('context'), elements: z.array(text(3000)).min(1).max(10) }),
  z.strictObject({
    type: z.literal('actions'),
    block_id: z.string().max(255).optional(),
    elements: z
      .array(
        z.strictObject({
          type: z.literal('button'),
          action_id: z.string().max(255),
          text: text(75, 'plain_text'),
          value: z.string().max(2000).optional(),
          style: z.enum(['primary', 'danger']).optional(),
          confirm: z
            .strictObject({ title: text(100, 'plain_text'), text: text(300, 'plain_text'), confirm: text(30, 'plain_text'), deny: text(30, 'plain_text'), style: z.enum(['primary', 'danger']).optional() })
            .optional(),
        }),
      )
      .min(1)
      .max(25),
  }),
]);

/** JSON-schema-like check of a Slack message payload against Block Kit limits. */
export const slackMessageSchema = z.object({
  text: z.string().min(1).max(4000),
  blocks: z.array(block).min(1).max(50),
});

/** Assert a message is within every Slack limit; returns it parsed. */
export function expectWithinLimits(message: unknown): z.infer<typeof slackMessageSchema> {
  const parsed = slackMessageSchema.safeParse(message);
  if (!parsed.success) expect.fail(`Slack limits violated: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Every mrkdwn/plain text in the message, joined. */
export function allText(message: { text: string; blocks: unknown[] }): string {
  return JSON.stringify(message);
}

/**
 * All mrkdwn strings must contain no live Slack control sequence other than our own `<http…|…>` links:
 * a `<` may only start an http(s) link whose label has no `<`.
 */
export function liveControlSequences(mrkdwn: string): string[] {
  const out: string[] = [];
  for (const m of mrkdwn.matchAll(/<([^>]*)>/g)) {
    const inner = m[1] ?? '';
    if (!/^https?:\/\/[^|<\s]+\|[^<]*$/.test(inner)) out.push(m[0]);
  }
  return out;
}

/** The mrkdwn strings of a message (section texts, context elements, fallback text). */
export function mrkdwnStrings(message: { text: string; blocks: ReadonlyArray<Record<string, unknown>> }): string[] {
  const out = [message.text];
  for (const b of message.blocks) {
    const t = b.text as { type?: string; text?: string } | undefined;
    if (t?.type === 'mrkdwn' && typeof t.text === 'string') out.push(t.text);
    const els = b.elements as Array<{ type?: string; text?: string }> | undefined;
    for (const e of els ?? []) if (e.type === 'mrkdwn' && typeof e.text === 'string') out.push(e.text);
  }
  return out;
}
