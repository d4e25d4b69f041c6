import type { Briefing } from '../../src/briefing/types.js';
import type { ChatAdapter, PostOptions, PostOutcome } from '../../src/delivery/chat-adapter.js';
import { renderText } from '../../src/render/text.js';

/** Posts briefings as plain text to a stream (stdout by default). Useful for trying subscriptions without tokens. */
export class ConsoleChatAdapter implements ChatAdapter {
  readonly platform = 'console' as const;
  private counter = 0;

  constructor(private readonly write: (s: string) => void = (s) => process.stdout.write(s)) {}

  async postBriefing(channel: string, briefing: Briefing, options: PostOptions = {}): Promise<PostOutcome> {
    this.counter += 1;
    this.write(`--- #${channel}${options.key ? ` (${options.key})` : ''} ---\n${renderText(briefing, { delayed: options.delayed ?? false })}\n`);
    return { ok: true, messageId: `console-${this.counter}` };
  }
}
