/**
 * Work that follows an acknowledgement (Slack's 3 s ack, then the real answer through response_url) must never
 * delay the next acknowledgement. This queue starts at most one job per event-loop turn, so every pending HTTP
 * request is read and acknowledged between two jobs, and keeps a bounded number in flight.
 */
export class DeferredWork {
  private readonly pending: Array<() => Promise<void>> = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly idleWaiters: Array<() => void> = [];

  constructor(
    private readonly options: {
      /** Jobs running at once (their I/O overlaps; their CPU does not). */
      concurrency?: number;
      /** Jobs waiting at most; beyond this `push` refuses, and the caller answers "busy". */
      maxPending?: number;
      onError?: (err: unknown) => void;
    } = {},
  ) {}

  /** Queue a job; false when the queue is full (the caller should shed load, e.g. reply "try again"). */
  push(job: () => Promise<void>): boolean {
    if (this.pending.length >= (this.options.maxPending ?? 10_000)) return false;
    this.pending.push(job);
    this.schedule();
    return true;
  }

  get size(): number {
    return this.pending.length + this.inFlight;
  }

  /** Resolves when nothing is queued or running (shutdown, tests). */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.pending.length === 0 || this.inFlight >= (this.options.concurrency ?? 8)) return;
    this.scheduled = true;
    // setImmediate runs after the poll phase: requests that arrived meanwhile are acknowledged first.
    setImmediate(() => {
      this.scheduled = false;
      const job = this.pending.shift();
      if (!job) return this.settle();
      this.inFlight++;
      job()
        .catch((err: unknown) => this.options.onError?.(err))
        .finally(() => {
          this.inFlight--;
          this.schedule();
          this.settle();
        });
      this.schedule();
    });
  }

  private settle(): void {
    if (this.size > 0) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
