import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordChatAdapter, nonceForKey } from '../../adapters/discord/chat-adapter.js';
import { limitViolations, type DiscordEmbed } from '../../adapters/discord/render-embeds.js';
import { buildBriefing } from '../../src/briefing/compose.js';
import { SendQueue } from '../../src/delivery/send-queue.js';
import { silentLogger } from '../../src/log.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { MORNING_AFTER, recordWithText, sampleBriefing, sampleRecords, sampleStory } from '../helpers/fixtures.js';

const TOKEN = 'test-bot-token-not-a-secret';
const CHANNEL = '200000000000000001';

let fake: FakeDiscordApi;
beforeAll(async () => {
  fake = await FakeDiscordApi.start({ token: TOKEN });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => fake.reset());

const adapter = () => createDiscordChatAdapter({ token: TOKEN, apiUrl: fake.url, logger: silentLogger() });
const posts = () => fake.requestsTo('POST', /^\/channels\/\d+\/messages$/);

describe('Discord chat adapter (against the fake REST API)', () => {
  it('posts a briefing as ONE message with embeds within every limit and no mentions', async () => {
    const briefing = buildBriefing({ story: sampleStory(), events: sampleRecords(), signals: [], now: MORNING_AFTER });
    const outcome = await adapter().postBriefing(CHANNEL, briefing, { key: 'discord:200000000000000001:ukraine-ceasefire:2025-05-20' });
    expect(outcome).toEqual({ ok: true, messageId: fake.messages[0]?.id });
    expect(posts()).toHaveLength(1);
    const body = posts()[0]!.body as { content: string; embeds: DiscordEmbed[]; allowed_mentions: { parse: string[] }; nonce: string; enforce_nonce: boolean };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(limitViolations({ content: body.content, embeds: body.embeds })).toEqual([]);
    expect(body.embeds.length).toBeGreaterThanOrEqual(1);
    expect(body.nonce.length).toBeLessThanOrEqual(25);
    expect(body.enforce_nonce).toBe(true);
    expect(posts()[0]!.headers.authorization).toBe(`Bot ${TOKEN}`);
  });

  it('a resend with the same outbox key returns the same message instead of a second one', async () => {
    const a = adapter();
    const key = 'discord:200000000000000001:ukraine-ceasefire:2025-05-21';
    const first = await a.postBriefing(CHANNEL, sampleBriefing(), { key });
    const second = await a.postBriefing(CHANNEL, sampleBriefing(), { key });
    expect(first.ok && second.ok && first.messageId === second.messageId).toBe(true);
    expect(fake.messagesIn(CHANNEL)).toHaveLength(1);
    expect(nonceForKey(key)).toBe(nonceForKey(key));
    expect(nonceForKey(key)).not.toBe(nonceForKey(`${key}x`));
  });

  it('keeps @everyone, <@123> and <@&456> verbatim in the payload but allows no mentions', async () => {
    const text = 'Officials told @everyone <@123> <@&456> that talks would resume.';
    const briefing = buildBriefing({ story: sampleStory(), events: [recordWithText(text)], signals: [], now: MORNING_AFTER });
    const outcome = await adapter().postBriefing(CHANNEL, briefing);
    expect(outcome.ok).toBe(true);
    const body = posts()[0]!.body as { allowed_mentions: unknown; embeds: DiscordEmbed[] };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds[0]!.description).toContain('@everyone <@123> <@&456>');
  });

  it('429 then 200 → exactly one message, after waiting retry_after (through the send queue)', async () => {
    fake.rateLimitNext(1, 0.05);
    const a = adapter();
    const queue = new SendQueue('discord');
    const outcomes: string[] = [];
    const result = await queue.send(CHANNEL, async () => {
      const o = await a.postBriefing(CHANNEL, sampleBriefing(), { key: 'k-429' });
      outcomes.push(o.ok ? 'ok' : o.kind);
      return o;
    });
    expect(outcomes).toEqual(['rate-limited', 'ok']);
    expect(result.outcome.ok).toBe(true);
    expect(fake.messagesIn(CHANNEL)).toHaveLength(1);
    expect(posts()).toHaveLength(2);
  });

  it('classifies a 429 body: retry_after seconds (float) → ms, and the global flag', async () => {
    fake.rateLimitNext(1, 1.25, true);
    const outcome = await adapter().postBriefing(CHANNEL, sampleBriefing());
    expect(outcome).toMatchObject({ ok: false, kind: 'rate-limited', retryAfterMs: 1250, global: true });
  });

  it('does not call Discord while the channel bucket it was told about is exhausted', async () => {
    await fake.close();
    fake = await FakeDiscordApi.start({ token: TOKEN, channelLimit: { limit: 1, windowMs: 60_000 } });
    const a = adapter();
    expect((await a.postBriefing(CHANNEL, sampleBriefing())).ok).toBe(true);
    const second = await a.postBriefing(CHANNEL, sampleBriefing());
    expect(second).toMatchObject({ ok: false, kind: 'rate-limited' });
    expect(second.ok === false && second.kind === 'rate-limited' && second.retryAfterMs > 1000).toBe(true);
    expect(posts()).toHaveLength(1);
    expect(fake.rateLimitViolations).toEqual([]);
    // Another channel has its own bucket.
    expect((await a.postBriefing('200000000000000009', sampleBriefing())).ok).toBe(true);
    await fake.close();
    fake = await FakeDiscordApi.start({ token: TOKEN });
  });

  it('Missing Access, Unknown Channel and Missing Permissions → channel-unavailable', async () => {
    fake.denyChannel('300000000000000001', 'missing-access');
    fake.denyChannel('300000000000000002', 'unknown-channel');
    fake.denyChannel('300000000000000003', 'missing-permissions');
    const a = adapter();
    for (const ch of ['300000000000000001', '300000000000000002', '300000000000000003']) {
      const outcome = await a.postBriefing(ch, sampleBriefing());
      expect(outcome).toMatchObject({ ok: false, kind: 'channel-unavailable' });
    }
    const first = await a.postBriefing('300000000000000001', sampleBriefing());
    expect(first.ok === false && first.error).toContain('Missing Access');
    expect(fake.messages).toHaveLength(0);
  });

  it('5xx and network errors → transient; 401 and bad ids → permanent; the token never shows', async () => {
    fake.inject({ route: 'messages', status: 502 });
    expect(await adapter().postBriefing(CHANNEL, sampleBriefing())).toMatchObject({ ok: false, kind: 'transient' });

    const wrong = createDiscordChatAdapter({ token: 'wrong-token-value', apiUrl: fake.url, logger: silentLogger() });
    const denied = await wrong.postBriefing(CHANNEL, sampleBriefing());
    expect(denied).toMatchObject({ ok: false, kind: 'permanent' });
    expect(JSON.stringify(denied)).not.toContain('wrong-token-value');

    expect(await adapter().postBriefing('general', sampleBriefing())).toMatchObject({ ok: false, kind: 'permanent' });
    const noToken = createDiscordChatAdapter({ apiUrl: fake.url, logger: silentLogger() });
    expect(await noToken.postBriefing(CHANNEL, sampleBriefing())).toMatchObject({ ok: false, kind: 'permanent' });

    const gone = createDiscordChatAdapter({ token: TOKEN, apiUrl: 'http://127.0.0.1:9/api', logger: silentLogger(), timeoutMs: 2000 });
    const net = await gone.postBriefing(CHANNEL, sampleBriefing());
    expect(net).toMatchObject({ ok: false, kind: 'transient' });
    expect(JSON.stringify(net)).not.toContain(TOKEN);
  });

  it('stays under the global limit when many channels are posted to at once', async () => {
    await fake.close();
    fake = await FakeDiscordApi.start({ token: TOKEN, globalPerSecond: 50 });
    const a = adapter();
    const channels = Array.from({ length: 55 }, (_, i) => `4000000000000${String(i).padStart(5, '0')}`);
    const outcomes = await Promise.all(channels.map((ch) => a.postBriefing(ch, sampleBriefing())));
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(fake.rateLimitViolations).toEqual([]);
  });
});
