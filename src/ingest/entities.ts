import { FUNCTION_WORDS } from '../text/function-words.js';
import { escapeRegExp } from '../text/keyword-pattern.js';
import { allMatches } from '../text/matches.js';
import { findNames, lexiconKind, type TaggedNames } from './name-finder.js';
import { sameSurname } from '../text/same-surname.js';
import { withoutAccents } from '../text/without-accents.js';
import { calendarDay } from '../time/instant.js';

/** A person named in an article, under the fullest form of their name found in it. */
export interface Person {
  /** Canonical name without titles: "Donald Trump". */
  name: string;
  /** Lower-cased surname used for short references ("trump"). */
  surname: string;
}

export interface Entities {
  people: Person[];
  places: string[];
  organizations: string[];
}

/** Words that are titles or roles, never part of a name. */
const TITLE_WORDS = new Set([
  'president', 'vice', 'prime', 'minister', 'chancellor', 'secretary', 'king', 'queen', 'prince', 'princess', 'general', 'gen', 'gen.',
  'spokesman', 'spokeswoman', 'spokesperson', 'envoy', 'ambassador', 'senator', 'sen.', 'rep.', 'representative', 'governor', 'gov.',
  'mayor', 'leader', 'chief', 'commander', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'prof', 'prof.', 'foreign', 'defence',
  'defense', 'state', 'deputy', 'chairman', 'chairwoman', 'chair', 'ceo', 'head', 'director', 'adviser', 'advisor', 'aide', 'official',
  'commissioner', 'commission', 'premier', 'speaker', 'lawmaker', 'colonel', 'col.', 'lieutenant', 'admiral', 'sergeant',
  'captain', 'judge', 'attorney', 'presidential', 'former', 'incoming', 'outgoing', 'acting', 'top', 'special', 'envoy',
  'negotiator', 'diplomat', 'spy', 'army', 'kremlin', 'white', 'house', 'press', 'national', 'security', 'council', 'european', 'us',
  'u.s.', 'uk', 'u.k.', 'eu', 'un', 'u.n.', 'nato',
  // "Secretary of Foreign Affairs Alicia Bárcena", "Pres Vladimir Putin", "Sen Lindsey Graham".
  'affairs', 'pres', 'pres.', 'sen',
  // "Rep Victoria Spartz" (its stop lost to a link's markup), "Director of National Intelligence Tulsi Gabbard",
  // "Congressman Don Bacon".
  'rep', 'intelligence', 'congressman', 'congresswoman',
  // Ranks, written short: "Lt. Col. Jeffrey Tolbert", "Maj. Gen. …", "Adm. …".
  'lt', 'lt.', 'col', 'maj', 'maj.', 'capt', 'capt.', 'sgt', 'sgt.', 'adm', 'adm.', 'brig', 'brig.', 'cmdr', 'cmdr.', 'gen', 'cpl', 'cpl.',
  // "Chief Executive Satya Nadella", "Director of Public Prosecution Eva-Marie Persson", "Chief Economist Ana Boata".
  'executive', 'officer', 'prosecution', 'prosecutor', 'counsel', 'economist', 'analyst', 'correspondent', 'editor', 'founder',
  'professor', 'ombudsman', 'coordinator',
  // "Chief of Staff Susie Wiles", "Chief of the Russian General Staff Valery Gerasimov".
  'staff',
  // British honorifics: "Sir Keir Starmer" is Keir Starmer.
  'sir', 'dame', 'lord', 'lady', 'baroness', 'baron',
  // Gulf honorifics: "H.H. Sheikh Abdullah bin Zayed" is Abdullah bin Zayed.
  'sheikh', 'sheikha', 'emir', 'h.h.', 'h.h', 'hh',
]);

/** Titles that introduce a person's full name. The first letter is matched either way without the `i` flag,
 * which would make `\p{Lu}` match lower-case letters too. */
const TITLES = ['president', 'minister', 'chancellor', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'envoy', 'ambassador', 'senator', 'governor', 'mayor', 'commander', 'general', 'adviser', 'advisor', 'negotiator', 'premier', 'commissioner', 'chief', 'leader', 'aide', 'director', 'chairman', 'chairwoman', 'prosecutor', 'executive', 'economist', 'analyst', 'professor'];
const TITLED_NAME = new RegExp(
  // (Up to three given names before particles: "President Luiz Inácio Lula da Silva".)
  // Or set off by commas after the title: "The Brazilian president, Luiz Inácio Lula da Silva, proposed …" (both
  // commas: "As president, Trump …" names no one in full).
  `\\b(?:${TITLES.map((t) => `[${t[0]}${t[0]?.toUpperCase()}]${t.slice(1)}`).join('|')})(?:\\s+|,\\s+(?=[^,.;]{3,60},))((?:(?:\\p{Lu}[\\p{L}'’-]+\\s+){1,3}(?:(?:von|van|der|den|de|da|das|do|dos|di|du|del|al|bin|ibn)\\s+)+|(?:\\p{Lu}[\\p{L}'’-]+\\s+){1,2})\\p{Lu}[\\p{L}'’-]+)`,
  'gu',
);

/** Most names of each kind taken from one text (see {@link entitiesFromNames}). */
const MAX_NAMES = 200;

/** Lower-case particles that may sit inside a name ("Ursula von der Leyen"). */
const NAME_PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'das', 'do', 'dos', 'di', 'du', 'del', 'la', 'le', 'bin', 'al', 'el', 'ibn']);

/**
 * Words that open a sentence or clause and are never the first word of a name: "After Trump's call", "Following
 * Putin's remarks", "Meanwhile Peskov said". Grammar words (prepositions, conjunctions, pronouns) are the same.
 */
const CLAUSE_OPENERS = new Set([
  'following', 'meanwhile', 'speaking', 'asked', 'amid', 'despite', 'separately', 'instead', 'earlier', 'later', 'today', 'yesterday',
  'tonight', 'additionally', 'furthermore', 'still', 'now', 'then', 'also', 'unlike', 'like', 'including', 'according', 'regarding',
  'responding', 'writing', 'addressing', 'commenting', 'citing', 'quoting', 'reporting', 'welcoming', 'dear', 'thanks', 'thank', 'hours',
  'days', 'weeks', 'months', 'minutes', 'shortly', 'soon', 'last', 'next', 'ahead', 'why', 'how', 'what', 'when', 'where', 'who',
]);

/** A word that cannot start a person's name (see {@link CLAUSE_OPENERS}). */
export function opensClause(word: string): boolean {
  const w = word.toLowerCase();
  return CLAUSE_OPENERS.has(w) || FUNCTION_WORDS.has(w);
}

/** Words the name finder may take for people that are not names. */
const NOT_NAMES = new Set(['he', 'she', 'they', 'him', 'her', 'it', 'president', 'minister', 'chancellor', 'pope', 'mr', 'mrs']);
/** A person named by a nationality ("the Frenchman said"): who, the article says elsewhere; no name. */
const NATIONALITY_NOUN = /^(?:French|English|Scots|Irish|Welsh|Dutch|Cornish)(?:man|woman|men|women)$|^(?:Briton|Spaniard|Dane|Swede)s?$/;

/** A title, or titles joined by hyphens ("Colonel-General", "President-elect"). */
export function isTitleWord(lower: string): boolean {
  const word = lower.replace(/-(?:elect|designate)$/, '');
  return TITLE_WORDS.has(word) || (word.includes('-') && word.split('-').every((part) => TITLE_WORDS.has(part)));
}

function stripToken(t: string): string {
  return t.replace(/^[^\p{L}]+/u, '').replace(/(?:['’]s|['’])?[^\p{L}.]*$/u, '').replace(/\.$/, (m) => (t.length <= 3 ? m : ''));
}

/** "US President Donald Trump," → "Donald Trump"; "Vance’s" → "Vance". Undefined when nothing name-like is left. */
export function canonicalName(raw: string): string | undefined {
  const words = raw.split(/\s+/);
  // A possessive ends the name: "President Joe Biden’s March 26 statement" names Joe Biden.
  const possessive = words.findIndex((w, i) => i < words.length - 1 && /\p{L}['’]s$/u.test(w));
  const tokens = (possessive >= 0 ? words.slice(0, possessive + 1) : words).map(stripToken).filter(Boolean);
  let lastTitle = -1;
  tokens.forEach((t, i) => {
    const lower = t.toLowerCase();
    if (isTitleWord(lower) || (/^\p{Ll}/u.test(t) && !NAME_PARTICLES.has(lower))) lastTitle = i;
    // Nationality adjectives before a title ("Ukrainian president") are dropped with the title.
  });
  let first = lastTitle + 1;
  while (first < tokens.length - 1 && opensClause(tokens[first] ?? '')) first++;
  // A tabloid's capitals on a lead's first word ("VLADIMIR Putin has invited …") are no part of the name's spelling.
  const rest = tokens.slice(first);
  // A whole name in a tabloid's capitals ("HENRY KISSINGER has urged …") is spelt as the page writes it later ("Mr
  // Kissinger"); initials stay ("JD"). So is a surname alone in a transcript's label ("PRIME MINISTER KISHIDA:").
  const shouting =
    (rest.length >= 2 && rest.every((t) => /^\p{Lu}[\p{Lu}'’.-]*$/u.test(t)) && rest.some((t) => /^\p{Lu}{4,}$/u.test(t))) ||
    (rest.length === 1 && /^\p{Lu}{5,}$/u.test(rest[0] ?? ''));
  const name = rest.map((t, i, all) =>
    shouting
      ? /^\p{Lu}{3,}/u.test(t) ? `${t[0]}${t.slice(1).toLowerCase()}` : t
      : i < all.length - 1 && /^\p{Lu}{4,}$/u.test(t) && /^\p{Lu}\p{Ll}/u.test(all[i + 1] ?? '') ? `${t[0]}${t.slice(1).toLowerCase()}` : t,
  );
  if (name.length === 0 || opensClause(name[0] ?? '')) return undefined;
  if (!/^\p{Lu}/u.test(name[0] ?? '')) return undefined;
  const joined = name.join(' ');
  if (NOT_NAMES.has(joined.toLowerCase()) || NATIONALITY_NOUN.test(joined) || joined.length < 2 || joined.length > 60) return undefined;
  // A nationality left when a title went ("Chief Russian negotiator Vladimir Medinsky" read as "Chief Russian") names
  // no one: as a speaker it took every "The Russian Investigative Committee announced …".
  if (name.every((t) => lexiconKind(t) === 'demonym')) return undefined;
  return joined;
}

function surnameOf(name: string): string {
  const parts = name.split(' ');
  // Regnal numbers ("Leo XIV") keep the name before them as the surname.
  const last = parts[parts.length - 1] ?? name;
  // A Portuguese name's last part after "da"/"do"/"dos"/"das" is the family's, and the name a page uses alone comes
  // before it: "Luiz Inácio Lula da Silva" is "Lula" after his first mention.
  const particle = parts.findIndex((p, i) => i >= 2 && /^d[ao]s?$/.test(p));
  const surname = /^[IVXLC]+$/.test(last) && parts.length > 1 ? (parts[parts.length - 2] ?? last) : particle > 0 ? (parts[particle - 1] ?? last) : last;
  return surname.toLowerCase();
}

function splitList(raw: string): string[] {
  return raw
    .split(/,|\band\b|—|–/)
    .map((s) => s.replace(/(?:['’]s)?[^\p{L}\p{N})]+$/u, '').replace(/^[^\p{L}]+/u, '').trim())
    .map((s) => s.replace(/^(?:the|eastern|western|northern|southern|central)\s+/i, ''))
    .filter((s) => s.length > 1 && /^\p{Lu}/u.test(s));
}

function uniq(list: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of list) {
    const k = s.toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      out.push(s);
    }
  }
  return out;
}

/**
 * People, places and organisations named in a text (see {@link findNames}: no network, one pass over the text).
 * People are merged by surname so that
 * "US President Donald Trump", "Trump" and "Trump’s" are one person called "Donald Trump".
 */
export function extractEntities(text: string): Entities {
  return entitiesFromNames(text, findNames(text));
}

/** {@link extractEntities} from names already tagged in `text` (titles, possessives and lists are cleaned up here). */
export function entitiesFromNames(text: string, tagged: TaggedNames): Entities {
  const rawPeople = tagged.people;
  const people: Person[] = [];
  // Two people's surnames run together ("Witkoff explicitly tells Ushakov Putin should call Trump"): the first word is
  // another person's surname, never a first name, so the pair names no one.
  const surnames = new Set(rawPeople.slice(0, MAX_NAMES).flatMap((raw) => (raw.trim().includes(' ') ? [raw.trim().split(/\s+/).pop()?.toLowerCase() ?? ''] : [])));
  const add = (name: string) => {
    // A headline's words run together ("Witkoff and Kushner Meet Putin"): a common word inside is no part of a name.
    const parts = name.split(' ');
    if (parts.length === 2 && surnames.has((parts[0] ?? '').toLowerCase()) && surnames.has((parts[1] ?? '').toLowerCase()) && lexiconKind(parts[0] ?? '') !== 'first') return;
    // (Not before a regnal number: "Pope Leo XIV".)
    if (!/^[IVXLC]+$/.test(parts[parts.length - 1] ?? '') && parts.slice(1, -1).some((t) => !NAME_PARTICLES.has(t.toLowerCase()) && /^\p{Lu}\p{Ll}+$/u.test(t) && lexiconKind(t) === 'common')) return;
    const surname = surnameOf(name);
    const existing = people.find((p) => sameSurname(p.surname, surname));
    if (!existing) people.push({ name, surname });
    // (Four words at most, not counting particles: "Luiz Inácio Lula da Silva" over "Inácio Lula".)
    else if (name.split(' ').length > existing.name.split(' ').length && name.split(' ').filter((w) => !NAME_PARTICLES.has(w.toLowerCase())).length <= 4) existing.name = name;
  };
  // A news article names a few dozen people; a text naming hundreds is a list, and each further name costs a pass
  // over the text below. The first ones are kept.
  for (const raw of rawPeople.slice(0, MAX_NAMES)) {
    const name = canonicalName(raw);
    if (name) add(name);
  }
  // A surname the text spells two ways ("Borrel said" once, "Borrell" three times) is a slip of the pen: the spelling
  // it uses most names the person.
  if (people.some((p) => !p.name.includes(' '))) commonestSpelling(text, people);
  // A name first seen alone ("Vance said") may be written in full elsewhere ("JD Vance’s"): look for a capitalised word
  // right before each known surname.
  for (const p of [...people]) {
    if (p.name.includes(' ')) continue;
    // On the same line, and not a word that ends a sentence ("… support for Kyiv.¶Trump nodded") or names a place.
    const re = new RegExp(`\\b(\\p{Lu}[\\p{L}.'’-]*)[ \\t\\u00a0]+${escapeRegExp(p.name)}\\b`, 'gu');
    for (const m of text.matchAll(re)) {
      const first = m[1] ?? '';
      if (/\.$/.test(first) && !/^(?:\p{Lu}\.)+$/u.test(first)) continue;
      // Initials in capitals ("JD Vance") are a first name whatever the lexicon makes of them.
      const kind = /^\p{Lu}{2,3}$/u.test(first) ? undefined : lexiconKind(first.replace(/['’]s$/, ''));
      if (kind === 'place' || kind === 'org' || kind === 'demonym' || kind === 'common') continue;
      if (!TITLE_WORDS.has(first.toLowerCase()) && !opensClause(first) && first !== 'Pope') {
        p.name = `${first} ${p.name}`;
        break;
      }
    }
  }
  // A full name right after a title is a person, whatever the lexicon knows of it ("Foreign Minister Andrii Sybiha").
  for (const m of text.matchAll(TITLED_NAME)) {
    if (people.length >= MAX_NAMES) break;
    // Set off by commas, the words must open on a first name, not a place or a body ("the minister, Saudi Arabia and …").
    const kind = m[0].includes(',') ? lexiconKind((m[1] ?? '').split(/\s+/)[0] ?? '') : undefined;
    if (kind === 'place' || kind === 'org' || kind === 'demonym' || kind === 'common') continue;
    const name = canonicalName(m[1] ?? '');
    // ("Secretary General Anders Fogh Rasmussen" read from "Secretary" is "General Anders Fogh": a title word in the name
    // means the name runs on past the match; the full one is found elsewhere or not at all.)
    if (name && name.includes(' ') && !people.some((p) => p.name === name || p.name.startsWith(`${name} `)) && !titleInName(m[1] ?? '')) add(name);
  }
  familyNameFirst(people, text);
  // "Sir Keir" is Keir Starmer, not a second person called Keir.
  for (let i = people.length - 1; i >= 0; i--) {
    const p = people[i] as Person;
    if (!p.name.includes(' ') && people.some((q) => q !== p && q.name.startsWith(`${p.name} `)) && new RegExp(`\\b(?:Sir|Dame) ${escapeRegExp(p.name)}\\b`, 'u').test(text)) people.splice(i, 1);
  }
  const places = uniq(tagged.places.slice(0, MAX_NAMES).flatMap(splitList));
  const organizations = uniq(tagged.organizations.slice(0, MAX_NAMES).flatMap(splitList)).filter(
    (o) => !people.some((p) => o.toLowerCase().includes(p.surname)),
  );
  return { people, places, organizations };
}

/** Does a name as matched after a title open on another title word ("General Anders Fogh" after "Secretary")? */
function titleInName(raw: string): boolean {
  const first = raw.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return TITLE_WORDS.has(first);
}

/**
 * A name written family name first ("Xi Jinping", "Wang Yi", "Li Hui"), as the article shows by using its first word
 * alone ("Xi said", "Wang said") and never its last: the first word is the surname, and a person found under it alone
 * is the same person.
 */
function familyNameFirst(people: Person[], text: string): void {
  for (const p of [...people]) {
    const parts = p.name.split(' ');
    if (parts.length !== 2) continue;
    const [family, given] = parts as [string, string];
    // (Never a known first name: "Donald" of "Donald Tusk" is not Donald Trump's family name.)
    // (Nor a title kept before a single name: "Pope" of "Pope Francis", then "The Pope offered prayers" of another pope.)
    if (family.length < 2 || !/^\p{Lu}\p{Ll}+$/u.test(family) || p.surname !== given.toLowerCase() || lexiconKind(family) === 'first' || TITLE_WORDS.has(family.toLowerCase()) || NOT_NAMES.has(family.toLowerCase())) continue;
    // Alone: no capitalised word right before or after it ("Wang said", not "Vladimir Medinsky").
    const familyAlone = new RegExp(`(?<!\\p{Lu}[\\p{L}.'’-]*[ \\t\\u00a0])(?<![\\p{L}])${escapeRegExp(family)}(?![\\p{L}])(?![ \\t\\u00a0]+\\p{Lu})`, 'u').test(text);
    const givenAlone = new RegExp(`(?<!${escapeRegExp(family)}[ \\t\\u00a0])(?<![\\p{L}])${escapeRegExp(given)}(?![\\p{L}])`, 'u').test(text);
    if (!familyAlone || givenAlone) continue;
    p.surname = family.toLowerCase();
    const twin = people.findIndex((o) => o !== p && o.name === family);
    if (twin >= 0) people.splice(twin, 1);
  }
}

/** Find the person a mention refers to ("Putin", "Vladimir Putin", "Zelensky" for "Zelenskyy"). */
export function resolvePerson(people: readonly Person[], mention: string): Person | undefined {
  const name = canonicalName(mention);
  if (!name) return undefined;
  const surname = surnameOf(name);
  return people.find((p) => sameSurname(p.surname, surname) || p.name.toLowerCase() === name.toLowerCase());
}

/**
 * A person's mention pattern: `sticky` is the same pattern anchored where it is tried, at the places where one of the
 * `variants` (the literal text every form of the name starts with) occurs.
 */
interface MentionPattern {
  re: RegExp;
  sticky: RegExp;
  variants: string[];
}

/** Compiled mention patterns by name: the same few names are looked up in every sentence of an article. */
const mentionCache = new Map<string, MentionPattern>();

function mentionPattern(name: string, surname: string): MentionPattern {
  const key = `${name}|${surname}`;
  let p = mentionCache.get(key);
  if (!p) {
    const parts = name.split(' ');
    // (The surname is the first word of a name written family name first: "Xi" of "Xi Jinping".)
    const last = parts.find((w, i) => i < parts.length - 1 && w.toLowerCase() === surname) ?? parts[parts.length - 1] ?? name;
    // A Slavic surname's endings vary with the transliteration (Zelenskyy, Zelensky, Zelenskiy): one stem matches all.
    const stem = /^\p{Lu}\p{Ll}{3,}(?:yy|iy|y)$/u.test(last) ? last.replace(/(?:yy|iy|y)$/, '') : undefined;
    // Outlets that drop the accents write "Orban" for "Orbán", some on the same page.
    const plain = withoutAccents(last);
    // A tabloid prints a name in capitals once, on its lead ("HENRY KISSINGER has urged …").
    const capitals = last.length >= 4 ? [name.toUpperCase(), last.toUpperCase()] : [];
    // A British knight or dame is "Sir Keir" or "Dame Margaret" after the first mention.
    const honoured = parts.length >= 2 && /^\p{Lu}\p{Ll}+$/u.test(parts[0] ?? '') ? [`Sir ${parts[0]}`, `Dame ${parts[0]}`] : [];
    const variants = [...new Set([...uniq([name, last, ...(plain !== last ? [plain] : []), ...(stem ? [stem] : []), ...(/^[IVXLC]+$/.test(last) && parts.length > 1 ? [parts.slice(0, -1).join(' ')] : [])]), ...capitals, ...honoured])];
    // One more letter is allowed (a spelling's variant), except after a name of two or three letters: "Lin" is not "Li".
    const forms = variants.map((v) => (v === stem ? `${escapeRegExp(v)}(?:yy|iy|y)\\p{L}?` : `${escapeRegExp(v)}${v.length >= 4 ? '\\p{L}?' : ''}`));
    const re = new RegExp(`(?<![\\p{L}])(?:${forms.join('|')})(?![\\p{L}])`, 'gu');
    p = { re, sticky: new RegExp(re.source, 'uy'), variants };
    if (mentionCache.size > 5000) mentionCache.clear();
    mentionCache.set(key, p);
  }
  return p;
}

/**
 * Where the variants occur in the text, in order, each place once. (Not inside a surrogate pair, where a Unicode-mode
 * search never tries: no variant starts with a trailing surrogate anyway.)
 */
function variantStarts(text: string, variants: readonly string[]): number[] {
  const starts: number[] = [];
  for (const v of variants) {
    for (let at = text.indexOf(v); at !== -1; at = text.indexOf(v, at + 1)) if (!insideSurrogatePair(text, at)) starts.push(at);
  }
  starts.sort((a, b) => a - b);
  return starts.filter((at, i) => i === 0 || at !== starts[i - 1]);
}

function insideSurrogatePair(text: string, at: number): boolean {
  const here = text.charCodeAt(at);
  const before = at > 0 ? text.charCodeAt(at - 1) : 0;
  return here >= 0xdc00 && here <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
}

/** Every mention of a known person in `text`, in order (surname or full name, word-bounded). */
export function personMentions(people: readonly Person[], text: string): Array<{ person: Person; start: number; end: number }> {
  const out: Array<{ person: Person; start: number; end: number }> = [];
  for (const person of people) {
    const { re, sticky, variants } = mentionPattern(person.name, person.surname);
    // (An empty variant, were a name ever to give one, could match anywhere: searched everywhere then.)
    if (variants.includes('')) {
      for (const m of allMatches(re, text)) out.push({ person, start: m.index, end: m.index + m[0].length });
      continue;
    }
    // The pattern is case-sensitive, and every match starts where a variant does: the pattern is tried there alone
    // (none when no form of the name occurs verbatim), left to right, each search going on after the last match as a
    // global search does, rather than at every position of the sentence.
    let from = 0;
    for (const at of variantStarts(text, variants)) {
      if (at < from) continue;
      // test() rather than exec(): no match array is built, and a sticky match ends where lastIndex is left.
      sticky.lastIndex = at;
      if (!sticky.test(text)) continue;
      const end = sticky.lastIndex;
      out.push({ person, start: at, end });
      from = end;
    }
  }
  out.sort((a, b) => a.start - b.start);
  // Drop overlaps (a surname inside a full-name match).
  return out.filter((m, i) => i === 0 || m.start >= (out[i - 1]?.end ?? 0));
}

// ---------------------------------------------------------------------------------------------------------------
// Event dates

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function dayOnly(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86_400_000);
}

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w)));
}

/** The date a sentence refers to, relative to `published` (UTC): "on Monday", "yesterday", "May 19", "19 May 2025". */
export function dateMentioned(sentence: string, published: Date): { date: string; explicit: boolean } | undefined {
  const s = sentence.toLowerCase();
  const monthNames = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(s);
  if (iso) return { date: `${iso[1]}-${iso[2]}-${iso[3]}`, explicit: true };
  const md = new RegExp(`\\b${monthNames}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`).exec(s);
  const dm = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${monthNames}(?:,?\\s+(\\d{4}))?\\b`).exec(s);
  const explicit = md
    ? { month: monthIndex(md[1] ?? ''), day: Number(md[2]), year: md[3] ? Number(md[3]) : undefined }
    : dm
      ? { month: monthIndex(dm[2] ?? ''), day: Number(dm[1]), year: dm[3] ? Number(dm[3]) : undefined }
      : undefined;
  if (explicit && explicit.month >= 0 && explicit.day >= 1 && explicit.day <= 31) {
    let year = explicit.year ?? published.getUTCFullYear();
    // "Dec 30" in an article published on Jan 2 means last year.
    if (explicit.year === undefined && Date.UTC(year, explicit.month, explicit.day) - published.getTime() > 60 * 86_400_000) year--;
    const day = calendarDay(year, explicit.month, explicit.day);
    if (day !== undefined) return { date: day, explicit: true };
  }
  if (/\byesterday\b/.test(s)) return { date: dayOnly(addDays(published, -1)), explicit: false };
  if (/\b(?:today|earlier in the day|this (?:morning|afternoon|evening))\b/.test(s)) return { date: dayOnly(published), explicit: false };
  if (/\b(?:last night|overnight)\b/.test(s)) return { date: dayOnly(addDays(published, -1)), explicit: false };
  const wd = /\b(?:on|late|early|last)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/.exec(s);
  if (wd) {
    const target = WEEKDAYS.indexOf(wd[1] ?? '');
    const diff = (published.getUTCDay() - target + 7) % 7;
    return { date: dayOnly(addDays(published, -diff)), explicit: false };
  }
  return undefined;
}

/** A dateline at the start of an article: "KYIV, May 19 (Reuters) -", "MOSCOW, 19 May 2025 —", "Moscow, Aug. 6 (EFE).-". */
export function datelineDate(text: string, published: Date): string | undefined {
  const head = text.slice(0, 160);
  const m = /^\s*[\p{Lu}][\p{Lu}\p{L} .'-]{1,40},\s+([^()—–-]{3,30}?)\s*(?:\([^)]{1,40}\))?\.?\s*[—–-]/u.exec(head);
  if (!m) return undefined;
  return dateMentioned(m[1] ?? '', published)?.date;
}

/**
 * The day the reported event happened: a dateline, else a date the opening sentences mention ("on Monday", "yesterday",
 * "May 19"), else the publication date. Relative words are resolved against `published` (UTC).
 */
export function resolveEventDate(text: string, leadSentences: readonly string[], published: Date): { date: string; from: 'dateline' | 'text' | 'published' } {
  const dl = datelineDate(text, published);
  if (dl) return { date: dl, from: 'dateline' };
  for (const s of leadSentences.slice(0, 2)) {
    // Past references ("just last week", "in 2022") describe background, not the event.
    const d = dateMentioned(s, published);
    if (d && d.date <= dayOnly(published) && instantDiffDays(d.date, published) <= 7) return { date: d.date, from: 'text' };
  }
  return { date: dayOnly(published), from: 'published' };
}

function instantDiffDays(date: string, published: Date): number {
  return Math.abs(published.getTime() - Date.parse(`${date}T00:00:00Z`)) / 86_400_000;
}

/**
 * A forward-looking sentence's watch marker: its due day, and whether that day is only the horizon a vague phrase
 * sets ("within days": a week on, "in the coming weeks": a month on, "next week"), which keeps the item on the list
 * that long but is no day the source named, so no renderer prints it.
 */
export function watchOf(sentence: string, published: Date): { due?: string; approx?: true } {
  const d = dueOf(sentence, published);
  if (d === undefined) return {};
  return d.approx ? { due: d.due, approx: true } : { due: d.due };
}

/** Before this hour (UTC) a report's day of publication is, for most writers, still the evening before. */
const SMALL_HOURS_END = 6;

/** When a forward-looking phrase expects something, as a day (UTC), and whether only a vague horizon set it. */
function dueOf(sentence: string, published: Date): { due: string; approx: boolean } | undefined {
  const s = sentence.toLowerCase();
  if (/\btomorrow\b/.test(s)) return { due: dayOnly(addDays(published, 1)), approx: false };
  if (/\b(?:within|in) (?:the )?(?:coming |next )?(?:few )?days\b|\bthis week\b/.test(s)) return { due: dayOnly(addDays(published, 7)), approx: true };
  if (/\bnext week\b/.test(s)) return { due: dayOnly(addDays(published, 14 - ((published.getUTCDay() + 6) % 7))), approx: true };
  if (/\b(?:within|in) (?:the )?(?:coming |next )?(?:few )?weeks\b|\bthis month\b/.test(s)) return { due: dayOnly(addDays(published, 30)), approx: true };
  if (/\bnext month\b/.test(s)) return { due: dayOnly(addDays(published, 45)), approx: true };
  // A written date ahead wins over a weekday, which may be when the plan was told: "The truce will take place from
  // May 8 to May 10, according to a statement released by the Kremlin on Monday."
  const d = dateMentioned(sentence, published);
  if (d?.explicit && d.date > dayOnly(published)) return { due: d.date, approx: false };
  const wd = /\b(?:on|next|this)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/.exec(s);
  if (wd && /\b(?:will|to be|is due|are due|expected|scheduled|plans?|planned)\b/.test(s)) {
    const target = WEEKDAYS.indexOf(wd[1] ?? '');
    // The same weekday is a week on, unless it is "later on Saturday": later that very day. So it is in a report
    // published in the small hours (UTC), which its writer dated the evening before: a BBC copy posted at 01:51 on a
    // Thursday that says "Witkoff will meet Umerov … in Miami on Thursday" means that day.
    const later = new RegExp(`\\blater\\s+(?:on\\s+|this\\s+)?${wd[1]}\\b`).test(s);
    const smallHours = published.getUTCHours() < SMALL_HOURS_END && wd[0].startsWith('on');
    const diff = (target - published.getUTCDay() + 7) % 7 || (later || smallHours ? 0 : 7);
    return { due: dayOnly(addDays(published, diff)), approx: false };
  }
  return undefined;
}

/** Capitalised words, without a possessive ending. */
const CAPITALISED_WORD = /\p{Lu}[\p{L}'’-]{3,}/gu;

/** Each one-word person named by the spelling of their surname the text uses most (ties keep the name found). */
function commonestSpelling(text: string, people: Person[]): void {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(CAPITALISED_WORD)) {
    const w = m[0].replace(/['’]s$/, '');
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  for (const p of people) {
    if (p.name.includes(' ')) continue;
    let best = p.name;
    let most = counts.get(p.name) ?? 0;
    for (const [w, n] of counts) {
      // (Not a transcript label's capitals: "KISHIDA" is the name's case, not its spelling.)
      if (n > most && w !== p.name && w[0] === p.name[0] && sameSurname(w, p.name) && !(w.length > 1 && w === w.toUpperCase())) {
        best = w;
        most = n;
      }
    }
    if (best !== p.name) {
      p.name = best;
      p.surname = surnameOf(best);
    }
  }
}
