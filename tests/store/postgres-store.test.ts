import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactiveBriefing } from '../../src/briefing/memo.js';
import type { PostgresStore } from '../../src/store/postgres-store.js';
import { deliveryStory, record } from '../delivery/story-fixture.js';
import { adminQuery, createDatabase, freshPostgresStore, withPostgres } from '../helpers/pg.js';
import { storeContract } from './contract.js';

/** Poll until `check` holds (another replica's commit arrives as a notification, asynchronously). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

withPostgres('Store contract on PostgreSQL', (server) => {
  let db: Awaited<ReturnType<typeof createDatabase>>;
  beforeAll(async () => {
    db = await createDatabase(server, 'contract');
  });
  afterAll(async () => {
    await db?.drop();
  });

  storeContract('PostgreSQL', async () => {
    const store = await freshPostgresStore(db.url);
    return { store, dispose: () => store.close() };
  });

  describe('PostgreSQL store across replicas', () => {
    let a: PostgresStore;
    let b: PostgresStore;
    beforeAll(async () => {
      // Its own database: the contract's stores come and go on the other one.
      const own = await createDatabase(server, 'replica_rev');
      a = await freshPostgresStore(own.url);
      b = await freshPostgresStore(own.url);
      // Start from a settled revision: b has heard of the story a wrote.
      const settled = await b.revision();
      await a.upsertStory(deliveryStory());
      await eventually(async () => (await b.revision()) !== settled);
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
    });

    it("sees another replica's commits in its revision (notified), its own at once, and not coordination writes", async () => {
      const r0 = await b.revision();
      await a.upsertEvents([record('rev-1', '2025-06-01T10:00:00Z', 'Delegations met.')]);
      await eventually(async () => (await b.revision()) !== r0);
      const r1 = await b.revision();
      // Claims, leases and rate-limit slots only coordinate replicas: answers don't depend on them.
      await a.acquireLease('feed:x', 'a', 60_000, Date.now());
      await a.reserveRate([{ name: 'slack:channel:C1', intervalMs: 1000 }], Date.now());
      await new Promise((r) => setTimeout(r, 200));
      expect(await b.revision()).toBe(r1);
      await b.upsertSubscription({ platform: 'slack', channel: 'C1', story: 'talks', time: '07:00', timezone: 'UTC', days: 'daily', skipEmpty: false });
      expect(await b.revision()).not.toBe(r1);
    });

    it("a memoised interactive briefing is rebuilt once another replica's write is seen", async () => {
      const story = deliveryStory();
      const now = new Date('2025-06-02T04:00:30Z');
      const first = await interactiveBriefing(b, { story, now, since: new Date('2025-06-01T00:00:00Z') });
      expect(await interactiveBriefing(b, { story, now, since: new Date('2025-06-01T00:00:00Z') })).toBe(first);
      const before = await b.revision();
      await a.upsertEvents([record('rev-2', '2025-06-01T22:00:00Z', 'A truce was agreed for the night.')]);
      await eventually(async () => (await b.revision()) !== before);
      const again = await interactiveBriefing(b, { story, now, since: new Date('2025-06-01T00:00:00Z') });
      expect(again).not.toBe(first);
      expect(JSON.stringify(again)).toContain('A truce was agreed for the night.');
    });

    it('while its listening connection is down, every revision is new (nothing is reused), and it reconnects', async () => {
      const before = await b.revision();
      const pids = await b.pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE query = 'LISTEN sitrep_revision' AND datname = current_database()");
      expect(pids.rows.length).toBeGreaterThan(0);
      await adminQuery(server, 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = ANY($1::int[])', [pids.rows.map((r) => r.pid)]);
      await eventually(async () => (await b.revision()) !== (await b.revision()));
      // Back: stable again, and different from before the loss (a commit could have been missed meanwhile).
      await eventually(async () => (await b.revision()) === (await b.revision()), 10_000);
      expect(await b.revision()).not.toBe(before);
    });

    it('survives the server cutting a connection that is checked out but idle (no uncaught error), and carries on', async () => {
      const client = await a.pool.connect();
      const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
      // The server's "terminating connection due to administrator command" reaches a client with no query running:
      // node-postgres emits 'error', which would be an uncaught exception without the store's own listener.
      const uncaught: unknown[] = [];
      const onUncaught = (err: unknown) => uncaught.push(err);
      process.on('uncaughtException', onUncaught);
      try {
        await adminQuery(server, 'SELECT pg_terminate_backend($1)', [pid]);
        await eventually(async () => !(client as unknown as { _queryable: boolean })._queryable, 5_000);
      } finally {
        process.off('uncaughtException', onUncaught);
        client.release(true);
      }
      expect(uncaught).toEqual([]);
      // The store goes on with a fresh connection.
      expect((await a.listSubscriptions()).length).toBeGreaterThanOrEqual(0);
    });
  });
});
