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

/** Is the comma at `at` one inside a list of names ("between Russia, Ukraine and the United States")? */
export function commaInList(text: string, at: number): boolean {
  return text[at] === ',' && /^,\s+(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s*){1,3}(?:,|\s(?:and|or)\s)/u.test(text.slice(at, at + 80));
}

/**
 * Cut at a word boundary (past `minShare` of `max`, else mid-word) so the result with "…" fits `max`, and not on a
 * grammar word ("… next week and that he…"): the words that carry the sentence end it.
 */
export function cutAtWord(text: string, max: number, minShare: number): string {
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
