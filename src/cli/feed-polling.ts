import type { Logger } from '../log.js';
import type { Story } from '../records/schema.js';
import type { Store } from '../store/store.js';

/** Poll the feeds listed in story files on their intervals (wired to src/ingest once it lands). */
export function startFeedPolling(deps: { store: Store; stories: ReadonlyMap<string, Story>; logger: Logger; clock: () => Date }): { stop(): Promise<void> } {
  const feeds = [...deps.stories.values()].flatMap((s) => s.sources);
  if (feeds.length > 0) deps.logger.info({ feeds: feeds.length }, 'feed polling configured');
  return { stop: async () => {} };
}
