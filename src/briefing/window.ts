import type { EventRecord } from '../records/schema.js';
import { DAY_MS, instantMs } from '../time/instant.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export interface BriefingWindow {
  from: number;
  to: number;
}

/** Default window length when a channel has no previous briefing. */
export const DEFAULT_WINDOW_MS = DAY_MS;

/** The window for `now` and an optional `since`: [since, now], or the last 24 h. */
export function windowFor(now: Date, since?: Date): BriefingWindow {
  const to = now.getTime();
  const from = since ? Math.min(since.getTime(), to) : to - DEFAULT_WINDOW_MS;
  return { from, to };
}

/** [start, end) of an event's time: a bare date covers its whole (UTC) day, a date-time is an instant. */
export function eventSpan(rec: Pick<EventRecord, 'occurredAt'>): { start: number; end: number } {
  const hit = spans.get(rec);
  if (hit && hit.occurredAt === rec.occurredAt) return hit.span;
  const start = instantMs(rec.occurredAt);
  const span = DATE_ONLY.test(rec.occurredAt) ? { start, end: start + DAY_MS } : { start, end: start + 1 };
  spans.set(rec, { occurredAt: rec.occurredAt, span });
  return span;
}

/** A build asks for each record's span many times (ranking, questions, watch): parsed once per record object. */
const spans = new WeakMap<object, { occurredAt: string; span: { start: number; end: number } }>();

/**
 * Whether an event falls in the window. A date-time counts when it is inside; a bare date is placed at its midday (as
 * question evidence is), so a morning briefing does not count the day just begun, and of two windows that follow each
 * other (each briefing's `since` is the last one's `now`) exactly one shows a bare-dated event. A source published
 * inside the window brings the event in too: a later report merged into an earlier event is this window's news.
 */
export function inWindow(rec: Pick<EventRecord, 'occurredAt'> & { sources?: ReadonlyArray<{ publishedAt?: string | undefined }> }, w: BriefingWindow): boolean {
  if (ownTimeInWindow(rec, w)) return true;
  // As question evidence counts it (`factTime`): a report published more than half a day after the event.
  const own = ownTime(rec);
  return (rec.sources ?? []).some((s) => {
    if (s.publishedAt === undefined) return false;
    const t = instantMs(s.publishedAt);
    return t > own + DAY_MS / 2 && inside(t, w);
  });
}

/** Whether the event's own time (a bare date's midday) is inside the window, whatever its sources' dates. */
export function ownTimeInWindow(rec: Pick<EventRecord, 'occurredAt'>, w: BriefingWindow): boolean {
  return inside(ownTime(rec), w);
}

/** An event's time: its instant, or a bare date's midday. */
function ownTime(rec: Pick<EventRecord, 'occurredAt'>): number {
  const { start, end } = eventSpan(rec);
  return end - start <= 1 ? start : start + DAY_MS / 2;
}

function inside(t: number, w: BriefingWindow): boolean {
  return t >= w.from && t <= w.to;
}

/** Whether an event had happened by `now` (bare dates: from the start of their day). */
export function happenedBy(rec: Pick<EventRecord, 'occurredAt'>, now: number): boolean {
  return eventSpan(rec).start <= now;
}
