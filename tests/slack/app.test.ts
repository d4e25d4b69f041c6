import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { BOT_TOKEN, SIGNING_SECRET, startSlackHarness, type SlackHarness } from './harness.js';
import { expectWithinLimits, liveControlSequences, mrkdwnStrings } from './limits.js';
import { testStory } from './story-data.js';

interface ReplyBody {
  response_type?: string;
  replace_original?: boolean;
  text: string;
  blocks: Array<Record<string, unknown>>;
}

function asReply(body: Record<string, unknown>): ReplyBody {
  return body as unknown as ReplyBody;
}

function replyText(body: ReplyBody): string {
  return mrkdwnStrings(body).join('\n');
}

function buttonValue(body: ReplyBody): string | undefined {
  const actions = body.blocks.find((b) => b.type === 'actions') as { elements: Array<{ value?: string; action_id: string }> } | undefined;
  return actions?.elements.find((e) => e.action_id === 'sitrep_post_to_channel')?.value;
}

describe('Slack app over HTTP (real Bolt, signed requests)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(() => h.close());

  it('verified the bot token with auth.test on start, sending the token only as a bearer header', () => {
    const auth = h.api.callsOf('auth.test');
    expect(auth.length).toBeGreaterThanOrEqual(1);
    expect(auth[0]?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(h.platform.isReady()).toBe(true);
  });

  it('/sitrep acks with an empty 200, then answers ephemerally with the briefing and a "Post to channel" button', async () => {
    const ack = await h.command('', { responseId: 'plain' });
    expect(ack).toMatchObject({ status: 200, body: '' });
    const reply = asReply((await h.reply('plain')).body);
    expect(reply.response_type).toBe('ephemeral');
    const msg = expectWithinLimits(reply);
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'Test ceasefire talks' } });
    const text = replyText(reply);
    expect(text).toContain('Delegations met in Istanbul');
    expect(text).toContain('*Ceasefire*');
    expect(text).toContain('*Territory*');
    const value = buttonValue(reply);
    expect(value).toBeDefined();
    expect(value!.length).toBeLessThanOrEqual(2000);
    expect(h.api.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('/brief is an alias of /sitrep brief', async () => {
    await h.command('ceasefire', { command: '/brief', responseId: 'alias' });
    const reply = asReply((await h.reply('alias')).body);
    expectWithinLimits(reply);
    expect(reply.blocks[0]).toMatchObject({ type: 'header' });
    expect(replyText(reply)).toContain('Ceasefire');
  });

  it('posts hostile record text only escaped', async () => {
    await h.command('brief 7d', { responseId: 'hostile' });
    const reply = asReply((await h.reply('hostile')).body);
    const all = replyText(reply);
    expect(all).toContain('&lt;!channel&gt;');
    for (const s of mrkdwnStrings(reply)) expect(liveControlSequences(s), s).toEqual([]);
    const raw = JSON.stringify(reply);
    for (const live of ['<!channel>', '<!here>', '<@U123>', '<https://x.test|click>']) expect(raw).not.toContain(live);
  });

  it('rejects a bad signature with 401 and never runs the handler', async () => {
    const before = h.latencies.length;
    const bad = await h.command('brief', { secret: 'wrong-secret', responseId: 'badsig' });
    expect(bad.status).toBe(401);
    // A correctly signed request afterwards is answered; the rejected one never was.
    await h.command('help', { responseId: 'after-badsig' });
    await h.reply('after-badsig');
    expect(h.api.calls.some((c) => c.path === '/respond/badsig')).toBe(false);
    expect(h.latencies.length).toBe(before + 1);
  });

  it('rejects a timestamp older than 5 minutes with 401 and never runs the handler', async () => {
    const before = h.latencies.length;
    const stale = await h.command('brief', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60, responseId: 'stale' });
    expect(stale.status).toBe(401);
    await h.command('help', { responseId: 'after-stale' });
    await h.reply('after-stale');
    expect(h.api.calls.some((c) => c.path === '/respond/stale')).toBe(false);
    expect(h.latencies.length).toBe(before + 1);
  });

  it('/sitrep brief <question> shows that question with its evidence timeline', async () => {
    await h.command('brief ceasefire 30d', { responseId: 'focus' });
    const reply = asReply((await h.reply('focus')).body);
    expectWithinLimits(reply);
    const text = replyText(reply);
    expect(text).toContain('*Ceasefire*');
    expect(text).toContain('*Evidence timeline*');
    expect(text).not.toContain('*Territory*');
  });

  it.each(['brief 24h', 'brief 7d', 'brief 2025-05-10', 'brief territory 2025-05-01'])('/sitrep %s answers a briefing', async (text) => {
    const id = `since-${text.replace(/\W+/g, '-')}`;
    await h.command(text, { responseId: id });
    const reply = asReply((await h.reply(id)).body);
    expectWithinLimits(reply);
    expect(reply.blocks[0]).toMatchObject({ type: 'header' });
    expect(buttonValue(reply)).toBeDefined();
  });

  it('/sitrep questions lists the tracked questions with status and last change', async () => {
    await h.command('questions', { responseId: 'questions' });
    const reply = asReply((await h.reply('questions')).body);
    expectWithinLimits(reply);
    const text = replyText(reply);
    expect(text).toMatch(/Ceasefire\*? — Moved · changed 18 May 2025/);
    expect(text).toMatch(/Territory\*? — Contested/);
  });

  it('/sitrep help shows usage for every subcommand', async () => {
    await h.command('help', { responseId: 'help' });
    const reply = asReply((await h.reply('help')).body);
    expectWithinLimits(reply);
    const text = replyText(reply);
    for (const sub of ['brief', 'questions', 'subscribe', 'unsubscribe', 'subscriptions']) expect(text).toContain(sub);
  });

  it('subscribe persists to the store; subscriptions lists it; unsubscribe removes it', async () => {
    await h.command('subscribe 08:00 Europe/Kyiv weekdays', { channel: 'CSUB', responseId: 'sub' });
    const sub = asReply((await h.reply('sub')).body);
    expectWithinLimits(sub);
    expect(replyText(sub)).toContain('08:00');
    const stored = await h.store.listSubscriptions({ platform: 'slack', channel: 'CSUB' });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ platform: 'slack', channel: 'CSUB', story: 'test-talks', time: '08:00', timezone: 'Europe/Kyiv', days: 'weekdays', createdBy: 'U777' });

    await h.command('subscriptions', { channel: 'CSUB', responseId: 'subs' });
    const list = asReply((await h.reply('subs')).body);
    expectWithinLimits(list);
    expect(replyText(list)).toContain('08:00');
    expect(replyText(list)).toContain('Europe/Kyiv');

    await h.command('unsubscribe', { channel: 'CSUB', responseId: 'unsub' });
    expectWithinLimits(asReply((await h.reply('unsub')).body));
    expect(await h.store.listSubscriptions({ platform: 'slack', channel: 'CSUB', includePaused: true })).toHaveLength(0);
  });

  it('subscribe without a time zone uses the configured default', async () => {
    await h.command('subscribe 07:30', { channel: 'CTZ', responseId: 'sub-tz' });
    expectWithinLimits(asReply((await h.reply('sub-tz')).body));
    const stored = await h.store.listSubscriptions({ platform: 'slack', channel: 'CTZ' });
    expect(stored[0]).toMatchObject({ time: '07:30', timezone: 'Europe/Kyiv' });
  });

  it.each([
    ['unknown subcommand', 'frobnicate', /frobnicate/],
    ['bad time', 'subscribe 25:00 Europe/Kyiv', /25:00/],
    ['bad timezone', 'subscribe 08:00 Mars/Olympus_Mons', /Mars\/Olympus_Mons/],
    ['bad days', 'subscribe 08:00 UTC fortnightly', /fortnightly/],
    ['unknown question', 'brief nonsense-question', /nonsense-question/],
    ['bad since', 'brief ceasefire yesterday-ish', /yesterday-ish/],
    ['future since', 'brief 2030-01-01', /2030-01-01/],
  ])('%s → ephemeral error with the usage line', async (_name, text, echoed) => {
    const id = `err-${text.replace(/\W+/g, '-')}`;
    await h.command(text, { channel: 'CERR', responseId: id });
    const reply = asReply((await h.reply(id)).body);
    expect(reply.response_type).toBe('ephemeral');
    expectWithinLimits(reply);
    const all = replyText(reply);
    expect(all).toContain(':warning:');
    expect(all).toMatch(echoed);
    expect(all).toContain('/sitrep');
    expect(buttonValue(reply)).toBeUndefined();
    expect(await h.store.listSubscriptions({ platform: 'slack', channel: 'CERR', includePaused: true })).toHaveLength(0);
  });

  it('"Post to channel" posts the same briefing in the channel and replaces the ephemeral answer', async () => {
    await h.command('brief ceasefire 7d', { channel: 'CSHARE', responseId: 'to-share' });
    const reply = asReply((await h.reply('to-share')).body);
    const value = buttonValue(reply);
    expect(value).toBeDefined();
    const before = h.api.okCallsOf('chat.postMessage').length;
    const ack = await h.clickButton(value!, { channel: 'CSHARE', responseId: 'shared' });
    expect(ack.status).toBe(200);
    const confirm = asReply((await h.reply('shared')).body);
    expect(confirm.replace_original).toBe(true);
    const posts = h.api.okCallsOf('chat.postMessage').slice(before);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.channel).toBe('CSHARE');
    const posted = expectWithinLimits({ text: posts[0]!.body.text, blocks: posts[0]!.body.blocks });
    // Same content as the ephemeral answer, minus the button.
    expect(posted.blocks).toEqual(reply.blocks.filter((b) => b.type !== 'actions'));
  });

  it('"Post to channel" where the bot is not a member explains how to invite it', async () => {
    await h.command('', { channel: 'CPRIV', responseId: 'priv' });
    const value = buttonValue(asReply((await h.reply('priv')).body));
    h.api.setChannelError('CPRIV', 'not_in_channel');
    await h.clickButton(value!, { channel: 'CPRIV', responseId: 'priv-click' });
    const answer = asReply((await h.reply('priv-click')).body);
    expect(answer.response_type).toBe('ephemeral');
    expect(replyText(answer)).toContain('/invite @sitrep');
    h.api.setChannelError('CPRIV', undefined);
  });

  it('a tampered button value is refused without posting', async () => {
    const before = h.api.callsOf('chat.postMessage').length;
    await h.clickButton('{"not":"ours"}', { responseId: 'tampered' });
    expect(replyText(asReply((await h.reply('tampered')).body))).toContain('expired');
    expect(h.api.callsOf('chat.postMessage').length).toBe(before);
  });

  it('a button value naming a non-read-only subcommand is never executed', async () => {
    const value = JSON.stringify({ t: 'subscribe 09:00 UTC daily', n: '2025-05-19T06:00:00.000Z', s: 'test-talks' });
    await h.clickButton(value, { channel: 'CSNEAK', responseId: 'sneaky' });
    expect(replyText(asReply((await h.reply('sneaky')).body))).toContain('Only briefings');
    expect(await h.store.listSubscriptions({ platform: 'slack', channel: 'CSNEAK', includePaused: true })).toHaveLength(0);
  });

  it('a repeat of a read-only command in the same minute is answered in the ack itself, with the same answer', async () => {
    const first = await h.command('questions', { channel: 'CREPEAT', responseId: 'repeat-1' });
    expect(first.body).toBe('');
    const computed = await h.reply('repeat-1');
    expect(computed.inline).toBe(false);
    const again = await h.command('questions', { channel: 'CREPEAT', responseId: 'repeat-2' });
    expect(again.status).toBe(200);
    expect(again.contentType).toMatch(/^application\/json/);
    const inline = await h.reply('repeat-2');
    expect(inline.inline).toBe(true);
    expect(inline.body).toEqual(computed.body);
    expectWithinLimits(asReply(inline.body));
    // Nothing went to the second command's response_url.
    await h.command('help', { channel: 'CREPEAT', responseId: 'repeat-flush' });
    await h.reply('repeat-flush');
    expect(h.api.calls.some((c) => c.path === '/respond/repeat-2')).toBe(false);
  });

  it('a write to the store makes the next answer fresh; commands that write are never answered from memory', async () => {
    await h.command('brief', { channel: 'CFRESH', responseId: 'fresh-1' });
    await h.reply('fresh-1');
    await h.command('brief', { channel: 'CFRESH', responseId: 'fresh-2' });
    expect((await h.reply('fresh-2')).inline).toBe(true);
    // subscribe writes: computed each time, and the brief after it is computed afresh.
    for (const id of ['fresh-sub-1', 'fresh-sub-2']) {
      const ack = await h.command('subscribe 06:00 UTC', { channel: 'CFRESH', responseId: id });
      expect(ack.body).toBe('');
      expect((await h.reply(id)).inline).toBe(false);
    }
    const after = await h.command('brief', { channel: 'CFRESH', responseId: 'fresh-3' });
    expect(after.body).toBe('');
    expect((await h.reply('fresh-3')).inline).toBe(false);
    await h.command('unsubscribe', { channel: 'CFRESH', responseId: 'fresh-unsub' });
    await h.reply('fresh-unsub');
  });

  it('an answer kept for one channel is never given in another', async () => {
    await h.command('subscriptions', { channel: 'CONE', responseId: 'one-1' });
    await h.reply('one-1');
    const other = await h.command('subscriptions', { channel: 'CTWO', responseId: 'two-1' });
    expect(other.body).toBe('');
    expect((await h.reply('two-1')).inline).toBe(false);
  });

  it('never logs the bot token or signing secret', () => {
    const all = h.rawLogs.join('\n');
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
  });
});

describe('Slack app when the store fails', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    const real = openSqliteStore(':memory:');
    await real.upsertStory(testStory());
    // A store whose reads fail, as a locked or corrupt database would.
    const failing = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === 'listEvents' || prop === 'listSignals' || prop === 'getEvent')
          return () => Promise.reject(Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }));
        const v: unknown = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    }) as Store;
    h = await startSlackHarness({ store: failing });
  });
  afterAll(() => h.close());

  it('answers "couldn\'t build the briefing" with a reference and logs the error once with it', async () => {
    await h.command('brief', { responseId: 'broken' });
    const reply = asReply((await h.reply('broken')).body);
    expect(reply.response_type).toBe('ephemeral');
    const text = replyText(reply);
    const ref = /ref ([0-9a-f]{8})/.exec(text)?.[1];
    expect(text).toContain("couldn't build the briefing");
    expect(ref).toBeDefined();
    const lines = h.logs.filter((l) => l.ref === ref);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, msg: 'slack command failed', platform: 'slack' });
    expect(JSON.stringify(lines[0])).toContain('database disk image is malformed');
    expect(h.rawLogs.join('\n')).not.toContain(BOT_TOKEN);
  });
});
