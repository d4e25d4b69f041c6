import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/briefing/types.js';
import { runCommand } from '../../src/commands/run.js';
import type { ChatAdapter, PostOptions, PostOutcome } from '../../src/delivery/chat-adapter.js';
import { deliverDue } from '../../src/delivery/deliver.js';
import { drainMessages } from '../../src/delivery/messages.js';
import { silentLogger } from '../../src/log.js';
import type { EventRecord } from '../../src/records/schema.js';
import { decideDraft, queueReviewPost, saveReviewEdit } from '../../src/review/actions.js';
import { eventVersion } from '../../src/review/version.js';
import type { Platform } from '../../src/store/store.js';
import { sampleStory, tempStore } from '../helpers/fixtures.js';

/** Records which workspace each call was made for (Slack installed in many workspaces posts with that one's token). */
class RecordingAdapter implements ChatAdapter {
  readonly platform = 'slack' as const;
  readonly calls: Array<[string, string | undefined]> = [];
  private n = 0;
  private ok(what: string, workspace: string | undefined): Promise<PostOutcome> {
    this.calls.push([what, workspace]);
    return Promise.resolve({ ok: true, messageId: `17000000${++this.n}.000100` });
  }
  postBriefing(_c: string, _b: Briefing, o: PostOptions = {}) {
    return this.ok('briefing', o.workspace);
  }
  postReview(_c: string, _v: unknown, o: { workspace?: string }) {
    return this.ok('review', o.workspace);
  }
  updateReview(_c: string, _m: string, _v: unknown, o: { workspace?: string } = {}) {
    return this.ok('review-update', o.workspace);
  }
  editBriefing(_c: string, _m: string, _b: Briefing, _n: unknown, o: { workspace?: string } = {}) {
    return this.ok('correction', o.workspace);
  }
  postAlert(_c: string, _a: unknown, o: { workspace?: string; threadOf?: string }) {
    return this.ok(`alert${o.threadOf ? ' in thread' : ''}`, o.workspace);
  }
}

describe('Slack installed in many workspaces', () => {
  it('review messages, corrections and follow alerts go out with the workspace their channel belongs to', async () => {
    const t = await tempStore();
    const story = sampleStory();
    const stories = new Map([[story.id, story]]);
    const adapter = new RecordingAdapter();
    const adapters = new Map<Platform, ChatAdapter>([['slack', adapter]]);
    const now = new Date('2025-05-20T07:00:00Z');
    try {
      await t.store.upsertSubscription({ platform: 'slack', channel: 'C2', story: story.id, time: '07:00', timezone: 'UTC', days: 'daily', skipEmpty: false, workspace: 'T2', createdAt: '2025-05-01T00:00:00.000Z' });
      await deliverDue({ store: t.store, adapters, stories, now, logger: silentLogger(), queueOptions: { perChannelIntervalMs: 0 } });
      const posted = (await t.store.listPostedBriefings({ since: '2025-05-20T00:00:00Z' }))[0];
      expect(posted?.workspace).toBe('T2');
      await runCommand('follow', { question: 'territory' }, { store: t.store, now, story, platform: 'slack', channel: 'C2', canManage: true, workspace: 'T2' });

      // An edit of a fact the briefing showed, and a draft in the review channel of workspace T9 that moves territory.
      const [eventId, fact] = (posted?.shown.find((i) => /#f\d|#[a-z]/.test(i) && !/#(?:title|q:)/.test(i)) ?? '').split('#');
      const rec = (await t.store.getEvent(eventId ?? '')) as EventRecord;
      expect((await saveReviewEdit({ store: t.store, stories, now: () => now }, rec.id, eventVersion(rec), { facts: { [fact ?? '']: 'Reworded by an editor.' } }, { id: 'slack:U1' })).ok).toBe(true);
      const draft: EventRecord = {
        id: 'ws-draft',
        story: story.id,
        occurredAt: '2025-05-20T06:30:00Z',
        title: 'A map is agreed',
        status: 'draft',
        facts: [{ text: 'Both sides initialled a map.', source: 's' }],
        sources: [{ id: 's', name: 'Wire' }],
        signals: [{ question: 'territory', status: 'resolved', text: 'Both sides initialled a map.', fact: 'f1' }],
      };
      await t.store.upsertEvents([draft]);
      await queueReviewPost(t.store, { platform: 'slack', channel: 'CREV', workspace: 'T9' }, draft, now);
      await drainMessages({ store: t.store, adapters, stories, logger: silentLogger(), now: () => now, queueOptions: { perChannelIntervalMs: 0 } });
      expect((await decideDraft({ store: t.store, stories, now: () => now }, 'ws-draft', 'approve', { id: 'slack:U1' })).ok).toBe(true);
      await drainMessages({ store: t.store, adapters, stories, logger: silentLogger(), now: () => now, queueOptions: { perChannelIntervalMs: 0 } });
      // Channels are drained in parallel: the order across channels is not fixed.
      expect([...adapter.calls].sort()).toEqual([
        ['alert in thread', 'T2'],
        ['briefing', 'T2'],
        ['correction', 'T2'],
        ['review', 'T9'],
        ['review-update', 'T9'],
      ]);
    } finally {
      await t.cleanup();
    }
  });
});
