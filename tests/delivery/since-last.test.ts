import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatAdapter } from '../../src/delivery/chat-adapter.js';
import { deliverDue } from '../../src/delivery/deliver.js';
import { silentLogger } from '../../src/log.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import type { Platform } from '../../src/store/store.js';
import { FakeChatAdapter } from './fake-chat-adapter.js';
import { deliveryStory, record } from './story-fixture.js';

const story = deliveryStory();
let store: SqliteStore;

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  await store.upsertStory(story);
});
afterEach(async () => {
  await store.close();
});

function pass(adapter: FakeChatAdapter, now: string) {
  return deliverDue({
    store,
    adapters: new Map<Platform, ChatAdapter>([[adapter.platform, adapter]]),
    stories: new Map([[story.id, story]]),
    now: new Date(now),
    logger: silentLogger(),
    catchupMaxMs: 2 * 3_600_000,
    queueOptions: { perChannelIntervalMs: 0 },
  });
}

describe('since your last briefing', () => {
  it("day 2 covers only what happened after day 1's briefing, with changed question statuses", async () => {
    // 08:00 in New York (EDT, UTC-4) = 12:00Z.
    await store.upsertSubscription({ platform: 'slack', channel: 'C9', story: 'talks', time: '08:00', timezone: 'America/New_York', days: 'daily', skipEmpty: false, createdAt: '2025-05-01T00:00:00Z' });
    await store.upsertEvents([
      record('d1-venue', '2025-06-01T15:00:00Z', 'Officials proposed Istanbul as the venue.', { question: 'venue', status: 'moved' }),
      record('d1-truce', '2025-06-01T18:00:00Z', 'No agreement on a truce was reached.', { question: 'truce', status: 'open' }),
    ]);
    const slack = new FakeChatAdapter('slack');
    await pass(slack, '2025-06-02T12:00:00Z');
    const day1 = slack.calls[0]?.briefing;
    expect(day1?.developments.map((d) => d.eventId).sort()).toEqual(['d1-truce', 'd1-venue']);

    // Between the briefings: the venue is confirmed and the truce becomes contested.
    await store.upsertEvents([
      record('d2-venue', '2025-06-02T20:00:00Z', 'Both sides confirmed Istanbul as the venue.', { question: 'venue', status: 'resolved' }),
      record('d2-truce', '2025-06-03T09:00:00Z', 'The sides disputed whether a truce had been agreed.', { question: 'truce', status: 'contested' }),
    ]);
    await pass(slack, '2025-06-03T12:00:00Z');
    expect(slack.calls).toHaveLength(2);
    const day2 = slack.calls[1]?.briefing;
    expect(day2?.window.from).toBe('2025-06-02T12:00:00.000Z');
    expect(day2?.developments.map((d) => d.eventId).sort()).toEqual(['d2-truce', 'd2-venue']);
    const venue = day2?.questions.find((q) => q.id === 'venue');
    const truce = day2?.questions.find((q) => q.id === 'truce');
    expect(venue).toMatchObject({ status: 'resolved', changedInWindow: true, previousStatus: 'moved' });
    expect(truce).toMatchObject({ status: 'contested', changedInWindow: true, previousStatus: 'open' });
  });

  it("ranks below new facts what the channel was sent in its last briefing", async () => {
    await store.upsertSubscription({ platform: 'slack', channel: 'C9', story: 'talks', time: '08:00', timezone: 'America/New_York', days: 'daily', skipEmpty: false, createdAt: '2025-05-01T00:00:00Z' });
    const recap = 'Negotiators from both sides met for six hours in Istanbul and agreed a large prisoner exchange.';
    await store.upsertEvents([record('d1-talks', '2025-06-01T15:00:00Z', recap)]);
    const slack = new FakeChatAdapter('slack');
    await pass(slack, '2025-06-02T12:00:00Z');
    const day2 = record('d2-wrap', '2025-06-02T20:00:00Z', recap);
    day2.facts.push({ id: 'f2', text: 'The first 390 prisoners crossed the Belarus border on Thursday evening.', source: 'wire' });
    await store.upsertEvents([day2]);
    await pass(slack, '2025-06-03T12:00:00Z');
    expect(slack.calls[1]?.briefing.developments[0]?.text).toMatch(/^The first 390 prisoners/);
  });

  it('the window runs from the last *sent* briefing: a skipped or failed day does not move it', async () => {
    await store.upsertSubscription({ platform: 'slack', channel: 'C9', story: 'talks', time: '08:00', timezone: 'America/New_York', days: 'daily', skipEmpty: false, createdAt: '2025-05-01T00:00:00Z' });
    await store.upsertEvents([record('a', '2025-06-01T15:00:00Z', 'Talks were announced.')]);
    const slack = new FakeChatAdapter('slack');
    await pass(slack, '2025-06-02T12:00:00Z');
    slack.script('C9', { ok: false, kind: 'permanent', error: 'msg_too_long' });
    await store.upsertEvents([record('b', '2025-06-02T18:00:00Z', 'Delegations were named.')]);
    await pass(slack, '2025-06-03T12:00:00Z'); // fails
    await store.upsertEvents([record('c', '2025-06-03T18:00:00Z', 'The first round began.')]);
    await pass(slack, '2025-06-04T12:00:00Z');
    const last = slack.calls[2]?.briefing;
    expect(last?.window.from).toBe('2025-06-02T12:00:00.000Z');
    expect(last?.developments.map((d) => d.eventId).sort()).toEqual(['b', 'c']);
  });

  it("each channel's window is its own", async () => {
    await store.upsertSubscription({ platform: 'slack', channel: 'EARLY', story: 'talks', time: '08:00', timezone: 'America/New_York', days: 'daily', skipEmpty: false, createdAt: '2025-05-01T00:00:00Z' });
    await store.upsertEvents([record('a', '2025-06-01T15:00:00Z', 'Talks were announced.')]);
    const slack = new FakeChatAdapter('slack');
    await pass(slack, '2025-06-02T12:00:00Z');
    // A second channel subscribes later; its first briefing covers the last 24 h, not EARLY's window.
    await store.upsertSubscription({ platform: 'slack', channel: 'LATE', story: 'talks', time: '09:00', timezone: 'America/New_York', days: 'daily', skipEmpty: false, createdAt: '2025-06-02T12:30:00Z' });
    await store.upsertEvents([record('b', '2025-06-02T12:45:00Z', 'Delegations were named.')]);
    await pass(slack, '2025-06-02T13:00:00Z');
    const late = slack.calls.find((c) => c.channel === 'LATE')?.briefing;
    expect(late?.window.from).toBe('2025-06-01T13:00:00.000Z');
    expect(late?.developments.map((d) => d.eventId).sort()).toEqual(['a', 'b']);
  });
});
