/**
 * A crude finite-verb test for news sentences, shared by the briefing's line checks and ingestion's title cuts.
 */

/** Words that are verbs in a news sentence whatever their form: auxiliaries, modals, common irregular pasts. */
const VERB_WORDS = new Set(
  (
    'is are was were be been being am has have had having will would shall should can could may might must do does did ' +
    'said says say told tells tell met meet meets spoke speaks speak took takes take made makes make gave gives give held holds hold ' +
    'went goes go came comes come saw sees see left leaves leave sent sends send began begins begin brought brings bring won wins win ' +
    'led leads lead ran runs run set sets put puts cut cuts hit hits got gets get kept keeps keep thought thinks think knew knows know ' +
    'wrote writes write fell falls fall rose rises rise struck strikes strike sought seeks seek stood stands stand felt feels feel ' +
    'found finds find paid pays pay lost loses lose became becomes become grew grows grow drew draws draw flew flies fly withdrew ' +
    'withdraws withdraw agreed agrees agree remains remain remained appears appear appeared seems seem seemed wants want needs need ' +
    'calls call urges urge warns warn plans plan hopes hope vows vow insists insist rejects reject accepts accept offers offer ' +
    'proposes propose demands demand denies deny hosts host visits visit arrives arrive signs sign launches launch adds add confirms confirm ' +
    'announces announce expects expect believes believe says backs back joins join pledges pledge asks ask notes note describes describe ' +
    'according ending ends end continues continue read reads ' +
    // Headline verbs in -s, so a strict test (no guess from the ending) still finds them.
    // (Not those as often plural nouns: reports, claims, signals, talks, names, returns.)
    'slams threatens discusses welcomes praises dismisses blames accuses criticises criticizes suggests admits hails ' +
    'reaffirms reiterates stresses tells meets seeks agrees loses fails refuses outlines unveils reveals responds'
  ).split(' '),
);

const NOT_BEFORE_VERB = new Set('the a an of and or in on at for with to from by its his her their our my your these those some many two three several other more most'.split(' '));
/** After these a verb word is a noun ("his own visit", "the call", "a plan") or an infinitive ("to visit"). */
const NOUN_BEFORE = new Set('the a an its his her their our my your these those some to own'.split(' '));

/**
 * Does the sentence have a finite verb? A caption ("Trump and Zelenskiy at a press conference in Washington.") has
 * none. Crude on purpose: a known verb word, a past form in -ed, or a word in -s right after a name or pronoun.
 */
export function hasFiniteVerb(text: string, opts: { strict?: boolean } = {}): boolean {
  const words = text
    .replace(/[’‘]/g, "'")
    .replace(/[“”"(),;:]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  for (let i = 0; i < words.length; i++) {
    const w = (words[i] as string).toLowerCase().replace(/[.!?]+$/, '').replace(/^'+|'+$/g, '');
    const prev = (words[i - 1] ?? '').toLowerCase();
    if (VERB_WORDS.has(w) && !NOUN_BEFORE.has(prev)) return true;
    if ((/^[a-z]{3,}ed$/.test(w) && !NOUN_BEFORE.has(prev)) || /^[a-z]+n't$/.test(w) || /^[a-z]+'(?:s|re|ve|ll|d)$/.test(w) && /^(?:it|he|she|there|that|what|who|we|they|you|i)'/.test(w)) return true;
    // A word in -s after anything but a determiner or preposition: "diplomacy reflects", "Kremlin rejects".
    // (After a number the word is a plural: "26 nations".)
    // (Not when asked strictly: "Multiple reports in American mainstream media" holds no verb.)
    if (opts.strict !== true && prev !== '' && /^[a-z]{3,}s$/.test(w) && !/ss$|us$|is$/.test(w) && !NOT_BEFORE_VERB.has(prev) && !/^\d/.test(prev)) return true;
  }
  return false;
}
