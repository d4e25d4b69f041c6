import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanArticleText } from '../../src/ingest/clean-text.js';
import { entitiesFromNames, extractEntities } from '../../src/ingest/entities.js';
import { countKeyword, hasKeyword } from '../../src/ingest/keywords.js';
import { escapeRegExp } from '../../src/ingest/entities.js';
import { nameContexts, tagNames, type TaggedNames } from '../../src/ingest/name-tagger.js';
import { SEEDS } from '../helpers/fixtures.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const texts = [
  ...readdirSync(SEEDS)
    .filter((n) => n.endsWith('.txt'))
    .map((n) => readFileSync(join(SEEDS, n), 'utf8')),
  ...readdirSync(FIXTURES)
    .filter((n) => n.endsWith('.txt'))
    .map((n) => readFileSync(join(FIXTURES, n), 'utf8')),
  // Names compromise does not know, abbreviations, possessives, an open quote across sentences, a regnal number.
  [
    'Witkoff meets Putin in St. Petersburg as Washington pushes for deal',
    'U.S. special envoy Steve Witkoff met Russian President Vladimir Putin in St. Petersburg on Friday, the Kremlin said.',
    'Kirill Dmitriev, head of the Russian Direct Investment Fund, described the talks as "productive." Putin’s aide Yuri Ushakov said the meeting had helped "bring positions closer.',
    'It was not clear. Secretary of State Marco Rubio warned that Washington could walk away, and Pope Leo XIV offered the Vatican.',
    'Mr. Putin’s spokesman, Dmitry Peskov, said the Kremlin was grateful; Dr. Andriy Kovalenko disagreed. EU foreign policy chief Kaja Kallas and Hungary’s Viktor Orban met in Brussels.',
  ].join('\n'),
];

/** What compromise finds when it tags the whole text (the behaviour the windows must keep). */
function wholeText(text: string): TaggedNames {
  const doc = nlp(text);
  return {
    people: doc.people().out('array') as string[],
    places: doc.places().out('array') as string[],
    organizations: doc.organizations().out('array') as string[],
  };
}

describe('name tagger', () => {
  it('finds the same people, places and organisations as compromise on the whole text', () => {
    for (const raw of texts) {
      const text = cleanArticleText(raw);
      expect(extractEntities(text)).toEqual(entitiesFromNames(text, wholeText(text)));
    }
  });

  it('tags only windows around capitalised words, inside sentences, each once', () => {
    const windows = nameContexts(
      'The talks ended after an hour. Kremlin spokesman Dmitry Peskov said the document addressed the root causes. The talks ended after an hour. Then they left, Peskov said.',
    );
    expect(windows).toEqual(['Kremlin spokesman Dmitry Peskov said the', 'they left, Peskov said.']);
    expect(nameContexts('the talks ended. nothing else happened.')).toEqual([]);
    expect(tagNames('no names here at all.')).toEqual({ people: [], places: [], organizations: [] });
  });

  it('leaves compromise as it found it for other callers', () => {
    const sample = 'Kremlin spokesman Dmitry Peskov said talks in Istanbul would resume.';
    const tags = () => (nlp(sample).json() as Array<{ terms: Array<{ text: string; tags: string[]; chunk?: string }> }>).flatMap((s) => s.terms.map((t) => [t.text, t.tags, t.chunk]));
    const before = { hooks: [...nlp.hooks()], names: wholeText(sample), tags: tags() };
    tagNames(texts[0] ?? '');
    expect(nlp.hooks()).toEqual(before.hooks);
    expect(wholeText(sample)).toEqual(before.names);
    expect(tags()).toEqual(before.tags);
  });
});

describe('keyword counting', () => {
  it('counts case-insensitively, with inflections, whatever the letters fold to', () => {
    expect(countKeyword('RUSSIA and Russia’s allies; russias', 'Russia')).toBe(3);
    expect(countKeyword('Russian officials', 'Russia')).toBe(0);
    // "ſ" (long s) matches "s" case-insensitively; "K" (Kelvin sign) matches "k".
    expect(countKeyword('Ruſſia', 'Russia')).toBe(1);
    expect(countKeyword('\u212Aremlin', 'Kremlin')).toBe(1);
    expect(countKeyword('security\n guarantees were discussed', 'security guarantee')).toBe(1);
    expect(countKeyword('Article 5 of the treaty', 'Article 5')).toBe(1);
    expect(countKeyword('Peace talks, peace  talks and PEACE\nTALKS; peacetalks', 'peace talks')).toBe(3);
    expect(countKeyword('İstanbul talks in Istanbul’s palace', 'Istanbul')).toBe(1);
    expect(countKeyword('ceasefires, a ceasefire-ceasefire', 'ceasefire')).toBe(3);
    expect(countKeyword('anything', '')).toBe(countKeyword('anything', ' '));
  });

  it('agrees with a plain global regex search on any text (the fast paths change nothing)', () => {
    const reference = (text: string, keyword: string) => {
      const body = keyword.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
      return text.match(new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:s|es|['’]s)?(?![\\p{L}\\p{N}])`, 'giu'))?.length ?? 0;
    };
    const chars = ['a', 'e', 's', 'S', 'k', 'K', 'ſ', '\u212A', 'İ', 'i', 'σ', 'ς', 'Σ', '’', "'", '-', ' ', '\n', '5', '.'];
    const text = fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((a) => a.join(''));
    const keyword = fc.constantFrom('a', 'ask', 'Kea', 'sea', 'a s', 'as-a', 'iσ', 'İs', 'ka’', 'e 5', 'ses');
    fc.assert(fc.property(text, keyword, (t, k) => countKeyword(t, k) === reference(t, k) && hasKeyword(t, k) === reference(t, k) > 0), { numRuns: 3000 });
  });
});
