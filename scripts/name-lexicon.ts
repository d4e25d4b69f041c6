/**
 * Builds `src/ingest/name-lexicon.json`, the word lists the name finder reads (first names, surnames, places,
 * organisations, nationalities, titles, roles, and every other word compromise knows), from the installed
 * compromise package. Run it after upgrading compromise: `npm run lexicon`. A test checks the committed file
 * matches what this builds, so an upgrade cannot change names silently.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import nlp from 'compromise';
import { NAME_KINDS, type NameKind, type NameLexiconData } from '../src/ingest/name-lexicon.js';

/** compromise's tags, strongest first: a word listed as both a city and a first name counts as a place. */
const KIND_OF_TAG: ReadonlyArray<readonly [string, NameKind]> = [
  ['Person', 'person'],
  ['Organization', 'org'],
  ['SportsTeam', 'org'],
  ['Company', 'org'],
  ['Country', 'place'],
  ['City', 'place'],
  ['Region', 'place'],
  ['Place', 'place'],
  ['Demonym', 'demonym'],
  ['Honorific', 'honorific'],
  ['LastName', 'last'],
  ['MaleName', 'first'],
  ['FemaleName', 'first'],
  ['FirstName', 'first'],
  // Roles people are named after: "analyst Ray Neidl", "activist Alexei Navalny".
  ['Actor', 'role'],
];

/** The lexicon as compromise's installed version has it, sorted so the file only changes when the words do. */
export function buildNameLexicon(): NameLexiconData {
  const world = (nlp.world as () => unknown)() as {
    model: { one: { lexicon: Record<string, string | string[]> }; two: { orgWords: Record<string, boolean>; placeWords: Record<string, boolean> } };
  };
  const kinds = Object.fromEntries(NAME_KINDS.map((k) => [k, [] as string[]])) as Record<NameKind, string[]>;
  for (const [word, value] of Object.entries(world.model.one.lexicon)) {
    const tags = Array.isArray(value) ? value : [value];
    // Abbreviations ("st", "rd", "dept") are lexicon entries too; they are never names on their own.
    const kind = tags.includes('Abbreviation') || word.length < 2 ? 'common' : (KIND_OF_TAG.find(([tag]) => tags.includes(tag))?.[1] ?? 'common');
    kinds[kind].push(word);
  }
  for (const list of Object.values(kinds)) list.sort();
  const gendered = (tag: string, other: string) =>
    Object.entries(world.model.one.lexicon)
      .filter(([, value]) => {
        const tags = Array.isArray(value) ? value : [value];
        return tags.includes(tag) && !tags.includes(other);
      })
      .map(([word]) => word)
      .sort();
  return {
    source: `compromise ${(nlp as unknown as { version: string }).version} lexicon (MIT licence, Spencer Kelly and contributors)`,
    kinds,
    orgHeads: Object.keys(world.model.two.orgWords).sort(),
    placeHeads: Object.keys(world.model.two.placeWords).sort(),
    female: gendered('FemaleName', 'MaleName'),
    male: gendered('MaleName', 'FemaleName'),
  };
}

/** The file as written: one list per line, so a diff after an upgrade shows which lists changed. */
export function renderNameLexicon(data: NameLexiconData): string {
  const lines = [
    '{',
    `  "source": ${JSON.stringify(data.source)},`,
    '  "kinds": {',
    ...NAME_KINDS.map((k, i) => `    ${JSON.stringify(k)}: ${JSON.stringify(data.kinds[k])}${i < NAME_KINDS.length - 1 ? ',' : ''}`),
    '  },',
    `  "orgHeads": ${JSON.stringify(data.orgHeads)},`,
    `  "placeHeads": ${JSON.stringify(data.placeHeads)},`,
    `  "female": ${JSON.stringify(data.female)},`,
    `  "male": ${JSON.stringify(data.male)}`,
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = fileURLToPath(new URL('../src/ingest/name-lexicon.json', import.meta.url));
  writeFileSync(file, renderNameLexicon(buildNameLexicon()));
  process.stdout.write(`wrote ${file}\n`);
}
