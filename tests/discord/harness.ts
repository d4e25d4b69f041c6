import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { loadConfig, type Config } from '../../src/config.js';
import { HttpRouter } from '../../src/http/router.js';
import { silentLogger } from '../../src/log.js';
import type { PlatformDeps } from '../../src/platform.js';
import type { Store } from '../../src/store/store.js';
import { MORNING_AFTER, sampleStory } from '../helpers/fixtures.js';

export const APP_ID = '100000000000000001';
export const TOKEN = 'test-bot-token-not-a-secret';
export const CHANNEL = '200000000000000001';
export const GUILD = '100000000000000003';

/** A fresh Ed25519 key pair, with the public key as the 64-hex string the Developer Portal shows. */
export function testKeyPair(): { privateKey: KeyObject; publicKeyHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { privateKey, publicKeyHex: der.subarray(der.length - 32).toString('hex') };
}

/** Config for Discord HTTP interactions mode pointed at a fake API. */
export function discordConfig(env: Record<string, string>): Config {
  const r = loadConfig({ DISCORD_APPLICATION_ID: APP_ID, DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'silent', ...env });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.config;
}

export function platformDeps(config: Config, store: Store, http = new HttpRouter()): PlatformDeps {
  const story = sampleStory();
  return {
    config,
    store,
    logger: silentLogger(),
    clock: () => MORNING_AFTER,
    defaultStory: story,
    stories: new Map([[story.id, story]]),
    http,
  };
}

let seq = 0;

/** A slash-command interaction payload as Discord sends it over HTTP. */
export function commandPayload(command: string, subcommand: string, options: Record<string, string> = {}, extra: Record<string, unknown> = {}) {
  seq += 1;
  return {
    id: `90000000000000${String(seq).padStart(4, '0')}`,
    application_id: APP_ID,
    type: 2,
    token: `interaction-token-${seq}`,
    version: 1,
    guild_id: GUILD,
    channel_id: CHANNEL,
    channel: { id: CHANNEL, type: 0 },
    member: {
      user: { id: '500000000000000001', username: 'tester', discriminator: '0', global_name: 'Tester', avatar: null },
      permissions: '0',
      roles: [],
      joined_at: '2025-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
    },
    locale: 'en-US',
    guild_locale: 'en-US',
    app_permissions: '19456',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD },
    context: 0,
    attachment_size_limit: 10485760,
    data: {
      id: '700000000000000001',
      name: command,
      type: 1,
      options: [{ type: 1, name: subcommand, options: Object.entries(options).map(([name, value]) => ({ type: 3, name, value })) }],
    },
    ...extra,
  };
}

/** An autocomplete interaction with `focused` being typed. */
export function autocompletePayload(command: string, subcommand: string, focused: string, typed: string) {
  const p = commandPayload(command, subcommand);
  return { ...p, type: 4, data: { ...p.data, options: [{ type: 1, name: subcommand, options: [{ type: 3, name: focused, value: typed, focused: true }] }] } };
}

/** POST a body to the interactions endpoint, signed with `privateKey` unless told otherwise. */
export async function postInteraction(
  baseUrl: string,
  body: string,
  opts: { privateKey?: KeyObject; signature?: string; timestamp?: string } = {},
): Promise<{ status: number; json: unknown }> {
  const timestamp = opts.timestamp ?? String(Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-signature-timestamp': timestamp };
  const signature = opts.signature ?? (opts.privateKey ? sign(null, Buffer.from(timestamp + body), opts.privateKey).toString('hex') : undefined);
  if (signature !== undefined) headers['x-signature-ed25519'] = signature;
  const res = await fetch(`${baseUrl}/discord/interactions`, { method: 'POST', headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

/** Wrap a store so every read is slowed down (to exercise deferred replies). */
export function slowStore(store: Store, ms: number): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        await new Promise((r) => setTimeout(r, ms));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
