import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { StoreError } from '../../src/store/store.js';
import { storeContract } from './contract.js';

storeContract('SQLite (:memory:)', async () => {
  const store = openSqliteStore(':memory:');
  return { store, dispose: () => store.close() };
});

storeContract('SQLite (temp file, WAL)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-contract-'));
  const store = openSqliteStore(join(dir, 'nested', 'sitrep.db'));
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite store specifics', () => {
  it('uses WAL and records the schema version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-wal-'));
    const store = openSqliteStore(join(dir, 'x.db'));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)?.version);
    await store.close();
    // Reopening an up-to-date file applies nothing and keeps the data.
    const again = openSqliteStore(join(dir, 'x.db'));
    expect(await again.ping()).toBe(true);
    await again.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sees another process's writes in its revision (polled), and its own at once", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-rev-'));
    const file = join(dir, 'x.db');
    const reader = openSqliteStore(file, { otherWritersPollMs: 0 });
    const polled = openSqliteStore(file, { otherWritersPollMs: 60_000 });
    const writer = openSqliteStore(file);
    const [r0, p0] = [await reader.revision(), await polled.revision()];
    await writer.upsertSubscription({ platform: 'slack', channel: 'C1', story: 's', time: '07:00', timezone: 'UTC', days: 'daily', skipEmpty: false });
    expect(await reader.revision()).not.toBe(r0);
    // Within its poll interval a store does not look at other connections again…
    expect(await polled.revision()).toBe(p0);
    // …but its own writes always count.
    await polled.upsertSubscription({ platform: 'slack', channel: 'C2', story: 's', time: '07:00', timezone: 'UTC', days: 'daily', skipEmpty: false });
    expect(await polled.revision()).not.toBe(p0);
    for (const s of [reader, polled, writer]) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a read-only database with a stable code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-ro-'));
    const file = join(dir, 'ro.db');
    (await openSqliteStore(file)).close();
    chmodSync(file, 0o444);
    chmodSync(dir, 0o555);
    try {
      // root ignores file modes; open read-only explicitly in that case to exercise the same path.
      if (process.getuid?.() === 0) {
        const db = new Database(file, { readonly: true });
        expect(() => db.exec('CREATE TABLE t (x)')).toThrow(/readonly/i);
        db.close();
      } else {
        expect(() => openSqliteStore(file)).toThrow(StoreError);
        try {
          openSqliteStore(file);
        } catch (err) {
          expect((err as StoreError).code).toBe('STORE_READONLY');
          expect((err as Error).message).toContain(file);
        }
      }
    } finally {
      chmodSync(dir, 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a locked database with a stable code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-lock-'));
    const file = join(dir, 'locked.db');
    (await openSqliteStore(file)).close();
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      let code: string | undefined;
      try {
        const s = openSqliteStore(file, { busyTimeoutMs: 50 });
        await s.close();
      } catch (err) {
        code = (err as StoreError).code;
      }
      expect(code).toBe('STORE_LOCKED');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
