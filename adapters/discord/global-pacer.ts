/**
 * Paces request starts for Discord's global limit (50 requests/s per bot): starts are spaced evenly at
 * `perSecond`, and a log of actual start times caps any 1 s span at `perSecond` even when a stalled event
 * loop fires several late timers at once. Waiting here is not a retry: each call still makes one request.
 */
export class GlobalPacer {
  private nextSlot = 0;
  private readonly intervalMs: number;
  private readonly starts: number[] = [];
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly perSecond: number) {
    this.intervalMs = 1000 / perSecond;
  }

  /** Resolve when this caller may start (callers are served in call order). */
  take(): Promise<void> {
    const next = this.chain.then(() => this.acquire());
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async acquire(): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (this.starts.length > 0 && (this.starts[0] ?? 0) <= now - 1000) this.starts.shift();
      const slot = Math.max(now, this.nextSlot);
      const logFree = this.starts.length < this.perSecond ? now : (this.starts[0] ?? now) + 1000;
      const at = Math.max(slot, logFree);
      if (at <= now) {
        this.starts.push(now);
        // Slots follow a fixed timeline: timers fire a little late, and adding the interval to the actual start
        // would lose that lateness every time (~46/s instead of 49/s). Idle time is not banked beyond one slot.
        this.nextSlot = Math.max(this.nextSlot, now - this.intervalMs) + this.intervalMs;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(at - now)));
    }
  }
}
