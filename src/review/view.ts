import { factId, type EventRecord, type Story } from '../records/schema.js';
import type { AuditEntry, Store } from '../store/store.js';
import type { DateSource, ReviewView } from './types.js';
import { questionLabel } from '../records/question-label.js';
import { isYearless } from '../records/date-source.js';

/** Actions that decide a draft, as the audit log names them. */
export const DECISIONS = new Set(['approve', 'reject']);

/** The review message's model of an event: what it says, where its date came from, and who did what to it. */
export async function buildReviewView(store: Store, story: Story, eventId: string, record: EventRecord | undefined): Promise<ReviewView> {
  const history = await store.listAudit({ eventId, order: 'desc', limit: 50 });
  return reviewView(story, eventId, record, history);
}

/** Pure part of {@link buildReviewView}: `history` is the event's audit entries, newest first. */
export function reviewView(story: Story, eventId: string, record: EventRecord | undefined, history: readonly AuditEntry[]): ReviewView {
  const decision = history.find((e) => DECISIONS.has(e.action));
  const edit = history.find((e) => e.action === 'edit');
  const view: ReviewView = {
    eventId,
    story: { id: story.id, title: story.title },
    title: record?.title ?? '(deleted)',
    occurredAt: record?.occurredAt ?? '',
    facts: [],
    signals: [],
    sourceCount: record?.sources.length ?? 0,
    status: record ? (record.status ?? 'published') : 'deleted',
  };
  if (record?.dateSource) view.dateSource = record.dateSource;
  if (decision) view.decision = { action: decision.action as 'approve' | 'reject', actor: decision.actor, at: decision.at, ...(decision.actorName ? { actorName: decision.actorName } : {}) };
  if (edit) view.lastEdit = { actor: edit.actor, at: edit.at, ...(edit.actorName ? { actorName: edit.actorName } : {}) };
  if (!record) return view;
  const source = (id: string) => {
    const s = record.sources.find((x) => x.id === id);
    return s ? { name: s.name, ...(s.url ? { url: s.url } : {}) } : { name: id };
  };
  view.facts = record.facts.map((f, i) => ({
    id: factId(f, i),
    text: f.text,
    ...(f.speaker ? { speaker: f.speaker } : {}),
    source: source(f.source),
    alsoSources: (f.alsoSources ?? []).map(source),
  }));
  view.signals = (record.signals ?? []).map((s) => ({
    question: s.question,
    label: questionLabel(story, s.question),
    status: s.status,
    text: s.text,
  }));
  return view;
}

/**
 * Where the date came from, in the words the review message uses. An ingest-time day without a time of day is a day
 * the article wrote without its year ("on Feb. 18"), placed in the latest year that fits: the year is the guess.
 */
export function dateSourceText(source: DateSource | undefined, occurredAt?: string): string {
  switch (source) {
    case 'text':
      return "date from the article's text";
    case 'published':
      return 'date from its publication time';
    case 'ingest-time':
      return occurredAt !== undefined && isYearless({ dateSource: source, occurredAt })
        ? 'the article gives the day without its year: the year is a guess, check it'
        : 'no date found in the article: this is when it was ingested, check it';
    default:
      return 'date as recorded';
  }
}

/** Who acted, for display: the platform's name when known, else the id without its platform. */
export function actorLabel(actor: string, name?: string): string {
  if (name && name.trim() !== '') return name.trim();
  const i = actor.indexOf(':');
  return i >= 0 ? actor.slice(i + 1) : actor;
}
