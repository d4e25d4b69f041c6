import { describe, expect, it } from 'vitest';
import { anyKeyword, anyPattern, hasKeyword, patternMatches, questionPattern } from '../../src/ingest/keywords.js';
import { wordKey } from '../../src/text/word-key.js';
import { anyMatch } from '../../src/text/any-match.js';
import { allMatches } from '../../src/text/matches.js';
import { collapseSpaces, leadingWordsLength } from '../../src/text/spaces.js';
import { CAPTION, PROMPT_LINE } from '../../src/ingest/chrome-phrases.js';

// Faster forms of a regex that the code relies on meaning exactly the same: each is checked against the regex it
// replaces, on the characters where the two could part.
const TEXTS = [
  'Zelensky said Kyiv would “never” cede land — not now, not later.',
  'Ukraine’s 20-point plan, 28 points in all; 3½ years on. Kyiv’s answer at the café.',
  'CAFÉ Ünïcödé naïve São Paulo İstanbul straße ẞ Σίσυφος ς',
  'The ſecurity guarantee and a 5 K (kelvin) reading',
  'emoji 🇺🇦 flag 😀 and 𝐁𝐨𝐥𝐝 math letters 𝟏𝟐',
  'lone \ud83d surrogate \ude00 halves',
  '  leading and trailing spaces  ',
  '',
  '—…“”',
];

describe('wordKey', () => {
  it('is the lower-cased letters and digits with single spaces, as the Unicode regex gives', () => {
    for (const t of TEXTS) expect(wordKey(t)).toBe(t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
  });
});

describe('collapseSpaces', () => {
  it('is the text with single spaces and none at either end, as the replacement gives', () => {
    for (const t of [...TEXTS, 'a\tb', 'a\n\nb', 'a\u00a0b', 'a \u2009b', ' a', 'a ', 'a  b', '\n', 'a b c']) expect(collapseSpaces(t), JSON.stringify(t)).toBe(t.replace(/\s+/g, ' ').trim());
  });
});

describe('leadingWordsLength', () => {
  it('is the length of the first words joined by single spaces, as splitting the text gives', () => {
    for (const t of [...TEXTS, 'a\tb  c\n d', ' a b', 'a b ', 'one', '\u00a0x y'])
      for (const n of [0, 1, 2, 3, 9, 50]) expect(leadingWordsLength(t, n), `${n} of ${JSON.stringify(t)}`).toBe(t.split(/\s+/).slice(0, n).join(' ').length);
  });
});

describe('allMatches', () => {
  it('gives the matches matchAll gives, empty ones and astral characters included', () => {
    const patterns = [/\p{L}+/gu, /x*/g, /x*/gu, /(?<![\p{L}])(?:the\s+)?Kyiv(?![\p{L}])/giu, /(?:)/gu, /\b/g, /[^\n]+/g];
    for (const re of patterns)
      for (const t of TEXTS) {
        const fresh = new RegExp(re.source, re.flags);
        const ours = allMatches(fresh, t).map((m) => [m.index, ...m]);
        expect(ours, `${re} on ${t}`).toEqual([...t.matchAll(re)].map((m) => [m.index, ...m]));
        expect(fresh.lastIndex).toBe(0);
      }
  });
  it('refuses a pattern that is not global, as matchAll does', () => {
    expect(() => allMatches(/a/, 'a')).toThrow(TypeError);
  });
});

describe('question patterns in plain mode', () => {
  const patterns = ['\\bKyiv[\'’]s\\b', '\\bced(?:e|es|ed|ing)\\b', '\\bcafé\\b', 'security guarantee', '\\bsecurity\\b', '\\bk\\b', 'land\\b', '[^.;]{0,3}\\bplan\\b', '\\w+ flag', '(?:\\p{L}+ )?plan', 'gr\\u00fc'];
  it('matches exactly what the Unicode-mode pattern matches, on every text', () => {
    for (const p of patterns) {
      const re = questionPattern(p);
      expect(re, p).not.toBeNull();
      for (const t of TEXTS) expect(patternMatches(p, t), `${p} on ${t}`).toBe(re?.test(t));
    }
  });
  it('answers "does any match" for a list exactly as testing each pattern does, invalid ones included', () => {
    const list = [...patterns, '\\-ceasefire', '(unclosed', '(a)\\1'];
    for (const t of [...TEXTS, 'a -ceasefire', 'aa', 'the plan']) {
      expect(anyPattern(list, t), t).toBe(list.some((p) => patternMatches(p, t)));
      for (const p of list) expect(anyPattern([p], t), `${p} on ${t}`).toBe(patternMatches(p, t));
    }
    expect(anyPattern([], 'anything')).toBe(false);
  });

  it('falls back to plain mode for a pattern that is invalid in Unicode mode, and to no match for an invalid one', () => {
    expect(patternMatches('\\-ceasefire', 'a -ceasefire')).toBe(true);
    expect(patternMatches('(unclosed', '(unclosed')).toBe(false);
  });
});

describe('anyKeyword', () => {
  it('is true exactly when one of the keywords occurs, as each tested alone', () => {
    const lists = [
      ['security guarantee', 'Kyiv', 'land'],
      ['guarantee', 'ceasefire'],
      ['ſecurity', 'K'],
      ['plan'],
      [],
      ['São Paulo', 'Ünïcödé', 'ς'],
    ];
    const texts = [...TEXTS, 'Security   guarantees for Kyiv’s allies', 'the guarantee’s terms', 'a ceasefires list', 'landmines and Kyivan roads', 'cease-fire'];
    for (const list of lists) for (const t of texts) expect(anyKeyword(t, list), `${list.join('|')} in ${t}`).toBe(list.some((k) => hasKeyword(t, k)));
  });
});

describe('anyMatch', () => {
  it('matches exactly when one of the patterns does, whatever their flags', () => {
    const lines = [...TEXTS, 'Leave a comment', '3 comments', 'Sign up for our newsletter', 'Photo: Reuters / Valentyn Ogirenko', 'Getty Images', 'Share this article', 'AFP PHOTO', 'The talks ended.'];
    for (const list of [PROMPT_LINE, CAPTION, [/a(b)\1/, /x/giu, /ſ/iu, /^k$/i]]) {
      const any = anyMatch(list);
      for (const t of [...lines, 'abb', 'X', 'S', 'k']) expect(any(t), t).toBe(list.some((re) => { re.lastIndex = 0; return re.test(t); }));
    }
  });
});
