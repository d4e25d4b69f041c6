import { literalScreen } from './required-literals.js';
import { ScreenSet, type Screened } from './screen-set.js';

/**
 * A test for "does any of these patterns match?". A pattern whose matches all contain one of a few literals (see
 * `literalScreen`) is tested on its own, and only on a text that holds one of them: most sentences hold none of most
 * patterns' words, and looking them up is far cheaper than the regex engine trying a `\b`-led alternation at every
 * position. The other patterns are tested once per flag set instead of once per pattern: patterns with the same flags
 * are joined into one alternation, which matches where one of them does. A pattern that keeps state (g, y), refers to
 * its own groups, or does not combine is tested on its own.
 */
export function anyMatch(patterns: readonly RegExp[]): (text: string) => boolean {
  const byFlags = new Map<string, string[]>();
  const alone: RegExp[] = [];
  const screened: Screened[] = [];
  for (const re of patterns) {
    const screen = literalScreen(re);
    if (screen !== null) screened.push({ re, screen });
    else if (/[gy]/.test(re.flags) || /\\[1-9]|\\k<|\(\?<[^=!]/.test(re.source)) alone.push(re);
    else byFlags.set(re.flags, [...(byFlags.get(re.flags) ?? []), re.source]);
  }
  const tests: RegExp[] = [];
  for (const [flags, sources] of byFlags) {
    try {
      tests.push(new RegExp(sources.map((s) => `(?:${s})`).join('|'), flags));
    } catch {
      for (const s of sources) tests.push(new RegExp(s, flags));
    }
  }
  tests.push(...alone);
  const screens = new ScreenSet(screened);
  return (text) => {
    for (const { re } of screens.candidates(text)) {
      re.lastIndex = 0;
      if (re.test(text)) return true;
    }
    for (const re of tests) {
      re.lastIndex = 0;
      if (re.test(text)) return true;
    }
    return false;
  };
}
