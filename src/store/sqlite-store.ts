import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import type { EventRecord, EventStatus, Story } from '../records/schema.js';
import { instantMs } from '../time/instant.js';
import { migrations } from './migrations.js';
import {
  toAudit,
  toFeedState,
  toFollow,
  toInstallation,
  toJob,
  toMessageJob,
  toPosted,
  toQuestionMark,
  toRetraction,
  toStoredSignal,
  shownEventIds,
  toSubscription,
  mergeCandidateOf,
  type AuditRow,
  type CandidateRow,
  type FeedRow,
  type FollowRow,
  type InstallationRow,
  type JobRow,
  type MessageJobRow,
  type PostedRow,
  type QuestionMarkRow,
  type RetractionRow,
  type SignalRow,
  type SubscriptionRow,
} from './rows.js';
import {
  StoreError,
  type AuditEntry,
  type CorrectionLine,
  type EventChange,
  type Follow,
  type MessageJob,
  type MessageJobKind,
  type MessageJobStatus,
  type NewAuditEntry,
  type NewFollow,
  type NewMessageJob,
  type NewRetraction,
  type PostedBriefing,
  type QuestionMark,
  type ReplaceResult,
  type Retraction,
  type EventQuery,
  type FeedState,
  type JobClaim,
  type JobStatus,
  type MergeCandidate,
  type NewOutboxJob,
  type NewSubscription,
  type OutboxJob,
  type Platform,
  type RateBucket,
  type SlackInstallation,
  type Store,
  type StoredSignal,
  type Subscription,
  type UpsertResult,
} from './store.js';

type Db = Database.Database;

interface EventRow {
  json: string;
  status: string;
}

/** Rows per transaction in bulk upserts: big enough for throughput, small enough that a crash loses one batch at most. */
const UPSERT_BATCH = 5000;

/** The embedded store: one SQLite file (WAL), schema migrated on open. */
export class SqliteStore implements Store {
  /** One delivering process at a time, under the delivery lease (a file is not shared across machines). */
  readonly sharedDelivery = false;
  readonly db: Db;
  private readonly stmts: ReturnType<typeof prepare>;
  /** Built once: `db.transaction` makes a new wrapper on every call, and ingestion writes an event per article. */
  private readonly candidateEventsByLimit = new Map<number, Database.Statement>();
  private readonly eventWithBandsTxn: (record: EventRecord, bands: readonly string[], words?: readonly string[]) => UpsertResult;

  /** Other connections' data_version and when it was read (monotonic ms). */
  private others = { version: 0, readAt: Number.NEGATIVE_INFINITY };

  constructor(
    db: Db,
    private readonly otherWritersPollMs = OTHER_WRITERS_POLL_MS,
  ) {
    this.db = db;
    this.stmts = prepare(db);
    // One commit for the event and its bands, and no savepoints inside it (they make SQLite keep a sub-journal).
    this.eventWithBandsTxn = db.transaction((record: EventRecord, bands: readonly string[], words?: readonly string[]) => {
      const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
      result[this.writeEvent(record)]++;
      this.writeBands(record.id, record.story, record.occurredAt, bands);
      if (words !== undefined) this.stmts.upsertWords.run(record.id, words.join(' '));
      return result;
    });
  }

  async upsertStory(story: Story): Promise<void> {
    this.stmts.upsertStory.run(story.id, JSON.stringify(story), new Date(0).toISOString());
  }

  async getStory(id: string): Promise<Story | undefined> {
    const row = this.stmts.getStory.get(id) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as Story) : undefined;
  }

  async listStories(): Promise<Story[]> {
    return (this.stmts.listStories.all() as Array<{ json: string }>).map((r) => JSON.parse(r.json) as Story);
  }

  async upsertEvents(records: readonly EventRecord[], options: { reportChanges?: boolean } = {}): Promise<UpsertResult> {
    return this.upsertEventsSync(records, options);
  }

  /** Synchronous bulk upsert, committed in batches of {@link UPSERT_BATCH}. */
  upsertEventsSync(records: readonly EventRecord[], options: { reportChanges?: boolean } = {}): UpsertResult {
    const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
    const changes: EventChange[] | undefined = options.reportChanges ? [] : undefined;
    if (changes) result.changes = changes;
    const batch = this.db.transaction((chunk: readonly EventRecord[]) => {
      for (const rec of chunk) result[this.writeEvent(rec, changes)]++;
    });
    for (let i = 0; i < records.length; i += UPSERT_BATCH) batch(records.slice(i, i + UPSERT_BATCH));
    // A bulk load leaves SQLite's page cache and scratch buffers full; a long-running bot doesn't need them.
    if (records.length >= UPSERT_BATCH) this.db.pragma('shrink_memory');
    return result;
  }

  /**
   * Write one record and its signal rows (inside the caller's transaction). Every page a commit touches is written
   * to the WAL whole, so an update leaves alone the index entries and signal rows whose values did not change.
   */
  private writeEvent(rec: EventRecord, changes?: EventChange[]): 'inserted' | 'updated' | 'unchanged' {
    const s = this.stmts;
    const json = JSON.stringify(rec);
    const existing = s.getEventRow.get(rec.id) as { json: string; story: string; occurred_at_ms: number; status: string } | undefined;
    if (existing?.json === json) return 'unchanged';
    if (existing && changes) changes.push({ before: JSON.parse(existing.json) as EventRecord, after: JSON.parse(json) as EventRecord });
    const ms = instantMs(rec.occurredAt);
    const status = rec.status ?? 'published';
    if (existing && existing.story === rec.story && existing.occurred_at_ms === ms && existing.status === status) s.setEventJson.run(json, rec.id);
    else s.upsertEvent.run(rec.id, rec.story, ms, status, json);
    const published = status === 'published' ? 1 : 0;
    const signals = rec.signals ?? [];
    const old = existing ? (s.eventSignals.all(rec.id) as Array<{ idx: number; story: string; question: string; status: string; occurred_at_ms: number; published: number; json: string }>) : [];
    const oldByIdx = new Map(old.map((r) => [r.idx, r]));
    signals.forEach((sig, idx) => {
      const sigJson = JSON.stringify(sig);
      const prev = oldByIdx.get(idx);
      if (!prev) s.insertSignal.run(rec.id, idx, rec.story, sig.question, sig.status, ms, published, sigJson);
      else if (prev.story !== rec.story || prev.question !== sig.question || prev.occurred_at_ms !== ms || prev.published !== published)
        s.replaceSignal.run(rec.story, sig.question, sig.status, ms, published, sigJson, rec.id, idx);
      // Status and JSON are in no index: updating only them leaves the index pages clean.
      else if (prev.status !== sig.status || prev.json !== sigJson) s.setSignalJson.run(sig.status, sigJson, rec.id, idx);
    });
    if (old.length > signals.length) s.deleteSignalsFrom.run(rec.id, signals.length);
    return existing ? 'updated' : 'inserted';
  }

  async getEvent(id: string): Promise<EventRecord | undefined> {
    const row = this.stmts.getEventJson.get(id) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as EventRecord) : undefined;
  }

  async listEvents(q: EventQuery): Promise<EventRecord[]> {
    const from = q.from !== undefined ? instantMs(q.from) : Number.MIN_SAFE_INTEGER;
    const to = q.to !== undefined ? instantMs(q.to) : Number.MAX_SAFE_INTEGER;
    const limit = q.limit ?? -1;
    const rows = (
      q.status === 'any'
        ? this.stmts.listEventsAny.all(q.story, from, to, limit)
        : this.stmts.listEvents.all(q.story, q.status ?? 'published', from, to, limit)
    ) as EventRow[];
    return rows.map((r) => JSON.parse(r.json) as EventRecord);
  }

  async countEvents(story: string): Promise<number> {
    return (this.stmts.countEvents.get(story) as { n: number }).n;
  }

  async listSignals(q: { story: string; question?: string; before?: string; limit?: number }): Promise<StoredSignal[]> {
    const before = q.before !== undefined ? instantMs(q.before) : Number.MAX_SAFE_INTEGER;
    const limit = q.limit ?? -1;
    const rows = (
      q.question !== undefined
        ? this.stmts.listSignalsQ.all(q.story, q.question, before, limit)
        : this.stmts.listSignals.all(q.story, before, limit)
    ) as SignalRow[];
    return rows.map(toStoredSignal);
  }

  async setEventStatus(id: string, status: EventStatus): Promise<boolean> {
    const row = this.stmts.getEventJson.get(id) as { json: string } | undefined;
    if (!row) return false;
    const rec = JSON.parse(row.json) as EventRecord;
    const next: EventRecord = { ...rec, status };
    this.db.transaction(() => {
      this.stmts.setEventStatus.run(status, JSON.stringify(next), id);
      this.stmts.setSignalsPublished.run(status === 'published' ? 1 : 0, id);
    })();
    return true;
  }

  async replaceEventIf(expected: EventRecord, next: EventRecord, audit: NewAuditEntry): Promise<ReplaceResult> {
    if (next.id !== expected.id) throw new RangeError(`replaceEventIf: ids differ ("${expected.id}" → "${next.id}")`);
    // IMMEDIATE: the write lock is taken before the read, so two processes can't both see the old record.
    return this.db
      .transaction((): ReplaceResult => {
        const row = this.stmts.getEventJson.get(expected.id) as { json: string } | undefined;
        if (!row) return { ok: false, reason: 'missing' };
        const current = JSON.parse(row.json) as EventRecord;
        if (row.json !== JSON.stringify(expected) && !isDeepStrictEqual(current, expected)) {
          const last = this.stmts.lastAuditForEvent.get(expected.id) as AuditRow | undefined;
          return { ok: false, reason: 'conflict', current, ...(last ? { last: toAudit(last) } : {}) };
        }
        this.writeEvent(next);
        return { ok: true, auditId: this.insertAudit(audit) };
      })
      .immediate();
  }

  // ---- audit and retractions ----

  async appendAudit(entry: NewAuditEntry): Promise<number> {
    return this.insertAudit(entry);
  }

  private insertAudit(e: NewAuditEntry): number {
    const info = this.stmts.insertAudit.run({
      at: e.at,
      at_ms: Date.parse(e.at),
      actor: e.actor,
      actor_name: e.actorName ?? null,
      action: e.action,
      event_id: e.eventId ?? null,
      story: e.story ?? null,
      detail: e.detail ?? null,
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
    });
    return Number(info.lastInsertRowid);
  }

  async listAudit(filter: { since?: string; eventId?: string; limit?: number; order?: 'asc' | 'desc' } = {}): Promise<AuditEntry[]> {
    const params = { since: filter.since !== undefined ? Date.parse(filter.since) : null, event_id: filter.eventId ?? null, limit: filter.limit ?? -1 };
    const rows = (filter.order === 'desc' ? this.stmts.listAuditDesc : this.stmts.listAuditAsc).all(params) as AuditRow[];
    return rows.map(toAudit);
  }

  async addRetraction(r: NewRetraction): Promise<number> {
    const info = this.stmts.insertRetraction.run(r.story, r.eventId, r.factId ?? null, r.factText ?? null, r.reason, r.actor, r.at);
    return Number(info.lastInsertRowid);
  }

  async listRetractions(story: string): Promise<Retraction[]> {
    return (this.stmts.listRetractions.all(story) as RetractionRow[]).map(toRetraction);
  }

  // ---- subscriptions ----

  async upsertSubscription(sub: NewSubscription): Promise<Subscription> {
    const createdAt = sub.createdAt ?? new Date().toISOString();
    this.stmts.upsertSubscription.run({
      platform: sub.platform,
      channel: sub.channel,
      story: sub.story,
      time: sub.time,
      timezone: sub.timezone,
      days: JSON.stringify(sub.days),
      questions: sub.questions && sub.questions.length > 0 ? JSON.stringify(sub.questions) : null,
      skip_empty: sub.skipEmpty ? 1 : 0,
      created_by: sub.createdBy ?? null,
      created_at: createdAt,
      workspace: sub.workspace ?? null,
    });
    const row = this.stmts.getSubscriptionByChannel.get(sub.platform, sub.channel, sub.story) as SubscriptionRow;
    return toSubscription(row);
  }

  async removeSubscription(platform: Platform, channel: string, story?: string): Promise<number> {
    const info = story !== undefined ? this.stmts.deleteSubscription.run(platform, channel, story) : this.stmts.deleteChannelSubscriptions.run(platform, channel);
    return info.changes;
  }

  async listSubscriptions(filter: { platform?: Platform; channel?: string; story?: string; includePaused?: boolean } = {}): Promise<Subscription[]> {
    const rows = this.stmts.listSubscriptions.all({
      platform: filter.platform ?? null,
      channel: filter.channel ?? null,
      story: filter.story ?? null,
      include_paused: filter.includePaused === false ? 0 : 1,
    }) as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  async setSubscriptionPaused(id: number, paused: boolean, reason?: string): Promise<void> {
    this.stmts.setPaused.run(paused ? 1 : 0, paused ? (reason ?? null) : null, id);
  }

  async pauseChannel(platform: Platform, channel: string, reason: string): Promise<number> {
    return this.stmts.pauseChannel.run(reason, platform, channel).changes;
  }

  async pauseWorkspace(platform: Platform, workspace: string | null, reason: string): Promise<number> {
    return this.stmts.pauseWorkspace.run(reason, platform, workspace).changes;
  }

  // ---- Slack installations ----

  async saveInstallation(i: SlackInstallation): Promise<void> {
    this.stmts.saveInstallation.run({
      id: i.id,
      team_id: i.teamId ?? null,
      team_name: i.teamName ?? null,
      enterprise_id: i.enterpriseId ?? null,
      enterprise_name: i.enterpriseName ?? null,
      is_enterprise_install: i.isEnterpriseInstall ? 1 : 0,
      app_id: i.appId ?? null,
      bot_id: i.botId ?? null,
      bot_user_id: i.botUserId ?? null,
      bot_scopes: JSON.stringify(i.botScopes),
      installed_by: i.installedBy ?? null,
      sealed_tokens: i.sealedTokens,
      installed_at: i.installedAt,
      updated_at: i.updatedAt,
    });
  }

  async getInstallation(id: string): Promise<SlackInstallation | undefined> {
    const row = this.stmts.getInstallation.get(id) as InstallationRow | undefined;
    return row ? toInstallation(row) : undefined;
  }

  async deleteInstallation(id: string): Promise<boolean> {
    return this.stmts.deleteInstallation.run(id).changes > 0;
  }

  // ---- outbox ----

  async createJob(job: NewOutboxJob, now: string, claim?: JobClaim): Promise<{ created: boolean; job: OutboxJob }> {
    const info = this.stmts.insertJob.run(insertJobParams(job, now, claim));
    const row = this.stmts.getJob.get(job.key) as JobRow;
    return { created: info.changes === 1, job: toJob(row) };
  }

  async getJob(key: string): Promise<OutboxJob | undefined> {
    const row = this.stmts.getJob.get(key) as JobRow | undefined;
    return row ? toJob(row) : undefined;
  }

  async jobStatuses(keys: readonly string[]): Promise<Map<string, JobStatus>> {
    const out = new Map<string, JobStatus>();
    for (const key of keys) {
      const row = this.stmts.getJobStatus.get(key) as { status: string } | undefined;
      if (row) out.set(key, row.status as JobStatus);
    }
    return out;
  }

  async claimJob(key: string, claim: JobClaim): Promise<OutboxJob | undefined> {
    const info = this.stmts.claimJob.run(claim.owner, claim.nowMs + claim.ttlMs, key, claim.owner, claim.nowMs);
    if (info.changes !== 1) return undefined;
    return toJob(this.stmts.getJob.get(key) as JobRow);
  }

  async createJobs(jobs: readonly NewOutboxJob[], now: string): Promise<number> {
    return this.db.transaction(() => {
      let created = 0;
      for (const job of jobs) created += this.stmts.insertJob.run(insertJobParams(job, now)).changes;
      return created;
    })();
  }

  async claimJobs(keys: readonly string[], claim: JobClaim, limit: number): Promise<OutboxJob[]> {
    return this.db.transaction(() => {
      const free = (this.stmts.claimableJobs.all(JSON.stringify(keys), claim.nowMs, limit) as Array<{ key: string }>).map((r) => r.key);
      const out: OutboxJob[] = [];
      for (const key of free) {
        this.stmts.setClaim.run(claim.owner, claim.nowMs + claim.ttlMs, key);
        out.push(toJob(this.stmts.getJob.get(key) as JobRow));
      }
      return out;
    }).immediate();
  }

  async renewJobClaims(owner: string, keys: readonly string[], ttlMs: number, nowMs: number): Promise<number> {
    if (keys.length === 0) return 0;
    return this.stmts.renewClaims.run(nowMs + ttlMs, owner, JSON.stringify(keys)).changes;
  }

  async releaseJobClaim(key: string, owner: string): Promise<void> {
    this.stmts.releaseClaim.run(key, owner);
  }

  async startJobAttempt(key: string, claim: JobClaim): Promise<number | undefined> {
    const row = this.stmts.startAttempt.get(claim.nowMs + claim.ttlMs, new Date(claim.nowMs).toISOString(), key, claim.owner, claim.nowMs) as { attempts: number } | undefined;
    return row?.attempts;
  }

  async markJobSent(key: string, messageId: string, now: string): Promise<void> {
    this.stmts.finishJob.run('sent', messageId, null, now, key);
  }

  async markJobFailed(key: string, error: string, now: string): Promise<void> {
    this.stmts.finishJob.run('failed', null, error.slice(0, 1000), now, key);
  }

  async markJobSkipped(key: string, reason: string, now: string): Promise<void> {
    this.stmts.finishJob.run('skipped', null, reason.slice(0, 1000), now, key);
  }

  async incrementJobAttempts(key: string, now: string): Promise<number> {
    this.stmts.incAttempts.run(now, key);
    return (this.stmts.getJob.get(key) as JobRow | undefined)?.attempts ?? 0;
  }

  async listJobs(filter: { status?: JobStatus; platform?: Platform; channel?: string; limit?: number } = {}): Promise<OutboxJob[]> {
    const rows = this.stmts.listJobs.all({
      status: filter.status ?? null,
      platform: filter.platform ?? null,
      channel: filter.channel ?? null,
      limit: filter.limit ?? -1,
    }) as JobRow[];
    return rows.map(toJob);
  }

  async lastSentWindows(targets: ReadonlyArray<{ platform: Platform; channel: string; story: string }>): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const t of targets) {
      const row = this.stmts.lastSent.get(t.platform, t.channel, t.story) as JobRow | undefined;
      if (row?.window_to) out.set(`${t.platform}:${t.channel}:${t.story}`, row.window_to);
    }
    return out;
  }

  async lastSentJob(platform: Platform, channel: string, story: string): Promise<OutboxJob | undefined> {
    const row = this.stmts.lastSent.get(platform, channel, story) as JobRow | undefined;
    return row ? toJob(row) : undefined;
  }

  // ---- message outbox ----

  async enqueueMessage(job: NewMessageJob, now: string): Promise<{ created: boolean; job: MessageJob }> {
    const info = this.stmts.insertMessageJob.run(job.key, job.kind, job.platform, job.channel, job.story, JSON.stringify(job.payload), job.workspace ?? null, now, now);
    return { created: info.changes === 1, job: toMessageJob(this.stmts.getMessageJob.get(job.key) as MessageJobRow) };
  }

  async getMessageJob(key: string): Promise<MessageJob | undefined> {
    const row = this.stmts.getMessageJob.get(key) as MessageJobRow | undefined;
    return row ? toMessageJob(row) : undefined;
  }

  async listMessageJobs(filter: { status?: MessageJobStatus | readonly MessageJobStatus[]; kind?: MessageJobKind; limit?: number } = {}): Promise<MessageJob[]> {
    const statuses = filter.status === undefined ? null : JSON.stringify(typeof filter.status === 'string' ? [filter.status] : filter.status);
    const rows = this.stmts.listMessageJobs.all({ statuses, kind: filter.kind ?? null, limit: filter.limit ?? -1 }) as MessageJobRow[];
    return rows.map(toMessageJob);
  }

  async findMessageJobByMessageId(platform: Platform, messageId: string): Promise<MessageJob | undefined> {
    const row = this.stmts.messageJobByMessage.get(platform, messageId) as MessageJobRow | undefined;
    return row ? toMessageJob(row) : undefined;
  }

  async markMessageJob(key: string, status: MessageJobStatus, detail: { messageId?: string; error?: string }, now: string): Promise<void> {
    this.stmts.markMessageJob.run(status, detail.messageId ?? null, detail.error !== undefined ? detail.error.slice(0, 1000) : null, now, key);
  }

  async incrementMessageAttempts(key: string, now: string): Promise<number> {
    this.stmts.incMessageAttempts.run(now, key);
    return (this.stmts.getMessageJob.get(key) as MessageJobRow | undefined)?.attempts ?? 0;
  }

  // ---- posted briefings ----

  async recordPostedBriefing(b: PostedBriefing): Promise<void> {
    const ms = Date.parse(b.postedAt);
    const events = shownEventIds(b);
    this.db.transaction(() => {
      this.stmts.upsertPostedBriefing.run({
        key: b.key,
        platform: b.platform,
        channel: b.channel,
        story: b.story,
        message_id: b.messageId,
        posted_at: b.postedAt,
        posted_at_ms: ms,
        workspace: b.workspace ?? null,
        rebuild: JSON.stringify(b.rebuild),
        shown: JSON.stringify(b.shown),
        corrections: JSON.stringify(b.corrections),
      });
      this.stmts.deletePostedEvents.run(b.key);
      for (const id of events) this.stmts.insertPostedEvent.run(id, b.key, ms);
    })();
  }

  async getPostedBriefing(key: string): Promise<PostedBriefing | undefined> {
    const row = this.stmts.getPostedBriefing.get(key) as PostedRow | undefined;
    return row ? toPosted(row) : undefined;
  }

  async listPostedBriefings(filter: { since: string; eventId?: string; platform?: Platform; channel?: string; story?: string }): Promise<PostedBriefing[]> {
    const params = { since: Date.parse(filter.since), platform: filter.platform ?? null, channel: filter.channel ?? null, story: filter.story ?? null };
    const rows = (filter.eventId !== undefined ? this.stmts.postedShowing.all({ ...params, event_id: filter.eventId }) : this.stmts.postedIn.all(params)) as PostedRow[];
    return rows.map(toPosted);
  }

  async addBriefingCorrection(key: string, correction: CorrectionLine): Promise<boolean> {
    return this.db.transaction(() => {
      const row = this.stmts.getPostedBriefing.get(key) as PostedRow | undefined;
      if (!row) return false;
      const lines = JSON.parse(row.corrections) as CorrectionLine[];
      if (!lines.some((l) => l.id === correction.id)) {
        lines.push(correction);
        this.stmts.setCorrections.run(JSON.stringify(lines), key);
      }
      return true;
    })();
  }

  // ---- follows ----

  async addFollow(f: NewFollow): Promise<boolean> {
    return this.stmts.insertFollow.run(f.platform, f.channel, f.story, f.question, f.workspace ?? null, f.createdBy ?? null, f.createdAt).changes === 1;
  }

  async removeFollow(platform: Platform, channel: string, story: string, question: string): Promise<boolean> {
    return this.stmts.deleteFollow.run(platform, channel, story, question).changes === 1;
  }

  async listFollows(filter: { platform?: Platform; channel?: string; story?: string; question?: string } = {}): Promise<Follow[]> {
    const rows = this.stmts.listFollows.all({ platform: filter.platform ?? null, channel: filter.channel ?? null, story: filter.story ?? null, question: filter.question ?? null }) as FollowRow[];
    return rows.map(toFollow);
  }

  async listQuestionMarks(story: string): Promise<QuestionMark[]> {
    return (this.stmts.listMarks.all(story) as QuestionMarkRow[]).map(toQuestionMark);
  }

  async advanceQuestionMark(mark: Omit<QuestionMark, 'seq'>, expectedSeq: number | null): Promise<boolean> {
    return this.db
      .transaction(() => {
        const row = this.stmts.getMark.get(mark.story, mark.question) as { seq: number } | undefined;
        if (expectedSeq === null ? row !== undefined : row?.seq !== expectedSeq) return false;
        const seq = expectedSeq === null ? 0 : expectedSeq + 1;
        this.stmts.putMark.run(mark.story, mark.question, mark.status, seq, mark.eventId ?? null, mark.changedAt);
        return true;
      })
      .immediate();
  }

  // ---- ingestion bookkeeping ----

  async markSeen(feedUrl: string, itemId: string, now: string): Promise<boolean> {
    return this.stmts.markSeen.run(feedUrl, itemId, now).changes === 1;
  }

  async getFeedState(feedUrl: string): Promise<FeedState | undefined> {
    const row = this.stmts.getFeed.get(feedUrl) as FeedRow | undefined;
    return row ? toFeedState(row) : undefined;
  }

  async setFeedState(state: FeedState): Promise<void> {
    this.stmts.setFeed.run({
      url: state.url,
      etag: state.etag ?? null,
      last_modified: state.lastModified ?? null,
      last_polled_at: state.lastPolledAt ?? null,
      failures: state.failures,
      next_poll_at: state.nextPollAt ?? null,
      last_error: state.lastError ?? null,
    });
  }

  async findMergeCandidates(q: { story: string; from: string; to: string; bands: readonly string[]; limit?: number }): Promise<MergeCandidate[]> {
    if (q.bands.length === 0) return [];
    // Events sharing the most bands first, counted inside SQLite, each with its record (one query, one snapshot).
    const rows = this.candidateEventsStmt(q.limit ?? 20).all(q.story, JSON.stringify(q.bands), instantMs(q.from), instantMs(q.to)) as CandidateRow[];
    return rows.map(mergeCandidateOf);
  }

  async findMergeWindow(q: { story: string; from: string; to: string; limit: number }): Promise<MergeCandidate[] | undefined> {
    const range = [q.story, instantMs(q.from), instantMs(q.to)] as const;
    // Counted on the index first: a busy window is not read at all.
    if ((this.stmts.countWindow.get(...range, q.limit + 1) as { n: number }).n > q.limit) return undefined;
    const rows = this.stmts.mergeWindow.all(...range) as CandidateRow[];
    return rows.map(mergeCandidateOf);
  }

  /**
   * The candidate query with its limit written in: SQLite runs it about a fifth faster than with the limit bound as a
   * parameter (measured at 100k events). One statement per limit; callers use one or two.
   */
  private candidateEventsStmt(limit: number): Database.Statement {
    let stmt = this.candidateEventsByLimit.get(limit);
    if (!stmt) {
      if (!Number.isSafeInteger(limit)) throw new RangeError(`merge candidate limit must be an integer, got ${limit}`);
      stmt = this.db.prepare(candidateEventsSql(limit));
      this.candidateEventsByLimit.set(limit, stmt);
    }
    return stmt;
  }

  async setEventBands(eventId: string, story: string, occurredAt: string, bands: readonly string[]): Promise<void> {
    this.db.transaction(() => this.writeBands(eventId, story, occurredAt, bands))();
  }

  async upsertEventWithBands(record: EventRecord, bands: readonly string[], words?: readonly string[]): Promise<UpsertResult> {
    return this.eventWithBandsTxn(record, bands, words);
  }

  /** Replace an event's band keys (inside the caller's transaction). */
  private writeBands(eventId: string, story: string, occurredAt: string, bands: readonly string[]): void {
    const ms = instantMs(occurredAt);
    const wanted = new Set(bands);
    // Only the keys that changed are written: an event that gains a source keeps most of its MinHash minima.
    const rows = this.stmts.eventBands.all(eventId) as Array<{ band: string; story: string; occurred_at_ms: number }>;
    for (const row of rows) {
      if (row.story === story && row.occurred_at_ms === ms && wanted.has(row.band)) wanted.delete(row.band);
      else this.stmts.deleteBand.run(row.story, row.band, row.occurred_at_ms, eventId);
    }
    for (const band of wanted) this.stmts.insertBand.run(band, story, ms, eventId);
  }

  async acquireLease(name: string, owner: string, ttlMs: number, nowMs: number): Promise<boolean> {
    return this.db.transaction(() => {
      const row = this.stmts.getLease.get(name) as { owner: string; expires_at_ms: number } | undefined;
      if (row && row.owner !== owner && row.expires_at_ms > nowMs) return false;
      this.stmts.putLease.run(name, owner, nowMs + ttlMs);
      return true;
    }).immediate();
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    this.stmts.deleteLease.run(name, owner);
  }

  async reserveRate(buckets: readonly RateBucket[], nowMs: number, maxWaitMs = Number.POSITIVE_INFINITY): Promise<{ startMs: number; reserved: boolean }> {
    return this.db.transaction(() => {
      let start = nowMs;
      for (const b of buckets) {
        const row = this.stmts.getRate.get(b.name) as { next_at_ms: number; blocked_until_ms: number } | undefined;
        if (row) start = Math.max(start, row.next_at_ms, row.blocked_until_ms);
      }
      if (start - nowMs > maxWaitMs) return { startMs: start, reserved: false };
      for (const b of buckets) this.stmts.reserveRate.run(b.name, start + b.intervalMs);
      return { startMs: start, reserved: true };
    }).immediate();
  }

  async blockRate(bucket: string, untilMs: number): Promise<void> {
    this.stmts.blockRate.run(bucket, untilMs);
  }

  async getMeta(key: string): Promise<string | undefined> {
    return this.stmts.getMeta.get(key) as string | undefined;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.stmts.putMeta.run(key, value);
  }

  /**
   * This connection's own writes count at once (total_changes, a counter on the connection). Other processes'
   * commits show through data_version, read at most every `otherWritersPollMs`: reading it opens a read transaction,
   * which would otherwise be the largest cost of answering a repeated slash command from memory.
   */
  async revision(): Promise<string> {
    const own = this.stmts.totalChanges.get() as number;
    const t = performance.now();
    if (t - this.others.readAt >= this.otherWritersPollMs) this.others = { version: this.stmts.dataVersion.get() as number, readAt: t };
    return `${this.others.version}:${own}`;
  }

  async ping(): Promise<boolean> {
    try {
      return (this.db.prepare('SELECT 1 AS ok').get() as { ok: number }).ok === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** The named parameters of `insertJob`; without a claim the job is created unclaimed. */
function insertJobParams(job: NewOutboxJob, now: string, claim?: JobClaim) {
  return {
    claim_owner: claim?.owner ?? null,
    claim_expires_at_ms: claim ? claim.nowMs + claim.ttlMs : null,
    key: job.key,
    subscription_id: job.subscriptionId,
    platform: job.platform,
    channel: job.channel,
    story: job.story,
    due_at: job.dueAt,
    window_from: job.windowFrom ?? null,
    window_to: job.windowTo ?? null,
    workspace: job.workspace ?? null,
    now,
  };
}

function prepare(db: Db) {
  return {
    upsertStory: db.prepare('INSERT INTO stories (id, json, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json WHERE json != excluded.json'),
    getStory: db.prepare('SELECT json FROM stories WHERE id = ?'),
    listStories: db.prepare('SELECT json FROM stories ORDER BY id'),
    getEventJson: db.prepare('SELECT json FROM events WHERE id = ?'),
    upsertEvent: db.prepare(
      'INSERT INTO events (id, story, occurred_at_ms, status, json) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET story = excluded.story, occurred_at_ms = excluded.occurred_at_ms, status = excluded.status, json = excluded.json',
    ),
    getEventRow: db.prepare('SELECT json, story, occurred_at_ms, status FROM events WHERE id = ?'),
    setEventJson: db.prepare('UPDATE events SET json = ? WHERE id = ?'),
    eventSignals: db.prepare('SELECT idx, story, question, status, occurred_at_ms, published, json FROM signals WHERE event_id = ?'),
    replaceSignal: db.prepare('UPDATE signals SET story = ?, question = ?, status = ?, occurred_at_ms = ?, published = ?, json = ? WHERE event_id = ? AND idx = ?'),
    setSignalJson: db.prepare('UPDATE signals SET status = ?, json = ? WHERE event_id = ? AND idx = ?'),
    deleteSignalsFrom: db.prepare('DELETE FROM signals WHERE event_id = ? AND idx >= ?'),
    insertSignal: db.prepare('INSERT INTO signals (event_id, idx, story, question, status, occurred_at_ms, published, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    listEvents: db.prepare(
      'SELECT json, status FROM events WHERE story = ? AND status = ? AND occurred_at_ms >= ? AND occurred_at_ms < ? ORDER BY occurred_at_ms DESC, id ASC LIMIT ?',
    ),
    listEventsAny: db.prepare(
      'SELECT json, status FROM events WHERE story = ? AND occurred_at_ms >= ? AND occurred_at_ms < ? ORDER BY occurred_at_ms DESC, id ASC LIMIT ?',
    ),
    countEvents: db.prepare("SELECT count(*) AS n FROM events WHERE story = ? AND status = 'published'"),
    listSignalsQ: db.prepare(
      'SELECT event_id, story, question, status, occurred_at_ms, json FROM signals WHERE story = ? AND question = ? AND published = 1 AND occurred_at_ms < ? ORDER BY occurred_at_ms DESC, event_id DESC, idx DESC LIMIT ?',
    ),
    listSignals: db.prepare(
      'SELECT event_id, story, question, status, occurred_at_ms, json FROM signals WHERE story = ? AND published = 1 AND occurred_at_ms < ? ORDER BY occurred_at_ms DESC, event_id DESC, idx DESC LIMIT ?',
    ),
    setEventStatus: db.prepare('UPDATE events SET status = ?, json = ? WHERE id = ?'),
    setSignalsPublished: db.prepare('UPDATE signals SET published = ? WHERE event_id = ?'),
    upsertSubscription: db.prepare(`
      INSERT INTO subscriptions (platform, channel, story, time, timezone, days, questions, skip_empty, created_by, created_at, paused, paused_reason, workspace)
      VALUES (@platform, @channel, @story, @time, @timezone, @days, @questions, @skip_empty, @created_by, @created_at, 0, NULL, @workspace)
      ON CONFLICT(platform, channel, story) DO UPDATE SET time = excluded.time, timezone = excluded.timezone, days = excluded.days,
        questions = excluded.questions, skip_empty = excluded.skip_empty, created_by = excluded.created_by, paused = 0, paused_reason = NULL,
        workspace = COALESCE(excluded.workspace, workspace)`),
    getSubscriptionByChannel: db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel = ? AND story = ?'),
    deleteSubscription: db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel = ? AND story = ?'),
    deleteChannelSubscriptions: db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel = ?'),
    listSubscriptions: db.prepare(`
      SELECT * FROM subscriptions
      WHERE (@platform IS NULL OR platform = @platform) AND (@channel IS NULL OR channel = @channel)
        AND (@story IS NULL OR story = @story) AND (@include_paused = 1 OR paused = 0)
      ORDER BY id`),
    setPaused: db.prepare('UPDATE subscriptions SET paused = ?, paused_reason = ? WHERE id = ?'),
    pauseChannel: db.prepare('UPDATE subscriptions SET paused = 1, paused_reason = ? WHERE platform = ? AND channel = ? AND paused = 0'),
    // `IS`, not `=`: a null workspace matches the subscriptions that record none.
    pauseWorkspace: db.prepare('UPDATE subscriptions SET paused = 1, paused_reason = ? WHERE platform = ? AND workspace IS ? AND paused = 0'),
    saveInstallation: db.prepare(`
      INSERT INTO slack_installations (id, team_id, team_name, enterprise_id, enterprise_name, is_enterprise_install, app_id, bot_id, bot_user_id,
        bot_scopes, installed_by, sealed_tokens, installed_at, updated_at)
      VALUES (@id, @team_id, @team_name, @enterprise_id, @enterprise_name, @is_enterprise_install, @app_id, @bot_id, @bot_user_id,
        @bot_scopes, @installed_by, @sealed_tokens, @installed_at, @updated_at)
      ON CONFLICT(id) DO UPDATE SET team_id = excluded.team_id, team_name = excluded.team_name, enterprise_id = excluded.enterprise_id,
        enterprise_name = excluded.enterprise_name, is_enterprise_install = excluded.is_enterprise_install, app_id = excluded.app_id,
        bot_id = excluded.bot_id, bot_user_id = excluded.bot_user_id, bot_scopes = excluded.bot_scopes, installed_by = excluded.installed_by,
        sealed_tokens = excluded.sealed_tokens, updated_at = excluded.updated_at`),
    getInstallation: db.prepare('SELECT * FROM slack_installations WHERE id = ?'),
    deleteInstallation: db.prepare('DELETE FROM slack_installations WHERE id = ?'),
    insertJob: db.prepare(`
      INSERT INTO jobs (key, subscription_id, platform, channel, story, due_at, status, attempts, window_from, window_to, workspace, created_at, updated_at, claim_owner, claim_expires_at_ms)
      VALUES (@key, @subscription_id, @platform, @channel, @story, @due_at, 'in-flight', 0, @window_from, @window_to, @workspace, @now, @now, @claim_owner, @claim_expires_at_ms)
      ON CONFLICT(key) DO NOTHING`),
    getJob: db.prepare('SELECT * FROM jobs WHERE key = ?'),
    getJobStatus: db.prepare('SELECT status FROM jobs WHERE key = ?'),
    claimJob: db.prepare(
      "UPDATE jobs SET claim_owner = ?, claim_expires_at_ms = ? WHERE key = ? AND status = 'in-flight' AND (claim_owner IS NULL OR claim_owner = ? OR claim_expires_at_ms <= ?)",
    ),
    renewClaims: db.prepare("UPDATE jobs SET claim_expires_at_ms = ? WHERE claim_owner = ? AND status = 'in-flight' AND key IN (SELECT value FROM json_each(?))"),
    claimableJobs: db.prepare(
      "SELECT key FROM jobs WHERE key IN (SELECT value FROM json_each(?)) AND status = 'in-flight' AND (claim_owner IS NULL OR claim_expires_at_ms <= ?) ORDER BY due_at, key LIMIT ?",
    ),
    setClaim: db.prepare('UPDATE jobs SET claim_owner = ?, claim_expires_at_ms = ? WHERE key = ?'),
    releaseClaim: db.prepare('UPDATE jobs SET claim_owner = NULL, claim_expires_at_ms = NULL WHERE key = ? AND claim_owner = ?'),
    startAttempt: db.prepare(
      "UPDATE jobs SET attempts = attempts + 1, claim_expires_at_ms = ?, updated_at = ? WHERE key = ? AND status = 'in-flight' AND claim_owner = ? AND claim_expires_at_ms > ? RETURNING attempts",
    ),
    finishJob: db.prepare('UPDATE jobs SET status = ?, message_id = ?, error = ?, updated_at = ?, claim_owner = NULL, claim_expires_at_ms = NULL WHERE key = ?'),
    incAttempts: db.prepare('UPDATE jobs SET attempts = attempts + 1, updated_at = ? WHERE key = ?'),
    listJobs: db.prepare(`
      SELECT * FROM jobs WHERE (@status IS NULL OR status = @status) AND (@platform IS NULL OR platform = @platform)
        AND (@channel IS NULL OR channel = @channel) ORDER BY created_at, key LIMIT @limit`),
    lastSent: db.prepare(
      "SELECT * FROM jobs WHERE platform = ? AND channel = ? AND story = ? AND status = 'sent' ORDER BY window_to DESC, due_at DESC LIMIT 1",
    ),
    markSeen: db.prepare('INSERT INTO seen_items (feed_url, item_id, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    getFeed: db.prepare('SELECT * FROM feed_state WHERE url = ?'),
    setFeed: db.prepare(`
      INSERT INTO feed_state (url, etag, last_modified, last_polled_at, failures, next_poll_at, last_error)
      VALUES (@url, @etag, @last_modified, @last_polled_at, @failures, @next_poll_at, @last_error)
      ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_polled_at = excluded.last_polled_at,
        failures = excluded.failures, next_poll_at = excluded.next_poll_at, last_error = excluded.last_error`),
    totalChanges: db.prepare('SELECT total_changes()').pluck(),
    // Prepared once: db.pragma() compiles the statement on every call, and revision() runs on every interactive answer.
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
    getLease: db.prepare('SELECT owner, expires_at_ms FROM leases WHERE name = ?'),
    putLease: db.prepare('INSERT INTO leases (name, owner, expires_at_ms) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET owner = excluded.owner, expires_at_ms = excluded.expires_at_ms'),
    deleteLease: db.prepare('DELETE FROM leases WHERE name = ? AND owner = ?'),
    getRate: db.prepare('SELECT next_at_ms, blocked_until_ms FROM rate_limits WHERE name = ?'),
    reserveRate: db.prepare(
      'INSERT INTO rate_limits (name, next_at_ms) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET next_at_ms = max(next_at_ms, excluded.next_at_ms)',
    ),
    blockRate: db.prepare(
      'INSERT INTO rate_limits (name, blocked_until_ms) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET blocked_until_ms = max(blocked_until_ms, excluded.blocked_until_ms)',
    ),
    getMeta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
    putMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    eventBands: db.prepare('SELECT band, story, occurred_at_ms FROM event_bands WHERE event_id = ?'),
    insertAudit: db.prepare(
      'INSERT INTO audit (at, at_ms, actor, actor_name, action, event_id, story, detail, before, after) VALUES (@at, @at_ms, @actor, @actor_name, @action, @event_id, @story, @detail, @before, @after)',
    ),
    lastAuditForEvent: db.prepare('SELECT * FROM audit WHERE event_id = ? ORDER BY id DESC LIMIT 1'),
    listAuditAsc: db.prepare('SELECT * FROM audit WHERE (@since IS NULL OR at_ms >= @since) AND (@event_id IS NULL OR event_id = @event_id) ORDER BY id LIMIT @limit'),
    listAuditDesc: db.prepare('SELECT * FROM audit WHERE (@since IS NULL OR at_ms >= @since) AND (@event_id IS NULL OR event_id = @event_id) ORDER BY id DESC LIMIT @limit'),
    insertRetraction: db.prepare('INSERT INTO retractions (story, event_id, fact_id, fact_text, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    listRetractions: db.prepare('SELECT * FROM retractions WHERE story = ? ORDER BY id'),
    insertMessageJob: db.prepare(
      "INSERT INTO message_jobs (key, kind, platform, channel, story, payload, status, attempts, workspace, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?) ON CONFLICT(key) DO NOTHING",
    ),
    getMessageJob: db.prepare('SELECT * FROM message_jobs WHERE key = ?'),
    listMessageJobs: db.prepare(`
      SELECT * FROM message_jobs WHERE (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses))) AND (@kind IS NULL OR kind = @kind)
      ORDER BY seq LIMIT @limit`),
    messageJobByMessage: db.prepare('SELECT * FROM message_jobs WHERE platform = ? AND message_id = ? ORDER BY seq LIMIT 1'),
    markMessageJob: db.prepare('UPDATE message_jobs SET status = ?, message_id = COALESCE(?, message_id), error = ?, updated_at = ? WHERE key = ?'),
    incMessageAttempts: db.prepare('UPDATE message_jobs SET attempts = attempts + 1, updated_at = ? WHERE key = ?'),
    upsertPostedBriefing: db.prepare(`
      INSERT INTO posted_briefings (key, platform, channel, story, message_id, posted_at, posted_at_ms, workspace, rebuild, shown, corrections)
      VALUES (@key, @platform, @channel, @story, @message_id, @posted_at, @posted_at_ms, @workspace, @rebuild, @shown, @corrections)
      ON CONFLICT(key) DO UPDATE SET platform = excluded.platform, channel = excluded.channel, story = excluded.story, message_id = excluded.message_id,
        posted_at = excluded.posted_at, posted_at_ms = excluded.posted_at_ms, workspace = excluded.workspace, rebuild = excluded.rebuild, shown = excluded.shown`),
    deletePostedEvents: db.prepare('DELETE FROM posted_briefing_events WHERE briefing_key = ?'),
    insertPostedEvent: db.prepare('INSERT OR IGNORE INTO posted_briefing_events (event_id, briefing_key, posted_at_ms) VALUES (?, ?, ?)'),
    getPostedBriefing: db.prepare('SELECT * FROM posted_briefings WHERE key = ?'),
    postedShowing: db.prepare(`
      SELECT b.* FROM posted_briefing_events e JOIN posted_briefings b ON b.key = e.briefing_key
      WHERE e.event_id = @event_id AND e.posted_at_ms >= @since AND (@platform IS NULL OR b.platform = @platform)
        AND (@channel IS NULL OR b.channel = @channel) AND (@story IS NULL OR b.story = @story)
      ORDER BY b.posted_at_ms, b.key`),
    postedIn: db.prepare(`
      SELECT * FROM posted_briefings WHERE posted_at_ms >= @since AND (@platform IS NULL OR platform = @platform)
        AND (@channel IS NULL OR channel = @channel) AND (@story IS NULL OR story = @story)
      ORDER BY posted_at_ms, key`),
    setCorrections: db.prepare('UPDATE posted_briefings SET corrections = ? WHERE key = ?'),
    insertFollow: db.prepare('INSERT INTO follows (platform, channel, story, question, workspace, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'),
    deleteFollow: db.prepare('DELETE FROM follows WHERE platform = ? AND channel = ? AND story = ? AND question = ?'),
    listFollows: db.prepare(`
      SELECT * FROM follows WHERE (@platform IS NULL OR platform = @platform) AND (@channel IS NULL OR channel = @channel)
        AND (@story IS NULL OR story = @story) AND (@question IS NULL OR question = @question)
      ORDER BY platform, channel, story, question`),
    listMarks: db.prepare('SELECT * FROM question_marks WHERE story = ? ORDER BY question'),
    getMark: db.prepare('SELECT seq FROM question_marks WHERE story = ? AND question = ?'),
    putMark: db.prepare(
      'INSERT INTO question_marks (story, question, status, seq, event_id, changed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(story, question) DO UPDATE SET status = excluded.status, seq = excluded.seq, event_id = excluded.event_id, changed_at = excluded.changed_at',
    ),
    deleteBand: db.prepare('DELETE FROM event_bands WHERE story = ? AND band = ? AND occurred_at_ms = ? AND event_id = ?'),
    insertBand: db.prepare('INSERT OR IGNORE INTO event_bands (band, story, occurred_at_ms, event_id) VALUES (?, ?, ?, ?)'),
    // (Counted up to one past the limit: a busy window stops the count there.)
    countWindow: db.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM events WHERE story = ? AND status IN ${ALL_STATUSES} AND occurred_at_ms BETWEEN ? AND ? AND ${ingested('events.id')} LIMIT ?)`),
    mergeWindow: db.prepare(
      `SELECT e.id, e.json, v.words FROM events e LEFT JOIN event_vocabulary v ON v.event_id = e.id
       WHERE e.story = ? AND e.status IN ${ALL_STATUSES} AND e.occurred_at_ms BETWEEN ? AND ? AND ${ingested('e.id')} ORDER BY e.id`,
    ),
    upsertWords: db.prepare('INSERT INTO event_vocabulary (event_id, words) VALUES (?, ?) ON CONFLICT (event_id) DO UPDATE SET words = excluded.words'),
  };
}

/** Every status an event may have, spelt out so that the (story, status, time) index serves a query over all of them. */
const ALL_STATUSES = `('published', 'draft', 'archived')`;

/** An event ingestion placed (it has band keys): a curated record loaded from the story's files is never merged into. */
const ingested = (id: string): string => `EXISTS (SELECT 1 FROM event_bands b WHERE b.event_id = ${id})`;

/** SQLite page cache per connection, in KiB (see `openSqliteStore`). */
const PAGE_CACHE_KIB = 8192;

/** Events sharing the most of the given bands (ties by id), with their records read in the same statement. */
function candidateEventsSql(limit: number): string {
  return `SELECT c.event_id AS id, e.json, v.words FROM (
      SELECT event_id, COUNT(*) AS n FROM event_bands WHERE story = ? AND band IN (SELECT value FROM json_each(?)) AND occurred_at_ms BETWEEN ? AND ?
      GROUP BY event_id ORDER BY n DESC, event_id LIMIT ${limit}
    ) c LEFT JOIN events e ON e.id = c.event_id LEFT JOIN event_vocabulary v ON v.event_id = c.event_id ORDER BY c.n DESC, c.event_id`;
}

/** Apply pending migrations inside one transaction each; `user_version` records the schema version. */
export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current) continue;
    try {
      db.transaction(() => {
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
      })();
    } catch (err) {
      throw new StoreError('STORE_MIGRATION_FAILED', `migration ${m.version} (${m.name}) failed: ${(err as Error).message}`);
    }
  }
}

/** How stale another process's writes may look to {@link SqliteStore.revision}: well under a human's next command. */
export const OTHER_WRITERS_POLL_MS = 500;

/**
 * Open (creating if needed) the SQLite store at `file` (`:memory:` for tests), in WAL mode, migrated.
 * Expected failures raise a {@link StoreError} with a stable code and a message that names the file.
 */

export function openSqliteStore(file: string, options: { busyTimeoutMs?: number; otherWritersPollMs?: number } = {}): SqliteStore {
  let db: Db;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    // Wait a little for a concurrent writer (e.g. a `sitrep deliver` timer) before calling the file locked.
    db = new Database(file, { timeout: options.busyTimeoutMs ?? 5000 });
  } catch (err) {
    throw classifyOpenError(file, err);
  }
  try {
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // better-sqlite3 raises SQLite's page cache to 16 MB per connection. A bot keeps its store open for weeks; 8 MB
    // holds every page a briefing reads and most of what merge lookups read, and keeps the resident set ~10 MB lower.
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    db.pragma('foreign_keys = ON');
    migrate(db);
    // A read-only file can pass the steps above when it is already migrated. Take the write lock (fails in a
    // read-only folder) and ask the file system (a read-only file in a writable one) instead of writing a probe:
    // a write would leave the WAL to be checkpointed, with an fsync, when a one-shot command closes the store.
    db.exec('BEGIN IMMEDIATE; ROLLBACK;');
    if (file !== ':memory:') accessSync(file, constants.W_OK);
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    throw classifyOpenError(file, err);
  }
  return new SqliteStore(db, options.otherWritersPollMs);
}

function classifyOpenError(file: string, err: unknown): StoreError {
  const code = (err as { code?: string }).code ?? '';
  const msg = (err as Error).message ?? String(err);
  if (code.startsWith('SQLITE_READONLY') || /readonly|read-only|EACCES|EROFS|permission denied/i.test(msg))
    return new StoreError('STORE_READONLY', `cannot write the database ${file}: it is read-only (check file and folder permissions, or set SITREP_DB)`);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || /locked|busy/i.test(msg))
    return new StoreError('STORE_LOCKED', `the database ${file} is locked by another process (is another sitrep running?)`);
  return new StoreError('STORE_OPEN_FAILED', `cannot open the database ${file}: ${msg}`);
}
