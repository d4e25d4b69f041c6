import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordChatAdapter } from '../../adapters/discord/chat-adapter.js';
import { deliverDue } from '../../src/delivery/deliver.js';
import { silentLogger } from '../../src/log.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { sampleStory, tempStore } from '../helpers/fixtures.js';
import { TOKEN } from './harness.js';

const OK_CHANNEL = '200000000000000011';
const GONE_CHANNEL = '200000000000000012';

describe('scheduled Discord delivery (real store, real send queue, fake Discord)', () => {
  let fake: FakeDiscordApi;
  beforeAll(async () => {
    fake = await FakeDiscordApi.start({ token: TOKEN });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('posts once per subscription, deduplicates a re-run, and pauses a channel the bot lost access to', async () => {
    const t = await tempStore();
    try {
      const story = sampleStory();
      for (const channel of [OK_CHANNEL, GONE_CHANNEL])
        await t.store.upsertSubscription({ platform: 'discord', channel, story: story.id, time: '07:00', timezone: 'UTC', days: 'daily', skipEmpty: false, createdAt: '2025-05-01T00:00:00Z' });
      fake.denyChannel(GONE_CHANNEL, 'missing-access');
      fake.rateLimitNext(1, 0.02);
      const adapter = createDiscordChatAdapter({ token: TOKEN, apiUrl: fake.url, logger: silentLogger() });
      const deps = {
        store: t.store,
        adapters: new Map([['discord' as const, adapter]]),
        stories: new Map([[story.id, story]]),
        now: new Date('2025-05-20T07:00:30Z'),
        logger: silentLogger(),
      };
      const summary = await deliverDue(deps);
      expect(summary.sent).toBe(1);
      expect(fake.messagesIn(OK_CHANNEL)).toHaveLength(1);
      expect(fake.messagesIn(GONE_CHANNEL)).toHaveLength(0);
      const body = fake.requestsTo('POST', new RegExp(`/channels/${OK_CHANNEL}/messages`))[0]!.body as { nonce?: string; enforce_nonce?: boolean };
      expect(body.enforce_nonce).toBe(true);
      expect(body.nonce?.length).toBeLessThanOrEqual(25);

      const active = await t.store.listSubscriptions({ platform: 'discord', includePaused: false });
      expect(active.map((s) => s.channel)).toEqual([OK_CHANNEL]);
      const all = await t.store.listSubscriptions({ platform: 'discord', includePaused: true });
      expect(all.find((s) => s.channel === GONE_CHANNEL)?.paused).toBe(true);

      // The same pass again (e.g. after a restart) posts nothing new.
      await deliverDue(deps);
      expect(fake.messagesIn(OK_CHANNEL)).toHaveLength(1);
    } finally {
      await t.cleanup();
    }
  });
});
