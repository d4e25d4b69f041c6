import type { EventRecord, EventStatus, QuestionStatus, Story } from '../records/schema.js';

/** Where a chat message goes: a platform and a channel id on it. */
export type Platform = 'slack' | 'discord' | 'console';

export interface EventQuery {
  story: string;
  /** Inclusive lower bound on occurredAt (ISO). */
  from?: string;
  /** Exclusive upper bound on occurredAt (ISO). */
  to?: string;
  /** Newest first; at most this many. */
  limit?: number;
  /** Default: published only. */
  status?: EventStatus | 'any';
}

/** A stored signal, flattened out of its record for fast per-question history lookups. */
export interface StoredSignal {
  eventId: string;
  story: string;
  question: string;
  status: QuestionStatus;
  text: string;
  fact?: string;
  occurredAt: string;
  unknowns?: string[];
}

export interface UpsertResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** With `reportChanges`: every stored record this write replaced, as it was and as it is now (in write order). */
  changes?: EventChange[];
}

/** A stored record replaced by a write. */
export interface EventChange {
  before: EventRecord;
  after: EventRecord;
}

export type DaysSpec = 'daily' | 'weekdays' | Array<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'>;

export interface Subscription {
  id: number;
  platform: Platform;
  channel: string;
  story: string;
  /** Local time HH:MM. */
  time: string;
  /** IANA time zone. */
  timezone: string;
  days: DaysSpec;
  /** Only these questions in the briefing (all when absent). */
  questions?: string[];
  skipEmpty: boolean;
  createdBy?: string;
  createdAt: string;
  paused: boolean;
  pausedReason?: string;
  /**
   * Slack: the workspace whose token posts here — its team id (T…), or its org id (E…) when the app is installed
   * org-wide. Absent for subscriptions that record none (made before installs in many workspaces, or from the CLI
   * without --workspace): those post with SLACK_BOT_TOKEN.
   */
  workspace?: string;
}

export type NewSubscription = Omit<Subscription, 'id' | 'createdAt' | 'paused' | 'pausedReason'> & { createdAt?: string };

export type JobStatus = 'in-flight' | 'sent' | 'failed' | 'skipped';

export interface OutboxJob {
  /** `platform:channel:story:local-date` */
  key: string;
  subscriptionId: number | null;
  platform: Platform;
  channel: string;
  story: string;
  /** When it was due (ISO, UTC). */
  dueAt: string;
  status: JobStatus;
  attempts: number;
  /** Start of the briefing window used (ISO). */
  windowFrom?: string;
  /** End of the briefing window used (ISO) = the "since" for the next one. */
  windowTo?: string;
  messageId?: string;
  error?: string;
  createdAt: string;
  updatedAt: string;
  /** The subscription's workspace when the job was written (see `Subscription.workspace`). */
  workspace?: string;
}

export type NewOutboxJob = Pick<OutboxJob, 'key' | 'subscriptionId' | 'platform' | 'channel' | 'story' | 'dueAt'> & {
  windowFrom?: string;
  windowTo?: string;
  workspace?: string;
};

/**
 * The app's installation in one Slack workspace (or one Enterprise Grid org, for an org-wide install), as Bolt's
 * OAuth flow produced it. Tokens are sealed by the caller before they reach the store (AES-256-GCM, see
 * secrets/token-box.ts): a store only ever holds ciphertext, so no back end needs to know about keys.
 */
export interface SlackInstallation {
  /** The org id (E…) for an org-wide install, else the team id (T…): the value subscriptions record as `workspace`. */
  id: string;
  teamId?: string;
  teamName?: string;
  enterpriseId?: string;
  enterpriseName?: string;
  isEnterpriseInstall: boolean;
  appId?: string;
  botId?: string;
  botUserId?: string;
  botScopes: string[];
  /** The Slack user who installed it. */
  installedBy?: string;
  /** The bot token (and refresh token, with token rotation), sealed; opaque to the store. */
  sealedTokens: string;
  /** First install (ISO); a re-install keeps it. */
  installedAt: string;
  /** Last save (ISO): a re-install or a token refresh. */
  updatedAt: string;
}

/**
 * A replica's hold on an `in-flight` job: `owner` until `nowMs + ttlMs` (wall-clock ms, so replicas' clocks must
 * agree to well under a TTL). Another owner may take the job only once the hold has expired.
 */
export interface JobClaim {
  owner: string;
  ttlMs: number;
  nowMs: number;
}

/** A rate-limit bucket shared by every process on the store, and the gap it enforces between two starts. */
export interface RateBucket {
  name: string;
  intervalMs: number;
}

/**
 * Everything sitrep persists. Implementations must pass `tests/store/contract.ts`.
 * Methods are async so that a networked implementation (e.g. Postgres) can satisfy the same contract.
 */
export interface Store {
  /**
   * True when several processes may deliver from this store at once (PostgreSQL): each job is claimed on its own
   * and rate limits are shared through the store. False (SQLite): one process delivers at a time, under the
   * delivery lease.
   */
  readonly sharedDelivery: boolean;

  // ---- stories and event records ----
  upsertStory(story: Story): Promise<void>;
  getStory(id: string): Promise<Story | undefined>;
  listStories(): Promise<Story[]>;
  /**
   * Insert or replace records by id; a record identical to the stored one counts as unchanged. With `reportChanges`
   * the result lists each replaced record before and after (re-imports that change a published event are corrected
   * in posted briefings).
   */
  upsertEvents(records: readonly EventRecord[], options?: { reportChanges?: boolean }): Promise<UpsertResult>;
  getEvent(id: string): Promise<EventRecord | undefined>;
  /** Records of a story, newest occurredAt first (ties: id ascending). */
  listEvents(query: EventQuery): Promise<EventRecord[]>;
  countEvents(story: string): Promise<number>;
  /** Signals of a story's question(s), newest first, published records only. */
  listSignals(query: { story: string; question?: string; before?: string; limit?: number }): Promise<StoredSignal[]>;
  /** Set a record's review status (drafts and archived records are invisible to briefings). Returns false when unknown. */
  setEventStatus(id: string, status: EventStatus): Promise<boolean>;
  /**
   * Compare-and-set: replace the stored record `expected.id` with `next` only while the stored record still equals
   * `expected` (deep equality), and append `audit` in the same transaction. Two reviewers pressing a button at once:
   * exactly one call wins; the other gets `conflict` with the record as it now is and the newest audit entry for it.
   */
  replaceEventIf(expected: EventRecord, next: EventRecord, audit: NewAuditEntry): Promise<ReplaceResult>;

  // ---- audit and retractions ----
  /** Append one audit entry; returns its id (increasing). */
  appendAudit(entry: NewAuditEntry): Promise<number>;
  /** Audit entries, oldest first (`order: 'desc'`: newest first), optionally since an instant and for one event. */
  listAudit(filter?: { since?: string; eventId?: string; limit?: number; order?: 'asc' | 'desc' }): Promise<AuditEntry[]>;
  /** Record a retraction (a whole event when `factId` is absent). Returns its id. */
  addRetraction(retraction: NewRetraction): Promise<number>;
  /** Retractions of a story, oldest first. */
  listRetractions(story: string): Promise<Retraction[]>;

  // ---- subscriptions ----
  /**
   * One subscription per (platform, channel, story): a second call replaces the first (and un-pauses it), except that
   * a call without a workspace keeps the workspace already recorded.
   */
  upsertSubscription(sub: NewSubscription): Promise<Subscription>;
  removeSubscription(platform: Platform, channel: string, story?: string): Promise<number>;
  listSubscriptions(filter?: { platform?: Platform; channel?: string; story?: string; includePaused?: boolean }): Promise<Subscription[]>;
  setSubscriptionPaused(id: number, paused: boolean, reason?: string): Promise<void>;
  /** Pause every subscription of a channel (e.g. the bot was removed). Returns how many. */
  pauseChannel(platform: Platform, channel: string, reason: string): Promise<number>;
  /**
   * Pause every unpaused subscription of a workspace (e.g. the app was uninstalled from it); `null` pauses those that
   * record no workspace. Already-paused ones keep their reason. Returns how many were paused.
   */
  pauseWorkspace(platform: Platform, workspace: string | null, reason: string): Promise<number>;

  // ---- Slack installations (installs in many workspaces) ----
  /** Insert, or replace the installation with the same id (a re-install): every field but `installedAt`, which keeps the first. */
  saveInstallation(installation: SlackInstallation): Promise<void>;
  /** The installation with this id (team id, or org id for an org-wide install). */
  getInstallation(id: string): Promise<SlackInstallation | undefined>;
  /** Forget an installation and its tokens (uninstall, revoked token). True when there was one. */
  deleteInstallation(id: string): Promise<boolean>;

  // ---- outbox / delivery log ----
  /**
   * Insert the job as `in-flight` unless its key exists. `created: false` returns the existing job. With a claim,
   * a created job is held by its owner (see {@link JobClaim}).
   */
  createJob(job: NewOutboxJob, now: string, claim?: JobClaim): Promise<{ created: boolean; job: OutboxJob }>;
  getJob(key: string): Promise<OutboxJob | undefined>;
  /** The status of each key that has a job (keys without one are absent from the map). */
  jobStatuses(keys: readonly string[]): Promise<Map<string, JobStatus>>;
  /**
   * Take (or renew) the claim on an `in-flight` job: granted when nobody holds it, the hold expired, or `owner`
   * holds it already. Returns the job as claimed, or undefined (not in flight, or held by another owner).
   */
  claimJob(key: string, claim: JobClaim): Promise<OutboxJob | undefined>;
  /**
   * Insert many jobs as `in-flight` and unclaimed, skipping keys that exist (any replica may then claim them with
   * {@link claimJobs}). Returns how many were inserted.
   */
  createJobs(jobs: readonly NewOutboxJob[], now: string): Promise<number>;
  /**
   * Claim up to `limit` `in-flight` jobs among `keys` that nobody holds (never claimed, or the hold expired), oldest
   * due first. Replicas claiming at the same moment get disjoint jobs (PostgreSQL: FOR UPDATE SKIP LOCKED).
   */
  claimJobs(keys: readonly string[], claim: JobClaim, limit: number): Promise<OutboxJob[]>;
  /** Extend the claims `owner` holds on these `in-flight` jobs to `nowMs + ttlMs`. Returns how many. */
  renewJobClaims(owner: string, keys: readonly string[], ttlMs: number, nowMs: number): Promise<number>;
  /** Let go of a job early (a no-op unless `owner` holds it), so another replica may take it at once. */
  releaseJobClaim(key: string, owner: string): Promise<void>;
  /**
   * Count one attempt, only while the claim still holds (same owner, unexpired at `claim.nowMs`), and renew it.
   * Returns the new attempt count, or undefined when the claim was lost: the caller must not post.
   */
  startJobAttempt(key: string, claim: JobClaim): Promise<number | undefined>;
  markJobSent(key: string, messageId: string, now: string): Promise<void>;
  markJobFailed(key: string, error: string, now: string): Promise<void>;
  markJobSkipped(key: string, reason: string, now: string): Promise<void>;
  incrementJobAttempts(key: string, now: string): Promise<number>;
  listJobs(filter?: { status?: JobStatus; platform?: Platform; channel?: string; limit?: number }): Promise<OutboxJob[]>;
  /** The newest `sent` job for a channel and story. */
  lastSentJob(platform: Platform, channel: string, story: string): Promise<OutboxJob | undefined>;
  /**
   * {@link lastSentJob}'s `windowTo` for many channels at once, keyed `platform:channel:story` (absent: never sent,
   * or sent without a window).
   */
  lastSentWindows(targets: ReadonlyArray<{ platform: Platform; channel: string; story: string }>): Promise<Map<string, string>>;

  // ---- message outbox (review posts, review updates, corrections, follow alerts) ----
  /** Queue a message job unless its key exists (`created: false` returns the existing one). */
  enqueueMessage(job: NewMessageJob, now: string): Promise<{ created: boolean; job: MessageJob }>;
  getMessageJob(key: string): Promise<MessageJob | undefined>;
  /** Jobs in the order they were queued, filtered by status (one or several) and kind. */
  listMessageJobs(filter?: { status?: MessageJobStatus | readonly MessageJobStatus[]; kind?: MessageJobKind; limit?: number }): Promise<MessageJob[]>;
  /** The job whose posted message has this id on this platform (a review message, found from a button on it). */
  findMessageJobByMessageId(platform: Platform, messageId: string): Promise<MessageJob | undefined>;
  /** Set a job's status, with the posted message id (sent) or the reason (failed, skipped). */
  markMessageJob(key: string, status: MessageJobStatus, detail: { messageId?: string; error?: string }, now: string): Promise<void>;
  /** Count one attempt, before the platform call (zero attempts proves nothing was posted). Returns the new count. */
  incrementMessageAttempts(key: string, now: string): Promise<number>;

  // ---- briefings posted (what each showed, for corrections) ----
  /**
   * Record a posted briefing: where, its message id, how to rebuild it and the items it showed. Recording the same
   * key again replaces all of that but keeps the correction lines already stored (only `addBriefingCorrection` adds them).
   */
  recordPostedBriefing(briefing: PostedBriefing): Promise<void>;
  getPostedBriefing(key: string): Promise<PostedBriefing | undefined>;
  /** Posted briefings posted at or after `since`, oldest first, that showed `eventId` and/or went to a channel. */
  listPostedBriefings(filter: { since: string; eventId?: string; platform?: Platform; channel?: string; story?: string }): Promise<PostedBriefing[]>;
  /** Append a correction line to a posted briefing unless one with its id is there. False when the briefing is unknown. */
  addBriefingCorrection(key: string, correction: CorrectionLine): Promise<boolean>;

  // ---- following one question ----
  /** Follow a question in a channel; false when it was already followed. */
  addFollow(follow: NewFollow): Promise<boolean>;
  /** Stop following; false when it was not followed. */
  removeFollow(platform: Platform, channel: string, story: string, question: string): Promise<boolean>;
  listFollows(filter?: { platform?: Platform; channel?: string; story?: string; question?: string }): Promise<Follow[]>;
  /** The last published status sitrep saw for each question of a story (what follow alerts compare against). */
  listQuestionMarks(story: string): Promise<QuestionMark[]>;
  /**
   * Compare-and-set a question's mark: store `mark` with seq `expectedSeq + 1` only while the stored seq is
   * `expectedSeq` (`null`: only while there is no mark; the new mark gets seq 0). False when another writer won.
   */
  advanceQuestionMark(mark: Omit<QuestionMark, 'seq'>, expectedSeq: number | null): Promise<boolean>;

  // ---- ingestion bookkeeping ----
  /** Record a feed item as seen; false when it was seen before. */
  markSeen(feedUrl: string, itemId: string, now: string): Promise<boolean>;
  getFeedState(feedUrl: string): Promise<FeedState | undefined>;
  setFeedState(state: FeedState): Promise<void>;
  /**
   * Candidate events for merging: same story, occurredAt within [from, to], sharing at least one LSH band, those
   * sharing the most first (then by id), at most `limit` (default 20). Each comes with its record as read in the same
   * query: `version` is equal for two reads exactly when the stored record is the same, so a caller can reuse what it
   * derived from a record without parsing it; `record()` parses it. An id whose event is not stored (bands without a
   * record) has no version. `words` are read in the same query (they are written with the record).
   */
  findMergeCandidates(query: { story: string; from: string; to: string; bands: readonly string[]; limit?: number }): Promise<MergeCandidate[]>;
  /**
   * Every ingested event (one with band keys) of a story with occurredAt within [from, to], each as
   * `findMergeCandidates` gives it (record and words), by id, when there are at most `limit` of them; undefined when
   * there are more. A window of a few dozen events is compared whole, as one run compares its own events; a busy one
   * is left to the band lookup. (A curated record loaded from the story's files has no band keys: never a candidate.)
   */
  findMergeWindow(query: { story: string; from: string; to: string; limit: number }): Promise<MergeCandidate[] | undefined>;
  /** Replace the LSH band keys of an event. */
  setEventBands(eventId: string, story: string, occurredAt: string, bands: readonly string[]): Promise<void>;
  /**
   * Upsert one event and replace its band keys in one transaction: an ingested event is never stored without them.
   * `words`, when given, replaces the words of the reports it holds (what `findMergeCandidates` gives back).
   */
  upsertEventWithBands(record: EventRecord, bands: readonly string[], words?: readonly string[]): Promise<UpsertResult>;

  // ---- leases ----
  /**
   * Take or renew the named lease for `owner` until `nowMs + ttlMs` (wall-clock ms). False while another owner
   * holds it unexpired: this is how two processes on one database avoid delivering the same jobs.
   */
  acquireLease(name: string, owner: string, ttlMs: number, nowMs: number): Promise<boolean>;
  /** Give the lease up early (a no-op unless `owner` holds it). */
  releaseLease(name: string, owner: string): Promise<void>;

  // ---- shared rate limits ----
  /**
   * Reserve the earliest start at or after `nowMs` that every bucket allows (none blocked, each one's interval since
   * its last reserved start), and record it. Returns that start (wall-clock ms); the caller waits until then. When
   * that start is more than `maxWaitMs` away, nothing is reserved (`reserved: false`): the caller waits elsewhere
   * and asks again, without taking a start it would not use.
   */
  reserveRate(buckets: readonly RateBucket[], nowMs: number, maxWaitMs?: number): Promise<{ startMs: number; reserved: boolean }>;
  /** Nobody may start in `bucket` before `untilMs` (a 429's Retry-After, seen by one process, holds for all). */
  blockRate(bucket: string, untilMs: number): Promise<void>;

  // ---- bookkeeping ----
  /** A small named value kept with the data, e.g. the fingerprint of the story files last synced (records/sync.ts). */
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;

  /**
   * An opaque token that changes whenever stored data changes: at once for writes through this store, and within a
   * short delay for another process's writes. SQLite: at most 500 ms (its data_version is polled). PostgreSQL: as
   * soon as the commit's notification arrives (LISTEN/NOTIFY, milliseconds); while the listening connection is down,
   * every call returns a new token, so nothing derived from the store is reused. Writes that only coordinate
   * processes (leases, claims, rate limits) and ingestion bookkeeping (seen items, feed state, band keys) need not
   * change it. Lets callers cache what they derive from the store, such as a briefing answered to many slash
   * commands in the same minute.
   */
  revision(): Promise<string>;

  /** Cheap liveness check (used by /readyz and doctor). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Who did what to which event, when, with the record before and after (audit log; also the change id of corrections). */
export interface AuditEntry {
  id: number;
  at: string;
  /** `slack:U123`, `discord:123…`, `cli:alice`, `import`, `ingest`. */
  actor: string;
  /** A display name for the actor, when known. */
  actorName?: string;
  /** approve, reject, edit, retract, reimport, merge, follow, unfollow, denied … */
  action: string;
  eventId?: string;
  story?: string;
  /** One line for people (`sitrep audit`): what changed, a reason. */
  detail?: string;
  before?: unknown;
  after?: unknown;
}
export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export type ReplaceResult =
  | { ok: true; auditId: number }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'conflict'; current: EventRecord; last?: AuditEntry };

export interface Retraction {
  id: number;
  story: string;
  eventId: string;
  /** Absent: the whole event is retracted. */
  factId?: string;
  /** The retracted fact's text, matched on later reads (fact ids of file records can shift when a file is edited). */
  factText?: string;
  reason: string;
  actor: string;
  at: string;
}
export type NewRetraction = Omit<Retraction, 'id'>;

export type MessageJobKind = 'review-post' | 'review-update' | 'correction' | 'follow-alert';
export type MessageJobStatus = 'queued' | 'in-flight' | 'sent' | 'failed' | 'skipped';

/** One message to post or edit, written before the platform call (the same exactly-once rules as briefings). */
export interface MessageJob {
  /** Unique per message and change, e.g. `review:<event>`, `correction:<briefing key>:<audit id>`. */
  key: string;
  kind: MessageJobKind;
  platform: Platform;
  channel: string;
  story: string;
  /** Kind-specific JSON (validated by its reader). */
  payload: Record<string, unknown>;
  status: MessageJobStatus;
  attempts: number;
  messageId?: string;
  error?: string;
  /** Slack: the workspace whose token posts or edits it (see `Subscription.workspace`); absent: the default token. */
  workspace?: string;
  createdAt: string;
  updatedAt: string;
}
export type NewMessageJob = Pick<MessageJob, 'key' | 'kind' | 'platform' | 'channel' | 'story' | 'payload' | 'workspace'>;

/** How to build a posted briefing again (same window, same filter), for corrections. */
export interface BriefingRebuild {
  since: string;
  now: string;
  fallback: 'latest' | 'none';
  questions?: string[];
  question?: string;
}

export interface CorrectionLine {
  /** The change it reports (an audit id), so a line is added once. */
  id: string;
  at: string;
  text: string;
}

/** A briefing as posted in a channel, with what it showed: `event#fact`, `event#title`, `event#q:question`. */
export interface PostedBriefing {
  /** The outbox key it was posted under. */
  key: string;
  platform: Platform;
  channel: string;
  story: string;
  messageId: string;
  postedAt: string;
  /** Slack: the workspace it was posted with (its corrections are edited with the same token). */
  workspace?: string;
  rebuild: BriefingRebuild;
  shown: string[];
  corrections: CorrectionLine[];
}

export interface Follow {
  platform: Platform;
  channel: string;
  story: string;
  question: string;
  /** Slack: the workspace of the channel (its alerts post with that workspace's token). */
  workspace?: string;
  createdBy?: string;
  createdAt: string;
}
export type NewFollow = Follow;

export interface QuestionMark {
  story: string;
  question: string;
  status: QuestionStatus;
  /** Increases by one with each change sitrep saw; follow alerts are keyed by it. */
  seq: number;
  eventId?: string;
  changedAt: string;
}

/**
 * A merge candidate as the store holds it (see `Store.findMergeCandidates`): with its record, the words of every report
 * it holds as ingestion last wrote them (`words`, space-separated; none for an event written otherwise).
 */
export type MergeCandidate = { id: string; version?: undefined } | { id: string; version: string; record(): EventRecord; words?: string };

export interface FeedState {
  url: string;
  etag?: string;
  lastModified?: string;
  lastPolledAt?: string;
  failures: number;
  nextPollAt?: string;
  lastError?: string;
}

/** Errors a store raises on expected conditions carry a stable code. */
export class StoreError extends Error {
  constructor(
    readonly code: 'STORE_OPEN_FAILED' | 'STORE_READONLY' | 'STORE_LOCKED' | 'STORE_MIGRATION_FAILED' | 'STORE_UNAVAILABLE',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
