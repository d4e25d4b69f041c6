import { factId, instantMs, type QuestionStatus, type Story } from '../records/schema.js';
import type { Store } from '../store/store.js';
import { Retractions } from './retractions.js';

/** A question's published status now, with the evidence behind it. */
export interface CurrentStatus {
  status: QuestionStatus;
  eventId?: string;
  text?: string;
  source?: { name: string; url?: string };
  at?: string;
}

const SIGNALS_LOOKED_AT = 25;

/**
 * The status briefings show for a question at `now`: its newest published signal that is not retracted (none: open).
 * The same rule as the engine's, read straight from the store.
 */
export async function currentQuestionStatus(store: Store, story: Story, question: string, now: Date, retractions?: Retractions): Promise<CurrentStatus> {
  const r = retractions ?? new Retractions(await store.listRetractions(story.id));
  const signals = await store.listSignals({ story: story.id, question, before: new Date(now.getTime() + 1).toISOString(), limit: SIGNALS_LOOKED_AT });
  for (const s of signals) {
    if (instantMs(s.occurredAt) > now.getTime()) continue;
    const rec = await store.getEvent(s.eventId);
    if (!r.keepsSignal(s, rec)) continue;
    const out: CurrentStatus = { status: s.status, eventId: s.eventId, text: s.text, at: s.occurredAt };
    const fact = s.fact !== undefined ? rec?.facts.find((f, i) => factId(f, i) === s.fact) : undefined;
    const src = rec?.sources.find((x) => x.id === (fact?.source ?? rec.sources[0]?.id));
    if (src) out.source = { name: src.name, ...(src.url ? { url: src.url } : {}) };
    return out;
  }
  return { status: 'open' };
}

/** The outbox key of one follow alert: one per channel, question and change, across restarts. */
export function followAlertKey(f: { platform: string; channel: string; story: string; question: string }, seq: number, status: QuestionStatus): string {
  return `follow:${f.platform}:${f.channel}:${f.story}:${f.question}:${seq}:${status}`;
}

/**
 * Compare each followed question's status with the last one sitrep saw (its mark); for each change, queue an alert
 * for every channel following it, then move the mark on. Alerts are queued before the mark moves and their keys
 * carry the change's sequence number, so a crash in between queues the same keys again, never a second alert.
 * A question seen for the first time only gets its mark. Returns how many alerts were queued.
 */
export async function checkFollowedQuestions(store: Store, stories: Iterable<Story>, now: Date): Promise<number> {
  let queued = 0;
  for (const story of stories) {
    const follows = await store.listFollows({ story: story.id });
    if (follows.length === 0) continue;
    const marks = new Map((await store.listQuestionMarks(story.id)).map((m) => [m.question, m]));
    const retractions = new Retractions(await store.listRetractions(story.id));
    for (const question of new Set(follows.map((f) => f.question))) {
      const q = story.questions.find((x) => x.id === question);
      if (!q) continue;
      const current = await currentQuestionStatus(store, story, question, now, retractions);
      const mark = marks.get(question);
      const next = { story: story.id, question, status: current.status, changedAt: current.at ?? now.toISOString(), ...(current.eventId ? { eventId: current.eventId } : {}) };
      if (!mark) {
        await store.advanceQuestionMark(next, null);
        continue;
      }
      if (mark.status === current.status) continue;
      const seq = mark.seq + 1;
      for (const f of follows.filter((x) => x.question === question)) {
        const payload = {
          question,
          status: current.status,
          previous: mark.status,
          text: current.text ?? 'No published evidence remains for this question.',
          ...(current.source ? { source: current.source } : {}),
          ...(current.eventId ? { eventId: current.eventId } : {}),
          at: current.at ?? now.toISOString(),
        };
        const res = await store.enqueueMessage(
          { key: followAlertKey(f, seq, current.status), kind: 'follow-alert', platform: f.platform, channel: f.channel, story: story.id, payload, ...(f.workspace !== undefined ? { workspace: f.workspace } : {}) },
          now.toISOString(),
        );
        if (res.created) queued++;
      }
      await store.advanceQuestionMark(next, mark.seq);
    }
  }
  return queued;
}

/**
 * When a channel starts following a question nobody else follows, the mark may be old (marks only move while a
 * question is followed): bring it to the current status first, so the channel is not alerted about an old change.
 */
export async function markQuestionNow(store: Store, story: Story, question: string, now: Date): Promise<CurrentStatus> {
  const current = await currentQuestionStatus(store, story, question, now);
  const mark = (await store.listQuestionMarks(story.id)).find((m) => m.question === question);
  const next = { story: story.id, question, status: current.status, changedAt: current.at ?? now.toISOString(), ...(current.eventId ? { eventId: current.eventId } : {}) };
  if (!mark) await store.advanceQuestionMark(next, null);
  else if (mark.status !== current.status) await store.advanceQuestionMark(next, mark.seq);
  return current;
}
