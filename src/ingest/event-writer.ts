import type { EventRecord, Story } from '../records/schema.js';
import { instantMs } from '../time/instant.js';
import type { Store } from '../store/store.js';
import { isoSeconds, slugify, type AnalyzedArticle } from './analyze.js';
import {
  bandsOf,
  bothWaysScore,
  dayWeight,
  featuresOfArticle,
  featuresOfRecord,
  recordFeatures,
  MERGE_THRESHOLD,
  MERGE_WINDOW_DAYS,
  mergeArticle,
  mergeScore,
  publishedBeforeDay,
  reportedAfterWeight,
  UNDATED_MERGE_THRESHOLD,
  UNDATED_PAIR_THRESHOLD,
  recordFromArticle,
  signatureOf,
  storyCommonWords,
  unionSignature,
} from './merge.js';
import { statedWeekday, weekdayOf } from './stated-weekday.js';
import { isUndated, isYearless, statedDate } from '../records/date-source.js';
import {
  bestOnOtherDays,
  CORROBORATION_MARGIN,
  CORROBORATION_MIN,
  corroboratedMatch,
  corroborationFloor,
  SAME_WEEKDAY,
  sameDayYearsLater,
  sameWeekdayMatch,
  weekdayFits,
  YEARLESS_YEARS,
  yearInDoubt,
  yearsLater,
  type DatedMatch,
} from './corroborate.js';

/** An event touched during one ingestion run (created or merged into), kept in memory so later inputs merge too. */
interface PendingEvent {
  record: EventRecord;
  /** Words of every article text merged into the event during this run. */
  text: Set<string>;
  /** The record's features, worked out when a later article first compares with it (a changed record is a new entry). */
  features?: Set<string>;
}

/** State of one ingestion run: the events it created or changed, in the order first touched. */
export class IngestBatch {
  readonly events = new Map<string, PendingEvent>();
  /** How many merge candidates the store returned over the run (for benchmarks and logs). */
  candidatesLooked = 0;
  /**
   * Short lines seen on each source's pages in this run: a line a source prints on two of its pages is its page chrome
   * (navigation, promos, footers), however it reads. Bounded per source.
   */
  private readonly lines = new Map<string, Set<string>>();
  /** The pages (whole texts) each source was seen with: the same page twice shares every line, chrome or not. */
  private readonly pages = new Map<string, Set<string>>();

  /**
   * The lines of a page (lower-cased, each once) that an earlier page of `source` in this run printed too (the
   * classifier's "repeated" feature); none for a page seen before in full. `lines` is read only when the source has
   * earlier pages: most runs' sources have one page each.
   */
  seenAmong(source: string, page: string, lines: () => readonly string[]): string[] {
    const seen = this.pages.get(source)?.has(page) ? undefined : this.lines.get(source);
    if (!seen || seen.size === 0) return [];
    return [...new Set(lines().map((l) => l.toLowerCase()))].filter((l) => seen.has(l));
  }

  /** Remember a page's short lines for later pages of the same source. */
  rememberLines(source: string, page: string, lines: readonly string[]): void {
    let pages = this.pages.get(source);
    if (!pages) {
      pages = new Set();
      this.pages.set(source, pages);
    }
    if (pages.size < 5_000) pages.add(page);
    let seen = this.lines.get(source);
    if (!seen) {
      seen = new Set();
      this.lines.set(source, seen);
    }
    for (const l of lines) if (l.length < 200 && seen.size < 5_000) seen.add(l.toLowerCase());
  }

  /** The records as they are (or would be, in a dry run) stored. */
  records(): EventRecord[] {
    return [...this.events.values()].map((e) => e.record);
  }
}

export type Placement = {
  outcome: 'created' | 'merged' | 'unchanged';
  eventId: string;
  record: EventRecord;
  score?: number;
  /** The event as it was before this article merged into it. */
  previous?: EventRecord;
};

export interface PlaceOptions {
  store?: Store;
  /** The ingest time: undated events got it as their date, so a dated report looks for them around it too. */
  now?: Date;
  /** Compute everything, write nothing. */
  dryRun?: boolean;
}

async function freeEventId(base: string, batch: IngestBatch, store: Store | undefined): Promise<string> {
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base.slice(0, 110)}-${n}`;
    if (batch.events.has(id)) continue;
    if (store && (await store.getEvent(id))) continue;
    return id;
  }
}

function union(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const out = new Set(a);
  for (const x of b) out.add(x);
  return out;
}

/** Stored events the band lookup brings per window, at most. */
const MAX_STORE_CANDIDATES = 20;
/** The most events the article's own days may hold for all of them to be compared (see `Store.findMergeWindow`). */
const WHOLE_WINDOW_MAX = 100;
/** Features of stored events by the store's version of the record (its exact content), so a hit is never stale. */
interface StoredFeatures extends Dating {
  version: string;
  /** The story-wide words the features leave out, as `commonKey` writes them. */
  common: string;
  occurredAt: string;
  features: Set<string>;
  /**
   * The words of its title, all its facts and the reports ingestion read for it (`MergeCandidate.words`): what the
   * event holds, for the other direction of the score, as the event's text is known within a run.
   */
  text: Set<string>;
  /** The length of the stored words this entry was read with (they are written with the record: a cheap check). */
  wordsLength: number;
}
const storedFeatures = new Map<string, StoredFeatures>();
/**
 * At most this many of an event's words are stored: its first reports' (of the corpus's whole articles the median
 * holds 259 and the largest 663, an excerpt about 90); what a report matches an event by is in them.
 */
const MAX_EVENT_WORDS = 3_000;
/**
 * Each entry holds its record's JSON (1–6 KB) and the event's words (up to `MAX_EVENT_WORDS`, some 150 KB as a set):
 * at most about 150 MB in all, and still ten times the events a busy story has within the ±4-day merge window.
 */
const STORED_FEATURES_MAX = 1_000;

const commonKeys = new WeakMap<ReadonlySet<string>, string>();
/** The common words as one string: a story re-read from the store gives a new set with the same words. */
function commonKey(common: ReadonlySet<string>): string {
  let key = commonKeys.get(common);
  if (key === undefined) {
    key = [...common].join(' ');
    commonKeys.set(common, key);
  }
  return key;
}

/** A stored candidate's date and features, parsing its record only when this version was not seen before. */
function storedCandidateFeatures(c: { id: string; version: string; record(): EventRecord; words?: string }, storyId: string, common: ReadonlySet<string>): StoredFeatures {
  const key = `${storyId}\u0000${c.id}`;
  const ck = commonKey(common);
  const hit = storedFeatures.get(key);
  if (hit && hit.version === c.version && hit.common === ck && hit.wordsLength === (c.words?.length ?? 0)) return hit;
  const record = c.record();
  const text = recordFeatures(record.title, record.facts, common);
  // (Words that became the story's own since they were stored say nothing of this event.)
  if (c.words) for (const w of c.words.split(' ')) if (w !== '' && !common.has(w)) text.add(w);
  const entry: StoredFeatures = {
    version: c.version,
    common: ck,
    occurredAt: record.occurredAt,
    ...datingOf(record),
    features: featuresOfRecord(record, common),
    text,
    wordsLength: c.words?.length ?? 0,
  };
  if (hit) storedFeatures.delete(key);
  else if (storedFeatures.size >= STORED_FEATURES_MAX) storedFeatures.delete(storedFeatures.keys().next().value as string);
  storedFeatures.set(key, entry);
  return entry;
}

/** What an event's date is worth when an undated report is placed. */
interface Dating {
  undated: boolean;
  /** Dated by a day written without its year (see `isYearless`). */
  yearless: boolean;
  /** Its date was read from the page, given with it or by an editor (see `statedDate`). */
  stated: boolean;
  /** The weekday an undated event's lead names (see `statedWeekday`). */
  weekday: number | undefined;
  /** What its date rests on (see `publishedBeforeDay`). */
  dateSource: EventRecord['dateSource'];
}

function datingOf(record: EventRecord): Dating {
  const undated = isUndated(record);
  return { undated, yearless: isYearless(record), stated: statedDate(record), weekday: undated ? statedWeekday(record.title, record.facts) : undefined, dateSource: record.dateSource };
}

/** An event the article may belong to: one of this run's (record and text known) or a stored one (record parsed on demand). */
interface Candidate extends Dating {
  record: () => EventRecord;
  occurredAt: string;
  features: Set<string>;
  text?: Set<string>;
}

/**
 * Put an analysed article where it belongs: merged into an event of this run or of the store (same story, within
 * ±`MERGE_WINDOW_DAYS`, found through LSH band keys, then checked with `mergeScore`), or as a new event
 * (`draft` unless the story publishes automatically). Writes the record and its band keys unless `dryRun`.
 */
export async function placeArticle(article: AnalyzedArticle, story: Story, batch: IngestBatch, opts: PlaceOptions): Promise<Placement> {
  const common = storyCommonWords(story);
  const feats = featuresOfArticle(article, common);
  const textSignature = signatureOf(feats.text);
  const queryBands = bandsOf(textSignature);

  const undatedArticle = isUndated(article);
  const now = opts.now?.getTime();
  // (A recent day without its year is this year's: see YEARLESS_RECENT_DAYS.)
  const yearlessArticle = isYearless(article) && yearInDoubt(article.occurredAt, now);
  const articleWeekday = undatedArticle ? statedWeekday(article.title, article.facts) : undefined;
  // A day the page states, or one it writes without its year that lies within the last weeks (its year is this one):
  // either dates a report that states none ("Dec. 26" in a report ingested on 7 January, for an undated one).
  const dayKnown = (x: { stated: boolean; yearless: boolean; occurredAt: string }) => x.stated || (x.yearless && !yearInDoubt(x.occurredAt, now));
  const articleDayKnown = dayKnown({ stated: statedDate(article), yearless: isYearless(article), occurredAt: article.occurredAt });
  let best: { candidate: Candidate; score: number } | undefined;
  // An event of the same days beats one that only corroboration (an undated side's words and weekday) brings in.
  const dated: Array<DatedMatch<Candidate> & { sameWeekday: boolean }> = [];
  const undatedEvents: Array<{ candidate: Candidate; score: number }> = [];
  // A report dated by a day without its year against the dated events it meets: those on that day of an earlier year
  // may be its own (see YEARLESS_YEARS), the rest are their rivals.
  const earlierYears: Array<DatedMatch<Candidate>> = [];
  /** Score each candidate as it is found: this run's events, then the store's, window by window. */
  const consider = (c: Candidate): void => {
    const event = { features: c.features, text: c.text ?? c.features };
    // Two undated sides share an ingest time, which says nothing: their words must hold both ways.
    const pair = c.undated && undatedArticle;
    // A merge score is at most its day weight: one that cannot beat the best so far is not worked out (the words of
    // an event grown by many reports are most of the scoring).
    const weight = reportedAfterWeight(c, article) ?? dayWeight(c.occurredAt, article.occurredAt);
    if ((pair || !best || weight > best.score) && !publishedBeforeDay(c, article)) {
      const score = pair ? bothWaysScore(event, feats) : mergeScore({ ...event, date: c.occurredAt }, { facts: feats.facts, text: feats.text, date: article.occurredAt }, weight);
      const threshold = pair ? UNDATED_PAIR_THRESHOLD : c.undated || undatedArticle ? UNDATED_MERGE_THRESHOLD : MERGE_THRESHOLD;
      if (score >= threshold && (!best || score > best.score)) best = { candidate: c, score };
    }
    // A report dated by a day without its year against every dated event (see `earlierYears`); the other way round, an
    // event dated so against a dated report of that day of an earlier year.
    if (yearlessArticle && c.stated)
      earlierYears.push({ candidate: c, occurredAt: c.occurredAt, score: bothWaysScore(event, feats), eligible: sameDayYearsLater(c.occurredAt, article.occurredAt) });
    if (c.yearless && statedDate(article) && sameDayYearsLater(article.occurredAt, c.occurredAt) && yearInDoubt(c.occurredAt, now)) {
      const score = bothWaysScore(event, feats);
      if (score >= CORROBORATION_MIN) undatedEvents.push({ candidate: c, score });
    }
    // An undated report against every dated event, an undated event against a dated report: see corroborate.ts. Only
    // across days: an event within the merge window of the undated side's ingest time may be another of today's, and
    // the ingest time already dates that side right; the merge rules above decide there. (It still counts as a rival.)
    // And never a dated event after the undated side was ingested: a report cannot tell of what came after it (one
    // ingested on Monday is no report of Friday's talks, however alike their words).
    // (Only a pair of an undated and a dated side is looked at: most candidates of a dated report are dated too.)
    if (undatedArticle ? !dayKnown(c) : !c.undated || !articleDayKnown) return;
    const acrossDays = dayWeight(c.occurredAt, article.occurredAt) === 0;
    const [datedAt, undatedAt] = undatedArticle ? [c.occurredAt, article.occurredAt] : [article.occurredAt, c.occurredAt];
    const before = instantMs(datedAt) <= instantMs(undatedAt);
    if (undatedArticle)
      dated.push({
        candidate: c,
        occurredAt: c.occurredAt,
        score: bothWaysScore(event, feats),
        eligible: acrossDays && before && weekdayFits(articleWeekday, c.occurredAt),
        sameWeekday: acrossDays && before && articleWeekday !== undefined && weekdayOf(c.occurredAt) === articleWeekday,
      });
    else if (acrossDays && before && weekdayFits(c.weekday, article.occurredAt)) {
      const score = bothWaysScore(event, feats);
      if (score >= corroborationFloor(c.weekday)) undatedEvents.push({ candidate: c, score });
    }
  };

  for (const e of batch.events.values()) {
    if (e.record.story !== story.id) continue;
    const record = e.record;
    e.features ??= featuresOfRecord(record, common);
    consider({ record: () => record, occurredAt: record.occurredAt, ...datingOf(record), features: e.features, text: e.text });
  }
  if (opts.store) {
    const at = instantMs(article.occurredAt);
    // One extra day each side: bare dates and instants compare as strings in the store.
    const span = (MERGE_WINDOW_DAYS + 1) * 86_400_000;
    // Past the article's own days, each window brings in only the events it is looked at for.
    const windows: Array<{ from: number; to: number; only?: 'stated' | 'undated' | 'yearless' }> = [{ from: at - span, to: at + span }];
    // An undated report may be of any earlier day (one that falls on the weekday it names, if it names one); a dated
    // one may be what an undated event ingested lately reported (dated by its ingest time).
    if (undatedArticle) windows.push({ from: 0, to: at - span, only: 'stated' });
    // (Only what the first window leaves out: an undated event ingested four to eight days after the report's day lay
    // in neither, and a dated report of Friday's talks ingested on Tuesday never met Monday's undated one.)
    if (!undatedArticle && now !== undefined && now > at + span) windows.push({ from: Math.max(now - span, at + span), to: now + span, only: 'undated' });
    // A day without its year may be of an earlier year's; a dated report's day of a later year may hold its event under
    // such a day (only up to the ingest time: news ingested as it comes has no later year yet).
    for (let k = 1; k <= YEARLESS_YEARS; k++) {
      if (yearlessArticle) windows.push({ from: yearsLater(at, -k) - span, to: yearsLater(at, -k) + span, only: 'stated' });
      else if (statedDate(article) && now !== undefined && yearsLater(at, k) - span <= now) windows.push({ from: yearsLater(at, k) - span, to: yearsLater(at, k) + span, only: 'yearless' });
    }
    for (const [i, w] of windows.entries()) {
      // The windows after the first lie a span or more from the article, more than MERGE_WINDOW_DAYS: their events
      // score 0 (dayWeight) and come in only by the weekday, which counts only when no event passes otherwise. Once
      // one has, they cannot change the placement, and the store is not asked (a dated report far from the ingest
      // time asked twice).
      // (An undated report's undated match is only as good as its words: the dated events further back still count.)
      if (i > 0 && best !== undefined && !(undatedArticle && best.candidate.undated)) break;
      // Candidates come most-shared-bands first; the true event is among the first few, so 20 bound the work.
      const range = { story: story.id, from: isoSeconds(new Date(w.from)), to: isoSeconds(new Date(w.to)) };
      const found = await opts.store.findMergeCandidates({ ...range, bands: queryBands, limit: MAX_STORE_CANDIDATES });
      // The article's own days, when they hold few events: every one of them, as one run compares all its events (the
      // band keys of two long reports' words can miss each other). Band candidates first, each once.
      if (i === 0) {
        const all = await opts.store.findMergeWindow({ ...range, limit: WHOLE_WINDOW_MAX });
        const banded = new Set(found.map((c) => c.id));
        for (const c of all ?? []) if (!banded.has(c.id)) found.push(c);
      }
      batch.candidatesLooked += found.length;
      for (const c of found) {
        if (batch.events.has(c.id) || c.version === undefined) continue;
        // Parsed once at most (records run to several KB): for the features of a version not seen before, and for the
        // merge when the article belongs to it, which is often the event it last merged into, a new version.
        let parsed: EventRecord | undefined;
        const record = (): EventRecord => (parsed ??= c.record());
        const stored = storedCandidateFeatures({ ...c, record }, story.id, common);
        // Beyond the article's own days only what the weekday or the day of the year can bring in: a dated event for a
        // report with no date or no year, an undated one or one without its year for a dated report.
        if (w.only === 'stated' ? !dayKnown(stored) : w.only !== undefined && !stored[w.only]) continue;
        consider({ record, occurredAt: stored.occurredAt, undated: stored.undated, yearless: stored.yearless, stated: stored.stated, weekday: stored.weekday, dateSource: stored.dateSource, features: stored.features, text: stored.text });
      }
    }
  }
  // Two undated reports share an ingest time, which says nothing when old news is ingested late: a dated event that
  // corroborates the report and scores higher than the undated one takes it.
  if (undatedArticle && (!best || best.candidate.undated)) {
    const match = corroboratedMatch(dated, corroborationFloor(articleWeekday)) ?? sameWeekdayMatch(dated);
    if (match && (!best || match.score > best.score)) best = { candidate: match.candidate, score: match.score };
  }
  if (!best && yearlessArticle) {
    // The day of the year is as telling as a weekday, more: the weekday's floor, and the usual margin over every other
    // day's best (this year's events on the same day among them).
    const match = corroboratedMatch(earlierYears, CORROBORATION_MIN);
    if (match) best = { candidate: match.candidate, score: match.score };
  }
  if (!best && undatedEvents.length > 0) best = await corroboratedUndated(undatedEvents, article.occurredAt, story, batch, opts.store);

  let placement: Placement;
  let text: Set<string>;
  // Band keys cover what later articles about the event may share with it: its own words and this article's.
  // The merged record's words are those of the event before plus this article's facts (in feats.text); their
  // signature is the two parts' combined, so the union itself is never built.
  let bands = (): string[] => queryBands;
  if (best) {
    const { candidate } = best;
    const record = candidate.record();
    const merged = mergeArticle(record, article, story);
    const outcome = merged === record ? 'unchanged' : 'merged';
    placement = { outcome, eventId: merged.id, record: merged, score: Math.round(best.score * 1000) / 1000, previous: record };
    text = union(candidate.text ?? new Set(), feats.text);
    bands = () => bandsOf(unionSignature(signatureOf(candidate.features), textSignature));
  } else {
    const day = article.occurredAt.slice(0, 10);
    const id = await freeEventId(`${day}-${slugify(article.title, 60) || 'event'}`, batch, opts.store);
    const record = recordFromArticle(article, story, id, story.autoPublish ? 'published' : 'draft');
    placement = { outcome: 'created', eventId: id, record };
    text = feats.text;
  }
  batch.events.set(placement.eventId, { record: placement.record, text });

  // The event's words go with it: a report ingested in a later run is matched against them as one of this run would be.
  if (opts.store && !opts.dryRun && placement.outcome !== 'unchanged') await opts.store.upsertEventWithBands(placement.record, bands(), [...text].slice(0, MAX_EVENT_WORDS));
  return placement;
}

/**
 * The undated event a dated report corroborates (corroborate.ts, the other way round: the undated event came first):
 * the best-scoring one whose words stand out from those of every dated event on other days than the report's.
 */
async function corroboratedUndated(
  matches: ReadonlyArray<{ candidate: Candidate; score: number }>,
  occurredAt: string,
  story: Story,
  batch: IngestBatch,
  store: Store | undefined,
): Promise<{ candidate: Candidate; score: number } | undefined> {
  const common = storyCommonWords(story);
  for (const m of [...matches].sort((a, b) => b.score - a.score)) {
    const undated = { facts: m.candidate.features, text: m.candidate.text ?? m.candidate.features };
    const rivals: Array<{ occurredAt: string; score: number }> = [];
    for (const e of batch.events.values()) {
      if (e.record.story !== story.id || !statedDate(e.record)) continue;
      e.features ??= featuresOfRecord(e.record, common);
      rivals.push({ occurredAt: e.record.occurredAt, score: bothWaysScore({ features: e.features, text: e.text }, undated) });
    }
    if (store) {
      const found = await store.findMergeCandidates({ story: story.id, from: isoSeconds(new Date(0)), to: '9999-12-31T00:00:00Z', bands: bandsOf(signatureOf(undated.text)), limit: MAX_STORE_CANDIDATES });
      batch.candidatesLooked += found.length;
      for (const c of found) {
        if (batch.events.has(c.id) || c.version === undefined) continue;
        let parsed: EventRecord | undefined;
        const stored = storedCandidateFeatures({ ...c, record: () => (parsed ??= c.record()) }, story.id, common);
        if (stored.stated) rivals.push({ occurredAt: stored.occurredAt, score: bothWaysScore({ features: stored.features, text: stored.text }, undated) });
      }
    }
    const runner = bestOnOtherDays(rivals, occurredAt);
    if (m.score >= CORROBORATION_MARGIN * runner) return m;
    // The report falls on exactly the weekday the undated event names (see sameWeekdayMatch).
    if (m.candidate.weekday === weekdayOf(occurredAt) && m.score >= SAME_WEEKDAY.floor && m.score >= SAME_WEEKDAY.margin * runner) return m;
  }
  return undefined;
}
