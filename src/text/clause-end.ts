import { FUNCTION_WORDS } from './function-words.js';
import { hasFiniteVerb } from './finite-verb.js';

/**
 * Where a sentence may be cut for a title. A cut must leave a clause: not end on a grammar word ("…, after" of "after
 * which"), nor on a few verbless words after its last comma or dash ("…, just one week" of "one week before", "…London—just hours"), and it must
 * hold a verb ("… between Russia" of "between Russia, Ukraine and the United States" has none).
 */
export function leavesClause(head: string): boolean {
  const lastWord = /([\p{L}']+)\W*$/u.exec(head)?.[1]?.toLowerCase() ?? '';
  if (FUNCTION_WORDS.has(lastWord)) return false;
  const comma = Math.max(head.lastIndexOf(','), head.lastIndexOf('—'), head.lastIndexOf('–'));
  if (comma >= 0) {
    const tail = head.slice(comma + 1).trim();
    // A plain verb, not the "-s after a word" guess ("just hours" is no clause).
    if (tail.split(/\s+/).length <= 3 && !/\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|said|says|\p{Ll}{3,}ed)\b/u.test(tail)) return false;
  }
  return hasFiniteVerb(head);
}

/** Is the comma at `at` one inside a list of names ("between Russia, Ukraine and the United States") or a date? */
export function commaInList(text: string, at: number): boolean {
  if (text[at] !== ',') return false;
  const rest = text.slice(at, at + 80);
  // A date's comma ("Monday, August 18", "August 18, 2025") belongs to the date.
  if (/^,\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d|\d{4}\b)/.test(rest)) return true;
  return /^,\s+(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s*){1,3}(?:,|\s(?:and|or)\s)/u.test(rest);
}

/**
 * Cut at a word boundary (past `minShare` of `max`, else mid-word) so the result with "…" fits `max`, and not on a
 * grammar word ("… next week and that he…"): the words that carry the sentence end it.
 */
export function cutAtWord(text: string, max: number, minShare: number): string {
  // Best before a word that opens a phrase ("… in Budapest | and instead imposed …", "… to Moscow | on Wednesday"):
  // what comes before it is whole, when it holds a verb.
  const phrase = /\s(?=(?:in|on|at|with|for|to|from|by|after|before|and|but|as|which|that|who|while|amid|over|during|including|since|under|into|near)\s)/g;
  let best = -1;
  for (const m of text.slice(0, max - 1).matchAll(phrase)) if (m.index >= max * 0.6) best = m.index;
  if (best > 0) {
    const head = text.slice(0, best).replace(/[\s,;:—–-]+$/, '');
    if (leavesClause(head)) return `${head}…`;
  }
  const room = text.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  let head = (space > max * minShare ? room.slice(0, space) : room).replace(/[\s,;:—–-]+$/, '');
  for (let n = 0; n < 4; n++) {
    const m = /\s+([\p{L}']+)$/u.exec(head);
    if (!m || !FUNCTION_WORDS.has((m[1] ?? '').toLowerCase()) || head.length - m[0].length < max * 0.5) break;
    head = head.slice(0, m.index).replace(/[\s,;:—–-]+$/, '');
  }
  return `${head}…`;
}
