import { inject, it } from 'vitest';
import { openPostgresStore, type PostgresStore, type PostgresStoreOptions } from '../../src/store/postgres-store.js';
import { adminQuery } from './pg-admin.js';

export { adminQuery, createDatabase, databaseUrl } from './pg-admin.js';

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

const TABLES = ['stories', 'events', 'signals', 'subscriptions', 'jobs', 'seen_items', 'feed_state', 'event_bands', 'event_vocabulary', 'leases', 'rate_limits', 'slack_installations', 'audit', 'retractions', 'message_jobs', 'posted_briefings', 'posted_briefing_events', 'follows', 'question_marks'];

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
