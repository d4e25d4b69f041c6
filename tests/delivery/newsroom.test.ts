import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordChatAdapter } from '../../adapters/discord/chat-adapter.js';
import { SlackChatAdapter, webClientOptions } from '../../adapters/slack/chat-adapter.js';
import { briefingFromStore } from '../../src/briefing/service.js';
import { runCommand } from '../../src/commands/run.js';
import type { ChatAdapter } from '../../src/delivery/chat-adapter.js';
import { deliverDue } from '../../src/delivery/deliver.js';
import { drainMessages } from '../../src/delivery/messages.js';
import { silentLogger } from '../../src/log.js';
import type { EventRecord } from '../../src/records/schema.js';
import { decideDraft, saveReviewEdit } from '../../src/review/actions.js';
import { recordReimports } from '../../src/review/reimport.js';
import { retract } from '../../src/review/retract.js';
import { eventVersion } from '../../src/review/version.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import type { Platform } from '../../src/store/store.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { sampleStory, tempStore } from '../helpers/fixtures.js';

const TOKEN = 'fake-discord-token';
const DISCORD = '200000000000000011';
const EVENT = '2025-05-19-trump-putin-call';
const FACT = `${EVENT}#talks-immediately`;
const story = sampleStory();
const stories = new Map([[story.id, story]]);
const logger = silentLogger();
const sub = (platform: Platform, channel: string) => ({ platform, channel, story: story.id, time: '07:00', timezone: 'UTC', days: 'daily' as const, skipEmpty: false, createdAt: '2025-05-01T00:00:00.000Z' });

let slackApi: FakeSlackApi;
let discordApi: FakeDiscordApi;

function adapters(): Map<Platform, ChatAdapter> {
  const slack = new SlackChatAdapter({ client: new WebClient('xoxb-fake', webClientOptions(slackApi.apiUrl)), logger });
  const discord = createDiscordChatAdapter({ token: TOKEN, apiUrl: discordApi.url, logger });
  return new Map<Platform, ChatAdapter>([
    ['slack', slack],
    ['discord', discord],
  ]);
}

const fast = { perChannelIntervalMs: 0 };

beforeAll(async () => {
  slackApi = await new FakeSlackApi().start();
  discordApi = await FakeDiscordApi.start({ token: TOKEN });
});
afterAll(async () => {
  await slackApi.close();
  await discordApi.close();
});

describe('Corrections reach posted briefings', () => {
  let t: Awaited<ReturnType<typeof tempStore>>;
  const keys = { may18: [] as string[], may20: [] as string[] };
  const now20 = new Date('2025-05-20T07:00:00Z');
  const drain = (at = new Date('2025-05-20T09:00:00Z')) => drainMessages({ store: t.store, adapters: adapters(), stories, logger, now: () => at, queueOptions: fast });

  beforeAll(async () => {
    slackApi.reset();
    discordApi.reset();
    t = await tempStore();
    for (const [p, c] of [['slack', 'C1'], ['discord', DISCORD], ['slack', 'C3']] as const) await t.store.upsertSubscription(sub(p, c));
    const first = await deliverDue({ store: t.store, adapters: adapters(), stories, now: new Date('2025-05-18T07:00:00Z'), logger, queueOptions: fast });
    expect(first.sent).toBe(3);
    keys.may18 = first.deliveries.map((d) => d.key);
    await t.store.removeSubscription('slack', 'C3', story.id);
    const second = await deliverDue({ store: t.store, adapters: adapters(), stories, now: now20, logger, queueOptions: fast });
    expect(second.sent).toBe(2);
    keys.may20 = second.deliveries.map((d) => d.key);
  });
  afterAll(() => t.cleanup());

  it('logs each posted briefing with its message id, how to rebuild it and what it showed', async () => {
    for (const key of keys.may20) {
      const posted = await t.store.getPostedBriefing(key);
      expect(posted?.shown).toContain(FACT);
      expect(posted?.rebuild).toEqual({ since: '2025-05-18T07:00:00.000Z', now: '2025-05-20T07:00:00.000Z', fallback: 'none' });
      expect(posted?.messageId).toBe((await t.store.getJob(key))?.messageId);
    }
    for (const key of keys.may18) expect((await t.store.getPostedBriefing(key))?.shown.some((i) => i.startsWith(`${EVENT}#`))).toBe(false);
  });

  it('an approved edit edits exactly the two briefings that showed the fact, once, with a visible "Corrected" line', async () => {
    const current = (await t.store.getEvent(EVENT)) as EventRecord;
    const text = 'After a two-hour phone call, Trump said Russia and Ukraine would begin ceasefire negotiations "immediately"; the Kremlin said talks would start "soon".';
    const res = await saveReviewEdit({ store: t.store, stories, now: () => new Date('2025-05-20T09:00:00Z') }, EVENT, eventVersion(current), { facts: { 'talks-immediately': text } }, { id: 'slack:U1', name: 'Ann' });
    expect(res.ok).toBe(true);
    const summary = await drain();
    expect(summary.reports.map((r) => [r.kind, r.outcome])).toEqual([
      ['correction', 'sent'],
      ['correction', 'sent'],
    ]);
    const slackKey = keys.may20.find((k) => k.startsWith('slack:'));
    const discordKey = keys.may20.find((k) => k.startsWith('discord:'));
    const slackTs = (await t.store.getJob(slackKey ?? ''))?.messageId;
    const discordId = (await t.store.getJob(discordKey ?? ''))?.messageId;
    const updates = slackApi.okCallsOf('chat.update');
    expect(updates.map((c) => [c.body.channel, c.body.ts])).toEqual([['C1', slackTs]]);
    const edits = discordApi.requestsTo('PATCH', /^\/channels\/\d+\/messages\/\d+$/);
    expect(edits.map((r) => r.path)).toEqual([`/channels/${DISCORD}/messages/${discordId}`]);

    const slackMsg = slackApi.message('C1', slackTs ?? '');
    const slackText = JSON.stringify(slackMsg?.blocks);
    expect(slackText).toContain('the Kremlin said talks would start');
    expect(slackText).toContain(':pencil2: *Corrected 20 May 2025, 09:00 UTC:*');
    expect(slackText).toContain('now reads');
    const discordMsg = discordApi.messages.find((m) => m.id === discordId);
    expect(discordMsg?.content).toMatch(/✏️ \*\*Corrected <t:\d+:f>:\*\* /);
    expect(JSON.stringify(discordMsg?.embeds)).toContain('the Kremlin said talks would start');
    expect(discordMsg?.allowed_mentions).toEqual({ parse: [] });
    // Exactly once: another pass, or the same change queued again, edits nothing more.
    expect((await drain()).reports).toEqual([]);
    expect(slackApi.okCallsOf('chat.update')).toHaveLength(1);
    expect((await t.store.listAudit({ eventId: EVENT })).map((e) => [e.action, e.actor])).toEqual([['edit', 'slack:U1']]);
  });

  it('a retraction corrects them again with the reason; a message that is gone is logged and skipped; new briefings never show the fact', async () => {
    const slackTs = (await t.store.getJob(keys.may20.find((k) => k.startsWith('slack:')) ?? ''))?.messageId ?? '';
    slackApi.deleteMessage('C1', slackTs);
    const res = await retract({ store: t.store, stories, now: () => new Date('2025-05-20T10:00:00Z') }, { eventId: EVENT, factId: 'talks-immediately', reason: 'misattributed quote', actor: { id: 'cli:ann', name: 'ann' } });
    expect(res).toEqual({ ok: true, already: false, corrections: 2 });
    const summary = await drain(new Date('2025-05-20T10:00:00Z'));
    expect(summary.reports.map((r) => [r.platform, r.outcome])).toEqual(
      expect.arrayContaining([
        ['slack', 'skipped'],
        ['discord', 'sent'],
      ]),
    );
    expect(summary.reports.find((r) => r.platform === 'slack')?.error).toBe('gone: message_not_found');
    const discordId = (await t.store.getJob(keys.may20.find((k) => k.startsWith('discord:')) ?? ''))?.messageId;
    const discordMsg = discordApi.messages.find((m) => m.id === discordId);
    const lines = discordMsg?.content.split('\n').filter((l) => l.includes('Corrected')) ?? [];
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('retracted “After a two-hour phone call, Trump said Russia and Ukraine would begin…” (misattributed quote)');
    expect(JSON.stringify(discordMsg?.embeds)).not.toContain('would begin ceasefire negotiations');
    // New briefings, whatever their window, never show it.
    const fresh = await briefingFromStore(t.store, { story, now: new Date('2025-05-20T11:00:00Z'), since: new Date('2025-05-15T00:00:00Z') });
    expect(fresh.developments.some((d) => d.eventId === EVENT && d.factIds.includes('talks-immediately'))).toBe(false);
    expect(JSON.stringify(fresh)).not.toContain('would begin ceasefire negotiations');
    // Retracting it again changes nothing.
    expect(await retract({ store: t.store, stories, now: () => new Date('2025-05-20T10:05:00Z') }, { eventId: EVENT, factId: 'talks-immediately', reason: 'again', actor: { id: 'cli:ann' } })).toEqual({ ok: true, already: true, corrections: 0 });
  });

  it('a re-import with different content (sitrep import, a synced story file) corrects the briefings that showed it', async () => {
    const discordKey = keys.may20.find((k) => k.startsWith('discord:')) ?? '';
    const posted = await t.store.getPostedBriefing(discordKey);
    const item = posted?.shown.find((i) => !i.startsWith(`${EVENT}#`) && !/#(?:title|q:)/.test(i)) ?? '';
    const [eventId, fact] = item.split('#');
    const rec = (await t.store.getEvent(eventId ?? '')) as EventRecord;
    const changed: EventRecord = { ...rec, facts: rec.facts.map((f) => (f.id === fact ? { ...f, text: `${f.text} (Updated: the agency corrected its figures.)` } : f)) };
    const write = await t.store.upsertEvents([changed, ...(await t.store.listEvents({ story: story.id })).filter((r) => r.id !== eventId)], { reportChanges: true });
    expect(write.changes?.map((c) => c.after.id)).toEqual([eventId]);
    expect(await recordReimports(t.store, stories, write.changes ?? [], new Date('2025-05-20T11:00:00Z'))).toBe(2);
    const patchesBefore = discordApi.requestsTo('PATCH', /^\/channels\/\d+\/messages\/\d+$/).length;
    const summary = await drain(new Date('2025-05-20T11:00:00Z'));
    expect(summary.reports.map((r) => [r.platform, r.outcome])).toEqual(expect.arrayContaining([['discord', 'sent'], ['slack', 'skipped']]));
    expect(discordApi.requestsTo('PATCH', /^\/channels\/\d+\/messages\/\d+$/).length).toBe(patchesBefore + 1);
    const msg = discordApi.messages.find((m) => m.id === posted?.messageId);
    expect(msg?.content.split('\n').filter((l) => l.includes('Corrected'))).toHaveLength(3);
    expect(JSON.stringify(msg?.embeds)).toContain('the agency corrected its figures');
    expect((await t.store.listAudit({ eventId })).map((e) => [e.action, e.actor])).toEqual([['reimport', 'import']]);
  });
});

describe('Following one question', () => {
  it('a status change alerts each following channel once, in the thread of that day’s briefing, across a restart', async () => {
    slackApi.reset();
    discordApi.reset();
    const t = await tempStore();
    const clock = { now: new Date('2025-05-20T07:00:00Z') };
    for (const [p, c] of [['slack', 'C1'], ['discord', DISCORD]] as const) await t.store.upsertSubscription(sub(p, c));
    await deliverDue({ store: t.store, adapters: adapters(), stories, now: clock.now, logger, queueOptions: fast });
    const ctx = (platform: Platform, channel: string) => ({ store: t.store, now: clock.now, story, platform, channel, user: 'U1', canManage: true });
    const followed = await runCommand('follow', { question: 'territory' }, ctx('slack', 'C1'));
    expect(followed).toMatchObject({ kind: 'text', ephemeral: true });
    expect((followed as { text: string }).text).toMatch(/^Following Territory here: .* It is \w+ now/);
    await runCommand('follow', { question: 'territory' }, ctx('discord', DISCORD));
    expect(await runCommand('follow', {}, ctx('slack', 'C1'))).toMatchObject({ kind: 'error', message: 'Say which question to follow: territory, security-guarantees, ukraine-response.' });
    expect(await runCommand('follow', { question: 'weather' }, ctx('slack', 'C1'))).toMatchObject({ kind: 'error', message: expect.stringContaining('Unknown question "weather"') });

    // Nothing changed yet: no alert.
    clock.now = new Date('2025-05-20T08:00:00Z');
    expect((await drainMessages({ store: t.store, adapters: adapters(), stories, logger, now: () => clock.now, queueOptions: fast })).alertsQueued).toBe(0);

    // A reviewer approves a draft that resolves the territory question.
    const draft: EventRecord = {
      id: '2025-05-20-map-agreed',
      story: story.id,
      occurredAt: '2025-05-20T07:30:00Z',
      title: 'Negotiators agree a line of contact map',
      status: 'draft',
      facts: [{ text: 'Both delegations initialled a map of the line of contact, officials said.', source: 'wire', questions: ['territory'] }],
      sources: [{ id: 'wire', name: 'Wire Service', url: 'https://wire.example/map' }],
      signals: [{ question: 'territory', status: 'resolved', text: 'Both delegations initialled a map of the line of contact.', fact: 'f1' }],
    };
    await t.store.upsertEvents([draft]);
    let kicked = 0;
    const ok = await decideDraft({ store: t.store, stories, now: () => clock.now, onQueued: () => void kicked++ }, draft.id, 'approve', { id: 'slack:U2', name: 'Bo' });
    expect(ok.ok).toBe(true);
    expect(kicked).toBe(1);
    const alerts = await t.store.listMessageJobs({ kind: 'follow-alert' });
    expect(alerts.map((j) => `${j.platform}:${j.channel}`).sort()).toEqual([`discord:${DISCORD}`, 'slack:C1']);

    const first = await drainMessages({ store: t.store, adapters: adapters(), stories, logger, now: () => clock.now, queueOptions: fast });
    expect(first.reports.map((r) => r.outcome)).toEqual(['sent', 'sent']);
    // Slack: a reply in the thread of today's briefing, with the evidence and its source.
    const briefingTs = (await t.store.listPostedBriefings({ since: '2025-05-20T00:00:00Z', platform: 'slack', channel: 'C1' }))[0]?.messageId;
    const replies = slackApi.messages.filter((m) => m.thread_ts !== undefined);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ channel: 'C1', thread_ts: briefingTs });
    expect(JSON.stringify(replies[0]?.blocks)).toContain('*Territory* is now :white_check_mark: Resolved');
    expect(JSON.stringify(replies[0]?.blocks)).toContain('Both delegations initialled a map of the line of contact.');
    expect(JSON.stringify(replies[0]?.blocks)).toContain('<https://wire.example/map|Wire Service>');
    // Discord: a thread started from the briefing message, the alert inside it.
    const briefingId = (await t.store.listPostedBriefings({ since: '2025-05-20T00:00:00Z', platform: 'discord', channel: DISCORD }))[0]?.messageId;
    expect(discordApi.threads).toEqual([{ id: briefingId, parentId: DISCORD, name: 'Russia–Ukraine ceasefire talks: updates' }]);
    expect(discordApi.messagesIn(briefingId ?? '')).toHaveLength(1);
    expect(discordApi.messagesIn(briefingId ?? '')[0]?.content).toContain('**Territory** is now **Resolved**');

    // A crash right after the Slack post, before it was marked sent; then a restart on the same database.
    const slackAlert = alerts.find((j) => j.platform === 'slack')?.key ?? '';
    await t.store.markMessageJob(slackAlert, 'in-flight', {}, clock.now.toISOString());
    await t.store.close();
    const reopened: SqliteStore = openSqliteStore(t.file);
    try {
      const again = await drainMessages({ store: reopened, adapters: adapters(), stories, logger, now: () => clock.now, queueOptions: fast });
      expect(again.alertsQueued).toBe(0);
      expect(again.reports.map((r) => [r.key, r.outcome])).toEqual([[slackAlert, 'recovered']]);
      expect((await reopened.getMessageJob(slackAlert))?.status).toBe('sent');
      expect(slackApi.messages.filter((m) => m.thread_ts !== undefined)).toHaveLength(1);
      expect(discordApi.messagesIn(briefingId ?? '')).toHaveLength(1);
      // Later passes find nothing new to say.
      expect((await drainMessages({ store: reopened, adapters: adapters(), stories, logger, now: () => clock.now, queueOptions: fast })).reports).toEqual([]);
      const unfollowed = await runCommand('unfollow', { question: 'territory' }, { ...ctx('slack', 'C1'), store: reopened });
      expect((unfollowed as { text: string }).text).toBe('Stopped following Territory in this channel.');
      expect((await reopened.listAudit()).map((e) => e.action)).toEqual(['follow', 'follow', 'approve', 'unfollow']);
    } finally {
      await reopened.close();
      await t.cleanup();
    }
  });
});
