import { describe, expect, it } from 'vitest';
import { corroboratedMatch, CORROBORATION_MARGIN, corroborationFloor, sameDayYearsLater, sameWeekdayMatch, weekdayFits, yearInDoubt } from '../../src/ingest/corroborate.js';

const match = (id: string, occurredAt: string, score: number, eligible = true) => ({ candidate: id, occurredAt, score, eligible });

describe('corroboratedMatch: an undated report takes the day of the dated event it stands out for', () => {
  it('takes the best match when no event of another day comes near it', () => {
    expect(corroboratedMatch([match('a', '2025-10-22', 0.35), match('b', '2025-08-15', 0.2)])?.candidate).toBe('a');
  });

  it('counts events of the same or the next day as the same day, not as rivals', () => {
    expect(corroboratedMatch([match('a', '2025-10-22', 0.35), match('b', '2025-10-23T09:00:00Z', 0.34)])?.candidate).toBe('a');
  });

  it('takes none when a match on another day is within the margin', () => {
    expect(corroboratedMatch([match('a', '2025-10-22', 0.35), match('b', '2025-08-15', 0.35 / CORROBORATION_MARGIN + 0.01)])).toBeUndefined();
  });

  it('takes none below the floor, however alone, and asks more of a report that names no weekday', () => {
    expect(corroboratedMatch([match('a', '2025-10-22', 0.15)])).toBeUndefined();
    expect(corroboratedMatch([])).toBeUndefined();
    // Words alone tie a report without a weekday to a day: a report of a new event is most like an earlier one.
    expect(corroboratedMatch([match('a', '2025-10-22', 0.25)], corroborationFloor(undefined))).toBeUndefined();
    expect(corroboratedMatch([match('a', '2025-10-22', 0.25)], corroborationFloor(3))?.candidate).toBe('a');
    expect(corroboratedMatch([match('a', '2025-10-22', 0.32)], corroborationFloor(undefined))?.candidate).toBe('a');
  });

  it("lets an event the report's weekday rules out count as a rival, never as the match", () => {
    expect(corroboratedMatch([match('a', '2025-10-22', 0.4, false), match('b', '2025-08-15', 0.3)])).toBeUndefined();
    expect(corroboratedMatch([match('a', '2025-10-22', 0.4, false)])).toBeUndefined();
  });
});

describe('sameWeekdayMatch: a report that names a weekday, when corroboration found nothing', () => {
  const on = (id: string, occurredAt: string, score: number, sameWeekday: boolean) => ({ ...match(id, occurredAt, score, false), sameWeekday });
  it('takes the event on exactly that weekday when it beats every other day by a little', () => {
    expect(sameWeekdayMatch([on('a', '2025-10-22', 0.27, true), on('b', '2025-08-15', 0.24, false)])?.candidate).toBe('a');
  });

  it('takes none when another day comes as close, or below 0.25, or on another weekday', () => {
    expect(sameWeekdayMatch([on('a', '2025-10-22', 0.27, true), on('b', '2025-10-29', 0.26, true)])).toBeUndefined();
    expect(sameWeekdayMatch([on('a', '2025-10-22', 0.24, true)])).toBeUndefined();
    expect(sameWeekdayMatch([on('a', '2025-10-23', 0.4, false)])).toBeUndefined();
  });
});

describe('weekdayFits', () => {
  // 22 October 2025 was a Wednesday (3).
  it('fits the weekday the report names and the day after it, or any day when it names none', () => {
    expect(weekdayFits(3, '2025-10-22')).toBe(true);
    expect(weekdayFits(2, '2025-10-22T18:00:00Z')).toBe(true);
    expect(weekdayFits(4, '2025-10-22')).toBe(false);
    expect(weekdayFits(undefined, '2025-10-22')).toBe(true);
  });
});

describe('a day written without its year', () => {
  it('may be the same day (±1) of one to three years before, never of the same year or later', () => {
    expect(sameDayYearsLater('2025-02-18', '2026-02-18')).toBe(true);
    expect(sameDayYearsLater('2025-02-18', '2026-02-19T00:00:00Z')).toBe(true);
    expect(sameDayYearsLater('2023-02-18', '2026-02-18')).toBe(true);
    expect(sameDayYearsLater('2022-02-18', '2026-02-18')).toBe(false);
    expect(sameDayYearsLater('2026-02-18', '2026-02-18')).toBe(false);
    expect(sameDayYearsLater('2026-02-18', '2025-02-18')).toBe(false);
    expect(sameDayYearsLater('2025-02-10', '2026-02-18')).toBe(false);
  });

  it('is in doubt only when it lies more than a month before the ingest time', () => {
    expect(yearInDoubt('2026-02-18', Date.parse('2026-12-06T00:00:00Z'))).toBe(true);
    expect(yearInDoubt('2026-11-20', Date.parse('2026-12-06T00:00:00Z'))).toBe(false);
    expect(yearInDoubt('2026-02-18', undefined)).toBe(false);
  });
});
