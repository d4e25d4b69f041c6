import { describe, expect, it } from 'vitest';
import { computeDueJobs, jobKey, latestOccurrence, runsOnDay, scheduledAt } from '../../src/delivery/due.js';
import { zonedToUtc } from '../../src/delivery/zoned-time.js';
import type { JobStatus, Subscription } from '../../src/store/store.js';

const HOUR = 3_600_000;
const CATCHUP = 2 * HOUR;

function sub(over: Partial<Subscription> = {}): Subscription {
  return {
    id: 1,
    platform: 'slack',
    channel: 'C1',
    story: 'ceasefire',
    time: '07:00',
    timezone: 'Europe/Kyiv',
    days: 'daily',
    skipEmpty: false,
    createdAt: '2025-01-01T00:00:00Z',
    paused: false,
    ...over,
  };
}

const at = (iso: string) => new Date(iso);
const none = new Map<string, JobStatus>();
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const date = (s: string) => {
  const [y, m, d] = s.split('-').map(Number);
  return { year: y ?? 0, month: m ?? 0, day: d ?? 0 };
};

describe('local time → instant', () => {
  it('handles fixed and DST offsets across zones', () => {
    expect(iso(scheduledAt({ time: '07:00', timezone: 'Europe/Kyiv' }, date('2025-01-15')))).toBe('2025-01-15T05:00:00.000Z');
    expect(iso(scheduledAt({ time: '07:00', timezone: 'Europe/Kyiv' }, date('2025-07-15')))).toBe('2025-07-15T04:00:00.000Z');
    expect(iso(scheduledAt({ time: '07:00', timezone: 'America/New_York' }, date('2025-01-15')))).toBe('2025-01-15T12:00:00.000Z');
    expect(iso(scheduledAt({ time: '07:00', timezone: 'America/New_York' }, date('2025-07-15')))).toBe('2025-07-15T11:00:00.000Z');
    expect(iso(scheduledAt({ time: '07:00', timezone: 'Asia/Kolkata' }, date('2025-07-15')))).toBe('2025-07-15T01:30:00.000Z');
    // Chatham: +13:45 in (southern) summer, +12:45 in winter.
    expect(iso(scheduledAt({ time: '07:00', timezone: 'Pacific/Chatham' }, date('2025-01-15')))).toBe('2025-01-14T17:15:00.000Z');
    expect(iso(scheduledAt({ time: '07:00', timezone: 'Pacific/Chatham' }, date('2025-07-15')))).toBe('2025-07-14T18:15:00.000Z');
  });

  it('spring gap runs at the first valid minute after', () => {
    // New York 2025-03-09: 02:00 → 03:00 EDT; 02:30 does not exist → 03:00 EDT = 07:00Z.
    expect(iso(scheduledAt({ time: '02:30', timezone: 'America/New_York' }, date('2025-03-09')))).toBe('2025-03-09T07:00:00.000Z');
    // Kyiv 2025-03-30: 03:00 → 04:00 EEST; 03:15 → 04:00 EEST = 01:00Z.
    expect(iso(scheduledAt({ time: '03:15', timezone: 'Europe/Kyiv' }, date('2025-03-30')))).toBe('2025-03-30T01:00:00.000Z');
    // Chatham 2025-09-28: 02:45 → 03:45 CHADT; 03:00 → 03:45 CHADT = 14:00Z the day before.
    expect(iso(scheduledAt({ time: '03:00', timezone: 'Pacific/Chatham' }, date('2025-09-28')))).toBe('2025-09-27T14:00:00.000Z');
    // A time after the gap on the same day is unaffected.
    expect(iso(scheduledAt({ time: '07:00', timezone: 'America/New_York' }, date('2025-03-09')))).toBe('2025-03-09T11:00:00.000Z');
  });

  it('fall overlap runs once, at the first occurrence', () => {
    // New York 2025-11-02: 01:30 EDT (05:30Z) and 01:30 EST (06:30Z) → the first.
    expect(iso(scheduledAt({ time: '01:30', timezone: 'America/New_York' }, date('2025-11-02')))).toBe('2025-11-02T05:30:00.000Z');
    // Kyiv 2025-10-26: 03:30 EEST (00:30Z) and 03:30 EET (01:30Z).
    expect(iso(scheduledAt({ time: '03:30', timezone: 'Europe/Kyiv' }, date('2025-10-26')))).toBe('2025-10-26T00:30:00.000Z');
    // Chatham 2025-04-06: 03:45 CHADT → 02:45 CHAST; 03:00 first occurs at +13:45.
    expect(iso(zonedToUtc({ ...date('2025-04-06'), hour: 3, minute: 0 }, 'Pacific/Chatham'))).toBe('2025-04-05T13:15:00.000Z');
  });

  it('an overlapped time is due exactly once across both occurrences', () => {
    const s = sub({ time: '01:30', timezone: 'America/New_York' });
    const first = computeDueJobs([s], none, at('2025-11-02T05:31:00Z'), { catchupMaxMs: CATCHUP });
    expect(first.due.map((j) => j.key)).toEqual(['slack:C1:ceasefire:2025-11-02']);
    // At the second 01:30 the same key is already sent → nothing.
    const sent = new Map<string, JobStatus>([['slack:C1:ceasefire:2025-11-02', 'sent']]);
    expect(computeDueJobs([s], sent, at('2025-11-02T06:31:00Z'), { catchupMaxMs: CATCHUP }).due).toEqual([]);
  });
});

describe('computeDueJobs', () => {
  it('is due at the local time with a deterministic key on the local date', () => {
    // 07:00 Chatham on 2025-01-15 is 17:15Z on the 14th: the key carries the local date.
    const s = sub({ timezone: 'Pacific/Chatham' });
    // A minute before, the latest occurrence is the local 14th's, a day old: skipped, not due.
    const before = computeDueJobs([s], none, at('2025-01-14T17:14:00Z'), { catchupMaxMs: CATCHUP });
    expect(before.due).toEqual([]);
    expect(before.skipped.map((j) => j.localDate)).toEqual(['2025-01-14']);
    const r = computeDueJobs([s], none, at('2025-01-14T17:15:00Z'), { catchupMaxMs: CATCHUP });
    expect(r.due).toHaveLength(1);
    expect(r.due[0]?.key).toBe('slack:C1:ceasefire:2025-01-15');
    expect(r.due[0]?.delayed).toBe(false);
    expect(r.due[0]?.dueAt.toISOString()).toBe('2025-01-14T17:15:00.000Z');
  });

  it('does not return a key already sent, skipped or failed, but returns an in-flight one for recovery', () => {
    const s = sub();
    const now = at('2025-01-15T05:01:00Z');
    const key = jobKey(s, '2025-01-15');
    for (const status of ['sent', 'skipped', 'failed'] as const)
      expect(computeDueJobs([s], new Map([[key, status]]), now, { catchupMaxMs: CATCHUP }).due).toEqual([]);
    const r = computeDueJobs([s], (k) => (k === key ? 'in-flight' : undefined), now, { catchupMaxMs: CATCHUP });
    expect(r.due[0]?.recovering).toBe(true);
  });

  it('filters weekdays and explicit day lists in the local calendar', () => {
    // 2025-01-18 is a Saturday in Kolkata (07:00 IST = 01:30Z).
    const saturday = at('2025-01-18T01:31:00Z');
    expect(computeDueJobs([sub({ timezone: 'Asia/Kolkata', days: 'weekdays' })], none, saturday, { catchupMaxMs: CATCHUP }).due).toEqual([]);
    expect(computeDueJobs([sub({ timezone: 'Asia/Kolkata', days: ['sat'] })], none, saturday, { catchupMaxMs: CATCHUP }).due).toHaveLength(1);
    // In UTC it is Friday 17:00 on the 17th; in Chatham (+13:45) it is already Saturday 07:00 — weekdays must skip it.
    const chathamSat = at('2025-01-17T17:15:00Z');
    expect(computeDueJobs([sub({ timezone: 'Pacific/Chatham', days: 'weekdays' })], none, chathamSat, { catchupMaxMs: CATCHUP }).due).toEqual([]);
    expect(computeDueJobs([sub({ timezone: 'Pacific/Chatham', days: ['mon', 'wed', 'fri'] })], none, at('2025-01-16T17:15:00Z'), { catchupMaxMs: CATCHUP }).due).toHaveLength(1);
    expect(runsOnDay('weekdays', 0)).toBe(false);
    expect(runsOnDay(['sun'], 0)).toBe(true);
  });

  it('catches up a missed briefing within the limit, marked delayed, and skips older ones', () => {
    const s = sub(); // 07:00 Kyiv = 05:00Z in January
    const onTime = computeDueJobs([s], none, at('2025-01-15T05:04:00Z'), { catchupMaxMs: CATCHUP });
    expect(onTime.due[0]?.delayed).toBe(false);
    const late = computeDueJobs([s], none, at('2025-01-15T06:59:00Z'), { catchupMaxMs: CATCHUP });
    expect(late.due[0]?.delayed).toBe(true);
    expect(late.due[0]?.lateMs).toBe(119 * 60_000);
    const tooLate = computeDueJobs([s], none, at('2025-01-15T07:01:00Z'), { catchupMaxMs: CATCHUP });
    expect(tooLate.due).toEqual([]);
    expect(tooLate.skipped.map((j) => j.key)).toEqual(['slack:C1:ceasefire:2025-01-15']);
    // Once recorded as skipped it is not reported again.
    expect(computeDueJobs([s], new Map([['slack:C1:ceasefire:2025-01-15', 'skipped' as const]]), at('2025-01-15T07:02:00Z'), { catchupMaxMs: CATCHUP }).skipped).toEqual([]);
  });

  it("catches up yesterday's late-evening briefing just after midnight, never older ones", () => {
    const s = sub({ time: '23:30', timezone: 'America/New_York' });
    // 2025-01-16 00:10 EST = 05:10Z: yesterday's 23:30 is 40 min late.
    const r = computeDueJobs([s], none, at('2025-01-16T05:10:00Z'), { catchupMaxMs: CATCHUP });
    expect(r.due.map((j) => [j.key, j.delayed])).toEqual([['slack:C1:ceasefire:2025-01-15', true]]);
    // After a week of downtime: only the latest occurrence is considered, and it is skipped — no flood.
    const week = computeDueJobs([s], none, at('2025-01-22T12:00:00Z'), { catchupMaxMs: CATCHUP });
    expect(week.due).toEqual([]);
    expect(week.skipped).toHaveLength(1);
  });

  it('ignores paused subscriptions and occurrences from before the subscription existed', () => {
    const now = at('2025-01-15T05:30:00Z');
    expect(computeDueJobs([sub({ paused: true })], none, now, { catchupMaxMs: CATCHUP }).due).toEqual([]);
    expect(computeDueJobs([sub({ createdAt: '2025-01-15T05:10:00Z' })], none, now, { catchupMaxMs: CATCHUP }).due).toEqual([]);
    expect(computeDueJobs([sub({ createdAt: '2025-01-15T04:59:00Z' })], none, now, { catchupMaxMs: CATCHUP }).due).toHaveLength(1);
  });

  it('is due once per local day across a DST change (spring gap subscription)', () => {
    const s = sub({ time: '02:30', timezone: 'America/New_York' });
    const r = computeDueJobs([s], none, at('2025-03-09T07:00:00Z'), { catchupMaxMs: CATCHUP });
    expect(r.due.map((j) => j.key)).toEqual(['slack:C1:ceasefire:2025-03-09']);
    expect(latestOccurrence(s, at('2025-03-09T06:59:00Z'))?.localDate).toBe('2025-03-08');
  });
});
