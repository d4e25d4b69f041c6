import pg from 'pg';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres-store.js';
import type { Platform } from '../../src/store/store.js';
import { jobCounts, messagesPerKey, replicaEnv, startReplica, until, type Replica } from '../../tests/delivery/replicas.js';
import { FakeDiscordApi } from '../../tests/fakes/discord-api.js';
import { FakeSlackApi } from '../../tests/fakes/slack-api.js';
import { createDatabase } from '../../tests/helpers/pg-admin.js';
import { startPgCluster, type PgCluster } from '../../tests/helpers/pg-cluster.js';
import { round, type CaseResult } from '../stats.js';
import { benchStory, SYNTH_NOW, syntheticRecords } from '../synthetic.js';

const SUBSCRIPTIONS = 1_000;
/** Discord's documented global limit; the fake answers 429 above it. */
const DISCORD_GLOBAL_PER_SECOND = 50;
/** The fake Slack answers chat.postMessage after this long, as a real API would (Slack's is typically 100-300 ms). */
const SLACK_LATENCY_MS = 150;

interface Run {
  replicas: number;
  /** First to last accepted post, as the fake platforms saw them. */
  spanSeconds: number;
  /** From the moment every replica may start to every job recorded sent. */
  wallSeconds: number;
  /** Posts each replica logged as sent. */
  perReplica: number[];
  channelsNotExactlyOne: number;
  globalViolations: number;
  slackViolations: number;
}

/**
 * 1,000 due subscriptions delivered by `sitrep start` processes (the real CLI) sharing one PostgreSQL, against the
 * fake platforms with their limits (1 post/s per channel, Discord's 50/s global), a 150 ms Slack round trip and 5%
 * HTTP 500s: one replica, then three, on fresh databases of the same server. The replicas start together: they come
 * up while the bench holds a lock on the subscriptions table, and the first pass of each begins when it lets go.
 * Two mixes: half Slack and half Discord (the shared Discord limit is the bound: 500 posts at 50/s), and Slack alone
 * (no shared limit binds: the replicas divide the work).
 * Uses DATABASE_URL when set (it needs CREATEDB), else a throwaway cluster like the tests'.
 */
export async function fanOutReplicasCase(): Promise<CaseResult> {
  let cluster: PgCluster | undefined;
  const server = process.env.DATABASE_URL ?? (cluster = await startPgCluster()).url;
  try {
    const mixed = { slack: SUBSCRIPTIONS / 2, discord: SUBSCRIPTIONS / 2 };
    const slackOnly = { slack: SUBSCRIPTIONS, discord: 0 };
    const mixedOne = await deliver(server, 1, mixed);
    const mixedThree = await deliver(server, 3, mixed);
    const slackOne = await deliver(server, 1, slackOnly);
    const slackThree = await deliver(server, 3, slackOnly);
    const runs = [mixedOne, mixedThree, slackOne, slackThree];
    const mixedRatio = round(mixedThree.spanSeconds / mixedOne.spanSeconds, 2);
    const slackRatio = round(slackThree.spanSeconds / slackOne.spanSeconds, 2);
    const boundSeconds = mixed.discord / DISCORD_GLOBAL_PER_SECOND;
    const exact = runs.every((r) => r.channelsNotExactlyOne === 0 && r.globalViolations === 0 && r.slackViolations === 0);
    return {
      target: 'exactly one message per channel with replicas sharing the platforms’ limits; three replicas no slower than one where the shared limit binds (≤ 1.15×), faster where it does not',
      pass: exact && mixedRatio <= 1.15 && slackRatio < 1,
      database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'throwaway cluster',
      mixed: { split: mixed, boundSeconds, one: mixedOne, three: mixedThree, ratioThreeToOne: mixedRatio, threeToBound: round(mixedThree.spanSeconds / boundSeconds, 2) },
      slackOnly: { split: slackOnly, one: slackOne, three: slackThree, ratioThreeToOne: slackRatio },
    };
  } finally {
    await cluster?.destroy();
  }
}

async function deliver(server: string, replicaCount: number, split: { slack: number; discord: number }): Promise<Run> {
  const db = await createDatabase(server, `bench_fanout_${replicaCount}`);
  const slack = await new FakeSlackApi({ seed: 3, minChannelIntervalMs: 1000, postLatencyMs: SLACK_LATENCY_MS }).start();
  const discord = await FakeDiscordApi.start({ seed: 3, token: 'replica-discord-token', channelLimit: { limit: 1, windowMs: 1000 }, globalPerSecond: DISCORD_GLOBAL_PER_SECOND });
  let store: PostgresStore | undefined;
  const replicas: Replica[] = [];
  try {
    store = await openPostgresStore(db.url);
    const story = benchStory();
    await store.upsertStory(story);
    await store.upsertEvents(syntheticRecords(story, 5_000));
    const expected: Array<{ platform: Platform; channel: string; key: string }> = [];
    for (const platform of ['slack', 'discord'] as const) {
      for (let i = 0; i < split[platform]; i++) {
        const channel = platform === 'slack' ? `C${String(i).padStart(6, '0')}` : String(900_000_000_000 + i);
        await store.upsertSubscription({ platform, channel, story: story.id, time: '07:00', timezone: 'UTC', days: 'daily', skipEmpty: false, createdAt: '2025-05-01T00:00:00Z' });
        expected.push({ platform, channel, key: `${platform}:${channel}:${story.id}:${SYNTH_NOW.toISOString().slice(0, 10)}` });
      }
    }
    slack.failRatio(0.05, ['chat.postMessage']);
    discord.inject({ route: 'messages', status: 500, ratio: 0.05 });

    const env = replicaEnv(db.url, slack, discord, { LOG_LEVEL: 'info', SITREP_LEASE_TTL: '10s' });
    // Hold the replicas' first pass (it reads the subscriptions) until all of them are up.
    const gate = new pg.Client({ connectionString: db.url });
    await gate.connect();
    await gate.query('BEGIN');
    await gate.query('LOCK TABLE subscriptions IN ACCESS EXCLUSIVE MODE');
    for (let i = 0; i < replicaCount; i++) replicas.push(startReplica(env, SYNTH_NOW));
    await Promise.all(replicas.map((r) => r.port()));
    await new Promise((r) => setTimeout(r, 500));
    const started = performance.now();
    await gate.query('COMMIT');
    await gate.end();
    const live = store;
    await until('every job to be sent', async () => (await jobCounts(live)).sent === expected.length, 300_000);
    const wallSeconds = (performance.now() - started) / 1000;

    const accepted = [
      ...slack.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 200 && c.error === undefined).map((c) => c.at),
      ...discord.requests.filter((r) => r.method === 'POST' && /\/messages$/.test(r.path) && r.status === 200).map((r) => r.at),
    ];
    const perKey = messagesPerKey(expected, slack, discord);
    return {
      replicas: replicaCount,
      spanSeconds: round((Math.max(...accepted) - Math.min(...accepted)) / 1000, 2),
      wallSeconds: round(wallSeconds, 2),
      perReplica: replicas.map((r) => r.sent()),
      channelsNotExactlyOne: [...perKey.values()].filter((n) => n !== 1).length,
      globalViolations: discord.rateLimitViolations.filter((v) => v.kind === 'global').length,
      slackViolations: slack.violations.length,
    };
  } finally {
    await Promise.all(replicas.map((r) => r.stop()));
    await store?.close();
    await slack.close();
    await discord.close();
    await db.drop();
  }
}
