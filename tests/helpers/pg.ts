import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject, it } from 'vitest';
import { openPostgresStore, type PostgresStore, type PostgresStoreOptions } from '../../src/store/postgres-store.js';

/** The shared PostgreSQL server's URL, or undefined when the tests could not get one (see tests/setup/postgres.ts). */
export function postgresUrl(): string | undefined {
  const info = inject('postgres');
  return 'url' in info ? info.url : undefined;
}

/**
 * Register a file's PostgreSQL tests, or, without a server, one visible "todo" that says they did not run (the
 * global setup also prints a warning; in CI it fails the run instead). Never a silent skip.
 */
export function withPostgres(what: string, define: (url: string) => void): void {
  const url = postgresUrl();
  if (url !== undefined) {
    define(url);
    return;
  }
  const info = inject('postgres');
  it.todo(`${what}: NOT RUN, no PostgreSQL (${'unavailable' in info ? info.unavailable : 'unknown'})`);
}

/** `url` pointing at another database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A new, empty database for one test file (or one test): parallel files never share tables or notifications. */
export async function createDatabase(serverUrl: string, prefix: string): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `sitrep_${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase().slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  return {
    url: databaseUrl(serverUrl, name),
    name,
    drop: async () => {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    },
  };
}

/** One statement on its own connection. */
export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const TABLES = ['stories', 'events', 'signals', 'subscriptions', 'jobs', 'seen_items', 'feed_state', 'event_bands', 'leases', 'rate_limits', 'slack_installations'];

/**
 * An empty, migrated store on `url`: tables emptied first (on another connection, before this store listens, so
 * the emptying's notifications never reach it).
 */
export async function freshPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const exists = await adminQuery<{ t: string | null }>(url, "SELECT to_regclass('schema_migrations')::text AS t");
  if (exists[0]?.t) {
    const present = await adminQuery<{ name: string }>(url, 'SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()');
    const names = new Set(present.map((r) => r.name));
    const tables = TABLES.filter((t) => names.has(t));
    if (tables.length > 0) await adminQuery(url, `TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`);
  }
  return openPostgresStore(url, options);
}
