import type { types } from '@slack/bolt';
import { ErrorCode, WebClient, type WebClientOptions } from '@slack/web-api';
import { z } from 'zod';
import type { Briefing } from '../../src/briefing/types.js';
import type { ChatAdapter, PostOptions, PostOutcome } from '../../src/delivery/chat-adapter.js';
import type { Logger } from '../../src/log.js';
import type { PageLinker } from '../../src/page/links.js';
import type { CorrectionNote, FollowAlert, ReviewView } from '../../src/review/types.js';
import { renderBriefing, type SlackMessage } from './render-blocks.js';
import { renderAlert, renderCorrectedBriefing, renderReviewMessage } from './render-review.js';
import type { ClientChoice, WorkspaceClients } from './workspace-clients.js';

/** The metadata event type that marks messages sitrep posted, so a crash can be resolved without a duplicate. */
export const METADATA_EVENT_TYPE = 'sitrep_briefing';

const CHANNEL_UNAVAILABLE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'channel_is_archived',
  'restricted_action',
  'restricted_action_read_only_channel',
  'team_access_not_granted',
  'access_denied',
]);
/** Slack's answers to a token that was revoked or whose workspace removed the app. */
const TOKEN_GONE = new Set(['token_revoked', 'account_inactive', 'invalid_auth']);
/** chat.update errors meaning the message is not there to edit any more. */
const MESSAGE_GONE = new Set(['message_not_found', 'thread_not_found']);
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

/**
 * WebClient options for every sitrep Slack client: our own base URL (tests point it at a fake), no hidden
 * retries (callers own retries) and 429s surfaced as errors instead of silently waited out.
 */
export function webClientOptions(apiUrl: string | undefined, logger?: WebClientOptions['logger']): WebClientOptions {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    ...(logger ? { logger } : {}),
  };
}

export interface SlackChatAdapterOptions {
  /** The one client of the single-token setup (SLACK_BOT_TOKEN). */
  client?: WebClient;
  /** A client per workspace (installs in many workspaces); takes precedence over `client`. */
  workspaces?: WorkspaceClients;
  logger: Logger;
  /** Called on every 429 (metrics). */
  onRateLimited?: () => void;
  /** Signed links to briefing pages (PUBLIC_URL set): posted briefings end with a "Full briefing" link. */
  pageLinks?: PageLinker;
}

/**
 * Posts briefings with chat.postMessage: one attempt per call, errors classified into PostOutcome kinds. Each post
 * uses its workspace's token (see {@link WorkspaceClients}).
 */
export class SlackChatAdapter implements ChatAdapter {
  readonly platform = 'slack' as const;
  private readonly client: WebClient | undefined;
  private readonly workspaces: WorkspaceClients | undefined;
  private readonly logger: Logger;
  private readonly onRateLimited: (() => void) | undefined;
  /** Signed page links, when PUBLIC_URL is set (answers to slash commands use them too). */
  readonly pageLinks: PageLinker | undefined;

  constructor(options: SlackChatAdapterOptions) {
    this.client = options.client;
    this.workspaces = options.workspaces;
    this.logger = options.logger;
    this.onRateLimited = options.onRateLimited;
    this.pageLinks = options.pageLinks;
  }

  /** Render and post a briefing; exactly one chat.postMessage call. */
  postBriefing(channel: string, briefing: Briefing, options: PostOptions = {}): Promise<PostOutcome> {
    const pageUrl = this.pageLinks?.forBriefing(briefing, briefing.focus);
    return this.postMessage(channel, renderBriefing(briefing, { delayed: options.delayed, ...(pageUrl !== undefined ? { pageUrl } : {}) }), {
      ...(options.key !== undefined ? { key: options.key } : {}),
      ...(options.workspace !== undefined ? { workspace: options.workspace } : {}),
    });
  }

  /** The client for a workspace's posts (undefined: the configured default). */
  private clientFor(workspace: string | undefined): Promise<ClientChoice> | ClientChoice {
    if (this.workspaces) return this.workspaces.clientFor(workspace);
    if (this.client) return { ok: true, client: this.client, installed: false };
    return { ok: false, failure: { ok: false, kind: 'channel-unavailable', error: 'workspace_not_installed' } };
  }

  /** Post an already-rendered message (the "Post to channel" button uses this too); `threadTs` replies in a thread. */
  async postMessage(channel: string, message: SlackMessage, options: { key?: string; workspace?: string; threadTs?: string } = {}): Promise<PostOutcome> {
    const { key, threadTs } = options;
    const choice = await this.clientFor(options.workspace);
    if (!choice.ok) {
      if (choice.failure.kind === 'channel-unavailable')
        this.logger.warn({ platform: 'slack', channel, workspace: options.workspace, error: choice.failure.error }, 'slack workspace has no token: cannot post there');
      return choice.failure;
    }
    try {
      const res = await choice.client.chat.postMessage({
        channel,
        text: message.text,
        // Our block types are a structural subset of Slack's KnownBlock.
        blocks: message.blocks satisfies types.KnownBlock[],
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        ...(key ? { metadata: { event_type: METADATA_EVENT_TYPE, event_payload: { key } } } : {}),
      });
      const ts = typeof res.ts === 'string' ? res.ts : '';
      return { ok: true, messageId: ts };
    } catch (err) {
      let outcome = classifySlackError(err);
      // A workspace's own token that Slack no longer accepts: the app was removed there and the uninstall event
      // never reached us (sitrep was down). Treated like a channel we can't post to, so its subscriptions pause.
      if (choice.installed && outcome.kind === 'permanent' && TOKEN_GONE.has(outcome.error)) outcome = { ok: false, kind: 'channel-unavailable', error: outcome.error };
      if (outcome.kind === 'rate-limited') this.onRateLimited?.();
      if (outcome.kind === 'channel-unavailable')
        this.logger.warn({ platform: 'slack', channel, error: outcome.error }, 'slack channel unavailable: cannot post there');
      return outcome;
    }
  }

  /**
   * Replace a message's text and blocks (chat.update), with its workspace's token. A message or channel that is gone
   * (or a workspace that removed the app) is `channel-unavailable`.
   */
  async updateMessage(channel: string, ts: string, message: SlackMessage, workspace?: string): Promise<PostOutcome> {
    const choice = await this.clientFor(workspace);
    if (!choice.ok) return choice.failure;
    try {
      await choice.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks satisfies types.KnownBlock[] });
      return { ok: true, messageId: ts };
    } catch (err) {
      const outcome = classifySlackError(err);
      if (outcome.kind === 'rate-limited') this.onRateLimited?.();
      if (outcome.kind === 'permanent' && (MESSAGE_GONE.has(outcome.error) || (choice.installed && TOKEN_GONE.has(outcome.error))))
        return { ok: false, kind: 'channel-unavailable', error: outcome.error };
      return outcome;
    }
  }

  postReview(channel: string, view: ReviewView, options: { key: string; workspace?: string }): Promise<PostOutcome> {
    return this.postMessage(channel, renderReviewMessage(view), options);
  }

  updateReview(channel: string, messageId: string, view: ReviewView, options: { workspace?: string } = {}): Promise<PostOutcome> {
    return this.updateMessage(channel, messageId, renderReviewMessage(view), options.workspace);
  }

  editBriefing(channel: string, messageId: string, briefing: Briefing, corrections: readonly CorrectionNote[], options: { workspace?: string } = {}): Promise<PostOutcome> {
    // A corrected briefing keeps its "Full briefing" link (the page shows the corrected records too).
    const pageUrl = this.pageLinks?.forBriefing(briefing, briefing.focus);
    return this.updateMessage(channel, messageId, renderCorrectedBriefing(briefing, corrections, pageUrl !== undefined ? { pageUrl } : {}), options.workspace);
  }

  /** A follow alert, as a reply in the thread of that day's briefing when there is one. */
  postAlert(channel: string, alert: FollowAlert, options: { key: string; threadOf?: string; workspace?: string }): Promise<PostOutcome> {
    return this.postMessage(channel, renderAlert(alert), {
      key: options.key,
      ...(options.workspace !== undefined ? { workspace: options.workspace } : {}),
      ...(options.threadOf !== undefined ? { threadTs: options.threadOf } : {}),
    });
  }

  /**
   * Look through the channel's history since `sinceIso` (or the replies in the thread of `threadOf`) for a message
   * whose metadata carries `key`. `'unknown'` when history can't be read (no scope, rate limit, outage): the caller
   * must decide.
   */
  async findPosted(channel: string, key: string, sinceIso: string, workspace?: string, options: { threadOf?: string } = {}): Promise<string | undefined | 'unknown'> {
    const sinceMs = Date.parse(sinceIso);
    if (Number.isNaN(sinceMs)) return 'unknown';
    const choice = await this.clientFor(workspace);
    if (!choice.ok) return 'unknown';
    const oldest = (sinceMs / 1000).toFixed(6);
    let cursor: string | undefined;
    try {
      // Bounded paging: a morning briefing is found in the first pages; beyond that we'd rather say "unknown".
      for (let page = 0; page < 20; page++) {
        const res = options.threadOf
          ? await choice.client.conversations.replies({ channel, ts: options.threadOf, oldest, limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}) })
          : await choice.client.conversations.history({
              channel,
              oldest,
              limit: 200,
              include_all_metadata: true,
              ...(cursor ? { cursor } : {}),
            });
        const parsed = historySchema.safeParse(res);
        if (!parsed.success) return 'unknown';
        for (const m of parsed.data.messages) {
          if (m.metadata?.event_type === METADATA_EVENT_TYPE && m.metadata.event_payload?.key === key) return m.ts;
        }
        cursor = parsed.data.response_metadata?.next_cursor || undefined;
        if (!parsed.data.has_more || !cursor) return undefined;
      }
      return 'unknown';
    } catch (err) {
      this.logger.warn({ platform: 'slack', channel, error: classifySlackError(err).error }, 'slack history lookup failed');
      return 'unknown';
    }
  }
}

const historySchema = z.object({
  messages: z
    .array(
      z.object({
        ts: z.string(),
        metadata: z
          .object({ event_type: z.string(), event_payload: z.record(z.string(), z.unknown()).optional() })
          .optional(),
      }),
    )
    .default([]),
  has_more: z.boolean().optional(),
  response_metadata: z.object({ next_cursor: z.string().optional() }).optional(),
});

type Failure = Extract<PostOutcome, { ok: false }>;

/** Map a @slack/web-api error to a PostOutcome failure kind. Never includes tokens (messages are Slack error codes). */
export function classifySlackError(err: unknown): Failure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    code?: unknown;
    retryAfter?: unknown;
    statusCode?: unknown;
    data?: { error?: unknown };
    message?: unknown;
  };
  switch (e.code) {
    case ErrorCode.RateLimitedError: {
      const sec = typeof e.retryAfter === 'number' && e.retryAfter >= 0 ? e.retryAfter : 1;
      return { ok: false, kind: 'rate-limited', retryAfterMs: sec * 1000, error: 'ratelimited' };
    }
    case ErrorCode.HTTPError: {
      const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
      if (status >= 500 || status === 408) return { ok: false, kind: 'transient', error: `http_${status}` };
      return { ok: false, kind: 'permanent', error: `http_${status}` };
    }
    case ErrorCode.RequestError:
      return { ok: false, kind: 'transient', error: 'request_error' };
    case ErrorCode.PlatformError: {
      const code = typeof e.data?.error === 'string' ? e.data.error : 'unknown_error';
      if (CHANNEL_UNAVAILABLE.has(code)) return { ok: false, kind: 'channel-unavailable', error: code };
      if (TRANSIENT.has(code)) return { ok: false, kind: 'transient', error: code };
      return { ok: false, kind: 'permanent', error: code };
    }
    default:
      // Anything else (a bug, a timeout surfaced oddly): treat as transient so the queue retries a bounded number of times.
      return { ok: false, kind: 'transient', error: typeof e.message === 'string' ? e.message.slice(0, 200) : 'unknown_error' };
  }
}
