import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../src/records/schema.js';
import type { Store } from '../../src/store/store.js';
import { sampleRecords, sampleStory } from '../helpers/fixtures.js';

/**
 * The behaviour every Store implementation must have. Call it from a test file with a factory that
 * returns a fresh, empty store and a disposer.
 */
export function storeContract(name: string, make: () => Promise<{ store: Store; dispose: () => Promise<void> }>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ store, dispose } = await make());
    });
    afterEach(async () => {
      await dispose();
    });

    const rec = (id: string, occurredAt: string, extra: Partial<EventRecord> = {}): EventRecord => ({
      id,
      story: 'ukraine-ceasefire',
      occurredAt,
      title: `Event ${id}`,
      facts: [{ text: `Fact of ${id}.`, source: 's' }],
      sources: [{ id: 's', name: 'Source' }],
      ...extra,
    });

    it('round-trips stories', async () => {
      await store.upsertStory(sampleStory());
      expect(await store.getStory('ukraine-ceasefire')).toEqual(sampleStory());
      expect((await store.listStories()).map((s) => s.id)).toEqual(['ukraine-ceasefire']);
      expect(await store.getStory('nope')).toBeUndefined();
    });

    it('upserts events idempotently: the same records twice change nothing', async () => {
      const records = sampleRecords();
      const first = await store.upsertEvents(records);
      expect(first).toEqual({ inserted: records.length, updated: 0, unchanged: 0 });
      const second = await store.upsertEvents(records);
      expect(second).toEqual({ inserted: 0, updated: 0, unchanged: records.length });
      expect(await store.countEvents('ukraine-ceasefire')).toBe(records.length);
    });

    it('updates a changed record in place and replaces its signals', async () => {
      await store.upsertEvents([rec('a', '2025-05-19T10:00:00Z', { signals: [{ question: 'territory', status: 'open', text: 'x' }] })]);
      const res = await store.upsertEvents([rec('a', '2025-05-19T10:00:00Z', { title: 'New title', signals: [{ question: 'territory', status: 'moved', text: 'y' }] })]);
      expect(res.updated).toBe(1);
      expect((await store.getEvent('a'))?.title).toBe('New title');
      const sigs = await store.listSignals({ story: 'ukraine-ceasefire', question: 'territory' });
      expect(sigs.map((s) => s.status)).toEqual(['moved']);
    });

    it('lists events newest first within [from, to) with a limit', async () => {
      await store.upsertEvents([rec('a', '2025-05-18T10:00:00Z'), rec('b', '2025-05-19T10:00:00Z'), rec('c', '2025-05-20T10:00:00Z')]);
      const all = await store.listEvents({ story: 'ukraine-ceasefire' });
      expect(all.map((r) => r.id)).toEqual(['c', 'b', 'a']);
      const window = await store.listEvents({ story: 'ukraine-ceasefire', from: '2025-05-19T00:00:00Z', to: '2025-05-20T10:00:00Z' });
      expect(window.map((r) => r.id)).toEqual(['b']);
      expect((await store.listEvents({ story: 'ukraine-ceasefire', limit: 1 })).map((r) => r.id)).toEqual(['c']);
      expect(await store.listEvents({ story: 'other' })).toEqual([]);
    });

    it('hides drafts from briefings until approved', async () => {
      await store.upsertEvents([rec('d', '2025-05-19T10:00:00Z', { status: 'draft', signals: [{ question: 'territory', status: 'moved', text: 'draft signal' }] })]);
      expect(await store.listEvents({ story: 'ukraine-ceasefire' })).toEqual([]);
      expect((await store.listEvents({ story: 'ukraine-ceasefire', status: 'draft' })).map((r) => r.id)).toEqual(['d']);
      expect(await store.listSignals({ story: 'ukraine-ceasefire' })).toEqual([]);
      expect(await store.setEventStatus('d', 'published')).toBe(true);
      expect((await store.listEvents({ story: 'ukraine-ceasefire' })).map((r) => r.id)).toEqual(['d']);
      expect((await store.listSignals({ story: 'ukraine-ceasefire' })).map((s) => s.text)).toEqual(['draft signal']);
      expect(await store.setEventStatus('missing', 'published')).toBe(false);
    });

    it('lists signals newest first, per question, before a bound', async () => {
      await store.upsertEvents([
        rec('a', '2025-05-18T10:00:00Z', { signals: [{ question: 'territory', status: 'moved', text: 'first' }] }),
        rec('b', '2025-05-19T10:00:00Z', { signals: [{ question: 'territory', status: 'contested', text: 'second' }, { question: 'ukraine-response', status: 'open', text: 'other' }] }),
      ]);
      const t = await store.listSignals({ story: 'ukraine-ceasefire', question: 'territory' });
      expect(t.map((s) => s.text)).toEqual(['second', 'first']);
      expect(t[0]).toMatchObject({ eventId: 'b', status: 'contested', question: 'territory' });
      const before = await store.listSignals({ story: 'ukraine-ceasefire', question: 'territory', before: '2025-05-19T00:00:00Z' });
      expect(before.map((s) => s.text)).toEqual(['first']);
      expect((await store.listSignals({ story: 'ukraine-ceasefire' })).length).toBe(3);
    });

    it('keeps one subscription per channel and story, pausing and removing it', async () => {
      const base = { platform: 'slack' as const, channel: 'C1', story: 'ukraine-ceasefire', time: '07:00', timezone: 'Europe/Kyiv', days: 'weekdays' as const, skipEmpty: false };
      const a = await store.upsertSubscription(base);
      const b = await store.upsertSubscription({ ...base, time: '08:30', days: ['mon', 'wed'], questions: ['territory'], createdBy: 'U1' });
      expect(b.id).toBe(a.id);
      expect(b).toMatchObject({ time: '08:30', days: ['mon', 'wed'], questions: ['territory'], createdBy: 'U1', paused: false });
      await store.upsertSubscription({ ...base, platform: 'discord', channel: '123' });
      expect((await store.listSubscriptions()).length).toBe(2);
      expect((await store.listSubscriptions({ platform: 'slack' })).map((s) => s.channel)).toEqual(['C1']);
      expect(await store.pauseChannel('slack', 'C1', 'channel_not_found')).toBe(1);
      expect((await store.listSubscriptions({ includePaused: false })).map((s) => s.platform)).toEqual(['discord']);
      expect((await store.listSubscriptions({ platform: 'slack' }))[0]).toMatchObject({ paused: true, pausedReason: 'channel_not_found' });
      await store.setSubscriptionPaused(a.id, false);
      expect((await store.listSubscriptions({ platform: 'slack' }))[0]?.paused).toBe(false);
      expect(await store.removeSubscription('slack', 'C1', 'ukraine-ceasefire')).toBe(1);
      expect(await store.removeSubscription('slack', 'C1', 'ukraine-ceasefire')).toBe(0);
    });

    it('creates an outbox job once per key and records its outcome', async () => {
      const job = { key: 'slack:C1:ukraine-ceasefire:2025-05-20', subscriptionId: null, platform: 'slack' as const, channel: 'C1', story: 'ukraine-ceasefire', dueAt: '2025-05-20T04:00:00.000Z', windowFrom: '2025-05-19T04:00:00.000Z', windowTo: '2025-05-20T04:00:00.000Z' };
      const first = await store.createJob(job, '2025-05-20T04:00:01.000Z');
      expect(first.created).toBe(true);
      expect(first.job.status).toBe('in-flight');
      const again = await store.createJob(job, '2025-05-20T04:00:02.000Z');
      expect(again.created).toBe(false);
      expect(await store.incrementJobAttempts(job.key, '2025-05-20T04:00:03.000Z')).toBe(1);
      await store.markJobSent(job.key, '1716177600.000100', '2025-05-20T04:00:04.000Z');
      expect(await store.getJob(job.key)).toMatchObject({ status: 'sent', messageId: '1716177600.000100', attempts: 1 });
      expect((await store.lastSentJob('slack', 'C1', 'ukraine-ceasefire'))?.windowTo).toBe(job.windowTo);
      await store.createJob({ ...job, key: 'k2' }, '2025-05-20T04:00:05.000Z');
      await store.markJobFailed('k2', 'boom', '2025-05-20T04:00:06.000Z');
      expect((await store.listJobs({ status: 'failed' })).map((j) => [j.key, j.error])).toEqual([['k2', 'boom']]);
      await store.createJob({ ...job, key: 'k3' }, '2025-05-20T04:00:07.000Z');
      await store.markJobSkipped('k3', 'nothing new', '2025-05-20T04:00:08.000Z');
      expect((await store.getJob('k3'))?.status).toBe('skipped');
    });

    it('records a subscription\'s workspace, keeps it when subscribed again without one, and pauses one workspace at a time', async () => {
      const base = { platform: 'slack' as const, story: 'ukraine-ceasefire', time: '07:00', timezone: 'UTC', days: 'daily' as const, skipEmpty: false };
      const a = await store.upsertSubscription({ ...base, channel: 'CA', workspace: 'T0A' });
      expect(a.workspace).toBe('T0A');
      // Subscribing again without a workspace (the CLI) keeps it; from another workspace (a shared channel) replaces it.
      expect((await store.upsertSubscription({ ...base, channel: 'CA', time: '08:00' })).workspace).toBe('T0A');
      await store.upsertSubscription({ ...base, channel: 'CB', workspace: 'T0B' });
      await store.upsertSubscription({ ...base, channel: 'CC' });
      expect((await store.listSubscriptions()).map((s) => [s.channel, s.workspace])).toEqual([['CA', 'T0A'], ['CB', 'T0B'], ['CC', undefined]]);
      await store.upsertSubscription({ ...base, platform: 'discord', channel: '123', workspace: 'T0A' });

      expect(await store.pauseWorkspace('slack', 'T0A', 'uninstalled')).toBe(1);
      const after = await store.listSubscriptions();
      expect(after.map((s) => [s.platform, s.channel, s.paused, s.pausedReason])).toEqual([
        ['slack', 'CA', true, 'uninstalled'],
        ['slack', 'CB', false, undefined],
        ['slack', 'CC', false, undefined],
        ['discord', '123', false, undefined],
      ]);
      // Already paused: counted once, reason kept. `null` reaches the subscriptions that record no workspace.
      expect(await store.pauseWorkspace('slack', 'T0A', 'other')).toBe(0);
      expect((await store.listSubscriptions({ channel: 'CA' }))[0]?.pausedReason).toBe('uninstalled');
      expect(await store.pauseWorkspace('slack', null, 'token revoked')).toBe(1);
      expect((await store.listSubscriptions({ includePaused: false })).map((s) => s.channel)).toEqual(['CB', '123']);
      // Subscribing again un-pauses, keeping the workspace.
      expect(await store.upsertSubscription({ ...base, channel: 'CA' })).toMatchObject({ paused: false, workspace: 'T0A' });
    });

    it('keeps the workspace with an outbox job', async () => {
      const job = { key: 'slack:CA:ukraine-ceasefire:2025-05-20', subscriptionId: null, platform: 'slack' as const, channel: 'CA', story: 'ukraine-ceasefire', dueAt: '2025-05-20T04:00:00.000Z' };
      expect((await store.createJob({ ...job, workspace: 'T0A' }, '2025-05-20T04:00:01.000Z')).job.workspace).toBe('T0A');
      expect((await store.getJob(job.key))?.workspace).toBe('T0A');
      expect((await store.createJob({ ...job, key: 'k-none' }, '2025-05-20T04:00:02.000Z')).job.workspace).toBeUndefined();
      expect((await store.listJobs({ channel: 'CA' })).map((j) => j.workspace)).toEqual(['T0A', undefined]);
    });

    it('saves a Slack installation by workspace id, replaces it on re-install (keeping when it was first installed), and deletes it', async () => {
      const install = {
        id: 'T0A',
        teamId: 'T0A',
        teamName: 'Newsroom A',
        isEnterpriseInstall: false,
        appId: 'A0001',
        botId: 'B0A',
        botUserId: 'U0BOTA',
        botScopes: ['commands', 'chat:write'],
        installedBy: 'U0ADMIN',
        sealedTokens: 'v1.sealed-a',
        installedAt: '2025-05-19T10:00:00.000Z',
        updatedAt: '2025-05-19T10:00:00.000Z',
      };
      expect(await store.getInstallation('T0A')).toBeUndefined();
      await store.saveInstallation(install);
      expect(await store.getInstallation('T0A')).toEqual(install);
      const org = { id: 'E0ORG', enterpriseId: 'E0ORG', enterpriseName: 'Org', isEnterpriseInstall: true, botScopes: [], sealedTokens: 'v1.sealed-org', installedAt: '2025-05-19T11:00:00.000Z', updatedAt: '2025-05-19T11:00:00.000Z' };
      await store.saveInstallation(org);
      expect(await store.getInstallation('E0ORG')).toEqual(org);

      const again = { ...install, teamName: 'Newsroom A (renamed)', botScopes: ['commands'], sealedTokens: 'v1.sealed-a2', installedAt: '2025-05-21T09:00:00.000Z', updatedAt: '2025-05-21T09:00:00.000Z' };
      await store.saveInstallation(again);
      expect(await store.getInstallation('T0A')).toEqual({ ...again, installedAt: '2025-05-19T10:00:00.000Z' });

      expect(await store.deleteInstallation('T0A')).toBe(true);
      expect(await store.deleteInstallation('T0A')).toBe(false);
      expect(await store.getInstallation('T0A')).toBeUndefined();
      expect(await store.getInstallation('E0ORG')).toEqual(org);
    });

    it('tracks seen feed items and feed state', async () => {
      expect(await store.markSeen('https://f.test/rss', 'item-1', '2025-05-20T00:00:00Z')).toBe(true);
      expect(await store.markSeen('https://f.test/rss', 'item-1', '2025-05-20T00:01:00Z')).toBe(false);
      expect(await store.getFeedState('https://f.test/rss')).toBeUndefined();
      await store.setFeedState({ url: 'https://f.test/rss', etag: '"abc"', failures: 2, nextPollAt: '2025-05-20T01:00:00Z' });
      expect(await store.getFeedState('https://f.test/rss')).toEqual({ url: 'https://f.test/rss', etag: '"abc"', failures: 2, nextPollAt: '2025-05-20T01:00:00Z' });
    });

    it('finds merge candidates by shared band within a date range, best first', async () => {
      await store.setEventBands('e1', 'ukraine-ceasefire', '2025-05-19T10:00:00Z', ['b1', 'b2', 'b3']);
      await store.setEventBands('e2', 'ukraine-ceasefire', '2025-05-19T12:00:00Z', ['b3']);
      await store.setEventBands('e3', 'ukraine-ceasefire', '2025-04-01T12:00:00Z', ['b1', 'b2']);
      await store.setEventBands('e4', 'other-story', '2025-05-19T12:00:00Z', ['b1']);
      const found = await store.findMergeCandidates({ story: 'ukraine-ceasefire', from: '2025-05-16T00:00:00Z', to: '2025-05-22T00:00:00Z', bands: ['b1', 'b2', 'b3'] });
      expect(found.map((c) => c.id)).toEqual(['e1', 'e2']);
      // No records stored for these ids: found, but without a version.
      const events = await store.findMergeCandidates({ story: 'ukraine-ceasefire', from: '2025-05-16T00:00:00Z', to: '2025-05-22T00:00:00Z', bands: ['b1', 'b2', 'b3'] });
      expect(events.map((e) => [e.id, e.version])).toEqual([['e1', undefined], ['e2', undefined]]);
      const first = await store.findMergeCandidates({ story: 'ukraine-ceasefire', from: '2025-05-16T00:00:00Z', to: '2025-05-22T00:00:00Z', bands: ['b1', 'b2', 'b3'], limit: 1 });
      expect(first.map((e) => e.id)).toEqual(['e1']);
      await store.setEventBands('e1', 'ukraine-ceasefire', '2025-05-19T10:00:00Z', ['zz']);
      expect((await store.findMergeCandidates({ story: 'ukraine-ceasefire', from: '2025-05-16T00:00:00Z', to: '2025-05-22T00:00:00Z', bands: ['b1'] })).map((c) => c.id)).toEqual([]);
    });

    it('stores an event with its band keys together, and replaces both on the next write', async () => {
      const first = rec('banded', '2025-05-19T10:00:00Z');
      expect(await store.upsertEventWithBands(first, ['x1', 'x2'])).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
      const range = { story: first.story, from: '2025-05-18T00:00:00Z', to: '2025-05-20T00:00:00Z' };
      expect(await store.getEvent('banded')).toEqual(first);
      expect((await store.findMergeCandidates({ ...range, bands: ['x2'] })).map((c) => c.id)).toEqual(['banded']);
      const [v1] = await store.findMergeCandidates({ ...range, bands: ['x2'] });
      expect(v1?.id).toBe('banded');
      expect(v1?.version !== undefined && v1.record()).toEqual(first);
      const [again] = await store.findMergeCandidates({ ...range, bands: ['x1', 'x2'] });
      expect(again?.version).toBe(v1?.version);
      const second = { ...first, title: `${first.title} (updated)` };
      expect(await store.upsertEventWithBands(second, ['x3'])).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
      const [v2] = await store.findMergeCandidates({ ...range, bands: ['x3'] });
      expect(v2?.version).not.toBe(v1?.version);
      expect(v2?.version !== undefined && v2.record()).toEqual(second);
      expect((await store.getEvent('banded'))?.title).toBe(second.title);
      expect((await store.findMergeCandidates({ ...range, bands: ['x1', 'x2'] })).map((c) => c.id)).toEqual([]);
      expect((await store.findMergeCandidates({ ...range, bands: ['x3'] })).map((c) => c.id)).toEqual(['banded']);
    });

    it('keeps the words of the reports an ingested event holds with it, replaced on the next write that gives them', async () => {
      const first = rec('worded', '2025-05-19T10:00:00Z');
      const range = { story: first.story, from: '2025-05-18T00:00:00Z', to: '2025-05-20T00:00:00Z' };
      await store.upsertEventWithBands(first, ['w1']);
      const [none] = await store.findMergeCandidates({ ...range, bands: ['w1'] });
      expect(none?.version !== undefined && none.words).toBeUndefined();
      await store.upsertEventWithBands(first, ['w1'], ['istanbul', 'memorandum', 'medinsky']);
      const [some] = await store.findMergeCandidates({ ...range, bands: ['w1'] });
      expect(some?.version !== undefined && some.words).toBe('istanbul memorandum medinsky');
      // A write without words keeps them; one with words replaces them.
      await store.upsertEventWithBands({ ...first, title: `${first.title} (edited)` }, ['w1']);
      const [kept] = await store.findMergeCandidates({ ...range, bands: ['w1'] });
      expect(kept?.version !== undefined && kept.words).toBe('istanbul memorandum medinsky');
      await store.upsertEventWithBands(first, ['w1'], ['geneva']);
      const [replaced] = await store.findMergeCandidates({ ...range, bands: ['w1'] });
      expect(replaced?.version !== undefined && replaced.words).toBe('geneva');
    });

    it('gives every event of a window with its record and words when it holds few enough, and none when it holds more', async () => {
      await store.upsertEventWithBands(rec('w-a', '2025-05-19T10:00:00Z'), ['q1'], ['ankara']);
      await store.upsertEvents([rec('w-b', '2025-05-20'), rec('w-c', '2025-05-25T10:00:00Z'), rec('w-curated', '2025-05-19')]);
      await store.setEventBands('w-b', 'ukraine-ceasefire', '2025-05-20', ['q2']);
      await store.setEventBands('w-c', 'ukraine-ceasefire', '2025-05-25T10:00:00Z', ['q3']);
      await store.setEventStatus('w-b', 'draft');
      const range = { story: 'ukraine-ceasefire', from: '2025-05-18T00:00:00Z', to: '2025-05-21T00:00:00Z' };
      const all = await store.findMergeWindow({ ...range, limit: 5 });
      // Drafts too, by id, each with its record; words where ingestion wrote them; not a record with no band keys.
      expect(all?.map((c) => c.id)).toEqual(['w-a', 'w-b']);
      expect(all?.map((c) => (c.version !== undefined ? [c.record().id, c.words] : undefined))).toEqual([['w-a', 'ankara'], ['w-b', undefined]]);
      expect(await store.findMergeWindow({ ...range, limit: 1 })).toBeUndefined();
      expect(await store.findMergeWindow({ ...range, story: 'other-story', limit: 1 })).toEqual([]);
    });

    it('grants a lease to one owner at a time until it expires', async () => {
      expect(await store.acquireLease('delivery', 'a', 60_000, 1_000)).toBe(true);
      expect(await store.acquireLease('delivery', 'b', 60_000, 2_000)).toBe(false);
      expect(await store.acquireLease('delivery', 'a', 60_000, 3_000)).toBe(true);
      expect(await store.acquireLease('delivery', 'b', 60_000, 63_001)).toBe(true);
      await store.releaseLease('delivery', 'a');
      expect(await store.acquireLease('delivery', 'a', 60_000, 64_000)).toBe(false);
      await store.releaseLease('delivery', 'b');
      expect(await store.acquireLease('delivery', 'a', 60_000, 64_000)).toBe(true);
    });

    it('claims in-flight jobs: one owner at a time, taken over once the claim expires, fenced attempts', async () => {
      const job = { key: 'slack:C1:ukraine-ceasefire:2025-05-20', subscriptionId: null, platform: 'slack' as const, channel: 'C1', story: 'ukraine-ceasefire', dueAt: '2025-05-20T04:00:00.000Z' };
      const a = { owner: 'a', ttlMs: 10_000, nowMs: 1_000_000 };
      expect((await store.createJob(job, '2025-05-20T04:00:01.000Z', a)).created).toBe(true);
      // b can neither create nor claim it while a's claim holds; a can renew its own.
      expect((await store.createJob(job, '2025-05-20T04:00:01.000Z', { ...a, owner: 'b' })).created).toBe(false);
      expect(await store.claimJob(job.key, { owner: 'b', ttlMs: 10_000, nowMs: 1_005_000 })).toBeUndefined();
      expect((await store.claimJob(job.key, { ...a, nowMs: 1_005_000 }))?.key).toBe(job.key);
      expect(await store.startJobAttempt(job.key, { ...a, nowMs: 1_006_000 })).toBe(1);
      expect(await store.startJobAttempt(job.key, { owner: 'b', ttlMs: 10_000, nowMs: 1_006_000 })).toBeUndefined();
      expect(await store.renewJobClaims('a', [job.key, 'not-held'], 10_000, 1_010_000)).toBe(1);
      expect(await store.claimJob(job.key, { owner: 'b', ttlMs: 10_000, nowMs: 1_019_999 })).toBeUndefined();
      // a stops renewing (it died): after expiry b takes the job over, with its attempt count, and a is fenced out.
      const taken = await store.claimJob(job.key, { owner: 'b', ttlMs: 10_000, nowMs: 1_020_000 });
      expect(taken).toMatchObject({ key: job.key, status: 'in-flight', attempts: 1 });
      expect(await store.startJobAttempt(job.key, { ...a, nowMs: 1_020_001 })).toBeUndefined();
      expect(await store.renewJobClaims('a', [job.key], 10_000, 1_020_001)).toBe(0);
      expect(await store.startJobAttempt(job.key, { owner: 'b', ttlMs: 10_000, nowMs: 1_020_001 })).toBe(2);
      // An expired claim no longer allows attempts, even by its owner.
      expect(await store.startJobAttempt(job.key, { owner: 'b', ttlMs: 10_000, nowMs: 1_031_000 })).toBeUndefined();
      // Released: anyone may take it at once.
      await store.claimJob(job.key, { owner: 'b', ttlMs: 10_000, nowMs: 1_031_000 });
      await store.releaseJobClaim(job.key, 'a'); // not a's to release
      expect(await store.claimJob(job.key, { owner: 'c', ttlMs: 10_000, nowMs: 1_031_001 })).toBeUndefined();
      await store.releaseJobClaim(job.key, 'b');
      expect((await store.claimJob(job.key, { owner: 'c', ttlMs: 10_000, nowMs: 1_031_001 }))?.key).toBe(job.key);
      // A finished job can't be claimed.
      await store.markJobSent(job.key, 'm1', '2025-05-20T04:01:00.000Z');
      expect(await store.claimJob(job.key, { owner: 'c', ttlMs: 10_000, nowMs: 1_031_002 })).toBeUndefined();
      expect(await store.getJob(job.key)).toMatchObject({ status: 'sent', attempts: 2, messageId: 'm1' });
      await store.createJob({ ...job, key: 'k2' }, '2025-05-20T04:00:01.000Z');
      expect(await store.jobStatuses([job.key, 'k2', 'missing'])).toEqual(new Map([[job.key, 'sent'], ['k2', 'in-flight']]));
      expect(await store.jobStatuses([])).toEqual(new Map());
    });

    it('writes many jobs unclaimed, then hands them out in claimed batches, oldest first, never twice while held', async () => {
      const job = (key: string, dueAt: string) => ({ key, subscriptionId: 7, platform: 'discord' as const, channel: key, story: 's', dueAt, windowFrom: '2025-05-19T04:00:00.000Z', windowTo: '2025-05-20T04:00:00.000Z' });
      const jobs = [job('k3', '2025-05-20T04:00:00.000Z'), { ...job('k1', '2025-05-20T04:00:00.000Z'), workspace: 'T0A' }, job('k2', '2025-05-20T03:00:00.000Z')];
      expect(await store.createJobs(jobs, '2025-05-20T04:00:01.000Z')).toBe(3);
      expect(await store.createJobs([...jobs, job('k4', '2025-05-20T04:00:00.000Z')], '2025-05-20T04:00:02.000Z')).toBe(1);
      expect(await store.getJob('k1')).toMatchObject({ status: 'in-flight', attempts: 0, subscriptionId: 7, windowFrom: '2025-05-19T04:00:00.000Z', windowTo: '2025-05-20T04:00:00.000Z', workspace: 'T0A' });
      expect((await store.getJob('k2'))?.workspace).toBeUndefined();
      expect(await store.createJobs([], '2025-05-20T04:00:02.000Z')).toBe(0);
      const keys = ['k1', 'k2', 'k3', 'k4', 'missing'];
      const a = { owner: 'a', ttlMs: 10_000, nowMs: 1_000_000 };
      const b = { owner: 'b', ttlMs: 10_000, nowMs: 1_000_000 };
      expect((await store.claimJobs(keys, a, 2)).map((j) => j.key)).toEqual(['k2', 'k1']);
      expect((await store.claimJobs(keys, b, 10)).map((j) => j.key)).toEqual(['k3', 'k4']);
      expect(await store.claimJobs(keys, a, 10)).toEqual([]);
      // Held jobs can be attempted by their holder; finished ones are never handed out again.
      expect(await store.startJobAttempt('k2', { ...a, nowMs: 1_001_000 })).toBe(1);
      await store.markJobSent('k1', 'm1', '2025-05-20T04:01:00.000Z');
      // b dies: once its claims expire, a gets its jobs (with their attempt counts); k2 is still a's.
      const later = { ...a, nowMs: 1_010_001 };
      expect(await store.renewJobClaims('a', ['k2'], 10_000, 1_005_000)).toBe(1);
      expect((await store.claimJobs(keys, later, 10)).map((j) => j.key)).toEqual(['k3', 'k4']);
      expect(await store.claimJobs(['k4'], { ...b, nowMs: 1_010_002 }, 1)).toEqual([]);
      expect(await store.claimJobs(keys, later, 0)).toEqual([]);
    });

    it('tells the window end of the last sent briefing of many channels at once', async () => {
      const base = { subscriptionId: null, platform: 'slack' as const, story: 'ukraine-ceasefire', dueAt: '2025-05-20T04:00:00.000Z' };
      await store.createJob({ ...base, key: 'a1', channel: 'CA', windowTo: '2025-05-19T04:00:00.000Z' }, '2025-05-19T04:00:00.000Z');
      await store.createJob({ ...base, key: 'a2', channel: 'CA', dueAt: '2025-05-21T04:00:00.000Z', windowTo: '2025-05-20T04:00:00.000Z' }, '2025-05-20T04:00:00.000Z');
      await store.createJob({ ...base, key: 'a3', channel: 'CA', dueAt: '2025-05-22T04:00:00.000Z', windowTo: '2025-05-21T04:00:00.000Z' }, '2025-05-21T04:00:00.000Z');
      await store.createJob({ ...base, key: 'b1', channel: 'CB', windowTo: '2025-05-18T04:00:00.000Z' }, '2025-05-18T04:00:00.000Z');
      for (const k of ['a1', 'a2', 'b1']) await store.markJobSent(k, `m-${k}`, '2025-05-22T00:00:00.000Z');
      await store.markJobFailed('a3', 'boom', '2025-05-22T00:00:00.000Z'); // failed: not a sent window
      const windows = await store.lastSentWindows([
        { platform: 'slack', channel: 'CA', story: 'ukraine-ceasefire' },
        { platform: 'slack', channel: 'CB', story: 'ukraine-ceasefire' },
        { platform: 'slack', channel: 'CC', story: 'ukraine-ceasefire' },
        { platform: 'discord', channel: 'CA', story: 'ukraine-ceasefire' },
      ]);
      expect(windows).toEqual(
        new Map([
          ['slack:CA:ukraine-ceasefire', '2025-05-20T04:00:00.000Z'],
          ['slack:CB:ukraine-ceasefire', '2025-05-18T04:00:00.000Z'],
        ]),
      );
      expect((await store.lastSentJob('slack', 'CA', 'ukraine-ceasefire'))?.windowTo).toBe(windows.get('slack:CA:ukraine-ceasefire'));
      expect(await store.lastSentWindows([])).toEqual(new Map());
    });

    it('shares rate limits: reserved starts are spaced per bucket, and a block holds everyone back', async () => {
      const global = { name: 'discord:global', intervalMs: 20 };
      const channel = (id: string) => ({ name: `discord:channel:${id}`, intervalMs: 1000 });
      const start = async (buckets: Parameters<Store['reserveRate']>[0], nowMs: number) => (await store.reserveRate(buckets, nowMs)).startMs;
      expect(await start([global, channel('1')], 5_000)).toBe(5_000);
      expect(await start([global, channel('2')], 5_000)).toBe(5_020);
      // Channel 1 was used at 5000: its next start is a second later, which also pushes the global bucket on.
      expect(await start([global, channel('1')], 5_001)).toBe(6_000);
      expect(await start([global], 5_001)).toBe(6_020);
      await store.blockRate('discord:global', 9_000);
      await store.blockRate('discord:global', 8_000); // an earlier block never shortens a later one
      // Too far off for the caller's patience: nothing is reserved, and asking again later gets the same start.
      expect(await store.reserveRate([global, channel('3')], 6_100, 1_000)).toEqual({ startMs: 9_000, reserved: false });
      expect(await store.reserveRate([global, channel('3')], 8_500, 1_000)).toEqual({ startMs: 9_000, reserved: true });
      expect(await start([global], 8_600)).toBe(9_020);
      expect(await start([channel('4')], 6_100)).toBe(6_100);
      expect(await store.reserveRate([], 7_000)).toEqual({ startMs: 7_000, reserved: true });
    });

    it('keeps named bookkeeping values', async () => {
      expect(await store.getMeta('stories-sync')).toBeUndefined();
      await store.setMeta('stories-sync', 'a');
      await store.setMeta('stories-sync', 'b');
      await store.setMeta('other', 'c');
      expect(await store.getMeta('stories-sync')).toBe('b');
      expect(await store.getMeta('other')).toBe('c');
    });

    it('changes its revision when data changes, and only then', async () => {
      const r0 = await store.revision();
      expect(await store.revision()).toBe(r0);
      await store.listEvents({ story: 'ukraine-ceasefire' });
      expect(await store.revision()).toBe(r0);
      await store.upsertEvents([rec('rev', '2025-05-19T10:00:00Z')]);
      const r1 = await store.revision();
      expect(r1).not.toBe(r0);
      await store.upsertSubscription({ platform: 'slack', channel: 'C9', story: 'ukraine-ceasefire', time: '07:00', timezone: 'UTC', days: 'daily', skipEmpty: false });
      expect(await store.revision()).not.toBe(r1);
    });

    it('keeps archived records out of briefings and draft lists', async () => {
      await store.upsertEvents([rec('x', '2025-05-19T10:00:00Z', { status: 'draft', signals: [{ question: 'territory', status: 'moved', text: 's' }] })]);
      expect(await store.setEventStatus('x', 'archived')).toBe(true);
      expect(await store.listEvents({ story: 'ukraine-ceasefire' })).toEqual([]);
      expect(await store.listEvents({ story: 'ukraine-ceasefire', status: 'draft' })).toEqual([]);
      expect((await store.listEvents({ story: 'ukraine-ceasefire', status: 'archived' })).map((r) => r.id)).toEqual(['x']);
      expect(await store.listSignals({ story: 'ukraine-ceasefire' })).toEqual([]);
      expect((await store.getEvent('x'))?.status).toBe('archived');
    });

    it('reports the records a write replaced, before and after, when asked', async () => {
      await store.upsertEvents([rec('a', '2025-05-19T10:00:00Z'), rec('b', '2025-05-19T11:00:00Z')]);
      const plain = await store.upsertEvents([rec('a', '2025-05-19T10:00:00Z', { title: 'A2' })]);
      expect(plain.changes).toBeUndefined();
      const res = await store.upsertEvents([rec('a', '2025-05-19T10:00:00Z', { title: 'A3' }), rec('b', '2025-05-19T11:00:00Z'), rec('c', '2025-05-19T12:00:00Z')], { reportChanges: true });
      expect(res).toMatchObject({ inserted: 1, updated: 1, unchanged: 1 });
      expect(res.changes?.map((c) => [c.before.title, c.after.title])).toEqual([['A2', 'A3']]);
    });

    it('replaces a record only while it is unchanged (compare-and-set), auditing the winner', async () => {
      const draft = rec('cas', '2025-05-19T10:00:00Z', { status: 'draft' });
      await store.upsertEvents([draft]);
      const audit = (actor: string) => ({ at: '2025-05-19T12:00:00.000Z', actor, action: 'approve', eventId: 'cas', story: draft.story, before: draft });
      const first = await store.replaceEventIf(draft, { ...draft, status: 'published' }, audit('slack:U1'));
      expect(first.ok).toBe(true);
      const second = await store.replaceEventIf(draft, { ...draft, status: 'archived' }, audit('slack:U2'));
      expect(second).toMatchObject({ ok: false, reason: 'conflict', current: { status: 'published' }, last: { actor: 'slack:U1', action: 'approve' } });
      expect((await store.getEvent('cas'))?.status).toBe('published');
      expect((await store.listEvents({ story: 'ukraine-ceasefire' })).map((r) => r.id)).toEqual(['cas']);
      expect(await store.replaceEventIf(rec('nope', '2025-05-19T10:00:00Z'), rec('nope', '2025-05-19T10:00:00Z'), audit('x'))).toEqual({ ok: false, reason: 'missing' });
      // Key order does not matter: equality is on the record's content.
      const stored = (await store.getEvent('cas')) as EventRecord;
      const reordered = Object.fromEntries(Object.entries(stored).reverse()) as EventRecord;
      expect((await store.replaceEventIf(reordered, { ...stored, title: 'Edited' }, { ...audit('slack:U3'), action: 'edit' })).ok).toBe(true);
      const log = await store.listAudit({ eventId: 'cas' });
      expect(log.map((e) => [e.actor, e.action])).toEqual([['slack:U1', 'approve'], ['slack:U3', 'edit']]);
      expect(log[0]?.before).toEqual(draft);
    });

    it('lists audit entries since an instant, oldest or newest first', async () => {
      const a = await store.appendAudit({ at: '2025-05-19T10:00:00.000Z', actor: 'cli:ann', actorName: 'Ann', action: 'retract', eventId: 'e1', detail: 'wrong figure', before: { x: 1 }, after: { x: 2 } });
      const b = await store.appendAudit({ at: '2025-05-20T10:00:00.000Z', actor: 'slack:U1', action: 'follow' });
      expect(b).toBeGreaterThan(a);
      expect((await store.listAudit()).map((e) => e.id)).toEqual([a, b]);
      expect((await store.listAudit({ order: 'desc', limit: 1 })).map((e) => e.id)).toEqual([b]);
      expect((await store.listAudit({ since: '2025-05-20T00:00:00Z' })).map((e) => e.action)).toEqual(['follow']);
      expect((await store.listAudit({ eventId: 'e1' }))[0]).toEqual({ id: a, at: '2025-05-19T10:00:00.000Z', actor: 'cli:ann', actorName: 'Ann', action: 'retract', eventId: 'e1', detail: 'wrong figure', before: { x: 1 }, after: { x: 2 } });
    });

    it('keeps retractions per story', async () => {
      await store.addRetraction({ story: 'ukraine-ceasefire', eventId: 'e1', factId: 'f2', factText: 'Wrong.', reason: 'misquote', actor: 'cli:ann', at: '2025-05-20T10:00:00.000Z' });
      await store.addRetraction({ story: 'ukraine-ceasefire', eventId: 'e2', reason: 'hoax', actor: 'cli:ann', at: '2025-05-20T11:00:00.000Z' });
      await store.addRetraction({ story: 'other', eventId: 'e3', reason: 'x', actor: 'cli:ann', at: '2025-05-20T11:00:00.000Z' });
      const list = await store.listRetractions('ukraine-ceasefire');
      expect(list.map((r) => [r.eventId, r.factId, r.factText, r.reason])).toEqual([
        ['e1', 'f2', 'Wrong.', 'misquote'],
        ['e2', undefined, undefined, 'hoax'],
      ]);
    });

    it('queues message jobs once per key, in order, and records their outcome', async () => {
      const job = { key: 'review:e1', kind: 'review-post' as const, platform: 'slack' as const, channel: 'CREV', story: 'ukraine-ceasefire', payload: { eventId: 'e1' } };
      const first = await store.enqueueMessage(job, '2025-05-20T10:00:00.000Z');
      expect(first).toMatchObject({ created: true, job: { status: 'queued', attempts: 0, payload: { eventId: 'e1' } } });
      expect((await store.enqueueMessage({ ...job, payload: { other: true } }, '2025-05-20T10:00:01.000Z')).created).toBe(false);
      await store.enqueueMessage({ ...job, key: 'correction:k:1', kind: 'correction' }, '2025-05-20T10:00:02.000Z');
      expect((await store.listMessageJobs({ status: 'queued' })).map((j) => j.key)).toEqual(['review:e1', 'correction:k:1']);
      expect(await store.incrementMessageAttempts('review:e1', '2025-05-20T10:00:03.000Z')).toBe(1);
      await store.markMessageJob('review:e1', 'sent', { messageId: '1716.0001' }, '2025-05-20T10:00:04.000Z');
      expect(await store.getMessageJob('review:e1')).toMatchObject({ status: 'sent', messageId: '1716.0001', attempts: 1 });
      expect((await store.findMessageJobByMessageId('slack', '1716.0001'))?.key).toBe('review:e1');
      expect(await store.findMessageJobByMessageId('discord', '1716.0001')).toBeUndefined();
      await store.markMessageJob('correction:k:1', 'skipped', { error: 'message gone' }, '2025-05-20T10:00:05.000Z');
      await store.enqueueMessage({ ...job, key: 'alert:w', kind: 'follow-alert', workspace: 'T0002' }, '2025-05-20T10:00:06.000Z');
      expect((await store.getMessageJob('alert:w'))?.workspace).toBe('T0002');
      expect((await store.getMessageJob('review:e1'))?.workspace).toBeUndefined();
      expect((await store.listMessageJobs({ status: ['sent', 'skipped'] })).map((j) => j.key)).toEqual(['review:e1', 'correction:k:1']);
      expect((await store.listMessageJobs({ kind: 'correction' }))[0]).toMatchObject({ status: 'skipped', error: 'message gone' });
    });

    it('records posted briefings with what they showed, and finds them by event and channel', async () => {
      const base = { platform: 'slack' as const, story: 'ukraine-ceasefire', rebuild: { since: '2025-05-19T07:00:00.000Z', now: '2025-05-20T07:00:00.000Z', fallback: 'none' as const }, corrections: [] };
      await store.recordPostedBriefing({ ...base, key: 'b1', channel: 'C1', messageId: '1.1', postedAt: '2025-05-20T07:00:01.000Z', shown: ['e1#f1', 'e1#title', 'e2#q:territory'] });
      await store.recordPostedBriefing({ ...base, key: 'b2', channel: 'C2', messageId: '1.2', postedAt: '2025-05-21T07:00:01.000Z', shown: ['e1#f2'], workspace: 'T0002' });
      expect((await store.getPostedBriefing('b2'))?.workspace).toBe('T0002');
      await store.recordPostedBriefing({ ...base, key: 'b0', channel: 'C1', messageId: '1.0', postedAt: '2025-05-10T07:00:01.000Z', shown: ['e1#f1'] });
      const since = '2025-05-15T00:00:00.000Z';
      expect((await store.listPostedBriefings({ since, eventId: 'e1' })).map((b) => b.key)).toEqual(['b1', 'b2']);
      expect((await store.listPostedBriefings({ since, eventId: 'e2' })).map((b) => b.key)).toEqual(['b1']);
      expect((await store.listPostedBriefings({ since, platform: 'slack', channel: 'C1', story: 'ukraine-ceasefire' })).map((b) => b.key)).toEqual(['b1']);
      expect(await store.addBriefingCorrection('b1', { id: '7', at: '2025-05-20T09:00:00.000Z', text: 'title now "X"' })).toBe(true);
      expect(await store.addBriefingCorrection('b1', { id: '7', at: '2025-05-20T09:00:00.000Z', text: 'title now "X"' })).toBe(true);
      expect(await store.addBriefingCorrection('nope', { id: '7', at: '2025-05-20T09:00:00.000Z', text: 'x' })).toBe(false);
      expect((await store.getPostedBriefing('b1'))?.corrections).toEqual([{ id: '7', at: '2025-05-20T09:00:00.000Z', text: 'title now "X"' }]);
      // Re-recording replaces what it showed (a corrected briefing may show other facts) and keeps its correction lines.
      const b1 = (await store.getPostedBriefing('b1'))!;
      await store.recordPostedBriefing({ ...b1, shown: ['e3#f1'], corrections: [] });
      expect((await store.listPostedBriefings({ since, eventId: 'e2' })).map((b) => b.key)).toEqual([]);
      expect((await store.listPostedBriefings({ since, eventId: 'e3' })).map((b) => b.key)).toEqual(['b1']);
      expect((await store.getPostedBriefing('b1'))).toMatchObject({ messageId: '1.1', rebuild: base.rebuild, corrections: [{ id: '7' }] });
    });

    it('keeps follows per channel and question, and question marks by compare-and-set', async () => {
      const f = { platform: 'discord' as const, channel: '123', story: 'ukraine-ceasefire', question: 'territory', createdBy: 'U1', createdAt: '2025-05-20T07:00:00.000Z' };
      expect(await store.addFollow(f)).toBe(true);
      expect(await store.addFollow(f)).toBe(false);
      await store.addFollow({ platform: 'slack', channel: 'C456', story: 'ukraine-ceasefire', question: 'ukraine-response', workspace: 'T0002', createdAt: f.createdAt });
      expect(await store.listFollows({ question: 'territory' })).toEqual([f]);
      expect((await store.listFollows({ question: 'ukraine-response' }))[0]?.workspace).toBe('T0002');
      expect((await store.listFollows({ story: 'ukraine-ceasefire' })).length).toBe(2);
      expect(await store.removeFollow('slack', 'C456', 'ukraine-ceasefire', 'ukraine-response')).toBe(true);
      expect(await store.removeFollow('slack', 'C456', 'ukraine-ceasefire', 'ukraine-response')).toBe(false);
      const mark = { story: 'ukraine-ceasefire', question: 'territory', status: 'open' as const, changedAt: '2025-05-20T07:00:00.000Z' };
      expect(await store.advanceQuestionMark(mark, null)).toBe(true);
      expect(await store.advanceQuestionMark(mark, null)).toBe(false);
      expect(await store.advanceQuestionMark({ ...mark, status: 'moved', eventId: 'e1' }, 0)).toBe(true);
      expect(await store.advanceQuestionMark({ ...mark, status: 'contested' }, 0)).toBe(false);
      expect(await store.listQuestionMarks('ukraine-ceasefire')).toEqual([{ ...mark, status: 'moved', eventId: 'e1', seq: 1 }]);
    });

    it('answers ping', async () => {
      expect(await store.ping()).toBe(true);
    });
  });
}
