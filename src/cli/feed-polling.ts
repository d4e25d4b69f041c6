import type { Logger } from '../log.js';
import type { Story } from '../records/schema.js';
import { REPLICA_ID } from '../store/replica.js';
import type { Store } from '../store/store.js';
import type { Placement } from '../ingest/event-writer.js';

const TICK_MS = 60_000;

/**
 * Poll the feeds listed in story files while the bot runs. Each tick asks every feed; `pollFeeds` itself
 * honours each feed's interval, conditional GET and back-off, so a tick is cheap when nothing is due, and takes
 * each feed's lease first, so replicas sharing a database never poll one feed at the same time.
 * Ticks never overlap; `stop()` waits for a running poll.
 */
export function startFeedPolling(deps: {
  store: Store;
  stories: ReadonlyMap<string, Story>;
  logger: Logger;
  clock: () => Date;
  tickMs?: number;
  leaseTtlMs?: number;
  /** After each stored event (review posts, corrections). */
  onStored?: (placement: Placement) => Promise<void>;
}): { stop(): Promise<void> } {
  const stories = [...deps.stories.values()].filter((s) => s.sources.length > 0);
  if (stories.length === 0) return { stop: async () => {} };
  deps.logger.info({ feeds: stories.reduce((n, s) => n + s.sources.length, 0) }, 'feed polling on');
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    // The ingestion modules load with the first poll, only in a bot that has feeds: with the name lexicon and HTML
    // parsing they add about 30 MB to a process.
    running = import('../ingest/pipeline.js')
      // Each feed is polled under a lease: with several replicas on one database, one of them polls it at a time.
      .then(({ pollFeeds }) =>
        pollFeeds({
          store: deps.store,
          stories,
          now: deps.clock(),
          logger: deps.logger,
          claim: { owner: REPLICA_ID, ttlMs: deps.leaseTtlMs ?? 60_000, wall: Date.now },
          ...(deps.onStored ? { onStored: deps.onStored } : {}),
        }),
      )
      .then((reports) => {
        for (const r of reports) deps.logger.debug({ feed: r }, 'feed polled');
      })
      .catch((err: unknown) => deps.logger.error({ err }, 'feed polling failed'))
      .finally(() => {
        running = undefined;
      });
  };
  tick();
  const timer = setInterval(tick, deps.tickMs ?? TICK_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
