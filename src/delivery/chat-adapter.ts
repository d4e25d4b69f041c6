import type { Briefing } from '../briefing/types.js';
import type { CorrectionNote, FollowAlert, ReviewView } from '../review/types.js';
import type { Platform } from '../store/store.js';

/** How one delivery attempt ended. Adapters classify platform errors into these kinds; the send queue decides what to do. */
export type PostOutcome =
  | { ok: true; messageId: string }
  | { ok: false; kind: 'rate-limited'; retryAfterMs: number; global?: boolean; error: string }
  | { ok: false; kind: 'transient'; error: string }
  | { ok: false; kind: 'channel-unavailable'; error: string }
  | { ok: false; kind: 'permanent'; error: string };

export interface PostOptions {
  /** Outbox key; adapters embed it (Slack message metadata, Discord nonce) so a crash can be resolved without a duplicate. */
  key?: string;
  /** The briefing is a catch-up after downtime: renderers mark it "(delayed)". */
  delayed?: boolean;
  /** The channel's workspace (Slack team or org id), so adapters with a token per workspace post with the right one. */
  workspace?: string;
}

/** What a platform must provide for posting briefings. Implemented in adapters/<platform>/. */
export interface ChatAdapter {
  readonly platform: Platform;
  /** One attempt, no retries inside: the caller's send queue owns retries and rate limits. */
  postBriefing(channel: string, briefing: Briefing, options?: PostOptions): Promise<PostOutcome>;
  /**
   * After a crash left a job in flight: look for a message we already posted for `key` since `sinceIso`.
   * Returns its message id, `undefined` when surely absent, or `'unknown'` when the platform can't tell.
   * Adapters whose platform deduplicates resends (Discord `enforce_nonce`) may omit it.
   */
  findPosted?(channel: string, key: string, sinceIso: string, workspace?: string, options?: { threadOf?: string }): Promise<string | undefined | 'unknown'>;

  // ---- the newsroom loop (optional: the console has none). One attempt each, classified like posts. ----
  // `workspace` is the channel's workspace, as for briefings (Slack posts with that workspace's token).
  /** Post a draft's review message (with Approve / Edit / Reject), embedding `key` like a briefing's. */
  postReview?(channel: string, view: ReviewView, options: { key: string; workspace?: string }): Promise<PostOutcome>;
  /** Edit a review message in place to show the event as it is now and who decided. */
  updateReview?(channel: string, messageId: string, view: ReviewView, options?: { workspace?: string }): Promise<PostOutcome>;
  /**
   * Edit a posted briefing in place: the briefing as rebuilt now, with a visible "Corrected <time>: …" line per
   * correction. A message or channel that is gone is `channel-unavailable`.
   */
  editBriefing?(channel: string, messageId: string, briefing: Briefing, corrections: readonly CorrectionNote[], options?: { workspace?: string }): Promise<PostOutcome>;
  /** Post a follow alert: in the thread of `threadOf` (that day's briefing) when given, else in the channel. */
  postAlert?(channel: string, alert: FollowAlert, options: { key: string; threadOf?: string; workspace?: string }): Promise<PostOutcome>;
}
