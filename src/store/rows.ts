import type { EventRecord, QuestionStatus } from '../records/schema.js';
import type {
  AuditEntry,
  CorrectionLine,
  DaysSpec,
  FeedState,
  Follow,
  MergeCandidate,
  JobStatus,
  MessageJob,
  MessageJobKind,
  MessageJobStatus,
  OutboxJob,
  Platform,
  PostedBriefing,
  QuestionMark,
  Retraction,
  SlackInstallation,
  StoredSignal,
  Subscription,
} from './store.js';

/*
 * Rows as both back ends read them (the same columns under the same names in both schemas), and what each one
 * becomes. Where the two drivers hand back different types for the same column, the row type says so and the
 * mapper makes one value of them.
 */

/** SQLite has no boolean type (the schema stores 0 and 1); PostgreSQL's BOOLEAN columns come back as booleans. */
type Flag = number | boolean;

function flag(v: Flag): boolean {
  return v === true || v === 1;
}

export interface SignalRow {
  event_id: string;
  story: string;
  question: string;
  status: string;
  occurred_at_ms: number;
  json: string;
}
export interface SubscriptionRow {
  id: number;
  platform: string;
  channel: string;
  story: string;
  time: string;
  timezone: string;
  days: string;
  questions: string | null;
  skip_empty: Flag;
  created_by: string | null;
  created_at: string;
  paused: Flag;
  paused_reason: string | null;
  workspace: string | null;
}
export interface InstallationRow {
  id: string;
  team_id: string | null;
  team_name: string | null;
  enterprise_id: string | null;
  enterprise_name: string | null;
  is_enterprise_install: Flag;
  app_id: string | null;
  bot_id: string | null;
  bot_user_id: string | null;
  bot_scopes: string;
  installed_by: string | null;
  sealed_tokens: string;
  installed_at: string;
  updated_at: string;
}
export interface JobRow {
  key: string;
  subscription_id: number | null;
  platform: string;
  channel: string;
  story: string;
  due_at: string;
  status: string;
  attempts: number;
  window_from: string | null;
  window_to: string | null;
  message_id: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
  workspace: string | null;
}
export interface FeedRow {
  url: string;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  failures: number;
  next_poll_at: string | null;
  last_error: string | null;
}
export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  actor_name: string | null;
  action: string;
  event_id: string | null;
  story: string | null;
  detail: string | null;
  before: string | null;
  after: string | null;
}
export interface RetractionRow {
  id: number;
  story: string;
  event_id: string;
  fact_id: string | null;
  fact_text: string | null;
  reason: string;
  actor: string;
  at: string;
}
export interface MessageJobRow {
  key: string;
  kind: string;
  platform: string;
  channel: string;
  story: string;
  payload: string;
  status: string;
  attempts: number;
  message_id: string | null;
  error: string | null;
  workspace: string | null;
  created_at: string;
  updated_at: string;
}
export interface PostedRow {
  key: string;
  platform: string;
  channel: string;
  story: string;
  message_id: string;
  posted_at: string;
  workspace: string | null;
  rebuild: string;
  shown: string;
  corrections: string;
}
export interface FollowRow {
  platform: string;
  channel: string;
  story: string;
  question: string;
  workspace: string | null;
  created_by: string | null;
  created_at: string;
}
export interface QuestionMarkRow {
  story: string;
  question: string;
  status: string;
  seq: number;
  event_id: string | null;
  changed_at: string;
}

// Number() on ids: they are BIGINT in PostgreSQL, which node-postgres returns as text on a connection without the
// store's INT8 parser. On SQLite and on the store's own pool it changes nothing.

export function toStoredSignal(r: SignalRow): StoredSignal {
  const sig = JSON.parse(r.json) as { text: string; fact?: string; unknowns?: string[] };
  const out: StoredSignal = {
    eventId: r.event_id,
    story: r.story,
    question: r.question,
    status: r.status as QuestionStatus,
    text: sig.text,
    occurredAt: new Date(r.occurred_at_ms).toISOString(),
  };
  if (sig.fact !== undefined) out.fact = sig.fact;
  if (sig.unknowns !== undefined) out.unknowns = sig.unknowns;
  return out;
}

export function toAudit(r: AuditRow): AuditEntry {
  return {
    id: Number(r.id),
    at: r.at,
    actor: r.actor,
    ...(r.actor_name !== null ? { actorName: r.actor_name } : {}),
    action: r.action,
    ...(r.event_id !== null ? { eventId: r.event_id } : {}),
    ...(r.story !== null ? { story: r.story } : {}),
    ...(r.detail !== null ? { detail: r.detail } : {}),
    ...(r.before !== null ? { before: JSON.parse(r.before) as unknown } : {}),
    ...(r.after !== null ? { after: JSON.parse(r.after) as unknown } : {}),
  };
}

export function toRetraction(r: RetractionRow): Retraction {
  return {
    id: Number(r.id),
    story: r.story,
    eventId: r.event_id,
    ...(r.fact_id !== null ? { factId: r.fact_id } : {}),
    ...(r.fact_text !== null ? { factText: r.fact_text } : {}),
    reason: r.reason,
    actor: r.actor,
    at: r.at,
  };
}

export function toMessageJob(r: MessageJobRow): MessageJob {
  return {
    key: r.key,
    kind: r.kind as MessageJobKind,
    platform: r.platform as Platform,
    channel: r.channel,
    story: r.story,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    status: r.status as MessageJobStatus,
    attempts: r.attempts,
    ...(r.message_id !== null ? { messageId: r.message_id } : {}),
    ...(r.error !== null ? { error: r.error } : {}),
    ...(r.workspace !== null ? { workspace: r.workspace } : {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toPosted(r: PostedRow): PostedBriefing {
  return {
    key: r.key,
    platform: r.platform as Platform,
    channel: r.channel,
    story: r.story,
    messageId: r.message_id,
    postedAt: r.posted_at,
    ...(r.workspace !== null ? { workspace: r.workspace } : {}),
    rebuild: JSON.parse(r.rebuild) as PostedBriefing['rebuild'],
    shown: JSON.parse(r.shown) as string[],
    corrections: JSON.parse(r.corrections) as CorrectionLine[],
  };
}

/**
 * The events a posted briefing showed (each `shown` item is `eventId#part`), one posted_briefing_events row each:
 * the rows a correction to an event reads to find the briefings to edit.
 */
export function shownEventIds(b: PostedBriefing): string[] {
  return [...new Set(b.shown.map((item) => item.split('#')[0] ?? '').filter((id) => id !== ''))];
}

export function toFollow(r: FollowRow): Follow {
  return {
    platform: r.platform as Platform,
    channel: r.channel,
    story: r.story,
    question: r.question,
    ...(r.workspace !== null ? { workspace: r.workspace } : {}),
    ...(r.created_by !== null ? { createdBy: r.created_by } : {}),
    createdAt: r.created_at,
  };
}

export function toQuestionMark(r: QuestionMarkRow): QuestionMark {
  return {
    story: r.story,
    question: r.question,
    status: r.status as QuestionStatus,
    seq: r.seq,
    ...(r.event_id !== null ? { eventId: r.event_id } : {}),
    changedAt: r.changed_at,
  };
}

export function toSubscription(r: SubscriptionRow): Subscription {
  const sub: Subscription = {
    id: Number(r.id),
    platform: r.platform as Platform,
    channel: r.channel,
    story: r.story,
    time: r.time,
    timezone: r.timezone,
    days: JSON.parse(r.days) as DaysSpec,
    skipEmpty: flag(r.skip_empty),
    createdAt: r.created_at,
    paused: flag(r.paused),
  };
  if (r.questions !== null) sub.questions = JSON.parse(r.questions) as string[];
  if (r.created_by !== null) sub.createdBy = r.created_by;
  if (r.paused_reason !== null) sub.pausedReason = r.paused_reason;
  if (r.workspace !== null) sub.workspace = r.workspace;
  return sub;
}

export function toInstallation(r: InstallationRow): SlackInstallation {
  const out: SlackInstallation = {
    id: r.id,
    isEnterpriseInstall: flag(r.is_enterprise_install),
    botScopes: JSON.parse(r.bot_scopes) as string[],
    sealedTokens: r.sealed_tokens,
    installedAt: r.installed_at,
    updatedAt: r.updated_at,
  };
  if (r.team_id !== null) out.teamId = r.team_id;
  if (r.team_name !== null) out.teamName = r.team_name;
  if (r.enterprise_id !== null) out.enterpriseId = r.enterprise_id;
  if (r.enterprise_name !== null) out.enterpriseName = r.enterprise_name;
  if (r.app_id !== null) out.appId = r.app_id;
  if (r.bot_id !== null) out.botId = r.bot_id;
  if (r.bot_user_id !== null) out.botUserId = r.bot_user_id;
  if (r.installed_by !== null) out.installedBy = r.installed_by;
  return out;
}

export function toJob(r: JobRow): OutboxJob {
  const job: OutboxJob = {
    key: r.key,
    subscriptionId: r.subscription_id === null ? null : Number(r.subscription_id),
    platform: r.platform as Platform,
    channel: r.channel,
    story: r.story,
    dueAt: r.due_at,
    status: r.status as JobStatus,
    attempts: r.attempts,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
  if (r.window_from !== null) job.windowFrom = r.window_from;
  if (r.window_to !== null) job.windowTo = r.window_to;
  if (r.message_id !== null) job.messageId = r.message_id;
  if (r.error !== null) job.error = r.error;
  if (r.workspace !== null) job.workspace = r.workspace;
  return job;
}

export function toFeedState(r: FeedRow): FeedState {
  const out: FeedState = { url: r.url, failures: r.failures };
  if (r.etag !== null) out.etag = r.etag;
  if (r.last_modified !== null) out.lastModified = r.last_modified;
  if (r.last_polled_at !== null) out.lastPolledAt = r.last_polled_at;
  if (r.next_poll_at !== null) out.nextPollAt = r.next_poll_at;
  if (r.last_error !== null) out.lastError = r.last_error;
  return out;
}

/** A merge candidate's row: an event id with its record's JSON (none for bands without a record) and its words. */
export interface CandidateRow {
  id: string;
  json: string | null;
  words: string | null;
}

/** The JSON text is the version: comparing it is exact and much cheaper than parsing it. */
export function mergeCandidateOf({ id, json, words }: CandidateRow): MergeCandidate {
  return json === null ? { id } : { id, version: json, record: () => JSON.parse(json) as EventRecord, ...(words === null ? {} : { words }) };
}
