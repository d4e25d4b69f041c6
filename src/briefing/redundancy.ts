const STOP = new Set(
  'a an and are as at be been but by for from had has have he her his in is it its of on or said says she that the their they this to was were which will with would after over also its not no than then there'.split(
    ' ',
  ),
);

/** Content words of a text, lowercased, without stop words (for overlap measures). */
export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((w) => w.length > 2 && !STOP.has(w)));
}

/** Overlap coefficient |A∩B| / min(|A|,|B|): high when one text says what the other says. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}

/** Threshold above which two bullets are taken to say the same thing. */
export const REDUNDANT = 0.6;

/**
 * Keep items in order, dropping any whose text mostly repeats an item already kept.
 * Input must be ranked best first: the better phrasing of a repeated point survives.
 */
export function dropRedundant<T>(items: readonly T[], textOf: (item: T) => string, threshold = REDUNDANT): T[] {
  const kept: Array<{ item: T; words: Set<string> }> = [];
  for (const item of items) {
    const words = contentWords(textOf(item));
    if (kept.some((k) => overlap(k.words, words) >= threshold)) continue;
    kept.push({ item, words });
  }
  return kept.map((k) => k.item);
}
