import type { JobClaim, OutboxJob, Store } from '../store/store.js';
import type { ChatAdapter } from './chat-adapter.js';
import type { DueJob } from './due.js';

/** What to do with a due job after consulting the outbox. */
export type Claim =
  /** Post it: a fresh job, or an interrupted one that surely (or probably, see README) never reached the channel. */
  | { action: 'post'; job: OutboxJob; recovered: boolean }
  /** An interrupted job turned out to be posted already; it is now marked sent. */
  | { action: 'resolved'; job: OutboxJob; messageId: string }
  /** Nothing to do: the key is finished (sent/skipped/failed), or it can't be resolved safely (marked failed). */
  | { action: 'none'; job: OutboxJob; reason: string }
  /** Another replica holds an unexpired claim on the job (shared stores): it is that replica's to post or resolve. */
  | { action: 'elsewhere'; job: OutboxJob };

/** The window a job's briefing covers. */
export interface JobWindow {
  from: Date;
  to: Date;
}

const HOUR_MS = 3_600_000;

/**
 * Write the job to the outbox BEFORE anything is posted, so a crash at any later point leaves a trace.
 * An existing key is never posted blindly: finished jobs are left alone, and an `in-flight` one (a crash,
 * or a shutdown that cut the send short) is resolved first. With a `claim` (several replicas on one store) the
 * job is created held by its owner, and an `in-flight` one is resolved only by the replica that takes it over
 * (its holder's claim expired, or was let go).
 */
export async function claimJob(store: Store, due: DueJob, window: JobWindow, adapter: ChatAdapter, nowIso: string, claim?: JobClaim): Promise<Claim> {
  const sub = due.subscription;
  const { created, job } = await store.createJob(
    {
      key: due.key,
      subscriptionId: sub.id,
      platform: sub.platform,
      channel: sub.channel,
      story: sub.story,
      dueAt: due.dueAt.toISOString(),
      windowFrom: window.from.toISOString(),
      windowTo: window.to.toISOString(),
      ...(sub.workspace !== undefined ? { workspace: sub.workspace } : {}),
    },
    nowIso,
    claim,
  );
  if (created) return { action: 'post', job, recovered: false };
  if (job.status !== 'in-flight') return { action: 'none', job, reason: `already ${job.status}` };
  if (!claim) return resolveInFlight(store, job, adapter, nowIso);
  const taken = await store.claimJob(job.key, claim);
  if (!taken) {
    // Finished between our insert and our claim, or held by a live replica.
    const now = await store.getJob(job.key);
    if (now && now.status !== 'in-flight') return { action: 'none', job: now, reason: `already ${now.status}` };
    return { action: 'elsewhere', job: now ?? job };
  }
  return resolveInFlight(store, taken, adapter, nowIso);
}

/**
 * A job left `in-flight`. The attempt counter is bumped right before every adapter call, so zero attempts
 * proves nothing reached the platform. Otherwise ask the platform (Slack: our message with the key in its
 * metadata); platforms without `findPosted` deduplicate the resend themselves (Discord nonce).
 */
export async function resolveInFlight(store: Store, job: OutboxJob, adapter: ChatAdapter, nowIso: string): Promise<Claim> {
  if (job.attempts === 0 || !adapter.findPosted) return { action: 'post', job, recovered: true };
  // Search from a little before the job was written; the platform clock and ours need not agree to the second.
  const since = new Date(Math.min(Date.parse(job.createdAt), Date.now()) - HOUR_MS).toISOString();
  let found: string | undefined | 'unknown';
  try {
    found = await adapter.findPosted(job.channel, job.key, since, job.workspace);
  } catch {
    found = 'unknown';
  }
  if (found === 'unknown') {
    // Not knowing means a resend could duplicate: a missed briefing is the lesser failure.
    const reason = 'interrupted mid-post and the platform could not confirm whether it arrived; not resent';
    await store.markJobFailed(job.key, reason, nowIso);
    return { action: 'none', job: { ...job, status: 'failed', error: reason }, reason };
  }
  if (found !== undefined) {
    await store.markJobSent(job.key, found, nowIso);
    return { action: 'resolved', job: { ...job, status: 'sent', messageId: found }, messageId: found };
  }
  return { action: 'post', job, recovered: true };
}

/** The window stored with a job (so a resend covers what the first attempt covered), falling back to `fallback`. */
export function storedWindow(job: OutboxJob, fallback: JobWindow): JobWindow {
  const from = job.windowFrom ? new Date(job.windowFrom) : fallback.from;
  const to = job.windowTo ? new Date(job.windowTo) : fallback.to;
  return Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) ? fallback : { from, to };
}
