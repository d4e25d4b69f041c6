import type { Question, Side } from '../records/schema.js';
import { actorMentions, sideMentions, sideOfName, sidesOppose, type SideMention } from '../briefing/sides.js';
import { voicedBy } from '../briefing/stance.js';
import { keywordSource } from '../text/keyword-pattern.js';
import { anyMatch } from '../text/any-match.js';
import { ScreenSet } from '../text/screen-set.js';
import { gramSlots, holdsLongS, literalScreen, lowerCased, mayHoldAll, mayMatch, type LiteralScreen } from '../text/required-literals.js';
import { isReportingFrame } from '../text/reporting-frame.js';

/**
 * Lower-casing agrees with case-insensitive regex matching for ASCII letters and for characters without case
 * ("’", "-", digits); other letters (Greek final sigma, dotted I…) are left to the regex.
 */
export function foldsLikeLowerCase(keyword: string): boolean {
  return /^(?:[\x20-\x7e]|\P{L})+$/u.test(keyword);
}

interface CompiledKeyword {
  re: RegExp;
  /** The same pattern, anchored where a search for the keyword's first word lands. */
  sticky: RegExp;
  /** Lower-cased words that must all occur in a text for the keyword to match; null when that test is not exact. */
  words: string[] | null;
  /** The literal-screen table slots of those words' three-character sequences (see `mayHoldAll`). */
  wordGrams: number[];
}

/** Compiled keywords; a story has a few dozen, so the map stays small (cleared if it ever grows large). */
const cache = new Map<string, CompiledKeyword>();

function compiled(keyword: string): CompiledKeyword {
  let c = cache.get(keyword);
  if (!c) {
    const parts = keyword.trim().split(/\s+/);
    const re = new RegExp(keywordSource(keyword), 'giu');
    const words = foldsLikeLowerCase(keyword) && parts.every((w) => w !== '') ? parts.map((w) => w.toLowerCase()) : null;
    c = { re, sticky: new RegExp(re.source, 'iuy'), words, wordGrams: words ? [...new Set(words.flatMap(gramSlots))] : [] };
    if (cache.size > 5000) cache.clear();
    cache.set(keyword, c);
  }
  return c;
}

/**
 * Word-bounded, case-insensitive matcher for a story keyword. Single words also match simple inflections
 * ("guarantee" → "guarantees", "Russia" → "Russia’s"); multi-word keywords allow any whitespace between words, and a
 * quotation mark at either side of it.
 */
export function keywordRegex(keyword: string): RegExp {
  const { re } = compiled(keyword);
  re.lastIndex = 0;
  return re;
}

// The same text is searched for many keywords in a row (a sentence for every story and question keyword): its
// lower-cased form (`lowerCased`, kept for the last text, shared with the literal screens) serves a cheap "cannot
// match" test before the regex runs. ("ſ" folds to "s" under the regex's case-insensitive matching but does not
// lower-case to it: a text holding one gets the regex alone.)

/** An ASCII letter or digit at `index` (a letter or digit to the pattern's `[\p{L}\p{N}]` as well). */
function asciiLetterOrDigitAt(text: string, index: number): boolean {
  const c = index < 0 ? -1 : text.charCodeAt(index);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Matches of the keyword from `firstAt`, where the lower-cased text first holds its first word, on. */
function countFromCandidates(text: string, lower: string, c: CompiledKeyword, first: string, firstAt: number, limit: number): number {
  let count = 0;
  let from = 0;
  for (let at = firstAt; at !== -1 && count < limit; at = lower.indexOf(first, from)) {
    // Inside a word ("us" in "business", "eu" in "neutral"), where a short name's first word mostly turns up: the
    // pattern's opening look-behind fails there, which one character tells without running it.
    if (asciiLetterOrDigitAt(text, at - 1)) {
      from = at + 1;
      continue;
    }
    // test() rather than exec(): no match array is built, and a sticky match's end is where lastIndex is left.
    c.sticky.lastIndex = at;
    if (c.sticky.test(text)) {
      count++;
      from = at + Math.max(1, c.sticky.lastIndex - at);
    } else from = at + 1;
  }
  return count;
}

/** How often a keyword occurs in a text. */
export function countKeyword(text: string, keyword: string): number {
  return countUpTo(text, keyword, Number.POSITIVE_INFINITY);
}

/** Does a keyword occur in a text? ({@link countKeyword} > 0, stopping at the first match.) */
export function hasKeyword(text: string, keyword: string): boolean {
  return countUpTo(text, keyword, 1) > 0;
}

function countUpTo(text: string, keyword: string, limit: number): number {
  const c = compiled(keyword);
  if (c.words) {
    const lower = lowerCased(text);
    if (!holdsLongS(text)) {
      // Every word must occur. The table of the text's three-character sequences (built once per text, shared with
      // the literal screens) rules out most absent words without a substring search: the test runs some 800 times an
      // article, a fifth of them on its whole text, and most story keywords are in no given sentence.
      if (!mayHoldAll(text, c.wordGrams)) return 0;
      // The first word's first place is looked up once, for this test and for the search below.
      const first = c.words[0] ?? '';
      const firstAt = lower.indexOf(first);
      if (firstAt === -1) return 0;
      for (let i = 1; i < c.words.length; i++) if (!lower.includes(c.words[i] ?? '')) return 0;
      // Every match starts where the lower-cased text holds the first word: try the pattern only there (offsets
      // agree while lower-casing keeps the length). Same matches, left to right, as the global search.
      if (lower.length === text.length) return countFromCandidates(text, lower, c, first, firstAt, limit);
    }
  }
  c.re.lastIndex = 0;
  if (limit === 1) return c.re.test(text) ? 1 : 0;
  return text.match(c.re)?.length ?? 0;
}

/**
 * A keyword list's alternation, with the screen of the literals one of which its every match holds (null: none), and
 * each keyword's own screen when every keyword has one.
 */
interface AnyKeywordTest {
  re: RegExp;
  screen: LiteralScreen | null;
  each: ScreenSet<{ keyword: string; re: RegExp; screen: LiteralScreen }> | null;
}

function eachScreened(keywords: readonly string[]): AnyKeywordTest['each'] {
  const each: Array<{ keyword: string; re: RegExp; screen: LiteralScreen }> = [];
  for (const keyword of keywords) {
    const { re } = compiled(keyword);
    const screen = literalScreen(re);
    if (screen === null) return null;
    each.push({ keyword, re, screen });
  }
  return new ScreenSet(each);
}

/** One alternation of a keyword list's patterns, by list (a story's lists are the same arrays run after run) and by content. */
const anyCache = new WeakMap<readonly string[], AnyKeywordTest>();
const anyBySource = new Map<string, AnyKeywordTest>();

/**
 * Does any of the keywords occur in the text? The same as testing each with {@link hasKeyword}, in one scan of the text
 * rather than one substring search per keyword: three to four times faster on a sentence. A text that holds none of
 * the keywords' words is not scanned at all (most sentences hold none of a question's mentions or context words).
 * (Screening only skips keywords that cannot match, so the answer is the alternation's.)
 */
export function anyKeyword(text: string, keywords: readonly string[]): boolean {
  if (keywords.length === 0) return false;
  if (keywords.length === 1) return hasKeyword(text, keywords[0] ?? '');
  const t = anyKeywordTest(keywords);
  // Where a few of the words occur, the keywords they belong to are tried there alone rather than the whole alternation
  // at every position (a story's keywords are in nearly every sentence of an article on it). (A text that holds none of
  // the alternation's literals holds none of any keyword's: it has no candidate.)
  if (t.each !== null) {
    for (const k of t.each.candidates(text)) if (hasKeyword(text, k.keyword)) return true;
    return false;
  }
  if (t.screen !== null && !mayMatch(t.screen, t.re, text)) return false;
  return t.re.test(text);
}

/**
 * The keywords that occur in the text, in the list's order: `keywords.filter((k) => hasKeyword(text, k))`, each
 * keyword searched for only when the text holds one of its literals (a question's mentions are some forty names).
 */
export function keywordsIn(text: string, keywords: readonly string[]): string[] {
  const each = keywords.length > 1 ? anyKeywordTest(keywords).each : null;
  if (each === null) return keywords.filter((k) => hasKeyword(text, k));
  return each.candidates(text).filter((k) => hasKeyword(text, k.keyword)).map((k) => k.keyword);
}

/** The test of a keyword list (see {@link anyKeyword}), built once. */
function anyKeywordTest(keywords: readonly string[]): AnyKeywordTest {
  let t = anyCache.get(keywords);
  if (!t) {
    const key = keywords.join('\u0000');
    t = anyBySource.get(key);
    if (!t) {
      const re = new RegExp(keywords.map((k) => `(?:${compiled(k).re.source})`).join('|'), 'iu');
      t = { re, screen: literalScreen(re), each: eachScreened(keywords) };
      if (anyBySource.size > 5000) anyBySource.clear();
      anyBySource.set(key, t);
    }
    anyCache.set(keywords, t);
  }
  return t;
}

interface CompiledPattern {
  /** As written: in Unicode mode when it compiles there, else in plain mode. */
  re: RegExp;
  /**
   * The same pattern in plain mode, where it matches exactly what `re` does on a text that {@link plainAgrees} with:
   * V8 runs `\b` under the `iu` flags an order of magnitude slower than under `i`. Null when the meaning could differ.
   */
  plain: RegExp | null;
}

const patternCache = new Map<string, CompiledPattern | null>();

/**
 * Plain mode means the same as Unicode mode for a case-insensitive pattern of ASCII characters and other characters
 * without case (’, “, —), without Unicode-only escapes (\p, \u{…}) or character-code escapes, on a text without "ſ"
 * or the Kelvin sign (the only characters that case-fold to ASCII letters, and so to word characters) and without
 * astral characters (one character or two).
 */
const PLAIN_SAFE_PATTERN = /^(?:[\x20-\x5b\x5d-\x7e]|[^\x00-\x7f\p{L}\p{N}\uD800-\uDFFF]|\\[^pPuxck])*$/u;
const NEEDS_UNICODE = /[\u017F\u212A\uD800-\uDFFF]/;
let lastPlainText = '';
let lastPlainAgrees = true;

/** Do a pattern's plain and Unicode forms agree on this text? (Asked of the same text many times in a row.) */
function plainAgrees(text: string): boolean {
  if (text !== lastPlainText) {
    lastPlainText = text;
    lastPlainAgrees = !NEEDS_UNICODE.test(text);
  }
  return lastPlainAgrees;
}

function compiledPattern(pattern: string): CompiledPattern | null {
  let c = patternCache.get(pattern);
  if (c === undefined) {
    c = null;
    // Unicode mode is stricter about escapes; a pattern written for plain mode still works.
    for (const flags of ['iu', 'i']) {
      try {
        const re = new RegExp(pattern, flags);
        c = { re, plain: flags === 'iu' && PLAIN_SAFE_PATTERN.test(pattern) ? new RegExp(pattern, 'i') : null };
        break;
      } catch {
        c = null;
      }
    }
    if (patternCache.size > 5000) patternCache.clear();
    patternCache.set(pattern, c);
  }
  return c;
}

/** A question's pattern as a case-insensitive RegExp; null when the pattern is not a valid expression. */
export function questionPattern(pattern: string): RegExp | null {
  return compiledPattern(pattern)?.re ?? null;
}

/** One test per list of patterns: its plain-mode and exact forms, each joined into alternations (see `anyMatch`). */
const patternLists = new WeakMap<readonly string[], { plain: (text: string) => boolean; exact: (text: string) => boolean }>();

/**
 * Does any of the patterns match the text? The same answer as testing each with {@link patternMatches}, in one scan
 * per flag set: a question's two dozen patterns were tested one by one on every sentence of every article.
 */
export function anyPattern(patterns: readonly string[], text: string): boolean {
  if (patterns.length === 0) return false;
  let t = patternLists.get(patterns);
  if (t === undefined) {
    const compiled = patterns.map(compiledPattern).filter((c): c is CompiledPattern => c !== null);
    t = { plain: anyMatch(compiled.map((c) => c.plain ?? c.re)), exact: anyMatch(compiled.map((c) => c.re)) };
    patternLists.set(patterns, t);
  }
  return (plainAgrees(text) ? t.plain : t.exact)(text);
}

/** Does a question's pattern match the text? (False for an invalid pattern.) */
export function patternMatches(pattern: string, text: string): boolean {
  const c = compiledPattern(pattern);
  if (!c) return false;
  return (c.plain && plainAgrees(text) ? c.plain : c.re).test(text);
}

/** The global form of each notWhen pattern (and of its plain form), compiled once: a sentence is blanked for every question it is tagged with. */
const globalPatterns = new Map<string, { re: RegExp; plain: RegExp | null } | null>();

/** The sentence with every span a question's `notWhen` patterns match blanked out (same length, so offsets hold). */
function withoutExcludedSenses(sentence: string, question: Question): string {
  return withoutPatterns(sentence, question.notWhen ?? []);
}

/**
 * The text with every span the patterns match replaced by spaces (same length, so offsets hold); the text itself when
 * none matches, which one scan of their alternation tells (most sentences name Ukraine or Kyiv and are read for every
 * question).
 */
export function withoutPatterns(text: string, patterns: readonly string[]): string {
  if (!anyPattern(patterns, text)) return text;
  return blankPatterns(text, patterns);
}

/** Each pattern's matches replaced by spaces, one pattern after another. */
function blankPatterns(sentence: string, patterns: readonly string[]): string {
  let text = sentence;
  // Blanking keeps the text's characters where they are not replaced by spaces, so the plain forms stay exact.
  const plain = plainAgrees(sentence);
  for (const p of patterns) {
    let global = globalPatterns.get(p);
    if (global === undefined) {
      const c = compiledPattern(p);
      global = c ? { re: new RegExp(c.re.source, `${c.re.flags}g`), plain: c.plain ? new RegExp(c.plain.source, 'gi') : null } : null;
      if (globalPatterns.size > 5000) globalPatterns.clear();
      globalPatterns.set(p, global);
    }
    if (!global) continue;
    const re = plain && global.plain ? global.plain : global.re;
    re.lastIndex = 0;
    text = text.replace(re, (m) => ' '.repeat(m.length));
  }
  return text;
}

/**
 * Does the sentence name the question's matter in the question's own words (a keyword or pattern), rather than only
 * through a mention next to a context word ("Kyiv" near "officials")? Such a tag is the question itself.
 */
export function inOwnWords(sentence: string, question: Question): boolean {
  return anyKeywordOrPattern(sentence, question.keywords, question.patterns);
}

function anyKeywordOrPattern(text: string, keywords: readonly string[], patterns: readonly string[] = []): boolean {
  if (anyKeyword(text, keywords)) return true;
  return anyPattern(patterns, text);
}

/** Is the question asked of some sides (`by`: "Does Kyiv accept…?"), so that only what they say or do bears on it? */
export function askedOfSide(question: Question): boolean {
  return (question.by ?? []).length > 0;
}

/** Who may be speaking: the story's sides, and the sentence's speaker when ingestion knows it. */
export interface VoiceHints {
  sides?: readonly Side[];
  speaker?: string;
}

/**
 * True when a sentence bears on a question: one of its keywords or patterns matches, or one of its `mentions`
 * (places, names) occurs next to one of its `context` words. Text that a `notWhen` pattern matches counts for
 * nothing ("Territorial Defence Forces" is not about territory, "territorial waters" of another country neither).
 * A question asked of some sides (`by`) bears only on what those sides say or do (its speaker or subject), when the
 * story's sides are known.
 */
export function matchesQuestion(sentence: string, question: Question, hints: VoiceHints = {}): boolean {
  const asked = askedOfSide(question) && hints.sides && hints.sides.length > 0 ? question.by : undefined;
  // What a side the question is asked of says ("we cannot respond yet," he added) names that side in its speaker.
  const speakerSide = asked !== undefined && hints.speaker !== undefined ? sideOfName(hints.speaker, hints.sides) : undefined;
  const bySpeaker = asked !== undefined && asked.includes(speakerSide ?? '');
  if (!matchesWords(sentence, question, bySpeaker)) return false;
  // A sentence relaying another side's act ("Zelenskyy said Russia presented …") tells nothing of the asked side's own
  // answer. (Asked only of a sentence on the question's matter: most are not.)
  if (asked !== undefined && relaysOtherSide(sentence, asked, hints.sides ?? [])) return false;
  if (asked === undefined || bySpeaker) return true;
  // Another side's speaker claiming something of the asked side ("He claimed Ukraine was refusing to talk", Lavrov) says
  // what that side is accused of, not what it does.
  if (speakerSide !== undefined && SPEAKER_CLAIMS.test(sentence)) return false;
  // Another side's words about the asked side ("Ukraine could not return to its pre-2014 borders, Hegseth said") are
  // what that side claims of it: only a past act they report is its own ("Kyiv has rejected the plan, Lavrov said").
  const othersWords = speakerSide !== undefined && !asked.includes(speakerSide);
  return voicedBy(sentence, hints, asked) || actsInSentence(sentence, asked, hints.sides ?? [], othersWords);
}

/** "said" or "says", maybe "that", then what was said: the side whose act follows is the one who acts. */
const SAID_THAT = /\b(?:said|says)\s+(?:that\s+)?/;
/** A past act (not a modal of obligation: "Russia must withdraw" is the speaker's demand). */
const PAST_DEED = /^(?:(?:again|also|then|had|has|have|already|recently|\p{Ll}+ly)\s+)*(?:\p{Ll}+ed|presented|sent|made|took|gave|held|put|set|began|brought|offered|launched)\b/u;

/**
 * What was said opens on another side's act ("Zelenskyy said Russia presented the U.S. with a $12 trillion economic
 * proposal", "Zelenskyy said the U.S. again proposed a ceasefire banning strikes on energy"): the act is the other
 * side's, and the asked side's speaker only relays it.
 */
function relaysOtherSide(sentence: string, asked: readonly string[], sides: readonly Side[]): boolean {
  const m = SAID_THAT.exec(sentence);
  if (!m) return false;
  const rest = sentence.slice(m.index + m[0].length);
  const mentions = sideMentions(rest, sides);
  const first = mentions[0];
  if (!first || asked.includes(first.side)) return false;
  // The asked side acting later in what was said is its own answer: "… said Russia rejected the plan, and Kyiv would not
  // sign it."
  if (mentions.some((x) => asked.includes(x.side))) return false;
  // The other side must open the clause ("the U.S.", "Russia"), and its verb follow it.
  if (!/^(?:the\s+)?$/i.test(rest.slice(0, first.start))) return false;
  return PAST_DEED.test(rest.slice(first.end).trimStart());
}

/** A sentence whose pronoun subject claims or accuses: "He claimed …", "She accused Kyiv of …". */
const SPEAKER_CLAIMS = /^(?:He|She|They)\s+(?:also\s+|again\s+|repeatedly\s+)?(?:claimed|claims|alleged|alleges|accused|accuses|asserted|asserts|charged|blamed|blames)\b/;

// Whether a side named in a sentence is one who acts in it (its subject, source or agent) rather than the one acted
// on ("urged Kyiv to", "a plan presented to Ukraine", "hosted Zelenskyy at the White House").

/** Words between a subject and its verb: auxiliaries, negation, adverbs of time and manner. */
const BETWEEN =
  /^\s+(?:(?:also|already|not|never|still|now|then|again|once|yet|today|earlier|later|first|only|since|so far|\p{Ll}+ly|on\s+\p{Lu}\p{L}+|\p{Lu}\p{L}+day)\s+)*/u;
/** An auxiliary: the verb after it is what the side does ("Kyiv has indicated", "Kyiv does not recognise"); not "has been", nor "has to" (an obligation). */
const AUXILIARY = /^(?:has|have|had|did|does|do|didn['’]t|doesn['’]t|don['’]t|hasn['’]t|haven['’]t)\s+(?:(?:not|also|already|never|still|yet|\p{Ll}+ly)\s+)*(?!been\b|to\b)\p{Ll}+/u;
/**
 * A modal: whatever verb follows is what the side does ("Zelenskyy would send a delegation"). Not one of obligation:
 * "Ukraine must give up its bid" is what is asked of it.
 */
const MODAL = /^(?:would|will|could|can|cannot|can['’]t|won['’]t|may|might|shall)\s+(?:not\s+|also\s+|never\s+|always\s+|still\s+)*\p{Ll}+/u;
/** Being ready, willing, opposed…: a stance the side takes. */
const STANCE_ADJECTIVE = /^(?:is|was|are|were|remains?|remained)\s+(?:not\s+|also\s+|still\s+|now\s+)*(?:ready|willing|prepared|open|committed|determined|unwilling|reluctant|against|opposed|sceptical|skeptical|keen|eager|adamant|firm|not)\b/u;
/** A finite verb in the past (regular or common irregular) or in the present's third person. */
const FINITE_VERB =
  /^(?:\p{Ll}+ed|said|says|told|tells|sent|sends|made|makes|took|takes|gave|gives|held|holds|met|meets|flew|went|came|began|spoke|speaks|wrote|writes|sought|seeks|brought|put|puts|set|sets|kept|keeps|stood|stands|chose|saw|sees|drew|laid|led|leads|thought|knew|understood|wants|insists|rejects|refuses|accepts|agrees|demands|proposes|calls|plans|expects|hopes|needs|welcomes|considers|believes|argues|warns|maintains|continues|supports|opposes|offers|asks|urges|reiterates|stresses|emphasi[sz]es|notes|confirms|denies|replies|responds|submits|signals|signs|vows|pledges|remains|favou?rs)\b/u;
/**
 * An action or stance noun whose actor follows ("the arrival of a Ukrainian delegation", "no immediate comment from
 * Zelenskiy", "points that have long been red lines for Ukraine", "senior officials from Ukraine … met").
 */
const ACTION_OF =
  /\b(?:(?:arrival|visit|response|reply|refusal|rejection|acceptance|proposal|counter-?proposal|position|statement|readiness|willingness|offer|demands?|conditions|decision|consent|participation)\s+of|(?:comment|response|reaction|reply|word)s?\s+from|red\s+lines?[”"’']?\s+for|(?:officials|delegations?|delegates|envoys|negotiators|representatives|teams?)\s+from)\s+(?:the\s+|a\s+)?(?:\p{Ll}+\s+)?(?:\p{Lu}[\p{L}.’'-]*\s+){0,4}$/u;
// ASKED_OF, SOURCE and the preposition test below are in plain mode (no `u`): they need no Unicode classes, and V8
// runs `\b` under `iu` an order of magnitude slower.
/** Words that make what follows a demand made of the side, not its act. */
const ASKED_OF =
  /\b(?:insist\w*|demand\w*|urg\w*|want\w*|wish\w*|expect\w*|call\w* (?:on|for)|ask\w*|requir\w*|press\w*|push\w*|commitment|requirement|condition|pledge|promise|guarantee|ultimatum|order\w*|forc\w*|compel\w*)\s+(?:that\s+)?(?:the\s+)?$/i;
/** A that-clause of what someone asserts ("Trump …, asserting that", "Lavrov said that"): whose words follow is theirs. */
const CLAIM_THAT =
  /\b(?:say|says|said|saying|assert\w*|claim\w*|argu\w*|suggest\w*|believ\w*|think\w*|thought|stat(?:ed|es|ing)|warn\w*|indicat\w*|not(?:ed|es|ing)|allege\w*|hint\w*|predict\w*|add(?:ed|s|ing)|told\s+(?:\w+\s+){1,3}|tell\w*\s+(?:\w+\s+){1,3})\s*,?\s+that\s+(?:the\s+)?$/i;
/** A past act of the side's, as another side reports it ("said Ukraine had rejected the plan", "…that Kyiv refused"). */
const PAST_ACT = /^(?:(?:had|has|have|did|hadn['’]t|hasn['’]t|didn['’]t)\s+(?!been\b)|(?:\p{Ll}+ed|said|told|sent|made|took|gave|held|met|flew|went|came|began|spoke|wrote|sought|brought|put|set|kept|stood|chose|saw|drew|laid|led|thought|knew|understood)\b)/u;
/** The side as the source: "according to Ukraine's Presidential Office", "according to the head of the Ukrainian delegation". */
const SOURCE = /\baccording\s+to\s+(?:(?:the|a|two|three|several|some|senior|unnamed|top)\s+)*(?:head\s+of\s+(?:the\s+)?)?/gi;

/** Does a side the question is asked of stand right after "according to"? (Side mentions skip a name after "to".) */
function sourcedTo(sentence: string, asked: readonly string[], sides: readonly Side[]): boolean {
  if (!/according\s+to/i.test(sentence)) return false;
  SOURCE.lastIndex = 0;
  for (let m = SOURCE.exec(sentence); m; m = SOURCE.exec(sentence)) {
    const rest = sentence.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const first = sideMentions(rest, sides)[0];
    if (first?.start === 0 && asked.includes(first.side)) return true;
  }
  return false;
}

function actsInSentence(sentence: string, asked: readonly string[], sides: readonly Side[], spokenByOther = false): boolean {
  if (sourcedTo(sentence, asked, sides)) return true;
  const mentions = actorMentions(sentence, sides);
  // What a side does together with another ("Russia and Ukraine agreed to exchange prisoners", "Trump and Zelenskiy
  // sought to project warmth") is not its own position, except officials of allies under one noun ("Top U.S. and
  // Ukrainian officials said"); never together with a side it opposes.
  const jointAct = (m: SideMention, other: SideMention | undefined) => {
    if (other === undefined || other.side === m.side) return false;
    const between = other.start > m.start ? sentence.slice(m.end, other.start) : sentence.slice(other.end, m.start);
    if (!/^\s*(?:and|or|&|,)\s*$/.test(between)) return false;
    const sharedNoun = other.start < m.start && /^\p{Lu}\p{Ll}+an\s/u.test(sentence.slice(m.start, m.end)) && !/\s/.test(sentence.slice(other.start, other.end).trim());
    return sidesOppose(m.side, other.side, sides) || !sharedNoun;
  };
  return mentions.some((m, i) => {
    if (!asked.includes(m.side)) return false;
    if (jointAct(m, mentions[i - 1]) || jointAct(m, mentions[i + 1])) return false;
    const before = sentence.slice(Math.max(0, m.start - 80), m.start);
    if (ACTION_OF.test(before)) return true;
    // What another side asks of it: "Moscow has insisted that Ukraine withdraw", "a commitment that Ukraine would never
    // join NATO", "urged Kyiv to accept" — the side is the one acted on.
    if (ASKED_OF.test(before)) return false;
    // Inside what another side asserts, the side is what is claimed of it ("Trump …, asserting that Ukraine can reclaim
    // its territory"); only a past act the claim reports is its own ("Lavrov said that Kyiv had rejected the plan").
    const claim = CLAIM_THAT.exec(before);
    const claimant = claim ? mentions.filter((o) => o.end <= m.start - before.length + claim.index).pop() : undefined;
    const claimed = claimant !== undefined && claimant.side !== m.side;
    // A side in a condition is not acting: "Russian forces would uphold the truce only if Ukraine did the same".
    if (/\b(?:if|unless|provided(?:\s+that)?)\s+(?:the\s+)?$/i.test(before)) return false;
    // The object of a preposition is no subject ("with Zelenskiy seated beside him", "talks with the Ukrainian side").
    if (/\b(?:with|on|for|against|from|about|of|over|toward|towards|between|among|upon|without|like|than)\s+(?:the\s+|a\s+)?$/i.test(before)) return false;
    // "Ukraine's economy", "Kyiv's case": a possessive names a thing of the side's, not what it does.
    if (/['’]s$/.test(sentence.slice(m.start, m.end))) return false;
    let rest = sentence.slice(m.end);
    // A co-subject of another side ("Kyiv and Moscow agreed") is not the side's own act; a further word of the
    // same subject is skipped ("Ukrainian ministers and delegates arrived").
    const joined = /^\s+(?:and|or)\s+\p{Ll}+(?=\s)/u.exec(rest);
    if (joined) rest = rest.slice(joined[0].length);
    // The subject of a relative clause: "Ukraine, which has fought to join NATO".
    rest = rest.replace(/^,\s+(?:which|who)(?=\s)/u, '');
    rest = rest.slice(BETWEEN.exec(rest)?.[0].length ?? 0);
    if (claimed || spokenByOther) return PAST_ACT.test(rest);
    return AUXILIARY.test(rest) || MODAL.test(rest) || STANCE_ADJECTIVE.test(rest) || FINITE_VERB.test(rest);
  });
}

function matchesWords(sentence: string, question: Question, mentioned = false): boolean {
  // The asked side's own speaker stands for a mention of that side: what they say bears on the question when it is
  // about the question's matter ("This is in no way a frozen conflict," Sybiha said), not whatever they talk about
  // ("The government must work effectively," he said).
  if (mentioned) {
    const text = question.notWhen && question.notWhen.length > 0 ? withoutExcludedSenses(sentence, question) : sentence;
    return anyKeywordOrPattern(text, question.keywords, question.patterns) || hasContext(text, question);
  }
  const mentions = question.mentions ?? [];
  if (question.notWhen && question.notWhen.length > 0) {
    // Blanking the excluded senses only removes matches: a sentence that matches nothing as written is done with,
    // and one that no excluded sense touches is read as written, once.
    const keywordsAsWritten = anyKeywordOrPattern(sentence, question.keywords, question.patterns);
    if (!keywordsAsWritten && !anyKeyword(sentence, mentions)) return false;
    const text = withoutExcludedSenses(sentence, question);
    if (text === sentence ? keywordsAsWritten : anyKeywordOrPattern(text, question.keywords, question.patterns)) return true;
    return mentionInContext(text, question, mentions);
  }
  if (anyKeywordOrPattern(sentence, question.keywords, question.patterns)) return true;
  return mentionInContext(sentence, question, mentions);
}

/** A mention of the question's places or names next to one of its context words. */
function mentionInContext(text: string, question: Question, mentions: readonly string[]): boolean {
  const found = keywordsIn(text, mentions);
  if (found.length === 0) return false;
  // Without context words a mention bears on the question by itself.
  if ((question.context ?? []).length === 0) return true;
  if (!hasContext(text, question)) return false;
  // For a question asked of a side, the mentions are who acts and the context what they do: "Ukrainian officials" is
  // not its own context "officials" in "At least three people were killed, Ukrainian officials said." (A topic word
  // may be its own context: "the illegal annexation of the peninsula" bears on territory.)
  if (!askedOfSide(question)) return true;
  if (!hasContext(withoutMentions(text, found), question)) return false;
  // The side and what it does share a clause: "…, but it marked a rare face-to-face … as Ukraine continues to seek
  // backing" is no meeting of Ukraine's. (Most sentences are one clause: read once.)
  if (!CLAUSE_BREAK.test(text)) return true;
  const clauses = text.split(CLAUSE_BREAK);
  return clauses.some((clause) => {
    const here = found.filter((m) => hasKeyword(clause, m));
    return here.length > 0 && hasContext(withoutMentions(clause, here), question);
  });
}

/** The text with each of the mentions blanked to spaces (same length). */
function withoutMentions(text: string, mentions: readonly string[]): string {
  let out = text;
  for (const m of mentions) out = out.replace(keywordRegex(m), (w) => ' '.repeat(w.length));
  return out;
}

/**
 * Where one clause of a sentence ends and another with its own subject begins: ", but", ", while", "; ", "as Ukraine
 * …". Not a comma or a dash that sets off an aside inside one clause ("Zelensky, after meeting Trump, rejected the plan",
 * "Kyiv — as expected — rejected it"): the side and its verb stay together there.
 */
const CLAUSE_BREAK = /,\s+(?:but|while|whereas)\s+|;\s+|\s+(?:as|while|whereas)\s+(?=(?:the\s+)?\p{Lu})/u;

/** One of the question's context words (a plain word or phrase, or a pattern) occurs in the text. */
function hasContext(text: string, question: Question): boolean {
  const { words, patterns } = contextOf(question);
  return anyKeyword(text, words) || anyPattern(patterns, text);
}

const contexts = new WeakMap<Question, { words: string[]; patterns: string[] }>();

/** A question's context entries: plain words and phrases (matched as keywords), and patterns. */
function contextOf(question: Question): { words: string[]; patterns: string[] } {
  let c = contexts.get(question);
  if (!c) {
    const all = question.context ?? [];
    const plain = (x: string) => /^[\p{L}\p{N}' -]+$/u.test(x);
    c = { words: all.filter(plain), patterns: all.filter((x) => !plain(x)) };
    contexts.set(question, c);
  }
  return c;
}

/** Ids of the story questions a sentence bears on (pass the story's sides, and the speaker when known). */
export function questionTags(sentence: string, questions: readonly Question[], hints: VoiceHints = {}): string[] {
  // "Umerov made a statement to journalists after the talks": who spoke, not what; the next sentence says it.
  if (isReportingFrame(sentence)) return [];
  return questions.filter((q) => matchesQuestion(sentence, q, hints)).map((q) => q.id);
}
