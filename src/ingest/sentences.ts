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
    'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'gov', 'sen', 'rep', 'rev', 'hon', 'maj', 'brig', 'cpl',
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
/** The ASCII characters the splitter acts on: a line break, a straight quotation mark and the stops. */
const ASCII_MARKS = new Uint8Array(128).map((_, c) => ('\n".!?'.includes(String.fromCharCode(c)) ? 1 : 0));
const CLOSERS = '”’"\')]»';
/** Footnote marks right after a sentence's stop, before a space or the line's end: "[1]", "[2][3]". */
const FOOTNOTE_MARK = /^(?:\[\d{1,3}\])+(?=\s|$)/;
/** "© <who>/<what> via REUTERS": a picture's credit, up to the agency that closes it and a capital after it. */
// (A credit names its photographer or source before the agency, "…/Handout via REUTERS": "© 2025 Reuters" closing a
// page is its copyright, and the sentence before it stays.)
const PICTURE_CREDIT = /^©[^©\n.!?]{0,120}?(?:\/|\bvia\s)[^©\n.!?]{0,40}?\b(?:REUTERS|Reuters|AFP|AP|EPA(?:-EFE)?|Getty Images|TASS|Sputnik|Anadolu(?: Agency)?|Bloomberg|Xinhua|Shutterstock|Imago|dpa|picture alliance)\b[ \t]+(?=\p{Lu}|["“‘'(])/u;

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
  let k = afterClosers;
  while (k < text.length && /\s/.test(text[k] ?? '')) k++;
  const firstNext = text[k] ?? '';
  // Sentences start with an upper-case letter, a digit or an opening quote/bracket (a copyright's or a credit's "©"
  // starts a piece of its own, and so does a plug behind a pictograph: "… future of Ukraine. 👉 Don’t miss this …").
  if (!/[\p{Lu}\p{N}"“‘'(\[«©]/u.test(firstNext) && !/^\p{Extended_Pictographic}/u.test(text.slice(k, k + 2))) return false;
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

/** A stop at `i` (closers up to `j`) with no space after it that still ends a sentence: see {@link splitSentences}. */
function isGluedBoundary(text: string, i: number, j: number): boolean {
  if (!/^[“‘«„]?\p{Lu}\p{Ll}/u.test(text.slice(j, j + 3))) return false;
  const before = wordBefore(text, i);
  if (!/\p{Ll}{2}$/u.test(before) || before.includes('.')) return false;
  // A short capitalised word after the stop is a site's name more often than a sentence ("News.Az reports").
  const next = nextWord(text, j);
  const starter = SENTENCE_STARTERS.has(next.toLowerCase());
  if (next.length < 3 && !starter) return false;
  return !ABBREVIATIONS.has(before.toLowerCase()) || starter;
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

  // Where the next newline, closing quote and straight quote are at or after a position. Positions only grow, so one
  // look-up per character at most: the whole split stays linear however long a line is.
  const next = new Map<string, { from: number; at: number }>();
  const nextIndex = (needle: string, from: number): number => {
    const hit = next.get(needle);
    if (hit && from >= hit.from && (hit.at < 0 || from <= hit.at)) return hit.at;
    const at = text.indexOf(needle, from);
    next.set(needle, { from, at });
    return at;
  };
  const nextCloser = (from: number): number => {
    const a = nextIndex('”', from);
    const b = nextIndex('»', from);
    return a < 0 ? b : b < 0 ? a : Math.min(a, b);
  };

  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) out.push({ text: text.slice(s, e), start: s, end: e, paragraph });
  };

  for (let i = 0; i < text.length; i++) {
    // Most characters are ASCII ones that neither break a line, open or close a quotation, nor end a sentence: skipped
    // by their code, the split costs a third of what it did.
    const code = text.charCodeAt(i);
    if (code < 128 && ASCII_MARKS[code] === 0) continue;
    const ch = text[i] ?? '';
    if (ch === '\n') {
      // The next line's first character (a slice of the rest of the text here would make long texts quadratic).
      let k = i + 1;
      while (text[k] === ' ' || text[k] === '\t') k++;
      const nextChar = text.slice(k, k + 2);
      let p = i - 1;
      while (p >= start && /\s/.test(text[p] ?? '')) p--;
      const prevEnd = p >= start ? (text[p] ?? '') : '';
      const wrapped = nextChar !== '' && /^\p{Ll}/u.test(nextChar) && !/[.!?:"”]/.test(prevEnd);
      if (!wrapped) {
        push(start, i);
        start = i + 1;
        quoteDepth = 0;
        straightOpen = false;
        if (text[i + 1] !== '\n') paragraph++;
      }
      continue;
    }
    // A picture's credit run into the paragraph after its caption ("… in Berlin, Germany, December 14, 2025. ©
    // Ukrainian Presidential Press Service/Handout via REUTERS Trump's special envoy …"): the credit and the caption
    // before it are no sentences of the article, and the sentence after starts after them.
    if (ch === '©' && quoteDepth === 0 && !straightOpen) {
      const credit = PICTURE_CREDIT.exec(text.slice(i, i + 160));
      if (credit) {
        // The caption ended at its stop right before the credit.
        const caption = out[out.length - 1];
        if (caption && caption.paragraph === paragraph && /^\s*$/.test(text.slice(caption.end, i))) out.pop();
        start = i + credit[0].length;
        i = start - 1;
        continue;
      }
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
    // A footnote's mark after the stop ("… for roughly one hour.[1] Ukrainian Defense Minister …", as analysts' reports
    // and encyclopedia copies print them) ends the sentence, and belongs to no sentence.
    const note = text[j] === '[' ? FOOTNOTE_MARK.exec(text.slice(j, j + 24)) : null;
    if (note && ch !== '…') {
      push(start, j);
      start = j + note[0].length;
      i = start - 1;
      continue;
    }
    if (j >= text.length || !/[ \t]/.test(text[j] ?? '')) {
      // Two sentences a copy glued together ("…was rejected.Speaking on Friday, …", "…a springboard…”According to…"):
      // a word in lower case, the stop, then a capitalised word. Not an abbreviation ("Mrs.Smith"), an initial or a
      // dotted acronym ("U.S.Army"), and not inside a quotation that closes later in the paragraph.
      if (isGluedBoundary(text, i, j)) {
        const lineEnd = nextIndex('\n', j);
        const end = lineEnd < 0 ? text.length : lineEnd;
        // A quotation opened right after the stop starts a paragraph the copy ran in ("… has “largely faded.“Unfortunately,
        // we must admit …”"): whatever quotation the sentence before left open (a mistyped closing mark) ends there.
        const opensQuote = OPEN_QUOTES.includes(text[j] ?? '');
        const closer = quoteDepth > 0 && !opensQuote ? nextCloser(j) : -1;
        const straight = straightOpen && !opensQuote ? nextIndex('"', j) : -1;
        if (!((closer >= 0 && closer < end) || (straight >= 0 && straight < end))) {
          push(start, j);
          start = j;
          // A paragraph break the copy lost: no quotation runs on over it.
          quoteDepth = 0;
          straightOpen = false;
        }
      }
      i = j - 1;
      continue;
    }
    // Still inside a quotation that closes later in this paragraph: the sentence continues.
    const lineEnd = nextIndex('\n', j);
    const end = lineEnd < 0 ? text.length : lineEnd;
    const closer = quoteDepth > 0 ? nextCloser(j) : -1;
    const straight = straightOpen ? nextIndex('"', j) : -1;
    if ((closer >= 0 && closer < end) || (straight >= 0 && straight < end)) {
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
  return splitGluedHeadings(out);
}

/**
 * Words that open a sentence and, capitalised, rarely stand inside one: after a heading run into its paragraph with no
 * stop ("Miami Session Set for Thursday Between Steve Witkoff and Rustem Umerov On Thursday, Dec 4 2025, …", "Trump
 * criticises Russian leadership Speaking to the UN General Assembly, …"), one of them is where the body begins.
 */
const BODY_OPENERS = new Set([
  'On', 'In', 'At', 'During', 'After', 'Before', 'Following', 'Speaking', 'According', 'Meanwhile', 'However', 'While', 'When',
  'The', 'A', 'An', 'This', 'It', 'He', 'She', 'They', 'We', 'Earlier', 'Later', 'Since',
]);
const OPENER_AFTER_WORD = new RegExp(`[\\p{L}\\p{N}] (?:${[...BODY_OPENERS].join('|')}) `, 'u');
/** Words a name or a title may follow inside a sentence ("of The Hague", "to The Washington Post"). */
const LINKING_WORDS = new Set(['of', 'to', 'the', 'and', 'for', 'in', 'on', 'at', 'with', 'by', 'from', 'said', 'says', 'told', 'newspaper', 'daily', 'magazine', 'film', 'book', 'show', 'programme', 'program']);

/**
 * The length of a heading that a flattened page ran into the first sentence of its paragraph, or 0: three to fourteen
 * words without a comma or a stop, then a capitalised sentence opener right after a word (no punctuation between),
 * then a sentence of at least six words, two of its next nine in lower case.
 */
export function gluedHeadingLength(sentence: string): number {
  const titled = titleCaseHeadingLength(sentence) || headingBeforeDatelineLength(sentence);
  if (titled > 0) return titled;
  // Most first sentences have no opener right after a word: one scan of their start says so.
  if (!OPENER_AFTER_WORD.test(sentence.slice(0, 160))) return 0;
  const words = [...sentence.slice(0, 240).matchAll(/\S+/g)];
  for (let k = 3; k <= 14 && k < words.length - 5; k++) {
    const word = words[k]?.[0] ?? '';
    if (!BODY_OPENERS.has(word)) continue;
    const prev = words[k - 1]?.[0] ?? '';
    if (!/[\p{L}\p{N}]$/u.test(prev) || LINKING_WORDS.has(prev.toLowerCase())) continue;
    const at = words[k]?.index ?? 0;
    const heading = sentence.slice(0, at);
    if (/[,;:.!?"“”]/.test(heading.replace(/\b(?:\p{Lu}\.)+/gu, ''))) return 0;
    if (!/^\p{Lu}/u.test(heading)) return 0;
    // A few capitalised words alone are as likely a name with a stray capital after it ("… Vladimir Putin On Friday said").
    if (k < 6 && !/ \p{Ll}/u.test(heading)) continue;
    const rest = words.slice(k + 1, k + 10).map((w) => w[0]);
    if (rest.filter((w) => /^\p{Ll}/u.test(w)).length < 2) continue;
    return at;
  }
  return 0;
}

/**
 * A heading in title case run into a sentence whose subject is a person by office: "U.S. Leaders Voice Optimism While
 * Highlighting Fragility President Donald Trump called the Moscow negotiations …". Five or more words before the
 * office, every one of four letters or more capitalised; after it, a name in capitals and then a word in lower case
 * (a headline's own "President Donald Trump Says …" goes on in capitals).
 */
const OFFICE_AFTER_TITLE = /^((?:[\p{Lu}\p{N}][\p{L}\p{N}.'’-]*|\p{Ll}{1,3})(?: (?:[\p{Lu}\p{N}][\p{L}\p{N}.'’-]*|\p{Ll}{1,3})){4,13}) (?=(?:President|Prime Minister|Chancellor|Secretary of State|Foreign Minister|Defen[cs]e Minister|Kremlin spokesman)(?: \p{Lu}[\p{L}'’.-]+){1,3} \p{Ll}{2,})/u;

function titleCaseHeadingLength(sentence: string): number {
  const m = OFFICE_AFTER_TITLE.exec(sentence.slice(0, 200));
  if (!m?.[1]) return 0;
  const words = m[1].split(' ');
  // Title case: the small words of three letters or fewer aside, every word capitalised; and not a list of names alone.
  if (!words.some((w) => w.length >= 4 && /^\p{Lu}\p{Ll}/u.test(w)) || words.filter((w) => /^\p{Ll}/u.test(w)).length > words.length / 3) return 0;
  // Nor the sentence's own subject: an office already named in it ("US President Donald Trump and Russian President
  // Vladimir Putin engaged …"), or a word that qualifies the office after it ("Ukraine’s", "Russian", "US", "Vice").
  if (/\b(?:President|Minister|Chancellor|Secretary)\b/.test(m[1])) return 0;
  const last = words[words.length - 1] ?? '';
  if (/['’]s?$|(?:ian|ish|ese|can)$|^(?:US|U\.S\.|UK|EU|Vice|Former|Deputy|Acting|Then)$/u.test(last) || /^\p{Ll}/u.test(last)) return 0;
  return m[1].length + 1;
}

/**
 * A heading in title case run into the dateline that opens the lead: "Trump Plans ‘Feel-Out’ Meeting with Putin to Push
 * for Ukraine Peace Washington, D.C., Aug. 13, 2025 — U.S. President Donald Trump announced …". Four to sixteen words,
 * each capitalised or a short word in lower case, then a place, its day with the year, and a dash.
 */
const HEADING_BEFORE_DATELINE =
  /^((?:[\p{Lu}\p{N}‘'“"][\p{L}\p{N}’'”".-]*|\p{Ll}{1,4})(?:\s+(?:[\p{Lu}\p{N}‘'“"][\p{L}\p{N}’'”".-]*|\p{Ll}{1,4})){3,15})\s+(?=\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?(?:,\s*\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?)?,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\p{L}*\.?\s+\d{1,2},\s+\d{4}\s*[—–-])/u;

function headingBeforeDatelineLength(sentence: string): number {
  const m = HEADING_BEFORE_DATELINE.exec(sentence.slice(0, 240));
  // Title case: more of its long words capitalised than not ("… said on Monday in Kyiv, Ukraine, May 5, 2025 — " is prose).
  const words = m?.[1]?.split(/\s+/).filter((w) => w.length > 4) ?? [];
  return m?.[1] !== undefined && words.filter((w) => /^[‘'“"]?\p{Lu}/u.test(w)).length > words.length / 2 ? m[1].length + 1 : 0;
}

/** A "read more" label opening a sentence: the link to another story a copy ran into the paragraph. */
const READ_MORE_LABEL = /^(?:also read|read also|read more|see also)\s*[|:]\s*\S/i;
/** A word in lower case run into a capitalised one with nothing between ("… Tomahawks under reviewLast month, …"). */
const RUN_IN_WORD = /(?<=\p{Ll}{2})(?=\p{Lu}\p{Ll})/u;

/**
 * The length of another story's title a copy ran into the next sentence after its "read more" label ("Also Read |
 * ‘US giving Ukraine intelligence …’; Tomahawks under reviewLast month, US Vice President JD Vance told …"), or 0: the
 * title ends where its last word runs into the sentence's first.
 */
function runInTeaserLength(sentence: string): number {
  if (!READ_MORE_LABEL.test(sentence)) return 0;
  const m = RUN_IN_WORD.exec(sentence.slice(0, 300));
  if (!m) return 0;
  // What follows must be a sentence of its own, not the rest of a brand's name ("… on YouTube").
  return (sentence.slice(m.index).match(/\s\p{L}/gu)?.length ?? 0) >= 4 ? m.index : 0;
}

/**
 * Each paragraph's first sentence split after a heading run into it (see `gluedHeadingLength`), and any sentence after
 * another story's title run into it (see `runInTeaserLength`).
 */
function splitGluedHeadings(sentences: Sentence[]): Sentence[] {
  let out: Sentence[] | undefined;
  sentences.forEach((s, i) => {
    const first = i === 0 || sentences[i - 1]?.paragraph !== s.paragraph;
    const cut = (first ? gluedHeadingLength(s.text) : 0) || runInTeaserLength(s.text);
    if (cut === 0) {
      out?.push(s);
      return;
    }
    out ??= sentences.slice(0, i);
    const headingText = s.text.slice(0, cut).trimEnd();
    out.push({ text: headingText, start: s.start, end: s.start + headingText.length, paragraph: s.paragraph });
    out.push({ text: s.text.slice(cut), start: s.start + cut, end: s.end, paragraph: s.paragraph });
  });
  return out ?? sentences;
}
