import { FUNCTION_WORDS } from '../text/function-words.js';
import { hasFiniteVerb } from '../text/finite-verb.js';
import { memoByText } from '../text/memo-by-text.js';
import { featureSet, jaccard } from '../text/similarity.js';
import { isReportingFrame } from '../text/reporting-frame.js';
import { wordKey } from '../text/word-key.js';

/**
 * Whether a text can stand as a line of a briefing: a complete sentence of the body, not a headline, a sub-headline,
 * a caption or page chrome. Returns the reason it cannot, or undefined when it can.
 */
export function lineDefect(text: string, title?: string, titleIsHeadline = true): string | undefined {
  const own = formDefect(text);
  if (own !== undefined) return own;
  if (title !== undefined && titleIsHeadline && (nearlySame(text.trim(), title) || opensWithTitle(text.trim(), title))) return 'the title';
  return undefined;
}

/** "Trump, Putin hold telephonic conversation: US President Donald Trump and…": the headline run into the lead. */
function opensWithTitle(text: string, title: string): boolean {
  const t = title.trim().replace(/[.…]+$/, '');
  if (t.length < 15 || !text.toLowerCase().startsWith(t.toLowerCase())) return false;
  return /^\s*(?::|[—–|]|-\s)/.test(text.slice(t.length));
}

/** Defects of the text alone, by text: the same sentences are checked build after build. */
const formDefect = memoByText(20_000, (text) => checkForm(text.trim()));

function checkForm(t: string): string | undefined {
  if (t.length < 15 || t.split(/\s+/).length < 3) return 'too short';
  if (/…$|\.\.\.$/.test(t)) return 'cut off';
  // A sentence ends in . ! ? or a closing quote or bracket after one ("…," he said.” / "…immediately".).
  if (!/[.!?]["”’»)\]]*$/u.test(t)) return 'no terminal punctuation';
  if (!/^["“‘'(«]?[\p{Lu}\p{N}]/u.test(t)) return 'does not start a sentence';
  if (isTitleCase(t)) return 'title case';
  if (isChrome(t)) return 'page chrome';
  if (isCaption(t)) return 'caption';
  if (GARBLED.test(t)) return 'two sentences run together';
  if (hasKicker(t)) return 'a headline or kicker run into the sentence';
  if (!hasFiniteVerb(t) || relativeClauseOnly(t) || gerundItem(t)) return 'no verb';
  if (isReportingFrame(t)) return 'says a statement was made, not what it said';
  return undefined;
}

/**
 * A headline or label in title case ("Key Takeaways From The Ceasefire Summit."): its grammar words are capitalised.
 * Names are capitalised in prose too, so only function words ("from", "the", "in"…) past the first word count.
 */
export function isTitleCase(text: string): boolean {
  const words = text.replace(/["“”‘’'()[\]]/g, '').split(/\s+/).slice(1).filter((w) => /^\p{L}/u.test(w));
  const grammar = words.filter((w) => FUNCTION_WORDS.has(w.toLowerCase()) && w.toLowerCase() !== 'i');
  if (grammar.length < 2) return false;
  const caps = grammar.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps / grammar.length >= 0.6;
}

/** Page furniture: counters and membership drives, navigation, subscription and share prompts, bare metadata. */
const CHROME =
  /\b(?:\d[\d,.]*\s+out of\s+\d|help us reach|become a (?:member|subscriber|patron)|join (?:\d[\d,]*|our) (?:members|subscribers|readers)|support (?:our|independent) journalism|subscribe (?:to|now|for)|sign up (?:for|to)|newsletter|cookie|read more|click here|share (?:this|on)|follow us|all rights reserved|copyright|©|advertisement|support us|donate|patreon|read in google news|photo gallery)\b/i;
/** A metadata line: "date 2025-04-17 …", "Updated: 12:04", "By … | 3 min read". */
const METADATA = /^(?:date|updated|published|posted)\s*:?\s*\d|\b\d+\s+min(?:ute)?s? read\b/i;

/** Photo captions and credits: "(L)", "Photo shows…", "(Illustrative photo: …)", "… — AFP", "(Getty Images)". */
const CAPTION =
  /\((?:left|right|centre|center|top|bottom|front)\)|\b(?:photo|picture|image)s? (?:shows?|by|credit)\b|^(?:photo|picture|image|illustration|file photo)\s*:|\billustrative (?:photo|image)\b|\bcombination of (?:pictures|photos|images)\b|\((?:[\p{Lu}][\p{L}.]*\s?){1,3}(?:\/\s*[\p{Lu}][\p{L}.]*\s?){0,2}(?:photo|images?)?\)\s*$|[—–-]\s*(?:AFP|Reuters|AP|EPA|Getty Images|Anadolu|TASS|Sputnik|Bloomberg)(?: photo)?\.?\s*$/iu;

export function isCaption(text: string): boolean {
  return CAPTION.test(text) || /\((?:L|R|C)\)/.test(text);
}

/**
 * "Trump, Putin hold telephonic conversation: US President Donald Trump and…", "Exclusive: Russia…": a short line
 * without a reporting verb, a colon, then a whole sentence of its own.
 */
function hasKicker(t: string): boolean {
  const colon = t.indexOf(': ');
  if (colon < 0) return false;
  const head = t.slice(0, colon);
  const rest = t.slice(colon + 2);
  if (head.split(/\s+/).length > 8 || /\b(?:said|says|say|told|tells|added|wrote|writes|stated|declared|announced|according)\b/i.test(head)) return false;
  return /^\p{Lu}/u.test(rest) && rest.split(/\s+/).length >= 8 && hasFiniteVerb(rest);
}

/**
 * "A question that follows the words from the Chinese side.": a noun and its relative clause, the sentence's main verb
 * lost (a garbled source). The words after the relative clause's verb hold no verb of their own.
 */
function relativeClauseOnly(t: string): boolean {
  const m = /^(?:A|An|The|This|That|One)\s+(?:[\p{L}’'-]+\s+){0,3}?(?:that|which|who)\s+\S+\s+(.*)$/u.exec(t);
  return m !== null && !hasFiniteVerb(m[1] as string);
}

/** "…the Crimean Declaration. with the BBC…": a full stop followed by a lower-case word, after a real word. */
const GARBLED = /\b\p{L}\p{Ll}{3,}[.!?]\s+\p{Ll}/u;

/**
 * A plan's verbs in the imperative, opening a point, with their object's determiner after them: no news sentence opens
 * so ("Support for Ukraine has grown" is a noun's).
 */
const IMPERATIVE_POINT =
  /^(?:Accelerate|Achieve|Advance|Bolster|Build|Continue|Coordinate|Deepen|Deliver|Develop|Enhance|Ensure|Establish|Expand|Facilitate|Foster|Improve|Increase|Maintain|Promote|Provide|Pursue|Reinforce|Strengthen|Support|Sustain)\s+(?:the|a|an|its|their|our|Ukraine['’]s)\s/u;

/**
 * Can a sentence be read without the one before it? Not when it opens with a pronoun for a thing or a group ("They
 * will meet again", "It is due next week") or points back with "them" ("Ukraine will receive them next week"): a
 * reminder under "What to watch" stands on its own, away from the article. (A "he"/"she" line stands alone only where its speaker is named.)
 */
export function standsAlone(text: string, speaker?: string, nameless = false): boolean {
  // Quoted speech is the speaker's, who may well say "This is in no way a frozen conflict." A quotation nobody is
  // named for ("“It will be discussed … in Abu Dhabi”") is read as it stands.
  const outside = text.replace(/["“][^"”]*["”]/g, ' ');
  const own = speaker === undefined && !/\p{L}/u.test(outside) ? text.replace(/^["“]/, '') : outside;
  // Away from its article (`nameless`: a "What to watch" item, or a bullet ranked against the window's other facts),
  // "He last met Putin on April 25" names no one. A bullet is only ranked lower for it: the same news with the name
  // usually comes from another outlet; editors auditing ten fresh days struck such lines.
  // A linking adverb before the subject leaves it where it was: "Specifically, they demand …" opens on "they".
  const start = own.trimStart();
  const afterLink = start.replace(/^(?:\p{L}+ly|In addition|Additionally|Also|Moreover|Furthermore|Meanwhile|Similarly|Likewise|Separately|Besides),\s+(?=\p{Ll})/u, '');
  const opening = afterLink === start ? start : capitalFirst(afterLink);
  if (nameless && speaker === undefined && /^(?:He|She)\b/.test(opening)) return false;
  if (/^(?:However|But|Yet|Still|Nevertheless|Nonetheless|Instead|Thus|Therefore|Hence|Consequently)\b/.test(opening)) return false;
  // A plan's point in the imperative ("Accelerate Ukraine's Euro-Atlantic integration, …", "Achieve a just peace …",
  // a fact sheet's list): what the document sets out to do, whose the sentence before says.
  if (speaker === undefined && own === outside && IMPERATIVE_POINT.test(opening)) return false;
  // "Valid ones, not protocols …": the ones are the nouns of the sentence before.
  if (/^(?:[\p{L}-]+\s+)?ones\b/iu.test(opening)) return false;
  // "Russia, on the other hand, constantly rejects such initiatives": the other hand is the sentence before's.
  if (/^(?:[\p{L}'’.-]+\s+){0,3}[\p{L}'’.-]+,\s+(?:on\s+the\s+other\s+hand|by\s+contrast|in\s+contrast|in\s+turn)\b/u.test(opening)) return false;
  // "… a global summit based on these principles": the principles are the sentence before's.
  if (/\b(?:these|those)\s+(?:\p{L}+\s+)?(?:principles|points|proposals|terms|conditions|demands|measures|steps|ideas|issues|documents|provisions)\b/u.test(own)) return false;
  // "The comments came after …", "The remarks follow …": what the sentence before said.
  if (/^(?:The|These|Those|His|Her|Their|Its)\s+(?:comments?|remarks?|statements?|words)\s+(?:came|comes|follows?|followed)\b/.test(opening)) return false;
  // "Lavrov listened to him in the audience": "him" is never the clause's own subject, so with no one else named
  // before it, it is someone from the sentence before.
  const him = /\bhim\b/.exec(own);
  if (him && namesIn(own.slice(0, him.index)) <= 1) return false;
  return !/^(?:They|It|This|These|Those|That)\b(?!\s+(?:is|was)\s+(?:not\s+)?(?:expected|unclear|likely|possible|understood|reported)\b)/.test(opening) && !/\bthem\b/.test(own);
}

function capitalFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Names in a text: runs of capitalised words, less an opening grammar word ("The", "In") on its own. */
function namesIn(text: string): number {
  const runs = text.trimStart().match(/(?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*)*/gu) ?? [];
  const first = runs[0];
  const grammar = first !== undefined && text.trimStart().startsWith(first) && FUNCTION_WORDS.has(first.toLowerCase());
  return runs.length - (grammar ? 1 : 0);
}

export function isChrome(text: string): boolean {
  return chromeByText(text);
}

/** By text: titles and facts come back build after build. */
const chromeByText = memoByText(20_000, checkChrome);

function checkChrome(text: string): boolean {
  if (CHROME.test(text) || METADATA.test(text) || /https?:\/\/|\bwww\.\w/i.test(text)) return true;
  // Mostly digits and separators: a counter, a date line, a ticker.
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const digits = (text.match(/\p{N}/gu) ?? []).length;
  return letters < 12 || digits > letters;
}

/**
 * The title repeated as a sentence: the same words (case and punctuation aside), or the same opening words and
 * nearly the same word set (a headline that leaked into the body with a full stop added).
 */
export function nearlySame(text: string, title: string): boolean {
  const a = wordKey(text);
  const b = wordKey(title.replace(/…$/, ''));
  if (a === b) return true;
  if (a.length > b.length * 1.3 + 10) return false;
  const opening = (s: string) => s.split(' ').slice(0, 4).join(' ');
  return opening(a) === opening(b) && jaccard(featureSet(text), featureSet(title)) >= 0.8;
}

/**
 * An item of a list printed as a line of its own, opening on a gerund with no verb of its own after it ("Restoring
 * Ukraine's territorial integrity and Russia reaffirming it according to the UN Charter."): checked strictly, since
 * the loose test takes plurals for verbs ("… of all prisoners") and "according to" for one.
 */
function gerundItem(t: string): boolean {
  // (Dashes part words: "… Ulf Kristersson—agreed on …".)
  return /^\p{Lu}\p{Ll}+ing\s/u.test(t) && !hasFiniteVerb(t.replace(/\baccording to\b/gi, ' ').replace(/[—–]/g, ' '), { strict: true });
}
