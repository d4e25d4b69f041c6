/**
 * Strings one of which every match of a regular expression contains, lower-cased: a text whose lower-cased form holds
 * none of them cannot match, which a substring search tells several times faster than the regex engine scanning the
 * text (a story's patterns are long alternations led by `\b`, tried at every position of every sentence).
 *
 * Conservative: the answer is null (no screen) for any construct it does not read, and a literal is only ever taken
 * from characters that match themselves alone, whatever the flags: ASCII characters (in a case-insensitive pattern an
 * ASCII letter matches its two cases and, under `u`, "ſ" and the Kelvin sign, which {@link mayMatch} allows for;
 * without `u` no character above ASCII matches an ASCII one) and characters without case ("’", "—", "©").
 */
export function requiredLiterals(re: RegExp): string[] | null {
  try {
    const parser = new Parser(re.source);
    const needs = parser.alternation();
    return parser.done() && needs !== null ? [...needs] : null;
  } catch {
    return null;
  }
}

/** Literals shorter than this are in too many texts to screen them out; their patterns are not screened. */
const MIN_LITERAL = 3;
/** Bits of the table of a text's three-character sequences: few collide in a sentence, a quarter in a long article. */
const GRAM_BITS = 1 << 14;

/** A pattern's literals, each with the table slots of its three-character sequences. */
export interface LiteralScreen {
  literals: readonly string[];
  grams: readonly (readonly number[])[];
}

function gramSlot(a: number, b: number, c: number): number {
  return ((a << 9) ^ (b << 5) ^ c) & (GRAM_BITS - 1);
}

/** A screen for the pattern (see {@link requiredLiterals}), or null when its matches need no literal of three characters. */
export function literalScreen(re: RegExp): LiteralScreen | null {
  const literals = requiredLiterals(re);
  if (literals === null || literals.some((l) => l.length < MIN_LITERAL)) return null;
  const grams = literals.map((l) => {
    const slots: number[] = [];
    for (let i = 0; i + 2 < l.length; i++) slots.push(gramSlot(l.charCodeAt(i), l.charCodeAt(i + 1), l.charCodeAt(i + 2)));
    return slots;
  });
  return { literals, grams };
}

/**
 * The text screened: its lower-cased form and which three-character sequences it holds. The same texts are screened
 * against many patterns in a row (every question's lists for each sentence), so the last one is kept.
 */
let lastText = '';
let lastLower = '';
let lastLongS = false;
const gramTable = new Uint32Array(GRAM_BITS / 32);

function screenText(text: string): void {
  if (text === lastText) return;
  lastText = text;
  lastLower = text.toLowerCase();
  lastLongS = text.includes('ſ');
  gramTable.fill(0);
  const lower = lastLower;
  for (let i = 0; i + 2 < lower.length; i++) {
    const slot = gramSlot(lower.charCodeAt(i), lower.charCodeAt(i + 1), lower.charCodeAt(i + 2));
    gramTable[slot >>> 5] = (gramTable[slot >>> 5] ?? 0) | (1 << (slot & 31));
  }
}

/**
 * Can the pattern match the text? False when the lower-cased text holds none of its literals: the table of
 * three-character sequences rules most out at once, a substring search the rest. Always true on a text with "ſ" for a
 * case-insensitive Unicode pattern: "ſ" matches "s" there but does not lower-case to it (the Kelvin sign, the only
 * other character that folds to an ASCII letter, lower-cases to "k").
 */
export function mayMatch(screen: LiteralScreen, re: RegExp, text: string): boolean {
  screenText(text);
  if (lastLongS && re.unicode && re.ignoreCase) return true;
  for (let k = 0; k < screen.literals.length; k++) {
    const slots = screen.grams[k] ?? [];
    let all = true;
    for (const slot of slots) {
      if (((gramTable[slot >>> 5] ?? 0) & (1 << (slot & 31))) === 0) {
        all = false;
        break;
      }
    }
    if (all && lastLower.includes(screen.literals[k] ?? '')) return true;
  }
  return false;
}

/** What one atom of a sequence requires: a character that may join a literal, or a set of literals (null: nothing). */
type Atom = { char: string } | { needs: Set<string> | null; zeroWidth: boolean };

const SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|']);

/** A character that matches only itself once lower-cased (see {@link requiredLiterals}). */
function selfMatching(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return false;
  if (code < 0x7f) return true;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return !/\p{L}|\p{M}/u.test(ch) && ch.toLowerCase() === ch && ch.toUpperCase() === ch;
}

/**
 * How good a set of literals is as a screen: longer literals are rarer, fewer are cheaper to look for. A literal of one
 * or two characters is in most texts.
 */
function worth(needs: Set<string>): number {
  let shortest = Infinity;
  for (const l of needs) shortest = Math.min(shortest, l.length);
  return Math.min(shortest, 5) * 100 - needs.size;
}

function better(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (a === null) return b;
  if (b === null) return a;
  return worth(b) > worth(a) ? b : a;
}

/** A recursive-descent reader of the pattern syntax, computing for each part what every match of it contains. */
class Parser {
  private at = 0;
  constructor(private readonly src: string) {}

  done(): boolean {
    return this.at === this.src.length;
  }

  /** Branches separated by `|`: each must require something; a match contains what one of them requires. */
  alternation(): Set<string> | null {
    let all: Set<string> | null = new Set();
    for (;;) {
      const branch = this.sequence();
      if (branch === null || all === null) all = null;
      else for (const l of branch) all.add(l);
      if (this.src[this.at] !== '|') return all;
      this.at++;
    }
  }

  /** Atoms in a row: literal characters next to each other join into one literal; the best requirement is kept. */
  private sequence(): Set<string> | null {
    let best: Set<string> | null = null;
    let run = '';
    const flush = () => {
      if (run !== '') best = better(best, new Set([run]));
      run = '';
    };
    while (this.at < this.src.length && this.src[this.at] !== '|' && this.src[this.at] !== ')') {
      const atom = this.atom();
      const q = this.quantifier();
      if (q !== null && 'zeroWidth' in atom && atom.zeroWidth) throw new Error('quantified assertion');
      if ('char' in atom && (q === null || (q.min === 1 && q.max === 1))) {
        run += atom.char;
        continue;
      }
      flush();
      const min = q === null ? 1 : q.min;
      if (min === 0) continue;
      if ('char' in atom) best = better(best, new Set([atom.char]));
      else if (atom.needs !== null) best = better(best, atom.needs);
    }
    flush();
    return best;
  }

  private quantifier(): { min: number; max: number } | null {
    const ch = this.src[this.at];
    let q: { min: number; max: number } | null = null;
    if (ch === '?') q = { min: 0, max: 1 };
    else if (ch === '*') q = { min: 0, max: Infinity };
    else if (ch === '+') q = { min: 1, max: Infinity };
    if (q !== null) this.at++;
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.at));
      if (!m) throw new Error('brace that is no quantifier');
      const min = Number(m[1]);
      q = { min, max: m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]) };
      this.at += m[0].length;
    }
    if (q !== null && this.src[this.at] === '?') this.at++;
    return q;
  }

  private atom(): Atom {
    const ch = this.src[this.at] ?? '';
    if (ch === '(') return this.group();
    if (ch === '[') {
      this.skipClass();
      return { needs: null, zeroWidth: false };
    }
    if (ch === '\\') return this.escape();
    this.at++;
    if (ch === '^' || ch === '$') return { needs: null, zeroWidth: true };
    if (ch === '.') return { needs: null, zeroWidth: false };
    if (ch === '*' || ch === '+' || ch === '?' || ch === '{' || ch === '}' || ch === ']') throw new Error(`stray ${ch}`);
    return selfMatching(ch) ? { char: ch.toLowerCase() } : { needs: null, zeroWidth: false };
  }

  private group(): Atom {
    const rest = this.src.slice(this.at);
    const open = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/.exec(rest)?.[0] ?? '(';
    if (rest.startsWith('(?') && open.length < 3) throw new Error('unknown group');
    this.at += open.length;
    const needs = this.alternation();
    if (this.src[this.at] !== ')') throw new Error('unclosed group');
    this.at++;
    // A look-ahead or look-behind that must hold finds its contents in the text; one that must not, nothing.
    if (open === '(?!' || open === '(?<!') return { needs: null, zeroWidth: true };
    if (open === '(?=' || open === '(?<=') return { needs, zeroWidth: true };
    return { needs, zeroWidth: false };
  }

  private skipClass(): void {
    this.at++;
    if (this.src[this.at] === '^') this.at++;
    for (; this.at < this.src.length; this.at++) {
      const ch = this.src[this.at];
      if (ch === '\\') this.at++;
      else if (ch === '[') throw new Error('nested class');
      else if (ch === ']') {
        this.at++;
        return;
      }
    }
    throw new Error('unclosed class');
  }

  private escape(): Atom {
    const next = this.src[this.at + 1] ?? '';
    this.at += 2;
    if (next === 'b' || next === 'B') return { needs: null, zeroWidth: true };
    if ('dDwWsSnrtfv'.includes(next)) return { needs: null, zeroWidth: false };
    if (next === 'p' || next === 'P') {
      const m = /^\{[\w=]+\}/.exec(this.src.slice(this.at));
      if (!m) throw new Error('property escape');
      this.at += m[0].length;
      return { needs: null, zeroWidth: false };
    }
    // A back-reference may match nothing; other escapes of letters and digits are left unread.
    if (/^[1-9]$/.test(next)) {
      while (/^\d$/.test(this.src[this.at] ?? '')) this.at++;
      return { needs: null, zeroWidth: false };
    }
    if (SYNTAX.has(next) || (next !== '' && /^[\x21-\x7e]$/.test(next) && !/^[A-Za-z0-9_]$/.test(next))) return { char: next };
    throw new Error(`escape \\${next}`);
  }
}
