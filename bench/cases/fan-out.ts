import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlatform as createDiscord } from '../../adapters/discord/index.js';
import { createPlatform as createSlack } from '../../adapters/slack/index.js';
import { loadConfig } from '../../src/config.js';
import type { ChatAdapter } from '../../src/delivery/chat-adapter.js';
import { deliverDue } from '../../src/delivery/deliver.js';
import { HttpRouter } from '../../src/http/router.js';
import { silentLogger } from '../../src/log.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { Platform } from '../../src/store/store.js';
import { FakeDiscordApi } from '../../tests/fakes/discord-api.js';
import { FakeSlackApi } from '../../tests/fakes/slack-api.js';
import { round, type CaseResult } from '../stats.js';
import { benchStory, SYNTH_NOW, syntheticRecords } from '../synthetic.js';

const PER_PLATFORM = 500;
/** Discord's documented global limit; the fake answers 429 above it. */
const DISCORD_GLOBAL_PER_SECOND = 50;

/**
 * 1,000 subscriptions due at the same minute (500 Slack channels, 500 Discord channels) delivered by `deliverDue`
 * (outbox, send queues, real adapters) against the fakes: 1 message/s per channel (Discord answers 429 on excess,
 * Slack's fake records every violation), Discord's 50 requests/s global limit, and 5% HTTP 500s on posts.
 * The bound is the least time the limits allow: 500 Discord posts at 50/s.
 */
export async function fanOutCase(): Promise<CaseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-fanout-'));
  const slackApi = await new FakeSlackApi({ seed: 3, minChannelIntervalMs: 1000 }).start();
  const discordApi = await FakeDiscordApi.start({ seed: 3, token: 'bench-discord-token', channelLimit: { limit: 1, windowMs: 1000 }, globalPerSecond: DISCORD_GLOBAL_PER_SECOND });
  const store = openSqliteStore(join(dir, 'fanout.db'));
  try {
    const story = benchStory();
    await store.upsertStory(story);
    store.upsertEventsSync(syntheticRecords(story, 5_000));
    const channels: Array<{ platform: Platform; channel: string }> = [];
    for (let i = 0; i < PER_PLATFORM; i++) {
      channels.push({ platform: 'slack', channel: `C${String(i).padStart(6, '0')}` });
      channels.push({ platform: 'discord', channel: String(900_000_000_000 + i) });
    }
    for (const c of channels) await store.upsertSubscription({ ...c, story: story.id, time: '07:00', timezone: 'UTC', days: 'daily', skipEmpty: false, createdAt: '2025-05-01T00:00:00Z' });

    slackApi.failRatio(0.05, ['chat.postMessage']);
    discordApi.inject({ route: 'messages', status: 500, ratio: 0.05 });

    const cfg = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-bench-fanout',
      SLACK_SIGNING_SECRET: 'bench-fanout-secret',
      SLACK_MODE: 'http',
      SLACK_API_URL: slackApi.apiUrl,
      DISCORD_TOKEN: 'bench-discord-token',
      DISCORD_APPLICATION_ID: discordApi.applicationId,
      DISCORD_MODE: 'http',
      DISCORD_PUBLIC_KEY: 'a'.repeat(64),
      DISCORD_API_URL: discordApi.url,
      LOG_LEVEL: 'silent',
    });
    if (!cfg.ok) throw new Error(cfg.errors.join('; '));
    const stories = new Map([[story.id, story]]);
    const deps = { config: cfg.config, store, logger: silentLogger(), clock: () => SYNTH_NOW, defaultStory: story, stories, http: new HttpRouter() };
    const adapters = new Map<Platform, ChatAdapter>([
      ['slack', (await createSlack(deps)).chat],
      ['discord', (await createDiscord(deps)).chat],
    ]);

    const t = performance.now();
    const summary = await deliverDue({ store, adapters, stories, now: SYNTH_NOW, logger: silentLogger() });
    const seconds = (performance.now() - t) / 1000;

    const perChannel = new Map<string, number>();
    for (const m of slackApi.messages) perChannel.set(`slack:${m.channel}`, (perChannel.get(`slack:${m.channel}`) ?? 0) + 1);
    for (const m of discordApi.messages) perChannel.set(`discord:${m.channel_id}`, (perChannel.get(`discord:${m.channel_id}`) ?? 0) + 1);
    const notExactlyOne = channels.filter((c) => perChannel.get(`${c.platform}:${c.channel}`) !== 1).length;
    const boundS = PER_PLATFORM / DISCORD_GLOBAL_PER_SECOND;
    const ratio = round(seconds / boundS, 2);
    const injected500s = slackApi.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 500).length + discordApi.requests.filter((r) => r.status === 500).length;
    const discord429s = discordApi.requests.filter((r) => r.status === 429).length;
    return {
      target: '≤ 1.1× the rate-limit bound; exactly one message per channel',
      pass: ratio <= 1.1 && notExactlyOne === 0 && summary.sent === channels.length,
      subscriptions: channels.length,
      split: { slack: PER_PLATFORM, discord: PER_PLATFORM },
      seconds: round(seconds, 2),
      boundSeconds: boundS,
      boundBasis: `${PER_PLATFORM} Discord posts at the ${DISCORD_GLOBAL_PER_SECOND}/s global limit (Slack: 1 post per channel fits in 1 s)`,
      ratioToBound: ratio,
      sent: summary.sent,
      failed: summary.failed,
      leftInFlight: summary.leftInFlight,
      channelsNotExactlyOne: notExactlyOne,
      injected500s,
      discord429sAnswered: discord429s,
      rateLimitViolations: { slack: slackApi.violations.length, discord: discordApi.rateLimitViolations.length },
    };
  } finally {
    await store.close();
    await slackApi.close();
    await discordApi.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
