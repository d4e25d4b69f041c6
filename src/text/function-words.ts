/**
 * English function words: articles, pronouns, prepositions, conjunctions, auxiliaries and common adverbs. Prose is
 * about a third to a half function words; headlines, menus, labels and lists of names have few. Boilerplate
 * detectors (jusText's "stopword density") lean on exactly this, so the list holds grammar, not topic words.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above across after afterwards again against all almost alone along already also although always am among amongst an ' +
    'and another any anyhow anyone anything anyway anywhere are around as at be became because become becomes been before ' +
    'beforehand behind being below beside besides between beyond both but by can cannot could did do does doing done down during ' +
    'each either else elsewhere enough even ever every everyone everything everywhere except few for former formerly from further ' +
    'had has have having he hence her here hereafter hereby herein hers herself him himself his how however i if in indeed into is ' +
    'it its itself just latter latterly least less many may me meanwhile might mine more moreover most mostly much must my myself ' +
    'namely neither never nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one only onto or ' +
    'other others otherwise our ours ourselves out over own per perhaps quite rather same several she should since so some somehow ' +
    'someone something sometime sometimes somewhere still such than that the their theirs them themselves then thence there ' +
    'thereafter thereby therefore therein these they this those though through throughout thru thus to together too toward towards ' +
    'under until up upon us very via was we well were what whatever when whence whenever where whereafter whereas whereby wherein ' +
    'whereupon wherever whether which while whither who whoever whole whom whose why will with within without would yet you your ' +
    'yours yourself yourselves it’s it\'s that’s that\'s there’s there\'s don’t don\'t didn’t didn\'t won’t won\'t isn’t isn\'t ' +
    'wasn’t wasn\'t can’t can\'t'
  ).split(/\s+/),
);

/** Share of a line's words that are function words (0 for a line without words). */
export function functionWordDensity(words: readonly string[]): number {
  if (words.length === 0) return 0;
  let n = 0;
  for (const w of words) if (FUNCTION_WORDS.has(w.toLowerCase())) n++;
  return n / words.length;
}
