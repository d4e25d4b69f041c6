import { memoByText } from '../text/memo-by-text.js';

/**
 * Information a sentence carries per character: names (capitalised words past the first), numbers, quoted words
 * and places, per 100 characters. News that names who, where and how many in few words makes better bullets than
 * a long sentence of commentary.
 */
export function informationDensity(text: string): number {
  return densityByText(text);
}

/** By text: the same sentences come back build after build. */
const densityByText = memoByText(20_000, (text) => densityOf(text.trim()));

function densityOf(t: string): number {
  if (t.length === 0) return 0;
  const words = t.split(/\s+/);
  let units = 0;
  for (let i = 0; i < words.length; i++) {
    const w = (words[i] ?? '').replace(/^[("“‘'«]+|[)"”’'»,.;:!?]+$/g, '');
    if (w.length === 0) continue;
    if (/\p{N}/u.test(w)) units += 1;
    // A capitalised word mid-sentence (or after a quote mark) is a name, a place or a body.
    else if (i > 0 && /^\p{Lu}/u.test(w) && !/^(?:I|A|The|But|And|He|She|It|We|They|This|That)$/.test(w)) units += 1;
  }
  // Direct quotes are what someone actually said: one unit per quoted span.
  units += Math.floor((t.match(/["“”]/g) ?? []).length / 2);
  return units / (t.length / 100);
}
