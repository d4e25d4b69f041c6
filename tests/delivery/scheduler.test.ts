import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/briefing/types.js';
import type { ChatAdapter, PostOptions, PostOutcome } from '../../src/delivery/chat-adapter.js';
import { startScheduler } from '../../src/delivery/scheduler.js';
import { silentLogger } from '../../src/log.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import type { Platform } from '../../src/store/store.js';
import { deliveryStory, record } from './story-fixture.js';

const story = deliveryStory();
const NOW = new Date('2025-06-02T04:00:00Z'); // 07:00 Kyiv
let store: SqliteStore;

/** Posts complete only when the test releases them, so shutdown can be observed mid-post. */
class GatedAdapter implements ChatAdapter {
  readonly platform: Platform = 'slack';
  started: string[] = [];
  finished: string[] = [];
  private gates: Array<() => void> = [];
  async postBriefing(channel: string, _b: Briefing, _o?: PostOptions): Promise<PostOutcome> {
    this.started.push(channel);
    await new Promise<void>((resolve) => this.gates.push(resolve));
    this.finished.push(channel);
    return { ok: true, messageId: `m-${channel}` };
  }
  releaseAll(): void {
    for (const g of this.gates.splice(0)) g();
  }
  get waiting(): number {
    return this.gates.length;
  }
}

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  await store.upsertStory(story);
  await store.upsertEvents([record('e1', '2025-06-01T12:00:00Z', 'Delegations arrived.')]);
  for (const ch of ['A', 'B'])
    await store.upsertSubscription({ platform: 'slack', channel: ch, story: 'talks', time: '07:00', timezone: 'Europe/Kyiv', days: 'daily', skipEmpty: false, createdAt: '2025-05-01T00:00:00Z' });
});
afterEach(async () => {
  await store.close();
});

async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 2));
}

/** A scheduler over `adapter` whose ticks are driven by hand (no minute timer). */
function handDriven(adapter: GatedAdapter, extra: { shutdownTimeoutMs?: number } = {}) {
  return startScheduler({
    store,
    adapters: new Map([[adapter.platform, adapter]]),
    stories: new Map([[story.id, story]]),
    logger: silentLogger(),
    catchupMaxMs: 7_200_000,
    clock: () => NOW,
    everyMinute: false,
    ...extra,
  });
}

describe('startScheduler', () => {
  it('runs one pass per tick; concurrent ticks share it; stop waits for posts in flight', async () => {
    const adapter = new GatedAdapter();
    const scheduler = handDriven(adapter);
    const t1 = scheduler.tick();
    const t2 = scheduler.tick();
    expect(t2).toBe(t1);
    await until(() => adapter.waiting === 2);
    const stopping = scheduler.stop();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false); // still waiting for the two posts on the wire
    adapter.releaseAll();
    await stopping;
    expect((await t1)?.sent).toBe(2);
    expect(await scheduler.tick()).toBeUndefined(); // no new jobs after stop
    expect((await store.listJobs({ status: 'sent' })).length).toBe(2);
  });

  it('gives up after the shutdown timeout, leaving unfinished jobs in-flight for the next start', async () => {
    const adapter = new GatedAdapter();
    const scheduler = handDriven(adapter, { shutdownTimeoutMs: 100 });
    const pass = scheduler.tick();
    await until(() => adapter.waiting === 2);
    await scheduler.stop();
    expect((await store.listJobs({ status: 'in-flight' })).length).toBe(2);
    adapter.releaseAll(); // the posts complete after all (as a hung request might): their outcome is still recorded
    await pass;
  });
});
