import nlp from 'compromise';

/**
 * Names compromise finds in a text, as it writes them (titles, possessives and lists not yet cleaned up). A name
 * repeated in identical context is listed once.
 */
export interface TaggedNames {
  people: string[];
  places: string[];
  organizations: string[];
}

/** Capitalised sentence openers that are not names: on their own they do not make a word worth tagging. */
const OPENERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'or', 'in', 'on', 'at', 'to', 'of', 'by', 'with', 'from',
  'this', 'that', 'these', 'those', 'there', 'here', 'his', 'her', 'their', 'its', 'our', 'my', 'after', 'before', 'while', 'when',
  'where', 'what', 'why', 'how', 'who', 'which', 'meanwhile', 'however', 'for', 'as', 'if', 'so', 'yet', 'still', 'both', 'some',
  'many', 'most', 'no', 'not', 'one', 'other', 'others', 'such', 'since', 'until', 'although', 'though', 'despite', 'during', 'over',
  'under', 'about', 'also', 'even', 'only', 'just', 'now', 'then', 'thus', 'instead', 'asked', 'speaking', 'according', 'last', 'earlier',
  'later', 'separately', 'again', 'all', 'any', 'each', 'every', 'several', 'few', 'more', 'less', 'much', 'nor', 'because', 'unless',
]);

/** Words of context kept before and after each capitalised word: compromise's name rules look at most this far. */
const CONTEXT_BEFORE = 2;
const CONTEXT_AFTER = 2;

/**
 * The parts of a text a name tagger needs: each capitalised word (except a plain sentence opener such as "The") with
 * a couple of words either side, inside one of compromise's own sentences; each distinct window once. compromise
 * tags clause by clause from nearby words, so it finds the same names in these windows as in the whole text, while
 * most of the prose (and most of the tagging cost) is left out. A window starts either where its sentence starts or
 * on a context word, never on a capitalised word the sentence did not start with.
 */
export function nameContexts(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const sentence of tokenize.splitSentences(text, world)) {
    const words = sentence.split(/\s+/).filter(Boolean);
    const keep = new Uint8Array(words.length);
    let any = false;
    for (let i = 0; i < words.length; i++) {
      const w = words[i] ?? '';
      const first = /^[^\p{L}\p{N}]*(\p{L})/u.exec(w)?.[1];
      if (!first || first === first.toLowerCase()) continue;
      if (i === 0 && OPENERS.has(w.replace(/[^\p{L}]/gu, '').toLowerCase())) continue;
      keep.fill(1, Math.max(0, i - CONTEXT_BEFORE), Math.min(words.length, i + CONTEXT_AFTER + 1));
      any = true;
    }
    if (!any) continue;
    let window: string[] = [];
    const flush = () => {
      if (window.length === 0) return;
      const joined = window.join(' ');
      window = [];
      if (seen.has(joined)) return;
      seen.add(joined);
      out.push(joined);
    };
    for (let i = 0; i < words.length; i++) {
      if (keep[i]) window.push(words[i] ?? '');
      else flush();
    }
    flush();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// A faster sweep for compromise's post-tagger. compromise picks the rules worth trying on a clause by walking every
// rule key it knows (thousands) for every clause; this walks the clause's own words and tags instead and keeps the
// rules in the same order, so the same rules run in the same order and tag the same words. Clauses without a capital
// letter keep their pre-tagger tags: a name, place or organisation only counts when it has a capitalised word (see
// canonicalName and splitList in entities.ts), and compromise's clauses end at commas, which also end names.

interface Term {
  text: string;
}
interface Rule {
  match: string;
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  unTag?: string;
}
interface Net {
  hooks: Record<string, Rule[]>;
  always: Rule[];
}
interface SweepMethods {
  one: {
    cacheDoc: (document: Term[][]) => Array<Set<string>>;
    match: (docs: Term[][], rule: Rule) => { ptrs: number[][] };
  };
}
type ParseMatch = (match: string, opts: object | undefined, world: World) => unknown[];
interface Tokenize {
  splitSentences: (text: string, world: World) => string[];
}
interface World {
  hooks: string[];
  compute: Record<string, (view: PostTagView) => unknown>;
  methods: {
    one: {
      tokenize: Tokenize;
      parseMatch: ParseMatch;
      bulkMatch: (document: Term[][], net: Net, methods: SweepMethods, opts?: { matchOne?: boolean }) => unknown[];
      bulkTagger: (found: unknown[], document: Term[][], world: World) => unknown;
    };
    two: { quickSplit: (document: Term[][]) => Array<Array<Term & { index: [number, number] }>> };
  };
}
/** The parts of a compromise view the post-tagger uses. */
interface PostTagView {
  docs: Term[][];
  methods: SweepMethods;
  update: (pointers: number[][]) => PostTagView;
  uncache: () => void;
  unfreeze: () => void;
}

const world = (nlp.world as () => unknown)() as World;
const tokenize = world.methods.one.tokenize;
const parseMatch = world.methods.one.parseMatch;
/** Parsed match strings: compromise's name queries parse the same few patterns on every call. */
const parsedMatches = new Map<string, unknown[]>();
const memoParseMatch: ParseMatch = (match, opts, w) => {
  if (opts !== undefined && Object.keys(opts).length > 0) return parseMatch(match, opts, w);
  let regs = parsedMatches.get(match);
  if (!regs) {
    regs = parseMatch(match, opts, w);
    if (parsedMatches.size < 1000) parsedMatches.set(match, regs);
  }
  return regs;
};
const CAPITAL = /\p{Lu}/u;

/**
 * A post-tagger rule net indexed for {@link fastBulkMatch}. compromise lists a rule under every word and tag it needs
 * or wants, and for each clause walks all rules listed under the clause's words and tags, in key order, keeping a
 * rule's first appearance. Here each rule is listed once, under one key the clause must have for the rule to apply
 * (its rarest need, else each of its wants), and the rules that apply are put back into compromise's order with
 * `order`: the index of their first present key, then their place in that key's list. Every word and tag a rule
 * mentions gets a number, so a clause's words and tags become a bit set and a rule's conditions are bit tests.
 */
interface PreparedNet {
  /** Number of each word or tag any rule mentions. */
  keyId: Map<string, number>;
  /** Rules listed under a key number: the key is one of their needs (or, without needs, one of their wants). */
  byTrigger: Array<IndexedRule[] | undefined>;
  /** One bit per key number, set for the clause being swept. */
  present: Uint32Array;
}
interface IndexedRule {
  id: number;
  rule: Rule;
  needs: number[];
  wants: number[];
  ifNo: number[];
  /** Every key the rule is listed under in compromise's net, with its place in that key's list, by key order. */
  keys: Array<{ key: number; index: number; position: number }>;
}
const prepared = new WeakMap<object, PreparedNet>();
/** Per rule number, the last clause that considered it (a generation stamp instead of a fresh Set per clause). */
let seen = new Uint32Array(0);
let stamp = 0;

function prepare(net: Net): PreparedNet {
  let p = prepared.get(net.hooks);
  if (p) return p;
  const keys = Object.keys(net.hooks);
  const keyId = new Map<string, number>();
  const idOf = (k: string): number => {
    let id = keyId.get(k);
    if (id === undefined) {
      id = keyId.size;
      keyId.set(k, id);
    }
    return id;
  };
  const byMatch = new Map<string, IndexedRule>();
  keys.forEach((key, index) => {
    (net.hooks[key] ?? []).forEach((rule, position) => {
      let ir = byMatch.get(rule.match);
      if (!ir) {
        ir = { id: byMatch.size, rule, needs: rule.needs.map(idOf), wants: rule.wants.map(idOf), ifNo: (rule.ifNo ?? []).map(idOf), keys: [] };
        byMatch.set(rule.match, ir);
      }
      ir.keys.push({ key: idOf(key), index, position });
    });
  });
  const listed = (k: string) => net.hooks[k]?.length ?? 0;
  const byTrigger: Array<IndexedRule[] | undefined> = [];
  const add = (k: string, ir: IndexedRule) => {
    const id = idOf(k);
    const list = byTrigger[id];
    if (list) list.push(ir);
    else byTrigger[id] = [ir];
  };
  for (const ir of byMatch.values()) {
    const needs = ir.rule.needs;
    if (needs.length > 0) {
      // Words are rarer than tags; among tags, one few rules use is likely rarer too.
      const rarest = [...needs].sort((a, b) => Number(a.startsWith('#')) - Number(b.startsWith('#')) || listed(a) - listed(b))[0] as string;
      add(rarest, ir);
    } else {
      for (const w of new Set(ir.rule.wants)) add(w, ir);
    }
  }
  if (seen.length < byMatch.size) seen = new Uint32Array(byMatch.size);
  p = { keyId, byTrigger, present: new Uint32Array((keyId.size >> 5) + 1) };
  prepared.set(net.hooks, p);
  return p;
}

function has(present: Uint32Array, id: number): boolean {
  return ((present[id >> 5] ?? 0) & (1 << (id & 31))) !== 0;
}

function applies(ir: IndexedRule, present: Uint32Array): boolean {
  for (const need of ir.needs) if (!has(present, need)) return false;
  for (const no of ir.ifNo) if (has(present, no)) return false;
  if (ir.wants.length > 0) {
    let hits = 0;
    for (const w of ir.wants) if (has(present, w)) hits++;
    if (hits < ir.rule.minWant) return false;
  }
  return true;
}

/** compromise's place for a rule that applies to a clause: its first key present in the clause, then its position. */
function order(ir: IndexedRule, present: Uint32Array): number {
  for (const k of ir.keys) if (has(present, k.key)) return k.index * 65536 + k.position;
  return Number.MAX_SAFE_INTEGER;
}

function fastBulkMatch(document: Term[][], net: Net, methods: SweepMethods, opts: { matchOne?: boolean } = {}): unknown[] {
  if (capturing) postTagNet = net;
  const docCache = methods.one.cacheDoc(document);
  const p = prepare(net);
  const { present } = p;
  const results: unknown[] = [];
  const ids: number[] = [];
  for (let n = 0; n < document.length; n++) {
    const terms = document[n] ?? [];
    if (!terms.some((t) => CAPITAL.test(t.text))) continue;
    const haves = docCache[n] ?? new Set<string>();
    ids.length = 0;
    for (const item of haves) {
      const id = p.keyId.get(item);
      if (id === undefined) continue;
      ids.push(id);
      present[id >> 5] = (present[id >> 5] ?? 0) | (1 << (id & 31));
    }
    if (++stamp === 0xffffffff) {
      seen.fill(0);
      stamp = 1;
    }
    const found: Array<{ rule: Rule; at: number }> = [];
    for (const id of ids) {
      const list = p.byTrigger[id];
      if (!list) continue;
      for (const ir of list) {
        if (seen[ir.id] === stamp) continue;
        seen[ir.id] = stamp;
        if (applies(ir, present)) found.push({ rule: ir.rule, at: order(ir, present) });
      }
    }
    for (const id of ids) present[id >> 5] = 0;
    found.sort((a, b) => a.at - b.at);
    let rules = found.map((f) => f.rule);
    if (net.always.length > 0) rules = rules.concat(net.always);
    for (const rule of rules) {
      if (terms.length < rule.minWords) continue;
      const res = methods.one.match([terms], rule);
      if (res.ptrs.length === 0) continue;
      for (const ptr of res.ptrs) {
        ptr[0] = n;
        const todo: Rule & { pointer?: number[] } = { ...rule, pointer: ptr };
        if (rule.unTag !== undefined) todo.unTag = rule.unTag;
        results.push(todo);
      }
      if (opts.matchOne === true) return [results[0]];
    }
  }
  return results;
}

/** compromise's own post-tagger rule net, kept from its first sweep (it builds the net once and keeps it private). */
let postTagNet: Net | undefined;
let capturing = false;

/**
 * compromise's post-tagger step with {@link fastBulkMatch}, minus what its sweep does for other callers: it builds a
 * view for every rule that matched, which the post-tagger never reads. Same matches, applied in the same order. The
 * first call runs compromise's own step, which hands its rule net to {@link fastBulkMatch}; building a second net is
 * not an option, as compromise parses its rules in place.
 */
function leanPostTagger(original: (view: PostTagView) => unknown): (view: PostTagView) => unknown {
  return (view) => {
    if (!postTagNet) {
      capturing = true;
      try {
        return original(view);
      } finally {
        capturing = false;
      }
    }
    const { one, two } = world.methods;
    const document = two.quickSplit(view.docs);
    const clauses = view.update(document.flatMap((terms) => (terms[0] ? [[terms[0].index[0], terms[0].index[1], terms[0].index[1] + terms.length]] : [])));
    one.bulkTagger(fastBulkMatch(clauses.docs, postTagNet, clauses.methods), clauses.docs, world);
    view.uncache();
    view.unfreeze();
    return view;
  };
}

type View = ReturnType<typeof nlp>;
interface TaggedDoc {
  docs: Array<Array<{ tags: Set<string> }>>;
  update: (pointers: number[][]) => View;
}

/**
 * People, places and organisations compromise finds in `text`, tagging only the windows around capitalised words
 * (see {@link nameContexts}) with the faster post-tagger sweep.
 */
export function tagNames(text: string): TaggedNames {
  const windows = nameContexts(text);
  if (windows.length === 0) return { people: [], places: [], organizations: [] };
  const joined = windows.join('\n');
  const savedHooks = world.hooks;
  const savedSweep = world.methods.one.bulkMatch;
  const savedSplit = tokenize.splitSentences;
  const savedPostTagger = world.compute.postTagger;
  // Everything compromise runs on a text except the phrase chunker: names, places and organisations do not use it.
  world.hooks = savedHooks.filter((h) => h !== 'chunks');
  world.methods.one.bulkMatch = fastBulkMatch;
  world.methods.one.parseMatch = memoParseMatch;
  if (savedPostTagger) world.compute.postTagger = leanPostTagger(savedPostTagger);
  // Each window is one sentence: compromise must not re-split or merge them (an open quote would merge windows).
  // Only the first split is ours: contractions re-tokenize words through the same method later.
  tokenize.splitSentences = (input, w) => {
    tokenize.splitSentences = savedSplit;
    return input === joined ? windows.map((win) => `${win} `) : savedSplit(input, w);
  };
  try {
    const doc = nlp(joined);
    // Each query matches within a sentence, so it runs only on the windows holding a word with its tag.
    const only = (tags: readonly string[]): View | undefined => {
      const ptrs: number[][] = [];
      (doc as unknown as TaggedDoc).docs.forEach((terms, n) => {
        if (terms.some((t) => tags.some((tag) => t.tags.has(tag)))) ptrs.push([n, 0, terms.length]);
      });
      return ptrs.length > 0 ? (doc as unknown as TaggedDoc).update(ptrs) : undefined;
    };
    return {
      people: (only(['Person'])?.people().out('array') ?? []) as string[],
      places: (only(['Place', 'Address'])?.places().out('array') ?? []) as string[],
      organizations: (only(['Organization'])?.organizations().out('array') ?? []) as string[],
    };
  } finally {
    world.hooks = savedHooks;
    world.methods.one.bulkMatch = savedSweep;
    world.methods.one.parseMatch = parseMatch;
    if (savedPostTagger) world.compute.postTagger = savedPostTagger;
    tokenize.splitSentences = savedSplit;
  }
}
