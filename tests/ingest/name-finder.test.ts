import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanArticleText } from '../../src/ingest/clean-text.js';
import { extractEntities } from '../../src/ingest/entities.js';
import { escapeRegExp } from '../../src/text/keyword-pattern.js';
import { countKeyword, hasKeyword } from '../../src/ingest/keywords.js';
import { findNames } from '../../src/ingest/name-finder.js';
import { readNameLexicon } from '../../src/ingest/name-lexicon.js';
import { buildNameLexicon, renderNameLexicon } from '../../scripts/name-lexicon.js';
import { SEEDS } from '../helpers/fixtures.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const articles = [SEEDS, FIXTURES].flatMap((dir) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .map((n) => ({ name: n, text: cleanArticleText(readFileSync(join(dir, n), 'utf8')) })),
);

const peopleOf = (text: string) => extractEntities(text).people.map((p) => p.name);

describe('name finder', () => {
  it('knows "Sir Keir" for Keir Starmer, and keeps a Portuguese name whole when it is used alone later ("Lula said")', () => {
    expect(extractEntities('Sir Keir Starmer has said the UK is ready to put troops on the ground. Sir Keir said it was a generational moment.').people.map((p) => p.name)).toEqual(['Keir Starmer']);
    expect(extractEntities('Brazilian President Luiz Inácio Lula da Silva proposed a group of mediators. Lula said that he had discussed it with Macron.').people.map((p) => p.name)).toEqual(['Luiz Inácio Lula da Silva']);
  });

  it('takes no one named by a nationality for a person ("the Frenchman said")', () => {
    const text = 'French President Emmanuel Macron said Russia must not be humiliated. “We can find a way out through diplomatic channels,” the Frenchman said.';
    expect(peopleOf(text)).toEqual(['Emmanuel Macron']);
  });

  it('takes a full name set off by commas after its title ("The Brazilian president, Luiz Inácio Lula da Silva, proposed")', () => {
    const text = 'The Brazilian president, Luiz Inácio Lula da Silva, proposed this Monday in his meeting with the German chancellor, Olaf Scholz, a group of mediators. Lula said that he has already discussed this proposal with Emmanuel Macron.';
    expect(peopleOf(text)).toEqual(['Olaf Scholz', 'Luiz Inácio Lula da Silva', 'Emmanuel Macron']);
    // Words after a title and a comma that are no name stay none: a place, a clause.
    expect(peopleOf('Speaking as president, Trump said the talks, which began in Riyadh, would go on.')).toEqual(['Trump']);
    expect(peopleOf('According to the minister, Saudi Arabia and Turkey, the talks would go on. Sergei Lavrov agreed.')).toEqual(['Sergei Lavrov']);
  });

  it('takes no nationality left behind by a title for a person, and ends a name at its possessive', () => {
    // "Chief Russian negotiator …" had made "Russian" a person, who then spoke every "The Russian Investigative Committee said".
    const text = 'Chief Russian negotiator Vladimir Medinsky framed the withdrawal as a step toward peace. Kremlin officials claimed US President Joe Biden’s March 26 statement in Poland was a mistake. Chief of the Russian General Staff Valery Gerasimov has not appeared in public. Russian Deputy Defense Minister Colonel-General Alexander Fomin said the troops would pull back.';
    expect(peopleOf(text)).toEqual(['Vladimir Medinsky', 'Joe Biden', 'Valery Gerasimov', 'Alexander Fomin']);
  });

  it('never cuts a name after a two-word title ("Secretary General Anders Fogh Rasmussen" is not also "Anders Fogh")', () => {
    expect(extractEntities('Former NATO Secretary General Anders Fogh Rasmussen presented recommendations on security guarantees.').people.map((p) => p.name)).toEqual(['Anders Fogh Rasmussen']);
    expect(extractEntities('Lavrov dismissed proposals from allies of President-elect Donald Trump.').people.map((p) => p.name)).toEqual(['Donald Trump']);
  });

  it('finds people from first names, titles, roles and speech, under their full names', () => {
    const text = [
      'U.S. special envoy Steve Witkoff met Russian President Vladimir Putin in St. Petersburg on Friday, the Kremlin said.',
      'Kirill Dmitriev, head of the Russian Direct Investment Fund, called the talks "productive". Putin’s aide Yuri Ushakov agreed.',
      'Secretary of State Marco Rubio warned that Washington could walk away, and Pope Leo XIV offered the Vatican.',
      'Mr. Peskov said the Kremlin was grateful; analyst Ray Neidl disagreed. Andrii Yermak said Kyiv would wait.',
      'Australian Lynton Crosby told reporters that Theresa May and John F. Kennedy were his models. Zelensky said no.',
    ].join('\n');
    expect(peopleOf(text)).toEqual(
      expect.arrayContaining(['Steve Witkoff', 'Vladimir Putin', 'Kirill Dmitriev', 'Yuri Ushakov', 'Marco Rubio', 'Pope Leo XIV', 'Peskov', 'Ray Neidl', 'Andrii Yermak', 'Lynton Crosby', 'Theresa May', 'John F. Kennedy', 'Zelensky']),
    );
  });

  it('takes no contraction that opens a sentence for a speaker ("We\'ve said this before", "Don’t expect a deal, Peskov said")', () => {
    const text = ["We've said this before: there is no deal without a ceasefire.", 'We’re not going to give up any land, Zelensky said.', 'Don’t expect a deal this week, Peskov said.'].join('\n');
    expect(extractEntities(text).people.map((p) => p.name)).toEqual(['Zelensky', 'Peskov']);
  });

  it('names a person by the spelling of the surname the text uses most ("Borrel said" once, "Borrell" three times)', () => {
    const text = [
      'The bloc moved its meetings out of Budapest, its top diplomat announced on Monday.',
      'Borrell responded to Orban during a press conference in Brussels.',
      '"European Union policy is not a pro-war policy," Borrel said.',
      'Borrell’s decision comes after Charles Michel hit back at Orbán.',
      'Officials said Borrell would chair the meeting in Brussels instead.',
    ].join('\n');
    expect(peopleOf(text)).toContain('Borrell');
    expect(peopleOf(text)).not.toContain('Borrel');
    // One spelling each, two people: nothing is renamed.
    expect(peopleOf('Adam Rossi met Mark Ross in Rome. Rossi said the talks went well, and Ross agreed.')).toEqual(expect.arrayContaining(['Adam Rossi', 'Mark Ross']));
  });

  it('leaves role words out of a name: "Chief Executive Satya Nadella", "Director of Public Prosecution Eva-Marie Persson"', () => {
    const text = ['Microsoft Chief Executive Satya Nadella said the company would keep its deal.', 'Deputy Director of Public Prosecution Eva-Marie Persson said the case was closed.'].join('\n');
    expect(extractEntities(text).people.map((p) => p.name)).toEqual(['Satya Nadella', 'Eva-Marie Persson']);
    // A full name after a role is a person's even when its words are common ones ("bill", "burns").
    expect(extractEntities('CIA Director Bill Burns said Russia was not serious about the talks.').people.map((p) => p.name)).toEqual(['Bill Burns']);
  });

  it('leaves a two-word country out of the name after "President of …"', () => {
    const people = peopleOf('President of South Africa Cyril Ramaphosa arrived in Kyiv. President of France Emmanuel Macron spoke after him.');
    expect(people).toEqual(expect.arrayContaining(['Cyril Ramaphosa', 'Emmanuel Macron']));
    expect(people.some((p) => p.includes('Africa'))).toBe(false);
  });

  it('tells places and organisations apart, and drops possessives from them', () => {
    const names = findNames(
      'NATO and the EU met in Brussels. Ukraine’s army said fighting near Pokrovsk and in West Germany’s old capital went on; the US and UK agreed. ' +
        'Russia’s foreign ministry said the Russian government would reply. ' +
        'European Commission President Ursula von der Leyen spoke at the Center for Strategic and International Studies and the Bank of England.',
    );
    expect(names.organizations).toEqual(expect.arrayContaining(['NATO', 'EU', 'Ukraine’s army', 'Russia’s foreign ministry', 'Russian government', 'European Commission', 'Center for Strategic and International Studies', 'Bank of England']));
    expect(names.places).toEqual(expect.arrayContaining(['Brussels', 'Ukraine', 'Russia', 'Pokrovsk', 'West Germany', 'US', 'UK']));
    expect(names.people).toEqual(['European Commission President Ursula von der Leyen']);
  });

  it('does not take roles, common words, units or headlines in capitals for names', () => {
    const names = findNames(
      [
        'Bank Cuts Key Rate As Inflation Slows',
        'TREASURY SAYS IT STANDS BY PARIS PACT',
        'The Prince of Wales and the Director of Public Prosecutions met before the General Election.',
        'Officials said the MP left at 10:00 GMT, according to TV reports. Prime Minister’s Questions went ahead. REUTER',
        'Organisers said the final would go ahead; Conservatives said nothing.',
      ].join('\n'),
    );
    expect(names).toEqual({ people: [], places: [], organizations: [] });
  });

  it('finds the people each bundled article names, every name written in the article', () => {
    for (const { name, text } of articles) {
      const found = findNames(text);
      for (const raw of [...found.people, ...found.places, ...found.organizations]) expect(text, name).toContain(raw);
    }
    const seeds = articles.filter((a) => /^\d{3}_/.test(a.name)).map((a) => peopleOf(a.text));
    expect(seeds.flat()).toEqual(expect.arrayContaining(['Donald Trump', 'Vladimir Putin', 'Volodymyr Zelensky', 'Ursula von der Leyen', 'Emmanuel Macron', 'Giorgia Meloni', 'Friedrich Merz', 'Alexander Stubb']));
  });

  it('takes an unknown full name with a Slavic surname for a person, also after the body it heads', () => {
    expect(findNames('Kirill Dmitriev met the envoy in Moscow.').people).toEqual(['Kirill Dmitriev']);
    const headed = findNames('Secretary of the National Security and Defense Council of Ukraine Rustem Umerov held a meeting.');
    expect(headed.people).toEqual(['Rustem Umerov']);
    expect(headed.organizations).toEqual(['Defense Council of Ukraine']);
    expect(findNames('The Verkhovna Rada of Ukraine met in Kyiv.').people).toEqual([]);
  });

  it('keeps at most 200 people from a text that lists hundreds (each one costs a pass over the text)', () => {
    const surname = (i: number) => `Q${[...i.toString(26)].map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('')}ov`;
    const text = Array.from({ length: 500 }, (_, i) => `Mr ${surname(i)} said no.`).join(' ');
    const people = extractEntities(text).people;
    expect(people.length).toBeGreaterThan(0);
    expect(people.length).toBeLessThanOrEqual(200);
  });

  it('never throws, and only returns text the input contains', () => {
    const word = fc.constantFrom('Putin', 'putin', 'The', 'of', 'and', 'U.S.', 'Mr.', 'NATO', 'said', 'in', 'Kyiv’s', 'Prince', 'F.', 'von', ',', '.', '\n', '"', '—');
    fc.assert(
      fc.property(fc.oneof(fc.array(word, { maxLength: 30 }).map((w) => w.join(' ')), fc.string({ maxLength: 80 })), (text) => {
        const found = findNames(text);
        return [...found.people, ...found.places, ...found.organizations].every((raw) => raw.length > 0 && text.includes(raw));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('name lexicon', () => {
  it('is what scripts/name-lexicon.ts builds from the installed compromise (run `npm run lexicon` after an upgrade)', () => {
    const committed = readFileSync(join(import.meta.dirname, '../../src/ingest/name-lexicon.json'), 'utf8');
    expect(committed).toBe(renderNameLexicon(buildNameLexicon()));
    const lexicon = readNameLexicon();
    expect(lexicon.kinds.first).toContain('volodymyr');
    expect(lexicon.kinds.place).toContain('kyiv');
    expect(lexicon.kinds.org).toContain('nato');
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
    expect(countKeyword('a European “reassurance” force', 'reassurance force')).toBe(1);
    expect(countKeyword('İstanbul talks in Istanbul’s palace', 'Istanbul')).toBe(1);
    expect(countKeyword('ceasefires, a ceasefire-ceasefire', 'ceasefire')).toBe(3);
    expect(countKeyword('anything', '')).toBe(countKeyword('anything', ' '));
  });

  it('agrees with a plain global regex search on any text (the fast paths change nothing)', () => {
    const reference = (text: string, keyword: string) => {
      // (A quotation mark may stand at either side of the space between a phrase's words.)
      const body = keyword.trim().split(/\s+/).map(escapeRegExp).join(`["“”‘’']?\\s+["“”‘’']?`);
      return text.match(new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:s|es|['’]s)?(?![\\p{L}\\p{N}])`, 'giu'))?.length ?? 0;
    };
    const chars = ['a', 'e', 's', 'S', 'k', 'K', 'ſ', '\u212A', 'İ', 'i', 'σ', 'ς', 'Σ', '’', "'", '-', ' ', '\n', '5', '.'];
    const text = fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((a) => a.join(''));
    const keyword = fc.constantFrom('a', 'ask', 'Kea', 'sea', 'a s', 'as-a', 'iσ', 'İs', 'ka’', 'e 5', 'ses');
    fc.assert(fc.property(text, keyword, (t, k) => countKeyword(t, k) === reference(t, k) && hasKeyword(t, k) === reference(t, k) > 0), { numRuns: 3000 });
  });
});
