import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDate, localDateTime } from '../../src/delivery/zoned-time.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres-store.js';
import type { Platform } from '../../src/store/store.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { createDatabase } from '../helpers/pg.js';
import { findPostgresBin, startPgCluster, type PgCluster } from '../helpers/pg-cluster.js';
import { jobCounts, messagesPerKey, replicaEnv, startReplica, until, type Replica } from './replicas.js';

const NOW = new Date('2025-06-02T04:00:00Z');
const SPLIT = { slack: 100, discord: 200 } as const;
const STORY = 'ukraine-ceasefire';

async function readyz(port: number): Promise<number> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(5_000) })).status;
  } catch {
    return 0;
  }
}

/** A signed `/sitrep <text>` to a replica's Slack endpoint; the answer goes to the fake's response_url `id`. */
async function slashCommand(port: number, slack: FakeSlackApi, text: string, id: string): Promise<number> {
  const body = new URLSearchParams({
    team_id: 'T0001',
    channel_id: 'C00001',
    user_id: 'U777',
    command: '/sitrep',
    text,
    api_app_id: 'A0001',
    response_url: slack.responseUrl(id),
    trigger_id: '1.2.3',
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const sig = `v0=${createHmac('sha256', 'replica-test-signing-secret').update(`v0:${ts}:${body}`).digest('hex')}`;
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig },
    body,
  });
  await res.text();
  return res.status;
}

/** What a replica answered to a slash command: the ack's body, or what it sent to the response_url. */
async function answerText(slack: FakeSlackApi, id: string): Promise<string> {
  await slack.waitFor((api) => api.callsOf('response_url').some((c) => c.path.endsWith(`/${id}`)), 15_000);
  return JSON.stringify(slack.callsOf('response_url').filter((c) => c.path.endsWith(`/${id}`)).map((c) => c.body));
}

// Restarting needs a cluster of our own (restarting the shared one would cut every other test file's connections).
const canRun = findPostgresBin() !== undefined || process.env.CI === 'true';

describe('the database restarted mid-delivery', () => {
  if (!canRun) {
    it.todo('NOT RUN: restarting a database needs PostgreSQL binaries (initdb, pg_ctl)');
    return;
  }
  let cluster: PgCluster;
  let url: string;
  let store: PostgresStore;
  let slack: FakeSlackApi;
  let discord: FakeDiscordApi;
  const replicas: Replica[] = [];

  beforeAll(async () => {
    cluster = await startPgCluster();
    url = (await createDatabase(cluster.url, 'restart')).url;
    store = await openPostgresStore(url);
    slack = await new FakeSlackApi({ seed: 5 }).start();
    discord = await FakeDiscordApi.start({ seed: 5, token: 'replica-discord-token' });
  }, 60_000);
  afterAll(async () => {
    for (const r of replicas) r.child.kill('SIGKILL');
    await store?.close();
    await slack?.close();
    await discord?.close();
    await cluster?.destroy();
  });

  it('two replicas ride out a PostgreSQL stop and start: /readyz is 503 meanwhile, then nothing is lost and nothing doubled', async () => {
    const expected: Array<{ platform: Platform; channel: string; key: string }> = [];
    const local = localDateTime(NOW.getTime(), 'Europe/Kyiv');
    for (const platform of ['slack', 'discord'] as const) {
      for (let i = 0; i < SPLIT[platform]; i++) {
        const channel = platform === 'slack' ? `C${String(i).padStart(5, '0')}` : String(920_000_000_000 + i);
        await store.upsertSubscription({ platform, channel, story: STORY, time: '07:00', timezone: 'Europe/Kyiv', days: 'daily', skipEmpty: false, createdAt: '2025-05-01T00:00:00Z' });
        expected.push({ platform, channel, key: `${platform}:${channel}:${STORY}:${isoDate(local)}` });
      }
    }
    const env = replicaEnv(url, slack, discord);
    replicas.push(startReplica(env, NOW), startReplica(env, NOW));
    const port = await replicas[0]!.port();
    expect(await readyz(port)).toBe(200);

    await until('delivery to be under way', () => slack.messages.length + discord.messages.length >= 60, 60_000);
    await cluster.stop('fast');
    const postedBeforeStop = slack.messages.length + discord.messages.length;
    // Down: not ready (a load balancer stops sending traffic), but alive, and delivery waits instead of failing.
    // Generous: on a loaded 2-core machine the replicas' event loops and the fast shutdown itself can take seconds.
    await until('/readyz to turn 503', async () => (await readyz(port)) === 503, 45_000);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    // Still answering what it can: help needs no data; a briefing gets a short apology instead of silence.
    expect(await slashCommand(port, slack, 'help', 'help-during-outage')).toBe(200);
    expect(await answerText(slack, 'help-during-outage')).toContain('/sitrep');
    expect(await slashCommand(port, slack, 'brief', 'brief-during-outage')).toBe(200);
    expect(await answerText(slack, 'brief-during-outage')).toMatch(/couldn't build the briefing/);
    await new Promise((r) => setTimeout(r, 2_000));
    await cluster.start();
    await until('/readyz to turn 200 again', async () => (await readyz(port)) === 200, 30_000);

    await until('every job to be sent', async () => (await jobCounts(store).catch(() => ({} as Record<string, number>))).sent === expected.length, 90_000);
    const perKey = messagesPerKey(expected, slack, discord);
    expect([...perKey].filter(([, n]) => n !== 1)).toEqual([]);
    expect(slack.messages).toHaveLength(SPLIT.slack);
    expect(discord.messages).toHaveLength(SPLIT.discord);
    expect(await jobCounts(store)).toEqual({ sent: expected.length });
    expect(postedBeforeStop).toBeLessThan(expected.length);
    // The replicas saw the outage (and said so), then carried on.
    expect(replicas.some((r) => /unavailable|connection/i.test(r.output()))).toBe(true);
    for (const r of replicas) {
      const run = await r.stop();
      expect(run.code, `a replica's exit, after: ${r.output().slice(-3000)}`).toBe(0);
    }
  }, 180_000);
});
