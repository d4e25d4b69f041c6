import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import { writeJsonl } from '../../bench/cases/bulk-import.js';
import { main } from '../../src/cli/main.js';
import { recordingIo } from '../helpers/cli.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { BRIEFINGS } from '../helpers/fixtures.js';
import { runCli, startCli } from './cli-process.js';

const RECORDS = 100_000;
const BATCH = 5_000;

const io = () => recordingIo({ LOG_LEVEL: 'silent' });

/** The one line a user sees: `sitrep: …` with the code, no stack trace. */
function expectOneClearLine(expect: ExpectStatic, stderr: string, code: string, words: RegExp): void {
  const lines = stderr.trim().split('\n').filter((l) => l.startsWith('sitrep:'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(code);
  expect(lines[0]).toMatch(words);
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

// Concurrent: each case waits on a child process (and the lock case on SQLite's 5 s busy timeout).
describe.concurrent('store faults: clear start-up errors, and crash-safe bulk import', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-store-faults-'));
    chmodSync(dir, 0o755);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a read-only database file: `sitrep brief` exits non-zero with one clear line', async ({ expect }) => {
    const roDir = join(dir, 'ro');
    const file = join(roDir, 'sitrep.db');
    const store = openSqliteStore(file);
    await store.close();
    // Read-only file in a read-only folder (SQLite could otherwise create its -wal/-shm files next to it).
    chmodSync(file, 0o444);
    chmodSync(roDir, 0o555);
    try {
      const run = await runCli(['brief', '--db', file, '--data', BRIEFINGS], {}, true);
      expect(run.code).not.toBe(0);
      expectOneClearLine(expect, run.stderr, 'STORE_READONLY', /read-only/);
      expect(run.stdout).toBe('');
    } finally {
      chmodSync(roDir, 0o755);
    }
  });

  it('a database locked by another process: `sitrep brief` exits non-zero with one clear line', async ({ expect }) => {
    const file = join(dir, 'locked.db');
    const store = openSqliteStore(file);
    await store.close();
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const run = await runCli(['brief', '--db', file, '--data', BRIEFINGS]);
      expect(run.code).not.toBe(0);
      expectOneClearLine(expect, run.stderr, 'STORE_LOCKED', /locked/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('kill -9 during a 100k import: the store opens consistent, each 5,000-record batch whole or absent; re-running yields exactly 100k, no duplicates', async ({ expect }) => {
    const jsonl = join(dir, 'records.jsonl');
    const db = join(dir, 'import.db');
    await writeJsonl(jsonl, RECORDS);
    const { child, done } = startCli(['import', jsonl, '--db', db, '--data', BRIEFINGS], { LOG_LEVEL: 'silent' });

    // Watch from another connection and kill the importer as soon as its first batch has committed.
    let seen = 0;
    let watcher: Database.Database | undefined;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && child.exitCode === null) {
      try {
        watcher ??= new Database(db, { readonly: true, fileMustExist: true });
        seen = (watcher.prepare("SELECT count(*) AS n FROM events WHERE id LIKE 'synth-%'").get() as { n: number }).n;
      } catch {
        // Not created or not migrated yet.
      }
      if (seen > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    watcher?.close();
    child.kill('SIGKILL');
    const killed = await done;
    expect(seen).toBeGreaterThan(0);
    expect(killed.signal === 'SIGKILL' || killed.code === 0).toBe(true);

    const check = new Database(db);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const ids = (check.prepare("SELECT id FROM events WHERE id LIKE 'synth-%' ORDER BY id").all() as Array<{ id: string }>).map((r) => r.id);
    // Batches are written in file order, so what survived is exactly the first k whole batches.
    expect(ids.length % BATCH).toBe(0);
    expect(ids.length).toBeLessThan(RECORDS);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => `synth-${String(i).padStart(7, '0')}`));
    const orphans = check.prepare('SELECT count(*) AS n FROM signals WHERE event_id NOT IN (SELECT id FROM events)').get() as { n: number };
    expect(orphans.n).toBe(0);
    check.close();

    const again = io();
    const code = await main(['import', jsonl, '--db', db, '--data', BRIEFINGS], again);
    expect(again.err.join('')).toBe('');
    expect(code).toBe(0);
    expect(again.out.join('')).toContain(`${RECORDS - ids.length} new`);

    const final = new Database(db, { readonly: true });
    const n = final.prepare("SELECT count(*) AS n, count(DISTINCT id) AS d FROM events WHERE id LIKE 'synth-%'").get() as { n: number; d: number };
    expect(n).toEqual({ n: RECORDS, d: RECORDS });
    const sig = final.prepare("SELECT count(*) AS n, count(DISTINCT event_id || ':' || idx) AS d FROM signals WHERE event_id LIKE 'synth-%'").get() as { n: number; d: number };
    expect(sig.n).toBe(sig.d);
    final.close();
  }, 90_000);
});
