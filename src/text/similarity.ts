/**
 * Text similarity for cross-source merging: content-word sets, Jaccard/overlap, MinHash signatures and LSH band keys.
 * Band keys let the store find merge candidates through an index instead of comparing against every stored event.
 */
import { memoByText } from './memo-by-text.js';

const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing down during each even ever every few for from further had has have having he her here hers herself him ' +
    'himself his how however i if in into is it its itself just least less like made make many may me might more most much must my ' +
    'near no nor not now of off often on once one only or other our ours out over own per perhaps rather said same says say she should ' +
    'since so some still such than that the their theirs them themselves then there these they this those though through thus to too ' +
    'under until up upon us very was we were what when where whether which while who whom whose why will with within without would yet ' +
    'you your yours according told tells added adds also there’s it’s that’s new year years day days week weeks time times today yesterday ' +
    'monday tuesday wednesday thursday friday saturday sunday mr mrs ms two three first last ' +
    // Words any news report uses, whatever it is about.
    'say confirm confirmed announce announced discuss discussed remain remains begin continue continued side sides ' +
    'statement spoke speaking told report reported reports official officials added noted describe described ' +
    'expected possible major recent next former including well back clear unclear another way part'
  ).split(/\s+/),
);

/** Crude suffix stemming (enough to fold "immediate"/"immediately", "negotiation"/"negotiating"). */
export function stem(word: string): string {
  if (word.length <= 4 || word.includes('-')) return word;
  return word.replace(/(?:ational|ations?|ingly|edly|ings?|ed|ly|ments?|ness|ity|ive|ous|al|ers?|e)$/, '').slice(0, 8);
}

/** Separators between words: anything but letters, digits, apostrophes and hyphens. */
const NON_WORD = /[^\p{L}\p{N}'’-]+/u;
const WORD_CHAR = /[\p{L}\p{N}'’-]/uy;
const WORD_ASCII = new Uint8Array(128).map((_, c) => (/[a-z0-9'-]/i.test(String.fromCharCode(c)) ? 1 : 0));

/** Length of the word character at `i` (0 for a separator): ASCII by table, the rest by `WORD_CHAR`. */
function wordCharLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return WORD_ASCII[c] ?? 0;
  WORD_CHAR.lastIndex = i;
  return WORD_CHAR.test(s) ? WORD_CHAR.lastIndex - i : 0;
}

function codePointLength(s: string, i: number): number {
  return (s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

/** The content word a lower-case token stands for, or undefined for stopwords, numbers and short tokens. */
function contentWord(raw: string): string | undefined {
  let w = raw.replace(/^['’-]+|['’-]+$/g, '').replace(/['’]s$/, '');
  if (w.length < 3 || STOPWORDS.has(w) || /^\d+$/.test(w)) return undefined;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  return w;
}

/** Lower-case content words of a text: no stopwords, no possessives, crude plural folding. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(NON_WORD)) {
    const w = contentWord(raw);
    if (w !== undefined) out.push(w);
  }
  return out;
}

/**
 * Each token's stemmed content word (null for none). A pure function of the token, so never stale; news keeps using
 * the same few thousand words, so most tokens of any article are found here instead of going through five regexes.
 */
const tokenFeatures = new Map<string, string | null>();
const TOKEN_FEATURES_MAX = 50_000;

/** The set of stemmed content words, minus words every article of the story shares (its keywords) when given. */
export function featureSet(text: string, common?: ReadonlySet<string>): Set<string> {
  const set = new Set<string>();
  const lower = text.toLowerCase();
  const n = lower.length;
  // The tokens `lower.split(NON_WORD)` gives, empty ones included, without building the array.
  for (let i = 0; i <= n; ) {
    let j = i;
    for (let len = 0; j < n && (len = wordCharLength(lower, j)) > 0; ) j += len;
    const raw = lower.slice(i, j);
    if (j === n) i = n + 1;
    else for (i = j; i < n && wordCharLength(lower, i) === 0; ) i += codePointLength(lower, i);
    let s = tokenFeatures.get(raw);
    if (s === undefined) {
      const w = contentWord(raw);
      s = w === undefined ? null : stem(w);
      // Emptied rather than evicted one by one: rare words (names, numbers) come and go, the common ones return at once.
      if (tokenFeatures.size >= TOKEN_FEATURES_MAX) tokenFeatures.clear();
      tokenFeatures.set(raw, s);
    }
    if (s !== null && !common?.has(s)) set.add(s);
  }
  return set;
}

/**
 * {@link featureSet} of a text (without common words), memoised by the text: the same sentences come back build
 * after build in briefings and merge after merge in ingestion.
 */
export const featuresOf: (text: string) => ReadonlySet<string> = memoByText(20_000, (text) => featureSet(text));

/** |A ∩ B| / |A|: how much of A is found in B. */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / a.size;
}

/** |A ∩ B| / |A ∪ B| */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** |A ∩ B| / min(|A|, |B|): high when one text says a subset of the other. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) inter++;
  return inter / small.size;
}

/** 32-bit FNV-1a. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

export const MINHASH_BANDS = 24;
export const MINHASH_ROWS = 1;
const PERMUTATIONS = MINHASH_BANDS * MINHASH_ROWS;
const SEEDS = Array.from({ length: PERMUTATIONS }, (_, i) => mix(i + 1, 0x9e3779b9));

/** MinHash signature of a word set (`MINHASH_BANDS × MINHASH_ROWS` values). */
export function minhash(words: Iterable<string>): Uint32Array {
  const sig = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const w of words) {
    const h = fnv1a(w);
    for (let i = 0; i < PERMUTATIONS; i++) {
      const v = mix(h, SEEDS[i] ?? 0);
      if (v < (sig[i] ?? 0xffffffff)) sig[i] = v;
    }
  }
  return sig;
}

/**
 * LSH band keys of a signature: two sets with Jaccard s share at least one key with probability
 * 1 − (1 − s^rows)^bands. Independent reports of one event share few words (s ≈ 0.15–0.25), so the bands favour
 * recall (24 × 1: ≈ 0.98 at s = 0.15); precision comes from the date window and the exact check after lookup.
 */
export function lshBands(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < MINHASH_BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < MINHASH_ROWS; r++) h = mix(h, sig[b * MINHASH_ROWS + r] ?? 0);
    keys.push(`${b.toString(36)}:${h.toString(36)}`);
  }
  return keys;
}
