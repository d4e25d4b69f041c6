import { countedBack, isBackground } from './background.js';
import { informationDensity } from './density.js';
import type { EventRecord, Fact, Question, QuestionStatus, Side } from '../records/schema.js';
import { factId } from '../records/fact-id.js';
import { instantMs } from '../time/instant.js';
import type { StoredSignal } from '../store/store.js';
import { statusAfter, type SideStances } from './question-status.js';
import { sideOfName } from './sides.js';
import { lineDefect, standsAlone } from './sentence-quality.js';
import { POSITION_STANCES, readStance, type StanceReading } from './stance.js';
import type { QuestionEvidence, QuestionState } from './types.js';
import type { BriefingWindow } from './window.js';
import { eventSpan } from './window.js';
import { compareText } from '../text/compare.js';
import { featuresOf } from '../text/similarity.js';
import { cosine, lexRank } from './centrality.js';

const HOUR_MS = 3_600_000;

/** Newest first, deterministic among equal times. */
export function sortSignals(signals: readonly StoredSignal[]): StoredSignal[] {
  return [...signals].sort(
    (a, b) => instantMs(b.occurredAt) - instantMs(a.occurredAt) || compareText(b.eventId, a.eventId) || compareText(a.text, b.text),
  );
}

/** Flatten the signals carried by records (for callers that hold records, not a store). */
export function signalsOf(records: readonly EventRecord[]): StoredSignal[] {
  const out: StoredSignal[] = [];
  for (const rec of records) {
    if ((rec.status ?? 'published') !== 'published') continue;
    for (const s of rec.signals ?? []) {
      const sig: StoredSignal = { eventId: rec.id, story: rec.story, question: s.question, status: s.status, text: s.text, occurredAt: rec.occurredAt };
      if (s.fact !== undefined) sig.fact = s.fact;
      if (s.unknowns !== undefined) sig.unknowns = s.unknowns;
      out.push(sig);
    }
  }
  return out;
}

/**
 * Status of a question from explicit signals alone, newest first: the newest signal decides; `lastChangedAt` is
 * when the current status began. No signal → `open`, never changed. (`questionState` also reads the stances of
 * the facts; this is the record authors' view.)
 */
export function deriveStatus(signalsNewestFirst: readonly StoredSignal[]): { status: QuestionStatus; lastChangedAt: string | null } {
  const latest = signalsNewestFirst[0];
  if (!latest) return { status: 'open', lastChangedAt: null };
  let changedAt = latest.occurredAt;
  for (const s of signalsNewestFirst) {
    if (s.status !== latest.status) break;
    changedAt = s.occurredAt;
  }
  return { status: latest.status, lastChangedAt: new Date(instantMs(changedAt)).toISOString() };
}

/** One piece of evidence on a question: a record's signal, or a fact tagged with the question. */
interface Item {
  eventId: string;
  factId?: string;
  /** Order inside the record (fact index; a signal without a fact after the facts). */
  index: number;
  text: string;
  at: number;
  reading: StanceReading;
  /** The side of the fact's speaker, when it has one of a side. */
  speakerSide?: string;
  /** The fact's speaker. */
  speaker?: string;
  /** The record author's (or ingestion's) status, for signals. */
  explicit?: QuestionStatus;
  unknowns?: string[];
  source: { name: string; url?: string };
  /** The question's status once this item is counted. */
  statusAfter?: QuestionStatus;
}

/**
 * How much an item says: a position or an authored change, then an authored note, a stated unknown, a mention. A
 * question asked of some sides (`askedOf`, "Does Kyiv accept…?") is answered by their positions: another side's says
 * less (the line shows Kyiv's answer before Moscow's denial of something else).
 */
function weightOf(item: Item, askedOf?: readonly string[]): number {
  const side = item.reading.side;
  if (POSITION_STANCES.has(item.reading.stance) && side !== undefined && askedOf !== undefined && askedOf.length > 0 && !askedOf.includes(side)) return 2.5;
  // Asked of a side, a line tagged for it that no other side's stance takes is that side's own word or act (the tag
  // needs its voice): "The Ukrainian delegation arrived in Istanbul with clear points" answers "does Kyiv accept the
  // format" before Moscow's denial reported the same day does.
  const ownVoice = item.speakerSide === undefined || askedOf?.includes(item.speakerSide) === true;
  if (askedOf !== undefined && askedOf.length > 0 && side === undefined && ownVoice && item.explicit === undefined && !POSITION_STANCES.has(item.reading.stance)) return 2.6;
  if (item.explicit !== undefined && item.explicit !== 'open') return 3;
  // A position says most when it is someone's: a side's, or a dispute between sides.
  if (POSITION_STANCES.has(item.reading.stance)) return side !== undefined || item.reading.stance === 'dispute' ? 3 : 2.5;
  if (item.explicit === 'open') return 2;
  return item.reading.stance === 'unknown' ? 1 : 0;
}

/**
 * When a fact was reported: its event's time (midday of a bare date), or its source's publication when that is
 * later by more than half a day (a later report merged into an earlier event brings that day's news), never after `now`.
 */
export function factTime(rec: EventRecord, fact: Fact | undefined, now: number): number {
  const span = eventSpan(rec);
  // A bare date covers its day: its news is placed at midday, so a morning briefing does not count the day just begun.
  const start = span.end - span.start > 1 ? span.start + 12 * HOUR_MS : span.start;
  const src = fact ? rec.sources.find((s) => s.id === fact.source) : undefined;
  if (src?.publishedAt === undefined) return start;
  const published = instantMs(src.publishedAt);
  return published > start + 12 * HOUR_MS && published <= now ? published : start;
}

function sourceOf(rec: EventRecord | undefined, fact: Fact | undefined): { name: string; url?: string } {
  if (!rec) return { name: 'unknown source' };
  const src = rec.sources.find((s) => s.id === (fact?.source ?? rec.sources[0]?.id)) ?? rec.sources[0];
  if (!src) return { name: 'unknown source' };
  return src.url !== undefined ? { name: src.name, url: src.url } : { name: src.name };
}

/** Stance readings by text and speaker: one sentence is read once per build (and again only after 20,000 others). */
const readings = new Map<string, StanceReading>();
function readingOf(text: string, speaker: string | undefined, sides: readonly Side[] | undefined): StanceReading {
  const key = `${speaker ?? ''}\u0000${text}`;
  let r = readings.get(key);
  if (!r) {
    r = readStance(text, { ...(speaker !== undefined ? { speaker } : {}), ...(sides ? { sides } : {}) });
    if (readings.size >= 20_000) readings.clear();
    readings.set(key, r);
  }
  return r;
}

/**
 * Build one question's state as of `now` from the evidence: the records' signals and the facts tagged with the
 * question, each read for its stance (proposal, demand, acceptance, rejection, dispute, stated unknown, nothing new)
 * and whose side it is (`sides`). Evidence is counted oldest first: the status changes only with a position or an
 * authored signal, `lastChangedAt` is when it last did, and it is `contested` while the sides' latest stances
 * conflict. The summary is the weightiest evidence inside the window (among equals the one other reports echo most, then
 * the newer), else the weightiest and newest before it: a complete sentence, with its source.
 */
export function questionState(input: {
  question: Question;
  signals: readonly StoredSignal[];
  records: ReadonlyMap<string, EventRecord>;
  window: BriefingWindow;
  now: number;
  evidenceLimit: number;
  sides?: readonly Side[];
  /** Texts already shown (bullets, other questions' lines): among equally good lines, one not shown wins. */
  shown?: ReadonlySet<string>;
  /** Also return every change of status, oldest first (the full briefing's timeline). */
  withChanges?: boolean;
}): QuestionState & { changes?: StatusChange[] } {
  const { question, records, window, now, sides } = input;
  const items: Item[] = [];
  const fromSignals = new Set<string>();
  for (const s of input.signals) {
    if (s.question !== question.id) continue;
    const rec = records.get(s.eventId);
    const idx = rec && s.fact !== undefined ? rec.facts.findIndex((f, i) => factId(f, i) === s.fact) : -1;
    const fact = rec && idx >= 0 ? rec.facts[idx] : undefined;
    const at = rec ? factTime(rec, fact, now) : instantMs(s.occurredAt);
    if (at > now || instantMs(s.occurredAt) > now) continue;
    const key = `${s.eventId}#${s.fact ?? s.text}`;
    if (fromSignals.has(key)) continue;
    fromSignals.add(key);
    const item: Item = {
      eventId: s.eventId,
      index: idx >= 0 ? idx : (rec?.facts.length ?? 0),
      text: s.text,
      at,
      reading: readingOf(fact?.text ?? s.text, fact?.speaker, sides),
      explicit: s.status,
      source: sourceOf(rec, fact),
    };
    if (s.fact !== undefined) item.factId = s.fact;
    // (A signal's own text is its author's: only one that is its fact's sentence keeps the fact's speaker.)
    if (fact?.speaker !== undefined && fact.text === s.text) item.speaker = fact.speaker;
    if (s.unknowns !== undefined) item.unknowns = s.unknowns;
    items.push(item);
  }
  for (const rec of records.values()) {
    if (eventSpan(rec).start > now) continue;
    rec.facts.forEach((f, i) => {
      if (!(f.questions ?? []).includes(question.id)) return;
      const id = factId(f, i);
      if (fromSignals.has(`${rec.id}#${id}`)) return;
      const at = factTime(rec, f, now);
      if (at > now) return;
      const item: Item = { eventId: rec.id, factId: id, index: i, text: f.text, at, reading: readingOf(f.text, f.speaker, sides), source: sourceOf(rec, f) };
      const speakerSide = sideOfName(f.speaker, sides);
      if (speakerSide !== undefined) item.speakerSide = speakerSide;
      if (f.speaker !== undefined) item.speaker = f.speaker;
      items.push(item);
    });
  }
  // Oldest first; inside a record in fact order, an authored signal after the fact it rests on.
  items.sort((a, b) => a.at - b.at || compareText(a.eventId, b.eventId) || a.index - b.index || (a.explicit ? 1 : 0) - (b.explicit ? 1 : 0));

  const stances: SideStances = new Map();
  let status: QuestionStatus = 'open';
  let lastChangedAt: number | null = null;
  let before: { status: QuestionStatus; known: boolean } = { status: 'open', known: false };
  let unknowns: string[] | undefined;
  const changes: StatusChange[] = [];
  for (const item of items) {
    if (item.at < window.from) before = { status, known: lastChangedAt !== null };
    const next = statusAfter(status, item.reading, stances, item.explicit, sides, question.by, item.at);
    // The first authored signal or position establishes the status, even when it is `open`.
    const establishes = lastChangedAt === null && (item.explicit !== undefined || POSITION_STANCES.has(item.reading.stance));
    if (next !== status || establishes) {
      lastChangedAt = item.at;
      changes.push({ status: next, at: new Date(item.at).toISOString(), eventId: item.eventId });
    }
    status = next;
    item.statusAfter = status;
    if (item.unknowns) unknowns = item.unknowns;
    if (item.at < window.from) before = { status, known: lastChangedAt !== null };
  }
  const changedInWindow = lastChangedAt !== null && lastChangedAt >= window.from && (!before.known || before.status !== status);

  // The line: evidence that reads as a sentence of its own; inside the window when the window has any.
  const weight = (i: Item) => weightOf(i, question.by);
  // Among equally weighty lines, one that reads away from its article ("He also said …" does not) and is news, not the
  // war's history ("Russia controls around 18% of Ukraine's territory, including Crimea, annexed in 2014") nor where
  // the question stood before the day ("Just days ago, Ukraine's president ruled out ceding control of the Donbas …");
  // then the one the window's other reports echo most.
  // (Read once an item: the sort asks again at every comparison.)
  const aloneOf = new Map<Item, number>();
  const alone = (i: Item): number => {
    let v = aloneOf.get(i);
    if (v === undefined) aloneOf.set(i, (v = standsAlone(i.text, undefined, true) && !isBackground(i.text, i.at) && !countedBack(i.text) ? 1 : 0));
    return v;
  };
  const inWindow = items.filter((i) => i.at >= window.from && i.at <= window.to);
  const central = centralityLevels(inWindow);
  const better = (a: Item, b: Item) =>
    weight(b) - weight(a) || alone(b) - alone(a) || (central.get(b) ?? 0) - (central.get(a) ?? 0) || b.at - a.at || (b.explicit ? 1 : 0) - (a.explicit ? 1 : 0) || informationDensity(b.text) - informationDensity(a.text) || compareText(a.eventId, b.eventId) || a.index - b.index;
  const shown = input.shown;
  const firstUsable = (list: Item[]) => {
    const usable = list.sort(better).filter((i) => lineDefect(i.text) === undefined);
    const top = usable[0];
    if (!top || !shown?.has(top.text)) return top;
    // The best line is already on screen: an equally weighty one of the same window that is not, if there is one.
    return usable.find((i) => weight(i) === weight(top) && !shown.has(i.text)) ?? top;
  };
  // Outside the window, a line that tells the current status (reported when it began or since) before an older one,
  // which tells of a status since left behind.
  const line =
    firstUsable(inWindow) ??
    (lastChangedAt !== null ? firstUsable(items.filter((i) => i.at >= (lastChangedAt as number))) : undefined) ??
    firstUsable([...items]);

  const newestFirst = [...items].reverse();
  const evidence: QuestionEvidence[] = newestFirst.slice(0, input.evidenceLimit).map((i) => {
    const ev: QuestionEvidence = { eventId: i.eventId, text: i.text, source: i.source.name, at: new Date(i.at).toISOString(), status: i.statusAfter ?? 'open' };
    if (i.factId !== undefined) ev.factId = i.factId;
    if (i.source.url !== undefined) ev.url = i.source.url;
    if (i.reading.stance !== 'none') ev.stance = i.reading.stance;
    if (i.reading.side !== undefined) ev.side = i.reading.side;
    return ev;
  });
  const state: QuestionState = {
    id: question.id,
    label: question.label,
    question: question.question,
    status,
    summary: line ? line.text : items.length > 0 ? question.question : 'No evidence recorded yet.',
    lastChangedAt: lastChangedAt !== null ? new Date(lastChangedAt).toISOString() : null,
    changedInWindow,
    evidence,
  };
  if (line) {
    state.summarySource = line.source;
    state.summaryAt = new Date(line.at).toISOString();
    state.summaryEventId = line.eventId;
    if (line.factId !== undefined) state.summaryFactId = line.factId;
    if (line.speaker !== undefined) state.summarySpeaker = line.speaker;
    if (lastChangedAt !== null && line.at < lastChangedAt && line.at < window.from) state.summaryBeforeChange = true;
  }
  if (changedInWindow && before.known) state.previousStatus = before.status;
  const open = unknowns ?? question.unknowns;
  if (open && open.length > 0) state.unknowns = open;
  return input.withChanges ? { ...state, changes } : state;
}

/** Levels of centrality (see {@link centralityLevels}): few, so that among lines about as central the newer still wins. */
const CENTRALITY_LEVELS = 3;
/** The window's evidence a question's line is chosen among is compared up to this many items (the newest). */
const CENTRALITY_MAX_ITEMS = 150;

/**
 * How central each of a window's items on one question is, in a few levels: LexRank over their words, an outlet's
 * items on each other counting less. The sentence that the day's other reports echo ("Ukraine rejects Russia's demand
 * that it cede the remainder of its Donbas region …") is the day's news on the question; one no other report takes up
 * ("After his talks with Tusk, Zelenskiy repeated his pleas for air-defence missiles …") is an aside.
 */
function centralityLevels(window: readonly Item[]): Map<Item, number> {
  const levels = new Map<Item, number>();
  if (window.length < 3) return levels;
  const items = window.length > CENTRALITY_MAX_ITEMS ? [...window].sort((a, b) => b.at - a.at).slice(0, CENTRALITY_MAX_ITEMS) : window;
  const words = items.map((i) => featuresOf(i.text));
  const scores = lexRank((x, y) => cosine(words[x] as ReadonlySet<string>, words[y] as ReadonlySet<string>), items.length, {
    groups: items.map((i) => `${i.eventId}\u0000${i.source.name}`),
  });
  const top = Math.max(...scores);
  items.forEach((item, k) => levels.set(item, top > 0 ? Math.round(((scores[k] ?? 0) / top) * CENTRALITY_LEVELS) : 0));
  return levels;
}

/** A change of a question's status: to what, when, and the event whose evidence changed it. */
export interface StatusChange {
  status: QuestionStatus;
  at: string;
  eventId: string;
}
