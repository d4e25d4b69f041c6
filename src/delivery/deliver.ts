import type { Briefing } from '../briefing/types.js';
import { briefingFromStore } from '../briefing/service.js';
import type { Logger } from '../log.js';
import type { Story } from '../records/schema.js';
import { REPLICA_ID } from '../store/replica.js';
import { StoreError, type JobClaim, type OutboxJob, type Platform, type Store, type Subscription } from '../store/store.js';
import type { ChatAdapter, PostOutcome } from './chat-adapter.js';
import { computeDueJobs, DEFAULT_CATCHUP_MAX_MS, jobKey, latestOccurrence, type DueJob, type SkippedJob } from './due.js';
import { claimJob, resolveInFlight, storedWindow, type JobWindow } from './outbox.js';
import { logPostedBriefing } from './briefing-log.js';
import { rateBuckets, rateBlockBucket } from './shared-limits.js';
import { SendQueue, type SendQueueOptions, type SendResult } from './send-queue.js';
import { DAY_MS } from '../time/instant.js';

/** One delivering process per database (SQLite): the pass holds this lease and renews it while it runs. */
export const DELIVERY_LEASE = 'delivery';
/** Default SITREP_LEASE_TTL: how long the delivery lease, or a replica's claim on a job, holds without renewal. */
export const DEFAULT_LEASE_TTL_MS = 60_000;
/** Shared stores: jobs one replica holds at once per platform, so the others can take the rest. */
export const DEFAULT_CLAIM_WINDOW = 64;
/** A shared rate-limit start further off than this is waited out in the send queue, not inside an attempt. */
const MAX_SLOT_WAIT_MS = 10_000;
/** A post starting this much after its reserved slot takes a new slot instead (see sharedAttempt). */
const SLOT_LATENESS_MS = 25;

/**
 * Give up this process's delivery lease at once (a forced exit): the next start need not wait a minute for it to
 * expire. Jobs this process left in-flight stay in the outbox, and the next pass resolves them.
 */
export async function releaseDeliveryLease(store: Store, owner: string = REPLICA_ID): Promise<void> {
  await store.releaseLease(DELIVERY_LEASE, owner);
}

/** How one delivery ended (one log line each). */
export type DeliveryOutcome =
  | 'sent'
  /** An interrupted job was found already posted and marked sent, without posting again. */
  | 'recovered'
  | 'failed'
  /** Nothing new and the subscription says skip-empty, or missed beyond the catch-up limit. */
  | 'skipped'
  /** Another pass or process finished this key first. */
  | 'already-done'
  /** Another replica holds this key's claim (shared stores): it posts it, or it is taken over when the claim expires. */
  | 'elsewhere'
  /** Shutdown stopped it before posting; the next run resolves it. */
  | 'left-in-flight';

export interface DeliveryReport {
  key: string;
  platform: Platform;
  channel: string;
  outcome: DeliveryOutcome;
  delayed: boolean;
  attempts: number;
  latencyMs: number;
  messageId?: string;
  error?: string;
  /** Left in flight because the store could not be reached (a later pass resolves it). */
  storeError?: boolean;
}

export interface DeliverDeps {
  store: Store;
  adapters: ReadonlyMap<Platform, ChatAdapter>;
  stories: ReadonlyMap<string, Story>;
  /** The pass's logical time: what is due, and the end of every briefing window. */
  now: Date;
  logger: Logger;
  catchupMaxMs?: number;
  /** Long-lived queues (the scheduler keeps them so pacing survives between ticks); created per pass when absent. */
  queues?: Map<Platform, SendQueue>;
  /** Options for queues this pass creates (tests shorten waits). */
  queueOptions?: Partial<SendQueueOptions>;
  /** Checked before each job is claimed: true once shutdown began. */
  shouldStop?: () => boolean;
  /** Called once per delivery report (metrics). */
  onReport?: (report: DeliveryReport) => void;
  /** Lease owner id (default: this process); tests use two owners to play two processes. */
  owner?: string;
  /** Wall clock for the lease (not the pass's logical `now`, which `--now` may set in the past). */
  wallClock?: () => number;
  /** How long the delivery lease (SQLite) or a claim on a job (shared stores) holds without renewal (SITREP_LEASE_TTL). */
  leaseTtlMs?: number;
  /** Shared stores: jobs this process holds at once per platform (default {@link DEFAULT_CLAIM_WINDOW}). */
  claimWindow?: number;
  /** Shared stores: how long to keep retrying a store write that must not be lost (default 30 s). */
  storeRetryMs?: number;
}

export interface DeliverSummary {
  /** True when another process holds the delivery lease: this pass did nothing. */
  lockedOut?: boolean;
  due: number;
  sent: number;
  recovered: number;
  failed: number;
  skipped: number;
  alreadyDone: number;
  leftInFlight: number;
  /** Jobs another replica held a live claim on (shared stores): the scheduler looks again when such claims expire. */
  elsewhere: number;
  /** Left in flight because the store failed (not shutdown): worth another pass soon. */
  storeErrors: number;
  deliveries: DeliveryReport[];
}

/** The send queue for a platform, created on first use. */
export function queueFor(queues: Map<Platform, SendQueue>, platform: Platform, options?: Partial<SendQueueOptions>): SendQueue {
  let q = queues.get(platform);
  if (!q) {
    q = new SendQueue(platform, options);
    queues.set(platform, q);
  }
  return q;
}

/**
 * One delivery pass: work out what is due at `deps.now`, write each job to the outbox before posting, post
 * through the per-platform send queues (all channels concurrently, each paced), and record the outcome.
 * Safe to run any number of times for the same `now`: a key is posted at most once.
 */
export async function deliverDue(deps: DeliverDeps): Promise<DeliverSummary> {
  const owner = deps.owner ?? REPLICA_ID;
  const wall = deps.wallClock ?? Date.now;
  const ttlMs = deps.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS;
  if (deps.store.sharedDelivery) return deliverShared(deps, { owner, ttlMs, wall, held: new Set() });
  if (!(await deps.store.acquireLease(DELIVERY_LEASE, owner, ttlMs, wall()))) {
    // A live `sitrep start` (or another `deliver`) is delivering from this database: its jobs look in-flight to
    // us, and "resolving" them would post twice. Leave them to it; a crashed holder's lease expires in a minute.
    deps.logger.info({ lease: DELIVERY_LEASE }, 'another sitrep process is delivering from this database; pass skipped');
    return { lockedOut: true, due: 0, sent: 0, recovered: 0, failed: 0, skipped: 0, alreadyDone: 0, leftInFlight: 0, elsewhere: 0, storeErrors: 0, deliveries: [] };
  }
  const renew = setInterval(() => {
    void deps.store.acquireLease(DELIVERY_LEASE, owner, ttlMs, wall()).catch((err: unknown) => deps.logger.warn({ err }, 'delivery lease renewal failed'));
  }, ttlMs / 3);
  renew.unref();
  try {
    return await deliverPass(deps, undefined);
  } finally {
    clearInterval(renew);
    // Every post of the pass has settled by now (deliverPass awaits them), so the lease can go.
    await deps.store.releaseLease(DELIVERY_LEASE, owner).catch(() => undefined);
  }
}

/** How a replica claims jobs on a shared store. */
interface Claims {
  owner: string;
  ttlMs: number;
  wall: () => number;
  /** Keys this replica holds and works on now (renewed while held). */
  held: Set<string>;
}

/**
 * Several replicas on one store: no pass-wide lease. Every replica writes the due jobs to the outbox (unclaimed; a
 * key that exists is left alone), then claims them in small batches (FOR UPDATE SKIP LOCKED: replicas claiming at
 * once get different jobs), holding at most a window per platform so the others share the work. The claims it holds
 * are renewed while it works on them; a dead replica's expire, and its jobs are claimed again like fresh ones (with
 * the duplicate checks of crash recovery when an attempt had started).
 */
async function deliverShared(deps: DeliverDeps, claims: Claims): Promise<DeliverSummary> {
  // One warning per outage, not one per renewal.
  let failing = false;
  const renew = setInterval(() => {
    if (claims.held.size === 0) return;
    deps.store.renewJobClaims(claims.owner, [...claims.held], claims.ttlMs, claims.wall()).then(
      () => {
        if (failing) deps.logger.info('renewing job claims works again');
        failing = false;
      },
      (err: unknown) => {
        if (!failing) deps.logger.warn({ err: errorText(err) }, 'renewing job claims failed; other replicas may take these jobs over once the claims expire');
        failing = true;
      },
    );
  }, claims.ttlMs / 3);
  renew.unref();
  try {
    return await deliverPass(deps, claims);
  } finally {
    clearInterval(renew);
    claims.held.clear();
  }
}

async function deliverPass(deps: DeliverDeps, claims: Claims | undefined): Promise<DeliverSummary> {
  const { store, adapters, logger, now } = deps;
  const catchupMaxMs = deps.catchupMaxMs ?? DEFAULT_CATCHUP_MAX_MS;
  const all = await store.listSubscriptions({ includePaused: false });
  const unconfigured = new Set<Platform>();
  const subs: Subscription[] = [];
  for (const s of all) {
    if (s.paused) continue;
    if (!adapters.has(s.platform)) unconfigured.add(s.platform);
    else subs.push(s);
  }
  for (const p of unconfigured) logger.warn({ platform: p }, `subscriptions for ${p} are waiting: ${p} is not configured`);

  const keys: string[] = [];
  for (const s of subs) {
    const occ = latestOccurrence(s, now);
    if (occ) keys.push(jobKey(s, occ.localDate));
  }
  const statuses = await store.jobStatuses(keys);
  const { due, skipped } = computeDueJobs(subs, statuses, now, { catchupMaxMs });

  const queues = deps.queues ?? new Map<Platform, SendQueue>();
  const briefings = new Map<string, Promise<Briefing>>();
  const ctx: PassContext = { deps, queues, briefings, nowIso: now.toISOString(), claims };

  const deliveries: DeliveryReport[] = [];
  for (const s of skipped) deliveries.push(await recordSkipped(ctx, s));
  let elsewhere = 0;
  let storeTrouble = false;
  if (claims) {
    try {
      elsewhere = await deliverClaimed(ctx, claims, due, deliveries);
    } catch (err) {
      if (!isStoreUnavailable(err)) throw err;
      logger.warn({ err: errorText(err) }, 'delivery pass interrupted: the store is unavailable');
      storeTrouble = true;
    }
  } else {
    deliveries.push(...(await Promise.all(due.map((job) => deliverOne(ctx, job)))));
  }
  if (!deps.queues) for (const q of queues.values()) await q.idle();

  if (deps.onReport) for (const d of deliveries) deps.onReport(d);
  const count = (o: DeliveryOutcome) => deliveries.filter((d) => d.outcome === o).length;
  return {
    due: due.length,
    sent: count('sent'),
    recovered: count('recovered'),
    failed: count('failed'),
    skipped: count('skipped'),
    alreadyDone: count('already-done'),
    leftInFlight: count('left-in-flight'),
    elsewhere: Math.max(elsewhere, count('elsewhere')),
    storeErrors: deliveries.filter((d) => d.outcome === 'left-in-flight' && d.storeError === true).length + (storeTrouble ? 1 : 0),
    deliveries,
  };
}

interface PassContext {
  deps: DeliverDeps;
  queues: Map<Platform, SendQueue>;
  briefings: Map<string, Promise<Briefing>>;
  nowIso: string;
  claims: Claims | undefined;
}

function claimOf(ctx: PassContext): JobClaim | undefined {
  const c = ctx.claims;
  return c ? { owner: c.owner, ttlMs: c.ttlMs, nowMs: c.wall() } : undefined;
}

function logDelivery(logger: Logger, r: DeliveryReport): DeliveryReport {
  const line = { key: r.key, platform: r.platform, channel: r.channel, outcome: r.outcome, delayed: r.delayed, attempts: r.attempts, latencyMs: r.latencyMs, messageId: r.messageId, error: r.error };
  if (r.outcome === 'failed' || r.outcome === 'left-in-flight') logger.warn(line, 'delivery');
  else logger.info(line, 'delivery');
  return r;
}

async function recordSkipped(ctx: PassContext, s: SkippedJob): Promise<DeliveryReport> {
  const { store, logger, now } = ctx.deps;
  const started = performance.now();
  const sub = s.subscription;
  const base = { key: s.key, platform: sub.platform, channel: sub.channel, delayed: true, attempts: 0 };
  const window = { from: now, to: now };
  const claim = claimOf(ctx);
  let { created, job } = await store.createJob(
    {
      key: s.key,
      subscriptionId: sub.id,
      platform: sub.platform,
      channel: sub.channel,
      story: sub.story,
      dueAt: s.dueAt.toISOString(),
      windowFrom: window.from.toISOString(),
      windowTo: window.to.toISOString(),
      ...(sub.workspace !== undefined ? { workspace: sub.workspace } : {}),
    },
    ctx.nowIso,
    claim,
  );
  let reason = s.reason;
  if (!created && job.status === 'in-flight' && claim) {
    const taken = await store.claimJob(job.key, claim);
    if (!taken) return { ...base, outcome: 'elsewhere', latencyMs: 0 };
    job = taken;
  }
  if (!created && job.status === 'in-flight') {
    // Interrupted long ago: don't post a stale briefing, but don't lose the fact that it may have arrived.
    const adapter = ctx.deps.adapters.get(sub.platform);
    if (adapter) {
      const claim = await resolveInFlight(store, job, adapter, ctx.nowIso);
      if (claim.action === 'resolved') return logDelivery(logger, { ...base, outcome: 'recovered', messageId: claim.messageId, latencyMs: Math.round(performance.now() - started) });
      if (claim.action === 'none') return logDelivery(logger, { ...base, outcome: 'failed', error: claim.reason, latencyMs: Math.round(performance.now() - started) });
    }
    reason = `interrupted, then ${reason}`;
  } else if (!created) {
    return { ...base, outcome: 'already-done', latencyMs: 0 };
  }
  await store.markJobSkipped(s.key, reason, ctx.nowIso);
  return logDelivery(logger, { ...base, outcome: 'skipped', error: reason, latencyMs: Math.round(performance.now() - started) });
}

async function deliverOne(ctx: PassContext, due: DueJob): Promise<DeliveryReport> {
  const { store, logger, now, adapters, stories } = ctx.deps;
  const started = performance.now();
  const sub = due.subscription;
  const base = { key: due.key, platform: sub.platform, channel: sub.channel, delayed: due.delayed };
  const report = (r: Omit<DeliveryReport, keyof typeof base | 'latencyMs'>) =>
    logDelivery(logger, { ...base, ...r, latencyMs: Math.round(performance.now() - started) });

  if (ctx.deps.shouldStop?.()) return { ...base, outcome: 'left-in-flight', attempts: 0, latencyMs: 0, error: 'shutting down; not started' };
  const adapter = adapters.get(sub.platform);
  if (!adapter) return report({ outcome: 'failed', attempts: 0, error: `${sub.platform} is not configured` });

  try {
    const lastSent = await store.lastSentJob(sub.platform, sub.channel, sub.story);
    const since = lastSent?.windowTo ? new Date(lastSent.windowTo) : new Date(now.getTime() - DAY_MS);
    const claim = await claimJob(store, due, { from: since, to: now }, adapter, ctx.nowIso);
    if (claim.action === 'elsewhere') return { ...base, outcome: 'elsewhere', attempts: claim.job.attempts, latencyMs: 0 };
    if (claim.action === 'none') {
      if (claim.job.status === 'failed' && claim.reason.startsWith('interrupted')) return report({ outcome: 'failed', attempts: claim.job.attempts, error: claim.reason });
      return { ...base, outcome: 'already-done', attempts: claim.job.attempts, latencyMs: 0 };
    }
    if (claim.action === 'resolved') return report({ outcome: 'recovered', attempts: claim.job.attempts, messageId: claim.messageId });

    // A resend covers exactly the window the first attempt promised, so the next briefing starts where it ended.
    const window: JobWindow = claim.recovered ? storedWindow(claim.job, { from: since, to: now }) : { from: since, to: now };
    return await postJob(ctx, due, window, lastSent === undefined, adapter, report, claim.job.workspace);
  } catch (err) {
    // A store or engine error must not sink the other deliveries of the pass; the job stays in-flight for recovery.
    const error = err instanceof Error ? err.message : String(err);
    return report({ outcome: 'left-in-flight', attempts: 0, error: `internal error: ${error}`, ...(isStoreUnavailable(err) ? { storeError: true } : {}) });
  }
}

type Report = (r: Omit<DeliveryReport, 'key' | 'platform' | 'channel' | 'delayed' | 'latencyMs'>) => DeliveryReport;

/**
 * Shared stores: write the due jobs, then claim and deliver them a batch at a time per platform. Returns how many
 * due jobs were left in flight under other replicas' claims when this replica ran out of jobs to claim.
 */
async function deliverClaimed(ctx: PassContext, claims: Claims, due: readonly DueJob[], deliveries: DeliveryReport[]): Promise<number> {
  const { store, now } = ctx.deps;
  const lastSent = await store.lastSentWindows(due.map((d) => d.subscription));
  const since = (d: DueJob) => lastSent.get(`${d.subscription.platform}:${d.subscription.channel}:${d.subscription.story}`) ?? new Date(now.getTime() - DAY_MS).toISOString();
  await store.createJobs(
    due
      .filter((d) => !d.recovering)
      .map((d) => ({
        key: d.key,
        subscriptionId: d.subscription.id,
        platform: d.subscription.platform,
        channel: d.subscription.channel,
        story: d.subscription.story,
        dueAt: d.dueAt.toISOString(),
        windowFrom: since(d),
        windowTo: now.toISOString(),
        ...(d.subscription.workspace !== undefined ? { workspace: d.subscription.workspace } : {}),
      })),
    ctx.nowIso,
  );
  const byPlatform = new Map<Platform, DueJob[]>();
  for (const d of due) {
    const list = byPlatform.get(d.subscription.platform);
    if (list) list.push(d);
    else byPlatform.set(d.subscription.platform, [d]);
  }
  const window = Math.max(1, ctx.deps.claimWindow ?? DEFAULT_CLAIM_WINDOW);
  const batch = Math.max(1, Math.floor(window / 4));

  const pump = async (jobs: DueJob[]) => {
    const byKey = new Map(jobs.map((d) => [d.key, d]));
    const keys = [...byKey.keys()];
    const active = new Set<Promise<void>>();
    let failure: unknown;
    for (;;) {
      if (ctx.deps.shouldStop?.()) break;
      // Claim when a batch fits: fewer round trips than one claim per job, and never more than the window held.
      while (active.size > window - batch) await Promise.race(active);
      let claimed: OutboxJob[];
      try {
        claimed = await store.claimJobs(keys, { owner: claims.owner, ttlMs: claims.ttlMs, nowMs: claims.wall() }, window - active.size);
      } catch (err) {
        // Finish (and keep renewing) the jobs already held before giving up the pass.
        failure = err;
        break;
      }
      if (claimed.length === 0) break;
      for (const job of claimed) {
        const d = byKey.get(job.key);
        if (!d) continue;
        claims.held.add(job.key);
        const task: Promise<void> = deliverHeld(ctx, claims, d, job, lastSent.has(`${d.subscription.platform}:${d.subscription.channel}:${d.subscription.story}`) === false)
          .then((r) => void deliveries.push(r))
          .finally(() => {
            claims.held.delete(job.key);
            active.delete(task);
          });
        active.add(task);
      }
    }
    await Promise.all(active);
    if (failure !== undefined) throw failure;
  };
  const pumped = await Promise.allSettled([...byPlatform.values()].map(pump));
  const failed = pumped.find((p): p is PromiseRejectedResult => p.status === 'rejected');
  if (failed) throw failed.reason;

  // Whatever is still in flight and was not left so here is another replica's (or a dead one's, until its claims
  // expire): the scheduler looks again then.
  const statuses = await store.jobStatuses(due.map((d) => d.key));
  const leftHere = new Set(deliveries.filter((r) => r.outcome === 'left-in-flight').map((r) => r.key));
  return [...statuses].filter(([key, status]) => status === 'in-flight' && !leftHere.has(key)).length;
}

/** Deliver a job this replica has claimed: post it, or first resolve an attempt a dead replica had started. */
async function deliverHeld(ctx: PassContext, claims: Claims, due: DueJob, job: OutboxJob, first: boolean): Promise<DeliveryReport> {
  const { store, logger, now, adapters } = ctx.deps;
  const started = performance.now();
  const sub = due.subscription;
  const base = { key: due.key, platform: sub.platform, channel: sub.channel, delayed: due.delayed };
  const report: Report = (r) => logDelivery(logger, { ...base, ...r, latencyMs: Math.round(performance.now() - started) });
  const adapter = adapters.get(sub.platform);
  if (!adapter) return report({ outcome: 'failed', attempts: 0, error: `${sub.platform} is not configured` });
  if (ctx.deps.shouldStop?.()) {
    await store.releaseJobClaim(job.key, claims.owner).catch(() => undefined);
    return { ...base, outcome: 'left-in-flight', attempts: job.attempts, latencyMs: 0, error: 'shutting down; not started' };
  }
  try {
    const fallback = { from: new Date(now.getTime() - DAY_MS), to: now };
    const claim = job.attempts === 0 ? { action: 'post' as const, job, recovered: false } : await resolveInFlight(store, job, adapter, ctx.nowIso);
    if (claim.action === 'resolved') return report({ outcome: 'recovered', attempts: claim.job.attempts, messageId: claim.messageId });
    if (claim.action === 'none') return report({ outcome: 'failed', attempts: claim.job.attempts, error: claim.reason });
    if (claim.action === 'elsewhere') return { ...base, outcome: 'elsewhere', attempts: claim.job.attempts, latencyMs: 0 };
    // The window written with the job: a resend covers what the first attempt promised.
    return await postJob(ctx, due, storedWindow(claim.job, fallback), first, adapter, report, claim.job.workspace);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    return report({ outcome: 'left-in-flight', attempts: job.attempts, error: `internal error: ${error}`, ...(isStoreUnavailable(err) ? { storeError: true } : {}) });
  }
}

/** Build the briefing for a job this process may post, post it through the send queue, and record the outcome. */
async function postJob(
  ctx: PassContext,
  due: DueJob,
  window: JobWindow,
  first: boolean,
  adapter: ChatAdapter,
  report: Report,
  jobWorkspace: string | undefined,
): Promise<DeliveryReport> {
  const { store, logger, stories } = ctx.deps;
  const sub = due.subscription;
  const story = stories.get(sub.story);
  if (!story) {
    const error = `unknown story "${sub.story}"`;
    await store.markJobFailed(due.key, error, ctx.nowIso);
    return report({ outcome: 'failed', attempts: 0, error });
  }
  // What the channel was sent last time ranks below what it was not: the day before this window, worked out again.
  const previous = first ? undefined : { from: new Date(window.from.getTime() - DAY_MS), to: window.from };
  const briefing = await briefingFor(ctx, story, window, first, sub.questions, previous);

  if (briefing.developments.length === 0 && sub.skipEmpty) {
    const reason = `nothing new since ${window.from.toISOString()} (skip-empty)`;
    await store.markJobSkipped(due.key, reason, ctx.nowIso);
    return report({ outcome: 'skipped', attempts: 0, error: reason });
  }

  const queue = queueFor(ctx.queues, sub.platform, ctx.deps.queueOptions);
  // The job's workspace, as written to the outbox: a resend goes out with the token the first attempt used.
  const workspace = jobWorkspace ?? sub.workspace;
  const post = () => adapter.postBriefing(sub.channel, briefing, { key: due.key, delayed: due.delayed, ...(workspace !== undefined ? { workspace } : {}) });
  const shared = ctx.claims ? sharedAttempt(ctx, ctx.claims, due, post) : undefined;
  const result: SendResult = await queue.send(
    sub.channel,
    shared?.attempt ??
      (async (): Promise<PostOutcome> => {
        // Counted before the call: zero attempts in the outbox proves nothing was posted (see outbox.ts).
        await store.incrementJobAttempts(due.key, new Date().toISOString());
        return post();
      }),
  );
  if (shared?.lost()) {
    logger.info({ key: due.key }, 'claim taken over by another replica; not posted here');
    return report({ outcome: 'elsewhere', attempts: result.attempts });
  }
  const storeDown = shared?.storeError();
  if (storeDown !== undefined) return report({ outcome: 'left-in-flight', attempts: result.attempts, error: `store unavailable: ${storeDown}`, storeError: true });
  if (result.aborted) {
    // Let another replica take it at once rather than after the claim expires.
    if (ctx.claims) await store.releaseJobClaim(due.key, ctx.claims.owner).catch(() => undefined);
    return report({ outcome: 'left-in-flight', attempts: result.attempts, error: 'shutting down before it could be posted' });
  }
  const outcome = result.outcome;
  // After a post, its outcome must be recorded: on a shared store, ride out a database blip rather than leave the
  // job in flight (which a later pass could only resolve through the platform's duplicate checks).
  const record = (write: () => Promise<void>) => (ctx.claims ? retryStore(write, ctx.deps.storeRetryMs ?? 30_000, ctx.deps.shouldStop) : write());
  if (outcome.ok) {
    try {
      await record(() => store.markJobSent(due.key, outcome.messageId, new Date().toISOString()));
    } catch (err) {
      if (!isStoreUnavailable(err)) throw err;
      return report({ outcome: 'left-in-flight', attempts: result.attempts, messageId: outcome.messageId, error: `posted, but the store could not record it: ${errorText(err)}`, storeError: true });
    }
    // The delivery log for corrections: what this message showed and how to build it again.
    await logPostedBriefing(store, {
      key: due.key,
      platform: sub.platform,
      channel: sub.channel,
      messageId: outcome.messageId,
      // The pass's clock (not the wall's): corrections and follow alerts compare it with the same clock.
      postedAt: ctx.nowIso,
      ...(workspace !== undefined ? { workspace } : {}),
      briefing,
      rebuild: {
        since: window.from.toISOString(),
        now: window.to.toISOString(),
        fallback: first ? 'latest' : 'none',
        ...(sub.questions && sub.questions.length > 0 ? { questions: [...sub.questions] } : {}),
      },
    }).catch((err: unknown) => logger.warn({ key: due.key, err: errorText(err) }, 'posted briefing not logged: it will not be corrected'));
    return report({ outcome: 'sent', attempts: result.attempts, messageId: outcome.messageId });
  }
  const error = `${outcome.kind}: ${outcome.error}`;
  await record(() => store.markJobFailed(due.key, error, new Date().toISOString()));
  if (outcome.kind === 'channel-unavailable') {
    const paused = await store.pauseChannel(sub.platform, sub.channel, outcome.error);
    logger.warn({ platform: sub.platform, channel: sub.channel, paused, reason: outcome.error }, 'channel unavailable: subscriptions paused');
  }
  return report({ outcome: 'failed', attempts: result.attempts, error });
}

/**
 * One attempt on a shared store: wait for a start every replica agrees on (shared rate-limit buckets), count the
 * attempt only while this replica's claim still holds (so a replica that lost its claim never posts), post, and
 * share a 429 with the other replicas. A store failure stops the job without marking it: a later pass resolves it.
 */
function sharedAttempt(ctx: PassContext, claims: Claims, due: DueJob, post: () => Promise<PostOutcome>) {
  const { store } = ctx.deps;
  const platform = due.subscription.platform;
  const channel = due.subscription.channel;
  let lost = false;
  let storeError: string | undefined;
  const attempt = async (): Promise<PostOutcome> => {
    try {
      const buckets = rateBuckets(platform, channel);
      for (let tries = 0; buckets.length > 0; tries++) {
        const slot = await store.reserveRate(buckets, claims.wall(), MAX_SLOT_WAIT_MS);
        // A long wait (another replica's 429, a deep backlog) belongs in the send queue, which can be shut down
        // while it waits; nothing was reserved, so no start goes unused.
        if (!slot.reserved) return { ok: false, kind: 'rate-limited', retryAfterMs: slot.startMs - claims.wall() - MAX_SLOT_WAIT_MS / 2, error: 'shared rate limit: waiting for other replicas' };
        const wait = slot.startMs - claims.wall();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        // Woken late (a stalled event loop): posting now would crowd the starts after ours. Take a fresh one.
        if (claims.wall() - slot.startMs <= SLOT_LATENESS_MS || tries >= 3) break;
      }
      // Right before the post: this replica must still hold the job (its claim could have lapsed while it waited).
      const attempts = await store.startJobAttempt(due.key, { owner: claims.owner, ttlMs: claims.ttlMs, nowMs: claims.wall() });
      if (attempts === undefined) {
        lost = true;
        return { ok: false, kind: 'permanent', error: 'claim lost' };
      }
    } catch (err) {
      storeError = errorText(err);
      return { ok: false, kind: 'permanent', error: `store unavailable: ${storeError}` };
    }
    const outcome = await post();
    if (!outcome.ok && outcome.kind === 'rate-limited') {
      const bucket = rateBlockBucket(platform, channel, outcome.global === true);
      if (bucket) await store.blockRate(bucket, claims.wall() + outcome.retryAfterMs).catch(() => undefined);
    }
    return outcome;
  };
  return { attempt, lost: () => lost, storeError: () => storeError };
}

/** The store could not be reached (as opposed to a bug or a refused write). */
function isStoreUnavailable(err: unknown): boolean {
  return err instanceof StoreError && err.code === 'STORE_UNAVAILABLE';
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Retry `write` while the store is unavailable, with capped exponential backoff, for up to `budgetMs`. */
async function retryStore(write: () => Promise<void>, budgetMs: number, shouldStop?: () => boolean): Promise<void> {
  const deadline = Date.now() + budgetMs;
  let delay = 200;
  for (;;) {
    try {
      await write();
      return;
    } catch (err) {
      if (!isStoreUnavailable(err) || Date.now() + delay > deadline || shouldStop?.()) throw err;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 5_000);
    }
  }
}

/** A counting semaphore: at most `size` tasks run at once, the rest wait in order. */
class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly size: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/**
 * The due list with each run of jobs due at the same instant rotated by a random offset: the oldest promises still
 * go first, and replicas starting together begin at different keys instead of all racing for the first one.
 */
function rotateTies(due: readonly DueJob[]): DueJob[] {
  const out: DueJob[] = [];
  for (let i = 0; i < due.length; ) {
    let j = i;
    const at = due[i]?.dueAt.getTime();
    while (j < due.length && due[j]?.dueAt.getTime() === at) j++;
    const run = due.slice(i, j);
    const k = Math.floor(Math.random() * run.length);
    out.push(...run.slice(k), ...run.slice(0, k));
    i = j;
  }
  return out;
}

/** Subscriptions sharing a window and filter get one briefing build per pass, not one each. */
function briefingFor(
  ctx: PassContext,
  story: Story,
  window: JobWindow,
  first: boolean,
  questions: readonly string[] | undefined,
  previous?: { from: Date; to: Date },
): Promise<Briefing> {
  const cacheKey = [story.id, window.from.toISOString(), window.to.toISOString(), first ? 'latest' : 'none', (questions ?? []).join(','), previous?.from.toISOString() ?? ''].join('|');
  let b = ctx.briefings.get(cacheKey);
  if (!b) {
    b = briefingFromStore(ctx.deps.store, {
      story,
      now: window.to,
      since: window.from,
      fallback: first ? 'latest' : 'none',
      ...(questions && questions.length > 0 ? { questions } : {}),
      ...(previous ? { previous } : {}),
    });
    ctx.briefings.set(cacheKey, b);
  }
  return b;
}

/** One post of a fan-out: where, what, and the outbox key adapters embed. */
export interface FanOutPost {
  platform: Platform;
  channel: string;
  briefing: Briefing;
  key?: string;
  workspace?: string;
}

/**
 * Post many briefings through the send queues and wait for all: the delivery path without the outbox.
 * The benchmark times this to compare a fan-out with the platforms' rate-limit bound.
 */
export async function fanOut(
  posts: readonly FanOutPost[],
  adapters: ReadonlyMap<Platform, ChatAdapter>,
  options: { queues?: Map<Platform, SendQueue>; queueOptions?: Partial<SendQueueOptions> } = {},
): Promise<Array<FanOutPost & { result: SendResult }>> {
  const queues = options.queues ?? new Map<Platform, SendQueue>();
  return Promise.all(
    posts.map(async (p) => {
      const adapter = adapters.get(p.platform);
      if (!adapter) return { ...p, result: { outcome: { ok: false, kind: 'permanent', error: `${p.platform} is not configured` }, attempts: 0 } satisfies SendResult };
      const queue = queueFor(queues, p.platform, options.queueOptions);
      const postOptions = { ...(p.key !== undefined ? { key: p.key } : {}), ...(p.workspace !== undefined ? { workspace: p.workspace } : {}) };
      const result = await queue.send(p.channel, () => adapter.postBriefing(p.channel, p.briefing, postOptions));
      return { ...p, result };
    }),
  );
}
