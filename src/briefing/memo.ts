import type { Store } from '../store/store.js';
import { MinuteMemo } from '../store/minute-memo.js';
import { minuteOf } from '../time/minute.js';
import { briefingFromStore, type BriefingRequest } from './service.js';
import type { Briefing } from './types.js';

const MAX_ENTRIES = 64;

const memos = new WeakMap<Store, MinuteMemo<Promise<Briefing>>>();

/**
 * `briefingFromStore` for interactive answers: the clock is taken to the minute, and a briefing for the same
 * request, minute and store revision is built once and shared. A burst of `/sitrep` commands then costs one
 * build, and any write to the store (new events, a subscription) starts afresh.
 */
export async function interactiveBriefing(store: Store, req: BriefingRequest): Promise<Briefing> {
  const now = minuteOf(req.now);
  const revision = await store.revision();
  const memo = memoFor(store);
  const key = JSON.stringify([req.story.id, now.getTime(), req.since?.getTime() ?? null, req.question ?? null, req.fallback ?? null, req.questions ?? null]);
  const hit = memo.peek(key, now, revision);
  if (hit) return hit;
  const built = briefingFromStore(store, { ...req, now });
  memo.set(key, now, revision, built);
  // A failed build is not kept: the next request tries again.
  built.catch(() => memo.forget(key, built));
  return built;
}

function memoFor(store: Store): MinuteMemo<Promise<Briefing>> {
  let memo = memos.get(store);
  if (!memo) {
    memo = new MinuteMemo(MAX_ENTRIES);
    memos.set(store, memo);
  }
  return memo;
}
