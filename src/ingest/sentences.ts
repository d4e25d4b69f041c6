/** A sentence with its exact place in the text it was split from (`text === source.slice(start, end)`). */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Index of the paragraph (line) the sentence belongs to. */
  paragraph: number;
}

/** Words that end with a period without ending the sentence. */
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'gov', 'sen', 'rep', 'rev', 'hon',
    'pres', 'inc', 'ltd', 'co', 'corp', 'bros', 'vs', 'etc', 'no', 'nos', 'vol', 'fig', 'approx', 'est', 'dept', 'univ', 'ave', 'blvd',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur',
    'thurs', 'fri', 'sat', 'sun', 'e.g', 'i.e', 'a.m', 'p.m', 'u.s', 'u.k', 'u.n', 'e.u', 'u.s.a', 'd.c', 'n.y', 'l.a', 'ph.d',
  ].map((w) => w.toLowerCase()),
);

/** Abbreviations that also commonly end a sentence ("…talks with the U.S. The Kremlin said…"). */
const TERMINAL_ABBREVIATIONS = new Set(['u.s', 'u.k', 'u.n', 'e.u', 'etc', 'a.m', 'p.m', 'u.s.a', 'd.c', 'inc', 'ltd', 'co', 'corp']);

/** Words that start sentences often and names rarely. */
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'but', 'and', 'in', 'on', 'at', 'this', 'that', 'these', 'those', 'there',
  'his', 'her', 'their', 'its', 'after', 'before', 'while', 'when', 'meanwhile', 'however', 'for', 'as', 'if', 'so', 'yet', 'still',
]);

const OPEN_QUOTES = '“‘«„';
const CLOSERS = '”’"\')]»';

function wordBefore(text: string, dot: number): string {
  let i = dot - 1;
  while (i >= 0 && /[\p{L}\p{N}.]/u.test(text[i] ?? '')) i--;
  return text.slice(i + 1, dot);
}

function nextWord(text: string, from: number): string {
  const m = /^[\s"“‘'(\[]*([\p{L}\p{N}]+)/u.exec(text.slice(from, from + 40));
  return m?.[1] ?? '';
}

/** Decide whether the period/terminal at `i` ends a sentence, given that whitespace then `next` follows. */
function isBoundary(text: string, i: number, afterClosers: number): boolean {
  const ch = text[i];
  const next = nextWord(text, afterClosers);
  const firstNext = text.slice(afterClosers).replace(/^\s+/, '')[0] ?? '';
  // Sentences start with an upper-case letter, a digit or an opening quote/bracket.
  if (!/[\p{Lu}\p{N}"“‘'(\[«]/u.test(firstNext)) return false;
  if (ch !== '.') return true;
  const before = wordBefore(text, i);
  const lower = before.toLowerCase();
  if (lower === '') return true;
  // Initials: "J. D. Vance", "George W. Bush".
  if (/^\p{Lu}$/u.test(before)) return false;
  if (ABBREVIATIONS.has(lower) || ABBREVIATIONS.has(lower.replace(/\.$/, ''))) {
    if (TERMINAL_ABBREVIATIONS.has(lower.replace(/\.$/, '')) && SENTENCE_STARTERS.has(next.toLowerCase())) return true;
    return false;
  }
  // Dotted acronyms we do not list ("N.A.T.O.") behave like U.S.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(before)) return SENTENCE_STARTERS.has(next.toLowerCase());
  return true;
}

/**
 * Split text into sentences, keeping exact offsets. Newlines are paragraph breaks (hard boundaries) unless the next
 * line starts in lower case (a hard-wrapped line). Handles abbreviations, initials, decimals, and terminal punctuation
 * inside closing quotes (`as “excellent.” Russia…`); does not split inside a quotation that closes in the same paragraph.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let start = 0;
  let quoteDepth = 0;
  let straightOpen = false;

  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) out.push({ text: text.slice(s, e), start: s, end: e, paragraph });
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '\n') {
      const rest = text.slice(i + 1).replace(/^[ \t]+/, '');
      const prevLine = text.slice(start, i).trimEnd();
      const wrapped = rest !== '' && /^\p{Ll}/u.test(rest) && !/[.!?:"”]$/.test(prevLine);
      if (!wrapped) {
        push(start, i);
        start = i + 1;
        quoteDepth = 0;
        straightOpen = false;
        if (!text.slice(i + 1).startsWith('\n')) paragraph++;
      }
      continue;
    }
    if (OPEN_QUOTES.includes(ch) && ch !== '‘') quoteDepth++;
    else if (ch === '‘' && /\s|^/.test(text[i - 1] ?? ' ')) quoteDepth++;
    else if (ch === '”' || ch === '»') quoteDepth = Math.max(0, quoteDepth - 1);
    else if (ch === '’' && quoteDepth > 0 && !/\p{L}/u.test(text[i + 1] ?? ' ')) quoteDepth = Math.max(0, quoteDepth - 1);
    else if (ch === '"') straightOpen = !straightOpen;

    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    // Runs like "?!" or "...": look at the last one.
    if (/[.!?…]/.test(text[i + 1] ?? '')) continue;
    let j = i + 1;
    while (j < text.length && CLOSERS.includes(text[j] ?? '')) {
      const c = text[j];
      if (c === '”' || c === '»') quoteDepth = Math.max(0, quoteDepth - 1);
      else if (c === '’') quoteDepth = Math.max(0, quoteDepth - 1);
      else if (c === '"') straightOpen = false;
      j++;
    }
    if (j >= text.length || !/[ \t]/.test(text[j] ?? '')) {
      i = j - 1;
      continue;
    }
    // Still inside a quotation that closes later in this paragraph: the sentence continues.
    const lineEnd = text.indexOf('\n', j);
    const restOfLine = text.slice(j, lineEnd < 0 ? undefined : lineEnd);
    if ((quoteDepth > 0 && /[”»]/.test(restOfLine)) || (straightOpen && restOfLine.includes('"'))) {
      i = j - 1;
      continue;
    }
    if (isBoundary(text, i, j)) {
      push(start, j);
      start = j;
    }
    i = j - 1;
  }
  push(start, text.length);
  return out;
}
