import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainMessages } from '../../src/delivery/messages.js';
import { silentLogger } from '../../src/log.js';
import type { EventRecord } from '../../src/records/schema.js';
import { reviewIngestHook } from '../../src/review/ingest-hook.js';
import type { SqliteStore } from '../../src/store/sqlite-store.js';
import { startSlackHarness, type SlackHarness } from './harness.js';
import { expectWithinLimits, mrkdwnStrings } from './limits.js';
import { NOW, testStory } from './story-data.js';

const REVIEW = 'CREVIEW1';

interface Block {
  type: string;
  block_id?: string;
  elements?: Array<{ action_id?: string; value?: string; text?: { text: string } }>;
  element?: { type: string; initial_value?: string; initial_option?: { value: string } };
}

function draft(id: string, extra: Partial<EventRecord> = {}): EventRecord {
  return {
    id,
    story: 'test-talks',
    occurredAt: '2025-05-19T04:00:00Z',
    title: `Negotiators agree on a new round (${id})`,
    status: 'draft',
    dateSource: 'ingest-time',
    facts: [
      { text: 'Negotiators agreed to meet again next week, officials said.', source: 'wire', speaker: 'Officials' },
      { text: 'The talks <!channel> lasted three hours.', source: 'wire' },
    ],
    sources: [{ id: 'wire', name: 'Wire Service', url: 'https://wire.example/round' }],
    signals: [{ question: 'ceasefire', status: 'moved', text: 'A new round was agreed.', fact: 'f1' }],
    ...extra,
  };
}

/** Wait until `check` holds (a click is acknowledged before it is acted on). */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('timed out');
}

/** A modal's state as Slack would submit it: every input's initial value, with some replaced. */
function stateOf(view: { blocks: Block[] }, changes: Record<string, string | null>): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const b of view.blocks) {
    if (b.type !== 'input' || !b.block_id || !b.element) continue;
    const changed = Object.hasOwn(changes, b.block_id) ? changes[b.block_id] : undefined;
    if (b.element.type === 'static_select') {
      const value = changed ?? b.element.initial_option?.value;
      values[b.block_id] = { value: { type: 'static_select', selected_option: value ? { value, text: { type: 'plain_text', text: value } } : null } };
    } else values[b.block_id] = { value: { type: 'plain_text_input', value: changed === undefined ? (b.element.initial_value ?? null) : changed } };
  }
  return values;
}

describe('Reviewing drafts in Slack (real Bolt, signed interactive payloads)', () => {
  let h: SlackHarness;
  let store: SqliteStore;
  let kicks = 0;
  const drain = () =>
    drainMessages({ store: h.store, adapters: new Map([['slack', h.platform.chat]]), stories: new Map([['test-talks', testStory()]]), logger: silentLogger(), now: () => NOW, queueOptions: { perChannelIntervalMs: 0 } });
  const queueDraft = async (rec: EventRecord) => {
    await h.store.upsertEvents([rec]);
    await reviewIngestHook({ store: h.store, stories: new Map([['test-talks', testStory()]]), review: { platform: 'slack', channel: REVIEW }, now: () => NOW })({ outcome: 'created', eventId: rec.id, record: rec });
  };
  const reviewMessage = async (id: string) => {
    const job = await h.store.getMessageJob(`review:${id}`);
    const msg = job?.messageId ? h.api.message(REVIEW, job.messageId) : undefined;
    if (!msg) throw new Error(`no review message for ${id}`);
    return { ts: msg.ts, fallback: msg.text ?? '', text: mrkdwnStrings({ text: msg.text ?? '', blocks: msg.blocks as never }).join('\n'), blocks: msg.blocks as Block[] };
  };
  const buttonsOf = (blocks: Block[]) => blocks.find((b) => b.type === 'actions')?.elements?.map((e) => e.text?.text) ?? [];

  beforeAll(async () => {
    h = await startSlackHarness({ env: { SITREP_REVIEW_CHANNEL: `slack:${REVIEW}`, SITREP_REVIEWERS: 'U777,SEDITORS' }, onQueued: () => void kicks++ });
    store = h.store as SqliteStore;
    h.api.setUserGroup('SEDITORS', ['U888']);
  });
  afterAll(() => h.close());

  it('posts a new draft once, with its date source, facts, signals and the three buttons (escaped)', async () => {
    await queueDraft(draft('round-1'));
    // The same draft queued again (a retried ingest) is still one message.
    await reviewIngestHook({ store: h.store, stories: new Map([['test-talks', testStory()]]), review: { platform: 'slack', channel: REVIEW }, now: () => NOW })({ outcome: 'created', eventId: 'round-1', record: draft('round-1') });
    const summary = await drain();
    expect(summary.sent).toBe(1);
    expect(await drain()).toMatchObject({ sent: 0, reports: [] });
    const posts = h.api.okCallsOf('chat.postMessage').filter((c) => c.body.channel === REVIEW);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body.metadata).toMatchObject({ event_payload: { key: 'review:round-1' } });
    const msg = await reviewMessage('round-1');
    expectWithinLimits({ text: msg.fallback, blocks: msg.blocks });
    expect(msg.text).toContain('Negotiators agree on a new round');
    expect(msg.text).toContain('no date found in the article: this is when it was ingested, check it');
    expect(msg.text).toContain('Negotiators agreed to meet again next week, officials said. — Officials');
    expect(msg.text).toContain('&lt;!channel&gt;');
    expect(msg.text).toContain('*Ceasefire* → :arrow_forward: Moved: A new round was agreed.');
    expect(buttonsOf(msg.blocks)).toEqual(['Approve', 'Edit', 'Reject']);
  });

  it('Edit opens a modal; an invalid save shows the problems on the fields and saves nothing; a valid one saves and updates the message', async () => {
    const before = await h.store.getEvent('round-1');
    const { ts } = await reviewMessage('round-1');
    await h.clickButton('round-1', { actionId: 'sitrep_review_edit', channel: REVIEW, messageTs: ts, triggerId: 'trigger-edit-1' });
    await h.api.waitFor((api) => api.views.length === 1);
    const opened = h.api.views[0];
    expect(opened?.trigger_id).toBe('trigger-edit-1');
    const view = opened?.view as { callback_id: string; private_metadata: string; blocks: Block[] };
    expect(view.blocks.map((b) => b.block_id).filter(Boolean)).toEqual(['title', 'fact:f1', 'fact:f2', 'q:ceasefire:status', 'q:ceasefire:text', 'q:territory:status', 'q:territory:text']);

    const bad = await h.submitView({
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      values: stateOf(view, { title: '   ', 'fact:f1': 'x'.repeat(401), 'q:territory:status': 'sideways' }),
    });
    expect(bad.status).toBe(200);
    const errors = JSON.parse(bad.body) as { response_action: string; errors: Record<string, string> };
    expect(errors.response_action).toBe('errors');
    expect(errors.errors['q:territory:status']).toMatch(/Unknown status "sideways"/);
    const bad2 = await h.submitView({ callback_id: view.callback_id, private_metadata: view.private_metadata, values: stateOf(view, { title: '   ', 'fact:f1': 'x'.repeat(401) }) });
    const errors2 = JSON.parse(bad2.body) as { errors: Record<string, string> };
    expect(errors2.errors.title).toBe('The title cannot be empty.');
    expect(errors2.errors['fact:f1']).toBe('This fact is too long: at most 400 characters (this one has 401).');
    expect(await h.store.getEvent('round-1')).toEqual(before);

    const good = await h.submitView({
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      values: stateOf(view, { title: 'Negotiators agree to a second round', 'fact:f2': '', 'q:territory:status': 'contested', 'q:territory:text': 'Both sides still claim the same land.' }),
    });
    expect(good).toEqual({ status: 200, body: '' });
    const saved = await h.store.getEvent('round-1');
    expect(saved?.title).toBe('Negotiators agree to a second round');
    expect(saved?.facts.map((f) => f.id)).toEqual(['f1']);
    expect(saved?.signals?.map((s) => [s.question, s.status])).toEqual([
      ['ceasefire', 'moved'],
      ['territory', 'contested'],
    ]);
    expect(saved?.status).toBe('draft');
    expect((await h.store.listAudit({ eventId: 'round-1' })).map((e) => [e.action, e.actor])).toEqual([['edit', 'slack:U777']]);
    expect(kicks).toBeGreaterThan(0);

    await drain();
    const updated = await reviewMessage('round-1');
    expect(updated.ts).toBe(ts);
    expect(updated.text).toContain('Negotiators agree to a second round');
    expect(updated.text).not.toContain('lasted three hours');
    expect(updated.text).toContain('last edited by user-u777');
  });

  it('a user outside SITREP_REVIEWERS gets an ephemeral refusal, and the attempt is audited', async () => {
    await h.clickButton('round-1', { actionId: 'sitrep_review_approve', channel: REVIEW, user: 'U999', responseId: 'denied' });
    const reply = (await h.reply('denied')).body as { response_type: string; text: string; replace_original: boolean };
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.replace_original).toBe(false);
    expect(reply.text).toContain('Only reviewers can approve, edit or reject drafts');
    expect((await h.store.getEvent('round-1'))?.status).toBe('draft');
    expect((await h.store.listAudit({ eventId: 'round-1', order: 'desc', limit: 1 }))[0]).toMatchObject({ action: 'denied', actor: 'slack:U999', detail: 'approve' });
  });

  it('Approve by a member of a reviewer user group publishes and updates the message; pressing it again says who did it', async () => {
    const { ts } = await reviewMessage('round-1');
    const before = kicks;
    await h.clickButton('round-1', { actionId: 'sitrep_review_approve', channel: REVIEW, user: 'U888', messageTs: ts, responseId: 'approve-1' });
    // The bot is told once everything the approval queued is in the outbox.
    await until(async () => kicks > before);
    expect((await h.store.getEvent('round-1'))?.status).toBe('published');
    await drain();
    const msg = await reviewMessage('round-1');
    expect(msg.text).toContain('*Approved* by user-u888');
    expect(buttonsOf(msg.blocks)).toEqual(['Edit']);
    expect(h.api.calls.some((c) => c.path === '/respond/approve-1')).toBe(false);

    await h.clickButton('round-1', { actionId: 'sitrep_review_approve', channel: REVIEW, user: 'U777', messageTs: ts, responseId: 'approve-2' });
    const again = (await h.reply('approve-2')).body as { text: string };
    expect(again.text).toMatch(/Already approved by user-u888 \(19 May 2025, 06:00 UTC\)\./);
    expect((await h.store.listAudit({ eventId: 'round-1' })).filter((e) => e.action === 'approve')).toHaveLength(1);
  });

  it('two reviewers pressing Approve and Reject at once: one wins, the other is told who', async () => {
    await queueDraft(draft('round-2'));
    await drain();
    const { ts } = await reviewMessage('round-2');
    await Promise.all([
      h.clickButton('round-2', { actionId: 'sitrep_review_approve', channel: REVIEW, user: 'U777', messageTs: ts, responseId: 'race-a' }),
      h.clickButton('round-2', { actionId: 'sitrep_review_reject', channel: REVIEW, user: 'U888', messageTs: ts, responseId: 'race-b' }),
    ]);
    await h.api.waitFor((api) => api.calls.some((c) => c.path === '/respond/race-a' || c.path === '/respond/race-b'));
    const decisions = (await h.store.listAudit({ eventId: 'round-2' })).filter((e) => e.action === 'approve' || e.action === 'reject');
    expect(decisions).toHaveLength(1);
    const loser = h.api.calls.filter((c) => c.path === '/respond/race-a' || c.path === '/respond/race-b');
    expect(loser).toHaveLength(1);
    const winner = decisions[0];
    expect(String(loser[0]?.body.text)).toContain(winner?.action === 'approve' ? 'Already approved by user-u777' : 'Already rejected by user-u888');
    expect((await h.store.getEvent('round-2'))?.status).toBe(winner?.action === 'approve' ? 'published' : 'archived');
  });

  it('Reject archives the draft: kept, never briefed, no longer listed as a draft, and the message says so', async () => {
    await queueDraft(draft('round-3', { occurredAt: '2025-05-19T05:00:00Z' }));
    await drain();
    const before = kicks;
    await h.clickButton('round-3', { actionId: 'sitrep_review_reject', channel: REVIEW, user: 'U777' });
    await until(async () => kicks > before);
    expect((await h.store.getEvent('round-3'))?.status).toBe('archived');
    expect((await h.store.listEvents({ story: 'test-talks', status: 'draft' })).map((r) => r.id)).not.toContain('round-3');
    expect((await h.store.listEvents({ story: 'test-talks' })).map((r) => r.id)).not.toContain('round-3');
    await drain();
    const msg = await reviewMessage('round-3');
    expect(msg.text).toContain(':wastebasket: *Rejected* by user-u777 · 19 May 2025, 06:00 UTC: kept, never briefed');
    expect(buttonsOf(msg.blocks)).toEqual([]);
  });

  it('a draft deleted meanwhile gets a clear ephemeral message, for a button and for a modal', async () => {
    await queueDraft(draft('round-4'));
    await drain();
    const { ts } = await reviewMessage('round-4');
    await h.clickButton('round-4', { actionId: 'sitrep_review_edit', channel: REVIEW, messageTs: ts, triggerId: 'trigger-edit-4' });
    await h.api.waitFor((api) => api.views.some((v) => v.trigger_id === 'trigger-edit-4'));
    const view = h.api.views.find((v) => v.trigger_id === 'trigger-edit-4')?.view as { callback_id: string; private_metadata: string; blocks: Block[] };
    store.db.prepare('DELETE FROM events WHERE id = ?').run('round-4');
    await h.clickButton('round-4', { actionId: 'sitrep_review_approve', channel: REVIEW, messageTs: ts, responseId: 'gone' });
    expect(((await h.reply('gone')).body as { text: string }).text).toContain('That draft no longer exists (it was deleted); nothing was changed.');
    const saved = await h.submitView({ callback_id: view.callback_id, private_metadata: view.private_metadata, values: stateOf(view, { title: 'Too late' }) });
    const answer = JSON.parse(saved.body) as { response_action: string; view: { blocks: Array<{ text: { text: string } }> } };
    expect(answer.response_action).toBe('update');
    expect(answer.view.blocks[0]?.text.text).toContain('That draft no longer exists');
  });
});
