import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform } from '../../adapters/discord/index.js';
import { limitViolations, type DiscordEmbed } from '../../adapters/discord/render-embeds.js';
import { drainMessages } from '../../src/delivery/messages.js';
import { HttpRouter } from '../../src/http/router.js';
import { silentLogger } from '../../src/log.js';
import type { PlatformRuntime } from '../../src/platform.js';
import type { EventRecord } from '../../src/records/schema.js';
import { reviewIngestHook } from '../../src/review/ingest-hook.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { MORNING_AFTER, sampleStory, tempStore } from '../helpers/fixtures.js';
import { APP_ID, GUILD, discordConfig, platformDeps, postInteraction, testKeyPair } from './harness.js';

const REVIEW = '200000000000000009';
const MANAGE_MESSAGES = (1n << 13n).toString();
const REVIEWER = '500000000000000007';

interface Reply {
  type: number;
  data?: {
    content?: string;
    flags?: number;
    custom_id?: string;
    title?: string;
    allowed_mentions?: unknown;
    components?: Array<{ type: number; label?: string; components?: Array<Record<string, unknown>>; component?: Record<string, unknown> }>;
  };
}

let seq = 0;
function interaction(type: 3 | 5, data: Record<string, unknown>, opts: { message?: string; permissions?: string; user?: string } = {}) {
  seq += 1;
  return {
    id: `91000000000000${String(seq).padStart(4, '0')}`,
    application_id: APP_ID,
    type,
    token: `component-token-${seq}`,
    version: 1,
    guild_id: GUILD,
    channel_id: REVIEW,
    channel: { id: REVIEW, type: 0 },
    member: {
      user: { id: opts.user ?? REVIEWER, username: 'editor', global_name: 'Ed Itor', discriminator: '0', avatar: null },
      permissions: opts.permissions ?? MANAGE_MESSAGES,
      roles: [],
      joined_at: '2025-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
    },
    ...(opts.message ? { message: { id: opts.message, channel_id: REVIEW, content: '', embeds: [], components: [], type: 0 } } : {}),
    data,
    locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD },
    context: 0,
  };
}

/** A modal submit as Discord sends it: each input inside its Label. */
function modalSubmit(customId: string, fields: Record<string, string | string[]>, opts: { permissions?: string } = {}) {
  const components = Object.entries(fields).map(([id, v], i) => ({
    type: 18,
    id: i + 1,
    component: Array.isArray(v) ? { type: 3, id: i + 10, custom_id: id, values: v } : { type: 4, id: i + 10, custom_id: id, value: v },
  }));
  return interaction(5, { custom_id: customId, components }, opts);
}

function draft(id: string): EventRecord {
  return {
    id,
    story: 'ukraine-ceasefire',
    occurredAt: '2025-05-20T05:00:00Z',
    title: `Kyiv answers the memorandum (${id})`,
    status: 'draft',
    dateSource: 'text',
    facts: [
      { text: 'Ukraine said it would study the Russian memorandum @everyone.', source: 'wire', speaker: 'Andriy Yermak' },
      { text: 'A response is expected within a week.', source: 'wire', watch: {} },
    ],
    sources: [{ id: 'wire', name: 'Wire Service', url: 'https://wire.example/memo' }],
    signals: [{ question: 'ukraine-response', status: 'open', text: 'Kyiv is studying the text.', fact: 'f1' }],
  };
}

describe('Reviewing drafts in Discord (HTTP interactions, Ed25519-signed)', () => {
  const keys = testKeyPair();
  let fake: FakeDiscordApi;
  let router: HttpRouter;
  let base: string;
  let runtime: PlatformRuntime;
  let t: Awaited<ReturnType<typeof tempStore>>;
  const stories = new Map([['ukraine-ceasefire', sampleStory()]]);
  const send = async (payload: unknown) => {
    const r = await postInteraction(base, JSON.stringify(payload), { privateKey: keys.privateKey });
    expect(r.status).toBe(200);
    return r.json as Reply;
  };
  const drain = () => drainMessages({ store: t.store, adapters: new Map([['discord', runtime.chat]]), stories, logger: silentLogger(), now: () => MORNING_AFTER });
  const reviewMessage = async (id: string) => {
    const job = await t.store.getMessageJob(`review:${id}`);
    const msg = fake.messages.find((m) => m.id === job?.messageId);
    if (!msg) throw new Error(`no review message for ${id}`);
    return msg;
  };
  const labels = (msg: { components: unknown[] }) =>
    (msg.components as Array<{ components: Array<{ label: string }> }>).flatMap((row) => row.components.map((c) => c.label));

  beforeAll(async () => {
    fake = await FakeDiscordApi.start();
    t = await tempStore();
    router = new HttpRouter();
    const config = discordConfig({ DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_API_URL: fake.url, SITREP_REVIEW_CHANNEL: `discord:${REVIEW}` });
    runtime = createPlatform(platformDeps(config, t.store, router));
    await runtime.start();
    base = `http://127.0.0.1:${await router.listen(0, '127.0.0.1')}`;
    const rec = draft('memo-answer');
    await t.store.upsertEvents([rec]);
    await reviewIngestHook({ store: t.store, stories, review: { platform: 'discord', channel: REVIEW }, now: () => MORNING_AFTER })({ outcome: 'created', eventId: rec.id, record: rec });
  });
  afterAll(async () => {
    await runtime.stop();
    await router.close();
    await fake.close();
    await t.cleanup();
  });

  it('posts the draft once with an embed, its date source, the buttons, a nonce and no mentions', async () => {
    expect((await drain()).sent).toBe(1);
    expect((await drain()).sent).toBe(0);
    const posted = fake.messagesIn(REVIEW);
    expect(posted).toHaveLength(1);
    const msg = posted[0]!;
    expect(msg.allowed_mentions).toEqual({ parse: [] });
    expect(msg.nonce).toBeDefined();
    expect(limitViolations({ content: msg.content, embeds: msg.embeds as DiscordEmbed[] })).toEqual([]);
    const embed = msg.embeds[0] as DiscordEmbed;
    expect(embed.title).toBe('Kyiv answers the memorandum (memo-answer)');
    expect(embed.description).toContain("date from the article's text");
    expect(embed.description).toContain('Ukraine said it would study the Russian memorandum @everyone. — Andriy Yermak ([Wire Service](https://wire.example/memo))');
    expect(embed.fields?.[0]).toEqual({ name: "⚪ Ukraine's response: Open", value: 'Kyiv is studying the text.' });
    expect(msg.content).toContain('Draft for review');
    expect(labels(msg)).toEqual(['Approve', 'Edit', 'Reject']);
  });

  it('Edit: a select of what to edit, a modal per part; problems come back with a button that reopens the modal with what was typed', async () => {
    const msg = await reviewMessage('memo-answer');
    const before = await t.store.getEvent('memo-answer');
    const picker = await send(interaction(3, { custom_id: 'sitrep:rv:edit', component_type: 2 }, { message: msg.id }));
    expect(picker.type).toBe(4);
    expect(picker.data?.flags).toBe(64);
    const select = picker.data?.components?.[0]?.components?.[0] as { custom_id: string; options: Array<{ label: string; value: string }> };
    expect(select.options.map((o) => o.label)).toEqual(['Title and facts 1–2', 'Question: Territory', 'Question: Security guarantees', "Question: Ukraine's response"]);

    const modal = await send(interaction(3, { custom_id: select.custom_id, component_type: 3, values: ['t'] }, { message: '300000000000000001' }));
    expect(modal.type).toBe(9);
    expect(modal.data?.title).toBe('Edit: Title and facts 1–2');
    expect(modal.data?.components?.map((c) => [c.type, c.label, c.component?.custom_id])).toEqual([
      [18, 'Title', 'title'],
      [18, 'Fact 1 · Wire Service', 'f0'],
      [18, 'Fact 2 · Wire Service', 'f1'],
    ]);
    const saveId = modal.data?.custom_id ?? '';
    expect(saveId.length).toBeLessThanOrEqual(100);

    const bad = await send(modalSubmit(saveId, { title: '', f0: 'y'.repeat(401), f1: 'A response is expected within a week.' }));
    expect(bad.type).toBe(4);
    expect(bad.data?.flags).toBe(64);
    expect(bad.data?.content).toContain('Not saved');
    expect(bad.data?.content).toContain('**Title**: The title cannot be empty.');
    expect(bad.data?.content).toContain('**Fact 1**: This fact is too long: at most 400 characters (this one has 401).');
    expect(await t.store.getEvent('memo-answer')).toEqual(before);
    const fix = bad.data?.components?.[0]?.components?.[0] as { custom_id: string; label: string };
    expect(fix.label).toBe('Fix it');

    const reopened = await send(interaction(3, { custom_id: fix.custom_id, component_type: 2 }, { message: '300000000000000002' }));
    expect(reopened.type).toBe(9);
    expect(reopened.data?.components?.[1]?.component?.value).toBe('y'.repeat(401));

    const good = await send(modalSubmit(saveId, { title: 'Kyiv will answer the memorandum within a week', f0: 'Ukraine said it would study the Russian memorandum.', f1: '' }));
    expect(good.data?.content).toMatch(/^✅ Saved: changed title, 1 fact dropped, 1 fact reworded\./);
    const saved = await t.store.getEvent('memo-answer');
    expect(saved?.title).toBe('Kyiv will answer the memorandum within a week');
    expect(saved?.facts.map((f) => [f.id, f.text])).toEqual([['f1', 'Ukraine said it would study the Russian memorandum.']]);

    // The same modal saved again was opened on the old version: refused, not overwritten.
    const stale = await send(modalSubmit(saveId, { title: 'Stale', f0: 'x' }));
    expect(stale.data?.content).toContain('was changed by Ed Itor');
  });

  it('a question part has a status select; an unknown status is a problem on that field', async () => {
    const msg = await reviewMessage('memo-answer');
    const modal = await send(interaction(3, { custom_id: `sitrep:rv:pick:${msg.id}`, component_type: 3, values: ['q0'] }, { message: '300000000000000003' }));
    expect(modal.data?.components?.[0]?.component).toMatchObject({ type: 3, custom_id: 'status' });
    const saveId = modal.data?.custom_id ?? '';
    const bad = await send(modalSubmit(saveId, { status: ['sideways'], text: 'Ukraine refuses to cede land.' }));
    expect(bad.data?.content).toContain('**Territory status**: Unknown status "sideways"');
    const noText = await send(modalSubmit(saveId, { status: ['contested'], text: '' }));
    expect(noText.data?.content).toContain('**Territory evidence line**: Give the evidence line');
    const ok = await send(modalSubmit(saveId, { status: ['contested'], text: 'Ukraine refuses to cede land.' }));
    expect(ok.data?.content).toContain('Saved');
    expect((await t.store.getEvent('memo-answer'))?.signals?.find((s) => s.question === 'territory')).toEqual({ question: 'territory', status: 'contested', text: 'Ukraine refuses to cede land.' });
  });

  it('a member without Manage Messages gets an ephemeral refusal, audited', async () => {
    const msg = await reviewMessage('memo-answer');
    const r = await send(interaction(3, { custom_id: 'sitrep:rv:approve', component_type: 2 }, { message: msg.id, permissions: '0', user: '500000000000000099' }));
    expect(r).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect(r.data?.content).toContain('Only members with **Manage Messages**');
    expect((await t.store.getEvent('memo-answer'))?.status).toBe('draft');
    expect((await t.store.listAudit({ eventId: 'memo-answer', order: 'desc', limit: 1 }))[0]).toMatchObject({ action: 'denied', actor: 'discord:500000000000000099' });
  });

  it('Approve publishes and the message is edited in place; a second press says who approved', async () => {
    const msg = await reviewMessage('memo-answer');
    const r = await send(interaction(3, { custom_id: 'sitrep:rv:approve', component_type: 2 }, { message: msg.id }));
    expect(r).toEqual({ type: 6 });
    expect((await t.store.getEvent('memo-answer'))?.status).toBe('published');
    await drain();
    const edited = await reviewMessage('memo-answer');
    expect(edited.id).toBe(msg.id);
    expect(edited.content).toContain(`✅ **Approved** by <@${REVIEWER}>`);
    expect(edited.allowed_mentions).toEqual({ parse: [] });
    expect(labels(edited)).toEqual(['Edit']);
    expect((edited.embeds[0] as DiscordEmbed).title).toBe('Kyiv will answer the memorandum within a week');
    const again = await send(interaction(3, { custom_id: 'sitrep:rv:approve', component_type: 2 }, { message: msg.id, user: '500000000000000008' }));
    expect(again.data?.content).toMatch(/Already approved by Ed Itor/);
    expect(fake.messagesIn(REVIEW)).toHaveLength(1);
  });
});
