import type { Store } from '../store/store.js';
import { minuteOf } from '../time/minute.js';

interface Entry<T> {
  minute: number;
  revision: string;
  value: T;
}

/**
 * Rendered answers to read-only commands, valid for one minute and one store revision. A platform that can put the
 * answer in its acknowledgement (Slack's ack body) answers a repeated request at once from here instead of
 * acknowledging empty and building the answer again; any write to the store, or the next minute, makes the entry
 * stale. Bounded: the oldest entry goes first.
 */
export class AnswerMemo<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly maxEntries = 256) {}

  /** The answer stored under `key` for the minute of `now`, if the store has not changed since it was computed. */
  async get(store: Store, key: string, now: Date): Promise<T | undefined> {
    const entry = this.entries.get(key);
    if (!entry || entry.minute !== minuteOf(now).getTime()) return undefined;
    if ((await store.revision()) !== entry.revision) return undefined;
    return entry.value;
  }

  /**
   * Keep `value`, computed for the minute of `now` against store revision `revision`. Read the revision before
   * computing: a write during the computation then leaves the entry stale rather than wrongly fresh.
   */
  set(key: string, now: Date, revision: string, value: T): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { minute: minuteOf(now).getTime(), revision, value });
  }

  get size(): number {
    return this.entries.size;
  }
}
