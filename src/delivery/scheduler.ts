import cron from 'node-cron';
import type { Platform } from '../store/store.js';
import { deliverDue, type DeliverDeps, type DeliverSummary } from './deliver.js';
import type { SendQueue, SendQueueOptions } from './send-queue.js';

export type SchedulerDeps = Pick<DeliverDeps, 'store' | 'adapters' | 'stories' | 'logger' | 'onReport'> & {
  catchupMaxMs: number;
  /** Injected clock (defaults to the system clock). */
  clock?: () => Date;
  /** Cron expression of the tick (default every minute). */
  cron?: string;
  /** Longest wait for in-flight posts on stop (default 10 s). */
  shutdownTimeoutMs?: number;
  queueOptions?: Partial<SendQueueOptions>;
};

export interface SchedulerHandle {
  /** Run one pass now (also what each tick does). Resolves when the pass is over; concurrent calls share the running pass. */
  tick(): Promise<DeliverSummary | undefined>;
  /** Posts waiting or on the wire across all platform queues (the /metrics queue depth). */
  queueDepth(): number;
  /** Stop taking jobs, let in-flight posts finish (bounded by the shutdown timeout). Idempotent. */
  stop(): Promise<void>;
}

/**
 * The delivery clock for `sitrep start`: a node-cron tick every minute runs one `deliverDue` pass, never two
 * at once. Send queues live as long as the scheduler, so per-channel pacing and 429 pauses carry across ticks.
 */
export function startScheduler(deps: SchedulerDeps): SchedulerHandle {
  const clock = deps.clock ?? (() => new Date());
  const queues = new Map<Platform, SendQueue>();
  const timeoutMs = deps.shutdownTimeoutMs ?? 10_000;
  let stopping = false;
  let running: Promise<DeliverSummary | undefined> | undefined;
  let stopped: Promise<void> | undefined;

  const tick = (): Promise<DeliverSummary | undefined> => {
    if (stopping) return Promise.resolve(undefined);
    if (running) return running;
    running = (async () => {
      try {
        const summary = await deliverDue({
          store: deps.store,
          adapters: deps.adapters,
          stories: deps.stories,
          now: clock(),
          logger: deps.logger,
          catchupMaxMs: deps.catchupMaxMs,
          queues,
          ...(deps.queueOptions ? { queueOptions: deps.queueOptions } : {}),
          ...(deps.onReport ? { onReport: deps.onReport } : {}),
          shouldStop: () => stopping,
        });
        if (summary.due > 0 || summary.skipped > 0)
          deps.logger.info({ due: summary.due, sent: summary.sent, failed: summary.failed, skipped: summary.skipped, recovered: summary.recovered }, 'delivery pass');
        return summary;
      } catch (err) {
        // A broken pass (store unavailable) must not kill the process; the next tick tries again.
        deps.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'delivery pass failed');
        return undefined;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  const task = cron.schedule(deps.cron ?? '* * * * *', () => tick(), { noOverlap: true, name: 'sitrep-delivery' });

  return {
    tick,
    queueDepth: () => [...queues.values()].reduce((n, q) => n + q.size, 0),
    stop() {
      stopped ??= (async () => {
        stopping = true;
        await task.stop();
        await task.destroy();
        const current = running;
        if (!current) return;
        // Jobs of the running pass are already promised in the outbox: let the queues drain for most of the
        // budget, then abandon what has not started (it stays in-flight with zero attempts, which the next
        // start resends safely) and give posts already on the wire the rest.
        const drained = await settleWithin(current, Math.floor(timeoutMs * 0.8));
        if (drained) return;
        for (const q of queues.values()) q.close();
        if (!(await settleWithin(current, timeoutMs - Math.floor(timeoutMs * 0.8))))
          deps.logger.warn({ timeoutMs }, 'shutdown: gave up waiting for in-flight posts; the next start resolves them');
      })();
      return stopped;
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
