import type { EventRecord, Story } from '../records/schema.js';
import { formatMoment } from '../render/dates.js';
import type { AuditEntry, Store } from '../store/store.js';
import { queueCorrections } from './changes.js';
import { applyEditForm, type EditForm, type FieldError } from './edit-form.js';
import { checkFollowedQuestions } from './follow-status.js';
import type { Retractions } from './retractions.js';
import type { ReviewActor, ReviewTarget } from './types.js';
import { eventVersion } from './version.js';
import { actorLabel, DECISIONS } from './view.js';

/** What review actions need, whichever way they arrive (Slack, Discord, the CLI). */
export interface ReviewEnv {
  store: Store;
  stories: ReadonlyMap<string, Story>;
  now: () => Date;
  /** Called after messages were queued (a running bot posts them at once; one-shot commands leave them to it). */
  onQueued?: () => void;
}

export type ActionOutcome =
  | { ok: true; message: string; status: EventRecord['status'] }
  | { ok: false; code: 'NOT_FOUND' | 'ALREADY_DECIDED' | 'CHANGED' | 'UNKNOWN_STORY'; message: string };

export type SaveOutcome = ActionOutcome | { ok: false; code: 'INVALID'; errors: FieldError[]; message: string };

/** The outbox key of an event's review message. */
export const reviewPostKey = (eventId: string) => `review:${eventId}`;

/** Queue the review message for a new draft (once per event). True when it was queued now. */
export async function queueReviewPost(store: Store, target: ReviewTarget, record: EventRecord, now: Date): Promise<boolean> {
  const res = await store.enqueueMessage(
    {
      key: reviewPostKey(record.id),
      kind: 'review-post',
      platform: target.platform,
      channel: target.channel,
      story: record.story,
      payload: { eventId: record.id },
      ...(target.workspace !== undefined ? { workspace: target.workspace } : {}),
    },
    now.toISOString(),
  );
  return res.created;
}

/**
 * Queue an in-place update of an event's review message, if it has one (wherever it was posted). `change` makes the
 * key unique per change; the update shows the event as it is when the job runs.
 */
export async function queueReviewUpdate(store: Store, eventId: string, change: string | number, now: Date): Promise<boolean> {
  const post = await store.getMessageJob(reviewPostKey(eventId));
  if (!post) return false;
  const res = await store.enqueueMessage(
    {
      key: `review-update:${eventId}:${change}`,
      kind: 'review-update',
      platform: post.platform,
      channel: post.channel,
      story: post.story,
      payload: { eventId },
      ...(post.workspace !== undefined ? { workspace: post.workspace } : {}),
    },
    now.toISOString(),
  );
  return res.created;
}

const NOT_FOUND = 'That draft no longer exists (it was deleted); nothing was changed.';

/** "Already approved by Ann (19 May 2025, 10:05 UTC)." from the event's newest decision. */
export function alreadyDecided(current: EventRecord, last: AuditEntry | undefined): string {
  const status = current.status ?? 'published';
  const decided = last && DECISIONS.has(last.action) ? last : undefined;
  const by = decided ? ` by ${actorLabel(decided.actor, decided.actorName)} (${formatMoment(decided.at)})` : '';
  if (status === 'published') return `Already approved${by}.`;
  if (status === 'archived') return `Already rejected${by}.`;
  return changedMeanwhile(last);
}

/** The record changed since the reviewer opened it. */
function changedMeanwhile(last: AuditEntry | undefined): string {
  const by = last ? ` by ${actorLabel(last.actor, last.actorName)} (${formatMoment(last.at)})` : '';
  return `This event was changed${by} since you opened it; nothing was saved. Open Edit again to see the latest.`;
}

async function newestAudit(store: Store, eventId: string): Promise<AuditEntry | undefined> {
  return (await store.listAudit({ eventId, order: 'desc', limit: 1 }))[0];
}

async function newestDecision(store: Store, eventId: string): Promise<AuditEntry | undefined> {
  return (await store.listAudit({ eventId, order: 'desc', limit: 20 })).find((e) => DECISIONS.has(e.action));
}

/**
 * Approve (publish) or reject (archive) a draft. The state change is a compare-and-set in the store: of two reviewers
 * pressing at once, or one pressing twice, exactly one wins; the other is told who did it and when.
 */
export async function decideDraft(
  env: ReviewEnv,
  eventId: string,
  decision: 'approve' | 'reject',
  actor: ReviewActor,
  /** The statuses a decision may start from: chat buttons decide drafts only; `sitrep approve` may also revive a rejected event. */
  from: ReadonlyArray<EventRecord['status']> = ['draft'],
): Promise<ActionOutcome> {
  const { store } = env;
  const current = await store.getEvent(eventId);
  if (!current) return { ok: false, code: 'NOT_FOUND', message: NOT_FOUND };
  const was = current.status ?? 'published';
  if (!from.includes(was) || (decision === 'approve' ? was === 'published' : was === 'archived'))
    return { ok: false, code: 'ALREADY_DECIDED', message: alreadyDecided(current, await newestDecision(store, eventId)) };
  const now = env.now();
  const next: EventRecord = { ...current, status: decision === 'approve' ? 'published' : 'archived' };
  const res = await store.replaceEventIf(current, next, {
    at: now.toISOString(),
    actor: actor.id,
    ...(actor.name ? { actorName: actor.name } : {}),
    action: decision,
    eventId,
    story: current.story,
    detail: decision === 'approve' ? `${was} → published` : `${was} → archived (rejected)`,
    before: current,
    after: next,
  });
  if (!res.ok) {
    if (res.reason === 'missing') return { ok: false, code: 'NOT_FOUND', message: NOT_FOUND };
    const decided = (res.current.status ?? 'published') !== was;
    return { ok: false, code: decided ? 'ALREADY_DECIDED' : 'CHANGED', message: alreadyDecided(res.current, decided ? await newestDecision(store, eventId) : res.last) };
  }
  await afterChange(env, { before: current, after: next, changeId: res.auditId });
  return { ok: true, status: next.status, message: decision === 'approve' ? 'Approved: the event is published and will be in the next briefings.' : 'Rejected: the event is archived (kept, never briefed).' };
}

/**
 * Save a reviewer's edit. `version` is the record's {@link eventVersion} when the form was opened: if the record
 * changed since (approved, edited by someone else), nothing is saved. Invalid input comes back per field and saves
 * nothing. An edit to a published event corrects the briefings that showed it.
 */
export async function saveReviewEdit(env: ReviewEnv, eventId: string, version: string, form: EditForm, actor: ReviewActor): Promise<SaveOutcome> {
  const { store } = env;
  const current = await store.getEvent(eventId);
  if (!current) return { ok: false, code: 'NOT_FOUND', message: NOT_FOUND };
  const story = env.stories.get(current.story);
  if (!story) return { ok: false, code: 'UNKNOWN_STORY', message: `The story "${current.story}" is not loaded; nothing was saved.` };
  if ((current.status ?? 'published') === 'archived') return { ok: false, code: 'ALREADY_DECIDED', message: alreadyDecided(current, await newestDecision(store, eventId)) };
  if (eventVersion(current) !== version) {
    const last = await newestAudit(store, eventId);
    if ((current.status ?? 'published') === 'published' && last?.action === 'approve')
      return { ok: false, code: 'ALREADY_DECIDED', message: `${alreadyDecided(current, last)} Your edit was not saved: open Edit again to change the published event.` };
    return { ok: false, code: 'CHANGED', message: changedMeanwhile(last) };
  }
  const applied = applyEditForm(current, form, story);
  if (!applied.ok) return { ok: false, code: 'INVALID', errors: applied.errors, message: applied.errors.map((e) => e.message).join(' ') };
  if (!applied.changed) return { ok: true, status: current.status, message: 'No changes to save.' };
  const next = applied.record;
  const now = env.now();
  const res = await store.replaceEventIf(current, next, {
    at: now.toISOString(),
    actor: actor.id,
    ...(actor.name ? { actorName: actor.name } : {}),
    action: 'edit',
    eventId,
    story: current.story,
    detail: editSummary(current, next),
    before: current,
    after: next,
  });
  if (!res.ok) {
    if (res.reason === 'missing') return { ok: false, code: 'NOT_FOUND', message: NOT_FOUND };
    return { ok: false, code: 'CHANGED', message: changedMeanwhile(res.last) };
  }
  await afterChange(env, { before: current, after: next, changeId: res.auditId });
  return { ok: true, status: next.status, message: `Saved: ${editSummary(current, next)}.` };
}

function editSummary(before: EventRecord, after: EventRecord): string {
  const parts: string[] = [];
  if (before.title !== after.title) parts.push('title');
  const removed = before.facts.length - after.facts.length;
  if (removed > 0) parts.push(`${removed} fact${removed === 1 ? '' : 's'} dropped`);
  const texts = new Set(before.facts.map((f) => f.text));
  const edited = after.facts.filter((f) => !texts.has(f.text)).length;
  if (edited > 0) parts.push(`${edited} fact${edited === 1 ? '' : 's'} reworded`);
  if (JSON.stringify(before.signals ?? []) !== JSON.stringify(after.signals ?? [])) parts.push('question signals');
  return parts.length > 0 ? `changed ${parts.join(', ')}` : 'changed';
}

/**
 * Everything that follows a stored change: the review message is updated in place, briefings that showed a changed
 * published event are corrected, followed questions are checked, and a running bot is told there is work.
 */
export async function afterChange(
  env: ReviewEnv,
  change: { before: EventRecord; after: EventRecord | undefined; changeId: number; text?: string; retractionsBefore?: Retractions },
): Promise<{ corrections: number }> {
  const { store } = env;
  const now = env.now();
  const id = change.before.id;
  await queueReviewUpdate(store, id, change.changeId, now);
  const story = env.stories.get(change.before.story);
  let corrections = 0;
  if (story) {
    corrections = await queueCorrections({
      store,
      story,
      changeId: change.changeId,
      before: change.before,
      after: change.after,
      now,
      ...(change.text !== undefined ? { text: change.text } : {}),
      ...(change.retractionsBefore ? { retractionsBefore: change.retractionsBefore } : {}),
    });
    await checkFollowedQuestions(store, [story], now);
  }
  env.onQueued?.();
  return { corrections };
}

/** Record a refused attempt in the audit log (who tried what), and say why to the person. */
export async function recordDenied(store: Store, actor: ReviewActor, what: string, eventId: string | undefined, now: Date): Promise<void> {
  await store.appendAudit({ at: now.toISOString(), actor: actor.id, ...(actor.name ? { actorName: actor.name } : {}), action: 'denied', ...(eventId ? { eventId } : {}), detail: what });
}

