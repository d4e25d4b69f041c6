import { RegExpParser, type AST } from '@eslint-community/regexpp';

type Pattern = AST.Pattern;
type Alternative = AST.Alternative;
type Element = AST.Element;

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
  const pattern = parsed(re);
  return pattern === null ? null : literalsOf(pattern);
}

/** The literals one of which every match of the parsed pattern holds (see {@link requiredLiterals}). */
function literalsOf(pattern: Pattern): string[] | null {
  const needs = alternationNeeds(pattern.alternatives);
  return needs === QUANTIFIED_ASSERTION || needs === null ? null : [...needs];
}

/** The pattern's syntax tree (null when regexpp cannot read it). */
function parsed(re: RegExp): Pattern | null {
  try {
    return PARSER.parsePattern(re.source, undefined, undefined, { unicode: re.unicode, unicodeSets: re.flags.includes('v') });
  } catch {
    return null;
  }
}

/** The pattern syntax is read by regexpp (ESLint's parser): every construct of the language, as the engine reads it. */
const PARSER = new RegExpParser({ ecmaVersion: 2025 });

/** Literals shorter than this are in too many texts to screen them out; their patterns are not screened. */
const MIN_LITERAL = 3;
/** Bits of the table of a text's three-character sequences: few collide in a sentence, a quarter in a long article. */
const GRAM_BITS = 1 << 14;

/** A literal a screen looks for, with the table slots of its three-character sequences and its number (see `literal`). */
export interface Literal {
  text: string;
  grams: readonly number[];
  id: number;
}

/** Literals one of which a match holds. */
export interface LiteralSet {
  literals: readonly string[];
  each: readonly Literal[];
}

/**
 * A pattern's literals (one of them in every match), and, where a branch of its top-level alternation needs several
 * literals at once ("IMF … talks", "talks (?=… Gaza)"), each branch's sets: a match through a branch holds one literal
 * of each of its sets. Null `branches` when no branch needs more than the one set.
 */
export interface LiteralScreen extends LiteralSet {
  branches: readonly (readonly LiteralSet[])[] | null;
}

function gramSlot(a: number, b: number, c: number): number {
  return ((a << 9) ^ (b << 5) ^ c) & (GRAM_BITS - 1);
}

/** A screen for the pattern (see {@link requiredLiterals}), or null when its matches need no literal of three characters. */
export function literalScreen(re: RegExp): LiteralScreen | null {
  const pattern = parsed(re);
  const literals = pattern === null ? null : literalsOf(pattern);
  if (pattern === null || literals === null || literals.some((l) => l.length < MIN_LITERAL)) return null;
  return { literals, each: literals.map(literal), branches: branchSets(pattern) };
}

/**
 * Every set of literals each top-level branch needs (each one of its elements' requirements, the best screen first), for a
 * screen that asks for all of them: "talks" alone passes the screen of "\btalks\b[^.;]{0,60}\bIMF\b", which a
 * sentence on Ukraine's talks then ran in full. Sets with a literal shorter than three characters are left out (in
 * too many texts to tell anything). Null when no branch has two sets.
 */
function branchSets(pattern: Pattern): LiteralSet[][] | null {
  const branches: LiteralSet[][] = [];
  for (const branch of pattern.alternatives) {
    const sets = sequenceSets(branch.elements);
    if (sets === QUANTIFIED_ASSERTION) return null;
    const kept = sets.filter((set) => [...set].every((l) => l.length >= MIN_LITERAL)).sort((a, b) => worth(b) - worth(a));
    const seen = new Set<string>();
    const unique = kept.filter((set) => {
      const key = [...set].sort().join('\u0000');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    branches.push(unique.map((set) => ({ literals: [...set], each: [...set].map(literal) })));
  }
  return branches.some((sets) => sets.length > 1) ? branches : null;
}

/**
 * The last text looked at, lower-cased: the same sentence is looked up for many patterns and keywords in a row (every
 * question's lists for each sentence), so its lower-cased form is kept, and the table of its three-character sequences
 * once a screen asks for it.
 */
let lastText = '';
let lastLower = '';
let lastLongS = false;
/** The text the table holds the sequences of (null: none yet). */
let gramsOf: string | null = null;
const gramTable = new Uint32Array(GRAM_BITS / 32);

/** The text lower-cased (kept for the last text: see above). */
export function lowerCased(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
    lastLongS = text.includes('ſ');
  }
  return lastLower;
}

/** Does the text hold "ſ", which a case-insensitive Unicode pattern's "s" matches but which does not lower-case to it? */
export function holdsLongS(text: string): boolean {
  lowerCased(text);
  return lastLongS;
}

function screenText(text: string): void {
  const lower = lowerCased(text);
  if (gramsOf === text) return;
  gramsOf = text;
  gramTable.fill(0);
  for (let i = 0; i + 2 < lower.length; i++) {
    const slot = gramSlot(lower.charCodeAt(i), lower.charCodeAt(i + 1), lower.charCodeAt(i + 2));
    gramTable[slot >>> 5] = (gramTable[slot >>> 5] ?? 0) | (1 << (slot & 31));
  }
  if (++screened >= 0x7fffffff) {
    answers.fill(0);
    screened = 1;
  }
}

// Whether the screened text holds a literal is worked out once per text: a sentence is screened for every question's
// lists in turn, and again when relevance and fact selection ask about it, and the lists share many literals
// ("ukraine", "security"). Every literal a screen is built with is numbered for this.

/** Literals by text; bounded (a story's lists hold a few hundred): past it a literal is numbered NOT_KEPT. */
const literals = new Map<string, Literal>();
const MAX_LITERALS = 50_000;
const NOT_KEPT = -1;
/** How many texts were screened: `answers[id]` is 2 × that for a literal the screened text lacks, one more for one it holds. */
let screened = 1;
let answers = new Uint32Array(1024);

/** The literal, numbered (the same object for the same text). */
function literal(text: string): Literal {
  let l = literals.get(text);
  if (l === undefined) {
    l = { text, grams: gramSlots(text), id: literals.size < MAX_LITERALS ? literals.size : NOT_KEPT };
    if (l.id !== NOT_KEPT) literals.set(text, l);
    if (literals.size > answers.length) {
      const grown = new Uint32Array(2 * answers.length);
      grown.set(answers);
      answers = grown;
    }
  }
  return l;
}

/** Does the screened text (see `screenText`) hold the literal? */
export function holdsLiteral(l: Literal): boolean {
  if (l.id === NOT_KEPT) return tableHolds(l.grams) && lastLower.includes(l.text);
  const known = answers[l.id] ?? 0;
  if (known >>> 1 === screened) return (known & 1) === 1;
  const holds = tableHolds(l.grams) && lastLower.includes(l.text);
  answers[l.id] = (screened << 1) | (holds ? 1 : 0);
  return holds;
}

/** The table slots of a literal's three-character sequences (none for a literal shorter than three characters). */
export function gramSlots(literal: string): number[] {
  const slots: number[] = [];
  for (let i = 0; i + 2 < literal.length; i++) slots.push(gramSlot(literal.charCodeAt(i), literal.charCodeAt(i + 1), literal.charCodeAt(i + 2)));
  return slots;
}

/**
 * Can the lower-cased text hold every literal whose sequences' slots these are? False only when one of them is missing
 * from the text's table, so that one of the literals is certainly not in it.
 */
export function mayHoldAll(text: string, slots: readonly number[]): boolean {
  screenText(text);
  return tableHolds(slots);
}

/** Does the screened text's table (see `screenText`) hold every one of these slots? */
function tableHolds(slots: readonly number[]): boolean {
  for (const slot of slots) if (((gramTable[slot >>> 5] ?? 0) & (1 << (slot & 31))) === 0) return false;
  return true;
}

/**
 * Can the pattern match the text? False when the lower-cased text holds none of its literals: the table of
 * three-character sequences rules most out at once, a substring search the rest. Always true on a text with "ſ" for a
 * case-insensitive Unicode pattern: "ſ" matches "s" there but does not lower-case to it (the Kelvin sign, the only
 * other character that folds to an ASCII letter, lower-cases to "k").
 */
export function mayMatch(screen: LiteralScreen, re: RegExp, text: string): boolean {
  screenLiterals(text);
  return screenedMayMatch(screen, re);
}

/** Make `text` the screened text (see `screenText`) that {@link holdsLiteral} and the functions below answer for. */
export function screenLiterals(text: string): void {
  screenText(text);
}

/** Does the screened text hold "ſ" (see {@link holdsLongS})? */
export function screenedHoldsLongS(): boolean {
  return lastLongS;
}

/** {@link mayMatch} for the screened text. */
export function screenedMayMatch(screen: LiteralScreen, re: RegExp): boolean {
  if (lastLongS && re.unicode && re.ignoreCase) return true;
  return holdsOneOf(screen) && branchesHold(screen);
}

/** Does the screened text hold a literal of each set of one of the screen's branches (true when it has none)? */
export function branchesHold(screen: LiteralScreen): boolean {
  // A match goes through one branch, and holds a literal of each of that branch's sets.
  return screen.branches === null || screen.branches.some((sets) => sets.every(holdsOneOf));
}

/** Does the screened text (see `screenText`) hold one of the set's literals? */
function holdsOneOf(set: LiteralSet): boolean {
  for (const l of set.each) if (holdsLiteral(l)) return true;
  return false;
}

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

/** A lookaround or anchor under a quantifier: a construct read no further (the whole pattern gets no screen). */
const QUANTIFIED_ASSERTION = Symbol('quantified assertion');
type Needs = Set<string> | null | typeof QUANTIFIED_ASSERTION;

/** Branches separated by `|`: each must require something; a match contains what one of them requires. */
function alternationNeeds(alternatives: readonly Alternative[]): Needs {
  const all = new Set<string>();
  for (const branch of alternatives) {
    const needs = sequenceNeeds(branch.elements);
    if (needs === QUANTIFIED_ASSERTION) return needs;
    if (needs === null) return null;
    for (const l of needs) all.add(l);
  }
  return all;
}

/** Elements in a row: literal characters next to each other join into one literal; the best requirement is kept. */
function sequenceNeeds(elements: readonly Element[]): Needs {
  const sets = sequenceSets(elements);
  if (sets === QUANTIFIED_ASSERTION) return sets;
  let best: Set<string> | null = null;
  for (const set of sets) best = better(best, set);
  return best;
}

/** Every requirement of elements in a row, in order: each run of literal characters, and each element's own. */
function sequenceSets(elements: readonly Element[]): Array<Set<string>> | typeof QUANTIFIED_ASSERTION {
  const sets: Array<Set<string>> = [];
  let run = '';
  const flush = () => {
    if (run !== '') sets.push(new Set([run]));
    run = '';
  };
  for (const element of elements) {
    let atom: Element = element;
    let min = 1;
    let exactlyOnce = true;
    if (element.type === 'Quantifier') {
      atom = element.element;
      min = element.min;
      exactlyOnce = element.min === 1 && element.max === 1;
      if (atom.type === 'Assertion') return QUANTIFIED_ASSERTION;
    }
    if (atom.type === 'Character' && exactlyOnce) {
      const ch = String.fromCodePoint(atom.value);
      if (selfMatching(ch)) {
        run += ch.toLowerCase();
        continue;
      }
    }
    flush();
    if (min === 0) continue;
    const needs = elementNeeds(atom);
    if (needs === QUANTIFIED_ASSERTION) return needs;
    if (needs !== null) sets.push(needs);
  }
  flush();
  return sets;
}

/** What one element (not a quantifier) requires. */
function elementNeeds(element: Element): Needs {
  switch (element.type) {
    case 'Character': {
      const ch = String.fromCodePoint(element.value);
      return selfMatching(ch) ? new Set([ch.toLowerCase()]) : null;
    }
    case 'Group':
    case 'CapturingGroup':
      return alternationNeeds(element.alternatives);
    case 'Assertion':
      // A look-ahead or look-behind that must hold finds its contents in the text; one that must not, or an anchor, nothing.
      return (element.kind === 'lookahead' || element.kind === 'lookbehind') && !element.negate ? alternationNeeds(element.alternatives) : null;
    default:
      // Character sets and classes, the dot, back-references: no literal of their own.
      return null;
  }
}
