import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverDue } from '../../src/delivery/deliver.js';
import { silentLogger } from '../../src/log.js';
import type { PostgresStore } from '../../src/store/postgres-store.js';
import type { JobClaim, Platform } from '../../src/store/store.js';
import { createDatabase, freshPostgresStore, withPostgres } from '../helpers/pg.js';
import { FakeChatAdapter } from './fake-chat-adapter.js';
import { deliveryStory, record } from './story-fixture.js';

const NOW = new Date('2025-06-02T04:00:00Z'); // 07:00 in Kyiv
const story = deliveryStory();
const stories = new Map([[story.id, story]]);
const fast = { backoffBaseMs: 1, backoffCapMs: 5 };

withPostgres('shared delivery on PostgreSQL (in-process replicas)', (server) => {
  describe('shared delivery: replicas on one PostgreSQL, in process', () => {
    let url: string;
    let a: PostgresStore;
    let b: PostgresStore;
    beforeAll(async () => {
      url = (await createDatabase(server, 'shared_delivery')).url;
    });
    beforeEach(async () => {
      await a?.close();
      await b?.close();
      a = await freshPostgresStore(url);
      b = await freshPostgresStore(url);
      await a.upsertStory(story);
      await a.upsertEvents([record('e1', '2025-06-01T12:00:00Z', 'Delegations arrived.')]);
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
    });

    const subscribe = async (n: number) => {
      for (let i = 0; i < n; i++)
        await a.upsertSubscription({ platform: 'slack', channel: `C${i}`, story: story.id, time: '07:00', timezone: 'Europe/Kyiv', days: 'daily', skipEmpty: false, createdAt: '2025-05-01T00:00:00Z' });
    };
    const pass = (store: PostgresStore, adapter: FakeChatAdapter, extra: { owner?: string; wallClock?: () => number; claimWindow?: number } = {}) =>
      deliverDue({ store, adapters: new Map<Platform, FakeChatAdapter>([['slack', adapter]]), stories, now: NOW, logger: silentLogger(), catchupMaxMs: 7_200_000, queueOptions: fast, leaseTtlMs: 5_000, ...extra });

    it('two replicas passing at once post each key once and share the work', async () => {
      await subscribe(40);
      const ra = new FakeChatAdapter('slack');
      const rb = new FakeChatAdapter('slack');
      const [sa, sb] = await Promise.all([pass(a, ra, { owner: 'replica-a', claimWindow: 4 }), pass(b, rb, { owner: 'replica-b', claimWindow: 4 })]);
      const keys = [...ra.calls, ...rb.calls].map((c) => c.key);
      expect(keys).toHaveLength(40);
      expect(new Set(keys).size).toBe(40);
      expect(ra.calls.length).toBeGreaterThan(0);
      expect(rb.calls.length).toBeGreaterThan(0);
      expect(sa.sent + sb.sent).toBe(40);
      expect((await a.listJobs({ status: 'sent', limit: 100 })).length).toBe(40);
      // A second pass by either posts nothing.
      expect((await pass(b, rb, { owner: 'replica-b' })).sent).toBe(0);
      expect(rb.calls.length + ra.calls.length).toBe(40);
    });

    it("takes over a dead replica's jobs once its claims expire: unstarted ones are posted, started ones checked first", async () => {
      await subscribe(3);
      // A replica wrote the jobs, claimed them, started one attempt on C1 (which reached the platform), and died.
      const first = await pass(a, new FakeChatAdapter('slack'), { owner: 'probe', wallClock: () => 0, claimWindow: 1 });
      expect(first.sent).toBe(3);
      await a.pool.query("UPDATE jobs SET status = 'in-flight', message_id = NULL, attempts = 0, claim_owner = 'dead', claim_expires_at_ms = $1", [Date.now() + 60_000]);
      await a.pool.query("UPDATE jobs SET attempts = 1 WHERE channel = 'C1'");
      const survivor = new FakeChatAdapter('slack', Date.now, { findPosted: true });
      survivor.posted.set('slack:C1:talks:2025-06-02', 'already-there');
      // While the dead replica's claims hold, the survivor leaves its jobs alone and says so.
      const early = await pass(b, survivor, { owner: 'survivor' });
      expect(survivor.calls).toHaveLength(0);
      expect(early.elsewhere).toBe(3);
      // Once they expire: C0 and C2 are posted; C1 is found already posted and only marked sent.
      const late = await pass(b, survivor, { owner: 'survivor', wallClock: () => Date.now() + 61_000 });
      expect(late.sent).toBe(2);
      expect(late.recovered).toBe(1);
      expect(survivor.calls.map((c) => c.channel).sort()).toEqual(['C0', 'C2']);
      expect(await b.getJob('slack:C1:talks:2025-06-02')).toMatchObject({ status: 'sent', messageId: 'already-there' });
    });

    it('a replica that lost its claim (it stalled past the expiry, another took over) does not post', async () => {
      await subscribe(1);
      const key = 'slack:C0:talks:2025-06-02';
      // The slow replica claims the job; right before its attempt, its claim has expired and another replica took
      // the job over. A store that runs the other replica's claim just before the slow one's attempt plays that out.
      const slow = new FakeChatAdapter('slack');
      const slowStore = new Proxy(a, {
        get(target, prop, receiver) {
          if (prop !== 'startJobAttempt') return Reflect.get(target, prop, receiver) as unknown;
          return async (k: string, claim: JobClaim) => {
            const other = await b.claimJobs([k], { owner: 'other', ttlMs: 60_000, nowMs: claim.nowMs + 10_000 }, 1);
            expect(other.map((j) => j.key)).toEqual([key]);
            return target.startJobAttempt(k, claim);
          };
        },
      });
      const r = await pass(slowStore, slow, { owner: 'slow' });
      expect(slow.calls).toHaveLength(0);
      expect(r.sent).toBe(0);
      expect(await b.getJob(key)).toMatchObject({ status: 'in-flight', attempts: 0 });
    });
  });
});
