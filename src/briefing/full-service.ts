import type { EventRecord, Story } from '../records/schema.js';
import type { Store, StoredSignal } from '../store/store.js';
import { buildFullBriefing, evidenceEvents, type FullBriefing } from './full.js';
import { windowFor } from './window.js';
import { DAY_MS } from '../time/instant.js';

/** The page lists at most this many events of a window (newest first) and says when it left some out. */
export const PAGE_EVENT_LIMIT = 200;
const LATEST_EVENT_LIMIT = 20;
/** A question's timeline holds at most this many signals (newest first); years of daily news fit. */
export const PAGE_SIGNALS_PER_QUESTION = 500;

/**
 * Read what the full briefing needs with indexed range reads (the window's events, the latest ones for the
 * fallback and "what to watch", every signal of each question and the events behind them), then run the pure
 * {@link buildFullBriefing}. Cost follows the window's size and the questions' histories, not the story's size.
 */
export async function fullBriefingFromStore(store: Store, req: { story: Story; now: Date; since?: Date }): Promise<FullBriefing> {
  const { story, now } = req;
  const w = windowFor(now, req.since);
  const toIso = new Date(w.to + 1).toISOString();
  // Bare-date records start at 00:00 UTC of their day, so reach back a day further for them.
  const windowRows = await store.listEvents({ story: story.id, from: new Date(w.from - DAY_MS).toISOString(), to: toIso, limit: PAGE_EVENT_LIMIT + 1 });
  const inWindow = windowRows.slice(0, PAGE_EVENT_LIMIT);
  const latest = await store.listEvents({ story: story.id, to: toIso, limit: LATEST_EVENT_LIMIT });
  const recent = await store.listEvents({ story: story.id, from: new Date(w.to - 14 * DAY_MS).toISOString(), to: toIso, limit: LATEST_EVENT_LIMIT });

  const signals: StoredSignal[] = [];
  for (const q of story.questions) signals.push(...(await store.listSignals({ story: story.id, question: q.id, before: toIso, limit: PAGE_SIGNALS_PER_QUESTION })));
  const events = new Map<string, EventRecord>();
  for (const r of [...inWindow, ...latest, ...recent]) events.set(r.id, r);
  for (const id of evidenceEvents(signals, w.to)) {
    if (events.has(id)) continue;
    const rec = await store.getEvent(id);
    if (rec) events.set(rec.id, rec);
  }
  const input: Parameters<typeof buildFullBriefing>[0] = { story, events: [...events.values()], signals, now };
  if (req.since !== undefined) input.since = req.since;
  // One more row than the limit means the window holds more (counting them would need a scan).
  if (windowRows.length > PAGE_EVENT_LIMIT) input.truncated = true;
  return buildFullBriefing(input);
}
