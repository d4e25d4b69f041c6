/** A string as pattern source that matches it literally. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A story keyword as pattern source: word-bounded, with simple inflections of its last word ("guarantee" →
 * "guarantees", "Russia" → "Russia’s"), any whitespace between a phrase's words, and a quotation mark at either side
 * of it ("any European “reassurance” force"). Matched case-insensitively, with the `u` flag.
 */
export function keywordSource(keyword: string): string {
  const body = keyword.trim().split(/\s+/).map(escapeRegExp).join(`["“”‘’']?\\s+["“”‘’']?`);
  return `(?<![\\p{L}\\p{N}])${body}(?:s|es|['’]s)?(?![\\p{L}\\p{N}])`;
}
