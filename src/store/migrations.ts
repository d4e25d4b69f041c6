/**
 * Schema migrations, applied in order and recorded in `PRAGMA user_version`.
 * Never edit a released migration: append a new one.
 */
export const migrations: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'stories, events, signals',
    sql: `
      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        story TEXT NOT NULL,
        occurred_at_ms INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'published',
        json TEXT NOT NULL
      );
      CREATE INDEX events_story_time ON events (story, status, occurred_at_ms DESC, id);
      CREATE TABLE signals (
        event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        story TEXT NOT NULL,
        question TEXT NOT NULL,
        status TEXT NOT NULL,
        occurred_at_ms INTEGER NOT NULL,
        published INTEGER NOT NULL DEFAULT 1,
        json TEXT NOT NULL,
        PRIMARY KEY (event_id, idx)
      );
      CREATE INDEX signals_story_question_time ON signals (story, question, published, occurred_at_ms DESC);
      CREATE INDEX signals_story_time ON signals (story, published, occurred_at_ms DESC);
    `,
  },
  {
    version: 2,
    name: 'subscriptions and outbox',
    sql: `
      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        platform TEXT NOT NULL,
        channel TEXT NOT NULL,
        story TEXT NOT NULL,
        time TEXT NOT NULL,
        timezone TEXT NOT NULL,
        days TEXT NOT NULL,
        questions TEXT,
        skip_empty INTEGER NOT NULL DEFAULT 0,
        created_by TEXT,
        created_at TEXT NOT NULL,
        paused INTEGER NOT NULL DEFAULT 0,
        paused_reason TEXT,
        UNIQUE (platform, channel, story)
      );
      CREATE TABLE jobs (
        key TEXT PRIMARY KEY,
        subscription_id INTEGER,
        platform TEXT NOT NULL,
        channel TEXT NOT NULL,
        story TEXT NOT NULL,
        due_at TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        window_from TEXT,
        window_to TEXT,
        message_id TEXT,
        error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX jobs_channel_story ON jobs (platform, channel, story, status, window_to);
      CREATE INDEX jobs_status ON jobs (status, created_at);
    `,
  },
  {
    version: 3,
    name: 'ingestion bookkeeping',
    sql: `
      CREATE TABLE seen_items (
        feed_url TEXT NOT NULL,
        item_id TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (feed_url, item_id)
      ) WITHOUT ROWID;
      CREATE TABLE feed_state (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        last_polled_at TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        next_poll_at TEXT,
        last_error TEXT
      );
      CREATE TABLE event_bands (
        band TEXT NOT NULL,
        story TEXT NOT NULL,
        occurred_at_ms INTEGER NOT NULL,
        event_id TEXT NOT NULL,
        PRIMARY KEY (story, band, occurred_at_ms, event_id)
      ) WITHOUT ROWID;
      CREATE INDEX event_bands_event ON event_bands (event_id);
    `,
  },
  {
    version: 4,
    name: 'leases',
    sql: `
      CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at_ms INTEGER NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'workspaces and Slack installations',
    sql: `
      ALTER TABLE subscriptions ADD COLUMN workspace TEXT;
      ALTER TABLE jobs ADD COLUMN workspace TEXT;
      CREATE INDEX subscriptions_workspace ON subscriptions (platform, workspace);
      CREATE TABLE slack_installations (
        id TEXT PRIMARY KEY,
        team_id TEXT,
        team_name TEXT,
        enterprise_id TEXT,
        enterprise_name TEXT,
        is_enterprise_install INTEGER NOT NULL DEFAULT 0,
        app_id TEXT,
        bot_id TEXT,
        bot_user_id TEXT,
        bot_scopes TEXT NOT NULL,
        installed_by TEXT,
        sealed_tokens TEXT NOT NULL,
        installed_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 6,
    name: 'job claims and shared rate limits',
    sql: `
      ALTER TABLE jobs ADD COLUMN claim_owner TEXT;
      ALTER TABLE jobs ADD COLUMN claim_expires_at_ms INTEGER;
      CREATE TABLE rate_limits (
        name TEXT PRIMARY KEY,
        next_at_ms REAL NOT NULL DEFAULT 0,
        blocked_until_ms REAL NOT NULL DEFAULT 0
      );
    `,
  },
  {
    version: 7,
    name: 'meta',
    sql: `
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 8,
    name: 'review, audit, retractions, message outbox, posted briefings, follows',
    sql: `
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        actor TEXT NOT NULL,
        actor_name TEXT,
        action TEXT NOT NULL,
        event_id TEXT,
        story TEXT,
        detail TEXT,
        before TEXT,
        after TEXT
      );
      CREATE INDEX audit_time ON audit (at_ms, id);
      CREATE INDEX audit_event ON audit (event_id, id);
      CREATE TABLE retractions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        story TEXT NOT NULL,
        event_id TEXT NOT NULL,
        fact_id TEXT,
        fact_text TEXT,
        reason TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX retractions_story ON retractions (story, id);
      CREATE TABLE message_jobs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        platform TEXT NOT NULL,
        channel TEXT NOT NULL,
        story TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        message_id TEXT,
        error TEXT,
        workspace TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX message_jobs_status ON message_jobs (status, seq);
      CREATE INDEX message_jobs_message ON message_jobs (platform, message_id);
      CREATE TABLE posted_briefings (
        key TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        channel TEXT NOT NULL,
        story TEXT NOT NULL,
        message_id TEXT NOT NULL,
        posted_at TEXT NOT NULL,
        posted_at_ms INTEGER NOT NULL,
        workspace TEXT,
        rebuild TEXT NOT NULL,
        shown TEXT NOT NULL,
        corrections TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX posted_briefings_channel ON posted_briefings (platform, channel, story, posted_at_ms);
      CREATE INDEX posted_briefings_time ON posted_briefings (posted_at_ms);
      CREATE TABLE posted_briefing_events (
        event_id TEXT NOT NULL,
        briefing_key TEXT NOT NULL REFERENCES posted_briefings(key) ON DELETE CASCADE,
        posted_at_ms INTEGER NOT NULL,
        PRIMARY KEY (event_id, posted_at_ms, briefing_key)
      ) WITHOUT ROWID;
      CREATE INDEX posted_briefing_events_key ON posted_briefing_events (briefing_key);
      CREATE TABLE follows (
        platform TEXT NOT NULL,
        channel TEXT NOT NULL,
        story TEXT NOT NULL,
        question TEXT NOT NULL,
        workspace TEXT,
        created_by TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (platform, channel, story, question)
      );
      CREATE INDEX follows_story ON follows (story, question);
      CREATE TABLE question_marks (
        story TEXT NOT NULL,
        question TEXT NOT NULL,
        status TEXT NOT NULL,
        seq INTEGER NOT NULL,
        event_id TEXT,
        changed_at TEXT NOT NULL,
        PRIMARY KEY (story, question)
      );
    `,
  },
  {
    version: 9,
    name: 'event vocabulary',
    sql: `
      -- The words of every report an ingested event holds (not only its facts): a later report, ingested in a run of its
      -- own, is matched against them as a report of the same run is.
      CREATE TABLE event_vocabulary (
        event_id TEXT PRIMARY KEY,
        words TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
];
