import type { EventRecord, Fact, Source, Story } from '../records/schema.js';
import { factId } from '../records/fact-id.js';
import { DAY_MS, instantMs } from '../time/instant.js';
import type { AnalyzedArticle } from './analyze.js';
import { sameSurname } from '../text/same-surname.js';
import { containment, contentWords, featureSet, featuresOf, jaccard, lshBands, minhash, stem } from '../text/similarity.js';
import { namesSubject } from './relevance.js';
import { proposeSignals } from './signals.js';
import { watchOf } from './entities.js';
import { memoByText } from '../text/memo-by-text.js';
import { dateGuessed, isUndated, isYearless } from '../records/date-source.js';

/** Articles about the same event are merged only when their dates are this close. */
export const MERGE_WINDOW_DAYS = 3;
/**
 * Minimum `mergeScore` to merge an article into an event. Measured on the eval corpus's tune split (61 articles, 16
 * event days), article against article within the merge window: reports of different events scored at most 0.145
 * (0.194 for the next day's related event), reports of the same event from 0.186 up.
 */
export const MERGE_THRESHOLD = 0.17;
/**
 * Minimum `mergeScore` when either side has no date at all. Reports of different events in one story share much of
 * their vocabulary (measured on 61 real articles: different events scored up to 0.43, the same event 0.16 to 0.5);
 * the date is what tells them apart, so without one only a near-copy merges.
 */
export const UNDATED_MERGE_THRESHOLD = 0.5;
/**
 * Minimum `bothWaysScore` between an undated article and an undated event (both dated by the ingest time: neither date
 * says anything). One way round was not enough: an undated event grown by a few reports held most words of any report
 * of the story, and drew in reports of other months (120 pages of 25 audit days ingested one at a time in three
 * orders: 9, 7 and 6 wrong merges before, 3, 5 and 4 with this and a weekday rule that corroborate.ts has since
 * replaced, with 61, 67 and 67 right merges before and 64, 70 and 68 after; the eval's two splits unchanged).
 */
export const UNDATED_PAIR_THRESHOLD = 0.25;

/** Each day between an event and an article takes this share off the merge score. */
const DAY_PENALTY = 0.2;
/** Facts this similar say the same thing and are kept once with both sources (share of the incoming fact's words in the stored one; Jaccard). */
export const SAME_FACT_OVERLAP = 0.6;
export const SAME_FACT_JACCARD = 0.3;
/**
 * Upper bound on facts in one merged event. Six whole articles of one day gave up to 96 (16 each): at 48 the fourth
 * and later reports of a busy day added nothing they said new (over the four samples of whole articles, 96 keeps 24
 * more key terms as a user, 35 with the days given; three busy days of the excerpts reached 48 too). With 24 facts an
 * article, 144 changed nothing over the 131 samples.
 */
export const MAX_EVENT_FACTS = 96;

/** Computed once per story object (every article of a run is placed against the same story); never modified. */
const commonWords = new WeakMap<Story, Set<string>>();

/** Words every article of the story shares (its keywords and question keywords): useless for telling events apart. */
export function storyCommonWords(story: Story): Set<string> {
  let words = commonWords.get(story);
  if (!words) {
    words = new Set([...story.keywords, ...story.questions.flatMap((q) => q.keywords)].flatMap((k) => contentWords(k).map(stem)));
    commonWords.set(story, words);
  }
  return words;
}

/**
 * What two texts about the same event share: the content words of the title and facts, minus story-wide words.
 * No word spans a space or a line break, so these are the features of the title and of each fact's text and speaker
 * together: each part's are memoised by its text (a stored event's facts come back merge after merge, and merging
 * compares the same facts' words), where reading the whole record again was most of the work.
 */
export function recordFeatures(title: string, facts: readonly Pick<Fact, 'text' | 'speaker'>[], common: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  const add = (words: ReadonlySet<string>): void => {
    for (const w of words) if (!common.has(w)) out.add(w);
  };
  add(featuresOf(title));
  for (const f of facts) {
    add(featuresOf(f.text));
    if (f.speaker !== undefined) add(featuresOf(f.speaker));
  }
  return out;
}

/** LSH band keys for a feature set (what `Store.setEventBands` stores and `findMergeCandidates` looks up). */
export function bandsFor(features: ReadonlySet<string>): string[] {
  return lshBands(minhash(features));
}

/** A feature set's MinHash signature: `bandsOf(signatureOf(s))` is `bandsFor(s)`. */
export function signatureOf(features: ReadonlySet<string>): Uint32Array {
  return minhash(features);
}

/** The band keys of a signature. */
export function bandsOf(signature: Uint32Array): string[] {
  return lshBands(signature);
}

/** The signature of `A ∪ B` from those of A and B: a MinHash of a union is the element-wise minimum of the parts'. */
export function unionSignature(a: Uint32Array, b: Uint32Array): Uint32Array {
  return a.map((x, i) => Math.min(x, b[i] ?? 0xffffffff));
}

/**
 * How likely an article reports the event of a record, both ways round: the share of the record's fact vocabulary
 * that the article's text contains, or the share of the article's facts that the event's text already holds (within a
 * run the event's texts are known; a stored event has its facts, a subset of its texts, so never more lenient),
 * whichever is higher, discounted by the days between them. Independent reports of one event reuse its names, numbers
 * and key words; reports of other events in the same story share mostly the story's own keywords, which are excluded.
 * (One way only, an event grown by three reports held so many words that a fourth report's text no longer contained
 * enough of them: five reports of one day ingested one run at a time made two or three events on 13 of 15 fresh days.)
 */
export function mergeScore(
  record: { features: ReadonlySet<string>; text: ReadonlySet<string>; date: string },
  article: { facts: ReadonlySet<string>; text: ReadonlySet<string>; date: string },
  weight = dayWeight(record.date, article.date),
): number {
  return weight === 0 ? 0 : Math.max(...bothDirections(record, article)) * weight;
}

/**
 * How surely an article and an event with no day in common are one: both directions of `mergeScore` must hold (the
 * lower of the two counts, days not counted), because an event grown by several reports holds most words of any short
 * report of the story.
 */
export function bothWaysScore(
  record: { features: ReadonlySet<string>; text: ReadonlySet<string> },
  article: { facts: ReadonlySet<string>; text: ReadonlySet<string> },
): number {
  return Math.min(...bothDirections(record, article));
}

/** The share of the event's lead vocabulary in the article's text, and of the article's lead in the event's text. */
function bothDirections(
  record: { features: ReadonlySet<string>; text: ReadonlySet<string> },
  article: { facts: ReadonlySet<string>; text: ReadonlySet<string> },
): [number, number] {
  return [containment(record.features, article.text), containment(article.facts, record.text)];
}

/** What the days between an event and an article leave of a `mergeScore` (0 outside the merge window): its ceiling. */
export function dayWeight(recordDate: string, articleDate: string, perDay = DAY_PENALTY, windowDays = MERGE_WINDOW_DAYS): number {
  const days = Math.round(Math.abs(instantMs(recordDate) - instantMs(articleDate)) / 86_400_000);
  if (days > windowDays) return 0;
  return Math.max(0, 1 - perDay * days);
}

/**
 * Reports come out on their event's day or after it, a weekly's analysis days later: when a report dated by its
 * publication time weighs an event of an earlier day, each day between costs this much, up to this many days (The
 * Economist's weekly pieces, published three or four days after the summits they weigh, against the day's reports:
 * over the 131 samples, pairs merged 1,049 -> 1,056 as a user and 1,852 -> 1,857 with the days given, no wrong merge
 * more; the whole articles' pairs 19 -> 27 of 30 and their dates 44 -> 47 of 50, the analysis taking its event's day).
 * Five days, with the store asked a day further back, merged a newsletter of Tuesday into Friday's event rather than
 * Sunday's (three pairs fewer).
 */
const REPORTED_AFTER_PENALTY = 0.1;
const REPORTED_AFTER_DAYS = 4;

/**
 * The day weight of a report dated by its publication and an earlier event (see above); else undefined. Only that way
 * round: a stored report of its own day ("Both sides now say they're ready to begin immediate …" of 19 May) tells
 * the talks of three days before as background, and a report of those talks is not its event.
 */
export function reportedAfterWeight(event: { occurredAt: string }, report: { occurredAt: string; dateSource?: string }): number | undefined {
  return report.dateSource === 'published' && dayOf(event.occurredAt) < dayOf(report.occurredAt)
    ? dayWeight(event.occurredAt, report.occurredAt, REPORTED_AFTER_PENALTY, REPORTED_AFTER_DAYS)
    : undefined;
}

/**
 * A report cannot tell of an event that came after it was published: a side dated by its publication time and a side
 * whose own day, read from its text, is two or more days later are different events, however alike their words (the
 * BBC's report of the US plan reaching Kyiv, published on Friday 21 November 2025, and its report of Sunday's Geneva
 * talks, which went over the plan again, scored 0.61 before the days' weight). One day is left for time zones and for
 * a report filed late on the event's eve.
 */
export function publishedBeforeDay(a: { occurredAt: string; dateSource?: string }, b: { occurredAt: string; dateSource?: string }): boolean {
  const ahead = (pub: { occurredAt: string; dateSource?: string }, day: { occurredAt: string; dateSource?: string }): boolean =>
    pub.dateSource === 'published' && day.dateSource === 'text' && dayOf(day.occurredAt) - dayOf(pub.occurredAt) >= 2;
  return ahead(a, b) || ahead(b, a);
}

function dayOf(iso: string): number {
  return Math.floor(instantMs(iso.slice(0, 10)) / DAY_MS);
}

/** True when `a` and `b` (ISO) are within the merge window. */
export function withinWindow(a: string, b: string, days = MERGE_WINDOW_DAYS): boolean {
  return Math.abs(instantMs(a) - instantMs(b)) <= days * 86_400_000;
}

/**
 * A fact's word features, by its text (merging compares every pair of facts, and copies a record's facts each time
 * it merges, so a memo by object would miss): the briefing engine's memo serves both.
 */
function factFeatures(fact: Fact): ReadonlySet<string> {
  return featuresOf(fact.text);
}

/** The figures a text states ("30-day" → 30, "1,000" → 1000, "July 10" → 10), as digit strings. */
const figuresOf = memoByText(20_000, (text: string): readonly string[] => (text.match(/\d[\d,.]*\d|\d/g) ?? []).map((n) => n.replace(/[,.]/g, '')));

/**
 * Does fact `b` say what fact `a` already says? `b` is the incoming one, and a twin is kept only as a further source
 * of `a`: so most of `b`'s words must be in `a` (a short stored fact does not swallow a longer one that adds to it),
 * and when `b` states a figure `a` does not ("a 30-day pause" against "a two-hour call", "10 children" against "101
 * children") it reports something else, whatever words the two share (the same leaders' names and titles).
 */
export function sameFact(a: Fact, b: Fact): boolean {
  const fa = factFeatures(a);
  const fb = factFeatures(b);
  if (fa.size < 3 || fb.size < 3) return false;
  if (a.speaker && b.speaker && a.speaker !== b.speaker && !sameSpeaker(a.speaker, b.speaker)) return false;
  if (containment(fb, fa) < SAME_FACT_OVERLAP || jaccard(fa, fb) < SAME_FACT_JACCARD) return false;
  const figures = figuresOf(a.text);
  for (const n of figuresOf(b.text)) if (!figures.includes(n)) return false;
  return true;
}

function sameSpeaker(a: string, b: string): boolean {
  const last = (s: string) => (s.split(' ').pop() ?? s).toLowerCase();
  return sameSurname(last(a), last(b));
}

function withIds(facts: readonly Fact[]): Fact[] {
  return facts.map((f, i) => ({ ...f, id: factId(f, i) }));
}

/** A new event record for an article (facts get stable ids f1…fn; signals proposed from the facts). */
export function recordFromArticle(article: AnalyzedArticle, story: Story, id: string, status: 'draft' | 'published'): EventRecord {
  const facts = withIds(article.facts);
  const record: EventRecord = {
    id,
    story: story.id,
    occurredAt: article.occurredAt,
    title: article.title,
    facts,
    sources: [article.source],
    dateSource: article.dateSource,
    titleSource: article.headline ? 'headline' : 'lead',
  };
  const signals = proposeSignals(facts, story);
  if (signals.length > 0) record.signals = signals;
  record.status = status;
  return record;
}

function uniqueSourceId(sources: readonly Source[], source: Source): string {
  const ids = new Set(sources.map((s) => s.id));
  if (!ids.has(source.id)) return source.id;
  for (let n = 2; ; n++) {
    const candidate = `${source.id.slice(0, 110)}-${n}`;
    if (!ids.has(candidate)) return candidate;
  }
}

/** Same publisher and same URL (or both without URL and same name): the article was ingested before. */
function sameArticle(a: Source, b: Source): boolean {
  if (a.url && b.url) return a.url === b.url;
  return a.name === b.name && a.publishedAt === b.publishedAt && !a.url && !b.url;
}

/**
 * How a merged fact names its speaker: as the event already does when that is the same person written in full ("Trump"
 * becomes "Donald Trump") or the article itself writes it so; else as the article does. (Another outlet's spelling,
 * "Xi Jingping" for the "Xi Jinping" of this page, would name no one the page names.)
 */
function eventSpelling(own: string, known: readonly string[], articleText: string): string {
  const same = known.find((s) => sameSpeaker(s, own));
  if (same === undefined || same === own) return own;
  return same.endsWith(` ${own}`) || articleText.includes(same) ? same : own;
}

/**
 * Merge an article into an existing event as another source. Facts that say the same thing as an existing fact are
 * not repeated: the existing fact gains the new source in `alsoSources`. Speaker names are aligned with the ones
 * already in the event ("Zelensky" → "Volodymyr Zelenskyy"). Signals are re-proposed over the merged facts, so a
 * disagreement between the sources shows up as `contested`. Re-ingesting the same article changes nothing.
 */
export function mergeArticle(record: EventRecord, article: AnalyzedArticle, story: Story): EventRecord {
  if (record.sources.some((s) => sameArticle(s, article.source))) return record;
  const sourceId = uniqueSourceId(record.sources, article.source);
  const sources = [...record.sources, { ...article.source, id: sourceId }];
  // withIds copies each fact: the twins below gain sources on the copies, never on the record's own facts.
  const facts = withIds(record.facts);
  // Each speaker once, in the order first named: the alignment below takes the first that matches, and an event of many
  // facts names the same few people again and again.
  const speakers = [...new Set(facts.map((f) => f.speaker).filter((s): s is string => s !== undefined))];
  let next = facts.length + 1;
  const usedIds = new Set(facts.map((f) => f.id));
  // Which facts hold each word: a twin shares words with the incoming fact, so only those are compared (every pair
  // of a 16-fact article and a full event was most of a merge's time).
  const holders = new Map<string, number[]>();
  const index = (f: Fact, i: number) => {
    for (const w of factFeatures(f)) {
      const list = holders.get(w);
      if (list) list.push(i);
      else holders.set(w, [i]);
    }
  };
  facts.forEach(index);
  const twinOf = (fact: Fact): Fact | undefined => {
    // A twin holds at least SAME_FACT_OVERLAP of the incoming fact's words: count them per stored fact, and compare
    // only the facts that reach it.
    const words = factFeatures(fact);
    const hits = new Map<number, number>();
    for (const w of words) for (const i of holders.get(w) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
    const needed = SAME_FACT_OVERLAP * words.size;
    const near = [...hits].filter(([, n]) => n >= needed).map(([i]) => i);
    // The first in the record's order, as a scan of every fact would find it.
    for (const i of near.sort((a, b) => a - b)) if (sameFact(facts[i] as Fact, fact)) return facts[i];
    return undefined;
  };
  // An undated report placed in a dated event (corroborate.ts), or a dated one into an undated event: what the undated
  // side said is due "in the coming weeks" or "on May 15" was read against the ingest time; read it again against the
  // event's day. (So for a side whose day lacked its year: it was read against that day in the ingest time's year.)
  const articleUndated = dateGuessed(article);
  const recordUndated = dateGuessed(record);
  const anchor = articleUndated !== recordUndated ? dayAnchor(articleUndated ? record.occurredAt : article.occurredAt) : undefined;
  if (anchor !== undefined && recordUndated) for (const f of facts) if (f.watch) f.watch = watchOf(f.text, anchor);
  for (const incoming of article.facts) {
    const speaker = incoming.speaker ? eventSpelling(incoming.speaker, speakers, article.text) : undefined;
    const fact: Fact = { ...incoming, source: sourceId, ...(speaker ? { speaker } : {}) };
    if (anchor !== undefined && articleUndated && fact.watch) fact.watch = watchOf(fact.text, anchor);
    const twin = twinOf(fact);
    if (twin) {
      if (twin.source !== sourceId && !(twin.alsoSources ?? []).includes(sourceId)) twin.alsoSources = [...(twin.alsoSources ?? []), sourceId];
      if (fact.questions) twin.questions = [...new Set([...(twin.questions ?? []), ...fact.questions])];
      if (!twin.watch && fact.watch) twin.watch = fact.watch;
      continue;
    }
    if (facts.length >= MAX_EVENT_FACTS) continue;
    while (usedIds.has(`f${next}`)) next++;
    fact.id = `f${next}`;
    usedIds.add(fact.id);
    facts.push(fact);
    index(fact, facts.length - 1);
  }
  const merged: EventRecord = { ...record, facts, sources };
  // A title made from a first sentence gives way to a real headline.
  if (article.headline && !record.facts.some((f) => f.source === article.source.id) && isDerivedTitle(record)) {
    merged.title = article.title;
    if (record.titleSource !== undefined) merged.titleSource = 'headline';
  } else if (article.headline && !isDerivedTitle(record) && !namesSubject(record.title, story) && namesSubject(article.title, story)) {
    // A headline on the story's subject over one that names only its people ("Roughly 55,000 Ukrainian soldiers killed
    // since start of war, Zelensky says", a live page's top item, gives way to "Ukraine, Russia end second round of peace
    // talks …").
    merged.title = article.title;
  }
  // A better-founded date wins: the event's own day over a publication day, either over the ingest time.
  if (record.dateSource !== undefined && DATE_TRUST[article.dateSource] > DATE_TRUST[record.dateSource]) {
    merged.occurredAt = article.occurredAt;
    merged.dateSource = article.dateSource;
  } else if (record.dateSource === 'published' && article.dateSource === 'published' && instantMs(article.occurredAt) < instantMs(record.occurredAt)) {
    // Of two publication times, the earlier is the nearer to the event: reports come out on its day or after it.
    merged.occurredAt = article.occurredAt;
  } else if (isUndated(record) && isYearless(article)) {
    // A day the report writes without its year ("Dec. 26") says more than an ingest instant: the event takes it.
    merged.occurredAt = article.occurredAt;
  }
  const signals = proposeSignals(facts, story);
  if (signals.length > 0) merged.signals = signals;
  else delete merged.signals;
  return merged;
}

/** Midday of an event's day: the time an undated report's relative dates are read against once it has that day. */
function dayAnchor(occurredAt: string): Date {
  return new Date(instantMs(occurredAt.slice(0, 10)) + 12 * 3_600_000);
}

/** How much a date source says about the day of the event. */
const DATE_TRUST = { 'ingest-time': 0, published: 1, text: 2 } as const;

/** Was the record's title cut from its first fact rather than taken from a headline? */
function isDerivedTitle(record: EventRecord): boolean {
  if (record.titleSource !== undefined) return record.titleSource === 'lead';
  const title = record.title.replace(/…$/, '');
  return record.facts.some((f) => f.text.startsWith(title) && f.text.length > title.length);
}

/**
 * Facts that say what an event is: each source's first few (a report leads with the event and ends with background,
 * which other events of the story share). Comparing on all facts would make an article that yields many facts look
 * less like its own event, and more like its neighbours.
 */
const LEAD_FACTS = 8;
function leadFacts<F extends Pick<Fact, 'text' | 'speaker' | 'source'>>(facts: readonly F[]): F[] {
  const seen = new Map<string, number>();
  return facts.filter((f) => {
    const n = seen.get(f.source) ?? 0;
    seen.set(f.source, n + 1);
    return n < LEAD_FACTS;
  });
}

/** The features of a stored event (title and lead facts), for comparing it with an incoming article. */
export function featuresOfRecord(record: Pick<EventRecord, 'title' | 'facts'>, common: ReadonlySet<string>): Set<string> {
  return recordFeatures(record.title, leadFacts(record.facts), common);
}

/** The features of an analysed article: its lead facts, and its whole text. */
export function featuresOfArticle(article: AnalyzedArticle, common: ReadonlySet<string>): { facts: Set<string>; text: Set<string> } {
  const facts = recordFeatures(article.title, leadFacts(article.facts), common);
  const text = featureSet(`${article.title}\n${article.text}`, common);
  for (const f of facts) text.add(f);
  return { facts, text };
}
