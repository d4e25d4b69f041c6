/**
 * Deterministic virtual time for queue tests: `sleep` registers a timer, `run` lets every pending promise
 * settle, then jumps to the next timer. No real waiting, no timing flakiness.
 */
export class VirtualClock {
  time = 0;
  private seq = 0;
  private timers: Array<{ at: number; seq: number; resolve: () => void }> = [];

  readonly now = (): number => this.time;

  readonly sleep = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      this.timers.push({ at: this.time + Math.max(0, ms), seq: this.seq++, resolve });
    });

  /** Drive virtual time until `work` settles. */
  async run<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const tracked = work.finally(() => {
      done = true;
    });
    tracked.catch(() => undefined);
    while (!done) {
      await flush();
      if (done) break;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (!next) {
        await new Promise((r) => setTimeout(r, 5)); // real I/O (SQLite is sync, so rarely needed)
        continue;
      }
      this.time = Math.max(this.time, next.at);
      next.resolve();
    }
    return tracked;
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise<void>((r) => setImmediate(r));
}
