import type { Platform } from '../store/store.js';
import { deliverDue, releaseDeliveryLease, type DeliverDeps, type DeliverSummary } from './deliver.js';
import { drainMessages, type MessageSummary } from './messages.js';
import type { SendQueue, SendQueueOptions } from './send-queue.js';

const MINUTE_MS = 60_000;

export type SchedulerDeps = Pick<DeliverDeps, 'store' | 'adapters' | 'stories' | 'logger' | 'onReport' | 'leaseTtlMs'> & {
  catchupMaxMs: number;
  /** Injected clock (defaults to the system clock). */
  clock?: () => Date;
  /** Run a pass every minute, on the minute (default); false when the caller drives `tick()` itself (tests). */
  everyMinute?: boolean;
  /** Longest wait for in-flight posts on stop (default 10 s). */
  shutdownTimeoutMs?: number;
  queueOptions?: Partial<SendQueueOptions>;
  /** Run a pass at once instead of waiting for the first tick (`sitrep start`: a restart catches up right away). */
  runAtStart?: boolean;
  /** Longest wait before another pass after the store failed (backoff from 1 s; default 60 s, the tick). */
  maxRetryDelayMs?: number;
  /** How often the message outbox (review posts, corrections, follow alerts) is checked for work (default 5 s). */
  messagePollMs?: number;
  /** Zone for "that day's briefing" of follow alerts when a channel has no subscription (SITREP_TIMEZONE). */
  timezone?: string;
};

export interface SchedulerHandle {
  /** Run one pass now (also what each tick does). Resolves when the pass is over; concurrent calls share the running pass. */
  tick(): Promise<DeliverSummary | undefined>;
  /** Posts waiting or on the wire across all platform queues (the /metrics queue depth). */
  queueDepth(): number;
  /**
   * Drain the message outbox now (a review action queued an update, a correction or an alert). Concurrent calls
   * share one pass, and a call during a pass runs one more pass after it, so nothing queued is left waiting.
   */
  kickMessages(): Promise<MessageSummary | undefined>;
  /** Stop taking jobs, let in-flight posts finish (bounded by the shutdown timeout). Idempotent. */
  stop(): Promise<void>;
  /**
   * For a process about to exit without waiting (a second stop signal): take no more jobs and release the delivery
   * lease (waiting at most a second for the store), leaving what is in flight to the next start.
   */
  abandon(): Promise<void>;
}

/**
 * The delivery clock for `sitrep start`: a tick every minute runs one `deliverDue` pass, never two
 * at once. Send queues live as long as the scheduler, so per-channel pacing and 429 pauses carry across ticks.
 * Between ticks it looks again when that can help: after a pass the store broke (backoff from 1 s up to the
 * tick), and, on a shared store, once the claims of jobs another replica held should have expired (if that
 * replica died, this one takes them over then rather than at a later tick).
 */
export function startScheduler(deps: SchedulerDeps): SchedulerHandle {
  const clock = deps.clock ?? (() => new Date());
  const queues = new Map<Platform, SendQueue>();
  const timeoutMs = deps.shutdownTimeoutMs ?? 10_000;
  const maxRetryMs = deps.maxRetryDelayMs ?? 60_000;
  let stopping = false;
  let running: Promise<DeliverSummary | undefined> | undefined;
  let stopped: Promise<void> | undefined;
  let followUp: NodeJS.Timeout | undefined;
  let retryDelayMs = 1_000;

  const scheduleFollowUp = (ms: number) => {
    if (stopping) return;
    if (followUp) clearTimeout(followUp);
    followUp = setTimeout(() => {
      followUp = undefined;
      void tick();
    }, ms);
    followUp.unref();
  };

  const tick = (): Promise<DeliverSummary | undefined> => {
    if (stopping) return Promise.resolve(undefined);
    if (running) return running;
    if (followUp) clearTimeout(followUp);
    followUp = undefined;
    running = (async () => {
      let summary: DeliverSummary | undefined;
      try {
        summary = await deliverDue({
          store: deps.store,
          adapters: deps.adapters,
          stories: deps.stories,
          now: clock(),
          logger: deps.logger,
          catchupMaxMs: deps.catchupMaxMs,
          queues,
          ...(deps.leaseTtlMs !== undefined ? { leaseTtlMs: deps.leaseTtlMs } : {}),
          ...(deps.queueOptions ? { queueOptions: deps.queueOptions } : {}),
          ...(deps.onReport ? { onReport: deps.onReport } : {}),
          shouldStop: () => stopping,
        });
        if (summary.due > 0 || summary.skipped > 0)
          deps.logger.info(
            { due: summary.due, sent: summary.sent, failed: summary.failed, skipped: summary.skipped, recovered: summary.recovered, elsewhere: summary.elsewhere, storeErrors: summary.storeErrors },
            'delivery pass',
          );
        return summary;
      } catch (err) {
        // A broken pass (store unavailable) must not kill the process; a pass after a backoff tries again.
        deps.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'delivery pass failed');
        return undefined;
      } finally {
        running = undefined;
        if (summary === undefined || summary.storeErrors > 0) {
          scheduleFollowUp(retryDelayMs);
          retryDelayMs = Math.min(maxRetryMs, retryDelayMs * 2);
        } else {
          retryDelayMs = 1_000;
          if (summary.elsewhere > 0) scheduleFollowUp(Math.min(60_000, (deps.leaseTtlMs ?? 60_000) + 500));
        }
      }
    })();
    return running;
  };

  let draining: Promise<MessageSummary | undefined> | undefined;
  let again = false;
  let seenRevision: string | undefined;
  const drain = async (): Promise<MessageSummary | undefined> => {
    try {
      const summary = await drainMessages({
        store: deps.store,
        adapters: deps.adapters,
        stories: deps.stories,
        logger: deps.logger,
        now: clock,
        queues,
        ...(deps.queueOptions ? { queueOptions: deps.queueOptions } : {}),
        ...(deps.timezone ? { timezone: deps.timezone } : {}),
        ...(deps.leaseTtlMs !== undefined ? { leaseTtlMs: deps.leaseTtlMs } : {}),
      });
      seenRevision = await deps.store.revision();
      return summary;
    } catch (err) {
      deps.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'message outbox pass failed');
      return undefined;
    }
  };
  const kickMessages = (): Promise<MessageSummary | undefined> => {
    if (stopping) return Promise.resolve(undefined);
    if (draining) {
      again = true;
      return draining;
    }
    draining = (async () => {
      let summary: MessageSummary | undefined;
      do {
        again = false;
        summary = await drain();
      } while (again && !stopping);
      return summary;
    })().finally(() => {
      draining = undefined;
    });
    return draining;
  };
  // Work queued by another process (`sitrep ingest`, `sitrep retract`) changes the store's revision: look then.
  const poll = setInterval(() => {
    if (draining || stopping) return;
    void deps.store
      .revision()
      .then((r) => (r !== seenRevision ? kickMessages() : undefined))
      .catch(() => undefined);
  }, deps.messagePollMs ?? 5_000);
  poll.unref();

  // A timer re-armed for the next minute boundary after each tick (so it never drifts). node-cron did this job;
  // it formats every tick with Intl, which pages in ICU's zone and locale data: about 9 MB of a bot's resident set.
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    timer = setTimeout(() => {
      arm();
      void tick().then(() => kickMessages());
    }, MINUTE_MS - (Date.now() % MINUTE_MS));
  };
  if (deps.everyMinute !== false) arm();
  if (deps.runAtStart) setImmediate(() => void tick());

  return {
    tick,
    kickMessages,
    queueDepth: () => [...queues.values()].reduce((n, q) => n + q.size, 0),
    stop() {
      stopped ??= (async () => {
        stopping = true;
        if (followUp) clearTimeout(followUp);
        clearTimeout(timer);
        clearInterval(poll);
        if (!running && !draining) return;
        // The running delivery pass and message pass share the queues (their jobs are already promised in the
        // outbox): let both drain for most of the budget, then abandon what has not started (it stays in-flight
        // with zero attempts, which the next start resends safely) and give posts already on the wire the rest.
        const current = Promise.all([running, draining]);
        const drained = await settleWithin(current, Math.floor(timeoutMs * 0.8));
        if (drained) return;
        for (const q of queues.values()) q.close();
        if (!(await settleWithin(current, timeoutMs - Math.floor(timeoutMs * 0.8))))
          deps.logger.warn({ timeoutMs }, 'shutdown: gave up waiting for in-flight posts; the next start resolves them');
      })();
      return stopped;
    },
    async abandon() {
      stopping = true;
      if (followUp) clearTimeout(followUp);
      clearTimeout(timer);
      clearInterval(poll);
      await settleWithin(releaseDeliveryLease(deps.store), 1_000);
    },
  };
}

/** True when `p` settles within `ms`. */
async function settleWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const result = await Promise.race([p.then(() => true as const, () => true as const), timedOut]);
  clearTimeout(timer);
  return result;
}
