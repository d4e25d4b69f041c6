import type { Platform } from '../store/store.js';
import type { PostOutcome } from './chat-adapter.js';

/** How one queued send ended after all its tries. */
export interface SendResult {
  outcome: PostOutcome;
  /** Adapter calls made (each 429, 5xx or network error is one). */
  attempts: number;
  /** True when the queue was shut down before a post started: nothing was sent for this task. */
  aborted?: boolean;
}

export interface SendQueueOptions {
  /** Minimum gap between two posts to one channel, from the end of one to the start of the next (Slack ≈ 1 s). */
  perChannelIntervalMs: number;
  /** Platform-wide posts per second (Discord 50); unlimited when absent. */
  globalPerSecond?: number;
  /** Adapter calls in flight at once across all channels. */
  concurrency: number;
  /** Total tries for a `transient` failure (5xx, network). */
  maxAttempts: number;
  /** Total tries when the platform keeps answering 429 (these wait the platform's Retry-After, not a backoff). */
  maxRateLimitedAttempts: number;
  /** Full-jitter exponential backoff: random(0, min(cap, base · 2^(try-1))). */
  backoffBaseMs: number;
  backoffCapMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Milliseconds clock (injectable with `sleep` so tests need not wait). */
  now: () => number;
  random: () => number;
  /** Called after each adapter call (metrics, logs). */
  onAttempt?: (info: { channel: string; attempt: number; outcome: PostOutcome }) => void;
}

/**
 * Discord's global limit is 50 requests/s per bot. Starts are spaced evenly at 49/s, so no 1 s span holds more
 * than 50 even with timer jitter; going lower only makes a large fan-out slower than it needs to be.
 */
export const DISCORD_GLOBAL_PER_SECOND = 49;

/**
 * Defaults per platform: Slack posts ~1 message/s per channel; Discord paces under its global limit
 * and learns per-channel buckets from 429s.
 */
export function defaultQueueOptions(platform: Platform): Omit<SendQueueOptions, 'sleep' | 'now' | 'random'> {
  const common = { concurrency: 32, maxAttempts: 5, maxRateLimitedAttempts: 10, backoffBaseMs: 250, backoffCapMs: 30_000 };
  if (platform === 'slack') return { ...common, perChannelIntervalMs: 1_000 };
  if (platform === 'discord') return { ...common, perChannelIntervalMs: 0, globalPerSecond: DISCORD_GLOBAL_PER_SECOND };
  return { ...common, perChannelIntervalMs: 0 };
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

interface ChannelState {
  /** Earliest start of the next post to this channel (epoch ms). */
  nextAt: number;
  /** Tail of this channel's serial chain: one post per channel at a time keeps pacing exact. */
  tail: Promise<unknown>;
  pending: number;
}

/**
 * One platform's outgoing posts. Posts to one channel go one at a time and paced; different channels run
 * concurrently up to `concurrency`, under the optional global rate. 429s wait the platform's Retry-After
 * (per channel, or for everyone when global); transient failures back off with full jitter; anything else
 * is returned at once (never retried).
 */
export class SendQueue {
  private readonly opts: SendQueueOptions;
  private readonly channels = new Map<string, ChannelState>();
  private inFlight = 0;
  private readonly waiters: Array<() => void> = [];
  /** Start times of posts in the last second (global rate), oldest first. */
  private readonly recentStarts: number[] = [];
  private nextSlot = Number.NEGATIVE_INFINITY;
  private globalPausedUntil = 0;
  private closed = false;
  private wakeOnClose: () => void = () => undefined;
  private readonly closedSignal = new Promise<void>((resolve) => {
    this.wakeOnClose = resolve;
  });
  private readonly active = new Set<Promise<unknown>>();

  constructor(
    readonly platform: Platform,
    options: Partial<SendQueueOptions> = {},
  ) {
    this.opts = { ...defaultQueueOptions(platform), sleep: realSleep, now: Date.now, random: Math.random, ...options };
  }

  /** Queue one post. `attempt` makes exactly one adapter call; the queue decides whether and when to call it again. */
  send(channel: string, attempt: () => Promise<PostOutcome>): Promise<SendResult> {
    let state = this.channels.get(channel);
    if (!state) {
      state = { nextAt: 0, tail: Promise.resolve(), pending: 0 };
      this.channels.set(channel, state);
    }
    const ch = state;
    if (this.channels.size > 10_000) this.sweep();
    ch.pending++;
    const run = ch.tail.then(() => this.runTask(channel, ch, attempt));
    ch.tail = run.catch(() => undefined);
    const tracked = run.finally(() => {
      ch.pending--;
      this.active.delete(tracked);
      // Forget idle channels so a long-running process doesn't keep every channel it ever posted to.
      if (ch.pending === 0 && ch.nextAt <= this.opts.now()) this.channels.delete(channel);
    });
    this.active.add(tracked);
    return tracked;
  }

  /** Stop starting new posts: queued tasks resolve `aborted`; posts already sent to the platform finish. */
  close(): void {
    this.closed = true;
    this.wakeOnClose();
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves when every queued task has settled. */
  async idle(): Promise<void> {
    while (this.active.size > 0) await Promise.allSettled([...this.active]);
  }

  /** Number of tasks queued or running. */
  get size(): number {
    return this.active.size;
  }

  private async runTask(channel: string, ch: ChannelState, attempt: () => Promise<PostOutcome>): Promise<SendResult> {
    let attempts = 0;
    let transientTries = 0;
    let last: PostOutcome = { ok: false, kind: 'transient', error: 'not attempted' };
    for (;;) {
      if (this.closed) return { outcome: last, attempts, aborted: true };
      await this.sleepUntil(ch.nextAt);
      await this.acquire();
      if (this.closed) {
        this.release();
        return { outcome: last, attempts, aborted: true };
      }
      try {
        await this.waitGlobalSlot();
        if (this.closed) return { outcome: last, attempts, aborted: true };
        attempts++;
        try {
          last = await attempt();
        } catch (err) {
          // Adapters should return outcomes, but a thrown error (a bug, a network library surprise) is treated as transient.
          last = { ok: false, kind: 'transient', error: err instanceof Error ? err.message : String(err) };
        }
      } finally {
        this.release();
      }
      const finishedAt = this.opts.now();
      ch.nextAt = finishedAt + this.opts.perChannelIntervalMs;
      this.opts.onAttempt?.({ channel, attempt: attempts, outcome: last });
      if (last.ok) return { outcome: last, attempts };
      if (last.kind === 'rate-limited') {
        const until = finishedAt + Math.max(0, last.retryAfterMs);
        if (last.global) this.globalPausedUntil = Math.max(this.globalPausedUntil, until);
        else ch.nextAt = Math.max(ch.nextAt, until);
        if (attempts >= this.opts.maxRateLimitedAttempts) return { outcome: last, attempts };
        continue;
      }
      if (last.kind === 'transient') {
        transientTries++;
        if (transientTries >= this.opts.maxAttempts || attempts >= this.opts.maxRateLimitedAttempts) return { outcome: last, attempts };
        const ceiling = Math.min(this.opts.backoffCapMs, this.opts.backoffBaseMs * 2 ** (transientTries - 1));
        ch.nextAt = Math.max(ch.nextAt, finishedAt + Math.floor(this.opts.random() * ceiling));
        continue;
      }
      return { outcome: last, attempts }; // permanent / channel-unavailable: retrying can't help
    }
  }

  private sweep(): void {
    const now = this.opts.now();
    for (const [id, st] of this.channels) if (st.pending === 0 && st.nextAt <= now) this.channels.delete(id);
  }

  /** Sleeps again for what is left: a timer can fire a millisecond early against `Date.now`, and a post that
   *  starts before the bucket's reset is bounced by the adapter or drawn as a 429. */
  private async sleepUntil(at: number): Promise<void> {
    for (let wait = at - this.opts.now(); wait > 0 && !this.closed; wait = at - this.opts.now()) await this.sleep(wait);
  }

  /** Waits end early on close(), so shutdown never sits out a 30 s backoff. */
  private sleep(ms: number): Promise<void> {
    return Promise.race([this.opts.sleep(ms), this.closedSignal]);
  }

  /**
   * Wait until a post may start under the global rate, then record it. Two rules on actual start times:
   * a minimum spacing (1/rate, so posts are smooth, not bursts) and at most `rate` in any sliding second
   * (so an event-loop stall can't release a backlog all at once). Also honours a global 429 pause.
   */
  private async waitGlobalSlot(): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const now = this.opts.now();
      if (this.globalPausedUntil > now) {
        await this.sleep(this.globalPausedUntil - now);
        continue;
      }
      const rate = this.opts.globalPerSecond;
      if (!rate) return;
      while (this.recentStarts.length > 0 && (this.recentStarts[0] ?? 0) <= now - 1000) this.recentStarts.shift();
      const interval = 1000 / rate;
      const spacingWait = this.nextSlot - now;
      const windowWait = this.recentStarts.length >= rate ? (this.recentStarts[0] ?? now) + 1000 - now : 0;
      const wait = Math.max(spacingWait, windowWait);
      if (wait <= 0) {
        this.recentStarts.push(now);
        // Slots follow a fixed timeline so late-firing timers don't add up to a slower rate; idle time is not
        // banked beyond one slot, and the sliding-second log above still caps any second at `rate`.
        this.nextSlot = Math.max(this.nextSlot, now - interval) + interval;
        return;
      }
      await this.sleep(wait);
    }
  }

  private async acquire(): Promise<void> {
    while (this.inFlight >= this.opts.concurrency && !this.closed) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    this.inFlight++;
  }

  private release(): void {
    this.inFlight--;
    this.waiters.shift()?.();
  }
}
