/**
 * Every match of a global pattern in `text`: the same as `[...text.matchAll(re)]`, about twice as fast on a sentence
 * (matchAll copies the pattern and steps an iterator; ingestion searches every sentence for every name). Uses the
 * pattern's own `lastIndex`, which is 0 again when this returns.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global pattern: ${re}`);
  const out: RegExpExecArray[] = [];
  const unicode = re.unicode || re.flags.includes('v');
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // Past an empty match by one character (a whole code point under the u and v flags), as matchAll steps.
    if (m[0] === '') re.lastIndex = nextIndex(text, re.lastIndex, unicode);
  }
  return out;
}

function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? index + 2 : index + 1;
}
