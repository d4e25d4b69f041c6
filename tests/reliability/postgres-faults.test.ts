import { describe, it, type ExpectStatic } from 'vitest';
import { runChecks } from '../../src/cli/commands/doctor.js';
import { main } from '../../src/cli/main.js';
import { recordingIo } from '../helpers/cli.js';
import { pgMigrations } from '../../src/store/pg-migrations.js';
import { BRIEFINGS } from '../helpers/fixtures.js';
import { adminQuery, createDatabase, withPostgres } from '../helpers/pg.js';
import { runCli } from './cli-process.js';

/** The one line a user sees: `sitrep: …` with the code, no stack trace, and never the password. */
function expectOneClearLine(expect: ExpectStatic, stderr: string, code: string, words: RegExp, password: string): void {
  const lines = stderr.trim().split('\n').filter((l) => l.startsWith('sitrep:'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(code);
  expect(lines[0]).toMatch(words);
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(stderr).not.toContain(password);
}

const env = (url: string) => ({ DATABASE_URL: url, SITREP_DATA: BRIEFINGS, LOG_LEVEL: 'info' });

/** `sitrep <args>` in this process (the same start-up path, without a process's start-up cost). */
async function runHere(args: string[], vars: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = recordingIo(vars);
  const code = await main(args, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

describe('DATABASE_URL that is not a PostgreSQL URL', () => {
  it('is a configuration error naming the variable, never its value, and exits non-zero', async ({ expect }) => {
    const run = await runCli(['brief'], env('mysql://sitrep:SECRETpw1@db.example/sitrep'));
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('DATABASE_URL: must be a postgres://');
    expect(run.stderr).not.toContain('SECRETpw1');
  });
});

withPostgres('PostgreSQL faults at start', (server) => {
  // Each case waits on a child process: run them side by side.
  describe.concurrent('PostgreSQL faults at start: one clear line, non-zero exit, no password', () => {
    it('a database that is down (nothing listens on its port)', async ({ expect }) => {
      const url = new URL(server);
      url.port = '9'; // discard: never a PostgreSQL server
      url.password = 'SECRETdownpw';
      url.pathname = '/sitrep';
      const run = await runCli(['brief'], env(url.toString()));
      expect(run.code).not.toBe(0);
      expectOneClearLine(expect, run.stderr, 'STORE_UNAVAILABLE', /cannot reach the database postgres:\/\/sitrep@127\.0\.0\.1:9\/sitrep/, 'SECRETdownpw');
      expect(run.stdout).toBe('');
    });

    it('a wrong password', async ({ expect }) => {
      const url = new URL(server);
      url.password = 'SECRETwrongpw';
      const run = await runHere(['brief'], env(url.toString()));
      expect(run.code).not.toBe(0);
      expectOneClearLine(expect, run.stderr, 'STORE_OPEN_FAILED', /refused the login/, 'SECRETwrongpw');
    });

    it('a database that does not exist', async ({ expect }) => {
      const url = new URL(server);
      url.pathname = '/sitrep_no_such_database';
      const run = await runHere(['brief'], env(url.toString()));
      expect(run.code).not.toBe(0);
      expectOneClearLine(expect, run.stderr, 'STORE_OPEN_FAILED', /does not exist/, new URL(server).password);
    });

    it('a migration that fails (a table in the way): names the migration and the database, changes nothing', async ({ expect }) => {
      const db = await createDatabase(server, 'badmigration');
      try {
        await adminQuery(db.url, 'CREATE TABLE subscriptions (something_else INTEGER)');
        const run = await runCli(['brief'], env(db.url));
        expect(run.code).not.toBe(0);
        expectOneClearLine(expect, run.stderr, 'STORE_MIGRATION_FAILED', /migration 1 \(.*\) of postgres:\/\/sitrep@.* failed: relation "subscriptions" already exists/, new URL(server).password);
        // Rolled back whole: none of migration 1's tables, and nothing recorded as applied.
        expect(await adminQuery(db.url, "SELECT to_regclass('stories') AS t")).toEqual([{ t: null }]);
        expect(await adminQuery(db.url, 'SELECT version FROM schema_migrations')).toEqual([]);
      } finally {
        await db.drop();
      }
    });

    it('sitrep doctor reports the database: reachable but not migrated (and leaves it so), migrated, or down with the fix', async ({ expect }) => {
      const db = await createDatabase(server, 'doctor');
      try {
        const store = (await runChecks({ DATABASE_URL: db.url, SITREP_DATA: BRIEFINGS }, {})).find((c) => c.name === 'store');
        expect(store).toMatchObject({ status: 'ok' });
        expect(store?.detail).toMatch(/reachable; schema version 0 of \d+: the next `sitrep start` migrates it/);
        expect(await adminQuery(db.url, "SELECT to_regclass('schema_migrations') AS t")).toEqual([{ t: null }]);
        expect((await runHere(['subscriptions'], { ...env(db.url), LOG_LEVEL: 'silent' })).code).toBe(0);
        const migrated = (await runChecks({ DATABASE_URL: db.url, SITREP_DATA: BRIEFINGS }, {})).find((c) => c.name === 'store');
        expect(migrated?.detail).toMatch(/^postgres:\/\/sitrep@127\.0\.0\.1:\d+\/sitrep_doctor_\w+ \(PostgreSQL, schema version \d+, 0 subscription\(s\)\)$/);
        const down = new URL(db.url);
        down.port = '9';
        const failed = (await runChecks({ DATABASE_URL: down.toString(), SITREP_DATA: BRIEFINGS }, {})).find((c) => c.name === 'store');
        expect(failed).toMatchObject({ status: 'fail', fix: expect.stringContaining('PostgreSQL is running') });
        expect(failed?.detail).toContain('[STORE_UNAVAILABLE]');
        expect(failed?.detail).not.toContain(new URL(server).password);
      } finally {
        await db.drop();
      }
    });

    it('two processes starting at once on a new database migrate it once', async ({ expect }) => {
      const db = await createDatabase(server, 'migrate_once');
      try {
        const runs = await Promise.all([0, 1].map(() => runCli(['subscriptions'], env(db.url))));
        for (const r of runs) expect(r.code, r.stderr).toBe(0);
        // One process applied every migration; the other waited on the advisory lock and found nothing to do.
        const migrated = runs.filter((r) => r.stderr.includes('"msg":"database migrated"'));
        expect(migrated).toHaveLength(1);
        expect(migrated[0]?.stderr).toContain(`"versions":[${pgMigrations.map((m) => m.version).join(',')}]`);
        const applied = await adminQuery<{ version: number }>(db.url, 'SELECT version FROM schema_migrations ORDER BY version');
        expect(applied.map((r) => r.version)).toEqual(pgMigrations.map((m) => m.version));
      } finally {
        await db.drop();
      }
    });
  });
});
