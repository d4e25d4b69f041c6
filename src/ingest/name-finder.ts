import { NAME_KINDS, readNameLexicon, type NameKind } from './name-lexicon.js';
import { allMatches } from '../text/matches.js';
import { withoutAccents } from '../text/without-accents.js';

/**
 * Names found in a text, as written (titles, possessives and lists not yet cleaned up: see entities.ts). Each
 * distinct spelling is listed once, in order of first appearance.
 */
export interface TaggedNames {
  people: string[];
  places: string[];
  organizations: string[];
}

type Kind = NameKind;

interface Lexicon {
  /** First names known as women's only or men's only. */
  gender: Map<string, 'female' | 'male'>;
  words: Map<string, Kind>;
  orgHeads: Set<string>;
  placeHeads: Set<string>;
}

/** Head words of organisations news writes about that compromise's list of organisation words lacks. */
const EXTRA_ORG_HEADS = [
  'ministry', 'parliament', 'cabinet', 'forces', 'navy', 'police', 'guard', 'office', 'service', 'services', 'court', 'senate',
  'congress', 'assembly', 'party', 'alliance', 'front', 'movement', 'command', 'staff', 'duma', 'rada', 'verkhovna', 'kremlin',
  'pentagon', 'inc', 'ltd', 'plc', 'llc', 'corp', 'agency', 'news', 'times', 'post', 'journal', 'institute', 'university', 'union',
  'commission', 'secretariat', 'embassy', 'consulate', 'tribunal', 'bureau', 'brigade', 'battalion', 'regiment', 'fleet', 'league',
  'federation', 'association', 'committee', 'council', 'bank', 'fund',
];
/** Organisation words too common as ordinary capitalised words to mark an organisation on their own. */
const WEAK_ORG_HEADS = new Set([
  'capital', 'data', 'energy', 'design', 'care', 'development', 'education', 'financial', 'gas', 'boys', 'girls', 'crew', 'state',
]);
/** Place words compromise lists that are also titles or common in organisation names. */
const NOT_PLACE_HEADS = new Set(['state', 'camp', 'estates', 'downtown', 'uptown', 'trail', 'trails', 'crossing', 'junction']);
const EXTRA_PLACE_HEADS = ['oblast', 'krai', 'raion', 'governorate', 'republic', 'sea', 'ocean', 'square', 'street', 'avenue', 'airport', 'palace'];
/** Organisations named by a place-like single word. */
const KNOWN_ORGS = [
  'reuters', 'afp', 'interfax', 'tass', 'ria novosti', 'bloomberg', 'xinhua', 'yonhap', 'ukrinform', 'kremlin', 'pentagon', 'white house',
  'downing street', 'élysée', 'elysee', 'vatican', 'hamas', 'hezbollah', 'taliban', 'wagner',
];
/** Places in the news compromise's lexicon lacks (it lists "wales" but not "britain", "crimea" but not "donetsk"). */
const KNOWN_PLACES = [
  'britain', 'great britain', 'northern ireland', 'gaza', 'west bank', 'golan heights', 'donbas', 'donbass', 'donetsk', 'luhansk', 'zaporizhzhia',
  'kherson', 'kharkiv', 'odesa', 'odessa', 'mariupol', 'bakhmut', 'avdiivka', 'pokrovsk', 'kramatorsk', 'sloviansk', 'sumy', 'dnipro', 'lviv',
  'chernihiv', 'mykolaiv', 'kursk', 'belgorod', 'transnistria', 'abkhazia', 'nagorno-karabakh', 'kashmir', 'darfur', 'sahel', 'xinjiang',
];
/** Short all-capital forms of countries and unions of countries. */
const PLACE_ACRONYMS = new Set(['US', 'USA', 'UK', 'UAE', 'DPRK', 'DRC', 'PRC', 'USSR']);

/**
 * Words that mark the name after them as a person's: titles, roles and honorifics. Matches the title words
 * entities.ts strips when it cleans a name up.
 */
const TITLES = new Set([
  'president', 'vice', 'prime', 'minister', 'chancellor', 'secretary', 'king', 'queen', 'prince', 'princess', 'general', 'gen',
  'spokesman', 'spokeswoman', 'spokesperson', 'envoy', 'ambassador', 'senator', 'sen', 'rep', 'representative', 'governor', 'gov',
  'mayor', 'leader', 'chief', 'commander', 'mr', 'mrs', 'ms', 'dr', 'prof', 'chairman', 'chairwoman', 'chair', 'ceo', 'head', 'director',
  'adviser', 'advisor', 'aide', 'official', 'commissioner', 'premier', 'speaker', 'lawmaker', 'colonel', 'col', 'lieutenant', 'lt',
  'admiral', 'sergeant', 'captain', 'judge', 'attorney', 'negotiator', 'diplomat', 'pope', 'cardinal', 'archbishop', 'bishop', 'sheikh',
  'emir', 'sultan', 'crown', 'foreign', 'defence', 'defense', 'deputy', 'acting', 'former', 'special', 'presidential', 'sir', 'dame',
  'lord', 'lady', 'maj', 'capt', 'sgt', 'adm', 'rev', 'hon', 'baroness', 'baron', 'counsellor', 'counselor', 'patriarch', 'metropolitan',
]);

/** Endings of ordinary nouns the lexicon does not list ("election", "agreement"); names rarely end so. */
const NOUN_ENDING = /(?:tions?|sions?|ments?|ences?|ances?|ity|ships?|isms?|ness|ings?|ies|ures?|ery|ogy|ics)$/;
/** Short capitals that are units, time zones, roles or terms, not organisations. */
const NOT_ORG_ACRONYMS = new Set([
  'mp', 'mps', 'msp', 'msps', 'mep', 'meps', 'qc', 'kc', 'pm', 'am', 'gmt', 'bst', 'utc', 'est', 'edt', 'pst', 'pdt', 'cet', 'cest', 'eet', 'eest',
  'msk', 'id', 'tv', 'hiv', 'aids', 'gdp', 'gnp', 'cpi', 'ceo', 'cfo', 'coo', 'cto', 'ok', 'pr', 'it', 'ai', 'dna', 'pc', 'faq', 'lng', 'km', 'kg',
  'mph', 'usd', 'eur', 'gbp', 'rub', 'uah', 'jpy', 'cny', 'ipo', 'ii', 'iii', 'iv', 'vi', 'vii', 'viii', 'ix', 'xi', 'xii', 'xiv', 'xv', 'xvi',
  'dlrs', 'pct', 'mln', 'bln', 'cts', 'vs', 'ps', 'nb', 'rip', 'lol', 'omg', 'wmd', 'icbm', 'atacms', 'hq', 'vip', 'suv', 'gps', 'sms', 'url',
]);
/** Words that qualify a title but are not one: "former", "acting", "Foreign" (Minister). */
const TITLE_MODIFIERS = new Set([
  'former', 'acting', 'special', 'deputy', 'foreign', 'defence', 'defense', 'presidential', 'vice', 'prime', 'crown', 'interim',
  'outgoing', 'incoming', 'late',
]);
/** Titles after which even an ordinary word is a surname: "Mr Brown", "President Bush". */
const STRONG_TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'lord', 'lady', 'president', 'pope', 'king', 'queen', 'prince', 'princess', 'senator', 'sen',
  'chancellor', 'premier', 'minister', 'secretary', 'spokesman', 'spokeswoman', 'ambassador', 'governor', 'mayor',
]);
/** Compass points and the like that make a longer place name of a place: "West Germany", "Eastern Ukraine". */
const PLACE_MODIFIERS = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'new', 'upper', 'lower', 'greater',
  'north-east', 'north-west', 'south-east', 'south-west', 'northeast', 'northwest', 'southeast', 'southwest', 'occupied',
]);
/** Lower-case words that make an organisation of the country before them: "the Russian government", "Ukraine's army". */
const LOWER_ORG_HEADS = new Set(['government', 'administration', 'ministry', 'army', 'military', 'navy', 'parliament', 'delegation', 'cabinet']);
/** Portfolios named between a country and its ministry: "Ukraine's defence ministry". */
const PORTFOLIOS = new Set(['foreign', 'defence', 'defense', 'interior', 'finance', 'economy', 'justice', 'health', 'energy', 'emergencies', 'agriculture']);
/** Stop words that never join a name; the others ("May", "Will") may, right after a first name: "Theresa May". */
const CORE_STOPWORDS = new Set([
  'the', 'a', 'an', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'by', 'with', 'from', 'for', 'as', 'he', 'she', 'it', 'they', 'we', 'i',
  'you', 'his', 'her', 'their', 'its', 'our', 'my', 'is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 'said', 'says', 'told',
  'but', 'if', 'so', 'not', 'no',
]);

/** Lower-case words allowed inside a name: "Ursula von der Leyen", "Abu Mohammed al-Jolani", "Bank of England". */
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'bin', 'al', 'el', 'ibn', 'ben', 'dos', 'das', 'del']);

/** Capitalised words that open sentences and clauses but never start or join a name. */
const STOPWORDS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'or', 'in', 'on', 'at', 'to', 'of', 'by', 'with', 'from',
  'this', 'that', 'these', 'those', 'there', 'here', 'his', 'her', 'their', 'its', 'our', 'my', 'after', 'before', 'while', 'when',
  'where', 'what', 'why', 'how', 'who', 'which', 'meanwhile', 'however', 'for', 'as', 'if', 'so', 'yet', 'still', 'both', 'some',
  'many', 'most', 'no', 'not', 'one', 'other', 'others', 'such', 'since', 'until', 'although', 'though', 'despite', 'during', 'over',
  'under', 'about', 'also', 'even', 'only', 'just', 'now', 'then', 'thus', 'instead', 'all', 'any', 'each', 'every', 'several', 'few',
  'more', 'less', 'much', 'nor', 'because', 'unless', 'is', 'was', 'are', 'were', 'will', 'would', 'can', 'could', 'should', 'may',
  'might', 'must', 'has', 'have', 'had', 'do', 'does', 'did', 'be', 'been', 'said', 'says', 'told', 'according', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'june', 'july', 'august',
  'september', 'october', 'november', 'december',
  // Contractions open sentences too ("We've said this before"): no name is one.
  ...['i', 'we', 'you', 'they', 'he', 'she', 'it', 'that', 'there', 'here', 'what', 'who', 'let'].flatMap((w) =>
    ['m', 're', 've', 'll', 'd', 's'].flatMap((end) => [`${w}'${end}`, `${w}’${end}`]),
  ),
  ...['do', 'does', 'did', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'ca', 'wo', 'could', 'would', 'should'].flatMap((w) => [`${w}n't`, `${w}n’t`]),
]);
/** Verbs of speech: a name right before one is a speaker's ("Andrii Yermak said"). */
const SPEECH_VERBS = new Set([
  'said', 'says', 'told', 'added', 'wrote', 'stated', 'announced', 'insisted', 'warned', 'argued', 'noted', 'explained', 'claimed',
  'tweeted', 'posted',
]);
/** More verbs of report, for a surname alone (see `cited`). */
const REPORT_VERBS = new Set(['reported', 'confirmed', 'stressed', 'emphasized', 'emphasised', 'denied', 'commented', 'replied', 'responded', 'assured']);
/** Prepositions after which an unknown capitalised word is most likely a place: "fighting near Pokrovsk". */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'into', 'towards', 'toward', 'around', 'throughout', 'inside']);
/** Abbreviations written with a full stop that does not end the sentence. */
const DOTTED = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'lt', 'col', 'sen', 'rep', 'gov', 'prof', 'jr', 'sr', 'maj', 'capt', 'sgt', 'adm', 'rev', 'hon',
  'mt', 'ft', 'inc', 'ltd', 'co', 'corp', 'no', 'vs', 'messrs',
]);

/**
 * Given names compromise's lexicon lacks, in the English spellings news uses for Ukrainian, Russian and a few other
 * officials of the story ("Andriy Yermak, the chief of staff, …", "Kaja Kallas"): without one, a full name that
 * neither speaks nor has a title or a Slavic surname's ending is not found, and "he said" after it goes to someone else.
 */
const EXTRA_FIRST_NAMES = [
  'andriy', 'andrii', 'oleksander', 'oleksii', 'oleksiy', 'oleh', 'dmytro', 'dmitriy', 'mykhailo', 'mykola', 'mykyta', 'rustem',
  'denys', 'danylo', 'serhiy', 'serhii', 'sergiy', 'kyrylo', 'vitaliy', 'vitalii', 'ihor', 'taras', 'yurii', 'heorhiy', 'heorhii',
  'valeriy', 'valerii', 'valentyn', 'ruslan', 'maksym', 'vadym', 'yaroslav', 'arseniy', 'bohdan', 'vasyl', 'yevhen', 'yevheniy',
  'yevgeniy', 'kostiantyn', 'kostyantyn', 'konstantin', 'hryhoriy', 'grigory', 'gennady', 'gennadiy', 'vyacheslav', 'sviatoslav',
  'anatolii', 'oleg', 'ramzan', 'iryna', 'yulia', 'yuliia', 'olena', 'tetiana', 'tetyana', 'nataliya', 'svitlana', 'halyna',
  'lyudmyla', 'liudmyla', 'lyudmila', 'mariia', 'mariya', 'kaja', 'rishi', 'tayyip', 'giorgia', 'narendra',
];

/** Endings of Ukrainian and Russian surnames (Umerov, Dmitriev, Sybiha is not one; Klitschko, Kovalenko, Marchuk…). */
const SLAVIC_SURNAME = /(?:ov|ova|ev|eva|iev|yev|enko|chuk|czuk|sky|skyi|skiy|ski|ska|ych|ich|iak|yak|yuk|tsia|tsya)$/;

/**
 * First names the lexicon gives one sex that people in the news of the other sex bear too (Valery Zaluzhny and
 * Valery Gerasimov, Kim Jong Un, Lindsey Graham, Nikita Khrushchev, Hilary Benn, Italy's Nicola, Daniele, Michele
 * and Simone): either pronoun fits them.
 */
const EITHER_SEX = new Set(['valery', 'kim', 'lindsey', 'nikita', 'sasha', 'hilary', 'nicola', 'daniele', 'michele', 'simone', 'andrea', 'dominique', 'camille', 'leslie', 'dana', 'shannon', 'jody', 'kelly', 'tracy', 'stacey', 'lynn', 'evelyn', 'vivian', 'toni', 'noa', 'nour', 'joan']);

let lexicon: Lexicon | undefined;

function load(): Lexicon {
  if (lexicon) return lexicon;
  const data = readNameLexicon();
  const words = new Map<string, Kind>();
  for (const kind of NAME_KINDS) for (const word of data.kinds[kind]) words.set(word, kind);
  for (const org of KNOWN_ORGS) words.set(org, 'org');
  for (const place of KNOWN_PLACES) words.set(place, 'place');
  for (const name of EXTRA_FIRST_NAMES) if (!words.has(name)) words.set(name, 'first');
  const orgHeads = new Set([...data.orgHeads, ...EXTRA_ORG_HEADS].filter((w) => !WEAK_ORG_HEADS.has(w)));
  const placeHeads = new Set([...data.placeHeads, ...EXTRA_PLACE_HEADS].filter((w) => !NOT_PLACE_HEADS.has(w)));
  const gender = new Map<string, 'female' | 'male'>([...data.female.map((w) => [w, 'female'] as const), ...data.male.map((w) => [w, 'male'] as const)].filter(([w]) => !EITHER_SEX.has(w)));
  lexicon = { words, orgHeads, placeHeads, gender };
  return lexicon;
}

/**
 * Whether "he" or "she" can stand for a person of this name: not when the name's first name is known as the other
 * sex's only ("She said" is not Bernie Sanders'). A surname alone, or a first name both or neither, fits either.
 */
export function pronounFits(name: string, pronoun: string): boolean {
  const lex = load();
  const parts = name.trim().split(/\s+/);
  const first = parts.length > 1 || lex.words.get((parts[0] ?? '').toLowerCase()) === 'first' ? (parts[0] ?? '').toLowerCase() : '';
  const sex = first === '' ? undefined : lex.gender.get(first);
  if (sex === undefined) return true;
  const p = pronoun.toLowerCase();
  return p === 'she' || p === 'her' ? sex === 'female' : p === 'he' || p === 'him' || p === 'his' ? sex === 'male' : true;
}

/** What the lexicon knows a word to be ("claire" → first), if anything. */
export function lexiconKind(word: string): NameKind | undefined {
  const words = load().words;
  const key = word.toLowerCase();
  const kind = words.get(key);
  // A word the lexicon holds without its accents ("Brasília" for "brasilia"): the same word.
  if (kind !== undefined || /^[\x00-\x7f]*$/.test(key)) return kind;
  return words.get(withoutAccents(key));
}

interface Token {
  /** As written, possessive included. */
  text: string;
  /** Lower-cased, without a possessive or a full stop: the lexicon key. */
  key: string;
  start: number;
  end: number;
  capital: boolean;
  /** All capitals, two to six letters: NATO, EU, U.S. */
  acronym: boolean;
  possessive: boolean;
  /** First word of a sentence, or of a quotation or clause written as one: capitalised by position. */
  initial: boolean;
  /** Nothing but spaces between this token and the one before (no comma, quote, bracket or line break). */
  joined: boolean;
}

const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
const CAPITAL_START = /^\p{Lu}/u;
const UPPER_LETTER = /\p{Lu}/u;
const LETTER = /\p{L}/u;

/**
 * How a line uses capitals: `prose`; `title` when most of its longer words are capitalised (a headline in title
 * case, where a capital says nothing about names); `shout` when it is in capitals throughout.
 */
function lineCase(line: string): 'prose' | 'title' | 'shout' {
  // Counted by character code: this runs on every line of every article.
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 97 && c <= 122) letters++;
    else if (c >= 65 && c <= 90) {
      letters++;
      upper++;
    } else if (c > 127) {
      const ch = line[i] ?? '';
      if (UPPER_LETTER.test(ch)) {
        letters++;
        upper++;
      } else if (LETTER.test(ch)) letters++;
    }
  }
  if (letters >= 12 && upper / letters > 0.8) return 'shout';
  // A sentence full of names still ends like one; a headline does not.
  if (/[.!?]["'”’)]*\s*$/u.test(line)) return 'prose';
  let long = 0;
  let capital = 0;
  for (const w of allMatches(/\p{L}{4,}/gu, line)) {
    if (STOPWORDS.has(w[0].toLowerCase())) continue;
    long++;
    if (CAPITAL_START.test(w[0])) capital++;
  }
  return long >= 3 && capital / long >= 0.6 ? 'title' : 'prose';
}

/** `CAPITAL_START.test(word)`, by character code for ASCII (most words). */
function startsCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return CAPITAL_START.test(word);
}

const ASCII_LETTERS = /^[A-Za-z]+$/;

/** The word's letters: the word itself when it is ASCII letters only (most words), without the Unicode replacement. */
function lettersOf(word: string): string {
  return ASCII_LETTERS.test(word) ? word : word.replace(/[^\p{L}]/gu, '');
}

function tokenize(text: string, lex: Lexicon): Token[] {
  const tokens: Token[] = [];
  for (const lineMatch of allMatches(/[^\n]+/g, text)) {
    const line = lineMatch[0];
    const mode = lineCase(line);
    if (mode === 'shout') continue;
    const offset = lineMatch.index;
    let last = 0;
    let initial = true;
    let first = true;
    // An exec loop rather than matchAll: V8 runs matchAll's iterator several times slower, and this is every word.
    WORD.lastIndex = 0;
    for (let m = WORD.exec(line); m !== null; m = WORD.exec(line)) {
      let word = m[0];
      const start = m.index;
      let end = start + word.length;
      const gap = start === last + 1 && line[last] === ' ' ? ' ' : line.slice(last, start);
      if (!first && gap !== ' ' && /[.!?]["'”’)]*\s|[:;“"‘(]/u.test(gap)) initial = true;
      const joined = !first && (gap === ' ' || /^[ \t\u00a0]+$/u.test(gap));
      let key = word.toLowerCase();
      // "Mr." and "St." keep their full stop and do not end the sentence.
      // So do a name's initials: "John F. Kennedy".
      if (line[end] === '.' && (DOTTED.has(key) || /^\p{Lu}$/u.test(word))) {
        end += 1;
        word += '.';
      }
      // Most words have no apostrophe or full stop, and most are not capitalised: skip the work they do not need.
      const marked = word.includes("'") || word.includes('’');
      const possessive = marked && /\p{L}['’]s?$/u.test(word);
      if (marked) key = key.replace(/['’]s?$/u, '');
      if (key.includes('.')) key = key.replace(/\./g, '');
      // "President-elect Donald Trump", "Prime Minister-designate": the title the office will be.
      if (key.endsWith('-elect') || key.endsWith('-designate')) key = key.slice(0, key.lastIndexOf('-'));
      const capitalised = startsCapitalised(word);
      const letters = capitalised && word.length <= 12 ? lettersOf(word) : '';
      // In a title-case headline only words that can belong to a name count as capitalised.
      const capital = capitalised && (mode === 'prose' || lex.words.get(key) !== 'common' || TITLES.has(key) || lex.orgHeads.has(key) || lex.placeHeads.has(key));
      tokens.push({
        text: word,
        key,
        start: offset + start,
        end: offset + end,
        capital,
        acronym: letters.length >= 2 && letters.length <= 6 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters),
        possessive,
        initial,
        joined,
      });
      initial = false;
      first = false;
      last = end;
    }
  }
  return tokens;
}

interface Span {
  from: number;
  /** Exclusive. */
  to: number;
}

/** Runs of capitalised words with the small words that may sit inside a name. */
function spans(tokens: Token[], lex: Lexicon): Span[] {
  const out: Span[] = [];
  let i = 0;
  const nameWord = (t: Token | undefined): boolean => t !== undefined && t.capital && !STOPWORDS.has(t.key);
  while (i < tokens.length) {
    if (!nameWord(tokens[i])) {
      i++;
      continue;
    }
    const from = i;
    let to = i + 1;
    let connected = false;
    // Kept as the span grows: looking back over the span at every "and" would make long runs quadratic.
    let orgHead = lex.orgHeads.has(tokens[i]?.key ?? '');
    while (to < tokens.length && !tokens[to - 1]?.possessive) {
      const next = tokens[to];
      if (!next?.joined) break;
      if (nameWord(next) || (next.capital && !CORE_STOPWORDS.has(next.key) && lex.words.get(tokens[to - 1]?.key ?? '') === 'first')) {
        orgHead ||= lex.orgHeads.has(next.key);
        to++;
        continue;
      }
      // Lower-case particles inside a name ("von der Leyen"), or "of"/"for"/"and" inside an organisation's: only when
      // a capitalised word follows them directly.
      let run = 0;
      while (PARTICLES.has(tokens[to + run]?.text ?? '') && tokens[to + run]?.joined && run < 3) run++;
      const ofOrFor = (next.text === 'of' || next.text === 'for') && isHeadOrTitle(tokens[to - 1], lex);
      const and: boolean = next.text === 'and' && connected && orgHead;
      const connector: boolean = run === 0 && (ofOrFor || and);
      const width = connector ? 1 : run;
      const after = tokens[to + width];
      if (width > 0 && after?.joined && nameWord(after)) {
        connected ||= connector && next.text !== 'and';
        orgHead ||= lex.orgHeads.has(after.key);
        to += width + 1;
        continue;
      }
      break;
    }
    out.push({ from, to });
    i = to;
  }
  return out;
}

function isHeadOrTitle(t: Token | undefined, lex: Lexicon): boolean {
  if (!t?.capital) return false;
  return lex.orgHeads.has(t.key) || lex.placeHeads.has(t.key) || TITLES.has(t.key) || t.key === 'organisation' || t.key === 'organization';
}

type Found = { kind: 'people' | 'places' | 'organizations'; from: number; to: number };

/** The span as one phrase the lexicon knows as a name: "new york", "united nations", "barack obama". */
function knownPhrase(tokens: Token[], from: number, to: number, lex: Lexicon): Found | undefined {
  if (to - from < 2) return undefined;
  let phrase = tokens[from]?.key ?? '';
  for (let k = from + 1; k < to; k++) phrase += ` ${tokens[k]?.key ?? ''}`;
  const kind = lex.words.get(phrase);
  if (kind === 'person') return { kind: 'people', from, to };
  if (kind === 'place') return { kind: 'places', from, to };
  if (kind === 'org') return { kind: 'organizations', from, to };
  return undefined;
}

function classify(tokens: Token[], span: Span, lex: Lexicon): Found | Found[] | undefined {
  let { from } = span;
  const { to } = span;
  const phrase = knownPhrase(tokens, from, to, lex);
  if (phrase) return phrase;
  const first = tokens[from];
  if (!first) return undefined;
  // A sentence-initial word the lexicon knows as an ordinary word ("Officials", "Speaking") is not part of a name.
  if (first.initial && !first.acronym) {
    const known = lex.words.get(first.key);
    // So is one the lexicon does not know before a first name: "Oceanographer Charitha Pattiaratchi".
    const nextKnown = lex.words.get(tokens[from + 1]?.key ?? '');
    if (((known === 'common' || known === 'role') && !TITLES.has(first.key)) || (known === undefined && from + 1 < to && nextKnown === 'first')) from++;
    if (from >= to) return undefined;
  }
  const shorter = from > span.from ? knownPhrase(tokens, from, to, lex) : undefined;
  if (shorter) return shorter;
  const words = tokens.slice(from, to);
  const keys = words.map((t) => t.key);
  const kinds = keys.map((k) => lex.words.get(k));
  const isTitle = (k: string) => TITLES.has(k) || lex.words.get(k) === 'honorific';
  const isOrgWord = (k: string) => lex.orgHeads.has(k) || lex.words.get(k) === 'org';
  const before = tokens[from - 1];
  const next = tokens[to];
  const speaks = next !== undefined && next.joined && SPEECH_VERBS.has(next.key);
  // A surname alone with a Slavic ending, reporting or cited ("Peskov reported", "according to Peskov"): an official
  // the page never names in full. (Not any word: "Reuters reported" is an outlet.)
  const cited = speaks || (next !== undefined && next.joined && REPORT_VERBS.has(next.key)) || (before?.key === 'to' && tokens[from - 2]?.key === 'according');
  if (kinds.every((k) => k === 'place' || k === 'demonym' || k === 'org')) {
    // "Russia's foreign ministry": one lower-case portfolio word may sit between the country and the head.
    const portfolio = next?.joined && !next.capital && PORTFOLIOS.has(next.key) ? 1 : 0;
    const head = tokens[to + portfolio];
    if (next?.joined && head?.joined && !head.capital && LOWER_ORG_HEADS.has(head.key)) {
      const org: Found = { kind: 'organizations', from, to: to + portfolio + 1 };
      // The country is named too.
      return kinds.every((k) => k === 'place') ? [{ kind: 'places', from, to }, org] : org;
    }
  }

  // A title, then a name: "Russian President Vladimir Putin", "Secretary of State Marco Rubio", "Mr Peskov".
  let lastTitle = -1;
  keys.forEach((k, n) => {
    if (isTitle(k) && !TITLE_MODIFIERS.has(k)) lastTitle = n;
  });
  // A head word alone ("the Bank", "the League") names nothing in particular.
  const hasOrgHead = keys.some((k) => (keys.length > 1 ? isOrgWord(k) : lex.words.get(k) === 'org'));
  if (lastTitle >= 0 && lastTitle < keys.length - 1 && !words[lastTitle]?.possessive) {
    // "Secretary of State Marco Rubio": the name is what follows the title's object; "Prince of Wales" has none.
    let nameFrom = lastTitle + 1;
    for (let n = lastTitle + 1; n < words.length; n++) if (!words[n]?.capital && !PARTICLES.has(words[n]?.text ?? '')) nameFrom = n + 2;
    // An object of two words ("President of South Africa Cyril Ramaphosa"): the rest of the place is no part of the name.
    while (nameFrom > lastTitle + 1 && nameFrom < keys.length - 1 && kinds[nameFrom] === 'place') nameFrom++;
    const name = keys.slice(nameFrom);
    const nameIsPlace = name.length === 1 && lex.words.get(name[0] ?? '') === 'place';
    // "General Election", "Lord Justice": ordinary words after a role are a name only after an honorific ("Mr Brown").
    const titleWord = keys[lastTitle] ?? '';
    const strong = STRONG_TITLES.has(titleWord) || lex.words.get(titleWord) === 'honorific';
    const ordinary = !strong && name.every((k) => lex.words.get(k) === 'common' || (lex.words.get(k) === undefined && NOUN_ENDING.test(k)));
    // (Four words at most, not counting particles: "Abdullah bin Zayed Al Nahyan".)
    if (name.length > 0 && !name.some(isOrgWord) && !nameIsPlace && !ordinary && name.filter((k) => !PARTICLES.has(k)).length <= 4) {
      const person: Found = { kind: 'people', from: nameFrom > lastTitle + 1 ? from + nameFrom : from, to };
      // "European Commission President Ursula von der Leyen" names an organisation too.
      const firstTitle = keys.findIndex(isTitle);
      const head = keys.slice(0, firstTitle);
      if (head.length > 0 && head.some(isOrgWord)) return [{ kind: 'organizations', from, to: from + firstTitle }, person];
      return person;
    }
  }
  // "… Defense Council of Ukraine Rustem Umerov": the body's name runs on into its head's; split them.
  const n = keys.length;
  if (hasOrgHead && n >= 4 && kinds.slice(n - 2).every((k) => k === undefined || k === 'first') && SLAVIC_SURNAME.test(keys[n - 1] ?? '') && (kinds[n - 3] === 'place' || isOrgWord(keys[n - 3] ?? '')))
    return [
      { kind: 'organizations', from, to: to - 2 },
      { kind: 'people', from: to - 2, to },
    ];
  if (hasOrgHead) return { kind: 'organizations', from, to };
  const lastKey = keys[keys.length - 1] ?? '';
  if (keys.length > 1 && lex.placeHeads.has(lastKey)) return { kind: 'places', from, to };
  // A role word ("analyst", "affiliate") before a single word is too weak a sign: "affiliate WUSA".
  // (Right before it: "According to the president, Western countries explained …" gives "president" no name.)
  const titled =
    before !== undefined &&
    first.joined &&
    !before.possessive &&
    !TITLE_MODIFIERS.has(before.key) &&
    (isTitle(before.key) ||
      (!before.capital && lex.words.get(before.key) === 'role' && (keys.length > 1 || kinds[0] === 'last' || kinds[0] === 'first')));
  if (titled && !first.acronym && keys.length <= 3 && kinds.every((k) => k !== 'place' && k !== 'org' && k !== 'demonym')) return { kind: 'people', from, to };
  // Nationalities before a name ("Australian Lynton Crosby") say nothing of what the name is.
  let own = 0;
  while (own < keys.length - 1 && kinds[own] === 'demonym') own++;
  const ownKinds = kinds.slice(own);
  const lastKind = kinds[keys.length - 1];
  // Two initials as one word before a known name: "JD Vance" (not a country's or a unit's capitals: "US Vance" is no one).
  const initials = words[0];
  if (keys.length === 2 && initials?.acronym && initials.text.length === 2 && (kinds[0] === undefined || kinds[0] === 'common') && !PLACE_ACRONYMS.has(initials.text) && !NOT_ORG_ACRONYMS.has(initials.key) && (kinds[1] === 'first' || kinds[1] === 'last' || kinds[1] === 'person'))
    return { kind: 'people', from, to };
  // Known words: a first name opens a person's name; a known surname closes one.
  if (ownKinds[0] === 'first' && ownKinds.length >= 2 && ownKinds.length <= 4 && ownKinds[1] !== 'place') return { kind: 'people', from: from + own, to };
  if (ownKinds.length >= 2 && ownKinds.length <= 3 && (lastKind === 'last' || lastKind === 'person') && ownKinds[0] !== 'place') return { kind: 'people', from: from + own, to };
  if (keys.length === 1) {
    const only = words[0];
    if (only?.acronym) {
      if (PLACE_ACRONYMS.has(only.text.replace(/[.'’]|['’]s$/g, '')) || kinds[0] === 'place') return { kind: 'places', from, to };
      // "TV", "GMT", "MP": capitals that are ordinary words; "REUTER", "SYDNEY": a word in capitals, not an acronym.
      if (kinds[0] !== undefined || NOT_ORG_ACRONYMS.has(only.key) || only.key.length > 4) return undefined;
      return { kind: 'organizations', from, to };
    }
    // "in Houston", "near Pokrovsk": a word the lexicon does not know, or knows only as someone's name, after "in".
    const placed = before !== undefined && !before.capital && PLACE_PREPOSITIONS.has(before.key) && !first.initial && !first.possessive;
    if (placed && (kinds[0] === undefined || kinds[0] === 'person') && !NOUN_ENDING.test(first.key)) return { kind: 'places', from, to };
    if (kinds[0] === 'last' || kinds[0] === 'person') return { kind: 'people', from, to };
    if (kinds[0] === 'place') return { kind: 'places', from, to };
    // "Zelensky said": a word the lexicon does not know, speaking, is someone's surname; "Conservatives said" is a
    // group, and so, opening a sentence, is almost any word in -s ("Organisers said").
    const plural = first.key.endsWith('s') && (first.initial || lex.words.has(first.key.slice(0, -1)));
    if (speaks && kinds[0] === undefined && !plural && !NOUN_ENDING.test(first.key)) return { kind: 'people', from, to };
    if (cited && kinds[0] === undefined && SLAVIC_SURNAME.test(first.key)) return { kind: 'people', from, to };
    // A word the lexicon lists as a first name, speaking alone, is a surname that is also a first name: "Vance said".
    if (speaks && kinds[0] === 'first' && !plural) return { kind: 'people', from, to };
    return undefined;
  }
  if (kinds[keys.length - 1] === 'place' && keys.every((k, n) => PLACE_MODIFIERS.has(k) || kinds[n] === 'place' || kinds[n] === 'demonym')) {
    // "Russia Ukraine" without a comma is two places; keep the run as written and let the caller split it.
    return { kind: 'places', from, to };
  }
  // An unknown full name reported as speaking: "Andrii Yermak said".
  const nameLike = ownKinds.every((k) => k === undefined || k === 'first' || k === 'last');
  if (speaks && ownKinds.length >= 2 && ownKinds.length <= 3 && nameLike) return { kind: 'people', from: from + own, to };
  // An unknown full name with a Slavic surname's ending ("Rustem Umerov", "Kirill Dmitriev", "Serhiy Kyslytsia"… the
  // officials of a story between Kyiv and Moscow) is a person wherever it stands; places with such endings are known.
  if (ownKinds.length >= 2 && ownKinds.length <= 3 && nameLike && !words.some((w) => w.acronym) && SLAVIC_SURNAME.test(keys[keys.length - 1] ?? ''))
    return { kind: 'people', from: from + own, to };
  if (kinds.every((k) => k === undefined) && before && !before.capital && PLACE_PREPOSITIONS.has(before.key) && keys.length <= 2) return { kind: 'places', from, to };
  return undefined;
}

/**
 * People, places and organisations named in `text`: runs of capitalised words, told apart by the words around them
 * (titles, "said", "in") and by a lexicon (compromise's, see name-lexicon.ts) of first names, surnames, countries,
 * cities and organisations.
 * One pass over the text, no parsing: ingestion runs this on every article.
 */
export function findNames(text: string): TaggedNames {
  const lex = load();
  const tokens = tokenize(text, lex);
  const out: TaggedNames = { people: [], places: [], organizations: [] };
  const seen = new Set<string>();
  for (const span of spans(tokens, lex)) {
    const result = classify(tokens, span, lex);
    for (const found of Array.isArray(result) ? result : result ? [result] : []) add(found);
  }
  return out;

  function add(found: Found): void {
    const start = tokens[found.from]?.start ?? 0;
    const lastToken = tokens[found.to - 1];
    const end = lastToken?.end ?? start;
    // "Kyiv's" is Kyiv; a person's possessive is left to entities.ts, which cleans names up.
    const raw = text.slice(start, end).replace(found.kind !== 'people' && lastToken?.possessive ? /['’]s?$/u : /$^/u, '');
    const key = `${found.kind}\u0000${raw}`;
    if (seen.has(key)) return;
    seen.add(key);
    out[found.kind].push(raw);
  }
}
