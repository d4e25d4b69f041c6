import type { EventRecord, Fact } from '../records/schema.js';
import { factId } from '../records/fact-id.js';
import { featureSet, featuresOf } from '../text/similarity.js';
import { isBackground } from './background.js';
import { lexRank } from './centrality.js';
import { informationDensity } from './density.js';
import { factTime } from './questions.js';
import { lineDefect, standsAlone } from './sentence-quality.js';
import { titleIsHeadline } from './headline.js';
import { eventSpan, ownTimeInWindow } from './window.js';
import { compareText } from '../text/compare.js';
import { writtenDays } from '../text/months.js';
import { COMMENTARY } from '../text/commentary.js';

const HOUR_MS = 3_600_000;

/** Distinct outlets behind an event: two sources with the same name count once. */
export function independentSources(rec: EventRecord): number {
  return new Set(rec.sources.map((s) => outletKey(s.name))).size;
}

function outletKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Score of an event: importance first, then recency, corroboration and bearing on the story's questions.
 * Weights sum to 1; each part is in [0, 1]. (Used to order the fallback's latest events.)
 */
export function eventScore(rec: EventRecord, now: number): number {
  const importance = ((rec.importance ?? 3) - 1) / 4;
  const ageHours = Math.max(0, now - eventSpan(rec).start) / HOUR_MS;
  const recency = Math.pow(0.5, ageHours / 24);
  const corroboration = Math.min(independentSources(rec), 4) / 4;
  const moves = (rec.signals ?? []).filter((s) => s.status !== 'open').length;
  const tagged = rec.facts.filter((f) => (f.questions ?? []).length > 0).length;
  const relevance = Math.min(1, moves * 0.5 + tagged * 0.25);
  return 0.45 * importance + 0.25 * recency + 0.15 * corroboration + 0.15 * relevance;
}

/** Events best first; ties broken by time (newer first) then id, so output is deterministic. */
export function rankEvents(events: readonly EventRecord[], now: number): EventRecord[] {
  return events
    .map((rec) => ({ rec, score: eventScore(rec, now), start: eventSpan(rec).start }))
    .sort((a, b) => b.score - a.score || b.start - a.start || compareText(a.rec.id, b.rec.id))
    .map((x) => x.rec);
}

export interface RankedFact {
  rec: EventRecord;
  fact: Fact;
  id: string;
  index: number;
  score: number;
  /** Stemmed content words (shared, never modified). */
  features: ReadonlySet<string>;
  /** Outlets that report this fact: its sources, and those of near-duplicate facts in other events or sources. */
  outlets: ReadonlySet<string>;
  /** Facts of other events or other articles that say the same thing. */
  twins: Array<{ rec: EventRecord; fact: Fact; id: string }>;
  /** The first fact of its article: the article's lead. */
  sourceLead?: boolean;
}

/** Titles go with names: "President", "Foreign Minister", "envoy". */
const TITLE_WORDS = featureSet('president presidents minister ministers prime secretary foreign chancellor envoy envoys aide aides leader leaders spokesman spokeswoman spokesperson counterpart counterparts officials official');

/** The words of a text's names: its capitalised words. */
function nameFeatures(text: string): Set<string> {
  return featureSet((text.match(/\p{Lu}[\p{L}\p{M}'’.-]*/gu) ?? []).join(' '));
}

/** A fact's words less its names (capitalised words) and titles. */
function withoutNames(features: ReadonlySet<string>, text: string): Set<string> {
  const names = nameFeatures(text);
  const out = new Set<string>();
  for (const w of features) if (!names.has(w) && !TITLE_WORDS.has(w)) out.add(w);
  return out;
}

/** Twins by what they state: most of the shorter fact's words other than names and titles, and two at least. */
function saySame(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return true;
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter >= Math.min(2, small.size) && inter / small.size >= TWIN_OVERLAP;
}

/** Same thing said twice: most of the shorter fact's words in the longer, and a fair share of both. */
export const TWIN_OVERLAP = 0.6;
export const TWIN_JACCARD = 0.3;

/** At most this many facts go through the pairwise steps (a window of a busy story keeps its best by a cheap score). */
const MAX_POOL = 240;

export interface RankInput {
  /** The window's events (published, of the story, and bearing on the focus question when there is one). */
  records: readonly EventRecord[];
  now: number;
  /** A question asked for: its facts first, and only facts that bear on it. */
  focus?: string;
  /**
   * Word sets of what the channel has already seen (its previous briefing's facts, and the facts of earlier events):
   * a window fact that repeats one of them is background, not news.
   */
  seen?: ReadonlyArray<ReadonlySet<string>>;
  /**
   * Start of the window: of an event that is in it only by a later source (its own time is before), only the facts
   * reported inside the window rank; the rest is what its earlier sources already said.
   */
  from?: number;
  /**
   * A fact about another story the page also told ("Iran's foreign minister … is expected to join the discussions at
   * the Oman mission", in a preview of both rounds in Geneva): kept in its record, never a bullet.
   */
  otherStory?: (text: string) => boolean;
}

/**
 * Rank the window's facts across events and sources, best first. A fact's score adds up:
 * support (independent outlets that report it, counting near-duplicate facts in other events and sources),
 * centrality (LexRank over the window's facts, edges within one article weighted down), information density
 * (names, numbers, quotes per character), the record's own order (an author's lead fact; each article's first),
 * the event's importance, bearing on the questions, recency and a forward look, minus staleness (repeating what the
 * channel has seen). Facts that are not complete sentences (titles, sub-headlines, fragments, chrome) never rank.
 */
export function rankWindowFacts(input: RankInput): RankedFact[] {
  const { now, focus } = input;
  type Entry = { rec: EventRecord; fact: Fact; id: string; index: number; posInSource: number; cheap: number; time: number };
  let pool: Entry[] = [];
  for (const rec of input.records) {
    const headline = titleIsHeadline(rec);
    const earlier = input.from !== undefined && !ownTimeInWindow(rec, { from: input.from, to: now });
    const signalled = new Set((rec.signals ?? []).filter((s) => focus === undefined || s.question === focus).map((s) => s.fact));
    const seenPerSource = new Map<string, number>();
    rec.facts.forEach((fact, index) => {
      const posInSource = seenPerSource.get(fact.source) ?? 0;
      seenPerSource.set(fact.source, posInSource + 1);
      const id = factId(fact, index);
      if (focus !== undefined && !(fact.questions ?? []).includes(focus) && !signalled.has(id)) return;
      if (lineDefect(fact.text, rec.title, headline) !== undefined) return;
      if (pointsBack(fact) || input.otherStory?.(fact.text) === true) return;
      const time = factTime(rec, fact, now);
      if (earlier && time < (input.from as number)) return;
      const cheap = ((rec.importance ?? 3) - 1) / 4 + (index === 0 ? 1 : 0.5 / (1 + posInSource)) + ((fact.questions ?? []).length > 0 ? 0.3 : 0);
      pool.push({ rec, fact, id, index, posInSource, cheap, time });
    });
  }
  if (pool.length > MAX_POOL) {
    pool = pool.sort((a, b) => b.cheap - a.cheap || b.time - a.time || compareText(a.rec.id, b.rec.id) || a.index - b.index).slice(0, MAX_POOL);
  }
  const n = pool.length;
  if (n === 0) return [];

  const feats = pool.map((e) => featuresOf(e.fact.text));
  const outlets = pool.map((e) => {
    const set = new Set<string>();
    for (const sid of [e.fact.source, ...(e.fact.alsoSources ?? [])]) {
      const s = e.rec.sources.find((x) => x.id === sid);
      if (s) set.add(outletKey(s.name));
    }
    return set;
  });
  const twins: Array<Array<{ rec: EventRecord; fact: Fact; id: string }>> = pool.map(() => []);
  // Two facts are twins by what they state, not by whom they name: "Putin reaffirmed his commitment to resolving the
  // conflict during a phone call with Trump" shares names and titles with "Trump said his phone call with Putin made no
  // progress", and one outlet's framing was cited to all five that named the call.
  // Worked out only for a pair that passes the other tests (most pairs share too few words to get that far).
  const statedMemo: Array<Set<string> | undefined> = [];
  const stated = (i: number): Set<string> => (statedMemo[i] ??= withoutNames(feats[i] as ReadonlySet<string>, (pool[i] as Entry).fact.text));
  const cos = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = feats[i] as ReadonlySet<string>;
    for (let j = i + 1; j < n; j++) {
      const b = feats[j] as ReadonlySet<string>;
      if (a.size === 0 || b.size === 0) continue;
      let inter = 0;
      const [small, large] = a.size <= b.size ? [a, b] : [b, a];
      for (const x of small) if (large.has(x)) inter++;
      if (inter === 0) continue;
      const c = inter / Math.sqrt(a.size * b.size);
      cos[i * n + j] = c;
      cos[j * n + i] = c;
      const ei = pool[i] as Entry;
      const ej = pool[j] as Entry;
      const sameArticle = ei.rec.id === ej.rec.id && ei.fact.source === ej.fact.source;
      if (!sameArticle && inter >= 3 && inter / small.size >= TWIN_OVERLAP && inter / (a.size + b.size - inter) >= TWIN_JACCARD && saySame(stated(i), stated(j))) {
        twins[i]?.push({ rec: ej.rec, fact: ej.fact, id: ej.id });
        twins[j]?.push({ rec: ei.rec, fact: ei.fact, id: ei.id });
        for (const o of outlets[j] as Set<string>) (outlets[i] as Set<string>).add(o);
        for (const o of outlets[i] as Set<string>) (outlets[j] as Set<string>).add(o);
      }
    }
  }
  const groups = pool.map((e) => `${e.rec.id}\u0000${e.fact.source}`);
  const central = lexRank((i, j) => cos[i * n + j] ?? 0, n, { groups });
  const maxCentral = Math.max(...central);
  const densities = pool.map((e) => informationDensity(e.fact.text));
  const maxDensity = Math.max(1e-9, ...densities);
  // What was seen, indexed by word: a fact is compared only with the seen facts it shares a word with.
  const seen = input.seen ?? [];
  const seenByWord = new Map<string, number[]>();
  seen.forEach((set, k) => {
    for (const w of set) {
      const list = seenByWord.get(w);
      if (list) list.push(k);
      else seenByWord.set(w, [k]);
    }
  });

  const ranked = pool.map((e, i): RankedFact => {
    const f = feats[i] as ReadonlySet<string>;
    const support = (Math.min((outlets[i] as Set<string>).size, 4) - 1) / 3;
    const eventSupport = (Math.min(independentSources(e.rec), 4) - 1) / 3;
    const centrality = maxCentral > 0 ? (central[i] ?? 0) / maxCentral : 0;
    const density = (densities[i] ?? 0) / maxDensity;
    // The author's lead fact of a record, then each article's own lead, then later sentences.
    const lead = e.index === 0 ? 1 : e.posInSource === 0 ? 0.7 : 0.5 / (1 + e.posInSource);
    const importance = ((e.rec.importance ?? 3) - 1) / 4;
    const question = (e.fact.questions ?? []).length > 0 || (e.rec.signals ?? []).some((s) => s.fact === e.id) ? 1 : 0;
    const recency = Math.pow(0.5, Math.max(0, now - e.time) / HOUR_MS / 24);
    const watch = e.fact.watch ? 1 : 0;
    // Staleness: a near-verbatim repeat of something seen is background; a close paraphrase counts half.
    let stale = 0;
    const shared = new Map<number, number>();
    for (const x of f) for (const k of seenByWord.get(x) ?? []) shared.set(k, (shared.get(k) ?? 0) + 1);
    for (const [k, inter] of shared) {
      const size = seen[k]?.size ?? 0;
      const ov = inter / Math.min(f.size, size);
      const jc = inter / (f.size + size - inter);
      if (jc >= 0.6) {
        stale = 1;
        break;
      }
      if (jc >= 0.4 && ov >= 0.7) stale = 0.5;
    }
    let score =
      0.22 * support +
      0.04 * eventSupport +
      0.16 * centrality +
      0.3 * density +
      0.18 * lead +
      0.3 * importance +
      0.08 * question +
      0.05 * recency +
      0.03 * watch -
      0.25 * stale;
    // A sentence that points back to the one before it ("These discussions were part of …", "He last met Putin …"
    // with no speaker named) reads poorly alone.
    if (!standsAlone(e.fact.text, e.fact.speaker, true)) score -= ANAPHORIC;
    // A summary of the story so far ("Since taking office, Trump has tried to broker a ceasefire to no avail") is
    // background, not the day's news.
    if (RECAP.test(e.fact.text)) score -= ANAPHORIC;
    // The writer's comment ("Granted, it's too much to expect Republican voters to …") is no development.
    if (COMMENTARY.test(e.fact.text)) score -= ANAPHORIC;
    // So is the war's history told without the day ("The conflict, which began in 2022, is the deadliest war …").
    if (isBackground(e.fact.text, e.time)) score -= BACKGROUND;
    // And a speaker's courtesies ("Thanks, you — thanks, Lithuanian, and Jens Stoltenberg.", "…: A great honor to be
    // here."): a transcript's words that tell no news.
    if (courtesy(e.fact.text)) score -= BACKGROUND;
    if (focus !== undefined && (e.fact.questions ?? []).includes(focus)) score += 0.5;
    return { rec: e.rec, fact: e.fact, id: e.id, index: e.index, score, features: f, outlets: outlets[i] as Set<string>, twins: twins[i] ?? [], sourceLead: e.posInSource === 0 };
  });
  return ranked.sort((a, b) => b.score - a.score || compareText(a.rec.id, b.rec.id) || a.index - b.index);
}

/**
 * Choose bullets from ranked facts by maximal marginal relevance: each pick is the best score minus its likeness
 * to what is already chosen and a step per fact already taken from its event (so each event gets its lead before
 * any gets a second bullet, unless one event is all the news), plus its coverage: the words it adds that the chosen
 * bullets (and, after the lead, the question lines on screen) lack, weighted by how many outlets use them, per
 * character (a short fact that names what many report is worth more of a 2,000-character briefing than a long one).
 * Another article's lead of an event that already has a bullet loses a lead's worth: outlets open on the same news
 * in their own words. A fact that repeats a chosen one is never taken.
 */
export function selectFacts(
  ranked: readonly RankedFact[],
  max: number,
  opts: {
    redundancy?: number;
    perEvent?: number;
    coverage?: number;
    threshold?: number;
    /**
     * Lines the reader sees anyway (this window's question lines): after the lead, a bullet like one counts as less
     * new and gains nothing by their words, so other news takes the room first.
     */
    onScreen?: ReadonlyArray<{ text: string; features: ReadonlySet<string> }>;
  } = {},
): RankedFact[] {
  const lambda = opts.redundancy ?? 0.35;
  const perEvent = opts.perEvent ?? 0.25;
  const gamma = opts.coverage ?? 0.3;
  const threshold = opts.threshold ?? 0.6;
  const chosen: RankedFact[] = [];
  const taken = new Map<string, number>();
  // Word weights: how many outlets in the window use a word (what many report is what a summary must keep).
  const df = new Map<string, Set<string>>();
  for (const r of ranked)
    for (const w of r.features) {
      let set = df.get(w);
      if (!set) df.set(w, (set = new Set()));
      for (const o of r.outlets) set.add(o);
    }
  const covered = new Set<string>();
  const onScreen = opts.onScreen ?? [];
  const gainOf = (c: RankedFact) => {
    let g = 0;
    for (const w of c.features) if (!covered.has(w)) g += df.get(w)?.size ?? 1;
    return g / (c.fact.text.length / 100 + 1);
  };
  let maxGain = 1e-9;
  for (const r of ranked) maxGain = Math.max(maxGain, gainOf(r));
  // Each candidate's likeness to the chosen bullets, updated with each pick (not recomputed against all of them).
  const remaining = ranked.map((c) => ({ c, maxSim: 0, repeat: false }));
  // After the lead, the lines on screen count as chosen: their words are covered, and a bullet like one is less new.
  const seeScreen = () => {
    for (const line of onScreen) {
      for (const w of line.features) covered.add(w);
      // Less new, not left out: a bullet repeating a line still comes when nothing newer needs the room.
      for (const r of remaining) r.maxSim = Math.max(r.maxSim, likeness(r.c.features, line.features).cosine);
    }
  };
  while (chosen.length < max) {
    if (chosen.length === 1) seeScreen();
    let best = -1;
    let bestValue = -Infinity;
    for (let k = 0; k < remaining.length; k++) {
      const r = remaining[k] as { c: RankedFact; maxSim: number; repeat: boolean };
      if (r.repeat) continue;
      const fromEvent = taken.get(r.c.rec.id) ?? 0;
      // Another outlet's lead of an event already in the briefing mostly restates it ("talks began in Abu Dhabi on
      // February 4" four ways): it keeps no lead's worth once the event has its bullet.
      const restated = r.c.sourceLead === true && fromEvent > 0 ? SECOND_LEAD : 0;
      const value = r.c.score - lambda * r.maxSim - perEvent * fromEvent + (gamma * gainOf(r.c)) / maxGain - restated;
      if (value > bestValue) {
        bestValue = value;
        best = k;
      }
    }
    if (best < 0) break;
    const pick = (remaining.splice(best, 1)[0] as { c: RankedFact }).c;
    chosen.push(pick);
    taken.set(pick.rec.id, (taken.get(pick.rec.id) ?? 0) + 1);
    for (const w of pick.features) covered.add(w);
    const pickDays = writtenDays(pick.fact.text);
    for (const r of remaining) {
      if (r.repeat) continue;
      const sim = likeness(r.c.features, pick.features);
      if (
        sim.overlap >= threshold ||
        sameSpan(r.c, pick, pickDays) ||
        (sim.overlap >= SAME_WORDS_OVERLAP && (sameWordRun(r.c.features, pick.features) || sameNamedPoint(r.c, pick)))
      )
        r.repeat = true;
      else r.maxSim = Math.max(r.maxSim, sim.cosine);
    }
  }
  return chosen;
}

/** Below this share of words two facts are never one statement in other words, however they run. */
const SAME_WORDS_OVERLAP = 0.4;
/** Content words in the same order that make two facts one statement ("… the loss of its dignity, or the risk of losing a key partner"). */
const SAME_RUN = 5;

/**
 * Do two facts share a run of {@link SAME_RUN} content words in the same order? Two outlets' translations of one
 * quotation ("Ukraine may be confronted with a very harsh choice: either the loss of its dignity, or the risk of losing
 * a key partner" / "Ukraine may soon face an extremely difficult choice. Either the loss of dignity or the risk of
 * losing a key partner") share about half their words, too few to be taken for a repeat, but run alike for eight.
 * (Each set keeps its words in the order they first occur.)
 */
function sameWordRun(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const at = new Map<string, number>();
  let i = 0;
  for (const w of b) at.set(w, i++);
  let run = 0;
  let prev = -2;
  for (const w of a) {
    const j = at.get(w);
    run = j !== undefined && j === prev + 1 ? run + 1 : j !== undefined ? 1 : 0;
    prev = j ?? -2;
    if (run >= SAME_RUN) return true;
  }
  return false;
}

/** Names two statements of one speaker share that make them one point in other words. */
const SAME_NAMES = 3;

/**
 * One speaker making one point twice in other words: "“The conditions are very simple,” Putin said, listing … the
 * Donetsk, Luhansk, Kherson and Zaporizhzhia regions" and "“Ukrainian troops must be completely withdrawn from the
 * Donetsk People's Republic, … Kherson and Zaporizhzhia regions,” Putin said" share half their words and the same
 * places. (Another speaker's words on the same places are a reply, never a repeat.)
 */
function sameNamedPoint(a: RankedFact, b: RankedFact): boolean {
  const sa = a.fact.speaker;
  const sb = b.fact.speaker;
  if (sa === undefined || sb === undefined || sa !== sb) return false;
  const own = featureSet(sa);
  const names = (c: RankedFact) => {
    const set = nameFeatures(c.fact.text);
    for (const w of own) set.delete(w);
    for (const w of TITLE_WORDS) set.delete(w);
    return set;
  };
  const nb = names(b);
  let shared = 0;
  for (const w of names(a)) if (nb.has(w) && a.features.has(w) && b.features.has(w)) shared++;
  return shared >= SAME_NAMES;
}

/**
 * A fact of the same event that writes out two days or more, all of which a chosen one names: the same span in other
 * words ("The truce will take place from May 8 to May 10" after "A ceasefire will take effect at midnight on May 8 …
 * and continue through May 10").
 */
function sameSpan(c: RankedFact, pick: RankedFact, pickDays: ReadonlySet<string>): boolean {
  if (c.rec.id !== pick.rec.id || pickDays.size < 2) return false;
  const days = writtenDays(c.fact.text);
  return days.size >= 2 && [...days].every((d) => pickDays.has(d));
}

/** A recap of the story so far: "Since taking office, …", "So far, …", "…has repeatedly …", "… to no avail". */
const RECAP =
  /^(?:Since (?:taking office|(?:his|her|their|the) (?:return|inauguration|election|start)|the (?:start|beginning|outbreak) of)|So far,|To date,|Over the (?:past|last) (?:few )?(?:weeks|months|years),)|\b(?:has|have) (?:long|repeatedly|consistently|previously) (?:said|insisted|demanded|rejected|called|sought|argued|maintained)\b|\bto no avail\b/i;

/** Taken off a fact that opens by pointing back to the sentence before it. */
const ANAPHORIC = 0.15;

/**
 * A sentence nobody is named for that opens on what the sentence before said ("This is until Moscow succeed its
 * mission.", "They are also advancing in the northeastern Kharkiv region.", "Consequently, the Russian leader also
 * spurned …", "He made the comment on Wednesday after …", "His impression is that …"): no bullet, however much room the briefing has (a short
 * day's single report printed them all). With its speaker found, "He said …" names its person in the bullet.
 */
function pointsBack(fact: Fact): boolean {
  if (fact.speaker !== undefined) return false;
  const opening = fact.text.trimStart();
  // ("These discussions in Abu Dhabi were part of …" names what it points to: only ranked lower.)
  return (
    // (A dummy "it" points nowhere: "It remains unclear how Kyiv has responded …".)
    /^(?:He|She)\s/.test(opening) ||
    /^(?:They|It)\s(?!(?:is|was|remains|remained|seems|seemed|appears|appeared|has been|had been)\s+(?:not\s+|still\s+)?(?:expected|unclear|clear|uncertain|likely|unlikely|possible|understood|reported|known|unknown|too early|the\s+first)\b)/.test(opening) ||
    /^(?:(?:And|But|So)\s+)?(?:this|these|those|that|This|These|Those|That)\s+(?:\p{Ll}+ly\s+)?(?:is|was|are|were|has|have|had|will|would|can|could|may|might|means?|meant|comes?|came|marks?|marked|follows?|followed|requires?|required)\b/u.test(opening) ||
    /^(?:Consequently|Thus|Therefore|Hence)\b/.test(opening) ||
    // "His impression is that Russia …", "Their delegation …": whose is the sentence before's.
    /^(?:His|Her|Their)\s/.test(opening) ||
    // "The latter was listening to Zelensky.", "The pair said …": who is the sentence before's.
    /^The\s+(?:latter|former|pair|duo)\b/.test(opening) ||
    // "“They are still 40 per cent higher than they were before,” he said.", "…, he added.": whose words, the sentence
    // before says.
    /(?:["”’]|,)\s*(?:he|she|they)\s+(?:also\s+)?(?:said|says|added|told\s+[\p{L} ]{2,30})\.?$/u.test(opening) ||
    // "At that time, the talks lasted five hours …", "The above calls have increased …": when or what the one before said.
    /^(?:At\s+(?:that|the)\s+time|Back\s+then|The\s+above)\b/.test(opening) ||
    // "Because of this, …", "As a result, …"; "These countries had previously refused …" (not "This week has …");
    // "However, his current information …".
    /^(?:Because\s+of\s+(?:this|that)|As\s+a\s+result|For\s+this\s+reason|Due\s+to\s+this)\b/.test(opening) ||
    /^(?:These|Those)\s+(?!(?:weeks?|months?|years?|days?|talks|negotiations)\b)\p{Ll}+\s+(?:\p{Ll}+ly\s+)?(?:is|was|are|were|has|have|had|will|would)\b/u.test(opening) ||
    /^(?:However|But|Yet|Still),?\s+(?:his|her|their|its)\s/.test(opening)
  );
}

/** Thanks, greetings and honours at the start of what is said (after the names it is said to, if any). */
const COURTESY =
  /^["“]?\s*(?:(?:well|and|so|again|also|first of all|once again|finally),?\s+)*(?:thank(?:s|\s+you)\b|(?:i|we)\s+(?:also\s+)?(?:want|would like|wish)\s+to\s+(?:thank|express\s+(?:my|our)\s+(?:\p{Ll}+\s+)?(?:gratitude|thanks|appreciation))|(?:i|we)\s+(?:am|are)\s+(?:very\s+|so\s+|deeply\s+|truly\s+)?(?:grateful|thankful)\b|(?:it(?:['’]s|\s+is)\s+)?(?:an?\s+)?(?:great\s+|real\s+)?(?:honou?r|pleasure|privilege)\s+to\s+(?:be|have|welcome|host|see|meet)|good\s+(?:morning|afternoon|evening)|ladies\s+and\s+gentlemen|welcome\s+(?:to|back|everyone))/iu;

/** Is the sentence a courtesy: it opens on one, or does after the names it is addressed to ("President Biden; …: A great honor …")? */
function courtesy(text: string): boolean {
  if (COURTESY.test(text)) return true;
  const colon = text.lastIndexOf(': ');
  return colon > 0 && colon < 400 && COURTESY.test(text.slice(colon + 2));
}

/** Taken off the war's history told without the day: more than a pointer back, as the words it adds are old news. */
const BACKGROUND = 0.3;

/** Taken off another article's lead of an event that already has a bullet. */
const SECOND_LEAD = 0.25;

function likeness(a: ReadonlySet<string>, b: ReadonlySet<string>): { overlap: number; cosine: number } {
  if (a.size === 0 || b.size === 0) return { overlap: 0, cosine: 0 };
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) inter++;
  return { overlap: inter / small.size, cosine: inter / Math.sqrt(a.size * b.size) };
}
