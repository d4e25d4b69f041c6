import type { TestProject } from 'vitest/node';
import { findPostgresBin, startPgCluster, type PgCluster } from '../helpers/pg-cluster.js';

/** What the PostgreSQL tests get: a server URL they may create databases on, or why there is none. */
export type PostgresInfo = { url: string; source: 'DATABASE_URL' | 'throwaway cluster' } | { unavailable: string };

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresInfo;
  }
}

const warn = (line: string): void => {
  process.stderr.write(`\n\u26a0  ${line}\n\n`);
};

/**
 * vitest globalSetup: the PostgreSQL server the tests share. DATABASE_URL when set (each test file creates its own
 * database there, so the user needs CREATEDB); otherwise a throwaway cluster when PostgreSQL's binaries exist,
 * stopped and removed at the end. In CI the PostgreSQL tests must run: failing to start one fails the run.
 * Elsewhere, without either, the tests say loudly that they did not run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  const fromEnv = process.env.DATABASE_URL?.trim();
  if (fromEnv) {
    project.provide('postgres', { url: fromEnv, source: 'DATABASE_URL' });
    return async () => undefined;
  }
  let cluster: PgCluster | undefined;
  let reason: string | undefined;
  if (!findPostgresBin()) reason = 'no DATABASE_URL and no PostgreSQL binaries (initdb, pg_ctl) on PATH or in /usr/lib/postgresql/*/bin';
  else {
    try {
      cluster = await startPgCluster();
    } catch (err) {
      reason = `the throwaway PostgreSQL cluster did not start: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  if (!cluster) {
    const message = `PostgreSQL tests did NOT run: ${reason}. Install PostgreSQL (apt-get install postgresql) or set DATABASE_URL.`;
    if (ci) throw new Error(`CI=true: ${message}`);
    warn(message);
    project.provide('postgres', { unavailable: reason ?? 'unknown' });
    return async () => warn(message);
  }
  project.provide('postgres', { url: cluster.url, source: 'throwaway cluster' });
  const started = cluster;
  return async () => {
    await started.destroy();
  };
}
