import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatAdapter } from '../../src/delivery/chat-adapter.js';
import { deliverDue, type DeliverDeps } from '../../src/delivery/deliver.js';
import { silentLogger } from '../../src/log.js';
import type { Story } from '../../src/records/schema.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import type { Platform } from '../../src/store/store.js';
import { FakeChatAdapter } from './fake-chat-adapter.js';
import { deliveryStory, record } from './story-fixture.js';

// 07:00 in Kyiv on 2025-06-02 (a Monday, EEST = UTC+3).
const DUE = new Date('2025-06-02T04:00:00Z');
const KEY = 'slack:C1:talks:2025-06-02';

let store: SqliteStore;
let story: Story;

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  story = deliveryStory();
  await store.upsertStory(story);
  await store.upsertEvents([record('e1', '2025-06-01T12:00:00Z', 'Delegations arrived in Istanbul.')]);
  await store.upsertSubscription({ platform: 'slack', channel: 'C1', story: 'talks', time: '07:00', timezone: 'Europe/Kyiv', days: 'daily', skipEmpty: false, createdAt: '2025-05-01T00:00:00Z' });
});
afterEach(async () => {
  await store.close();
});

/** Zero-wait queues: these tests are about the outbox, not pacing. */
const fastQueues = { perChannelIntervalMs: 0, backoffBaseMs: 1, backoffCapMs: 2 };

function deps(adapter: ChatAdapter, now: Date, over: Partial<DeliverDeps> = {}): DeliverDeps {
  return {
    store,
    adapters: new Map<Platform, ChatAdapter>([[adapter.platform, adapter]]),
    stories: new Map([[story.id, story]]),
    now,
    logger: silentLogger(),
    catchupMaxMs: 2 * 3_600_000,
    queueOptions: fastQueues,
    ...over,
  };
}

describe('deliverDue outbox', () => {
  it('two passes at the same time post once', async () => {
    const slack = new FakeChatAdapter('slack');
    const first = await deliverDue(deps(slack, DUE));
    const second = await deliverDue(deps(slack, DUE));
    expect(first.sent).toBe(1);
    expect(second.due).toBe(0);
    expect(slack.calls).toHaveLength(1);
    expect(slack.calls[0]?.key).toBe(KEY);
    const job = await store.getJob(KEY);
    expect(job).toMatchObject({ status: 'sent', messageId: 'm1', attempts: 1, windowTo: DUE.toISOString() });
  });

  it('a second process on the same database stays out while the first one delivers', async () => {
    const slack = new FakeChatAdapter('slack');
    // Process A holds the lease (mid-pass); process B's pass must not touch A's in-flight jobs.
    expect(await store.acquireLease('delivery', 'process-a', 60_000, Date.now())).toBe(true);
    const b = await deliverDue(deps(slack, DUE, { owner: 'process-b' }));
    expect(b.lockedOut).toBe(true);
    expect(slack.calls).toHaveLength(0);
    await store.releaseLease('delivery', 'process-a');
    const again = await deliverDue(deps(slack, DUE, { owner: 'process-b' }));
    expect(again.sent).toBe(1);
  });

  it('takes over the lease of a crashed process once it expires', async () => {
    const slack = new FakeChatAdapter('slack');
    await store.acquireLease('delivery', 'crashed', 60_000, 1_000);
    const later = await deliverDue(deps(slack, DUE, { owner: 'restarted', wallClock: () => 61_001 }));
    expect(later.lockedOut).toBeUndefined();
    expect(later.sent).toBe(1);
  });

  it('nothing is due before the local time, and a later tick the same day posts nothing more', async () => {
    const slack = new FakeChatAdapter('slack');
    expect((await deliverDue(deps(slack, new Date('2025-06-02T03:59:00Z')))).due).toBe(0);
    await deliverDue(deps(slack, new Date('2025-06-02T04:00:30Z')));
    await deliverDue(deps(slack, new Date('2025-06-02T04:01:30Z')));
    await deliverDue(deps(slack, new Date('2025-06-02T09:00:00Z')));
    expect(slack.calls).toHaveLength(1);
  });

  it('a job left in-flight by a crash after posting is resolved without a duplicate (Slack: findPosted)', async () => {
    const slack = new FakeChatAdapter('slack', Date.now, { findPosted: true });
    // The "crashed" process: wrote the job, counted the attempt, posted, died before marking it sent.
    await store.createJob({ key: KEY, subscriptionId: 1, platform: 'slack', channel: 'C1', story: 'talks', dueAt: DUE.toISOString(), windowFrom: '2025-06-01T04:00:00.000Z', windowTo: DUE.toISOString() }, DUE.toISOString());
    await store.incrementJobAttempts(KEY, DUE.toISOString());
    slack.posted.set(KEY, 'ts-123');

    const r = await deliverDue(deps(slack, new Date(DUE.getTime() + 60_000)));
    expect(r.recovered).toBe(1);
    expect(slack.calls).toHaveLength(0);
    expect(await store.getJob(KEY)).toMatchObject({ status: 'sent', messageId: 'ts-123' });
  });

  it('a job left in-flight before anything reached the platform is posted on restart, once', async () => {
    const slack = new FakeChatAdapter('slack', Date.now, { findPosted: true });
    await store.createJob({ key: KEY, subscriptionId: 1, platform: 'slack', channel: 'C1', story: 'talks', dueAt: DUE.toISOString(), windowFrom: '2025-06-01T04:00:00.000Z', windowTo: DUE.toISOString() }, DUE.toISOString());
    await store.incrementJobAttempts(KEY, DUE.toISOString()); // crashed mid-request: findPosted finds nothing
    const later = new Date(DUE.getTime() + 10 * 60_000);
    const r = await deliverDue(deps(slack, later));
    expect(r.sent).toBe(1);
    expect(slack.calls).toHaveLength(1);
    // The resend covers the window the first attempt promised, and is marked delayed (10 min late).
    expect(slack.calls[0]?.briefing.window.to).toBe(DUE.toISOString());
    expect(slack.calls[0]?.delayed).toBe(true);
    await deliverDue(deps(slack, later));
    expect(slack.calls).toHaveLength(1);
  });

  it('Discord-style adapters (no findPosted) resend an interrupted job with the same key (nonce)', async () => {
    await store.upsertSubscription({ platform: 'discord', channel: '123', story: 'talks', time: '07:00', timezone: 'Europe/Kyiv', days: 'daily', skipEmpty: false, createdAt: '2025-05-01T00:00:00Z' });
    const discord = new FakeChatAdapter('discord');
    const key = 'discord:123:talks:2025-06-02';
    await store.createJob({ key, subscriptionId: 2, platform: 'discord', channel: '123', story: 'talks', dueAt: DUE.toISOString() }, DUE.toISOString());
    await store.incrementJobAttempts(key, DUE.toISOString());
    await deliverDue(deps(discord, DUE));
    expect(discord.calls.map((c) => c.key)).toEqual([key]);
    expect(await store.getJob(key)).toMatchObject({ status: 'sent' });
  });

  it("when the platform can't tell whether an interrupted post arrived, it is not resent", async () => {
    const slack = new FakeChatAdapter('slack');
    slack.findPosted = async () => 'unknown';
    await store.createJob({ key: KEY, subscriptionId: 1, platform: 'slack', channel: 'C1', story: 'talks', dueAt: DUE.toISOString() }, DUE.toISOString());
    await store.incrementJobAttempts(KEY, DUE.toISOString());
    const r = await deliverDue(deps(slack, DUE));
    expect(r.failed).toBe(1);
    expect(slack.calls).toHaveLength(0);
    expect((await store.getJob(KEY))?.status).toBe('failed');
  });

  it('a failure is recorded with its reason and not retried by later passes', async () => {
    const slack = new FakeChatAdapter('slack');
    slack.script('C1', ...Array.from({ length: 10 }, () => ({ ok: false as const, kind: 'transient' as const, error: 'HTTP 503' })));
    const r = await deliverDue(deps(slack, DUE));
    expect(r.failed).toBe(1);
    expect(slack.calls).toHaveLength(5); // max 5 tries, then stop
    const job = await store.getJob(KEY);
    expect(job).toMatchObject({ status: 'failed', attempts: 5 });
    expect(job?.error).toContain('HTTP 503');
    for (let m = 1; m <= 5; m++) await deliverDue(deps(slack, new Date(DUE.getTime() + m * 60_000)));
    expect(slack.calls).toHaveLength(5);
  });

  it('a permanent error is tried once', async () => {
    const slack = new FakeChatAdapter('slack');
    slack.script('C1', { ok: false, kind: 'permanent', error: 'invalid_blocks' });
    await deliverDue(deps(slack, DUE));
    expect(slack.calls).toHaveLength(1);
    expect(await store.getJob(KEY)).toMatchObject({ status: 'failed', error: 'permanent: invalid_blocks' });
  });

  it('an unavailable channel pauses its subscriptions', async () => {
    const slack = new FakeChatAdapter('slack');
    slack.script('C1', { ok: false, kind: 'channel-unavailable', error: 'not_in_channel' });
    await deliverDue(deps(slack, DUE));
    const [sub] = await store.listSubscriptions({ includePaused: true });
    expect(sub).toMatchObject({ paused: true, pausedReason: 'not_in_channel' });
    await deliverDue(deps(slack, new Date(DUE.getTime() + 86_400_000)));
    expect(slack.calls).toHaveLength(1);
  });

  it('catches up within the limit (delayed) and skips — once, without posting — beyond it', async () => {
    const slack = new FakeChatAdapter('slack');
    await deliverDue(deps(slack, new Date(DUE.getTime() + 90 * 60_000)));
    expect(slack.calls.map((c) => c.delayed)).toEqual([true]);

    await store.upsertSubscription({ platform: 'slack', channel: 'C2', story: 'talks', time: '07:00', timezone: 'Europe/Kyiv', days: 'daily', skipEmpty: false, createdAt: '2025-05-01T00:00:00Z' });
    const late = new Date(DUE.getTime() + 86_400_000 + 3 * 3_600_000); // next day, 3 h late
    const r = await deliverDue(deps(slack, late));
    expect(r.skipped).toBe(2);
    expect(slack.calls).toHaveLength(1);
    expect(await store.getJob('slack:C2:talks:2025-06-03')).toMatchObject({ status: 'skipped' });
    expect((await deliverDue(deps(slack, new Date(late.getTime() + 60_000)))).skipped).toBe(0);
  });

  it('skip-empty subscriptions skip a day with nothing new; others post "no new developments"', async () => {
    await store.upsertSubscription({ platform: 'slack', channel: 'C2', story: 'talks', time: '07:00', timezone: 'Europe/Kyiv', days: 'daily', skipEmpty: true, createdAt: '2025-05-01T00:00:00Z' });
    const slack = new FakeChatAdapter('slack');
    await deliverDue(deps(slack, DUE)); // day 1: both post (e1 is in the window)
    expect(slack.calls.map((c) => c.channel).sort()).toEqual(['C1', 'C2']);
    const day2 = new Date(DUE.getTime() + 86_400_000);
    const r = await deliverDue(deps(slack, day2));
    expect(r.skipped).toBe(1);
    const c1 = slack.calls.filter((c) => c.channel === 'C1');
    expect(c1).toHaveLength(2);
    expect(c1[1]?.briefing.developments).toEqual([]);
    expect(c1[1]?.briefing.window.fallback).toBe(false);
    expect(await store.getJob('slack:C2:talks:2025-06-03')).toMatchObject({ status: 'skipped' });
  });

  it('a subscription for an unconfigured platform waits without creating jobs', async () => {
    await store.upsertSubscription({ platform: 'discord', channel: '9', story: 'talks', time: '07:00', timezone: 'Europe/Kyiv', days: 'daily', skipEmpty: false, createdAt: '2025-05-01T00:00:00Z' });
    const slack = new FakeChatAdapter('slack');
    await deliverDue(deps(slack, DUE));
    expect(await store.getJob('discord:9:talks:2025-06-02')).toBeUndefined();
  });
});
