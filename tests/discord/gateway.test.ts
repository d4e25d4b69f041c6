import { GatewayIntentBits, IntentsBitField, type Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEnv } from '../../adapters/discord/answer.js';
import { createGatewayClient, wireGatewayClient } from '../../adapters/discord/app.js';
import { createPlatform } from '../../adapters/discord/index.js';
import { silentLogger } from '../../src/log.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { MORNING_AFTER, sampleStory, tempStore } from '../helpers/fixtures.js';
import { autocompletePayload, commandPayload, discordConfig, platformDeps, slowStore } from './harness.js';

let fake: FakeDiscordApi;
let client: Client;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  fake = await FakeDiscordApi.start();
  const t = await tempStore();
  cleanup = t.cleanup;
  client = createGatewayClient({ apiUrl: fake.url });
  const env = (): AnswerEnv => ({ store: t.store, story: sampleStory(), now: MORNING_AFTER, timezone: 'UTC', logger: silentLogger() });
  wireGatewayClient(client, { env, logger: silentLogger() });
});

afterAll(async () => {
  await client.destroy();
  await fake.close();
  await cleanup();
});

/** Feed a raw INTERACTION_CREATE payload through discord.js exactly as the gateway dispatch does. */
function dispatch(raw: unknown): void {
  const actions = Reflect.get(client, 'actions') as { InteractionCreate: { handle(data: unknown): void } };
  actions.InteractionCreate.handle(raw);
}

async function waitFor<T>(check: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = check();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('timed out waiting for the fake to see the reply');
}

describe('Discord gateway mode', () => {
  it('builds the client with only the Guilds intent and mentions off by default', () => {
    const c = createGatewayClient({});
    expect(c.options.intents.bitfield).toBe(GatewayIntentBits.Guilds);
    expect(new IntentsBitField(c.options.intents).toArray()).toEqual(['Guilds']);
    expect(c.options.allowedMentions).toEqual({ parse: [] });
    expect(client.options.rest?.api).toBe(fake.url);
    void c.destroy();
  });

  it('answers a chat-input interaction (real discord.js objects) with the briefing embed, no mentions', async () => {
    const raw = commandPayload('sitrep', 'brief', { question: 'territory' });
    dispatch(raw);
    const cb = await waitFor(() => fake.interactionCallbacks.find((c) => c.interactionId === raw.id));
    expect(cb.token).toBe(raw.token);
    expect(cb.body).toMatchObject({ type: 4, data: { allowed_mentions: { parse: [] }, embeds: [{ title: expect.stringMatching(/^Territory: /) }] } });
  });

  it('answers bad arguments ephemerally', async () => {
    const raw = commandPayload('sitrep', 'brief', { since: 'whenever' });
    dispatch(raw);
    const cb = await waitFor(() => fake.interactionCallbacks.find((c) => c.interactionId === raw.id));
    expect(cb.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] }, content: expect.stringContaining('not a time span') } });
  });

  it('answers autocomplete with ≤ 25 choices', async () => {
    const raw = autocompletePayload('sitrep-admin', 'subscribe', 'timezone', 'america');
    dispatch(raw);
    const cb = await waitFor(() => fake.interactionCallbacks.find((c) => c.interactionId === raw.id));
    const body = cb.body as { type: number; data: { choices: Array<{ value: string }> } };
    expect(body.type).toBe(8);
    expect(body.data.choices.length).toBeGreaterThan(0);
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
    expect(body.data.choices.every((c) => c.value.toLowerCase().includes('america'))).toBe(true);
  });

  it('defers a slow answer (deferReply) and then edits it in (editReply)', async () => {
    const t = await tempStore();
    const slowClient = createGatewayClient({ apiUrl: fake.url });
    try {
      const env = (): AnswerEnv => ({ store: slowStore(t.store, 30), story: sampleStory(), now: MORNING_AFTER, timezone: 'UTC', logger: silentLogger() });
      wireGatewayClient(slowClient, { env, logger: silentLogger(), deferAfterMs: 5 });
      const raw = commandPayload('sitrep', 'brief');
      (Reflect.get(slowClient, 'actions') as { InteractionCreate: { handle(data: unknown): void } }).InteractionCreate.handle(raw);
      const edit = await waitFor(() => fake.webhookEdits.find((e) => e.token === raw.token));
      expect(fake.interactionCallbacks.find((c) => c.interactionId === raw.id)?.body).toMatchObject({ type: 5 });
      expect(edit.messageId).toBe('@original');
      expect(edit.body).toMatchObject({ allowed_mentions: { parse: [] }, embeds: [{ title: 'Russia–Ukraine ceasefire talks' }] });
    } finally {
      await slowClient.destroy();
      await t.cleanup();
    }
  });

  it('the platform chat adapter works without starting the gateway', async () => {
    const t = await tempStore();
    try {
      const config = discordConfig({ DISCORD_API_URL: fake.url });
      const rt = createPlatform(platformDeps(config, t.store));
      expect(rt.isReady()).toBe(false);
      const { sampleBriefing } = await import('../helpers/fixtures.js');
      const outcome = await rt.chat.postBriefing('200000000000000077', sampleBriefing());
      expect(outcome.ok).toBe(true);
      await rt.stop();
    } finally {
      await t.cleanup();
    }
  });
});
