const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `90m`, `2h`, `7d`, `1w` → milliseconds; undefined when not such a duration. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d{1,5})\s*([mhdw])\s*$/i.exec(text);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  const n = Number(m[1]);
  const unit = UNIT_MS[m[2].toLowerCase()];
  if (unit === undefined || n <= 0) return undefined;
  return n * unit;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Parse an ISO 8601 date or date-time with offset into a Date; undefined when invalid. Bare dates are 00:00 UTC. */
export function parseIsoInstant(text: string): Date | undefined {
  const t = text.trim();
  if (!ISO_DATE.test(t) && !ISO_DATE_TIME.test(t)) return undefined;
  const ms = Date.parse(ISO_DATE.test(t) ? `${t}T00:00:00Z` : t);
  if (Number.isNaN(ms)) return undefined;
  // Reject calendar overflow such as 2025-02-30, which Date.parse silently rolls over.
  if (new Date(ms).toISOString().slice(0, 10) !== t.slice(0, 10) && !/[+-]\d{2}:?\d{2}$/.test(t)) return undefined;
  return new Date(ms);
}

export type SinceResult = { ok: true; since: Date } | { ok: false; error: string };

/** `24h`, `7d` (relative to now) or an ISO date/date-time; never in the future. */
export function parseSince(text: string, now: Date): SinceResult {
  const dur = parseDuration(text);
  if (dur !== undefined) return { ok: true, since: new Date(now.getTime() - dur) };
  const at = parseIsoInstant(text);
  if (at === undefined) return { ok: false, error: `"${clip(text)}" is not a time span: use 24h, 7d or an ISO date like 2025-05-19` };
  if (at.getTime() > now.getTime()) return { ok: false, error: `"${clip(text)}" is in the future` };
  return { ok: true, since: at };
}

/** Shorten user input before echoing it back in an error. */
export function clip(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
