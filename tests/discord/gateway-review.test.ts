import type { Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEnv } from '../../adapters/discord/answer.js';
import { createGatewayClient, wireGatewayClient } from '../../adapters/discord/app.js';
import { PendingForms, type DiscordReviewEnv } from '../../adapters/discord/review.js';
import { silentLogger } from '../../src/log.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { MORNING_AFTER, sampleStory, tempStore } from '../helpers/fixtures.js';
import { APP_ID, GUILD } from './harness.js';

const REVIEW = '200000000000000021';
const MESSAGE = '300000000000000021';
const EDITOR = { id: '500000000000000021', username: 'editor', global_name: 'Ed', discriminator: '0', avatar: null };

let fake: FakeDiscordApi;
let client: Client;
let t: Awaited<ReturnType<typeof tempStore>>;
let seq = 0;

/** A raw INTERACTION_CREATE for a component or modal on the review message, as the gateway sends it. */
function raw(type: 3 | 5, data: Record<string, unknown>, permissions = (1n << 13n).toString()) {
  seq += 1;
  return {
    id: `92000000000000${String(seq).padStart(4, '0')}`,
    application_id: APP_ID,
    type,
    token: `gw-review-token-${seq}`,
    version: 1,
    guild_id: GUILD,
    channel_id: REVIEW,
    channel: { id: REVIEW, type: 0, guild_id: GUILD, name: 'review' },
    member: { user: EDITOR, permissions, roles: [], joined_at: '2025-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
    message: {
      id: MESSAGE,
      channel_id: REVIEW,
      author: { id: '100000000000000002', username: 'sitrep-test', discriminator: '0', avatar: null, bot: true },
      content: 'Draft for review',
      timestamp: '2025-05-20T07:00:00.000Z',
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
      flags: 0,
    },
    data,
    locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD },
    context: 0,
  };
}

function dispatch(payload: unknown): void {
  (Reflect.get(client, 'actions') as { InteractionCreate: { handle(data: unknown): void } }).InteractionCreate.handle(payload);
}

async function callbackFor(id: string): Promise<{ type: number; data?: Record<string, unknown> }> {
  for (let i = 0; i < 1000; i++) {
    const cb = fake.interactionCallbacks.find((c) => c.interactionId === id);
    if (cb) return cb.body as { type: number; data?: Record<string, unknown> };
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no callback');
}

describe('Reviewing drafts through the gateway (real discord.js interactions)', () => {
  beforeAll(async () => {
    fake = await FakeDiscordApi.start();
    t = await tempStore();
    await t.store.upsertEvents([
      {
        id: 'gw-draft',
        story: 'ukraine-ceasefire',
        occurredAt: '2025-05-20T05:00:00Z',
        title: 'A draft reviewed over the gateway',
        status: 'draft',
        facts: [{ text: 'Officials confirmed a third round.', source: 'wire' }],
        sources: [{ id: 'wire', name: 'Wire' }],
      },
    ]);
    await t.store.enqueueMessage({ key: 'review:gw-draft', kind: 'review-post', platform: 'discord', channel: REVIEW, story: 'ukraine-ceasefire', payload: { eventId: 'gw-draft' } }, MORNING_AFTER.toISOString());
    await t.store.markMessageJob('review:gw-draft', 'sent', { messageId: MESSAGE }, MORNING_AFTER.toISOString());
    client = createGatewayClient({ apiUrl: fake.url });
    const story = sampleStory();
    const env = (): AnswerEnv => ({ store: t.store, story, now: MORNING_AFTER, timezone: 'UTC', logger: silentLogger() });
    const review: DiscordReviewEnv = { store: t.store, stories: new Map([[story.id, story]]), now: () => MORNING_AFTER, logger: silentLogger(), pending: new PendingForms() };
    wireGatewayClient(client, { env, logger: silentLogger(), review: () => review });
  });
  afterAll(async () => {
    await client.destroy();
    await fake.close();
    await t.cleanup();
  });

  it('Edit answers with the ephemeral select; the title modal saves through discord.js field parsing', async () => {
    const edit = raw(3, { custom_id: 'sitrep:rv:edit', component_type: 2 });
    dispatch(edit);
    const picker = await callbackFor(edit.id);
    expect(picker).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    const pick = raw(3, { custom_id: `sitrep:rv:pick:${MESSAGE}`, component_type: 3, values: ['t'] });
    dispatch(pick);
    const modal = await callbackFor(pick.id);
    expect(modal.type).toBe(9);
    const saveId = String(modal.data?.custom_id);
    const submit = raw(5, {
      custom_id: saveId,
      components: [
        { type: 18, id: 1, component: { type: 4, id: 2, custom_id: 'title', value: 'A draft renamed over the gateway' } },
        { type: 18, id: 3, component: { type: 4, id: 4, custom_id: 'f0', value: 'Officials confirmed a third round next week.' } },
      ],
    });
    dispatch(submit);
    const saved = await callbackFor(submit.id);
    expect(saved).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringContaining('Saved: changed title, 1 fact reworded') } });
    expect((await t.store.getEvent('gw-draft'))?.title).toBe('A draft renamed over the gateway');
  });

  it('refuses a member without Manage Messages, then Approve by a reviewer acknowledges with a deferred update', async () => {
    const denied = raw(3, { custom_id: 'sitrep:rv:approve', component_type: 2 }, '0');
    dispatch(denied);
    expect(await callbackFor(denied.id)).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringContaining('Manage Messages') } });
    const approve = raw(3, { custom_id: 'sitrep:rv:approve', component_type: 2 });
    dispatch(approve);
    expect(await callbackFor(approve.id)).toEqual({ type: 6 });
    expect((await t.store.getEvent('gw-draft'))?.status).toBe('published');
    expect((await t.store.listMessageJobs({ kind: 'review-update' })).length).toBe(2);
  });
});
