import type { EventRecord, Fact, Story } from '../records/schema.js';
import { factId } from '../records/fact-id.js';
import { DAY_MS, instantMs } from '../time/instant.js';
import type { StoredSignal } from '../store/store.js';
import { headlineFor } from './headline.js';
import { aheadOfIt } from './ahead.js';
import { factTime, questionState } from './questions.js';
import { featuresOf, overlap } from '../text/similarity.js';
import { independentSources, rankWindowFacts, selectFacts, type RankedFact } from './rank.js';
import { REDUNDANT } from './redundancy.js';
import { lineDefect, standsAlone } from './sentence-quality.js';
import type { Briefing, BriefingSource, Development, WatchItem } from './types.js';
import { eventSpan, happenedBy, inWindow, windowFor } from './window.js';
import { compareText } from '../text/compare.js';
import { writtenDays } from '../text/months.js';
import { aboutAnotherStory } from '../records/other-story.js';

export interface BuildBriefingInput {
  story: Story;
  /** Candidate records: at least those in the window, plus recent ones for the fallback and "what to watch". */
  events: readonly EventRecord[];
  /** Question signals (any order); those after `now` are ignored. */
  signals: readonly StoredSignal[];
  now: Date;
  /** Start of the window (default: 24 h before `now`). */
  since?: Date;
  /** Detail of one question: its developments and full evidence timeline. */
  question?: string;
  /** When the window is empty: show the latest developments (default) or none ("No new developments since…"). */
  fallback?: 'latest' | 'none';
  /** Only these questions (subscription filter). */
  questions?: readonly string[];
  /** At most this many developments (default 12: renderers show what their limits carry, best first). */
  maxDevelopments?: number;
  /**
   * Facts this channel was sent in its previous briefing (`eventId#factId`; their records among `events`): a window
   * fact that repeats one of them ranks lower. Pure input, so the engine stays a function of its arguments.
   */
  sent?: readonly string[];
}

const MAX_DEVELOPMENTS = 12;
const FALLBACK_EVENTS = 5;
/** How far back from the newest event the latest developments reach. */
const FALLBACK_SPAN_DAYS = 7;
const WATCH_LOOKBACK_MS = 14 * 86_400_000;
const MAX_WATCH = 3;
/** Bullets before this rank stay bullets even when they look ahead: they are the day's news. */
const AHEAD_FROM = 4;
/** Earlier events whose facts count as already seen background (at most this many facts, newest first). */
const SEEN_LOOKBACK_MS = 3 * 86_400_000;
const MAX_SEEN = 200;

/**
 * The briefing engine: a pure function of records, signals, options and `now`.
 * Every text it returns is a record's fact, signal or title, so each line traces back to a source.
 * Same input → same output (no clock, no randomness, stable sort orders).
 */
export function buildBriefing(input: BuildBriefingInput): Briefing {
  const now = input.now.getTime();
  const window = windowFor(input.now, input.since);
  const published = dedupeById(input.events.filter((r) => (r.status ?? 'published') === 'published' && r.story === input.story.id && happenedBy(r, now)));
  published.sort((a, b) => compareText(a.id, b.id));
  const byId = new Map(published.map((r) => [r.id, r]));

  const focus = input.question;
  const relevant = (r: EventRecord) => focus === undefined || bearsOn(r, focus);
  let shown = published.filter((r) => inWindow(r, window) && relevant(r));
  let fallback = false;
  if (shown.length === 0 && (input.fallback ?? 'latest') === 'latest') {
    const latest = [...published].filter(relevant).sort((a, b) => eventSpan(b).start - eventSpan(a).start || compareText(a.id, b.id));
    // The latest developments are the last days of news, not a span of years: a sparse story's fifth-latest event may
    // be a year older than its latest, and would read as news beside it.
    const newest = latest[0] !== undefined ? eventSpan(latest[0]).start : 0;
    shown = latest.filter((r) => eventSpan(r).start >= newest - FALLBACK_SPAN_DAYS * DAY_MS).slice(0, FALLBACK_EVENTS);
    fallback = shown.length > 0;
  }

  const max = input.maxDevelopments ?? MAX_DEVELOPMENTS;
  const otherStory = (text: string) => aboutAnotherStory(text, input.story);
  const ranked = rankWindowFacts({
    records: shown,
    now,
    ...(focus !== undefined ? { focus } : {}),
    ...(fallback ? {} : { from: window.from }),
    seen: seenFeatures(published, shown, window.from, input.sent),
    otherStory,
  });
  const lead = selectFacts(ranked, 1, { threshold: REDUNDANT })[0];

  const questionDefs = input.story.questions.filter(
    (q) => (focus === undefined || q.id === focus) && (input.questions === undefined || input.questions.length === 0 || input.questions.includes(q.id)),
  );
  // The question lines come first: each prefers evidence not already shown as the lead bullet or another question's
  // line, and the other bullets then rank what a question line of this window already says below other news.
  const shownTexts = new Set(lead ? [lead.fact.text] : []);
  const questions = questionDefs.map((q) => {
    const state = questionState({
      question: q,
      signals: input.signals,
      records: byId,
      window,
      now,
      evidenceLimit: focus !== undefined ? 20 : 3,
      shown: shownTexts,
      ...(input.story.sides ? { sides: input.story.sides } : {}),
    });
    shownTexts.add(state.summary);
    return state;
  });
  // One report can bear on two questions ("… demanded Ukraine's neutrality … and recognition of Moscow-controlled
  // territories"): the second line points to the first instead of repeating the sentence.
  questions.forEach((q, i) => {
    // Only a report: two questions with no evidence share the placeholder, which is no report to point to.
    if (q.summaryEventId === undefined) return;
    const earlier = questions.slice(0, i).find((p) => p.sameAs === undefined && p.summaryEventId !== undefined && p.summary === q.summary);
    if (earlier) q.sameAs = earlier.id;
  });
  const onScreen = questions
    .filter((q) => q.summaryAt !== undefined && instantMs(q.summaryAt) >= window.from && q.summary !== lead?.fact.text)
    .map((q) => ({ text: q.summary, features: featuresOf(q.summary) }));
  // One bullet more than shown, in case one moves to What to watch (below): the greedy choice of max + 1 starts with
  // the same bullets as that of max.
  const chosenAndNext = selectFacts(ranked, max + 1, { threshold: REDUNDANT, onScreen });
  let chosen = chosenAndNext.slice(0, max);
  const watch = watchItems(published, now, window.from, chosen, onScreen, focus, otherStory);
  // With nothing of the window's own to watch, a bullet past the first few that looks ahead ("Russia is ready for a
  // third round of talks") is that item: ranked low among the day's news, a 2,000-character briefing had no room for
  // it (four of five fresh days printed no WHAT TO WATCH). It moves, so no format shows it twice.
  // (A briefing of every development, the page's, has room for it where it ranks.)
  // Only the window's own news: the latest developments shown when the window has none are history by now.
  const ahead =
    focus === undefined && !fallback && max <= MAX_DEVELOPMENTS && !watch.some((w) => w.earlier !== true)
      ? chosen.findIndex(
          (c, i) =>
            i >= AHEAD_FROM &&
            c.fact.watch !== undefined &&
            aheadOfIt(c.fact) &&
            factTime(c.rec, c.fact, now) >= window.from &&
            standsAlone(c.fact.text, undefined, true) &&
            !daysShownIn(c.fact.text, c.rec.id, chosen.filter((o) => o !== c)) &&
            // (Not a question's line: moved, it would stand twice, under the question and under What to watch.)
            !onScreen.some((l) => l.text === c.fact.text || repeats(l.features, c.features)),
        )
      : -1;
  if (ahead >= 0) {
    const moved = chosen[ahead] as RankedFact;
    watch.unshift(watchItemFrom(moved.rec, moved.fact, moved.id));
    if (watch.length > MAX_WATCH) watch.pop();
    // The next one takes the moved one's place.
    chosen = chosenAndNext.filter((c) => c !== moved);
  }
  const developments = chosen.map((c) => toDevelopment(c));
  const omitted = ranked.filter((r) => !chosen.includes(r) && !chosen.some((c) => repeats(r.features, c.features)) && !onScreen.some((l) => l.text === r.fact.text)).length;

  const sources = collectSources(developments, chosen);
  const top = chosen[0];
  const briefing: Briefing = {
    story: { id: input.story.id, title: input.story.title },
    generatedAt: input.now.toISOString(),
    window: { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString(), fallback },
    headline: top ? headlineFor(top.rec, top.fact.text, otherLeads(top, ranked)) : input.story.title,
    developments,
    questions,
    watch,
    sources,
    stats: { eventsInWindow: fallback ? 0 : shown.length, developmentsOmitted: omitted },
  };
  if (focus !== undefined) briefing.focus = focus;
  return briefing;
}

/** The leads of the top bullet's event in its other articles, best ranked first: headlines to fall back on. */
function otherLeads(top: RankedFact, ranked: readonly RankedFact[]): string[] {
  return ranked.filter((r) => r !== top && r.rec.id === top.rec.id && r.sourceLead === true).map((r) => r.fact.text);
}

/** Two word sets that say the same thing: most of the smaller's words in the larger. */
function repeats(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return overlap(a, b) >= REDUNDANT;
}

/** What the channel has seen: the facts it was sent last time, and those of events shortly before the window. */
function seenFeatures(published: readonly EventRecord[], shown: readonly EventRecord[], from: number, sent: readonly string[] | undefined): Array<ReadonlySet<string>> {
  const out: Array<ReadonlySet<string>> = [];
  const inShown = new Set(shown.map((r) => r.id));
  const wanted = new Set(sent ?? []);
  const earlier = published
    .filter((r) => !inShown.has(r.id) && eventSpan(r).start < from && eventSpan(r).start >= from - SEEN_LOOKBACK_MS)
    .sort((a, b) => eventSpan(b).start - eventSpan(a).start || compareText(a.id, b.id));
  for (const rec of published) {
    rec.facts.forEach((f, i) => {
      if (wanted.has(`${rec.id}#${factId(f, i)}`)) out.push(featuresOf(f.text));
    });
  }
  for (const rec of earlier) {
    for (const f of rec.facts) {
      if (out.length >= MAX_SEEN) return out;
      out.push(featuresOf(f.text));
    }
  }
  return out;
}

function dedupeById(records: readonly EventRecord[]): EventRecord[] {
  const seen = new Map<string, EventRecord>();
  for (const r of records) if (!seen.has(r.id)) seen.set(r.id, r);
  return [...seen.values()];
}

function bearsOn(rec: EventRecord, question: string): boolean {
  return rec.facts.some((f) => (f.questions ?? []).includes(question)) || (rec.signals ?? []).some((s) => s.question === question);
}

function sourcesOfFact(rec: EventRecord, fact: Fact): Array<{ name: string; url?: string }> {
  const ids = [fact.source, ...(fact.alsoSources ?? [])];
  const out: Array<{ name: string; url?: string }> = [];
  for (const id of ids) {
    const s = rec.sources.find((x) => x.id === id);
    if (!s || out.some((o) => o.name === s.name)) continue;
    out.push(s.url !== undefined ? { name: s.name, url: s.url } : { name: s.name });
  }
  return out;
}

function toDevelopment(c: RankedFact): Development {
  const dev: Development = {
    text: c.fact.text,
    eventId: c.rec.id,
    factIds: [c.id],
    sources: sourcesOfFact(c.rec, c.fact),
    occurredAt: c.rec.occurredAt,
    sourceCount: independentSources(c.rec),
  };
  // Facts of other events or articles that say the same thing are this bullet's evidence too: cite their outlets.
  for (const t of c.twins) {
    for (const s of sourcesOfFact(t.rec, t.fact)) if (!dev.sources.some((x) => x.name === s.name)) dev.sources.push(s);
  }
  if (c.twins.length > 0) dev.alsoReportedIn = c.twins.map((t) => `${t.rec.id}#${t.id}`);
  dev.sourceCount = Math.max(dev.sourceCount, c.outlets.size);
  if (c.fact.speaker !== undefined) dev.speaker = c.fact.speaker;
  return dev;
}

/**
 * Forward-looking facts: this window's, and earlier ones (up to two weeks) whose due date is still ahead; newest
 * first, one per point:
 * never a fact already shown as a bullet or a question line above, nor one that repeats one.
 */
function watchItems(
  records: readonly EventRecord[],
  now: number,
  from: number,
  chosen: readonly RankedFact[],
  lines: ReadonlyArray<{ text: string; features: ReadonlySet<string> }>,
  focus?: string,
  otherStory?: (text: string) => boolean,
): WatchItem[] {
  const shownKeys = new Set(chosen.flatMap((c) => [`${c.rec.id}#${c.id}`, ...c.twins.map((t) => `${t.rec.id}#${t.id}`)]));
  const items: Array<WatchItem & { at: number; features: ReadonlySet<string> }> = [];
  for (const rec of records) {
    const at = eventSpan(rec).start;
    if (now - at > WATCH_LOOKBACK_MS) continue;
    rec.facts.forEach((f, i) => {
      if (!f.watch || !aheadOfIt(f)) return;
      if (focus !== undefined && !(f.questions ?? []).includes(focus)) return;
      // A due date that has passed (by more than a day) is history, not something to watch; without a due date, only
      // what this window reported is still ahead.
      if (f.watch.due !== undefined && instantMs(f.watch.due) + 86_400_000 < now) return;
      if (f.watch.due === undefined && eventSpan(rec).end <= from) return;
      const id = factId(f, i);
      if (shownKeys.has(`${rec.id}#${id}`) || lineDefect(f.text) !== undefined || !standsAlone(f.text, undefined, true) || otherStory?.(f.text) === true) return;
      const features = featuresOf(f.text);
      if (chosen.some((c) => repeats(c.features, features))) return;
      // The days it names all in one bullet: the same plan in other words ("The truce will take place from May 8 to
      // May 10" under "A ceasefire will take effect at midnight on May 8 … and continue through May 10").
      if (daysShownIn(f.text, rec.id, chosen)) return;
      if (lines.some((l) => l.text === f.text || repeats(l.features, features))) return;
      const item: WatchItem & { at: number; features: ReadonlySet<string> } = { ...watchItemFrom(rec, f, id), at, features };
      if (factTime(rec, f, now) < from) item.earlier = true;
      items.push(item);
    });
  }
  items.sort((a, b) => b.at - a.at || compareText(a.eventId, b.eventId) || compareText(a.factId ?? '', b.factId ?? ''));
  const kept: typeof items = [];
  for (const item of items) {
    if (kept.some((k) => repeats(k.features, item.features))) continue;
    kept.push(item);
    if (kept.length >= MAX_WATCH) break;
  }
  return kept.map(({ at: _at, features: _f, ...rest }) => rest);
}

/**
 * Does one of `chosen` name every day `text` writes out (and it writes out one)? A single day counts in a fact of the
 * same event only: another event's plan may fall on it.
 */
function daysShownIn(text: string, eventId: string, chosen: readonly RankedFact[]): boolean {
  const days = writtenDays(text);
  if (days.size === 0) return false;
  return chosen.some((c) => {
    if (days.size < 2 && c.rec.id !== eventId) return false;
    const theirs = writtenDays(c.fact.text);
    return [...days].every((d) => theirs.has(d));
  });
}

/** A record's fact (a chosen one, or one looking ahead) as a thing to watch: its text, due day, source and speaker. */
function watchItemFrom(rec: EventRecord, f: Fact, id: string): WatchItem {
  const item: WatchItem = { text: f.text, eventId: rec.id, factId: id };
  // A horizon the engine set ("in the coming weeks") is no day the source named.
  if (f.watch?.due !== undefined && f.watch.approx !== true) item.due = f.watch.due;
  const src = rec.sources.find((s) => s.id === f.source);
  if (src) item.source = src.name;
  if (f.speaker !== undefined) item.speaker = f.speaker;
  return item;
}

function collectSources(developments: readonly Development[], chosen: readonly RankedFact[]): BriefingSource[] {
  const out: BriefingSource[] = [];
  const seen = new Set<string>();
  chosen.forEach((c, i) => {
    for (const s of developments[i]?.sources ?? []) {
      const all = [c.rec, ...c.twins.map((t) => t.rec)].flatMap((r) => r.sources);
      const full = all.find((x) => x.name === s.name && x.url === s.url) ?? all.find((x) => x.name === s.name);
      const key = `${s.name}|${s.url ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const src: BriefingSource = { name: s.name };
      if (s.url !== undefined) src.url = s.url;
      if (full?.publishedAt !== undefined) src.publishedAt = full.publishedAt;
      out.push(src);
    }
  });
  return out;
}
