import type { Briefing } from '../../src/briefing/types.js';
import type { ChatAdapter, PostOptions, PostOutcome } from '../../src/delivery/chat-adapter.js';
import type { Platform } from '../../src/store/store.js';

export interface FakeCall {
  channel: string;
  at: number;
  key?: string;
  delayed?: boolean;
  briefing: Briefing;
  outcome: PostOutcome;
}

/**
 * Our own test double of the ChatAdapter contract: answers from a per-channel script (then `ok`),
 * records every call, and can remember posted keys for `findPosted` like Slack's metadata search.
 */
export class FakeChatAdapter implements ChatAdapter {
  readonly calls: FakeCall[] = [];
  /** Posted messages by key (what a platform would show in channel history). */
  readonly posted = new Map<string, string>();
  private readonly scripts = new Map<string, PostOutcome[]>();
  private counter = 0;
  findPosted?: (channel: string, key: string, sinceIso: string) => Promise<string | undefined | 'unknown'>;

  constructor(
    readonly platform: Platform,
    private readonly clock: () => number = Date.now,
    options: { findPosted?: boolean } = {},
  ) {
    if (options.findPosted) {
      this.findPosted = async (_channel, key) => this.posted.get(key);
    }
  }

  /** The next answers for a channel, in order; after them every post succeeds. */
  script(channel: string, ...outcomes: PostOutcome[]): void {
    this.scripts.set(channel, [...(this.scripts.get(channel) ?? []), ...outcomes]);
  }

  async postBriefing(channel: string, briefing: Briefing, options: PostOptions = {}): Promise<PostOutcome> {
    const scripted = this.scripts.get(channel)?.shift();
    const outcome: PostOutcome = scripted ?? { ok: true, messageId: `m${++this.counter}` };
    this.calls.push({ channel, at: this.clock(), key: options.key, delayed: options.delayed, briefing, outcome });
    if (outcome.ok && options.key) this.posted.set(options.key, outcome.messageId);
    return outcome;
  }

  /** Successful posts to a channel. */
  sentTo(channel: string): FakeCall[] {
    return this.calls.filter((c) => c.channel === channel && c.outcome.ok);
  }
}

/** A minimal valid Briefing for queue tests that never look at content. */
export function tinyBriefing(): Briefing {
  return {
    story: { id: 'story', title: 'Story' },
    generatedAt: '2025-01-01T00:00:00.000Z',
    window: { from: '2024-12-31T00:00:00.000Z', to: '2025-01-01T00:00:00.000Z', fallback: false },
    headline: 'Headline',
    developments: [],
    questions: [],
    watch: [],
    sources: [],
    stats: { eventsInWindow: 0, developmentsOmitted: 0 },
  };
}
