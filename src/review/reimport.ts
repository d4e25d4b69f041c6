import type { Story } from '../records/schema.js';
import type { EventChange, Store } from '../store/store.js';
import { queueReviewUpdate } from './actions.js';
import { queueCorrections } from './changes.js';

/**
 * Records re-imported with different content (`sitrep import`, or story files synced at start): each change is
 * audited (actor `import`), its review message (if any) updated, and, for a published event, the briefings that showed
 * what changed are corrected. Followed questions are checked by the next outbox pass. Returns the corrections queued.
 */
export async function recordReimports(store: Store, stories: ReadonlyMap<string, Story>, changes: readonly EventChange[], now: Date): Promise<number> {
  let corrections = 0;
  for (const { before, after } of changes) {
    const changeId = await store.appendAudit({
      at: now.toISOString(),
      actor: 'import',
      action: 'reimport',
      eventId: after.id,
      story: after.story,
      detail: 're-imported with different content',
      before,
      after,
    });
    await queueReviewUpdate(store, after.id, changeId, now);
    const story = stories.get(before.story);
    if (story) corrections += await queueCorrections({ store, story, changeId, before, after, now });
  }
  return corrections;
}
