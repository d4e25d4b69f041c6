import type { EventRecord, Fact, Story } from '../records/schema.js';
import { factId } from '../records/fact-id.js';
import { instantMs } from '../time/instant.js';
import type { StoredSignal } from '../store/store.js';
import { questionState } from './questions.js';
import { independentSources, rankEvents, rankFacts, type RankedFact } from './rank.js';
import { dropRedundant } from './redundancy.js';
import type { Briefing, BriefingSource, Development, WatchItem } from './types.js';
import { eventSpan, happenedBy, inWindow, windowFor } from './window.js';
import { compareText } from '../text/compare.js';

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
  maxDevelopments?: number;
}

const MAX_DEVELOPMENTS = 5;
const MAX_PER_EVENT = 2;
const FALLBACK_EVENTS = 5;
const WATCH_LOOKBACK_MS = 14 * 86_400_000;
const MAX_WATCH = 3;

/**
 * The briefing engine: a pure function of records, signals, options and `now`.
 * Every text it returns is a record's fact, signal or title, so each line traces back to a source.
 * Same input → same output (no clock, no randomness, stable sort orders).
 */
export function buildBriefing(input: BuildBriefingInput): Briefing {
  const now = input.now.getTime();
  const window = windowFor(input.now, input.since);
  const published = dedupeById(input.events.filter((r) => (r.status ?? 'published') === 'published' && r.story === input.story.id && happenedBy(r, now)));
  const byId = new Map(published.map((r) => [r.id, r]));

  const focus = input.question;
  const relevant = (r: EventRecord) => focus === undefined || bearsOn(r, focus);
  let shown = published.filter((r) => inWindow(r, window) && relevant(r));
  let fallback = false;
  if (shown.length === 0 && (input.fallback ?? 'latest') === 'latest') {
    shown = [...published]
      .filter(relevant)
      .sort((a, b) => eventSpan(b).start - eventSpan(a).start || compareText(a.id, b.id))
      .slice(0, FALLBACK_EVENTS);
    fallback = shown.length > 0;
  }

  const max = input.maxDevelopments ?? MAX_DEVELOPMENTS;
  // Two bullets per event when events compete for the five; a quiet day with one big event may use them all.
  const perEventCap = Math.max(MAX_PER_EVENT, Math.ceil(max / Math.max(1, shown.length)));
  const perEvent = rankEvents(shown, now).map((rec) =>
    rankFacts(rec, focus)
      .filter((f) => focus === undefined || (f.fact.questions ?? []).includes(focus) || signalFacts(rec, focus).has(f.id))
      .slice(0, perEventCap),
  );
  // Round-robin over events (best event first): each development gets its lead before any gets a second bullet.
  const candidates: RankedFact[] = [];
  for (let round = 0; round < perEventCap; round++) for (const facts of perEvent) if (facts[round]) candidates.push(facts[round] as RankedFact);
  const distinct = dropRedundant(candidates, (c) => c.fact.text);
  const chosen = distinct.slice(0, max);
  const developments = chosen.map((c) => toDevelopment(c, distinct));

  const questionDefs = input.story.questions.filter(
    (q) => (focus === undefined || q.id === focus) && (input.questions === undefined || input.questions.length === 0 || input.questions.includes(q.id)),
  );
  const questions = questionDefs.map((q) =>
    questionState({ question: q, signals: input.signals, records: byId, window, now, evidenceLimit: focus !== undefined ? 20 : 3, ...(input.story.sides ? { sides: input.story.sides } : {}) }),
  );

  const watch = watchItems(published, now, focus);
  const sources = collectSources(developments, chosen);
  const top = chosen[0];
  const briefing: Briefing = {
    story: { id: input.story.id, title: input.story.title },
    generatedAt: input.now.toISOString(),
    window: { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString(), fallback },
    headline: top ? top.rec.title : input.story.title,
    developments,
    questions,
    watch,
    sources,
    stats: { eventsInWindow: fallback ? 0 : shown.length, developmentsOmitted: Math.max(0, distinct.length - chosen.length) },
  };
  if (focus !== undefined) briefing.focus = focus;
  return briefing;
}

function dedupeById(records: readonly EventRecord[]): EventRecord[] {
  const seen = new Map<string, EventRecord>();
  for (const r of records) if (!seen.has(r.id)) seen.set(r.id, r);
  return [...seen.values()];
}

function bearsOn(rec: EventRecord, question: string): boolean {
  return rec.facts.some((f) => (f.questions ?? []).includes(question)) || (rec.signals ?? []).some((s) => s.question === question);
}

function signalFacts(rec: EventRecord, question: string): Set<string> {
  return new Set((rec.signals ?? []).filter((s) => s.question === question && s.fact !== undefined).map((s) => s.fact as string));
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

function toDevelopment(c: RankedFact, all: readonly RankedFact[]): Development {
  // Facts of the same event that were dropped as repeats of this one still count as its evidence.
  const factIds = [c.id];
  for (const other of all) if (other !== c && other.rec.id === c.rec.id && other.fact.text === c.fact.text) factIds.push(other.id);
  const dev: Development = {
    text: c.fact.text,
    eventId: c.rec.id,
    factIds,
    sources: sourcesOfFact(c.rec, c.fact),
    occurredAt: c.rec.occurredAt,
    sourceCount: independentSources(c.rec),
  };
  if (c.fact.speaker !== undefined) dev.speaker = c.fact.speaker;
  return dev;
}

function watchItems(records: readonly EventRecord[], now: number, focus?: string): WatchItem[] {
  const items: Array<WatchItem & { at: number }> = [];
  for (const rec of records) {
    const at = eventSpan(rec).start;
    if (now - at > WATCH_LOOKBACK_MS) continue;
    rec.facts.forEach((f, i) => {
      if (!f.watch) return;
      if (focus !== undefined && !(f.questions ?? []).includes(focus)) return;
      // A due date that has passed (by more than a day) is history, not something to watch.
      if (f.watch.due !== undefined && instantMs(f.watch.due) + 86_400_000 < now) return;
      const src = rec.sources.find((s) => s.id === f.source);
      const item: WatchItem & { at: number } = { text: f.text, eventId: rec.id, factId: factId(f, i), at };
      if (f.watch.due !== undefined) item.due = f.watch.due;
      if (src) item.source = src.name;
      items.push(item);
    });
  }
  items.sort((a, b) => b.at - a.at || compareText(a.eventId, b.eventId) || compareText(a.factId ?? '', b.factId ?? ''));
  return dropRedundant(items, (i) => i.text)
    .slice(0, MAX_WATCH)
    .map(({ at: _at, ...rest }) => rest);
}

function collectSources(developments: readonly Development[], chosen: readonly RankedFact[]): BriefingSource[] {
  const out: BriefingSource[] = [];
  const seen = new Set<string>();
  chosen.forEach((c, i) => {
    for (const s of developments[i]?.sources ?? []) {
      const full = c.rec.sources.find((x) => x.name === s.name);
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
