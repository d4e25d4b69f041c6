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
];
