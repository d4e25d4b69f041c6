import type { AutocompleteChoice } from './types.js';

let zones: readonly string[] | undefined;

/** Every IANA zone this runtime knows (Node's ICU), plus UTC. */
export function allTimeZones(): readonly string[] {
  if (!zones) {
    const supported = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
    zones = [...new Set(['UTC', ...supported])];
  }
  return zones;
}

/** ≤ 25 zones matching `typed` (prefix of the city or full name first, then substring matches). */
export function timezoneChoices(typed: string): AutocompleteChoice[] {
  const t = typed.toLowerCase().replace(/\s+/g, '_');
  const all = allTimeZones();
  const scored = all
    .map((z) => {
      const lz = z.toLowerCase();
      const city = lz.split('/').pop() ?? lz;
      const rank = t === '' ? 2 : lz.startsWith(t) || city.startsWith(t) ? 0 : lz.includes(t) ? 1 : -1;
      return { z, rank };
    })
    .filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.z.localeCompare(b.z));
  return scored.slice(0, 25).map(({ z }) => ({ name: z, value: z }));
}
