import { generateKeyPairSync, sign as edSign, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as discord from '../../adapters/discord/index.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { countUnhandled, rawPost } from './http-client.js';
import { servePlatform, type ServedPlatform } from './served-platform.js';

const APP_ID = '100000000000000001';
const CHANNEL = '200000000000000001';

function keyPair(): { privateKey: KeyObject; publicKeyHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { privateKey, publicKeyHex: der.subarray(der.length - 32).toString('hex') };
}

let seq = 0;
function command(subcommand: string, options: Record<string, string> = {}): Record<string, unknown> {
  seq += 1;
  return {
    id: String(900_000_000_000_000 + seq),
    application_id: APP_ID,
    type: 2,
    token: `interaction-token-${seq}`,
    version: 1,
    guild_id: '100000000000000003',
    channel_id: CHANNEL,
    channel: { id: CHANNEL, type: 0 },
    member: { user: { id: '500000000000000001', username: 'rel' }, permissions: '16' },
    data: { id: '700000000000000001', name: 'sitrep', type: 1, options: [{ type: 1, name: subcommand, options: Object.entries(options).map(([name, value]) => ({ type: 3, name, value })) }] },
  };
}

describe('Discord HTTP interactions under hostile and heavy traffic (Ed25519-signed)', () => {
  const { privateKey, publicKeyHex } = keyPair();
  let api: FakeDiscordApi;
  let served: ServedPlatform | undefined;
  let url = '';

  const signed = (body: string, ts = String(Math.floor(Date.now() / 1000))): Record<string, string> => ({
    'content-type': 'application/json',
    'x-signature-timestamp': ts,
    'x-signature-ed25519': edSign(null, Buffer.from(ts + body), privateKey).toString('hex'),
  });

  beforeAll(async () => {
    api = await FakeDiscordApi.start({ applicationId: APP_ID });
    served = await servePlatform(
      discord,
      { DISCORD_TOKEN: 'reliability-discord-token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: publicKeyHex, DISCORD_API_URL: api.url },
      '/discord/interactions',
    );
    url = served.url;
  });
  afterAll(async () => {
    await served?.close();
    await api?.close();
  });

  it('a signed PING is answered with PONG (baseline)', async () => {
    const body = JSON.stringify({ id: '1', application_id: APP_ID, type: 1, token: 't', version: 1 });
    const res = await rawPost(url, signed(body), body);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ type: 1 });
  });

  it('an oversized body (2 MB) is refused with 413 before it is parsed', async () => {
    const body = JSON.stringify({ ...command('brief'), padding: 'x'.repeat(2 * 1024 * 1024) });
    expect((await rawPost(url, signed(body), body)).status).toBe(413);
  });

  it('malformed JSON (signed) is answered 400', async () => {
    const body = '{"type": 2, "data": {';
    expect((await rawPost(url, signed(body), body)).status).toBe(400);
  });

  it('a signed body that is not an interaction is answered 400', async () => {
    const body = JSON.stringify({ hello: 'world' });
    expect((await rawPost(url, signed(body), body)).status).toBe(400);
  });

  it('a bad signature is refused with 401', async () => {
    const body = JSON.stringify(command('brief'));
    const headers = { ...signed(body), 'x-signature-ed25519': 'ab'.repeat(64) };
    expect((await rawPost(url, headers, body)).status).toBe(401);
  });

  it('a correctly signed interaction replayed after 5 minutes is refused with 401', async () => {
    const body = JSON.stringify(command('brief'));
    const res = await rawPost(url, signed(body, String(Math.floor(Date.now() / 1000) - 6 * 60)), body);
    expect(res.status).toBe(401);
  });

  it('500 concurrent signed commands are all acknowledged, with no unhandled rejection', async () => {
    let results: Array<{ status: number; body: string }> = [];
    const unhandled = await countUnhandled(async () => {
      results = await Promise.all(
        Array.from({ length: 500 }, (_, i) => {
          const body = JSON.stringify(i % 5 === 0 ? command('questions') : command('brief'));
          return rawPost(url, signed(body), body);
        }),
      );
    });
    expect(results.filter((r) => r.status !== 200).map((r) => r.status)).toEqual([]);
    for (const r of results) {
      const answer = JSON.parse(r.body) as { type: number; data?: { allowed_mentions?: unknown } };
      expect([4, 5]).toContain(answer.type);
      if (answer.type === 4) expect(answer.data?.allowed_mentions).toEqual({ parse: [] });
    }
    expect(unhandled).toBe(0);
  });
});
