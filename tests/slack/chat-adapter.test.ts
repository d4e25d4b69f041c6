import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { METADATA_EVENT_TYPE, SlackChatAdapter, webClientOptions } from '../../adapters/slack/chat-adapter.js';
import { Writable } from 'node:stream';
import { boltLogger } from '../../adapters/slack/bolt-logger.js';
import { createLogger, silentLogger } from '../../src/log.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { HOSTILE, makeBriefing } from './briefing-data.js';
import { expectWithinLimits, liveControlSequences, mrkdwnStrings } from './limits.js';

describe('SlackChatAdapter against the fake Web API', () => {
  const api = new FakeSlackApi();
  let chat: SlackChatAdapter;
  let rateLimited = 0;

  beforeAll(async () => {
    await api.start();
    const client = new WebClient('xoxb-test-token', webClientOptions(api.apiUrl, boltLogger(silentLogger())));
    chat = new SlackChatAdapter({ client, logger: silentLogger(), onRateLimited: () => (rateLimited += 1) });
  });
  afterAll(() => api.close());
  beforeEach(() => {
    api.reset();
    api.clearFaults();
  });

  it('posts one message with blocks, fallback text and the outbox key as metadata', async () => {
    const out = await chat.postBriefing('C123', makeBriefing(), { key: 'slack:C123:s:2025-05-19' });
    expect(out.ok).toBe(true);
    const calls = api.callsOf('chat.postMessage');
    expect(calls).toHaveLength(1);
    const body = calls[0]!.body;
    expect(calls[0]!.authorization).toBe('Bearer xoxb-test-token');
    expect(body.channel).toBe('C123');
    expect(body.metadata).toEqual({ event_type: METADATA_EVENT_TYPE, event_payload: { key: 'slack:C123:s:2025-05-19' } });
    expectWithinLimits({ text: body.text, blocks: body.blocks });
    expect(out).toEqual({ ok: true, messageId: api.messages[0]!.ts });
  });

  it('posts hostile text only escaped', async () => {
    const b = makeBriefing({ headline: HOSTILE, developments: [{ ...makeBriefing().developments[0]!, text: HOSTILE }] });
    expect((await chat.postBriefing('C123', b)).ok).toBe(true);
    const body = api.callsOf('chat.postMessage')[0]!.body;
    const msg = expectWithinLimits({ text: body.text, blocks: body.blocks });
    for (const s of mrkdwnStrings(msg)) expect(liveControlSequences(s)).toEqual([]);
    expect(JSON.stringify(body)).not.toContain('<!channel>');
    expect(JSON.stringify(body)).not.toContain('<@U123>');
  });

  it('classifies 429 as rate-limited with Retry-After, without posting or waiting', async () => {
    api.rateLimitNext(1, 7, ['chat.postMessage']);
    const out = await chat.postBriefing('C123', makeBriefing());
    expect(out).toMatchObject({ ok: false, kind: 'rate-limited', retryAfterMs: 7000 });
    expect(api.callsOf('chat.postMessage')).toHaveLength(1);
    expect(api.messages).toHaveLength(0);
    expect(rateLimited).toBeGreaterThan(0);
  });

  it('classifies 5xx as transient', async () => {
    api.failNext(1);
    expect(await chat.postBriefing('C123', makeBriefing())).toMatchObject({ ok: false, kind: 'transient', error: 'http_500' });
    expect(api.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived', 'channel_is_archived'])('classifies %s as channel-unavailable', async (code) => {
    api.setChannelError('CGONE', code);
    expect(await chat.postBriefing('CGONE', makeBriefing())).toEqual({ ok: false, kind: 'channel-unavailable', error: code });
  });

  it('logs one clear, token-free line when a channel is unavailable', async () => {
    const lines: string[] = [];
    const logger = createLogger({ secrets: ['xoxb-log-token'], destination: new Writable({ write: (c: Buffer, _e, cb) => (lines.push(c.toString()), cb()) }) });
    const c = new SlackChatAdapter({ client: new WebClient('xoxb-log-token', webClientOptions(api.apiUrl, boltLogger(logger))), logger });
    api.setChannelError('CKICKED', 'not_in_channel');
    expect((await c.postBriefing('CKICKED', makeBriefing())).ok).toBe(false);
    const ours = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'slack channel unavailable: cannot post there');
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({ channel: 'CKICKED', error: 'not_in_channel', platform: 'slack' });
    expect(lines.join('')).not.toContain('xoxb-log-token');
  });

  it('classifies other Slack errors as permanent', async () => {
    api.setChannelError('CX', 'invalid_blocks');
    expect(await chat.postBriefing('CX', makeBriefing())).toEqual({ ok: false, kind: 'permanent', error: 'invalid_blocks' });
  });

  it('classifies a network failure as transient', async () => {
    const dead = new FakeSlackApi();
    await dead.start();
    const url = dead.apiUrl;
    await dead.close();
    const c = new SlackChatAdapter({ client: new WebClient('xoxb-t', webClientOptions(url, boltLogger(silentLogger()))), logger: silentLogger() });
    expect(await c.postBriefing('C1', makeBriefing())).toMatchObject({ ok: false, kind: 'transient', error: 'request_error' });
  });

  it('findPosted finds our message by metadata key, across history pages', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    expect(await chat.findPosted('C9', 'k-1', since)).toBeUndefined();
    const posted = await chat.postBriefing('C9', makeBriefing(), { key: 'k-1' });
    // Bury it under more than one page of newer messages.
    for (let i = 0; i < 205; i++) await chat.postMessage('C9', { text: `filler ${i}`, blocks: [{ type: 'divider' }] });
    expect(posted.ok && (await chat.findPosted('C9', 'k-1', since))).toBe(posted.ok && posted.messageId);
    expect(api.callsOf('conversations.history').length).toBeGreaterThan(2);
    expect(api.callsOf('conversations.history').every((c) => c.body.include_all_metadata === true)).toBe(true);
    expect(await chat.findPosted('C9', 'k-2', since)).toBeUndefined();
  });

  it('findPosted says unknown when history cannot be read', async () => {
    api.setChannelError('CNO', 'missing_scope');
    expect(await chat.findPosted('CNO', 'k', new Date().toISOString())).toBe('unknown');
    api.rateLimitNext(1, 1, ['conversations.history']);
    expect(await chat.findPosted('C9', 'k', new Date().toISOString())).toBe('unknown');
  });
});
