import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DISCORD_GLOBAL_PER_SECOND } from '../../src/delivery/send-queue.js';
import type { Briefing } from '../../src/briefing/types.js';
import type { ChatAdapter, PostOptions, PostOutcome } from '../../src/delivery/chat-adapter.js';
import type { Logger } from '../../src/log.js';
import type { PlatformMetrics } from '../../src/platform.js';
import type { PageLinker } from '../../src/page/links.js';
import { limitViolations, renderBriefing, type DiscordMessage } from './render-embeds.js';
import { renderAlert, renderCorrectedBriefing, renderReviewMessage } from './render-review.js';
import type { CorrectionNote, FollowAlert, ReviewView } from '../../src/review/types.js';
import { truncateAtSentence } from '../../src/render/truncate.js';
import { discordRest } from './rest-request.js';
import { GlobalPacer } from './global-pacer.js';

/** Sent with every message: news text may contain @everyone or <@id>, and must never ping anyone. */
export const NO_MENTIONS = { parse: [] as string[] } as const;

export interface DiscordChatOptions {
  /** Bot token; without it every post fails as `permanent` (HTTP interactions mode may run without one). */
  token?: string;
  apiUrl?: string;
  logger: Logger;
  metrics?: PlatformMetrics;
  /** Discord's global limit is 50 requests/s per bot; stay under it. */
  globalPerSecond?: number;
  timeoutMs?: number;
  /** Injected clock (ms) for the per-channel bucket bookkeeping. */
  nowMs?: () => number;
  /** Signed links to briefing pages (PUBLIC_URL set): posted briefings link to theirs. */
  pageLinks?: PageLinker;
}

export interface DiscordChatAdapter extends ChatAdapter {
  /** Post an already rendered message: one attempt, same classification as `postBriefing`. */
  postMessage(channel: string, message: DiscordMessage, options?: { key?: string }): Promise<PostOutcome>;
  /** Edit one of our messages in place: one attempt; a deleted message or channel is `channel-unavailable`. */
  editMessage(channel: string, messageId: string, message: DiscordMessage): Promise<PostOutcome>;
}

/** Discord's answer when a thread was already started from that message. */
const THREAD_ALREADY_CREATED = 160004;

const createdMessage = z.object({ id: z.string().min(1) });

/** Discord accepts nonces of at most 25 characters; a hash of the outbox key fits and is stable across restarts. */
export function nonceForKey(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 25);
}

/**
 * The REST-only Discord `ChatAdapter`: works without a gateway connection (so `sitrep post` and the
 * scheduler can use it in any mode). Each post is ONE `POST /channels/{id}/messages`:
 * - `allowed_mentions: { parse: [] }` always;
 * - with an outbox key, a `nonce` derived from it plus `enforce_nonce: true`, so a resend after a crash
 *   returns the message already posted instead of creating a second one (hence no `findPosted`);
 * - no retries inside: 429 → `rate-limited` (retry_after seconds → ms, `global` flag), 5xx/network →
 *   `transient`, Missing Access / Unknown Channel / Missing Permissions → `channel-unavailable`,
 *   other 4xx → `permanent`.
 * A channel whose bucket the last response said is exhausted is answered `rate-limited` without a call,
 * and evenly spaced starts keep the process under the global 50 requests/s.
 */
export function createDiscordChatAdapter(options: DiscordChatOptions): DiscordChatAdapter {
  const now = options.nowMs ?? Date.now;
  const bucket = new GlobalPacer(options.globalPerSecond ?? DISCORD_GLOBAL_PER_SECOND);
  const channelResetAt = new Map<string, number>();
  let globalResetAt = 0;

  async function postMessage(channel: string, message: DiscordMessage, postOptions: { key?: string } = {}): Promise<PostOutcome> {
    const body = {
      content: message.content,
      embeds: message.embeds,
      ...(message.components ? { components: message.components } : {}),
      allowed_mentions: NO_MENTIONS,
      ...(postOptions.key !== undefined ? { nonce: nonceForKey(postOptions.key), enforce_nonce: true } : {}),
    };
    return call(channel, 'POST', `/channels/${channel}/messages`, body, message);
  }

  /** Edit one of our messages in place (PATCH): new content, embeds and components, still no mentions. */
  function editMessage(channel: string, messageId: string, message: DiscordMessage): Promise<PostOutcome> {
    if (!/^\d{5,25}$/.test(messageId)) return Promise.resolve({ ok: false, kind: 'permanent', error: `"${messageId.slice(0, 40)}" is not a Discord message id` });
    const body = { content: message.content, embeds: message.embeds, components: message.components ?? [], allowed_mentions: NO_MENTIONS };
    return call(channel, 'PATCH', `/channels/${channel}/messages/${messageId}`, body, message);
  }

  /**
   * One REST call about a channel: checks, the channel's known bucket, the global pacer, then exactly one request,
   * classified the way the send queue needs it.
   */
  async function call(channel: string, method: 'POST' | 'PATCH', path: string, body: unknown, message?: DiscordMessage): Promise<PostOutcome> {
    if (!options.token) return { ok: false, kind: 'permanent', error: 'DISCORD_TOKEN is not set: cannot post to channels' };
    if (!/^\d{5,25}$/.test(channel)) return { ok: false, kind: 'permanent', error: `"${channel.slice(0, 40)}" is not a Discord channel id` };
    if (message) {
      const violations = limitViolations(message);
      if (violations.length > 0) return { ok: false, kind: 'permanent', error: `message breaks Discord limits: ${violations.join('; ')}` };
    }

    const waitMs = Math.max(globalResetAt, channelResetAt.get(channel) ?? 0) - now();
    if (waitMs > 0) {
      options.metrics?.rateLimited('discord');
      return { ok: false, kind: 'rate-limited', retryAfterMs: Math.ceil(waitMs), global: globalResetAt > now(), error: 'rate limit bucket exhausted; not sent' };
    }
    await bucket.take();

    const res = await discordRest({ apiUrl: options.apiUrl, method, path, body, token: options.token, timeoutMs: options.timeoutMs });

    if (res.ok) {
      noteBucket(channel, res.headers);
      const parsed = createdMessage.safeParse(res.body);
      if (!parsed.success) return { ok: false, kind: 'transient', error: 'Discord answered without a message id' };
      return { ok: true, messageId: parsed.data.id };
    }
    switch (res.kind) {
      case 'rate-limited':
        options.metrics?.rateLimited('discord');
        if (res.global) globalResetAt = now() + res.retryAfterMs;
        else channelResetAt.set(channel, now() + res.retryAfterMs);
        options.logger.warn({ channel, retryAfterMs: res.retryAfterMs, global: res.global }, 'discord rate limited');
        return { ok: false, kind: 'rate-limited', retryAfterMs: res.retryAfterMs, ...(res.global ? { global: true } : {}), error: res.error };
      case 'channel-unavailable':
        options.logger.warn(
          { channel, code: res.code, status: res.status },
          method === 'PATCH'
            ? 'discord message or channel unavailable: it was deleted, or the bot lost access'
            : 'discord channel unavailable: the bot was removed, lost View Channel/Send Messages/Embed Links, or the channel was deleted; its subscriptions should be paused',
        );
        return { ok: false, kind: 'channel-unavailable', error: res.error };
      case 'transient':
        options.logger.warn({ channel, status: res.status }, 'discord post failed (transient)');
        return { ok: false, kind: 'transient', error: res.error };
      case 'permanent':
        options.logger.error({ channel, status: res.status, code: res.code }, 'discord post rejected');
        return { ok: false, kind: 'permanent', error: res.error };
    }
  }

  /**
   * The thread for a follow alert on a briefing: started from the briefing's message (a thread started from a message
   * has the message's id), or the one already started there. Undefined when no thread can be made there (no
   * Create Public Threads permission, a DM): the alert then goes to the channel itself.
   */
  async function threadOn(channel: string, messageId: string, name: string): Promise<string | undefined> {
    if (!options.token || !/^\d{5,25}$/.test(messageId)) return undefined;
    await bucket.take();
    const res = await discordRest({
      apiUrl: options.apiUrl,
      method: 'POST',
      path: `/channels/${channel}/messages/${messageId}/threads`,
      body: { name: truncateAtSentence(name, 100), auto_archive_duration: 1440 },
      token: options.token,
      timeoutMs: options.timeoutMs,
    });
    if (res.ok) return messageId;
    if (!res.ok && 'code' in res && res.code === THREAD_ALREADY_CREATED) return messageId;
    options.logger.warn({ channel, messageId, error: res.error }, 'discord thread not started; the alert goes to the channel');
    return undefined;
  }

  /** Remember an exhausted per-route bucket so the next post waits instead of drawing a 429. */
  function noteBucket(channel: string, headers: Headers): void {
    const remaining = headers.get('x-ratelimit-remaining');
    const resetAfter = Number(headers.get('x-ratelimit-reset-after'));
    if (remaining === '0' && Number.isFinite(resetAfter) && resetAfter > 0) channelResetAt.set(channel, now() + Math.ceil(resetAfter * 1000));
    else channelResetAt.delete(channel);
  }

  return {
    platform: 'discord',
    postMessage,
    editMessage,
    postBriefing(channel: string, briefing: Briefing, postOptions: PostOptions = {}): Promise<PostOutcome> {
      const pageUrl = options.pageLinks?.forBriefing(briefing, briefing.focus);
      const message = renderBriefing(briefing, { delayed: postOptions.delayed, ...(pageUrl !== undefined ? { pageUrl } : {}) });
      return postMessage(channel, message, { key: postOptions.key });
    },
    postReview(channel: string, view: ReviewView, postOptions: { key: string }): Promise<PostOutcome> {
      return postMessage(channel, renderReviewMessage(view), { key: postOptions.key });
    },
    updateReview(channel: string, messageId: string, view: ReviewView): Promise<PostOutcome> {
      return editMessage(channel, messageId, renderReviewMessage(view));
    },
    editBriefing(channel: string, messageId: string, briefing: Briefing, corrections: readonly CorrectionNote[]): Promise<PostOutcome> {
      // A corrected briefing keeps its "Full briefing" link.
      const pageUrl = options.pageLinks?.forBriefing(briefing, briefing.focus);
      return editMessage(channel, messageId, renderCorrectedBriefing(briefing, corrections, pageUrl !== undefined ? { pageUrl } : {}));
    },
    async postAlert(channel: string, alert: FollowAlert, postOptions: { key: string; threadOf?: string }): Promise<PostOutcome> {
      const thread = postOptions.threadOf !== undefined ? await threadOn(channel, postOptions.threadOf, `${alert.story.title}: updates`) : undefined;
      return postMessage(thread ?? channel, renderAlert(alert), { key: postOptions.key });
    },
  };
}
