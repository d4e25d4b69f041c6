import type { Placement } from '../ingest/event-writer.js';
import type { EventRecord, Story } from '../records/schema.js';
import type { Store } from '../store/store.js';
import { afterChange, queueReviewPost } from './actions.js';
import { checkFollowedQuestions } from './follow-status.js';
import type { ReviewTarget } from './types.js';

export interface IngestHookDeps {
  store: Store;
  stories: ReadonlyMap<string, Story>;
  /** SITREP_REVIEW_CHANNEL, when set. */
  review?: ReviewTarget;
  now: () => Date;
  onQueued?: () => void;
}

/**
 * What follows an ingested article being stored (feed polls and `sitrep ingest` alike). Everything goes through the
 * message outbox, so a one-shot `sitrep ingest` only queues: the running bot posts it at once, or `sitrep deliver` does.
 * - A new draft gets its review message (once: the outbox key is the event id).
 * - An article merged into an existing event is audited; the event's review message is updated in place (never posted
 *   again); if the event was published, the briefings that showed what changed are corrected.
 * - A new published event (a story with autoPublish) may move a question: followed questions are checked.
 */
export function reviewIngestHook(deps: IngestHookDeps): (placement: Placement) => Promise<void> {
  return async (placement) => {
    const { store } = deps;
    const now = deps.now();
    const record = placement.record;
    if (placement.outcome === 'created') {
      if ((record.status ?? 'published') === 'draft') {
        if (deps.review && (await queueReviewPost(store, deps.review, record, now))) deps.onQueued?.();
        return;
      }
      const story = deps.stories.get(record.story);
      if (story && (await checkFollowedQuestions(store, [story], now)) > 0) deps.onQueued?.();
      return;
    }
    if (placement.outcome !== 'merged' || !placement.previous) return;
    const before = placement.previous;
    const added = record.sources.filter((s) => !before.sources.some((b) => b.id === s.id)).map((s) => s.name);
    const detail = added.length > 0 ? `merged an article from ${added.join(', ')}` : 'merged another article';
    const audit = { at: now.toISOString(), actor: 'ingest', action: 'merge', eventId: record.id, story: record.story, before };
    let after = record;
    let changeId: number | undefined;
    // Merging proposes signals again from all the facts. Signals a reviewer set by hand are a judgment, not a
    // proposal: they stay (the new source and facts are still added).
    const reviewed = (await store.listAudit({ eventId: record.id, order: 'desc', limit: 50 })).some((e) => e.action === 'edit');
    if (reviewed && JSON.stringify(before.signals ?? []) !== JSON.stringify(record.signals ?? [])) {
      const kept: EventRecord = { ...record };
      if (before.signals) kept.signals = before.signals;
      else delete kept.signals;
      const res = await store.replaceEventIf(record, kept, { ...audit, detail: `${detail}; kept the signals a reviewer set`, after: kept });
      if (res.ok) {
        after = kept;
        changeId = res.auditId;
      }
    }
    changeId ??= await store.appendAudit({ ...audit, detail, after: record });
    await afterChange({ store, stories: deps.stories, now: deps.now, ...(deps.onQueued ? { onQueued: deps.onQueued } : {}) }, { before, after, changeId });
  };
}
