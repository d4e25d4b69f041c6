import { setTimeout as sleepMs } from 'node:timers/promises';
import { briefingFromStore } from '../../briefing/service.js';
import type { PostOutcome } from '../../delivery/chat-adapter.js';
import { HttpRouter } from '../../http/router.js';
import type { PlatformRuntime } from '../../platform.js';
import { deliveryTarget, slackWorkspace } from '../../delivery/target.js';
import { parseSince } from '../../time/duration.js';
import { dataFlags, parseFlags, resolveNow } from '../args.js';
import { loadPlatformModule, type ChatPlatform } from '../load-platform.js';
import { createRuntime } from '../runtime.js';
import { EXIT, type CliCommand } from '../types.js';

const USAGE = 'sitrep post --to slack:CHANNEL_ID|discord:CHANNEL_ID [--workspace SLACK_TEAM_ID] [--story ID] [--since 24h|7d|DATE] [--now ISO] [--data DIR] [--db FILE]';

const flags = {
  ...dataFlags,
  to: { type: 'string' },
  since: { type: 'string' },
  now: { type: 'string' },
  workspace: { type: 'string' },
} as const;

/** `sitrep post`: build the current briefing and post it once to one channel (honours rate limits). */
export const command: CliCommand = {
  name: 'post',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseFlags(argv, flags);
    if (!parsed.ok) {
      io.stderr(`sitrep post: ${parsed.error}\nusage: ${USAGE}\n`);
      return EXIT.usage;
    }
    const { values } = parsed.value;
    const parsedTarget = deliveryTarget.safeParse(values.to ?? '');
    if (values.to === undefined || !parsedTarget.success) {
      const why = parsedTarget.success ? '' : `: ${parsedTarget.error.issues[0]?.message ?? 'invalid'}`;
      io.stderr(`sitrep post: ${values.to === undefined ? '--to is required (e.g. --to slack:C0123456789)' : `--to${why}`}\nusage: ${USAGE}\n`);
      return EXIT.usage;
    }
    const target = parsedTarget.data;
    let workspace: string | undefined;
    if (values.workspace !== undefined) {
      const ws = slackWorkspace.safeParse(values.workspace);
      if (!ws.success || target.platform !== 'slack') {
        io.stderr(`sitrep post: --workspace: ${ws.success ? 'is for Slack channels only' : (ws.error.issues[0]?.message ?? 'invalid')}\nusage: ${USAGE}\n`);
        return EXIT.usage;
      }
      workspace = ws.data;
    }
    const now = resolveNow(values.now, io.now);
    if (!now.ok) {
      io.stderr(`sitrep post: ${now.error}\n`);
      return EXIT.usage;
    }
    let since: Date | undefined;
    if (values.since !== undefined) {
      const s = parseSince(values.since, now.now);
      if (!s.ok) {
        io.stderr(`sitrep post: --since: ${s.error}\n`);
        return EXIT.usage;
      }
      since = s.since;
    }

    const rt = await createRuntime(io, { data: values.data, db: values.db, story: values.story });
    if (!rt.ok) return rt.code;
    const { runtime } = rt;
    let platform: PlatformRuntime | undefined;
    try {
      const configured = target.platform === 'slack' ? runtime.config.slack : runtime.config.discord;
      if (!configured) {
        io.stderr(`sitrep post: ${target.platform === 'slack' ? 'Slack is not configured: set SLACK_BOT_TOKEN (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET)' : 'Discord is not configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID'} (see .env.example)\n`);
        return EXIT.failure;
      }
      const briefing = await briefingFromStore(runtime.store, { story: runtime.story, now: now.now, ...(since ? { since } : {}) });
      const mod = await loadPlatformModule(target.platform);
      platform = await mod.createPlatform({
        config: runtime.config,
        store: runtime.store,
        logger: runtime.logger,
        clock: () => now.now,
        defaultStory: runtime.story,
        stories: runtime.stories,
        // Posting needs no inbound routes; the router is never listened on.
        http: new HttpRouter(),
      });
      const chat = platform.chat;
      const outcome = await postWithRetry(() => chat.postBriefing(target.channel, briefing, workspace !== undefined ? { workspace } : {}), {
        onWait: (ms, why) => io.stderr(`sitrep post: ${why}; retrying in ${Math.ceil(ms / 1000)} s\n`),
      });
      const where = `${target.platform}:${target.channel}`;
      if (outcome.ok) {
        io.stdout(`Posted the "${runtime.story.title}" briefing to ${where} (message ${outcome.messageId}).\n`);
        return EXIT.ok;
      }
      io.stderr(`sitrep post: could not post to ${where}: ${describeFailure(outcome, target.platform)}\n`);
      return EXIT.failure;
    } finally {
      await platform?.stop().catch(() => {});
      await runtime.close();
    }
  },
};

function describeFailure(outcome: Extract<PostOutcome, { ok: false }>, platform: ChatPlatform): string {
  switch (outcome.kind) {
    case 'channel-unavailable':
      if (outcome.error === 'workspace_not_installed')
        return 'no token for this channel: name its installed workspace with --workspace T…, or set SLACK_BOT_TOKEN (README "Installing in several Slack workspaces")';
      return platform === 'slack'
        ? `${outcome.error} — check the channel id, and invite the bot (/invite @sitrep) if the channel is private`
        : `${outcome.error} — check the channel id and that the bot can view and send messages there`;
    case 'rate-limited':
      return `still rate-limited after retrying (retry after ${Math.ceil(outcome.retryAfterMs / 1000)} s)`;
    case 'transient':
      return `${outcome.error} (temporary; try again)`;
    case 'permanent':
      return outcome.error;
  }
}

export interface RetryOptions {
  /** Total attempts including the first. */
  maxAttempts?: number;
  /** Give up instead of waiting longer than this for one Retry-After. */
  maxWaitMs?: number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  onWait?: (ms: number, why: string) => void;
}

/**
 * A one-shot post with a small retry: waits out a 429's Retry-After (never posting sooner) and backs off on
 * transient errors. Scheduled deliveries go through the send queue instead, which owns retries there.
 */
export async function postWithRetry(post: () => Promise<PostOutcome>, options: RetryOptions = {}): Promise<PostOutcome> {
  const maxAttempts = options.maxAttempts ?? 4;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const sleep = options.sleep ?? ((ms: number) => sleepMs(ms).then(() => undefined));
  let outcome = await post();
  for (let attempt = 1; attempt < maxAttempts && !outcome.ok; attempt++) {
    let waitMs: number;
    if (outcome.kind === 'rate-limited') {
      if (outcome.retryAfterMs > maxWaitMs) return outcome;
      waitMs = outcome.retryAfterMs;
      options.onWait?.(waitMs, 'rate-limited');
    } else if (outcome.kind === 'transient') {
      waitMs = 1000 * 2 ** (attempt - 1);
      options.onWait?.(waitMs, `temporary error (${outcome.error})`);
    } else {
      return outcome;
    }
    await sleep(waitMs);
    outcome = await post();
  }
  return outcome;
}
