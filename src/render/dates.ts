/** Deterministic, locale-independent date labels (renderers must not depend on the host's locale or zone). */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Building an Intl.DateTimeFormat costs far more than using one: a page with hundreds of dates made one per date.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(iso: string, timeZone: string): { y: string; m: number; d: string; hh: string; mm: string } | undefined {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(ms)) return undefined;
  if (timeZone === 'UTC') {
    // The common case needs no time-zone database: the same parts, without Intl's cost per call.
    const t = new Date(ms);
    const two = (n: number) => String(n).padStart(2, '0');
    return { y: String(t.getUTCFullYear()), m: t.getUTCMonth() + 1, d: String(t.getUTCDate()), hh: two(t.getUTCHours()), mm: two(t.getUTCMinutes()) };
  }
  const p = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { y: p.year ?? '', m: Number(p.month ?? '1'), d: String(Number(p.day ?? '1')), hh: p.hour ?? '00', mm: p.minute ?? '00' };
}

/** `19 May 2025` (a bare ISO date is shown as that date whatever the zone). */
export function formatDay(iso: string, timeZone = 'UTC'): string {
  const p = parts(iso, /^\d{4}-\d{2}-\d{2}$/.test(iso) ? 'UTC' : timeZone);
  return p ? `${p.d} ${MONTHS[p.m - 1] ?? ''} ${p.y}` : iso;
}

/** `19 May 2025, 17:00 UTC` (date-only values print as a day). */
export function formatMoment(iso: string, timeZone = 'UTC'): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatDay(iso);
  const p = parts(iso, timeZone);
  return p ? `${p.d} ${MONTHS[p.m - 1] ?? ''} ${p.y}, ${p.hh}:${p.mm} ${timeZone === 'UTC' ? 'UTC' : timeZone}` : iso;
}

export const STATUS_LABEL = { open: 'Open', moved: 'Moved', resolved: 'Resolved', contested: 'Contested' } as const;
