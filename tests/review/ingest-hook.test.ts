import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../src/records/schema.js';
import { saveReviewEdit } from '../../src/review/actions.js';
import { reviewIngestHook } from '../../src/review/ingest-hook.js';
import { eventVersion } from '../../src/review/version.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { sampleStory } from '../helpers/fixtures.js';

const story = sampleStory();
const stories = new Map([[story.id, story]]);
const now = () => new Date('2025-05-20T08:00:00Z');

const draft: EventRecord = {
  id: 'ev',
  story: story.id,
  occurredAt: '2025-05-20T06:00:00Z',
  title: 'Talks on a prisoner exchange',
  status: 'draft',
  facts: [{ id: 'f1', text: 'Both sides said a prisoner exchange was close.', source: 'a' }],
  sources: [{ id: 'a', name: 'Agency A' }],
  signals: [{ question: 'territory', status: 'open', text: 'Nothing on land yet.', fact: 'f1' }],
};

describe('after ingestion stores an event', () => {
  it('queues one review message per new draft; a merged article is audited, updates it, and keeps signals a reviewer set', async () => {
    const store = openSqliteStore(':memory:');
    const hook = reviewIngestHook({ store, stories, review: { platform: 'slack', channel: 'CREV' }, now });
    await store.upsertEvents([draft]);
    await hook({ outcome: 'created', eventId: 'ev', record: draft });
    await hook({ outcome: 'created', eventId: 'ev', record: draft });
    expect((await store.listMessageJobs()).map((j) => [j.key, j.kind, j.channel])).toEqual([['review:ev', 'review-post', 'CREV']]);

    // A reviewer sets the territory signal by hand.
    const edited = await saveReviewEdit({ store, stories, now }, 'ev', eventVersion(draft), { questions: { territory: { status: 'contested', text: 'Claims differ on the front line.' } } }, { id: 'slack:U1' });
    expect(edited.ok).toBe(true);
    const before = (await store.getEvent('ev')) as EventRecord;

    // Then another article merges in; merging proposes signals again from all the facts.
    const merged: EventRecord = {
      ...before,
      sources: [...before.sources, { id: 'b', name: 'Agency B' }],
      facts: [...before.facts, { id: 'f2', text: 'Officials expect the exchange within days.', source: 'b' }],
      signals: [{ question: 'territory', status: 'moved', text: 'Proposed again from the facts.' }],
    };
    await store.upsertEvents([merged]);
    await hook({ outcome: 'merged', eventId: 'ev', record: merged, previous: before });
    const stored = await store.getEvent('ev');
    expect(stored?.sources.map((s) => s.id)).toEqual(['a', 'b']);
    expect(stored?.signals).toEqual(before.signals);
    expect((await store.listAudit({ eventId: 'ev' })).map((e) => [e.action, e.actor, e.detail])).toEqual([
      ['edit', 'slack:U1', 'changed question signals'],
      ['merge', 'ingest', 'merged an article from Agency B; kept the signals a reviewer set'],
    ]);
    expect((await store.listMessageJobs({ kind: 'review-update' })).length).toBe(2);
    // Still one review message: a merge never posts again.
    expect((await store.listMessageJobs({ kind: 'review-post' })).length).toBe(1);
    await store.close();
  });
});
