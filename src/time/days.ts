import type { DaysSpec } from '../store/store.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const ALIASES: Record<string, Weekday> = {
  mon: 'mon', monday: 'mon', tue: 'tue', tues: 'tue', tuesday: 'tue', wed: 'wed', wednesday: 'wed',
  thu: 'thu', thur: 'thu', thurs: 'thu', thursday: 'thu', fri: 'fri', friday: 'fri',
  sat: 'sat', saturday: 'sat', sun: 'sun', sunday: 'sun',
};

/**
 * `daily`, `weekdays`, `mon-fri`, `mon,wed,fri`, `sat-sun` → a DaysSpec; undefined when not understood.
 * Ranges wrap around the week (`fri-mon`).
 */
export function parseDays(text: string): DaysSpec | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'daily' || t === 'every-day' || t === 'everyday' || t === 'mon-sun') return 'daily';
  if (t === 'weekdays' || t === 'mon-fri') return 'weekdays';
  const out = new Set<Weekday>();
  for (const part of t.split(',').map((p) => p.trim()).filter(Boolean)) {
    const range = part.split('-');
    if (range.length === 1) {
      const d = ALIASES[part];
      if (!d) return undefined;
      out.add(d);
    } else if (range.length === 2) {
      const a = ALIASES[range[0] ?? ''];
      const b = ALIASES[range[1] ?? ''];
      if (!a || !b) return undefined;
      let i = WEEKDAYS.indexOf(a);
      const end = WEEKDAYS.indexOf(b);
      for (let guard = 0; guard < 7; guard++) {
        out.add(WEEKDAYS[i] as Weekday);
        if (i === end) break;
        i = (i + 1) % 7;
      }
    } else return undefined;
  }
  if (out.size === 0) return undefined;
  if (out.size === 7) return 'daily';
  const list = WEEKDAYS.filter((d) => out.has(d));
  if (list.join(',') === 'mon,tue,wed,thu,fri') return 'weekdays';
  return list;
}

/** `daily`, `weekdays` or `mon, wed, fri` for display. */
export function describeDays(days: DaysSpec): string {
  return typeof days === 'string' ? days : days.join(', ');
}

/** `7:00`, `07:00`, `19:30` → `HH:MM`; undefined when not a valid 24-hour time. */
export function parseClock(text: string): string | undefined {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!m) return undefined;
  return `${(m[1] ?? '').padStart(2, '0')}:${m[2] ?? ''}`;
}
