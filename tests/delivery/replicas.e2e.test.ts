import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDate, localDateTime } from '../../src/delivery/zoned-time.js';
import type { PostgresStore } from '../../src/store/postgres-store.js';
import type { Platform } from '../../src/store/store.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { createDatabase, freshPostgresStore, withPostgres } from '../helpers/pg.js';
import { jobCounts, messagesPerKey, replicaEnv, startReplica, until, type Replica } from './replicas.js';

// 07:00 in Kyiv; the replicas run with this fixed clock, so every pass sees the same 1,000 due briefings.
const NOW = new Date('2025-06-02T04:00:00Z');
/** 1,000 subscriptions: Discord's global limit (45/s shared across replicas) makes its share the long pole (about 9 s). */
const SPLIT = { slack: 600, discord: 400 } as const;
const STORY = 'ukraine-ceasefire';

withPostgres('three replicas on one PostgreSQL', (server) => {
  describe('three replicas on one PostgreSQL deliver 1,000 due briefings exactly once', () => {
    let db: Awaited<ReturnType<typeof createDatabase>>;
    let store: PostgresStore;
    let slack: FakeSlackApi;
    let discord: FakeDiscordApi;
    const replicas: Replica[] = [];

    beforeAll(async () => {
      db = await createDatabase(server, 'replicas');
      store = await freshPostgresStore(db.url);
      slack = await new FakeSlackApi({ seed: 11 }).start();
      discord = await FakeDiscordApi.start({ seed: 11, token: 'replica-discord-token' });
    });
    afterAll(async () => {
      for (const r of replicas) r.child.kill('SIGKILL');
      await store?.close();
      await slack?.close();
      await discord?.close();
      await db?.drop();
    });

    it('with 429s and 500s from both platforms and one replica SIGKILLed mid-delivery: every channel gets exactly one message', async () => {
      const expected: Array<{ platform: Platform; channel: string; key: string }> = [];
      const local = localDateTime(NOW.getTime(), 'Europe/Kyiv');
      for (const platform of ['slack', 'discord'] as const) {
        for (let i = 0; i < SPLIT[platform]; i++) {
          const channel = platform === 'slack' ? `C${String(i).padStart(5, '0')}` : String(910_000_000_000 + i);
          await store.upsertSubscription({ platform, channel, story: STORY, time: '07:00', timezone: 'Europe/Kyiv', days: 'daily', skipEmpty: false, createdAt: '2025-05-01T00:00:00Z' });
          expected.push({ platform, channel, key: `${platform}:${channel}:${STORY}:${isoDate(local)}` });
        }
      }
      slack.rateLimitRatio(0.05, 1, ['chat.postMessage']);
      slack.failRatio(0.05, ['chat.postMessage']);
      discord.inject({ route: 'messages', status: 429, ratio: 0.05, retryAfter: 1 });
      discord.inject({ route: 'messages', status: 500, ratio: 0.05 });

      const env = replicaEnv(db.url, slack, discord);
      for (let i = 0; i < 3; i++) replicas.push(startReplica(env, NOW));
      const [victim, ...survivors] = replicas as [Replica, Replica, Replica];

      // Kill one replica in the middle: once a fair share has been posted, while it holds claims on jobs in flight.
      const victimPid = victim.child.pid;
      const heldByVictim = async () =>
        (
          await store.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE status = 'in-flight' AND claim_owner LIKE $1", [`%-${victimPid}-%`])
        ).rows[0]?.n ?? 0;
      await until('the victim to hold claims mid-delivery', async () => slack.messages.length + discord.messages.length >= 250 && (await heldByVictim()) > 0, 60_000);
      const held = await heldByVictim();
      victim.child.kill('SIGKILL');
      const killed = await victim.done;
      expect(killed.signal).toBe('SIGKILL');
      expect(held).toBeGreaterThan(0);
      expect(expected).toHaveLength(1000);

      // The survivors finish, taking over the victim's jobs once its 2 s claims expire.
      await until('every job to be sent', async () => (await jobCounts(store)).sent === expected.length, 90_000).catch(async (err: unknown) => {
        // Say what is left and what the replicas last said about it.
        const failures = replicas.flatMap((r) => r.output().split('\n').filter((l) => l.includes('"outcome":"failed"')).slice(-3));
        throw new Error(`${String(err)}; jobs ${JSON.stringify(await jobCounts(store))}; last failures: ${failures.join(' | ').slice(0, 2000)}`);
      });

      const perKey = messagesPerKey(expected, slack, discord);
      const wrong = [...perKey].filter(([, n]) => n !== 1);
      expect(wrong).toEqual([]);
      expect(slack.messages).toHaveLength(SPLIT.slack);
      expect(discord.messages).toHaveLength(SPLIT.discord);
      expect(await jobCounts(store)).toEqual({ sent: expected.length });

      // The faults really happened, and the replicas shared the work.
      expect(slack.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 429).length).toBeGreaterThan(0);
      expect(slack.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 500).length).toBeGreaterThan(0);
      expect(discord.requests.filter((r) => r.status === 429).length).toBeGreaterThan(0);
      expect(discord.requests.filter((r) => r.status === 500).length).toBeGreaterThan(0);
      for (const r of replicas) expect(r.sent()).toBeGreaterThan(0);
      // Discord's global limit held across the replicas (the fake counts requests over 50/s), and Slack's per-channel pace.
      expect(discord.rateLimitViolations.filter((v) => v.kind === 'global')).toEqual([]);
      expect(slack.violations).toEqual([]);

      for (const r of survivors) {
        const run = await r.stop();
        expect(run.code).toBe(0);
      }
    }, 150_000);
  });
});
