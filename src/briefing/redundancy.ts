import { featureSet, overlap } from '../text/similarity.js';

/** Threshold above which two bullets are taken to say the same thing (overlap of stemmed content words). */
export const REDUNDANT = 0.6;

/**
 * Keep items in order, dropping any whose text mostly repeats an item already kept.
 * Input must be ranked best first: the better phrasing of a repeated point survives.
 */
export function dropRedundant<T>(items: readonly T[], textOf: (item: T) => string, threshold = REDUNDANT): T[] {
  const kept: Array<{ item: T; words: Set<string> }> = [];
  for (const item of items) {
    const words = featureSet(textOf(item));
    if (kept.some((k) => overlap(k.words, words) >= threshold)) continue;
    kept.push({ item, words });
  }
  return kept.map((k) => k.item);
}
