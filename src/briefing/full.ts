import type { EventRecord, QuestionStatus, Story } from '../records/schema.js';
import { instantMs } from '../time/instant.js';
import type { StoredSignal } from '../store/store.js';
import { buildBriefing } from './compose.js';
import { questionState } from './questions.js';
import { independentSources } from './rank.js';
import type { BriefingSource, QuestionState, WatchItem } from './types.js';
import { eventSpan, happenedBy, windowFor } from './window.js';
import { compareText } from '../text/compare.js';

/** One fact of an event as the full briefing shows it: the record's words, who said it, who reported it. */
export interface FullDevelopment {
  text: string;
  factIds: string[];
  speaker?: string;
  sources: Array<{ name: string; url?: string }>;
}

/** An event of the window with every development the engine keeps for it (repeats of other bullets dropped). */
export interface FullEvent {
  id: string;
  title: string;
  occurredAt: string;
  importance?: number;
  /** Distinct outlets behind the event. */
  sourceCount: number;
  developments: FullDevelopment[];
  /** Every source of the event, as the record lists them. */
  sources: BriefingSource[];
}

/** The events of one UTC day, newest first. */
export interface FullDay {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  events: FullEvent[];
}

/** A stretch of time during which a question had one status (the engine's changes of status, see `questionState`). */
export interface StatusSpan {
  status: QuestionStatus;
  from: string;
  to: string;
  /** The event whose signal began the span. */
  eventId: string;
}

/**
 * A question with its status over time (every signal read) and its evidence, newest first as in the engine: the
 * newest {@link EVIDENCE_RECENT} pieces plus the one behind every change of status, at most {@link EVIDENCE_MAX}.
 */
export interface QuestionHistory extends QuestionState {
  /** Status spans, oldest first; empty when no signal was ever recorded (the question is open, unmoved). */
  spans: StatusSpan[];
  /** Pieces of evidence known in all (`evidence` holds at most {@link EVIDENCE_MAX} of them). */
  evidenceTotal: number;
}

/** The newest pieces of evidence a question's history always lists. */
export const EVIDENCE_RECENT = 40;
/** At most this many per question: the newest, then the changes of status, newest first. */
export const EVIDENCE_MAX = 120;

/** Everything the briefing page shows, and the JSON of `GET /s/<story>.json`. */
export interface FullBriefing {
  story: { id: string; title: string; description?: string };
  generatedAt: string;
  window: { from: string; to: string; fallback: boolean };
  headline: string;
  /** Days newest first, each with its events newest first. */
  days: FullDay[];
  questions: QuestionHistory[];
  watch: WatchItem[];
  /** Every source of the shown events, in the order the page first shows them. */
  sources: BriefingSource[];
  /** The time axis every question's timeline shares: from the earliest evidence (or the window) to now. */
  timeline: { from: string; to: string };
  stats: { events: number; developments: number; truncated: boolean };
}

export interface FullBriefingInput {
  story: Story;
  /** Candidate records: those in the window, recent ones (fallback, "what to watch") and those behind the signals. */
  events: readonly EventRecord[];
  /** Every signal of the story's questions up to now (any order). */
  signals: readonly StoredSignal[];
  now: Date;
  since?: Date;
  /** The caller left older events of the window out (read limit): the page says so. */
  truncated?: boolean;
}

/** Far more than any window holds: the page shows every development the engine keeps. */
const ALL = 100_000;

/**
 * The full briefing: the engine's briefing without its twelve-bullet cut, grouped by day and event, with each
 * question's whole evidence history and status over time. Pure and deterministic like `buildBriefing`; every
 * text is a record's fact, signal, title or source name.
 */
export function buildFullBriefing(input: FullBriefingInput): FullBriefing {
  const now = input.now.getTime();
  const briefingInput: Parameters<typeof buildBriefing>[0] = { story: input.story, events: input.events, signals: input.signals, now: input.now, maxDevelopments: ALL };
  if (input.since !== undefined) briefingInput.since = input.since;
  const briefing = buildBriefing(briefingInput);

  const published = new Map<string, EventRecord>();
  for (const r of input.events)
    if ((r.status ?? 'published') === 'published' && r.story === input.story.id && happenedBy(r, now) && !published.has(r.id)) published.set(r.id, r);

  // Developments arrive ranked; the page groups them under their event, keeping each event's best first.
  const byEvent = new Map<string, FullDevelopment[]>();
  for (const d of briefing.developments) {
    const dev: FullDevelopment = { text: d.text, factIds: d.factIds, sources: d.sources };
    if (d.speaker !== undefined) dev.speaker = d.speaker;
    const list = byEvent.get(d.eventId) ?? [];
    list.push(dev);
    byEvent.set(d.eventId, list);
  }
  const events: FullEvent[] = [];
  for (const [id, developments] of byEvent) {
    const rec = published.get(id);
    if (!rec) continue;
    const ev: FullEvent = {
      id,
      title: rec.title,
      occurredAt: rec.occurredAt,
      sourceCount: independentSources(rec),
      developments,
      sources: rec.sources.map((s) => ({ name: s.name, ...(s.url !== undefined ? { url: s.url } : {}), ...(s.publishedAt !== undefined ? { publishedAt: s.publishedAt } : {}) })),
    };
    if (rec.importance !== undefined) ev.importance = rec.importance;
    events.push(ev);
  }
  events.sort((a, b) => eventSpan(b).start - eventSpan(a).start || compareText(a.id, b.id));
  const days: FullDay[] = [];
  for (const ev of events) {
    const date = new Date(eventSpan(ev).start).toISOString().slice(0, 10);
    const last = days[days.length - 1];
    if (last && last.date === date) last.events.push(ev);
    else days.push({ date, events: [ev] });
  }

  const window = windowFor(input.now, input.since);
  const questions: QuestionHistory[] = input.story.questions.map((q) => {
    const { changes: statusChanges = [], ...state } = questionState({
      question: q,
      signals: input.signals,
      records: published,
      window,
      now,
      evidenceLimit: ALL,
      withChanges: true,
      ...(input.story.sides ? { sides: input.story.sides } : {}),
    });
    // The engine's own changes of status: the last span ends in its status and "since".
    const spans: StatusSpan[] = statusChanges.map((c, i) => ({ status: c.status, from: c.at, to: statusChanges[i + 1]?.at ?? new Date(now).toISOString(), eventId: c.eventId }));
    // A long history keeps what a reader needs: the latest pieces, and the one behind each change of status.
    const changes = new Set(spans.map((s) => `${s.eventId}|${s.from}|${s.status}`));
    const evidence = state.evidence.filter((e, i) => i < EVIDENCE_RECENT || changes.has(`${e.eventId}|${e.at}|${e.status}`)).slice(0, EVIDENCE_MAX);
    return { ...state, evidence, spans, evidenceTotal: state.evidence.length };
  });

  let from = Date.parse(briefing.window.from);
  for (const q of questions) for (const e of q.evidence) from = Math.min(from, instantMs(e.at));
  const story: FullBriefing['story'] = { id: input.story.id, title: input.story.title };
  if (input.story.description !== undefined) story.description = input.story.description;

  return {
    story,
    generatedAt: briefing.generatedAt,
    window: briefing.window,
    headline: briefing.headline,
    days,
    questions,
    watch: briefing.watch,
    sources: collectSources(events),
    timeline: { from: new Date(Math.min(from, now)).toISOString(), to: new Date(now).toISOString() },
    stats: { events: events.length, developments: briefing.developments.length, truncated: input.truncated === true },
  };
}

/**
 * Signals up to `now` in the engine's order (`sortSignals`: newest first, then event id descending, then text), with
 * each instant parsed once instead of at every comparison: a long history's timeline sorts hundreds of signals.
 */
export function newestFirst(signals: readonly StoredSignal[], now: number): StoredSignal[] {
  return signals
    .map((s) => ({ s, at: instantMs(s.occurredAt) }))
    .filter((x) => x.at <= now)
    .sort((a, b) => b.at - a.at || compareText(b.s.eventId, a.s.eventId) || compareText(a.s.text, b.s.text))
    .map((x) => x.s);
}

/**
 * A question's status over time from its signals alone (the record authors' view, `deriveStatus`): the newest signal
 * decides, and among signals of one instant the one `sortSignals` puts first. Walking the signals oldest first, each
 * change of status starts a span; the last runs to `now`. The store service uses it to read the events behind each
 * change before the engine reads their facts' stances (the page's own spans come from the engine).
 */
export function statusSpans(signals: readonly StoredSignal[], now: number): StatusSpan[] {
  const oldestFirst = newestFirst(signals, now).reverse();
  const spans: Array<{ status: QuestionStatus; from: number; to: number; eventId: string }> = [];
  for (const s of oldestFirst) {
    const at = instantMs(s.occurredAt);
    const last = spans[spans.length - 1];
    if (last && last.status === s.status) continue;
    if (last) last.to = at;
    spans.push({ status: s.status, from: at, to: now, eventId: s.eventId });
  }
  // Two signals of one instant that disagree leave a span of no length: it is no band (the last one always is).
  return spans
    .filter((s, i) => s.to > s.from || i === spans.length - 1)
    .map((s) => ({ status: s.status, from: new Date(s.from).toISOString(), to: new Date(s.to).toISOString(), eventId: s.eventId }));
}

/**
 * The events a full briefing needs beyond the window's to name the sources of its evidence: those of each question's
 * newest {@link EVIDENCE_RECENT} signals and of the signals that changed its status. The store service reads only
 * these, not the event behind every signal of a long history.
 */
export function evidenceEvents(signals: readonly StoredSignal[], now: number): Set<string> {
  const ids = new Set<string>();
  const byQuestion = new Map<string, StoredSignal[]>();
  for (const s of signals) {
    const list = byQuestion.get(s.question);
    if (list) list.push(s);
    else byQuestion.set(s.question, [s]);
  }
  for (const list of byQuestion.values()) {
    for (const s of newestFirst(list, now).slice(0, EVIDENCE_RECENT)) ids.add(s.eventId);
    for (const span of statusSpans(list, now)) ids.add(span.eventId);
  }
  return ids;
}

function collectSources(events: readonly FullEvent[]): BriefingSource[] {
  const out: BriefingSource[] = [];
  const seen = new Set<string>();
  for (const ev of events)
    for (const s of ev.sources) {
      const key = `${s.name}|${s.url ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(s);
    }
  return out;
}
