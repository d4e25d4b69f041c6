import { describe, expect, it } from 'vitest';
import type { ChatAdapter, PostOutcome } from '../../src/delivery/chat-adapter.js';
import { fanOut } from '../../src/delivery/deliver.js';
import { SendQueue, type SendQueueOptions } from '../../src/delivery/send-queue.js';
import type { Platform } from '../../src/store/store.js';
import { FakeChatAdapter, tinyBriefing } from './fake-chat-adapter.js';
import { VirtualClock } from './virtual-clock.js';

const briefing = tinyBriefing();
const transient: PostOutcome = { ok: false, kind: 'transient', error: 'HTTP 500' };

function setup(options: Partial<SendQueueOptions> = {}) {
  const clock = new VirtualClock();
  const adapter = new FakeChatAdapter('slack', clock.now);
  const queue = new SendQueue('slack', {
    perChannelIntervalMs: 1000,
    concurrency: 32,
    backoffBaseMs: 100,
    backoffCapMs: 1000,
    random: () => 1,
    sleep: clock.sleep,
    now: clock.now,
    ...options,
  });
  const send = (channel: string) => queue.send(channel, () => adapter.postBriefing(channel, briefing));
  return { clock, adapter, queue, send };
}

const times = (adapter: FakeChatAdapter, channel: string) => adapter.calls.filter((c) => c.channel === channel).map((c) => c.at);

describe('SendQueue', () => {
  it('paces posts to one channel and runs channels concurrently', async () => {
    const { clock, adapter, send } = setup();
    const results = await clock.run(Promise.all([send('A'), send('A'), send('A'), send('B'), ...Array.from({ length: 100 }, (_, i) => send(`C${i}`))]));
    expect(results.every((r) => r.outcome.ok && r.attempts === 1)).toBe(true);
    expect(times(adapter, 'A')).toEqual([0, 1000, 2000]);
    expect(times(adapter, 'B')).toEqual([0]);
    // 100 other channels all went out at t=0: fan-out is not serial.
    expect(adapter.calls.filter((c) => c.channel.startsWith('C')).every((c) => c.at === 0)).toBe(true);
  });

  it("honours a channel's Retry-After without holding up other channels", async () => {
    const { clock, adapter, send } = setup();
    adapter.script('A', { ok: false, kind: 'rate-limited', retryAfterMs: 5000, error: '429' });
    const [a, b] = await clock.run(Promise.all([send('A'), send('B')]));
    expect(a?.outcome.ok).toBe(true);
    expect(a?.attempts).toBe(2);
    expect(times(adapter, 'A')).toEqual([0, 5000]);
    expect(b?.attempts).toBe(1);
    expect(times(adapter, 'B')).toEqual([0]);
  });

  it('does not retry before Retry-After when a timer fires a millisecond early', async () => {
    const clock = new VirtualClock();
    const adapter = new FakeChatAdapter('slack', clock.now);
    const early = (ms: number) => clock.sleep(ms > 1 ? ms - 1 : ms);
    const queue = new SendQueue('slack', { perChannelIntervalMs: 0, concurrency: 1, random: () => 1, sleep: early, now: clock.now });
    adapter.script('A', { ok: false, kind: 'rate-limited', retryAfterMs: 50, error: '429' });
    const result = await clock.run(queue.send('A', () => adapter.postBriefing('A', briefing)));
    expect(result.outcome.ok).toBe(true);
    expect(times(adapter, 'A')).toEqual([0, 50]);
  });

  it('pauses every channel on a global 429', async () => {
    const { clock, adapter, queue, send } = setup({ perChannelIntervalMs: 0 });
    adapter.script('A', { ok: false, kind: 'rate-limited', retryAfterMs: 3000, global: true, error: 'global 429' });
    const run = clock.run(
      (async () => {
        const a = send('A');
        await new Promise((r) => setImmediate(r)); // A's 429 lands before B is queued
        return Promise.all([a, send('B')]);
      })(),
    );
    await run;
    expect(times(adapter, 'A')).toEqual([0, 3000]);
    expect(times(adapter, 'B')).toEqual([3000]);
    expect(queue.size).toBe(0);
  });

  it('retries transient failures with capped exponential backoff, at most 5 tries in all', async () => {
    const { clock, adapter, send } = setup({ perChannelIntervalMs: 0 });
    adapter.script('A', transient, transient, transient, transient, transient, transient);
    const [r] = await clock.run(Promise.all([send('A')]));
    expect(r?.outcome).toEqual(transient);
    expect(r?.attempts).toBe(5);
    // random()=1 → waits of 100, 200, 400, 800 (cap 1000).
    expect(times(adapter, 'A')).toEqual([0, 100, 300, 700, 1500]);
  });

  it('uses full jitter: the wait is random in [0, ceiling)', async () => {
    const { clock, adapter, send } = setup({ perChannelIntervalMs: 0, random: () => 0.5 });
    adapter.script('A', transient, transient);
    const [r] = await clock.run(Promise.all([send('A')]));
    expect(r?.outcome.ok).toBe(true);
    expect(times(adapter, 'A')).toEqual([0, 50, 150]);
  });

  it('never retries permanent errors or unavailable channels', async () => {
    const { clock, adapter, send } = setup();
    adapter.script('A', { ok: false, kind: 'permanent', error: 'invalid_blocks' });
    adapter.script('B', { ok: false, kind: 'channel-unavailable', error: 'channel_not_found' });
    const [a, b] = await clock.run(Promise.all([send('A'), send('B')]));
    expect(a?.attempts).toBe(1);
    expect(b?.attempts).toBe(1);
    expect(adapter.calls).toHaveLength(2);
  });

  it('treats a thrown adapter error as transient', async () => {
    const { clock, queue } = setup({ perChannelIntervalMs: 0, maxAttempts: 2 });
    let calls = 0;
    const r = await clock.run(
      queue.send('A', async () => {
        calls++;
        throw new Error('socket hang up');
      }),
    );
    expect(r.outcome).toMatchObject({ ok: false, kind: 'transient', error: 'socket hang up' });
    expect(calls).toBe(2);
  });

  it('keeps under the global rate (Discord 50/s)', async () => {
    const { clock, adapter, send } = setup({ perChannelIntervalMs: 0, globalPerSecond: 50 });
    await clock.run(Promise.all(Array.from({ length: 200 }, (_, i) => send(`C${i}`))));
    const at = adapter.calls.map((c) => c.at).sort((x, y) => x - y);
    expect(at).toHaveLength(200);
    for (let i = 50; i < at.length; i++) expect((at[i] ?? 0) - (at[i - 50] ?? 0)).toBeGreaterThanOrEqual(1000);
    // …and close to it: 200 posts need just under 4 s of virtual time.
    expect(at[at.length - 1]).toBeLessThan(4000);
  });

  it('close() aborts queued posts without calling the adapter', async () => {
    const { clock, adapter, queue, send } = setup();
    const first = send('A');
    const second = send('A'); // waits 1 s for the channel
    const r = await clock.run(
      (async () => {
        await first;
        queue.close();
        return second;
      })(),
    );
    expect(r.aborted).toBe(true);
    expect(adapter.calls).toHaveLength(1);
  });
});

describe('fanOut', () => {
  it('posts every briefing once through per-platform queues, channels in parallel', async () => {
    const clock = new VirtualClock();
    const slack = new FakeChatAdapter('slack', clock.now);
    const discord = new FakeChatAdapter('discord', clock.now);
    slack.script('S1', transient);
    const posts = [
      ...Array.from({ length: 20 }, (_, i) => ({ platform: 'slack' as const, channel: `S${i}`, briefing, key: `slack:S${i}:story:2025-01-01` })),
      ...Array.from({ length: 20 }, (_, i) => ({ platform: 'discord' as const, channel: String(10_000 + i), briefing })),
    ];
    const results = await clock.run(
      fanOut(posts, new Map<Platform, ChatAdapter>([['slack', slack], ['discord', discord]]), {
        queueOptions: { sleep: clock.sleep, now: clock.now, random: () => 0, backoffBaseMs: 10 },
      }),
    );
    expect(results.every((r) => r.result.outcome.ok)).toBe(true);
    expect(results.find((r) => r.channel === 'S1')?.result.attempts).toBe(2);
    expect(slack.calls.filter((c) => c.outcome.ok)).toHaveLength(20);
    expect(discord.calls).toHaveLength(20);
  });
});
