import { runOnHeadingLength } from './run-on-heading.js';
import { hasFiniteVerb } from '../text/finite-verb.js';
import { COMMENTARY } from '../text/commentary.js';
import { lexiconKind } from './name-finder.js';
import type { Fact, Story } from '../records/schema.js';
import { watchOf, personMentions, type Entities } from './entities.js';
import { FUNCTION_WORDS, functionWordDensity } from '../text/function-words.js';
import { TERMINATED, letterCounts } from './boilerplate.js';
import { CALL_TO_ACTION, CREDIT_SENTENCE, EDITORIAL_NOTE, META_SENTENCE, PICTURE_PLACED, isChromeLine } from './chrome-phrases.js';
import { featuresOf } from '../text/similarity.js';
import { MONTH_NAME } from '../text/months.js';
import { sideOfName } from '../briefing/sides.js';
import { commaInList, cutAtWord, headlineAtPhrase, leavesClause } from '../text/clause-end.js';
import { askedOfSide, hasKeyword, questionTags } from './keywords.js';
import { aboutAnotherStory } from '../records/other-story.js';
import type { Attribution } from './quotes.js';
import type { Sentence } from './sentences.js';
import { wordKey } from '../text/word-key.js';
import { collapseSpaces } from '../text/spaces.js';
import { openQuotations } from '../text/quotation.js';

/**
 * At most this many facts per article. Measured over 131 samples (the eight of whole articles, 50 pages, hold nearly all
 * the longer ones): 16 kept 86 % of the whole articles' key terms in facts, 24 keeps 92.5 % (13,532 → 13,564 over all,
 * speakers right 6,643 → 6,714, two more pairs merged, no more chrome once a wire report's credits, a news quiz and a
 * menu printed twice end or leave the article); 32 kept seven key terms more but brought page tails in (a cookie
 * notice, other stories' titles: chrome 49 → 53) and lost two pairs.
 */
export const MAX_FACTS = 24;
/** Fact text limit of the record schema. */
export const MAX_FACT_CHARS = 400;

/** Verbs that mark a change of position (a proposal, an agreement, a refusal). */
export const CHANGE_VERB =
  /\b(?:agree[sd]?|agreeing|propos(?:e|es|ed|ing)|offer(?:s|ed|ing)?|accept(?:s|ed|ing)?|reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|sign(?:s|ed)|withdr(?:ew|awn|aws)|conced(?:e|es|ed)|announc(?:e|es|ed)|endors(?:e|es|ed)|back(?:s|ed) (?:a|the)|approv(?:e|es|ed)|ready to|willing to|prepared to)\b/i;

/** Forward-looking phrasing: something is expected, proposed or scheduled. */
export const WATCH_PHRASE =
  /\b(?:within (?:days|hours|weeks|a week)|in the (?:coming|next) (?:days|weeks|hours)|next (?:week|month)|tomorrow|later this (?:week|month)|(?:is|are|was|were) (?:expected|scheduled|due|set|planned) to|will (?:meet|hold|travel|visit|host|sign|announce|begin|start|resume|take place|be held)|could (?:also )?be (?:announced|held|hosted|signed|agreed)|(?:propos(?:ed|ing|es)|call(?:ed|ing)? for) (?:a|an) (?:[\w-]+ ){0,3}(?:meeting|summit|talks|ceasefire|truce|swap|exchange)|plans? to|set to|(?:ready|prepared|willing) for (?:a |the )?(?:new|next|second|third|fourth|fifth|another) (?:round|meeting)|hop(?:es|ed|ing) to (?:speak|meet|talk|hold|sign|visit)|(?:wants?|would like|intends?) to (?:meet|speak|talk|hold talks|visit)|as soon as (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|next week|tomorrow))\b/i;

/**
 * What stands before "plan(s) to" when it is a noun: a determiner or possessive, then up to three modifiers, none a
 * verb in the past ("The Kremlin announced plans to" is a verb's object: plans announced look ahead); a participle
 * right after the determiner is a modifier ("no finalised plan to speak of", "a revised plan to").
 */
const PLAN_AS_NOUN = /\b(?:a|an|the|this|that|these|those|its|his|her|their|our|your|any|no|new|\p{L}+['’]s)\s+(?:\p{L}+ed\s+)?(?:(?!\p{L}+ed\s)[\p{L}\d-]+\s+){0,3}$/iu;

/**
 * Is the sentence about something still to come? A plan told in the past inside a time clause ("an hour before it
 * was due to take effect, sirens rang out") is history.
 */
export function looksAhead(text: string): boolean {
  const m = WATCH_PHRASE.exec(text);
  if (!m) return false;
  // "plan to" as a noun ("a US-led draft plan to end the war", "Russia's plans to seize") names a plan, not something
  // due to happen; as a verb ("Trump plans to call Putin") it looks ahead.
  if (/^plans?\s+to$/i.test(m[0]) && PLAN_AS_NOUN.test(text.slice(0, m.index))) return looksAhead(text.slice(m.index + m[0].length));
  if (/^(?:was|were)\s/i.test(m[0]) && /\b(?:before|after|when|than|since|until)\b[^.;]{0,40}$/i.test(text.slice(0, m.index))) return WATCH_PHRASE.test(text.slice(m.index + m[0].length));
  // A plan told in the past perfect is one that was dropped or overtaken ("Kyiv had said there had been a tentative
  // plan to hold talks in Abu Dhabi this week").
  if (/\bhad\s+(?:been|said|planned|hoped|intended|expected|announced|agreed)\b/i.test(text.slice(0, m.index))) return false;
  // So is the phrase itself in the past perfect ("The last time that the Russian government had called for a
  // ceasefire … was in January 2023"), and "even tomorrow" said to make a point, not a date ("Russia can start
  // negotiations with us even tomorrow, if they leave our territories").
  if (/\bhad\s+$/i.test(text.slice(0, m.index)) || (/^tomorrow$/i.test(m[0]) && /\beven\s+$/i.test(text.slice(0, m.index)))) return WATCH_PHRASE.test(text.slice(m.index + m[0].length));
  return true;
}

const REPORTING = /\b(?:said|says|told|confirmed|announced|stated|added|noted|warned|insisted|declared|according to)\b/i;
interface Scored {
  index: number;
  score: number;
  tags: string[];
}

/** Words that make "… : " a clause of its own rather than a label. */
const LABEL_NOT_VERB =
  '(?:said|says|say|told|tells|added|adds|wrote|writes|stated|states|noted|notes|asked|asks|read|reads|declared|declares|announced|announces|explained|explains|continued|replied|posted|tweeted|is|was|are|were|be|been|has|have|had|will|would)';

/** A month as datelines write it, any letters after its first three ("Feb.", "Sept", "February"): pattern source. */
const DATELINE_MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\p{L}*`;

/**
 * "KYIV, Ukraine (AP) — ", "MOSCOW, June 1 (Reuters) - ", "BEIRUT/THE HAGUE, March 7 (Reuters) - ", "WASHINGTON — ",
 * "Moscow, 19 May 2025 (dpa/MIA) - ": a
 * place (in capitals, or in title case when a date or an agency follows), optional region or date, agency, a dash.
 */
export const DATELINE = new RegExp(
  [
    // "14:35 ": a live blog's time stamp before an entry.
    String.raw`\d{1,2}[:.]\d{2}\s+(?=\p{Lu})`,
    // "KIEV, Feb. 26– ": a place in capitals and a date, the dash glued to the date.
    String.raw`\p{Lu}{2,}[\p{Lu} .'’-]{0,30},\s*${DATELINE_MONTH}\.?\s+\d{1,2}\s*[—–-]{1,2}\s*(?=\p{Lu})`,
    // "28th May 2023 – (Beijing) ": a date, a dash and the place in brackets.
    String.raw`\d{1,2}(?:st|nd|rd|th)?\s+${DATELINE_MONTH}\.?,?\s+\d{4}\s*[—–-]{1,2}\s*\(\p{Lu}[\p{L} .'’-]{1,30}\)\s+`,
    // "Washington, Dec 15 (IANS) ": a place, a date and an agency in brackets, no dash; and with the agency first and its
    // reporters in the brackets: "China News Agency, Moscow, May 28 (Zhang Yuchen and Tian Bing) ".
    // (EFE closes its agency with ".-": "Ankara, Jul 8 (EFE).- ".)
    String.raw`(?:\p{Lu}[\p{L} .'’-]{1,30},\s*)?\p{Lu}[\p{L} .'’-]{1,30},\s*${DATELINE_MONTH}\.?\s+\d{1,2}\s*\(\p{Lu}[\p{L}/&. -]{1,24}(?:\s+and\s+\p{Lu}[\p{L} .-]{1,24})?\)(?:\.-)?\s*(?=[\p{Lu}"“«‘])`,
    // "Moscow [Russia], September 10: ", "New Delhi [India], May 5 (ANI): ": ANI's place with its country in square
    // brackets, its day, maybe the agency, then a colon or a dash.
    String.raw`\p{Lu}[\p{L} .'’-]{1,30}\s*\[\p{Lu}[\p{L} .'’-]{1,30}\],\s*${DATELINE_MONTH}\.?\s+\d{1,2}(?:\s*\(\p{Lu}[\p{L}/&. -]{1,24}\))?\s*(?::|[—–-]{1,2})\s+(?=[\p{Lu}"“«‘])`,
    // "MOSCOW, July 16 ": a place in capitals and its day, nothing between them and the news.
    String.raw`\p{Lu}{2,}[\p{Lu} .'’-]{0,30},\s*${DATELINE_MONTH}\.?\s+\d{1,2}\s+(?=\p{Lu}\p{Ll})`,
    // "STEPANAKERT, JUNE 8, ARTSAKHPRESS: ": a place, its day and the agency, all in capitals, set off by a colon.
    String.raw`\p{Lu}{2,}[\p{Lu} .'’-]{0,30},\s*(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\p{Lu}*\.?\s+\d{1,2},\s*\p{Lu}[\p{Lu}\p{N} .&-]{1,30}:\s+(?=[\p{Lu}"“«‘])`,
    // "WASHINGTON, Dec 2: ", "Washington, Nov 23: ": the same set off by a colon.
    String.raw`(?:\p{Lu}{2,}[\p{Lu} .'’-]{0,30}|\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){0,2}),\s*${DATELINE_MONTH}\.?\s+\d{1,2}:\s+(?=[\p{Lu}"“«‘])`,
    // "SpaceWar.com reports: ": a re-publisher crediting the site it copies, by its address.
    String.raw`\p{Lu}[\p{L}\d-]{1,30}\.(?:com|net|org|info|news|co\.uk)\s+(?:reports|writes|says|reported|wrote):\s+(?=[\p{Lu}"“«‘])`,
    // "March 29, 2022 (EIRNS)—", "June 26 (Interfax) - ": a date and an agency (and a year printed twice, as pages do).
    String.raw`${DATELINE_MONTH}\.?\s+\d{1,2}(?:,?\s+\d{4}){0,2}\s*\([\p{L}\p{N} .&/-]{1,30}\)\s*[—–-]{1,2}\s*`,
    // "CaliToday (08/10/2025): ": a site's name and its day in figures in brackets.
    String.raw`\p{Lu}[\p{L}\p{N}.'’-]{1,30}(?:\s\p{Lu}[\p{L}\p{N}.'’-]*){0,2}\s*\(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\)\s*[:—–-]{1,2}\s+(?=[\p{Lu}"“])`,
    // "Hind Al Soulia - Riyadh - ": a re-publisher's byline, the writer's name and the place, each set off by a hyphen.
    String.raw`\p{Lu}[\p{L}'’.]+(?:\s+\p{Lu}[\p{L}'’.]+){1,3}\s+-\s+\p{Lu}[\p{L}'’.]+(?:\s+\p{Lu}[\p{L}'’.]+){0,2}\s+-\s+(?=\p{Lu})`,
    // "20-05-2023 : ", "14-2-2024 (MOSCOW) ": a day in figures set off by a colon, or with the place in brackets after it.
    String.raw`\d{1,2}[-./]\d{1,2}[-./]\d{4}\s*(?::\s+|\(\p{Lu}[\p{L} .'’-]{1,30}\)\s+)(?=\p{Lu})`,
    // "Brussels 28.02.2022 ": a place and a day in figures, no dash.
    String.raw`\p{Lu}[\p{L} .'’-]{1,30},?\s+\d{1,2}[./]\d{1,2}[./]\d{2,4}\s+(?=\p{Lu})`,
    // "Moscow, (APP - UrduPoint / Pakistan Point News - 14th Jun, 2024) ": a place, then its agency and day in brackets.
    String.raw`\p{Lu}[\p{L} .'’-]{1,30},?\s*\([^()]{2,80}\d{4}\)\s+(?=\p{Lu})`,
    // "Moscow, (Samajweekly) ": a place, a comma and the outlet in brackets, no dash.
    String.raw`\p{Lu}[\p{L} .'’-]{1,30},\s*\(\p{Lu}[\p{L}\p{N} .&/-]{1,30}\)\s+(?=[\p{Lu}"“])`,
    // "WASHINGTON, D.C. | Xinhua | ": a place in capitals and the agency, each closed by a bar.
    String.raw`\p{Lu}{2,}[\p{Lu} .,'’-]{0,30}\s+\|\s+\p{Lu}[\p{L}/&. -]{1,24}\s+\|\s+(?=[\p{Lu}"“«‘])`,
    // "Ta’Qali (Malta) (AFP) - ": a place, its country in brackets, the agency in brackets, a dash.
    String.raw`\p{Lu}[\p{L}’'.-]+(?:\s\p{Lu}[\p{L}’'.-]+)?\s*\(\p{Lu}[\p{L} .'’-]{1,30}\)\s*\(\p{Lu}[\p{L}/&. -]{1,24}\)\s*[—–-]{1,2}\s*(?=[\p{Lu}"“«‘])`,
    // "Reuters, ABU DHABI, ": the agency, then the place in capitals, each closed by a comma.
    String.raw`(?:Reuters|AFP|AP|TASS|Xinhua|Bloomberg|Anadolu|IANS|PTI|ANI|dpa|EFE|Interfax|Ukrinform|UNIAN),\s+\p{Lu}{2,}[\p{Lu} .'’-]{0,30},\s+(?=[\p{Lu}"“«‘])`,
    // "[EUROPE] ": a section's label in capitals in square brackets.
    String.raw`\[\p{Lu}{2,}[\p{Lu} &/-]{0,30}\]\s+(?=[\p{Lu}"“«‘])`,
    // "(MENAFN) ", "(AP) — ": an agency in brackets.
    String.raw`\((?:\p{Lu}[\p{L}/&. -]{1,24})\)\s*(?:[—–-]{1,2}\s*)?`,
    // "Washington/London/Paris — ".
    String.raw`\p{Lu}[\p{L}.'’-]+(?:\/\p{Lu}[\p{L}.'’-]+)+\s+[—–-]{1,2}\s+`,
    // A site's name as the dateline, a word no person or place is spelt like (figures in it, or a capital inside):
    // "M10news — ", "KyivPost — ". (Not "McCain — ".)
    String.raw`(?!Ma?c\p{Lu})(?=[\p{L}\d.]*(?:\d|\p{Ll}\p{Lu}))\p{Lu}[\p{L}\d.]{2,23}\s+[—–]\s+(?=[\p{Lu}"“])`,
    // "KYIV, Ukraine (AP) — ", "MOSCOW, June 1 (Reuters) - ", "WASHINGTON — ", "LONDON (February 24, 2023) — ".
    String.raw`\p{Lu}[\p{Lu} .'’/-]{1,30}(?:,\s*[\p{L}\p{N} .,]{2,30})?(?:\s*\([\p{L}\p{N} .,&/-]{1,30}\))?\s+[—–-]{1,2}\s+`,
    // A place or a site's name in capitals with the dash glued to it: "ALBAWABA- Ukrainian President …", "KYIV– …".
    String.raw`\p{Lu}{3,}[\p{Lu}.'’]*[—–-]{1,2}\s+(?=[\p{Lu}"“])`,
    // The same with the agency and the dash glued to the news: "MOSCOW (Reuters) -The Kremlin said …", "VATICAN CITY
    // (CNS)—Moscow is not …".
    String.raw`\p{Lu}{2,}[\p{Lu} .'’/-]{0,30}\s*\([\p{L} .&/-]{2,30}\)\s*[—–-]{1,2}(?=\p{Lu})`,
    // "Moscow, 19 May 2025 (dpa/MIA) - ", "Kyiv/Moscow, 18 May 2022 (dpa/MIA) — ", "Kyiv (Reuters) - ".
    String.raw`\p{Lu}[\p{L} .'’/-]{1,30},\s*[\p{L}\p{N} .,]{2,30}?\d[\p{L}\p{N} .,]{0,20}?(?:\s*\([\p{L}\p{N} .&/-]{1,30}\))?\s+[—–-]{1,2}\s+`,
    String.raw`\p{Lu}[\p{L} .'’-]{1,30}\s*\([\p{L}\p{N} .&/-]{1,30}\)\s+[—–-]{1,2}\s+`,
    // "Kyiv, Ukraine (AP) — ": a place in title case and its country or state, then the agency and a dash.
    String.raw`\p{Lu}[\p{L} .'’-]{1,30},\s*\p{Lu}[\p{L} .]{1,24}\s*\(\p{Lu}[\p{L}\p{N} .&/-]{0,29}\)\s+[—–-]{1,2}\s+`,
    // "WASHINGTON: ", "MOSCOW/WHITE HOUSE: ", "KYIV, Ukraine: ", "Alaska ∙ ": a place set off by a colon (in capitals,
    // a region after it in any case) or a bullet.
    String.raw`\p{Lu}{2,}[\p{Lu} .'’/-]{0,28}(?:,\s*\p{Lu}[\p{L} .]{1,24})?:\s+`,
    // "LONDON / GENEVA — ", "PARIS and KYIV — ": places in capitals joined by a slash or "and".
    String.raw`\p{Lu}{2,}(?:(?:\s*\/\s*|\s+and\s+|\s*&\s*)\p{Lu}{2,}[\p{Lu} .'’-]{0,20})+(?:,\s*\p{Lu}[\p{L} .]{1,24})?\s*[—–-]{1,2}(?:\s+|$)`,
    String.raw`\p{Lu}[\p{L} .'’-]{1,30}\s+[∙·•|]\s+`,
    // A desk's name before the news: "Rokna Political Desk: ", "World News Desk – ".
    String.raw`(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}(?:News|Political|Politics|Foreign|World|International|Economy|Economic|Business|Diplomatic)\s+Desk\s*[:–—-]\s+`,
    // A label before the news: "Details: ", "Background: ", and glued as flattened pages print it: "Details:In …".
    String.raw`(?:Details|Background|Reminder|Context|Recap|Quote|Update)\s*:(?:\s+|(?=[\p{Lu}"“«‘]))`,
    // A newsletter-style lead-in of two to four common words: "Driving the news: ", "The big picture: ", "Yes, but: ". Not
    // a speaker's ("He said: ", "The statement read: "), nor a clause ("The reason is simple: ").
    String.raw`(?!(?:He|She|They|We|I|It|You|This|That)\b)\p{Lu}[\p{Ll}'’]+(?:,?\s+(?!${LABEL_NOT_VERB}\b)[\p{Ll}'’]+){1,3}:\s+(?=[\p{Lu}"“«‘])`,
  ]
    .map((p) => `(?:${p})`)
    .join('|')
    .replace(/^/, '^(?:')
    .concat(')'),
  'u',
);

/**
 * The length of a sentence's dateline or lead-in label (0 when it has none). Every form has a dash, a colon, a
 * bracket (round or square), a slash, a bullet or a day in figures within its first words, or opens on a place in capitals and its day
 * ("MOSCOW, July 16 ") or on a word and a place in capitals ("Reuters, ABU DHABI, "): a sentence without one there is not tried.
 */
export function datelineLength(text: string): number {
  if (!/[—–\-:∙·•|()/[]|\d\.\d|^\p{Lu}{2,}[\p{Lu} ]*,\s*\p{Lu}\p{Ll}+\.?\s+\d|^\p{L}+,\s+\p{Lu}{2,}/u.test(text.slice(0, 72))) return 0;
  const place = placeDatelineLength(text);
  // The day may follow the place: "Berlin, Germany – December 15, 2025: Ukrainian President …".
  const length = place + (DATE_LEAD.exec(text.slice(place))?.[0].length ?? 0);
  // And the outlet may follow the dateline, set off by a colon: "Paris, December 8, 2024 – The Europe Today: French …".
  return length === 0 ? 0 : length + (OUTLET_CREDIT.exec(text.slice(length))?.[0].length ?? 0);
}

/**
 * What comes before a fact's first word on the page's line: a dateline ({@link datelineLength}), else a sub-heading run
 * into the sentence ({@link runOnHeadingLength}).
 */
export function leadInLength(text: string): number {
  return datelineLength(text) || runOnHeadingLength(text) || (EMPTY_ATTRIBUTION.exec(text)?.[0].length ?? 0);
}

/**
 * A re-poster's opening that attributes the news to no one ("According to new developments, President Volodymyr
 * Zelensky returned to the White House …", "It has been recently reported that Ukrainian President …", "Experts
 * revealed that …"): the page's formula, set before a copy of another outlet's sentence. The fact is the sentence after
 * it, cited to the page as every fact is; an attribution to someone ("According to Reuters,", "Sources said that") stays.
 * Only before a capital: "It has been reported that the talks …" would leave no sentence.
 */
const EMPTY_ATTRIBUTION =
  /^(?:According to (?:the )?(?:new|latest|recent|fresh|current|emerging) (?:developments|reports|updates|information|news)\s*,\s+|It (?:has|had) (?:recently |now |just |also )?been (?:recently |widely |now )?(?:reported|revealed|learned|learnt|disclosed)(?: recently)? that\s+|It is (?:being |now )?reported that\s+|Experts (?:have )?(?:revealed|disclosed) that\s+)(?=\p{Lu})/u;

/** An outlet's name and a colon: a few capitalised words ending on a word papers and channels are named with. */
const OUTLET_CREDIT =
  /^(?:(?:The\s+)?(?:\p{Lu}[\p{L}&.'’-]*\s+){0,3}(?:News|Today|Times|Post|Press|Agency|Herald|Tribune|Journal|Daily|Wire|Telegraph|Gazette|Observer|Express|Chronicle|Mail|Media|Network|Insider|Monitor|Online|TV|Radio)):\s+(?=\p{Lu})/u;

/** A day written out, set off by a colon or a dash, opening what is left of a dateline: "December 15, 2025: ". */
const DATE_LEAD = new RegExp(
  String.raw`^(?:${MONTH_NAME}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+${MONTH_NAME}\.?,?\s+\d{4})(?::\s+|\s+[—–]\s+|\s+-{1,2}\s+)(?=[\p{Lu}"“«‘])`,
  'u',
);

function placeDatelineLength(text: string): number {
  const dateline = DATELINE.exec(text);
  // "RIYADH, Saudi Arabia — (AP) — …": a place and then the agency, each set off by its dash.
  if (dateline) return dateline[0].length + (DATELINE.exec(text.slice(dateline[0].length))?.[0].length ?? 0);
  // A place in title case, set off by a colon or a dash ("Jeddah: ", "Washington DC: ", "Washington D.C. – ", "Anchorage (Alaska): ",
  // "Anchorage, Alaska: ", "Vilnius – "), only when the lexicon knows the word for a place: "Zelensky: …" or
  // "Russia – which …" are no datelines.
  const place = TITLE_CASE_DATELINE.exec(text);
  if (!place) return 0;
  // "New Delhi: ", "Abu Dhabi – ": the lexicon knows the two words together.
  const two = /^\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u.exec(place[0])?.[0].toLowerCase();
  return lexiconKind(place[1] ?? '') === 'place' || (two !== undefined && lexiconKind(two) === 'place') ? place[0].length : 0;
}

const TITLE_CASE_DATELINE = /^(\p{Lu}\p{Ll}+)(?:\s+(?:\p{Lu}\p{Ll}+|\p{Lu}{2,3}|D\.C\.))?(?:\s*\(\p{Lu}[\p{L} .]{1,30}\)|,\s*(?:\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2}|\p{Lu}{2}|D\.C\.))?(?::\s+|\s+[—–]\s+|\s+-{1,2}\s+)(?=[\p{Lu}"“«‘])/u;

/**
 * Punctuation after a space following a grammar word ("the grinding war that ."), or an article right before a
 * preposition ("negotiating a in Eastern Europe"): words a page lost with its links. A page that sets a space before
 * its stops ("…, Bloomberg reported .") has lost nothing.
 */
const LINK_HOLE = /\b(?:[Aa]n?|[Tt]he) (?:in|on|at|of|to|with|for|by|from|and|or|that|which)\s/u;
/** A word right before a stop set off by a space ("war that ."): a hole when it is a grammar word. */
const SPACED_STOP = /(?<!\p{L})(\p{L}+)\s[.,;:](?=\s|$)/gu;
const HOLE_WORDS = new Set('that which who a an the of to in on at for with by from and or as about than its his her their our this these those'.split(' '));

function linkHole(t: string): boolean {
  if (LINK_HOLE.test(t)) return true;
  if (!/\s[.,;:]/.test(t)) return false;
  for (const m of t.matchAll(SPACED_STOP)) if (HOLE_WORDS.has((m[1] ?? '').toLowerCase())) return true;
  return false;
}
/** A title abbreviation that stands before a name, never at a sentence's end. */
const TITLE_AT_END = /(?:^|[\s(])(?:Lt|Gen|Col|Sgt|Maj|Capt|Adm|Cmdr|Gov|Sen|Rep|Mr|Mrs|Ms|Dr|Prof|Rev|Hon|Pres|Amb)\.$/;

/**
 * A complete sentence of prose that can stand as a fact: it ends like a sentence (not with "…", a colon or in the
 * middle of a clause, as a cut-off last line does), starts like one, has a few words and some grammar, is not in
 * capitals, and is not the article's own headline repeated.
 */
export function completeSentence(text: string, headline?: string): boolean {
  return completeSentenceCheck(headline)(text);
}

/** Words up to which a sentence without a finite verb is a title, not a fact. */
const SHORT_FRAGMENT_WORDS = 8;
/** A pronoun's clause, whose verb the finite-verb test may not know ("We respect …"). */
const PRONOUN_OPENING = /^(?:I|We|You|They|He|She|It|This|That|These|Those)\s/;

/** Words after the headline's that go on with its clause (in lower case) and say more: four or more. */
function goesOn(words: readonly string[], headlineWords: number): boolean {
  const rest = words.slice(headlineWords);
  return rest.length >= 4 && /^\p{Ll}/u.test(rest[0] ?? '');
}

/** {@link completeSentence} for many sentences of one article: the headline is normalised once. */
export function completeSentenceCheck(headline?: string): (text: string) => boolean {
  const h = headline ? wordKey(headline) : '';
  const headlineWordCount = h.split(' ').length;
  const checkHeadline = headlineWordCount >= 4;
  return (text) => {
    const t = text.slice(leadInLength(text)).trim();
    // A question is a heading or a reader's prompt, not something that happened: "Will Moscow return the children?"
    if (!TERMINATED.test(t) || /\.\.\.["”’']?$/.test(t) || /\?["”’'»)\]]*$/.test(t)) return false;
    // Cut off before a name: "…, Sergeant Major Michael Weimer, and Lt." ends with a title's stop, not a sentence's.
    if (TITLE_AT_END.test(t)) return false;
    // A hole where a link's text was lost: "… the grinding war that .", "negotiating a in Eastern Europe".
    if (linkHole(t)) return false;
    if (!/^["“‘'(«\[]?[\p{Lu}\p{N}]/u.test(t)) return false;
    const words = t.split(/\s+/);
    if (words.length < 6) return false;
    // A short line without a verb is a teaser's or a section's title ("Understanding the conflict three years on."),
    // not something that happened. (Not a quotation or a pronoun's clause: "We respect the territory which we control.")
    if (words.length <= SHORT_FRAGMENT_WORDS && !/["“”‘’«»]/.test(t) && !PRONOUN_OPENING.test(t) && !hasFiniteVerb(t)) return false;
    const { letters, upper } = letterCounts(t);
    if (letters > 0 && upper / letters > 0.6) return false;
    if (functionWordDensity(words) < 0.1) return false;
    // The headline again, or run on into a caption ("… a fait accompli US President Donald Trump and …").
    // A sentence that goes on with the headline's clause and says more ("… its eastern Donbas region which Moscow does
    // not control, an idea Zelensky has repeatedly rejected"): the headline was a summary cut from it, the sentence stays.
    if (checkHeadline && t.length >= h.length && wordKey(t.slice(0, h.length + 40)).startsWith(h) && !goesOn(words, headlineWordCount)) return false;
    // A sentence about the page, a prompt or a note inside a paragraph of prose.
    if (META_SENTENCE.test(t) || EDITORIAL_NOTE.test(t) || CREDIT_SENTENCE.test(t) || PICTURE_PLACED.test(t) || (CALL_TO_ACTION.test(t) && !/^["“‘]/.test(t))) return false;
    // A prompt or plug run into a paragraph, as a page flattened to text prints it: "(Click through the gallery for the
    // photo).", "Get the inside scoop … with our FREE daily newsletter, …".
    const bare = t.replace(/^\((.*)\)\.?$/, '$1');
    if (!/^["“‘]/.test(t) && t.length <= 250 && (isChromeLine(bare) || (bare !== t && CALL_TO_ACTION.test(bare)))) return false;
    return true;
  };
}

/** Where a clause ends inside a sentence: a comma, semicolon, colon or dash, or before a conjunction. */
const CLAUSE_BREAK =
  /[,;:](?=\s)|\s[—–-]\s|(?<=[A-Za-z])—(?=[A-Za-z])|\s(?=(?:but|while|after|before|because|although|though|which|amid|despite|following|prompting|saying|adding|according to|as part of|in a bid|in an effort|ahead of)\s)/g;

/** A leading aside that is not the news: "According to Russian media, …", "On Tuesday, …", "On February 28th, 2025, …". */
const LEAD_ASIDE = new RegExp(
  String.raw`^(?:According to [^,]{2,60}|On \p{L}+day(?:, (?:${MONTH_NAME}\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? ${MONTH_NAME})(?:,? \d{4})?)?|On (?:${MONTH_NAME}\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? ${MONTH_NAME})(?:,? \d{4})?|In (?:a|an|his|her|their|the)\s+(?:[\p{L}-]+\s+){0,3}(?:statement|post|video|speech|interview|address|message|remarks|briefing|call)[^,]{0,60}|Speaking [^,]{2,60}|Meanwhile|However|Earlier(?: on)? \p{L}+),\s+(?=\p{L})`,
  'u',
);

/**
 * A headline made from a lead sentence when the article has none: the sentence without its dateline and final stop,
 * cut at the last clause boundary that keeps it within `max` characters (a word boundary when there is none).
 */
export function leadTitle(text: string, max = 120): string {
  let t = text
    .slice(leadInLength(text))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!]["”’']?$/, (m) => (m.length > 1 ? m.slice(1) : ''))
    // A link a flattened page kept in brackets ("issued a [https://x.com/…] readout") is no word of the headline.
    .replace(/\s*\[https?:\/\/[^\]\s]+\]/g, '');
  // "Trump, Putin hold telephonic conversation: US President Donald Trump and …": a headline run into its lead.
  const colon = /^([^:“”"]{15,100}?):\s/.exec(t);
  if (colon && !/\b(?:said|says|told|wrote|added|stated|announced|according to)$/i.test(colon[1] ?? '') && (colon[1] ?? '').split(' ').length >= 3) return colon[1] ?? t;
  // A leading aside is not the news: "According to Russian media, …", "On Tuesday, …", "In a statement, …".
  const aside = LEAD_ASIDE.exec(t);
  if (aside && t.length > max) t = t.slice(aside[0].length).replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  // An opening phrase before the clause ("After a two-hour call between …, both sides now say …"): the clause is the
  // headline when the sentence is too long to be one.
  // ("Following discussions in Jeddah, Saudi Arabia, …": a place's region belongs to the phrase.)
  const opening = /^(?:After|Following|Amid|Despite|During|With|As|While|Ahead of|Days|Hours|Weeks|A day|Two days|In (?:a|an|the|his|her|their|its))\b[^,;:“”"]{5,110}(?:,\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)?(?=,))?,\s+(?=\p{L})/u.exec(t);
  if (opening && t.length > max && t.slice(opening[0].length).split(/\s+/).length >= 6) t = t.slice(opening[0].length).replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  // A participle's phrase between the subject and its verb ("Marco Rubio, speaking in Jeddah after more than eight
  // hours of talks with Ukrainian delegates, said …") is the aside a headline leaves out.
  const participleAside = /^([^,;:“”"]{3,80}?),\s+\p{Ll}+ing\b[^,;:“”"]{3,160},\s+(?=\p{Ll})/u.exec(t);
  // (The subject's verb right after it: a list ("Invitation to join NATO, sending weapons …, deterrence") has none.)
  if (participleAside && t.length > max && !hasFiniteVerb(participleAside[1] ?? '') && hasFiniteVerb(/^\S+/.exec(t.slice(participleAside[0].length))?.[0] ?? '')) t = `${participleAside[1]} ${t.slice(participleAside[0].length)}`;
  if (t.length <= max) return t;
  const cuts: number[] = [];
  for (const m of t.matchAll(CLAUSE_BREAK)) {
    if (m.index > max) break;
    const depth = openQuotations(t.slice(0, m.index));
    // A cut that leaves only an opening phrase ("In his late-night address on 11 May") says nothing.
    const opening = cuts.length === 0 && /^(?:In|On|At|After|Before|During|Following|According|Amid|Despite|With|As|While|Speaking)\b/.test(t) && t[m.index] === ',';
    if (m.index >= 30 && depth === 0 && !opening && !commaInList(t, m.index)) cuts.push(m.index);
  }
  // The latest cut that leaves a clause (see leavesClause).
  for (const cut of cuts.reverse()) {
    const head = t.slice(0, cut).replace(/[\s,;:—–-]+$/, '');
    if (leavesClause(head)) return head;
  }
  // A whole clause before a phrase ("… are set to hold trilateral talks on Friday | in the United Arab Emirates") is a
  // headline as it stands: no "…".
  return headlineAtPhrase(t, max) ?? fitText(t, max);
}

/**
 * Where the last whole sentence inside a longer one ends within `max` characters ("“We are not setting conditions …
 * Russia is doing that. | As we have always said, …"): after its stop, 60 characters in at least; undefined when none.
 */
function innerSentenceEnd(text: string, max: number): number | undefined {
  let end: number | undefined;
  for (const m of text.slice(0, max + 1).matchAll(/[.!?](?=\s+["“«‘]?\p{Lu})/gu)) {
    const at = m.index + 1;
    // Not an initial or an abbreviation's stop ("J. D. Vance", "U.S. President").
    if (at >= 60 && at <= max && !/(?:^|[\s.])\p{Lu}$/u.test(text.slice(0, m.index))) end = at;
  }
  return end;
}

/** Cut at a word boundary so the result (with "…") fits `max`; whole text when it already fits. */
export function fitText(text: string, max = MAX_FACT_CHARS): string {
  const t = collapseSpaces(text);
  if (t.length <= max) return t;
  return cutAtWord(t, max, 0.6);
}

export interface FactSelectionInput {
  sentences: readonly Sentence[];
  attributions: readonly Attribution[];
  entities: Entities;
  story: Story;
  published: Date;
  sourceId: string;
  /** A sentence's question ids (default: computed with `questionTags`; pass a memo shared with relevance scoring). */
  tagsOf?: (sentence: string) => readonly string[];
  /** Sentences before this offset (the headline) are not facts. */
  bodyStart?: number;
  /** Which sentences may be facts at all (default: every sentence from `bodyStart` on). */
  eligible?: (index: number) => boolean;
  maxFacts?: number;
}

/** How many items pass `test`, counting no further than `limit`. */
function countUpTo<T>(items: readonly T[], test: (item: T) => boolean, limit: number): number {
  let n = 0;
  for (const item of items) {
    if (n >= limit) break;
    if (test(item)) n++;
  }
  return n;
}

/**
 * A thing named in the sentence before, referred back to: "this coalition", "such an arrangement", "these terms".
 * ("The plan" is left out: it is as often a new plan as the one just named.)
 */
const BACK_REFERENCE =
  /\b(?:this|these|those|such(?: an?)?|the same)\s+(?:[\p{L}-]+\s+)?(?:agreements?|accords?|documents?|arrangements?|coalition|framework|package|measures|terms|plan|deal|proposals?|guarantees?|assurances?|pact|treaty|text|mechanism|force|mission|commitments?)\b/iu;

/**
 * A sentence's tags, with those of the sentence before it for a topic question (one not asked of a side) when it
 * refers back to what that sentence names: "Macron confirmed that Germany and Italy are part of this coalition." is
 * about the reassurance force the sentence before described. A question asked of a side is read in each sentence for
 * who acts, so it is not passed on.
 */
function referredTags(index: number, input: FactSelectionInput, tags: readonly string[]): string[] {
  const s = input.sentences[index];
  const prev = input.sentences[index - 1];
  if (!s || !prev || prev.start < (input.bodyStart ?? 0) || !BACK_REFERENCE.test(s.text)) return [...tags];
  const before = sentenceTags(prev.text, input);
  const topical = new Set(input.story.questions.filter((q) => !askedOfSide(q)).map((q) => q.id));
  const out = [...tags];
  for (const id of before) if (topical.has(id) && !out.includes(id)) out.push(id);
  // In the story's order of questions, as questionTags gives them.
  const order = input.story.questions.map((q) => q.id);
  return out.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/**
 * The story keywords and the article's places and organisations that occur in its text at all, in their order: a
 * sentence is searched for these only. (A name matches inside a sentence only where it matches in the sentences
 * joined by line breaks, since a break is no letter or digit.)
 */
interface InArticle {
  keywords: readonly string[];
  named: readonly string[];
}

function inArticle(input: FactSelectionInput): InArticle {
  const joined = input.sentences.map((s) => s.text).join('\n');
  return {
    keywords: input.story.keywords.filter((k) => hasKeyword(joined, k)),
    named: [...input.entities.places, ...input.entities.organizations].filter((e) => hasKeyword(joined, e)),
  };
}

/** A sentence's question ids: the memo shared with relevance scoring when the caller passed one. */
function sentenceTags(text: string, input: FactSelectionInput): readonly string[] {
  return input.tagsOf ? input.tagsOf(text) : questionTags(text, input.story.questions, input.story.sides ? { sides: input.story.sides } : {});
}

/** Sentence score: news value from position, entities, story vocabulary, reporting verbs, quotes and commitments. */
function scoreSentence(i: number, input: FactSelectionInput, present: InArticle): Scored {
  const s = input.sentences[i];
  const a = input.attributions[i];
  if (!s) return { index: i, score: -Infinity, tags: [] };
  const text = s.text;
  const n = input.sentences.length;
  const words = text.split(/\s+/).length;
  const tags = [...sentenceTags(text, input)];
  // The lead carries the news: position counts most, the first three sentences get a bonus.
  let score = 4 * (1 - i / Math.max(1, n)) + (i < 3 ? 1 : 0);
  const people = personMentions(input.entities.people, text).length;
  // Both bonuses are capped (at five names, four keywords): counting stops there.
  const others = countUpTo(present.named, (e) => hasKeyword(text, e), Math.max(0, 5 - people));
  score += Math.min(2, (people + others) * 0.4);
  const kw = countUpTo(present.keywords, (k) => hasKeyword(text, k), 4);
  score += Math.min(2, kw * 0.5);
  score += Math.min(3, tags.length * 1.5);
  if (a?.speaker) score += 1;
  else if (REPORTING.test(text)) score += 0.5;
  if (a?.quote) score += 1.25;
  if (CHANGE_VERB.test(text)) score += 0.75;
  if (looksAhead(text)) score += 1;
  if (/\d/.test(text)) score += 0.25;
  if (words < 6) score -= 3;
  if (/\?["”’]?$/.test(text)) score -= 2;
  if (COMMENTARY.test(text)) score -= 2;
  if (people + others + kw === 0) score -= 1.5;
  if (words > 80) score -= 1;
  return { index: i, score, tags };
}

/** A word's letters and digits without the punctuation around it ("(Reuters),” → "Reuters"). */
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
function bareWord(w: string): string {
  const first = w.charCodeAt(0);
  const last = w.charCodeAt(w.length - 1);
  const alnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // Most words need nothing done: plain ASCII letters or digits at both ends.
  return alnum(first) && alnum(last) ? w : w.replace(EDGE_PUNCTUATION, '');
}

/**
 * The terms of a sentence that a summary of the article should keep: names (capitalised words that do not just open
 * the sentence), figures ("30-day", "1,000", "28-point"), and content words the article uses more than once.
 */
function salientTerms(text: string, features: ReadonlySet<string>, repeated: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  let i = 0;
  for (const raw of text.split(/\s+/)) {
    const w = bareWord(raw);
    if (w === '') continue;
    const bare = w.endsWith("'s") || w.endsWith('’s') ? w.slice(0, -2) : w;
    const c = bare.charCodeAt(0);
    if (/\d/.test(bare)) out.add(bare.toLowerCase());
    else if (((c >= 65 && c <= 90) || (c > 127 && /^\p{Lu}/u.test(bare))) && (i > 0 || bare.length > 3)) {
      const lower = bare.toLowerCase();
      if (!FUNCTION_WORDS.has(lower)) out.add(lower);
    }
    i++;
  }
  for (const f of features) if (repeated.has(f)) out.add(f);
  return out;
}

/** What a sentence on a question no chosen fact bears on yet adds to its gain (a tag itself scores 1.5). */
const NEW_QUESTION_BONUS = 2;

/** A sentence scoring this much is news on its own: a name, a story keyword or a question in it, or a place near the top. */
const NEWS_SCORE = 1;

/**
 * The facts to keep: the best sentences by news value, chosen greedily so that each adds what the others lack — a
 * sentence earns a bonus for every salient term (name, figure, repeated word) no chosen sentence holds yet. A reader
 * of the facts alone then meets every name and figure the article turns on, not five ways of saying its lead.
 *
 * The score orders sentences for the cap; it does not turn the story's sentences away. Every sentence offered here is
 * a complete body sentence, and the ones that score low are mostly the article's later reporting — a figure ("The
 * sanctions list also includes 30 subsidiaries of Rosneft and Lukoil."), a quoted refusal ("This is against our
 * constitution," he said.), a term of a plan — without a name or a story keyword to lift them: a floor on the score
 * dropped them from short articles, where nothing else would have taken their place. Only a low sentence that has
 * nothing to do with the news around it is left out.
 */
function coverFacts(scored: readonly Scored[], input: FactSelectionInput, max: number): Scored[] {
  const texts = scored.map((x) => input.sentences[x.index]?.text ?? '');
  // Memoised by the text (read only here): a fact keeps its sentence's text, whose words merging reads again.
  const features = texts.map((t) => featuresOf(t));
  const counts = new Map<string, number>();
  for (const fs of features) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const repeated = new Set([...counts].filter(([, n]) => n >= 2).map(([f]) => f));
  const terms = texts.map((t, i) => salientTerms(t, features[i] ?? new Set(), repeated));
  // The sentences that score as news on their own, and their words and paragraphs. A sentence that scores lower is
  // the article's too when it sits in one of their paragraphs or shares two words with them; a line that does neither
  // is most likely the page's (an affiliate or privacy notice the line classifier let through), not the story's.
  const news = new Set<string>();
  const newsParagraphs = new Set<number>();
  scored.forEach((x, i) => {
    if (x.score < NEWS_SCORE) return;
    for (const f of features[i] ?? []) news.add(f);
    newsParagraphs.add(input.sentences[x.index]?.paragraph ?? -1);
  });
  const ofTheStory = (i: number): boolean => {
    const x = scored[i] as Scored;
    if (x.score >= NEWS_SCORE || newsParagraphs.has(input.sentences[x.index]?.paragraph ?? -1)) return true;
    let shared = 0;
    for (const f of features[i] ?? []) if (news.has(f) && ++shared >= 2) return true;
    return false;
  };
  const covered = new Set<string>();
  const coveredQuestions = new Set<string>();
  const chosen: Scored[] = [];
  const left = new Set([...scored.keys()].filter(ofTheStory));
  while (chosen.length < max && left.size > 0) {
    let best = -1;
    let bestGain = -Infinity;
    for (const i of left) {
      const x = scored[i] as Scored;
      let fresh = 0;
      for (const t of terms[i] ?? []) if (!covered.has(t)) fresh++;
      // News value first; coverage breaks near-ties and lifts a sentence of background that names what nothing else does.
      let gain = x.score + Math.min(3, fresh * 0.5);
      // A question the article bears on and no chosen fact does yet lifts its first sentence: a long report's record
      // keeps what it says on each question, however late it comes ("He said that he had reached an agreement with
      // Trump on future US security guarantees …", the BBC's 64th line).
      if (x.tags.some((q) => !coveredQuestions.has(q))) gain += NEW_QUESTION_BONUS;
      if (!Number.isFinite(gain)) continue;
      if (gain > bestGain || (gain === bestGain && x.index < (scored[best]?.index ?? Infinity))) {
        best = i;
        bestGain = gain;
      }
    }
    if (best < 0) break;
    left.delete(best);
    chosen.push(scored[best] as Scored);
    for (const t of terms[best] ?? []) covered.add(t);
    for (const q of (scored[best] as Scored).tags) coveredQuestions.add(q);
  }
  return chosen;
}

/**
 * Keep the sentences that carry the news (at most `maxFacts`, in text order) as facts with their exact offsets,
 * speaker/quote attribution, question tags and a `watch` marker for forward-looking ones.
 */
export function selectFacts(input: FactSelectionInput): Fact[] {
  const max = input.maxFacts ?? MAX_FACTS;
  const bodyStart = input.bodyStart ?? 0;
  const scored: Scored[] = [];
  const present = inArticle(input);
  input.sentences.forEach((s, i) => {
    if (s.start < bodyStart || (input.eligible && !input.eligible(i))) return;
    scored.push(scoreSentence(i, input, present));
  });
  const kept = coverFacts(scored, input, max).sort((a, b) => a.index - b.index);
  // An article with little structure still yields its best sentence.
  if (kept.length === 0) {
    const best = [...scored].sort((a, b) => b.score - a.score)[0];
    if (best && Number.isFinite(best.score)) kept.push(best);
  }
  return kept.map((k) => {
    const s = input.sentences[k.index] as Sentence;
    const a = input.attributions[k.index];
    // A wire dateline ("KYIV, Ukraine (AP) — ") is not part of the fact; the offset moves past it too.
    const dateline = leadInLength(s.text);
    const whole = s.text.slice(dateline);
    // A sentence too long for a fact (a quotation of several sentences, a list) ends at the last of its own sentences
    // that fits, a whole one with its exact offset, rather than at a word with "…".
    const cut = whole.length > MAX_FACT_CHARS ? innerSentenceEnd(whole, MAX_FACT_CHARS) : undefined;
    const fact: Fact =
      cut !== undefined
        ? { text: whole.slice(0, cut), source: input.sourceId, offset: { start: s.start + dateline, end: s.start + dateline + cut } }
        : { text: fitText(whole), source: input.sourceId, offset: { start: s.start + dateline, end: s.end } };
    if (a?.speaker) fact.speaker = a.speaker.slice(0, 120);
    if (a?.speaker && a.quote) fact.quote = true;
    // With its speaker known, a sentence's voice is too, and it is tagged again: when the speaker is of a side a
    // question is asked of ("by"), or when it is tagged with such a question already, which another side's speaker can
    // take away ("He claimed Ukraine was refusing to talk", Lavrov). Only then: tagging is the costly part.
    const side = a?.speaker ? sideOfName(a.speaker, input.story.sides) : undefined;
    const asked = (id: string) => input.story.questions.some((q) => q.id === id && askedOfSide(q));
    const tags =
      a?.speaker && side !== undefined && (input.story.questions.some((q) => q.by?.includes(side)) || k.tags.some(asked))
        ? questionTags(s.text, input.story.questions, { ...(input.story.sides ? { sides: input.story.sides } : {}), speaker: a.speaker })
        : k.tags;
    const withReferred = referredTags(k.index, input, tags);
    if (withReferred.length > 0 && !aboutAnotherStory(s.text, input.story)) fact.questions = withReferred;
    if (looksAhead(s.text)) {
      fact.watch = watchOf(s.text, input.published);
    }
    return fact;
  });
}
