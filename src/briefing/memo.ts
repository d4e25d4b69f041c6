import type { Store } from '../store/store.js';
import { minuteOf } from '../time/minute.js';
import { briefingFromStore, type BriefingRequest } from './service.js';
import type { Briefing } from './types.js';

const MAX_ENTRIES = 64;

const caches = new WeakMap<Store, { revision: string; entries: Map<string, Promise<Briefing>> }>();

/**
 * `briefingFromStore` for interactive answers: the clock is taken to the minute, and a briefing for the same
 * request, minute and store revision is built once and shared. A burst of `/sitrep` commands then costs one
 * build, and any write to the store (new events, a subscription) starts afresh.
 */
export async function interactiveBriefing(store: Store, req: BriefingRequest): Promise<Briefing> {
  const now = minuteOf(req.now);
  const revision = await store.revision();
  let cache = caches.get(store);
  if (!cache || cache.revision !== revision) {
    cache = { revision, entries: new Map() };
    caches.set(store, cache);
  }
  const key = JSON.stringify([req.story.id, now.getTime(), req.since?.getTime() ?? null, req.question ?? null, req.fallback ?? null, req.questions ?? null]);
  let hit = cache.entries.get(key);
  if (!hit) {
    if (cache.entries.size >= MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value as string);
    hit = briefingFromStore(store, { ...req, now });
    cache.entries.set(key, hit);
    const entries = cache.entries;
    // A failed build is not cached: the next request tries again.
    hit.catch(() => entries.delete(key));
  }
  return hit;
}
