import type { EventRecord, Story } from '../records/schema.js';
import { Retractions } from '../review/retractions.js';
import type { Store, StoredSignal } from '../store/store.js';
import { buildBriefing } from './compose.js';
import type { Briefing } from './types.js';
import { windowFor } from './window.js';
import { DAY_MS } from '../time/instant.js';

/** Upper bounds that keep a briefing's reads small whatever the store's size (all are indexed range reads). */
const WINDOW_EVENT_LIMIT = 500;
const LATEST_EVENT_LIMIT = 20;
const SIGNALS_PER_QUESTION = 50;

export interface BriefingRequest {
  story: Story;
  now: Date;
  since?: Date;
  question?: string;
  fallback?: 'latest' | 'none';
  questions?: readonly string[];
  /**
   * The window of the briefing this channel was sent last: its bullets are worked out again (the engine is
   * deterministic) and passed as `sent`, so what the channel has read ranks below what it has not.
   */
  previous?: { from: Date; to: Date };
}

/**
 * Read what a briefing needs from the store with a handful of indexed queries, then run the pure engine.
 * Cost depends on the window's size, not on how many events the story has.
 */
export async function briefingFromStore(store: Store, req: BriefingRequest): Promise<Briefing> {
  const { story, now } = req;
  const w = windowFor(now, req.since);
  const toIso = new Date(w.to + 1).toISOString();
  // Bare-date records start at 00:00 UTC of their day, so reach back a day further for them.
  const inWindow = await store.listEvents({ story: story.id, from: new Date(w.from - DAY_MS).toISOString(), to: toIso, limit: WINDOW_EVENT_LIMIT });
  const latest = await store.listEvents({ story: story.id, to: toIso, limit: LATEST_EVENT_LIMIT });
  const watchFrom = new Date(w.to - 14 * DAY_MS).toISOString();
  const recent = await store.listEvents({ story: story.id, from: watchFrom, to: toIso, limit: LATEST_EVENT_LIMIT });

  let signals: StoredSignal[] = [];
  for (const q of story.questions) {
    if (req.question !== undefined && q.id !== req.question) continue;
    signals.push(...(await store.listSignals({ story: story.id, question: q.id, before: toIso, limit: SIGNALS_PER_QUESTION })));
  }
  const events = new Map<string, EventRecord>();
  for (const r of [...inWindow, ...latest, ...recent]) events.set(r.id, r);
  for (const s of signals) {
    if (events.has(s.eventId)) continue;
    const rec = await store.getEvent(s.eventId);
    if (rec) events.set(rec.id, rec);
  }
  let sent: string[] | undefined;
  if (req.previous !== undefined && req.previous.to.getTime() <= now.getTime()) {
    const pw = windowFor(req.previous.to, req.previous.from);
    const before = await store.listEvents({ story: story.id, from: new Date(pw.from - DAY_MS).toISOString(), to: new Date(pw.to + 1).toISOString(), limit: WINDOW_EVENT_LIMIT });
    const last = buildBriefing({ story, events: before, signals: [], now: req.previous.to, since: req.previous.from, fallback: 'none', ...(req.questions !== undefined ? { questions: req.questions } : {}) });
    sent = last.developments.flatMap((d) => d.factIds.map((f) => `${d.eventId}#${f}`));
    const wanted = new Set(last.developments.map((d) => d.eventId));
    for (const r of before) if (wanted.has(r.id) && !events.has(r.id)) events.set(r.id, r);
  }
  // Retracted facts (and events) never reach a briefing, whatever wrote the records since.
  const retractions = new Retractions(await store.listRetractions(story.id));
  if (!retractions.isEmpty) {
    signals = signals.filter((s) => retractions.keepsSignal(s, events.get(s.eventId)));
    for (const [id, rec] of [...events]) {
      const seen = retractions.apply(rec);
      if (seen) events.set(id, seen);
      else events.delete(id);
    }
  }
  const input: Parameters<typeof buildBriefing>[0] = { story, events: [...events.values()], signals, now };
  if (sent !== undefined && sent.length > 0) input.sent = sent;
  if (req.since !== undefined) input.since = req.since;
  if (req.question !== undefined) input.question = req.question;
  if (req.fallback !== undefined) input.fallback = req.fallback;
  if (req.questions !== undefined) input.questions = req.questions;
  return buildBriefing(input);
}
