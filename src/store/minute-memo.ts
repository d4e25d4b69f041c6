import { minuteOf } from '../time/minute.js';
import type { Store } from './store.js';

interface Entry<T> {
  minute: number;
  revision: string;
  value: T;
}

/**
 * Values derived from the store for one minute and one store revision: interactive briefings (shared by a burst of
 * commands) and rendered answers to read-only commands (which Slack can put in its acknowledgement). Any write to
 * the store, or the next minute, makes an entry stale. Bounded: the oldest entry goes first.
 */
export class MinuteMemo<T> {
  private readonly entries = new Map<string, Entry<T>>();
  /** The revision of the newest entry. */
  private revision: string | undefined;

  constructor(private readonly maxEntries = 256) {}

  /** The value kept under `key` for the minute of `now` and store revision `revision`. */
  peek(key: string, now: Date, revision: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.minute !== minuteOf(now).getTime() || entry.revision !== revision) return undefined;
    return entry.value;
  }

  /** The value kept under `key` for the minute of `now`, if the store has not changed since it was computed. */
  async get(store: Store, key: string, now: Date): Promise<T | undefined> {
    const entry = this.entries.get(key);
    if (!entry || entry.minute !== minuteOf(now).getTime()) return undefined;
    return this.peek(key, now, await store.revision());
  }

  /**
   * Keep `value`, computed for the minute of `now` against store revision `revision`. Read the revision before
   * computing: a write during the computation then leaves the entry stale rather than wrongly fresh.
   */
  set(key: string, now: Date, revision: string, value: T): void {
    // A store revision never comes back: entries of another one can only be dropped.
    if (revision !== this.revision) {
      this.entries.clear();
      this.revision = revision;
    }
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { minute: minuteOf(now).getTime(), revision, value });
  }

  /** Forget `key` if it still holds `value` (a failed computation is not kept). */
  forget(key: string, value: T): void {
    if (this.entries.get(key)?.value === value) this.entries.delete(key);
  }
}
