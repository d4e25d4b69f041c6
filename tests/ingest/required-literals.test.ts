import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { anyMatch } from '../../src/text/any-match.js';
import { literalScreen, mayMatch, requiredLiterals } from '../../src/text/required-literals.js';
import { anyKeyword, hasKeyword } from '../../src/ingest/keywords.js';
import { sampleStory } from '../helpers/fixtures.js';

const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

/** The ingestion fixtures' lines and sentences, and a few texts made to trip the screen's edge cases. */
function texts(): string[] {
  const out = ['', 'ſecurity guarantees', 'Security guarantees', 'SECURITY GUARANTEES', 'the Kelvin sign K', 'peace "talks"', 'İstanbul talks'];
  for (const name of readdirSync(FIXTURES).filter((n) => n.endsWith('.txt')).sort()) {
    for (const line of readFileSync(join(FIXTURES, name), 'utf8').split(/\n+/)) {
      out.push(line);
      out.push(...line.split(/(?<=[.!?])\s+/));
    }
  }
  return out;
}

function compile(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'iu');
  } catch {
    return new RegExp(pattern, 'i');
  }
}

describe('required literals', () => {
  it('reads the literals every match holds, and gives up where a pattern needs none', () => {
    expect(requiredLiterals(/\b(?:talks|negotiations?)\s+with\b/i)).toEqual(['talks', 'negotiation']);
    expect(requiredLiterals(/give (?:up|away) (?:any )?(?:land|territor)/i)).toEqual(['give ']);
    expect(requiredLiterals(/(?=[^.]{0,40}\bGaza\b)\bpeace\b/i)).toEqual(['peace']);
    expect(requiredLiterals(/\bced(?:e|es)?\b|/i)).toBeNull();
    expect(requiredLiterals(/(?:a|b)?/)).toBeNull();
    // Escapes and groups are read as the engine reads them (regexpp); an assertion under a quantifier gives up.
    expect(requiredLiterals(/\k<x>(?<x>ab)/)).toEqual(['ab']);
    expect(requiredLiterals(/\u00e9tude/i)).toEqual(['tude']);
    expect(requiredLiterals(/(?=a)*b/)).toBeNull();
  });

  it('asks for every literal a branch needs, not only its best one', () => {
    const re = /\btalks\b[^.;]{0,60}\bIMF\b|\bloan\s+deal\b/i;
    const screen = literalScreen(re);
    expect(screen?.literals).toEqual(['talks', 'loan']);
    if (screen === null) return;
    // "talks" alone no longer lets the pattern run; with "IMF" (or the other branch's words) it does.
    expect(mayMatch(screen, re, 'Peace talks resumed in Istanbul on Friday.')).toBe(false);
    expect(mayMatch(screen, re, 'Talks with the IMF resumed.')).toBe(true);
    expect(mayMatch(screen, re, 'The loan deal was signed.')).toBe(true);
    expect(mayMatch(screen, re, 'A loan was agreed at the talks.')).toBe(false);
  });

  it("never screens out a text one of the story's patterns or keyword lists matches", () => {
    const story = sampleStory();
    const patterns = [...(story.notWhen ?? []), ...(story.topicPatterns ?? []), ...story.questions.flatMap((q) => [...(q.patterns ?? []), ...(q.notWhen ?? []), ...(q.context ?? [])])].map(compile);
    const all = texts();
    for (const re of patterns) {
      const screen = literalScreen(re);
      if (screen === null) continue;
      for (const t of all) if (re.test(t)) expect(mayMatch(screen, re, t), `${re} on ${t}`).toBe(true);
    }
    const lists = [story.keywords, story.excludeKeywords, story.anchors ?? [], ...story.questions.flatMap((q) => [q.keywords, q.mentions ?? []])];
    for (const list of lists) for (const t of all) expect(anyKeyword(t, list), `${list.join(', ')} on ${t}`).toBe(list.some((k) => hasKeyword(t, k)));
  });

  it('answers as the patterns tested one by one do', () => {
    const patterns = [/\bread more\b/i, /^By\s+\p{Lu}\p{L}+$/u, /security\s+guarantees?/iu, /(?:a|b)?c/, /x{2,}/g];
    const test = anyMatch(patterns);
    for (const t of [...texts(), 'xx', 'By Anna', 'ſecurity guarantee']) expect(test(t), t).toBe(patterns.some((re) => ((re.lastIndex = 0), re.test(t))));
  });
});
