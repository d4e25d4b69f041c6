import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { briefingFromStore } from '../briefing/service.js';
import type { Logger } from '../log.js';
import { questionStatus, type Story } from '../records/schema.js';
import { checkFollowedQuestions } from '../review/follow-status.js';
import type { FollowAlert } from '../review/types.js';
import { buildReviewView } from '../review/view.js';
import { reviewPostKey } from '../review/actions.js';
import type { MessageJob, Platform, PostedBriefing, Store } from '../store/store.js';
import { shownItems } from './briefing-log.js';
import type { ChatAdapter, PostOutcome } from './chat-adapter.js';
import { queueFor } from './deliver.js';
import { rateBlockBucket, rateBuckets } from './shared-limits.js';
import type { SendQueue, SendQueueOptions } from './send-queue.js';
import { localDateTime, zonedToUtc } from './zoned-time.js';

/** One process drains the message outbox at a time (another holds it: its in-flight jobs are its own). */
export const MESSAGES_LEASE = 'messages';
const LEASE_TTL_MS = 60_000;
const PROCESS_OWNER = `pid-${process.pid}-${randomUUID().slice(0, 8)}`;
const HOUR_MS = 3_600_000;
/** Jobs taken per pass; the rest wait for the next pass (a minute at most, or the next kick). */
const PASS_LIMIT = 500;

export interface MessageDeps {
  store: Store;
  adapters: ReadonlyMap<Platform, ChatAdapter>;
  stories: ReadonlyMap<string, Story>;
  logger: Logger;
  now: () => Date;
  /** The scheduler's long-lived queues, so review posts, corrections and briefings share each channel's pacing. */
  queues?: Map<Platform, SendQueue>;
  queueOptions?: Partial<SendQueueOptions>;
  /** Zone for "that day's briefing" when the channel has no subscription saying one (SITREP_TIMEZONE). */
  timezone?: string;
  owner?: string;
  wallClock?: () => number;
  /** How long the drain's lease holds without renewal (SITREP_LEASE_TTL): the failover delay after a crash. */
  leaseTtlMs?: number;
}

export type MessageOutcome = 'sent' | 'recovered' | 'failed' | 'skipped' | 'waiting' | 'left-in-flight';

export interface MessageReport {
  key: string;
  kind: MessageJob['kind'];
  platform: Platform;
  channel: string;
  outcome: MessageOutcome;
  attempts: number;
  messageId?: string;
  error?: string;
}

export interface MessageSummary {
  lockedOut?: boolean;
  /** Follow alerts queued by this pass's check of followed questions. */
  alertsQueued: number;
  sent: number;
  failed: number;
  skipped: number;
  reports: MessageReport[];
}

const alertPayload = z.object({
  question: z.string(),
  status: questionStatus,
  previous: questionStatus,
  text: z.string(),
  source: z.object({ name: z.string(), url: z.string().optional() }).optional(),
  eventId: z.string().optional(),
  at: z.string(),
});
const eventPayload = z.object({ eventId: z.string() });
const correctionPayload = z.object({ briefingKey: z.string() });

const isPost = (kind: MessageJob['kind']) => kind === 'review-post' || kind === 'follow-alert';

/** The adapter method each kind of job needs. */
const METHOD = { 'review-post': 'postReview', 'review-update': 'updateReview', correction: 'editBriefing', 'follow-alert': 'postAlert' } as const;

/** Longest wait for a shared start before handing the wait back to the send queue (which can be shut down). */
const MAX_SHARED_WAIT_MS = 5_000;

/**
 * On a store shared by replicas, wait for a start every replica agrees on (the same buckets as briefings). Returns a
 * rate-limited outcome when the start is further off than we wait here, undefined when the post may go now.
 */
async function sharedStart(deps: MessageDeps, platform: Platform, channel: string): Promise<PostOutcome | undefined> {
  if (!deps.store.sharedDelivery) return undefined;
  const buckets = rateBuckets(platform, channel);
  if (buckets.length === 0) return undefined;
  const wall = deps.wallClock ?? Date.now;
  const slot = await deps.store.reserveRate(buckets, wall(), MAX_SHARED_WAIT_MS);
  if (!slot.reserved) return { ok: false, kind: 'rate-limited', retryAfterMs: Math.max(1, slot.startMs - wall() - MAX_SHARED_WAIT_MS / 2), error: 'shared rate limit: waiting for other replicas' };
  const wait = slot.startMs - wall();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return undefined;
}

/**
 * One pass over the message outbox: check followed questions (queueing alerts for changes), then post or edit every
 * queued message through the platform send queues: one channel's messages in the order they were queued, channels in
 * parallel. Each job is marked in-flight and its attempt counted before the platform call, as briefings are; a job
 * found in-flight was interrupted and is resolved without a duplicate (edits are simply done again). A message or
 * channel that is gone is logged and the job skipped.
 */
export async function drainMessages(deps: MessageDeps): Promise<MessageSummary> {
  const owner = deps.owner ?? PROCESS_OWNER;
  const wall = deps.wallClock ?? Date.now;
  const ttl = deps.leaseTtlMs ?? LEASE_TTL_MS;
  const empty: MessageSummary = { alertsQueued: 0, sent: 0, failed: 0, skipped: 0, reports: [] };
  // One drainer at a time, across processes and replicas: its in-flight jobs are its own until the lease lapses.
  if (!(await deps.store.acquireLease(MESSAGES_LEASE, owner, ttl, wall()))) return { ...empty, lockedOut: true };
  const renew = setInterval(() => void deps.store.acquireLease(MESSAGES_LEASE, owner, ttl, wall()).catch(() => undefined), ttl / 3);
  renew.unref();
  try {
    const alertsQueued = await checkFollowedQuestions(deps.store, deps.stories.values(), deps.now());
    const jobs = await deps.store.listMessageJobs({ status: ['queued', 'in-flight'], limit: PASS_LIMIT });
    const groups = new Map<string, MessageJob[]>();
    for (const j of jobs) {
      const k = `${j.platform}:${j.channel}`;
      const g = groups.get(k) ?? [];
      g.push(j);
      groups.set(k, g);
    }
    const queues = deps.queues ?? new Map<Platform, SendQueue>();
    const reports: MessageReport[] = [];
    const waiting = new Set<Platform>();
    await Promise.all(
      [...groups.values()].map(async (group) => {
        for (const job of group) {
          const r = await runJob(deps, queues, job, waiting);
          reports.push(r);
          if (r.outcome !== 'waiting') log(deps.logger, r);
        }
      }),
    );
    for (const p of waiting) deps.logger.warn({ platform: p }, `messages for ${p} are waiting: ${p} is not configured`);
    if (!deps.queues) for (const q of queues.values()) await q.idle();
    const count = (o: MessageOutcome) => reports.filter((r) => r.outcome === o).length;
    return { alertsQueued, sent: count('sent') + count('recovered'), failed: count('failed'), skipped: count('skipped'), reports };
  } finally {
    clearInterval(renew);
    await deps.store.releaseLease(MESSAGES_LEASE, owner).catch(() => undefined);
  }
}

function log(logger: Logger, r: MessageReport): void {
  const line = { key: r.key, kind: r.kind, platform: r.platform, channel: r.channel, outcome: r.outcome, attempts: r.attempts, messageId: r.messageId, error: r.error };
  if (r.outcome === 'failed' || r.outcome === 'skipped' || r.outcome === 'left-in-flight') logger.warn(line, 'message');
  else logger.info(line, 'message');
}

/** What a job needs posted or edited, worked out from the store as it is now (so a late job shows the latest). */
type Plan =
  | { kind: 'call'; call: (adapter: ChatAdapter) => Promise<PostOutcome> | undefined; after?: () => Promise<void> }
  | { kind: 'skip'; reason: string };

async function runJob(deps: MessageDeps, queues: Map<Platform, SendQueue>, job: MessageJob, waiting: Set<Platform>): Promise<MessageReport> {
  const { store } = deps;
  const base = { key: job.key, kind: job.kind, platform: job.platform, channel: job.channel };
  const nowIso = () => deps.now().toISOString();
  const adapter = deps.adapters.get(job.platform);
  if (!adapter) {
    waiting.add(job.platform);
    return { ...base, outcome: 'waiting', attempts: job.attempts };
  }
  try {
    const plan = await planJob(deps, job);
    if (plan.kind === 'skip') {
      await store.markMessageJob(job.key, 'skipped', { error: plan.reason }, nowIso());
      return { ...base, outcome: 'skipped', attempts: job.attempts, error: plan.reason };
    }
    if (job.status === 'in-flight' && job.attempts > 0 && isPost(job.kind) && adapter.findPosted) {
      // Interrupted after a post attempt: look for our message before posting again (Discord dedups by nonce instead).
      const since = new Date(Date.parse(job.createdAt) - HOUR_MS).toISOString();
      const threadOf = job.kind === 'follow-alert' ? (await todaysBriefing(deps, job))?.messageId : undefined;
      const found = await adapter.findPosted(job.channel, job.key, since, job.workspace, threadOf !== undefined ? { threadOf } : {}).catch(() => 'unknown' as const);
      if (found === 'unknown') {
        const reason = 'interrupted mid-post and the platform could not confirm whether it arrived; not resent';
        await store.markMessageJob(job.key, 'failed', { error: reason }, nowIso());
        return { ...base, outcome: 'failed', attempts: job.attempts, error: reason };
      }
      if (found !== undefined) {
        await store.markMessageJob(job.key, 'sent', { messageId: found }, nowIso());
        return { ...base, outcome: 'recovered', attempts: job.attempts, messageId: found };
      }
    }
    if (job.status === 'queued') await store.markMessageJob(job.key, 'in-flight', {}, nowIso());
    const queue = queueFor(queues, job.platform, deps.queueOptions);
    let unsupported = false;
    const result = await queue.send(job.channel, async () => {
      if (!adapter[METHOD[job.kind]]) {
        unsupported = true;
        return { ok: false, kind: 'permanent', error: `the ${job.platform} adapter cannot do ${job.kind}` };
      }
      // Replicas on one database share each platform's limits with the briefings they post (see shared-limits.ts).
      const wait = await sharedStart(deps, job.platform, job.channel);
      if (wait) return wait;
      // Counted before the call: zero attempts proves nothing reached the platform.
      await store.incrementMessageAttempts(job.key, nowIso());
      const outcome = (await plan.call(adapter)) ?? { ok: false, kind: 'permanent', error: 'not supported' };
      if (!outcome.ok && outcome.kind === 'rate-limited' && store.sharedDelivery) {
        const bucket = rateBlockBucket(job.platform, job.channel, outcome.global === true);
        if (bucket) await store.blockRate(bucket, (deps.wallClock ?? Date.now)() + outcome.retryAfterMs).catch(() => undefined);
      }
      return outcome;
    });
    const attempts = job.attempts + (unsupported ? 0 : result.attempts);
    if (result.aborted) return { ...base, outcome: 'left-in-flight', attempts, error: 'shutting down before it could be sent' };
    const outcome = result.outcome;
    if (outcome.ok) {
      await store.markMessageJob(job.key, 'sent', { messageId: outcome.messageId }, nowIso());
      await plan.after?.();
      return { ...base, outcome: 'sent', attempts, messageId: outcome.messageId };
    }
    const error = `${outcome.kind}: ${outcome.error}`;
    if (outcome.kind === 'channel-unavailable') {
      // The channel or the message is gone (deleted, archived, the bot removed): nothing to correct there any more.
      await store.markMessageJob(job.key, 'skipped', { error: `gone: ${outcome.error}` }, nowIso());
      return { ...base, outcome: 'skipped', attempts, error: `gone: ${outcome.error}` };
    }
    await store.markMessageJob(job.key, 'failed', { error }, nowIso());
    return { ...base, outcome: 'failed', attempts, error };
  } catch (err) {
    // A store or build error must not sink the other jobs; the job stays as it was for the next pass.
    const error = `internal error: ${err instanceof Error ? err.message : String(err)}`;
    return { ...base, outcome: 'left-in-flight', attempts: job.attempts, error };
  }
}

async function planJob(deps: MessageDeps, job: MessageJob): Promise<Plan> {
  const { store } = deps;
  // The token the job was written for (Slack installs in many workspaces); a resend uses the same one.
  const ws = job.workspace !== undefined ? { workspace: job.workspace } : {};
  const story = deps.stories.get(job.story) ?? (await store.getStory(job.story));
  if (!story) return { kind: 'skip', reason: `unknown story "${job.story}"` };
  switch (job.kind) {
    case 'review-post': {
      const p = eventPayload.safeParse(job.payload);
      if (!p.success) return { kind: 'skip', reason: 'malformed job payload' };
      const record = await store.getEvent(p.data.eventId);
      if (!record) return { kind: 'skip', reason: `event "${p.data.eventId}" no longer exists` };
      const view = await buildReviewView(store, story, p.data.eventId, record);
      return { kind: 'call', call: (a) => a.postReview?.(job.channel, view, { key: job.key, ...ws }) };
    }
    case 'review-update': {
      const p = eventPayload.safeParse(job.payload);
      if (!p.success) return { kind: 'skip', reason: 'malformed job payload' };
      const post = await store.getMessageJob(reviewPostKey(p.data.eventId));
      if (!post || post.status !== 'sent' || post.messageId === undefined) return { kind: 'skip', reason: 'the review message was never posted' };
      const messageId = post.messageId;
      const view = await buildReviewView(store, story, p.data.eventId, await store.getEvent(p.data.eventId));
      return { kind: 'call', call: (a) => a.updateReview?.(post.channel, messageId, view, ws) };
    }
    case 'correction': {
      const p = correctionPayload.safeParse(job.payload);
      if (!p.success) return { kind: 'skip', reason: 'malformed job payload' };
      const posted = await store.getPostedBriefing(p.data.briefingKey);
      if (!posted) return { kind: 'skip', reason: `no posted briefing "${p.data.briefingKey}"` };
      const briefing = await rebuild(store, story, posted);
      return {
        kind: 'call',
        call: (a) => a.editBriefing?.(posted.channel, posted.messageId, briefing, posted.corrections, ws),
        // What the corrected message shows now is what later changes are matched against.
        after: () => store.recordPostedBriefing({ ...posted, shown: shownItems(briefing) }),
      };
    }
    case 'follow-alert': {
      const p = alertPayload.safeParse(job.payload);
      if (!p.success) return { kind: 'skip', reason: 'malformed job payload' };
      const q = story.questions.find((x) => x.id === p.data.question);
      const { question: _q, source, eventId, ...rest } = p.data;
      const alert: FollowAlert = {
        ...rest,
        story: { id: story.id, title: story.title },
        question: { id: p.data.question, label: q?.label ?? p.data.question },
        ...(source ? { source: { name: source.name, ...(source.url !== undefined ? { url: source.url } : {}) } } : {}),
        ...(eventId !== undefined ? { eventId } : {}),
      };
      const thread = await todaysBriefing(deps, job);
      return { kind: 'call', call: (a) => a.postAlert?.(job.channel, alert, { key: job.key, ...ws, ...(thread ? { threadOf: thread.messageId } : {}) }) };
    }
  }
}

/** The posted briefing as it would read now: same story, window and filter, today's records and retractions. */
export function rebuild(store: Store, story: Story, posted: PostedBriefing): ReturnType<typeof briefingFromStore> {
  const r = posted.rebuild;
  return briefingFromStore(store, {
    story,
    now: new Date(r.now),
    since: new Date(r.since),
    fallback: r.fallback,
    ...(r.questions ? { questions: r.questions } : {}),
    ...(r.question !== undefined ? { question: r.question } : {}),
  });
}

/** The newest briefing posted in the job's channel for its story since local midnight (the channel's zone). */
async function todaysBriefing(deps: MessageDeps, job: MessageJob): Promise<PostedBriefing | undefined> {
  const subs = await deps.store.listSubscriptions({ platform: job.platform, channel: job.channel, story: job.story });
  const zone = subs[0]?.timezone ?? deps.timezone ?? 'UTC';
  const now = deps.now();
  let midnight: number;
  try {
    const local = localDateTime(now.getTime(), zone);
    midnight = zonedToUtc({ ...local, hour: 0, minute: 0 }, zone);
  } catch {
    midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  }
  const list = await deps.store.listPostedBriefings({ since: new Date(midnight).toISOString(), platform: job.platform, channel: job.channel, story: job.story });
  return list.at(-1);
}
