import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform } from '../../adapters/discord/index.js';
import { limitViolations, type DiscordEmbed } from '../../adapters/discord/render-embeds.js';
import { HttpRouter } from '../../src/http/router.js';
import type { PlatformRuntime } from '../../src/platform.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { tempStore } from '../helpers/fixtures.js';
import { CHANNEL, autocompletePayload, commandPayload, discordConfig, platformDeps, postInteraction, slowStore, testKeyPair } from './harness.js';

interface InteractionReply {
  type: number;
  data?: { content?: string; embeds?: DiscordEmbed[]; allowed_mentions?: { parse: string[] }; flags?: number; choices?: Array<{ name: string; value: string }> };
}

const keys = testKeyPair();
let fake: FakeDiscordApi;
let router: HttpRouter;
let base: string;
let runtime: PlatformRuntime;
let cleanup: () => Promise<void>;
let store: Awaited<ReturnType<typeof tempStore>>['store'];

beforeAll(async () => {
  fake = await FakeDiscordApi.start();
  const t = await tempStore();
  store = t.store;
  cleanup = t.cleanup;
  router = new HttpRouter();
  const config = discordConfig({ DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_API_URL: fake.url });
  runtime = createPlatform(platformDeps(config, store, router));
  await runtime.start();
  base = `http://127.0.0.1:${await router.listen(0, '127.0.0.1')}`;
});

afterAll(async () => {
  await runtime.stop();
  await router.close();
  await fake.close();
  await cleanup();
});

const send = async (payload: unknown) => {
  const r = await postInteraction(base, JSON.stringify(payload), { privateKey: keys.privateKey });
  return { status: r.status, reply: r.json as InteractionReply };
};

describe('Discord HTTP interactions endpoint', () => {
  it('is ready without any gateway connection', () => {
    expect(runtime.isReady()).toBe(true);
  });

  it('answers PING with PONG', async () => {
    const { status, reply } = await send({ id: '1', application_id: '100000000000000001', type: 1, token: 't', version: 1 });
    expect(status).toBe(200);
    expect(reply).toEqual({ type: 1 });
  });

  it('refuses bad, missing and malformed signatures with 401', async () => {
    const body = JSON.stringify({ id: '1', application_id: '100000000000000001', type: 1, token: 't' });
    const other = testKeyPair();
    expect((await postInteraction(base, body, { privateKey: other.privateKey })).status).toBe(401);
    expect((await postInteraction(base, body)).status).toBe(401);
    expect((await postInteraction(base, body, { signature: 'zz' })).status).toBe(401);
    // A valid signature with a fresh timestamp verifies; one from long ago is a replay.
    const now = String(Math.floor(Date.now() / 1000));
    expect((await postInteraction(base, body, { privateKey: keys.privateKey, timestamp: now })).status).toBe(200);
    expect((await postInteraction(base, body, { privateKey: keys.privateKey, timestamp: '1' })).status).toBe(401);
    // A valid signature over a different timestamp does not verify either.
    const { sign } = await import('node:crypto');
    const sig = sign(null, Buffer.from(`${now}${body}`), keys.privateKey).toString('hex');
    expect((await postInteraction(base, body, { signature: sig, timestamp: String(Number(now) - 1) })).status).toBe(401);
  });

  it('refuses malformed JSON (400), non-interactions (400) and oversized bodies (413)', async () => {
    expect((await postInteraction(base, '{not json', { privateKey: keys.privateKey })).status).toBe(400);
    expect((await postInteraction(base, JSON.stringify({ hello: 'world' }), { privateKey: keys.privateKey })).status).toBe(400);
    const big = JSON.stringify({ ...commandPayload('sitrep', 'brief'), padding: 'x'.repeat(200_000) });
    expect((await postInteraction(base, big, { privateKey: keys.privateKey })).status).toBe(413);
  });

  it('/sitrep brief → a public reply with the briefing embed and no mentions', async () => {
    const { status, reply } = await send(commandPayload('sitrep', 'brief'));
    expect(status).toBe(200);
    expect(reply.type).toBe(4);
    expect(reply.data?.allowed_mentions).toEqual({ parse: [] });
    expect(reply.data?.flags).toBeUndefined();
    const embed = reply.data?.embeds?.[0];
    expect(embed?.title).toBe('Russia–Ukraine ceasefire talks');
    expect(limitViolations({ content: reply.data?.content ?? '', embeds: reply.data?.embeds ?? [] })).toEqual([]);
  });

  it('/sitrep brief question:territory → that question in detail', async () => {
    const { reply } = await send(commandPayload('sitrep', 'brief', { question: 'territory' }));
    expect(reply.type).toBe(4);
    expect(reply.data?.embeds?.[0]?.title).toMatch(/^Territory: /);
  });

  it('/sitrep questions and /sitrep help answer', async () => {
    const q = await send(commandPayload('sitrep', 'questions'));
    expect(q.reply.data?.embeds?.[0]?.fields?.map((f) => f.name).join(' ')).toContain('Territory');
    const h = await send(commandPayload('sitrep', 'help'));
    expect(h.reply.data?.flags).toBe(64);
    expect(h.reply.data?.content).toContain('/sitrep subscribe');
  });

  it('autocomplete offers ≤ 25 matching question and time zone choices', async () => {
    const q = await send(autocompletePayload('sitrep', 'brief', 'question', 'terr'));
    expect(q.reply.type).toBe(8);
    expect(q.reply.data?.choices).toEqual([{ name: 'Territory (territory)', value: 'territory' }]);
    const tz = await send(autocompletePayload('sitrep-admin', 'subscribe', 'timezone', 'europe/'));
    const choices = tz.reply.data?.choices ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.every((c) => c.value.startsWith('Europe/'))).toBe(true);
    const all = await send(autocompletePayload('sitrep-admin', 'subscribe', 'timezone', ''));
    expect(all.reply.data?.choices?.length).toBe(25);
  });

  it.each([
    ['sitrep', 'brief', { question: 'no-such-question' }, /Unknown question/],
    ['sitrep', 'brief', { since: 'yesterday-ish' }, /not a time span/],
    ['sitrep', 'brief', { since: '2999-01-01' }, /future/],
    ['sitrep-admin', 'subscribe', { time: '25:99' }, /not a time/],
    ['sitrep-admin', 'subscribe', { time: '07:00', timezone: 'Mars/Olympus_Mons' }, /not an IANA time zone/],
    ['sitrep-admin', 'subscribe', { time: '07:00', days: 'someday' }, /not a day list/],
    // Under /sitrep, subscribing needs the member's own Manage Channels permission (the test member has none).
    ['sitrep', 'subscribe', { time: '07:00' }, /permission to manage this channel/],
    ['sitrep-admin', 'brief', {}, /not a sitrep command/],
  ] as const)('%s %s %o → an ephemeral error', async (command, sub, options, message) => {
    const { reply } = await send(commandPayload(command, sub, options));
    expect(reply.type).toBe(4);
    expect(reply.data?.flags).toBe(64);
    expect(reply.data?.content).toMatch(message);
    expect(reply.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('/sitrep subscribe works for a member with Manage Channels (or Administrator)', async () => {
    const manager = (perm: string) => ({ member: { user: { id: '500000000000000002', username: 'mod', discriminator: '0', global_name: 'Mod', avatar: null }, permissions: perm, roles: [], joined_at: '2025-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 } });
    const sub = await send(commandPayload('sitrep', 'subscribe', { time: '06:45', timezone: 'Europe/Kyiv' }, manager('16')));
    expect(sub.reply.data?.content).toMatch(/Subscribed/);
    expect(sub.reply.data?.flags).toBe(64);
    expect(await store.listSubscriptions({ platform: 'discord', channel: CHANNEL })).toMatchObject([{ time: '06:45', createdBy: '500000000000000002' }]);
    const un = await send(commandPayload('sitrep', 'unsubscribe', {}, manager('8')));
    expect(un.reply.data?.content).toMatch(/Unsubscribed/);
  });

  it('/sitrep-admin subscribe and unsubscribe change the channel, ephemerally', async () => {
    const sub = await send(commandPayload('sitrep-admin', 'subscribe', { time: '07:30', timezone: 'Europe/Berlin', days: 'weekdays' }));
    expect(sub.reply.data?.flags).toBe(64);
    expect(sub.reply.data?.content).toMatch(/Subscribed/);
    expect(sub.reply.data?.content).toContain('/sitrep unsubscribe');
    const subs = await store.listSubscriptions({ platform: 'discord', channel: CHANNEL });
    expect(subs).toMatchObject([{ time: '07:30', timezone: 'Europe/Berlin', days: 'weekdays', createdBy: '500000000000000001' }]);
    const list = await send(commandPayload('sitrep', 'subscriptions'));
    expect(list.reply.data?.flags).toBe(64);
    const un = await send(commandPayload('sitrep-admin', 'unsubscribe'));
    expect(un.reply.data?.flags).toBe(64);
    expect(await store.listSubscriptions({ platform: 'discord', channel: CHANNEL })).toEqual([]);
  });
});

describe('Discord HTTP interactions: slow answers', () => {
  it('defers (type 5) and then edits the original message through the webhook', async () => {
    const fakeApi = await FakeDiscordApi.start();
    const t = await tempStore();
    const http = new HttpRouter();
    const config = discordConfig({ DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_API_URL: fakeApi.url });
    const rt = createPlatform(platformDeps(config, slowStore(t.store, 30), http), { deferAfterMs: 5 });
    await rt.start();
    const url = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
    try {
      const payload = commandPayload('sitrep', 'brief');
      const r = await postInteraction(url, JSON.stringify(payload), { privateKey: keys.privateKey });
      expect(r.json).toEqual({ type: 5, data: {} });
      await rt.stop();
      expect(fakeApi.webhookEdits).toHaveLength(1);
      const edit = fakeApi.webhookEdits[0]!;
      expect(edit).toMatchObject({ applicationId: payload.application_id, token: payload.token, messageId: '@original' });
      expect(edit.body).toMatchObject({ allowed_mentions: { parse: [] }, embeds: [{ title: 'Russia–Ukraine ceasefire talks' }] });

    } finally {
      await rt.stop();
      await http.close();
      await fakeApi.close();
      await t.cleanup();
    }
  });
});
