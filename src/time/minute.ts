const MINUTE_MS = 60_000;

/** `now` taken down to the minute: interactive answers are computed for the minute, so a burst of requests can share one. */
export function minuteOf(now: Date): Date {
  return new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
}
