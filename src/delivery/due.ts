import type { DaysSpec, JobStatus, Subscription } from '../store/store.js';
import { addDays, isoDate, localDateTime, weekday, zonedToUtc, type LocalDateTime } from './zoned-time.js';

/** Two hours: the default for SITREP_CATCHUP_MAX. */
export const DEFAULT_CATCHUP_MAX_MS = 2 * 3_600_000;
/** A briefing posted this late is still "on time" (ticks are a minute apart; external timers may be coarser). */
export const DEFAULT_ON_TIME_GRACE_MS = 5 * 60_000;

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** One briefing that should be posted now. */
export interface DueJob {
  /** `platform:channel:story:YYYY-MM-DD` (local date in the subscription's time zone). */
  key: string;
  subscription: Subscription;
  /** The instant it was scheduled for. */
  dueAt: Date;
  /** Local date (YYYY-MM-DD) in the subscription's time zone. */
  localDate: string;
  /** Later than the on-time grace: a catch-up after downtime, rendered "(delayed)". */
  delayed: boolean;
  lateMs: number;
  /** The key already has an `in-flight` job (a crash interrupted it): resolve, don't blindly repost. */
  recovering: boolean;
}

/** A missed briefing too old to send: logged (and recorded) by the caller, never posted. */
export interface SkippedJob {
  key: string;
  subscription: Subscription;
  dueAt: Date;
  localDate: string;
  lateMs: number;
  reason: string;
  recovering: boolean;
}

export interface DueOptions {
  /** A missed briefing later than this is skipped (SITREP_CATCHUP_MAX). */
  catchupMaxMs: number;
  /** Up to this late counts as on time (not "delayed"). */
  onTimeGraceMs?: number;
}

/** Status of an existing outbox job by key, or undefined when there is none. */
export type JobLookup = ReadonlyMap<string, JobStatus> | ((key: string) => JobStatus | undefined);

/** The outbox key of a subscription's briefing on a local date. */
export function jobKey(sub: Pick<Subscription, 'platform' | 'channel' | 'story'>, localDate: string): string {
  return `${sub.platform}:${sub.channel}:${sub.story}:${localDate}`;
}

/** True when a subscription posts on this day of the week (0 = Sunday). */
export function runsOnDay(days: DaysSpec, day: number): boolean {
  if (days === 'daily') return true;
  if (days === 'weekdays') return day >= 1 && day <= 5;
  const name = DAY_NAMES[day];
  return name !== undefined && days.includes(name);
}

function parseHhMm(time: string): { hour: number; minute: number } | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) return undefined;
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** When a subscription was scheduled for on a local date (DST gap → first valid minute after; overlap → first occurrence). */
export function scheduledAt(sub: Pick<Subscription, 'time' | 'timezone'>, date: Pick<LocalDateTime, 'year' | 'month' | 'day'>): number | undefined {
  const hm = parseHhMm(sub.time);
  if (!hm) return undefined;
  return zonedToUtc({ year: date.year, month: date.month, day: date.day, ...hm }, sub.timezone);
}

/**
 * The newest occurrence of a subscription at or before `now`: today's if it has passed, else yesterday's
 * (a 23:30 briefing missed by a restart at 00:10 is still catchable). Older ones are never considered, so
 * downtime can't produce a flood.
 */
export function latestOccurrence(sub: Subscription, now: Date): { dueAt: number; localDate: string } | undefined {
  let today: LocalDateTime;
  try {
    today = localDateTime(now.getTime(), sub.timezone);
  } catch {
    return undefined; // an unknown zone can't be scheduled; subscribe validates it, so this is only old data
  }
  for (const delta of [0, -1]) {
    const date = addDays(today, delta);
    if (!runsOnDay(sub.days, weekday(date))) continue;
    const at = scheduledAt(sub, date);
    if (at !== undefined && at <= now.getTime()) return { dueAt: at, localDate: isoDate(date) };
  }
  return undefined;
}

/**
 * Which briefings are due at `now`. Pure: the caller supplies the existing outbox state by key.
 * A key that is `sent`, `skipped` or `failed` is done; `in-flight` means a crash interrupted it (recover it).
 * An occurrence before the subscription existed is not a missed briefing. Paused subscriptions are ignored.
 */
export function computeDueJobs(
  subs: readonly Subscription[],
  jobs: JobLookup,
  now: Date,
  options: DueOptions,
): { due: DueJob[]; skipped: SkippedJob[] } {
  const lookup = typeof jobs === 'function' ? jobs : (key: string) => jobs.get(key);
  const grace = options.onTimeGraceMs ?? DEFAULT_ON_TIME_GRACE_MS;
  const due: DueJob[] = [];
  const skipped: SkippedJob[] = [];
  for (const sub of subs) {
    if (sub.paused) continue;
    const occ = latestOccurrence(sub, now);
    if (!occ) continue;
    const key = jobKey(sub, occ.localDate);
    const status = lookup(key);
    if (status !== undefined && status !== 'in-flight') continue;
    const created = Date.parse(sub.createdAt);
    // Created after this occurrence: it was never missed. (A createdAt in the future means a test or skewed clock: ignore it.)
    if (status === undefined && Number.isFinite(created) && created > occ.dueAt && created <= now.getTime()) continue;
    const lateMs = now.getTime() - occ.dueAt;
    const base = { key, subscription: sub, dueAt: new Date(occ.dueAt), localDate: occ.localDate, lateMs, recovering: status === 'in-flight' };
    if (lateMs > options.catchupMaxMs) {
      skipped.push({ ...base, reason: `missed by ${Math.round(lateMs / 60_000)} min, more than the catch-up limit of ${Math.round(options.catchupMaxMs / 60_000)} min` });
    } else {
      due.push({ ...base, delayed: lateMs > grace });
    }
  }
  // Oldest first, so a backlog goes out in the order it was promised.
  due.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.key.localeCompare(b.key));
  return { due, skipped };
}
