import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nonceForKey } from '../../adapters/discord/chat-adapter.js';
import { createPlatform as createDiscord } from '../../adapters/discord/index.js';
import { createPlatform as createSlack } from '../../adapters/slack/index.js';
import { briefingFromStore } from '../../src/briefing/service.js';
import { loadConfig } from '../../src/config.js';
import type { ChatAdapter } from '../../src/delivery/chat-adapter.js';
import { deliverDue } from '../../src/delivery/deliver.js';
import { isoDate, localDateTime } from '../../src/delivery/zoned-time.js';
import { HttpRouter } from '../../src/http/router.js';
import { silentLogger } from '../../src/log.js';
import type { Story } from '../../src/records/schema.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import type { Platform } from '../../src/store/store.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { deliveryStory, record } from './story-fixture.js';

// 07:00 in Kyiv on 2025-06-02 (EEST); 00:00 in New York, 09:30 in Kolkata, 15:45 in Chatham.
const NOW = new Date('2025-06-02T04:00:00Z');
const ZONES = ['Europe/Kyiv', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'];

let slackApi: FakeSlackApi;
let discordApi: FakeDiscordApi;
let store: SqliteStore;

beforeAll(async () => {
  slackApi = await new FakeSlackApi({ seed: 7 }).start();
  discordApi = await FakeDiscordApi.start({ seed: 7, token: 'fake-discord-token' });
  store = openSqliteStore(':memory:');
});
afterAll(async () => {
  await store?.close();
  await slackApi?.close();
  await discordApi?.close();
});

function stories(): Map<string, Story> {
  const talks = deliveryStory();
  const summit: Story = { ...deliveryStory(), id: 'summit', title: 'Leaders summit' };
  return new Map([
    [talks.id, talks],
    [summit.id, summit],
  ]);
}

async function realAdapters(all: Map<string, Story>, st: SqliteStore = store): Promise<Map<Platform, ChatAdapter>> {
  const loaded = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-fake-token',
    SLACK_SIGNING_SECRET: 'fake-signing-secret',
    SLACK_MODE: 'http',
    SLACK_API_URL: slackApi.apiUrl,
    DISCORD_TOKEN: 'fake-discord-token',
    DISCORD_APPLICATION_ID: discordApi.applicationId,
    DISCORD_MODE: 'http',
    DISCORD_PUBLIC_KEY: 'a'.repeat(64),
    DISCORD_API_URL: discordApi.url,
    LOG_LEVEL: 'silent',
  });
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  const talks = all.get('talks');
  if (!talks) throw new Error('no story');
  const deps = { config: loaded.config, store: st, logger: silentLogger(), clock: () => NOW, defaultStory: talks, stories: all, http: new HttpRouter() };
  return new Map<Platform, ChatAdapter>([
    ['slack', (await createSlack(deps)).chat],
    ['discord', (await createDiscord(deps)).chat],
  ]);
}

describe('fan-out through the real adapters against faulty, rate-limited fakes', () => {
  it('200 subscriptions due at once: each gets exactly one message, no rate-limit violations', async () => {
    const all = stories();
    for (const s of all.values()) await store.upsertStory(s);
    await store.upsertEvents([record('e1', '2025-06-01T12:00:00Z', 'Delegations arrived in Istanbul.')]);

    // Per platform: 80 channels with one subscription and 10 channels with two (two stories) = 100 subscriptions.
    const expected: Array<{ platform: Platform; channel: string; key: string }> = [];
    for (const platform of ['slack', 'discord'] as const) {
      for (let i = 0; i < 90; i++) {
        const channel = platform === 'slack' ? `C${String(i).padStart(4, '0')}` : String(900_000_000_000 + i);
        const storiesHere = i < 10 ? ['talks', 'summit'] : ['talks'];
        // Four zones, each subscribed at its own local time of NOW, so all 200 are due at once.
        const timezone = ZONES[i % ZONES.length] ?? 'UTC';
        const local = localDateTime(NOW.getTime(), timezone);
        const time = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
        for (const story of storiesHere) {
          await store.upsertSubscription({ platform, channel, story, time, timezone, days: 'daily', skipEmpty: false, createdAt: '2025-05-01T00:00:00Z' });
          expected.push({ platform, channel, key: `${platform}:${channel}:${story}:${isoDate(local)}` });
        }
      }
    }
    expect(expected).toHaveLength(200);

    slackApi.rateLimitRatio(0.1, 1, ['chat.postMessage']);
    slackApi.failRatio(0.05, ['chat.postMessage']);
    discordApi.inject({ route: 'messages', status: 429, ratio: 0.1, retryAfter: 1 });
    discordApi.inject({ route: 'messages', status: 500, ratio: 0.05 });

    const adapters = await realAdapters(all);

    const summary = await deliverDue({ store, adapters, stories: all, now: NOW, logger: silentLogger(), catchupMaxMs: 7_200_000, queueOptions: { backoffBaseMs: 100, backoffCapMs: 1000 } });
    expect(summary.due).toBe(200);
    expect(summary.failed).toBe(0);
    expect(summary.sent).toBe(200);

    // The faults really happened (otherwise this test proves little).
    expect(slackApi.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 429).length).toBeGreaterThan(0);
    expect(slackApi.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 500).length).toBeGreaterThan(0);
    expect(discordApi.requests.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    expect(discordApi.requests.filter((r) => r.status === 500).length).toBeGreaterThan(0);

    // Exactly one message per subscription, identified by the outbox key the adapters embed.
    const slackKeys = slackApi.messages.map((m) => m.metadata?.event_payload.key);
    const discordNonces = discordApi.messages.map((m) => m.nonce);
    for (const e of expected) {
      if (e.platform === 'slack') expect(slackKeys.filter((k) => k === e.key)).toHaveLength(1);
      else expect(discordNonces.filter((n) => n === nonceForKey(e.key))).toHaveLength(1);
    }
    expect(slackApi.messages).toHaveLength(100);
    expect(discordApi.messages).toHaveLength(100);
    // No channel got more messages than it has subscriptions.
    for (let i = 0; i < 90; i++) {
      const want = i < 10 ? 2 : 1;
      expect(slackApi.messages.filter((m) => m.channel === `C${String(i).padStart(4, '0')}`)).toHaveLength(want);
      expect(discordApi.messagesIn(String(900_000_000_000 + i))).toHaveLength(want);
    }
    expect(slackApi.violations).toEqual([]);
    expect(discordApi.rateLimitViolations).toEqual([]);

    const jobs = await store.listJobs({ status: 'sent', limit: 1000 });
    expect(jobs).toHaveLength(200);

    // A second pass at the same instant posts nothing.
    const again = await deliverDue({ store, adapters, stories: all, now: NOW, logger: silentLogger(), catchupMaxMs: 7_200_000 });
    expect(again.due).toBe(0);
    expect(slackApi.messages).toHaveLength(100);
    expect(discordApi.messages).toHaveLength(100);
  });
});

describe('crash recovery through the real adapters', () => {
  it('a post that reached Slack and Discord before the crash is not posted again', async () => {
    slackApi.clearFaults();
    slackApi.reset();
    discordApi.reset();
    const all = stories();
    const store = openSqliteStore(':memory:'); // fresh: the fan-out's subscriptions would be due again today
    await store.upsertStory(deliveryStory());
    const adapters = await realAdapters(all, store);
    const crashNow = new Date('2025-06-03T04:00:00Z'); // the next day, 07:00 Kyiv
    const subs = [
      { platform: 'slack' as const, channel: 'CRASH1' },
      { platform: 'discord' as const, channel: '800000000000000001' },
    ];
    for (const s of subs) {
      await store.upsertSubscription({ ...s, story: 'talks', time: '07:00', timezone: 'Europe/Kyiv', days: 'daily', skipEmpty: false, createdAt: '2025-05-01T00:00:00Z' });
      const key = `${s.platform}:${s.channel}:talks:2025-06-03`;
      // The crashed process: job written, attempt counted, message posted, then it died before marking it sent.
      await store.createJob({ key, subscriptionId: null, platform: s.platform, channel: s.channel, story: 'talks', dueAt: crashNow.toISOString() }, crashNow.toISOString());
      await store.incrementJobAttempts(key, crashNow.toISOString());
      const talks = all.get('talks');
      if (!talks) throw new Error('no story');
      const adapter = adapters.get(s.platform);
      const first = await adapter?.postBriefing(s.channel, await briefingFromStore(store, { story: talks, now: crashNow }), { key });
      expect(first?.ok).toBe(true);
    }
    expect(slackApi.messages).toHaveLength(1);
    expect(discordApi.messages).toHaveLength(1);

    const later = new Date(crashNow.getTime() + 5 * 60_000);
    const r = await deliverDue({ store, adapters, stories: all, now: later, logger: silentLogger(), catchupMaxMs: 7_200_000 });
    expect(slackApi.messages).toHaveLength(1);
    expect(discordApi.messages).toHaveLength(1);
    const slackJob = await store.getJob('slack:CRASH1:talks:2025-06-03');
    const discordJob = await store.getJob('discord:800000000000000001:talks:2025-06-03');
    expect(slackJob).toMatchObject({ status: 'sent', messageId: slackApi.messages[0]?.ts });
    expect(discordJob).toMatchObject({ status: 'sent', messageId: discordApi.messages[0]?.id });
    // Slack was resolved by reading history; Discord by resending with the same nonce (deduplicated by Discord).
    expect(slackApi.callsOf('conversations.history').length).toBeGreaterThan(0);
    expect(r.deliveries.find((d) => d.platform === 'slack' && d.channel === 'CRASH1')?.outcome).toBe('recovered');
    await store.close();
  });
});
