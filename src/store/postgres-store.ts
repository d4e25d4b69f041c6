import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { instantMs, type EventRecord, type EventStatus, type Story } from '../records/schema.js';
import { pgMigrations } from './pg-migrations.js';
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

type Queryable = Pick<pg.PoolClient, 'query'>;

/** Records per transaction in bulk upserts: each batch is a handful of round trips whatever its size. */
const UPSERT_BATCH = 1000;
/** Rate-limit rows idle this long are deleted (one per channel ever posted to would otherwise pile up). */
const RATE_ROW_IDLE_MS = 3_600_000;
const RATE_PRUNE_EVERY_MS = 600_000;
const LISTEN_CHANNEL = 'sitrep_revision';

/** BIGINT and COUNT(*) come back as strings by default; every one we store is a safe integer (ms, ids, counts). */
const INT8 = 20;
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

interface EventRow {
  json: string;
}

export interface PostgresStoreOptions {
  /** Connections per process (default 10). */
  poolSize?: number;
  /** Give up connecting after this long (default 5 s): a database that does not answer is reported, not waited on. */
  connectTimeoutMs?: number;
  /** Called with what migrating did (versions applied by this process; empty when another one had done it). */
  onMigrated?: (applied: number[]) => void;
  /** Problems the store recovers from by itself (its listening connection dropped, an idle connection died). */
  onWarning?: (message: string) => void;
  /** The store recovered (its listening connection is back). */
  onInfo?: (message: string) => void;
}

/**
 * The store for several replicas: PostgreSQL through a node-postgres pool. Same behaviour as the SQLite store
 * (one contract suite), plus what replicas need: job claims, shared rate limits, and a revision that follows
 * other replicas' commits through LISTEN/NOTIFY.
 */
export class PostgresStore implements Store {
  readonly sharedDelivery = true;
  /** Commits through this store (counted at once). */
  private own = 0;
  /** Notifications received on the current listening connection. */
  private heard = 0;
  /** Bumped on every successful LISTEN: notifications missed while reconnecting can't hide behind an old token. */
  private generation = 0;
  private listening = false;
  /** Tokens handed out while not listening: each one is new. */
  private blind = 0;
  private listener: pg.Client | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnectDelayMs = 500;
  private closed = false;
  private lastRatePrune = 0;
  private readonly ownBackends = new Set<number>();

  constructor(
    readonly pool: pg.Pool,
    private readonly target: string,
    private readonly clientConfig: pg.ClientConfig,
    private readonly onWarning: (message: string) => void = () => undefined,
    private readonly onInfo: (message: string) => void = () => undefined,
  ) {
    // An idle pooled connection that dies (database restarted) is dropped by the pool; without a listener the
    // 'error' event would crash the process.
    pool.on('error', (err) => this.onWarning(`an idle database connection closed: ${describePgError(err)}`));
    // Our own commits are counted at once (`own`); their notifications, from these backends, would count twice.
    pool.on('connect', (client) => {
      const pid = backendPid(client);
      if (pid !== undefined) this.ownBackends.add(pid);
      // A pooled connection the server cuts ("terminating connection due to administrator command", a restart)
      // emits 'error' whether or not anyone is listening at that moment; unheard, Node turns it into an uncaught
      // exception and the replica dies mid-delivery (a clean-clone CI run of the restart test saw it). The failure
      // itself reaches whoever uses the connection next (a statement on it fails, and tx() drops it), and the pool
      // reports idle ones below: this listener only keeps the event from being fatal.
      client.on('error', () => undefined);
    });
    pool.on('remove', (client) => {
      const pid = backendPid(client);
      if (pid !== undefined) this.ownBackends.delete(pid);
    });
  }

  /** Run one statement, turning "the database is not there" into a StoreError with a stable code. */
  private async q<R extends pg.QueryResultRow>(text: string, values: unknown[] = [], on: Queryable = this.pool): Promise<pg.QueryResult<R>> {
    try {
      return await on.query<R>(text, values);
    } catch (err) {
      throw this.classify(err);
    }
  }

  private classify(err: unknown): unknown {
    if (err instanceof StoreError) return err;
    if (isConnectionError(err)) return new StoreError('STORE_UNAVAILABLE', `the database ${this.target} is unavailable: ${describePgError(err)}`);
    return err;
  }

  /** One transaction on one pooled connection. */
  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw this.classify(err);
    }
    let broken = false;
    // A checked-out connection cut between two statements (the database restarted) emits 'error' with no query to
    // reject; unheard, node-postgres would raise it as an uncaught exception. The next statement fails anyway.
    const onError = (): void => {
      broken = true;
    };
    client.on('error', onError);
    try {
      await this.q('BEGIN', [], client);
      const out = await fn(client);
      await this.q('COMMIT', [], client);
      return out;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw this.classify(err);
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  private wrote<T>(value: T): T {
    this.own++;
    return value;
  }

  // ---- revision: LISTEN/NOTIFY ----

  /** Connect the listening connection (at open, then again after it drops, with backoff). */
  async listen(): Promise<void> {
    const client = new pg.Client({ ...this.clientConfig, types });
    client.on('notification', (msg) => {
      if (msg.channel === LISTEN_CHANNEL && !this.ownBackends.has(msg.processId)) this.heard++;
    });
    const lost = (why: string) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      this.listening = false;
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.onWarning(`revision listener lost (${why}); answers are not reused until it is back`);
      this.scheduleListen();
    };
    client.on('error', (err) => lost(describePgError(err)));
    client.on('end', () => lost('connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${LISTEN_CHANNEL}`);
    } catch (err) {
      client.end().catch(() => undefined);
      throw this.classify(err);
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    this.generation++;
    this.heard = 0;
    this.listening = true;
    this.reconnectDelayMs = 500;
    if (this.generation > 1) this.onInfo('revision listener back: answers are reused again');
  }

  private scheduleListen(): void {
    if (this.closed || this.reconnectTimer) return;
    const delay = this.reconnectDelayMs;
    this.reconnectDelayMs = Math.min(30_000, this.reconnectDelayMs * 2);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.listen().catch(() => this.scheduleListen());
    }, delay);
    this.reconnectTimer.unref();
  }

  async revision(): Promise<string> {
    if (!this.listening) return `blind:${++this.blind}:${this.own}`;
    return `${this.generation}:${this.heard}:${this.own}`;
  }

  // ---- stories and events ----

  async upsertStory(story: Story): Promise<void> {
    const r = await this.q(
      'INSERT INTO stories (id, json, updated_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET json = EXCLUDED.json WHERE stories.json <> EXCLUDED.json',
      [story.id, JSON.stringify(story), new Date(0).toISOString()],
    );
    if ((r.rowCount ?? 0) > 0) this.own++;
  }

  async getStory(id: string): Promise<Story | undefined> {
    const r = await this.q<{ json: string }>('SELECT json FROM stories WHERE id = $1', [id]);
    const row = r.rows[0];
    return row ? (JSON.parse(row.json) as Story) : undefined;
  }

  async listStories(): Promise<Story[]> {
    const r = await this.q<{ json: string }>('SELECT json FROM stories ORDER BY id');
    return r.rows.map((row) => JSON.parse(row.json) as Story);
  }

  async upsertEvents(records: readonly EventRecord[], options: { reportChanges?: boolean } = {}): Promise<UpsertResult> {
    const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
    const changes: EventChange[] | undefined = options.reportChanges ? [] : undefined;
    if (changes) result.changes = changes;
    for (let i = 0; i < records.length; i += UPSERT_BATCH) {
      const chunk = records.slice(i, i + UPSERT_BATCH);
      const outcomes = await this.tx((c) => this.writeEvents(c, chunk, changes));
      for (const o of outcomes) result[o]++;
    }
    if (result.inserted + result.updated > 0) this.own++;
    return result;
  }

  /**
   * Write records and their signal rows inside the caller's transaction, a few statements per batch. A batch that
   * names one id twice is written in runs of distinct ids, so the second write sees the first (as SQLite's does).
   */
  private async writeEvents(c: Queryable, records: readonly EventRecord[], changes?: EventChange[]): Promise<Array<'inserted' | 'updated' | 'unchanged'>> {
    const outcomes: Array<'inserted' | 'updated' | 'unchanged'> = [];
    let run: EventRecord[] = [];
    const ids = new Set<string>();
    for (const rec of records) {
      if (ids.has(rec.id)) {
        outcomes.push(...(await this.writeDistinctEvents(c, run, changes)));
        run = [];
        ids.clear();
      }
      ids.add(rec.id);
      run.push(rec);
    }
    if (run.length > 0) outcomes.push(...(await this.writeDistinctEvents(c, run, changes)));
    return outcomes;
  }

  private async writeDistinctEvents(c: Queryable, records: readonly EventRecord[], changes?: EventChange[]): Promise<Array<'inserted' | 'updated' | 'unchanged'>> {
    const existing = await this.q<{ id: string; json: string }>('SELECT id, json FROM events WHERE id = ANY($1::text[])', [records.map((r) => r.id)], c);
    const stored = new Map(existing.rows.map((r) => [r.id, r.json]));
    const outcomes: Array<'inserted' | 'updated' | 'unchanged'> = [];
    const changed: Array<{ rec: EventRecord; json: string }> = [];
    for (const rec of records) {
      const json = JSON.stringify(rec);
      const old = stored.get(rec.id);
      if (old === json) {
        outcomes.push('unchanged');
        continue;
      }
      if (old !== undefined && changes) changes.push({ before: JSON.parse(old) as EventRecord, after: JSON.parse(json) as EventRecord });
      outcomes.push(old === undefined ? 'inserted' : 'updated');
      changed.push({ rec, json });
    }
    if (changed.length === 0) return outcomes;
    await this.q(
      `INSERT INTO events (id, story, occurred_at_ms, status, json)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[])
       ON CONFLICT (id) DO UPDATE SET story = EXCLUDED.story, occurred_at_ms = EXCLUDED.occurred_at_ms, status = EXCLUDED.status, json = EXCLUDED.json`,
      [
        changed.map((x) => x.rec.id),
        changed.map((x) => x.rec.story),
        changed.map((x) => instantMs(x.rec.occurredAt)),
        changed.map((x) => x.rec.status ?? 'published'),
        changed.map((x) => x.json),
      ],
      c,
    );
    // Every changed id, not only those seen above: a replica writing the same new record at the same moment has
    // committed its signal rows by now (the upsert above waited for its row locks), and they are replaced.
    await this.q('DELETE FROM signals WHERE event_id = ANY($1::text[])', [changed.map((x) => x.rec.id)], c);
    const sig = { event: [] as string[], idx: [] as number[], story: [] as string[], question: [] as string[], status: [] as string[], ms: [] as number[], published: [] as boolean[], json: [] as string[] };
    for (const { rec } of changed) {
      const ms = instantMs(rec.occurredAt);
      const published = (rec.status ?? 'published') === 'published';
      (rec.signals ?? []).forEach((s, idx) => {
        sig.event.push(rec.id);
        sig.idx.push(idx);
        sig.story.push(rec.story);
        sig.question.push(s.question);
        sig.status.push(s.status);
        sig.ms.push(ms);
        sig.published.push(published);
        sig.json.push(JSON.stringify(s));
      });
    }
    if (sig.event.length > 0)
      await this.q(
        `INSERT INTO signals (event_id, idx, story, question, status, occurred_at_ms, published, json)
         SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::boolean[], $8::text[])`,
        [sig.event, sig.idx, sig.story, sig.question, sig.status, sig.ms, sig.published, sig.json],
        c,
      );
    return outcomes;
  }

  async getEvent(id: string): Promise<EventRecord | undefined> {
    const r = await this.q<EventRow>('SELECT json FROM events WHERE id = $1', [id]);
    const row = r.rows[0];
    return row ? (JSON.parse(row.json) as EventRecord) : undefined;
  }

  async listEvents(q: EventQuery): Promise<EventRecord[]> {
    const from = q.from !== undefined ? instantMs(q.from) : Number.MIN_SAFE_INTEGER;
    const to = q.to !== undefined ? instantMs(q.to) : Number.MAX_SAFE_INTEGER;
    const limit = q.limit ?? null;
    const r =
      q.status === 'any'
        ? await this.q<EventRow>('SELECT json FROM events WHERE story = $1 AND occurred_at_ms >= $2 AND occurred_at_ms < $3 ORDER BY occurred_at_ms DESC, id ASC LIMIT $4', [q.story, from, to, limit])
        : await this.q<EventRow>('SELECT json FROM events WHERE story = $1 AND status = $2 AND occurred_at_ms >= $3 AND occurred_at_ms < $4 ORDER BY occurred_at_ms DESC, id ASC LIMIT $5', [
            q.story,
            q.status ?? 'published',
            from,
            to,
            limit,
          ]);
    return r.rows.map((row) => JSON.parse(row.json) as EventRecord);
  }

  async countEvents(story: string): Promise<number> {
    const r = await this.q<{ n: number }>("SELECT count(*) AS n FROM events WHERE story = $1 AND status = 'published'", [story]);
    return r.rows[0]?.n ?? 0;
  }

  async listSignals(q: { story: string; question?: string; before?: string; limit?: number }): Promise<StoredSignal[]> {
    const before = q.before !== undefined ? instantMs(q.before) : Number.MAX_SAFE_INTEGER;
    const limit = q.limit ?? null;
    const r =
      q.question !== undefined
        ? await this.q<SignalRow>(
            'SELECT event_id, story, question, status, occurred_at_ms, json FROM signals WHERE story = $1 AND question = $2 AND published AND occurred_at_ms < $3 ORDER BY occurred_at_ms DESC, event_id DESC, idx DESC LIMIT $4',
            [q.story, q.question, before, limit],
          )
        : await this.q<SignalRow>(
            'SELECT event_id, story, question, status, occurred_at_ms, json FROM signals WHERE story = $1 AND published AND occurred_at_ms < $2 ORDER BY occurred_at_ms DESC, event_id DESC, idx DESC LIMIT $3',
            [q.story, before, limit],
          );
    return r.rows.map(toStoredSignal);
  }

  async setEventStatus(id: string, status: EventStatus): Promise<boolean> {
    const found = await this.tx(async (c) => {
      const r = await this.q<EventRow>('SELECT json FROM events WHERE id = $1 FOR UPDATE', [id], c);
      const row = r.rows[0];
      if (!row) return false;
      const next: EventRecord = { ...(JSON.parse(row.json) as EventRecord), status };
      await this.q('UPDATE events SET status = $1, json = $2 WHERE id = $3', [status, JSON.stringify(next), id], c);
      await this.q('UPDATE signals SET published = $1 WHERE event_id = $2', [status === 'published', id], c);
      return true;
    });
    return found ? this.wrote(true) : false;
  }

  async replaceEventIf(expected: EventRecord, next: EventRecord, audit: NewAuditEntry): Promise<ReplaceResult> {
    if (next.id !== expected.id) throw new RangeError(`replaceEventIf: ids differ ("${expected.id}" → "${next.id}")`);
    const out = await this.tx(async (c): Promise<ReplaceResult> => {
      // FOR UPDATE: a second caller waits here for the first one's commit, then sees its record.
      const r = await this.q<EventRow>('SELECT json FROM events WHERE id = $1 FOR UPDATE', [expected.id], c);
      const row = r.rows[0];
      if (!row) return { ok: false, reason: 'missing' };
      const current = JSON.parse(row.json) as EventRecord;
      if (row.json !== JSON.stringify(expected) && !isDeepStrictEqual(current, expected)) {
        const last = await this.q<AuditRow>('SELECT * FROM audit WHERE event_id = $1 ORDER BY id DESC LIMIT 1', [expected.id], c);
        const entry = last.rows[0];
        return { ok: false, reason: 'conflict', current, ...(entry ? { last: toAudit(entry) } : {}) };
      }
      await this.writeDistinctEvents(c, [next]);
      return { ok: true, auditId: await this.insertAudit(audit, c) };
    });
    if (out.ok) this.own++;
    return out;
  }

  // ---- audit and retractions ----

  async appendAudit(entry: NewAuditEntry): Promise<number> {
    return this.wrote(await this.insertAudit(entry, this.pool));
  }

  private async insertAudit(e: NewAuditEntry, on: Queryable): Promise<number> {
    const r = await this.q<{ id: number }>(
      'INSERT INTO audit (at, at_ms, actor, actor_name, action, event_id, story, detail, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id',
      [
        e.at,
        Date.parse(e.at),
        e.actor,
        e.actorName ?? null,
        e.action,
        e.eventId ?? null,
        e.story ?? null,
        e.detail ?? null,
        e.before === undefined ? null : JSON.stringify(e.before),
        e.after === undefined ? null : JSON.stringify(e.after),
      ],
      on,
    );
    return Number(r.rows[0]?.id);
  }

  async listAudit(filter: { since?: string; eventId?: string; limit?: number; order?: 'asc' | 'desc' } = {}): Promise<AuditEntry[]> {
    const r = await this.q<AuditRow>(
      `SELECT * FROM audit WHERE ($1::bigint IS NULL OR at_ms >= $1) AND ($2::text IS NULL OR event_id = $2) ORDER BY id ${filter.order === 'desc' ? 'DESC' : 'ASC'} LIMIT $3`,
      [filter.since !== undefined ? Date.parse(filter.since) : null, filter.eventId ?? null, filter.limit ?? null],
    );
    return r.rows.map(toAudit);
  }

  async addRetraction(x: NewRetraction): Promise<number> {
    const r = await this.q<{ id: number }>('INSERT INTO retractions (story, event_id, fact_id, fact_text, reason, actor, at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id', [
      x.story,
      x.eventId,
      x.factId ?? null,
      x.factText ?? null,
      x.reason,
      x.actor,
      x.at,
    ]);
    return this.wrote(Number(r.rows[0]?.id));
  }

  async listRetractions(story: string): Promise<Retraction[]> {
    const r = await this.q<RetractionRow>('SELECT * FROM retractions WHERE story = $1 ORDER BY id', [story]);
    return r.rows.map(toRetraction);
  }

  // ---- message outbox ----

  async enqueueMessage(job: NewMessageJob, now: string): Promise<{ created: boolean; job: MessageJob }> {
    const inserted = await this.q<MessageJobRow>(
      `INSERT INTO message_jobs (key, kind, platform, channel, story, payload, status, attempts, workspace, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'queued', 0, $7, $8, $8) ON CONFLICT (key) DO NOTHING RETURNING *`,
      [job.key, job.kind, job.platform, job.channel, job.story, JSON.stringify(job.payload), job.workspace ?? null, now],
    );
    const row = inserted.rows[0];
    if (row) return { created: true, job: this.wrote(toMessageJob(row)) };
    const existing = await this.q<MessageJobRow>('SELECT * FROM message_jobs WHERE key = $1', [job.key]);
    return { created: false, job: toMessageJob(existing.rows[0] as MessageJobRow) };
  }

  async getMessageJob(key: string): Promise<MessageJob | undefined> {
    const r = await this.q<MessageJobRow>('SELECT * FROM message_jobs WHERE key = $1', [key]);
    const row = r.rows[0];
    return row ? toMessageJob(row) : undefined;
  }

  async listMessageJobs(filter: { status?: MessageJobStatus | readonly MessageJobStatus[]; kind?: MessageJobKind; limit?: number } = {}): Promise<MessageJob[]> {
    const statuses = filter.status === undefined ? null : typeof filter.status === 'string' ? [filter.status] : [...filter.status];
    const r = await this.q<MessageJobRow>(
      'SELECT * FROM message_jobs WHERE ($1::text[] IS NULL OR status = ANY($1)) AND ($2::text IS NULL OR kind = $2) ORDER BY seq LIMIT $3',
      [statuses, filter.kind ?? null, filter.limit ?? null],
    );
    return r.rows.map(toMessageJob);
  }

  async findMessageJobByMessageId(platform: Platform, messageId: string): Promise<MessageJob | undefined> {
    const r = await this.q<MessageJobRow>('SELECT * FROM message_jobs WHERE platform = $1 AND message_id = $2 ORDER BY seq LIMIT 1', [platform, messageId]);
    const row = r.rows[0];
    return row ? toMessageJob(row) : undefined;
  }

  async markMessageJob(key: string, status: MessageJobStatus, detail: { messageId?: string; error?: string }, now: string): Promise<void> {
    await this.q('UPDATE message_jobs SET status = $1, message_id = COALESCE($2, message_id), error = $3, updated_at = $4 WHERE key = $5', [
      status,
      detail.messageId ?? null,
      detail.error !== undefined ? detail.error.slice(0, 1000) : null,
      now,
      key,
    ]);
    this.own++;
  }

  async incrementMessageAttempts(key: string, now: string): Promise<number> {
    const r = await this.q<{ attempts: number }>('UPDATE message_jobs SET attempts = attempts + 1, updated_at = $1 WHERE key = $2 RETURNING attempts', [now, key]);
    this.own++;
    return r.rows[0]?.attempts ?? 0;
  }

  // ---- posted briefings ----

  async recordPostedBriefing(b: PostedBriefing): Promise<void> {
    const ms = Date.parse(b.postedAt);
    const events = shownEventIds(b);
    await this.tx(async (c) => {
      await this.q(
        `INSERT INTO posted_briefings (key, platform, channel, story, message_id, posted_at, posted_at_ms, workspace, rebuild, shown, corrections)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (key) DO UPDATE SET platform = EXCLUDED.platform, channel = EXCLUDED.channel, story = EXCLUDED.story, message_id = EXCLUDED.message_id,
           posted_at = EXCLUDED.posted_at, posted_at_ms = EXCLUDED.posted_at_ms, workspace = EXCLUDED.workspace, rebuild = EXCLUDED.rebuild, shown = EXCLUDED.shown`,
        [b.key, b.platform, b.channel, b.story, b.messageId, b.postedAt, ms, b.workspace ?? null, JSON.stringify(b.rebuild), JSON.stringify(b.shown), JSON.stringify(b.corrections)],
        c,
      );
      await this.q('DELETE FROM posted_briefing_events WHERE briefing_key = $1', [b.key], c);
      if (events.length > 0)
        await this.q(
          'INSERT INTO posted_briefing_events (event_id, briefing_key, posted_at_ms) SELECT e, $2, $3 FROM unnest($1::text[]) AS e ON CONFLICT DO NOTHING',
          [events, b.key, ms],
          c,
        );
    });
    this.own++;
  }

  async getPostedBriefing(key: string): Promise<PostedBriefing | undefined> {
    const r = await this.q<PostedRow>('SELECT * FROM posted_briefings WHERE key = $1', [key]);
    const row = r.rows[0];
    return row ? toPosted(row) : undefined;
  }

  async listPostedBriefings(filter: { since: string; eventId?: string; platform?: Platform; channel?: string; story?: string }): Promise<PostedBriefing[]> {
    const params = [Date.parse(filter.since), filter.platform ?? null, filter.channel ?? null, filter.story ?? null];
    const r =
      filter.eventId !== undefined
        ? await this.q<PostedRow>(
            `SELECT b.* FROM posted_briefing_events e JOIN posted_briefings b ON b.key = e.briefing_key
             WHERE e.event_id = $5 AND e.posted_at_ms >= $1 AND ($2::text IS NULL OR b.platform = $2) AND ($3::text IS NULL OR b.channel = $3) AND ($4::text IS NULL OR b.story = $4)
             ORDER BY b.posted_at_ms, b.key`,
            [...params, filter.eventId],
          )
        : await this.q<PostedRow>(
            `SELECT * FROM posted_briefings WHERE posted_at_ms >= $1 AND ($2::text IS NULL OR platform = $2) AND ($3::text IS NULL OR channel = $3) AND ($4::text IS NULL OR story = $4)
             ORDER BY posted_at_ms, key`,
            params,
          );
    return r.rows.map(toPosted);
  }

  async addBriefingCorrection(key: string, correction: CorrectionLine): Promise<boolean> {
    const found = await this.tx(async (c) => {
      const r = await this.q<{ corrections: string }>('SELECT corrections FROM posted_briefings WHERE key = $1 FOR UPDATE', [key], c);
      const row = r.rows[0];
      if (!row) return false;
      const lines = JSON.parse(row.corrections) as CorrectionLine[];
      if (!lines.some((l) => l.id === correction.id)) {
        lines.push(correction);
        await this.q('UPDATE posted_briefings SET corrections = $1 WHERE key = $2', [JSON.stringify(lines), key], c);
      }
      return true;
    });
    if (found) this.own++;
    return found;
  }

  // ---- follows ----

  async addFollow(f: NewFollow): Promise<boolean> {
    const r = await this.q(
      'INSERT INTO follows (platform, channel, story, question, workspace, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING',
      [f.platform, f.channel, f.story, f.question, f.workspace ?? null, f.createdBy ?? null, f.createdAt],
    );
    return (r.rowCount ?? 0) === 1 ? this.wrote(true) : false;
  }

  async removeFollow(platform: Platform, channel: string, story: string, question: string): Promise<boolean> {
    const r = await this.q('DELETE FROM follows WHERE platform = $1 AND channel = $2 AND story = $3 AND question = $4', [platform, channel, story, question]);
    return (r.rowCount ?? 0) === 1 ? this.wrote(true) : false;
  }

  async listFollows(filter: { platform?: Platform; channel?: string; story?: string; question?: string } = {}): Promise<Follow[]> {
    const r = await this.q<FollowRow>(
      `SELECT * FROM follows WHERE ($1::text IS NULL OR platform = $1) AND ($2::text IS NULL OR channel = $2) AND ($3::text IS NULL OR story = $3) AND ($4::text IS NULL OR question = $4)
       ORDER BY platform, channel, story, question`,
      [filter.platform ?? null, filter.channel ?? null, filter.story ?? null, filter.question ?? null],
    );
    return r.rows.map(toFollow);
  }

  async listQuestionMarks(story: string): Promise<QuestionMark[]> {
    const r = await this.q<QuestionMarkRow>('SELECT * FROM question_marks WHERE story = $1 ORDER BY question', [story]);
    return r.rows.map(toQuestionMark);
  }

  async advanceQuestionMark(mark: Omit<QuestionMark, 'seq'>, expectedSeq: number | null): Promise<boolean> {
    // One statement each way, so the compare-and-set needs no explicit lock.
    const r =
      expectedSeq === null
        ? await this.q('INSERT INTO question_marks (story, question, status, seq, event_id, changed_at) VALUES ($1, $2, $3, 0, $4, $5) ON CONFLICT DO NOTHING', [
            mark.story,
            mark.question,
            mark.status,
            mark.eventId ?? null,
            mark.changedAt,
          ])
        : await this.q('UPDATE question_marks SET status = $3, seq = seq + 1, event_id = $4, changed_at = $5 WHERE story = $1 AND question = $2 AND seq = $6', [
            mark.story,
            mark.question,
            mark.status,
            mark.eventId ?? null,
            mark.changedAt,
            expectedSeq,
          ]);
    return (r.rowCount ?? 0) === 1 ? this.wrote(true) : false;
  }

  // ---- subscriptions ----

  async upsertSubscription(sub: NewSubscription): Promise<Subscription> {
    const r = await this.q<SubscriptionRow>(
      `INSERT INTO subscriptions (platform, channel, story, time, timezone, days, questions, skip_empty, created_by, created_at, paused, paused_reason, workspace)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, FALSE, NULL, $11)
       ON CONFLICT (platform, channel, story) DO UPDATE SET time = EXCLUDED.time, timezone = EXCLUDED.timezone, days = EXCLUDED.days,
         questions = EXCLUDED.questions, skip_empty = EXCLUDED.skip_empty, created_by = EXCLUDED.created_by, paused = FALSE, paused_reason = NULL,
         workspace = COALESCE(EXCLUDED.workspace, subscriptions.workspace)
       RETURNING *`,
      [
        sub.platform,
        sub.channel,
        sub.story,
        sub.time,
        sub.timezone,
        JSON.stringify(sub.days),
        sub.questions && sub.questions.length > 0 ? JSON.stringify(sub.questions) : null,
        sub.skipEmpty,
        sub.createdBy ?? null,
        sub.createdAt ?? new Date().toISOString(),
        sub.workspace ?? null,
      ],
    );
    return this.wrote(toSubscription(r.rows[0] as SubscriptionRow));
  }

  async removeSubscription(platform: Platform, channel: string, story?: string): Promise<number> {
    const r =
      story !== undefined
        ? await this.q('DELETE FROM subscriptions WHERE platform = $1 AND channel = $2 AND story = $3', [platform, channel, story])
        : await this.q('DELETE FROM subscriptions WHERE platform = $1 AND channel = $2', [platform, channel]);
    return this.wrote(r.rowCount ?? 0);
  }

  async listSubscriptions(filter: { platform?: Platform; channel?: string; story?: string; includePaused?: boolean } = {}): Promise<Subscription[]> {
    const r = await this.q<SubscriptionRow>(
      `SELECT * FROM subscriptions
       WHERE ($1::text IS NULL OR platform = $1) AND ($2::text IS NULL OR channel = $2) AND ($3::text IS NULL OR story = $3) AND ($4 OR NOT paused)
       ORDER BY id`,
      [filter.platform ?? null, filter.channel ?? null, filter.story ?? null, filter.includePaused !== false],
    );
    return r.rows.map(toSubscription);
  }

  async setSubscriptionPaused(id: number, paused: boolean, reason?: string): Promise<void> {
    await this.q('UPDATE subscriptions SET paused = $1, paused_reason = $2 WHERE id = $3', [paused, paused ? (reason ?? null) : null, id]);
    this.own++;
  }

  async pauseChannel(platform: Platform, channel: string, reason: string): Promise<number> {
    const r = await this.q('UPDATE subscriptions SET paused = TRUE, paused_reason = $1 WHERE platform = $2 AND channel = $3 AND NOT paused', [reason, platform, channel]);
    return this.wrote(r.rowCount ?? 0);
  }

  async pauseWorkspace(platform: Platform, workspace: string | null, reason: string): Promise<number> {
    // IS NOT DISTINCT FROM: a null workspace matches the subscriptions that record none.
    const r = await this.q('UPDATE subscriptions SET paused = TRUE, paused_reason = $1 WHERE platform = $2 AND workspace IS NOT DISTINCT FROM $3 AND NOT paused', [
      reason,
      platform,
      workspace,
    ]);
    return this.wrote(r.rowCount ?? 0);
  }

  // ---- Slack installations ----

  async saveInstallation(i: SlackInstallation): Promise<void> {
    await this.q(
      `INSERT INTO slack_installations (id, team_id, team_name, enterprise_id, enterprise_name, is_enterprise_install, app_id, bot_id, bot_user_id,
         bot_scopes, installed_by, sealed_tokens, installed_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (id) DO UPDATE SET team_id = EXCLUDED.team_id, team_name = EXCLUDED.team_name, enterprise_id = EXCLUDED.enterprise_id,
         enterprise_name = EXCLUDED.enterprise_name, is_enterprise_install = EXCLUDED.is_enterprise_install, app_id = EXCLUDED.app_id,
         bot_id = EXCLUDED.bot_id, bot_user_id = EXCLUDED.bot_user_id, bot_scopes = EXCLUDED.bot_scopes, installed_by = EXCLUDED.installed_by,
         sealed_tokens = EXCLUDED.sealed_tokens, updated_at = EXCLUDED.updated_at`,
      [
        i.id,
        i.teamId ?? null,
        i.teamName ?? null,
        i.enterpriseId ?? null,
        i.enterpriseName ?? null,
        i.isEnterpriseInstall,
        i.appId ?? null,
        i.botId ?? null,
        i.botUserId ?? null,
        JSON.stringify(i.botScopes),
        i.installedBy ?? null,
        i.sealedTokens,
        i.installedAt,
        i.updatedAt,
      ],
    );
    this.own++;
  }

  async getInstallation(id: string): Promise<SlackInstallation | undefined> {
    const r = await this.q<InstallationRow>('SELECT * FROM slack_installations WHERE id = $1', [id]);
    const row = r.rows[0];
    return row ? toInstallation(row) : undefined;
  }

  async deleteInstallation(id: string): Promise<boolean> {
    const r = await this.q('DELETE FROM slack_installations WHERE id = $1', [id]);
    return (r.rowCount ?? 0) > 0 ? this.wrote(true) : false;
  }

  // ---- outbox ----

  async createJob(job: NewOutboxJob, now: string, claim?: JobClaim): Promise<{ created: boolean; job: OutboxJob }> {
    const inserted = await this.q<JobRow>(
      `INSERT INTO jobs (key, subscription_id, platform, channel, story, due_at, status, attempts, window_from, window_to, created_at, updated_at, claim_owner, claim_expires_at_ms, workspace)
       VALUES ($1, $2, $3, $4, $5, $6, 'in-flight', 0, $7, $8, $9, $9, $10, $11, $12)
       ON CONFLICT (key) DO NOTHING RETURNING *`,
      [
        job.key,
        job.subscriptionId,
        job.platform,
        job.channel,
        job.story,
        job.dueAt,
        job.windowFrom ?? null,
        job.windowTo ?? null,
        now,
        claim?.owner ?? null,
        claim ? claim.nowMs + claim.ttlMs : null,
        job.workspace ?? null,
      ],
    );
    const row = inserted.rows[0];
    if (row) return this.wrote({ created: true, job: toJob(row) });
    const existing = await this.q<JobRow>('SELECT * FROM jobs WHERE key = $1', [job.key]);
    return { created: false, job: toJob(existing.rows[0] as JobRow) };
  }

  async getJob(key: string): Promise<OutboxJob | undefined> {
    const r = await this.q<JobRow>('SELECT * FROM jobs WHERE key = $1', [key]);
    const row = r.rows[0];
    return row ? toJob(row) : undefined;
  }

  async jobStatuses(keys: readonly string[]): Promise<Map<string, JobStatus>> {
    if (keys.length === 0) return new Map();
    const r = await this.q<{ key: string; status: string }>('SELECT key, status FROM jobs WHERE key = ANY($1::text[])', [[...keys]]);
    return new Map(r.rows.map((row) => [row.key, row.status as JobStatus]));
  }

  async claimJob(key: string, claim: JobClaim): Promise<OutboxJob | undefined> {
    const r = await this.q<JobRow>(
      `UPDATE jobs SET claim_owner = $2, claim_expires_at_ms = $3
       WHERE key = $1 AND status = 'in-flight' AND (claim_owner IS NULL OR claim_owner = $2 OR claim_expires_at_ms <= $4) RETURNING *`,
      [key, claim.owner, claim.nowMs + claim.ttlMs, claim.nowMs],
    );
    const row = r.rows[0];
    return row ? toJob(row) : undefined;
  }

  async createJobs(jobs: readonly NewOutboxJob[], now: string): Promise<number> {
    if (jobs.length === 0) return 0;
    const r = await this.q(
      `INSERT INTO jobs (key, subscription_id, platform, channel, story, due_at, status, attempts, window_from, window_to, workspace, created_at, updated_at)
       SELECT k, s, p, c, st, d, 'in-flight', 0, wf, wt, ws, $11, $11
       FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::text[])
         AS t(k, s, p, c, st, d, wf, wt, ord, ws)
       ORDER BY ord
       ON CONFLICT (key) DO NOTHING`,
      [
        jobs.map((j) => j.key),
        jobs.map((j) => j.subscriptionId),
        jobs.map((j) => j.platform),
        jobs.map((j) => j.channel),
        jobs.map((j) => j.story),
        jobs.map((j) => j.dueAt),
        jobs.map((j) => j.windowFrom ?? null),
        jobs.map((j) => j.windowTo ?? null),
        jobs.map((_, i) => i),
        jobs.map((j) => j.workspace ?? null),
        now,
      ],
    );
    const created = r.rowCount ?? 0;
    if (created > 0) this.own++;
    return created;
  }

  async claimJobs(keys: readonly string[], claim: JobClaim, limit: number): Promise<OutboxJob[]> {
    if (keys.length === 0 || limit <= 0) return [];
    // SKIP LOCKED: replicas claiming at the same moment each get other rows instead of waiting for one another.
    const r = await this.q<JobRow>(
      `UPDATE jobs SET claim_owner = $2, claim_expires_at_ms = $3
       WHERE key IN (
         SELECT key FROM jobs WHERE key = ANY($1::text[]) AND status = 'in-flight' AND (claim_owner IS NULL OR claim_expires_at_ms <= $4)
         ORDER BY due_at, key LIMIT $5 FOR UPDATE SKIP LOCKED
       ) RETURNING *`,
      [[...keys], claim.owner, claim.nowMs + claim.ttlMs, claim.nowMs, limit],
    );
    return r.rows.map(toJob).sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async renewJobClaims(owner: string, keys: readonly string[], ttlMs: number, nowMs: number): Promise<number> {
    if (keys.length === 0) return 0;
    const r = await this.q("UPDATE jobs SET claim_expires_at_ms = $2 WHERE claim_owner = $1 AND status = 'in-flight' AND key = ANY($3::text[])", [owner, nowMs + ttlMs, [...keys]]);
    return r.rowCount ?? 0;
  }

  async releaseJobClaim(key: string, owner: string): Promise<void> {
    await this.q('UPDATE jobs SET claim_owner = NULL, claim_expires_at_ms = NULL WHERE key = $1 AND claim_owner = $2', [key, owner]);
  }

  async startJobAttempt(key: string, claim: JobClaim): Promise<number | undefined> {
    const r = await this.q<{ attempts: number }>(
      `UPDATE jobs SET attempts = attempts + 1, claim_expires_at_ms = $2, updated_at = $3
       WHERE key = $1 AND status = 'in-flight' AND claim_owner = $4 AND claim_expires_at_ms > $5 RETURNING attempts`,
      [key, claim.nowMs + claim.ttlMs, new Date(claim.nowMs).toISOString(), claim.owner, claim.nowMs],
    );
    return r.rows[0]?.attempts;
  }

  private async finishJob(key: string, status: JobStatus, messageId: string | null, error: string | null, now: string): Promise<void> {
    await this.q('UPDATE jobs SET status = $1, message_id = $2, error = $3, updated_at = $4, claim_owner = NULL, claim_expires_at_ms = NULL WHERE key = $5', [
      status,
      messageId,
      error,
      now,
      key,
    ]);
    this.own++;
  }

  async markJobSent(key: string, messageId: string, now: string): Promise<void> {
    await this.finishJob(key, 'sent', messageId, null, now);
  }

  async markJobFailed(key: string, error: string, now: string): Promise<void> {
    await this.finishJob(key, 'failed', null, error.slice(0, 1000), now);
  }

  async markJobSkipped(key: string, reason: string, now: string): Promise<void> {
    await this.finishJob(key, 'skipped', null, reason.slice(0, 1000), now);
  }

  async incrementJobAttempts(key: string, now: string): Promise<number> {
    const r = await this.q<{ attempts: number }>('UPDATE jobs SET attempts = attempts + 1, updated_at = $1 WHERE key = $2 RETURNING attempts', [now, key]);
    return r.rows[0]?.attempts ?? 0;
  }

  async listJobs(filter: { status?: JobStatus; platform?: Platform; channel?: string; limit?: number } = {}): Promise<OutboxJob[]> {
    const r = await this.q<JobRow>(
      `SELECT * FROM jobs WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR platform = $2) AND ($3::text IS NULL OR channel = $3)
       ORDER BY created_at, key LIMIT $4`,
      [filter.status ?? null, filter.platform ?? null, filter.channel ?? null, filter.limit ?? null],
    );
    return r.rows.map(toJob);
  }

  async lastSentWindows(targets: ReadonlyArray<{ platform: Platform; channel: string; story: string }>): Promise<Map<string, string>> {
    if (targets.length === 0) return new Map();
    const r = await this.q<{ platform: string; channel: string; story: string; window_to: string | null }>(
      `SELECT DISTINCT ON (j.platform, j.channel, j.story) j.platform, j.channel, j.story, j.window_to
       FROM jobs j JOIN unnest($1::text[], $2::text[], $3::text[]) AS t(p, c, s) ON j.platform = t.p AND j.channel = t.c AND j.story = t.s
       WHERE j.status = 'sent'
       ORDER BY j.platform, j.channel, j.story, j.window_to DESC NULLS LAST, j.due_at DESC NULLS LAST`,
      [targets.map((t) => t.platform), targets.map((t) => t.channel), targets.map((t) => t.story)],
    );
    const out = new Map<string, string>();
    for (const row of r.rows) if (row.window_to !== null) out.set(`${row.platform}:${row.channel}:${row.story}`, row.window_to);
    return out;
  }

  async lastSentJob(platform: Platform, channel: string, story: string): Promise<OutboxJob | undefined> {
    // NULLS LAST: SQLite sorts NULL lowest, so a descending order puts it last there too.
    const r = await this.q<JobRow>(
      "SELECT * FROM jobs WHERE platform = $1 AND channel = $2 AND story = $3 AND status = 'sent' ORDER BY window_to DESC NULLS LAST, due_at DESC NULLS LAST LIMIT 1",
      [platform, channel, story],
    );
    const row = r.rows[0];
    return row ? toJob(row) : undefined;
  }

  // ---- ingestion bookkeeping ----

  async markSeen(feedUrl: string, itemId: string, now: string): Promise<boolean> {
    const r = await this.q('INSERT INTO seen_items (feed_url, item_id, seen_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [feedUrl, itemId, now]);
    return (r.rowCount ?? 0) === 1 ? this.wrote(true) : false;
  }

  async getFeedState(feedUrl: string): Promise<FeedState | undefined> {
    const r = await this.q<FeedRow>('SELECT * FROM feed_state WHERE url = $1', [feedUrl]);
    const row = r.rows[0];
    return row ? toFeedState(row) : undefined;
  }

  async setFeedState(state: FeedState): Promise<void> {
    await this.q(
      `INSERT INTO feed_state (url, etag, last_modified, last_polled_at, failures, next_poll_at, last_error) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, last_polled_at = EXCLUDED.last_polled_at,
         failures = EXCLUDED.failures, next_poll_at = EXCLUDED.next_poll_at, last_error = EXCLUDED.last_error`,
      [state.url, state.etag ?? null, state.lastModified ?? null, state.lastPolledAt ?? null, state.failures, state.nextPollAt ?? null, state.lastError ?? null],
    );
    this.own++;
  }

  async findMergeCandidates(q: { story: string; from: string; to: string; bands: readonly string[]; limit?: number }): Promise<MergeCandidate[]> {
    if (q.bands.length === 0) return [];
    const r = await this.q<CandidateRow>(
      `SELECT c.event_id AS id, e.json, v.words FROM (
         SELECT event_id, count(*) AS n FROM event_bands WHERE story = $1 AND band = ANY($2::text[]) AND occurred_at_ms BETWEEN $3 AND $4
         GROUP BY event_id ORDER BY n DESC, event_id LIMIT $5
       ) c LEFT JOIN events e ON e.id = c.event_id LEFT JOIN event_vocabulary v ON v.event_id = c.event_id ORDER BY c.n DESC, c.event_id`,
      [q.story, [...q.bands], instantMs(q.from), instantMs(q.to), q.limit ?? 20],
    );
    return r.rows.map(mergeCandidateOf);
  }

  async findMergeWindow(q: { story: string; from: string; to: string; limit: number }): Promise<MergeCandidate[] | undefined> {
    const range = [q.story, instantMs(q.from), instantMs(q.to)];
    // Counted on the index first, as in the SQLite store: a busy window is not read at all.
    const n = await this.q<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM events WHERE story = $1 AND status IN ('published', 'draft', 'archived') AND occurred_at_ms BETWEEN $2 AND $3
         AND EXISTS (SELECT 1 FROM event_bands b WHERE b.event_id = events.id) LIMIT $4) w`,
      [...range, q.limit + 1],
    );
    if (Number(n.rows[0]?.n ?? 0) > q.limit) return undefined;
    const r = await this.q<CandidateRow>(
      `SELECT e.id, e.json, v.words FROM events e LEFT JOIN event_vocabulary v ON v.event_id = e.id
       WHERE e.story = $1 AND e.status IN ('published', 'draft', 'archived') AND e.occurred_at_ms BETWEEN $2 AND $3
         AND EXISTS (SELECT 1 FROM event_bands b WHERE b.event_id = e.id) ORDER BY e.id`,
      range,
    );
    return r.rows.map(mergeCandidateOf);
  }

  async setEventBands(eventId: string, story: string, occurredAt: string, bands: readonly string[]): Promise<void> {
    await this.tx((c) => this.writeBands(c, eventId, story, occurredAt, bands));
    this.own++;
  }

  async upsertEventWithBands(record: EventRecord, bands: readonly string[], words?: readonly string[]): Promise<UpsertResult> {
    const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
    const outcomes = await this.tx(async (c) => {
      const out = await this.writeEvents(c, [record]);
      await this.writeBands(c, record.id, record.story, record.occurredAt, bands);
      if (words !== undefined)
        await this.q('INSERT INTO event_vocabulary (event_id, words) VALUES ($1, $2) ON CONFLICT (event_id) DO UPDATE SET words = EXCLUDED.words', [record.id, words.join(' ')], c);
      return out;
    });
    for (const o of outcomes) result[o]++;
    this.own++;
    return result;
  }

  private async writeBands(c: Queryable, eventId: string, story: string, occurredAt: string, bands: readonly string[]): Promise<void> {
    await this.q('DELETE FROM event_bands WHERE event_id = $1', [eventId], c);
    if (bands.length > 0)
      await this.q('INSERT INTO event_bands (band, story, occurred_at_ms, event_id) SELECT b, $2, $3, $4 FROM unnest($1::text[]) AS b ON CONFLICT DO NOTHING', [
        [...bands],
        story,
        instantMs(occurredAt),
        eventId,
      ], c);
  }

  // ---- leases ----

  async acquireLease(name: string, owner: string, ttlMs: number, nowMs: number): Promise<boolean> {
    const r = await this.q(
      `INSERT INTO leases (name, owner, expires_at_ms) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, expires_at_ms = EXCLUDED.expires_at_ms
       WHERE leases.owner = EXCLUDED.owner OR leases.expires_at_ms <= $4`,
      [name, owner, nowMs + ttlMs, nowMs],
    );
    return (r.rowCount ?? 0) === 1;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    await this.q('DELETE FROM leases WHERE name = $1 AND owner = $2', [name, owner]);
  }

  async getMeta(key: string): Promise<string | undefined> {
    const r = await this.q('SELECT value FROM meta WHERE key = $1', [key]);
    return (r.rows[0] as { value: string } | undefined)?.value;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.q('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, value]);
  }

  // ---- shared rate limits ----

  async reserveRate(buckets: readonly RateBucket[], nowMs: number, maxWaitMs = Number.POSITIVE_INFINITY): Promise<{ startMs: number; reserved: boolean }> {
    if (buckets.length === 0) return { startMs: nowMs, reserved: true };
    const sorted = [...buckets].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const r = await this.q<{ start: number }>('SELECT sitrep_reserve_rate($1::text[], $2::float8[], $3::float8, $4::float8) AS start', [
      sorted.map((b) => b.name),
      sorted.map((b) => b.intervalMs),
      nowMs,
      Number.isFinite(maxWaitMs) ? maxWaitMs : null,
    ]);
    if (nowMs - this.lastRatePrune > RATE_PRUNE_EVERY_MS) {
      this.lastRatePrune = nowMs;
      // Not awaited: pruning is housekeeping, and a failure here changes nothing.
      this.q('DELETE FROM rate_limits WHERE next_at_ms < $1 AND blocked_until_ms < $1', [nowMs - RATE_ROW_IDLE_MS]).catch(() => undefined);
    }
    // The function answers a negative start when it reserved nothing (the start was too far off).
    const start = Number(r.rows[0]?.start ?? nowMs);
    return start < 0 ? { startMs: -start, reserved: false } : { startMs: start, reserved: true };
  }

  async blockRate(bucket: string, untilMs: number): Promise<void> {
    await this.q(
      'INSERT INTO rate_limits (name, blocked_until_ms) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET blocked_until_ms = GREATEST(rate_limits.blocked_until_ms, EXCLUDED.blocked_until_ms)',
      [bucket, untilMs],
    );
  }

  async ping(): Promise<boolean> {
    try {
      const r = await this.q<{ ok: number }>('SELECT 1 AS ok');
      return r.rows[0]?.ok === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const listener = this.listener;
    this.listener = undefined;
    this.listening = false;
    await listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}

/** The server process of a pooled connection (node-postgres keeps it from the start-up handshake). */
function backendPid(client: pg.PoolClient): number | undefined {
  const pid = (client as unknown as { processID?: unknown }).processID;
  return typeof pid === 'number' ? pid : undefined;
}

// ---------------------------------------------------------------------------------------------- opening

/** SQLSTATE classes and codes that mean "the database is not reachable right now" rather than "this query is wrong". */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED']);

/** True when `err` says the connection failed or was cut (as opposed to a query the database refused). */
export function isConnectionError(err: unknown): boolean {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (UNAVAILABLE_ERRNOS.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08')) return true;
  const msg = typeof e.message === 'string' ? e.message : '';
  return /Connection terminated|connection timeout|timeout expired|Client has encountered a connection error|Connection refused|server closed the connection|not queryable/i.test(msg);
}

/** A short, secret-free description of a pg or network error. */
export function describePgError(err: unknown): string {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; message?: unknown; errors?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  let msg = typeof e.message === 'string' && e.message !== '' ? e.message : '';
  // Node reports a refused dual-stack connection as an AggregateError with an empty message.
  if (msg === '' && Array.isArray(e.errors) && e.errors.length > 0) msg = describePgError(e.errors[0]);
  if (msg === '') msg = String(err);
  return code && !msg.includes(code) ? `${msg} (${code})` : msg;
}

/** `postgres://user@host:port/db`, never the password: what every message about the database names. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname || new URLSearchParams(u.search).get('host') || 'localhost';
    const port = u.port || '5432';
    const db = decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres';
    const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
    return `postgres://${user}${host}:${port}/${db}`;
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

/**
 * Connect to `url`, migrate the schema under an advisory lock (two replicas starting together migrate once; the
 * second waits, then finds nothing to do), and start listening for other replicas' commits. Expected failures
 * raise a {@link StoreError} whose message names the database, never its password.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const target = describeDatabaseUrl(url);
  const clientConfig: pg.ClientConfig = {
    connectionString: url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    keepAlive: true,
    application_name: 'sitrep',
  };
  const pool = new pg.Pool({ ...clientConfig, types, max: options.poolSize ?? 10, idleTimeoutMillis: 30_000 });
  const store = new PostgresStore(pool, target, clientConfig, options.onWarning, options.onInfo);
  try {
    const applied = await migratePostgres(pool, target);
    options.onMigrated?.(applied);
    await store.listen();
  } catch (err) {
    await store.close();
    throw classifyOpenError(target, err);
  }
  return store;
}

/** Which schema version the database at `url` has (0: never migrated), without changing anything. */
export async function postgresSchemaState(url: string, connectTimeoutMs = 5_000): Promise<{ applied: number; latest: number }> {
  const target = describeDatabaseUrl(url);
  const latest = Math.max(...pgMigrations.map((m) => m.version));
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs, application_name: 'sitrep doctor' });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const exists = await client.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
    if (!exists.rows[0]?.t) return { applied: 0, latest };
    const r = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    return { applied: Number(r.rows[0]?.v ?? 0), latest };
  } catch (err) {
    throw classifyOpenError(target, err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Apply pending migrations, each in its own transaction, holding the migration advisory lock throughout. */
export async function migratePostgres(pool: pg.Pool, target: string): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    // A replica may wait here while another one migrates: no statement timeout on this connection.
    await client.query('SET statement_timeout = 0');
    await client.query("SELECT pg_advisory_lock(hashtext('sitrep:migrations'))");
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)));
      for (const m of pgMigrations) {
        if (done.has(m.version)) continue;
        try {
          await client.query('BEGIN');
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
          applied.push(m.version);
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          if (isConnectionError(err)) throw err;
          throw new StoreError('STORE_MIGRATION_FAILED', `migration ${m.version} (${m.name}) of ${target} failed: ${describePgError(err)}`);
        }
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('sitrep:migrations'))").catch(() => undefined);
    }
  } finally {
    client.release();
  }
  return applied;
}

function classifyOpenError(target: string, err: unknown): StoreError {
  if (err instanceof StoreError) {
    if (err.code === 'STORE_UNAVAILABLE') return new StoreError('STORE_UNAVAILABLE', `cannot reach the database ${target}: ${err.message.replace(/^the database .* is unavailable: /, '')}`);
    return err;
  }
  const code = (err as { code?: unknown }).code;
  if (isConnectionError(err)) return new StoreError('STORE_UNAVAILABLE', `cannot reach the database ${target}: ${describePgError(err)}`);
  if (code === '28P01' || code === '28000') return new StoreError('STORE_OPEN_FAILED', `the database ${target} refused the login: ${describePgError(err)}`);
  if (code === '3D000') return new StoreError('STORE_OPEN_FAILED', `the database ${target} does not exist: ${describePgError(err)}`);
  return new StoreError('STORE_OPEN_FAILED', `cannot open the database ${target}: ${describePgError(err)}`);
}
