import type { Question, Side } from '../records/schema.js';
import { sideOfName } from '../briefing/sides.js';
import { voicesOf } from '../briefing/stance.js';
import { escapeRegExp } from './entities.js';

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
}

/** Compiled keywords; a story has a few dozen, so the map stays small (cleared if it ever grows large). */
const cache = new Map<string, CompiledKeyword>();

function compiled(keyword: string): CompiledKeyword {
  let c = cache.get(keyword);
  if (!c) {
    const parts = keyword.trim().split(/\s+/);
    const body = parts.map(escapeRegExp).join('\\s+');
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:s|es|['’]s)?(?![\\p{L}\\p{N}])`, 'giu');
    const words = foldsLikeLowerCase(keyword) && parts.every((w) => w !== '') ? parts.map((w) => w.toLowerCase()) : null;
    c = { re, sticky: new RegExp(re.source, 'iuy'), words };
    if (cache.size > 5000) cache.clear();
    cache.set(keyword, c);
  }
  return c;
}

/**
 * Word-bounded, case-insensitive matcher for a story keyword. Single words also match simple inflections
 * ("guarantee" → "guarantees", "Russia" → "Russia’s"); multi-word keywords allow any whitespace between words.
 */
export function keywordRegex(keyword: string): RegExp {
  const { re } = compiled(keyword);
  re.lastIndex = 0;
  return re;
}

// The same text is searched for many keywords in a row (a sentence for every story and question keyword): its
// lower-cased form is kept for a cheap "cannot match" test before the regex runs.
let lastText = '';
let lastLower = '';
/** "ſ" folds to "s" under the regex's case-insensitive matching but does not lower-case to it. */
let lastFoldsLikeLower = true;

function countFromCandidates(text: string, c: CompiledKeyword, first: string, limit: number): number {
  let count = 0;
  let from = 0;
  for (let at = lastLower.indexOf(first, from); at !== -1 && count < limit; at = lastLower.indexOf(first, from)) {
    c.sticky.lastIndex = at;
    const m = c.sticky.exec(text);
    if (m) {
      count++;
      from = at + Math.max(1, m[0].length);
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
    if (text !== lastText) {
      lastText = text;
      lastLower = text.toLowerCase();
      lastFoldsLikeLower = !text.includes('ſ');
    }
    if (lastFoldsLikeLower) {
      if (!c.words.every((w) => lastLower.includes(w))) return 0;
      // Every match starts where the lower-cased text holds the first word: try the pattern only there (offsets
      // agree while lower-casing keeps the length). Same matches, left to right, as the global search.
      if (lastLower.length === text.length) return countFromCandidates(text, c, c.words[0] ?? '', limit);
    }
  }
  c.re.lastIndex = 0;
  if (limit === 1) return c.re.test(text) ? 1 : 0;
  return text.match(c.re)?.length ?? 0;
}

const patternCache = new Map<string, RegExp | null>();

/** A question's pattern as a case-insensitive RegExp; null when the pattern is not a valid expression. */
export function questionPattern(pattern: string): RegExp | null {
  if (!patternCache.has(pattern)) {
    let re: RegExp | null = null;
    // Unicode mode is stricter about escapes; a pattern written for plain mode still works.
    for (const flags of ['iu', 'i']) {
      try {
        re = new RegExp(pattern, flags);
        break;
      } catch {
        re = null;
      }
    }
    patternCache.set(pattern, re);
  }
  return patternCache.get(pattern) ?? null;
}

/** The sentence with every span a question's `notWhen` patterns match blanked out (same length, so offsets hold). */
/** The global form of each notWhen pattern, compiled once (a sentence is blanked for every question it is tagged with). */
const globalPatterns = new Map<string, RegExp | null>();

function withoutExcludedSenses(sentence: string, question: Question): string {
  let text = sentence;
  for (const p of question.notWhen ?? []) {
    let global = globalPatterns.get(p);
    if (global === undefined) {
      const re = questionPattern(p);
      global = re ? new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`) : null;
      if (globalPatterns.size > 5000) globalPatterns.clear();
      globalPatterns.set(p, global);
    }
    if (!global) continue;
    global.lastIndex = 0;
    text = text.replace(global, (m) => ' '.repeat(m.length));
  }
  return text;
}

function anyKeywordOrPattern(text: string, keywords: readonly string[], patterns: readonly string[] = []): boolean {
  if (keywords.some((k) => hasKeyword(text, k))) return true;
  return patterns.some((p) => questionPattern(p)?.test(text) ?? false);
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
  const asked = question.by && question.by.length > 0 && hints.sides && hints.sides.length > 0 ? question.by : undefined;
  // What a side the question is asked of says ("we cannot respond yet," he added) names that side in its speaker.
  const bySpeaker = asked !== undefined && hints.speaker !== undefined && asked.includes(sideOfName(hints.speaker, hints.sides) ?? '');
  if (!matchesWords(sentence, question, bySpeaker)) return false;
  if (asked === undefined || bySpeaker) return true;
  const voices = voicesOf(sentence, hints);
  return asked.some((side) => voices.has(side));
}

function matchesWords(sentence: string, question: Question, mentioned = false): boolean {
  // What the asked side's own speaker says is its response, whatever words it uses ("This is in no way a frozen
  // conflict," Sybiha said).
  if (mentioned) return true;
  const mentions = question.mentions ?? [];
  if (question.notWhen && question.notWhen.length > 0) {
    // Blanking the excluded senses only removes matches: a sentence that matches nothing as written is done with,
    // and one that no excluded sense touches is read as written, once.
    const keywordsAsWritten = anyKeywordOrPattern(sentence, question.keywords, question.patterns);
    if (!keywordsAsWritten && !mentions.some((m) => hasKeyword(sentence, m))) return false;
    const text = withoutExcludedSenses(sentence, question);
    if (text === sentence ? keywordsAsWritten : anyKeywordOrPattern(text, question.keywords, question.patterns)) return true;
    return mentionInContext(text, question, mentions);
  }
  if (anyKeywordOrPattern(sentence, question.keywords, question.patterns)) return true;
  return mentionInContext(sentence, question, mentions);
}

/** A mention of the question's places or names next to one of its context words. */
function mentionInContext(text: string, question: Question, mentions: readonly string[]): boolean {
  if (mentions.length === 0 || !mentions.some((m) => hasKeyword(text, m))) return false;
  const context = question.context ?? [];
  // Without context words a mention bears on the question by itself.
  return context.length === 0 || context.some((c) => (/^[\p{L}\p{N}' -]+$/u.test(c) ? hasKeyword(text, c) : (questionPattern(c)?.test(text) ?? false)));
}

/** Ids of the story questions a sentence bears on (pass the story's sides, and the speaker when known). */
export function questionTags(sentence: string, questions: readonly Question[], hints: VoiceHints = {}): string[] {
  return questions.filter((q) => matchesQuestion(sentence, q, hints)).map((q) => q.id);
}
