import type { Question } from '../records/schema.js';
import { escapeRegExp } from './entities.js';

const cache = new Map<string, RegExp>();

/**
 * Word-bounded, case-insensitive matcher for a story keyword. Single words also match simple inflections
 * ("guarantee" → "guarantees", "Russia" → "Russia’s"); multi-word keywords allow any whitespace between words.
 */
export function keywordRegex(keyword: string): RegExp {
  let re = cache.get(keyword);
  if (!re) {
    const body = keyword.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
    re = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:s|es|['’]s)?(?![\\p{L}\\p{N}])`, 'giu');
    cache.set(keyword, re);
  }
  re.lastIndex = 0;
  return re;
}

/** How often a keyword occurs in a text. */
export function countKeyword(text: string, keyword: string): number {
  return text.match(keywordRegex(keyword))?.length ?? 0;
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

/** True when a sentence bears on a question (one of its keywords or patterns matches). */
export function matchesQuestion(sentence: string, question: Question): boolean {
  if (question.keywords.some((k) => countKeyword(sentence, k) > 0)) return true;
  return (question.patterns ?? []).some((p) => questionPattern(p)?.test(sentence) ?? false);
}

/** Ids of the story questions a sentence bears on. */
export function questionTags(sentence: string, questions: readonly Question[]): string[] {
  return questions.filter((q) => matchesQuestion(sentence, q)).map((q) => q.id);
}
