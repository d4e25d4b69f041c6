import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as slack from '../../adapters/slack/index.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { countUnhandled, rawPost } from './http-client.js';
import { servePlatform, type ServedPlatform } from './served-platform.js';

const SECRET = 'reliability-signing-secret-0123456789';
const TOKEN = 'xoxb-reliability-token-42';

function sign(body: string, ts = Math.floor(Date.now() / 1000), secret = SECRET): Record<string, string> {
  return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}` };
}

function slashBody(responseUrl: string, text = 'brief'): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T0001',
    channel_id: 'C0REL',
    user_id: 'U0REL',
    user_name: 'rel',
    command: '/sitrep',
    text,
    api_app_id: 'A0001',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('Slack HTTP endpoint under hostile and heavy traffic (real Bolt, signed requests)', () => {
  let api: FakeSlackApi;
  let served: ServedPlatform | undefined;
  let url = '';

  beforeAll(async () => {
    api = await new FakeSlackApi().start();
    served = await servePlatform(slack, { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_MODE: 'http', SLACK_API_URL: api.apiUrl }, '/slack/events');
    url = served.url;
  });
  afterAll(async () => {
    await served?.close();
    await api?.close();
  });

  it('a signed request acks 200 (baseline for the cases below)', async () => {
    const body = slashBody(api.responseUrl('baseline'));
    expect((await rawPost(url, { ...FORM, ...sign(body) }, body)).status).toBe(200);
    await api.waitFor((a) => a.callsOf('response_url').some((c) => c.path === '/respond/baseline'));
  });

  it('an oversized body (2 MB) is refused with 413 before it is parsed', async () => {
    const body = `${slashBody(api.responseUrl('big'))}&padding=${'x'.repeat(2 * 1024 * 1024)}`;
    const res = await rawPost(url, { ...FORM, ...sign(body) }, body);
    expect(res.status).toBe(413);
  });

  it('malformed JSON (signed) is answered 400', async () => {
    const body = '{"type": "block_actions", "actions": [';
    const res = await rawPost(url, { 'content-type': 'application/json', ...sign(body) }, body);
    expect(res.status).toBe(400);
  });

  it('a malformed form payload (signed, payload= not JSON) is answered 400', async () => {
    const body = 'payload=%7B%22type%22%3A%22block_actions%22%2C';
    const res = await rawPost(url, { ...FORM, ...sign(body) }, body);
    expect(res.status).toBe(400);
  });

  it('a correctly signed request replayed after 5 minutes is refused with 401', async () => {
    const body = slashBody(api.responseUrl('replay'));
    const res = await rawPost(url, { ...FORM, ...sign(body, Math.floor(Date.now() / 1000) - 6 * 60) }, body);
    expect(res.status).toBe(401);
    expect(api.callsOf('response_url').some((c) => c.path === '/respond/replay')).toBe(false);
  });

  it('a bad signature is refused with 401', async () => {
    const body = slashBody(api.responseUrl('forged'));
    expect((await rawPost(url, { ...FORM, ...sign(body, undefined, 'not-the-secret') }, body)).status).toBe(401);
  });

  it('500 concurrent signed commands are all acknowledged and all answered (in the ack or through response_url), with no unhandled rejection', async () => {
    const before = api.callsOf('response_url').length;
    let acks: Array<{ status: number; body: string }> = [];
    const unhandled = await countUnhandled(async () => {
      acks = await Promise.all(
        Array.from({ length: 500 }, (_, i) => {
          const body = slashBody(api.responseUrl(`load-${i}`), i % 5 === 0 ? 'questions' : 'brief');
          return rawPost(url, { ...FORM, ...sign(body) }, body);
        }),
      );
      const inline = acks.filter((a) => a.body !== '').length;
      await api.waitFor((a) => a.callsOf('response_url').length >= before + 500 - inline, 20_000);
    });
    expect(acks.filter((a) => a.status !== 200)).toEqual([]);
    // Every answer went out exactly once: in its ack, or else to its response_url.
    const inlineIds = new Set(acks.flatMap((a, i) => (a.body !== '' ? [`/respond/load-${i}`] : [])));
    const answered = api.callsOf('response_url').slice(before).map((c) => c.path);
    expect(answered.filter((p) => inlineIds.has(p))).toEqual([]);
    expect(new Set(answered).size + inlineIds.size).toBe(500);
    expect(unhandled).toBe(0);
  });
});
