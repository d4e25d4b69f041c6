import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** What the lexicon knows a lower-cased word or phrase to be. `common` is any other English word. */
export const NAME_KINDS = ['first', 'last', 'person', 'place', 'org', 'demonym', 'honorific', 'role', 'common'] as const;
export type NameKind = (typeof NAME_KINDS)[number];

const wordList = z.array(z.string().min(1));
const nameLexiconSchema = z.strictObject({
  source: z.string(),
  kinds: z.strictObject(Object.fromEntries(NAME_KINDS.map((k) => [k, wordList])) as Record<NameKind, typeof wordList>),
  orgHeads: wordList,
  placeHeads: wordList,
  /** First names compromise knows as women's only, and as men's only (what "she" or "he" may stand for). */
  female: wordList,
  male: wordList,
});
/** The word lists of name-lexicon.json (built from compromise by scripts/name-lexicon.ts). */
export type NameLexiconData = z.infer<typeof nameLexiconSchema>;

/**
 * The bundled lexicon, read and checked once. It ships with the code, so a bad file is a packaging error: it
 * throws with zod's account of what is wrong.
 */
export function readNameLexicon(): NameLexiconData {
  const file = new URL('./name-lexicon.json', import.meta.url);
  return nameLexiconSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
