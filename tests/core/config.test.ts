import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('config', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const r = loadConfig({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toMatchObject({ dbFile: './data/sitrep.db', dataDir: './briefings', port: 3000, timezone: 'UTC', catchupMaxMs: 7_200_000 });
    expect(r.config.slack).toBeUndefined();
    expect(r.config.discord).toBeUndefined();
  });

  it('lists every bad variable at once, without echoing values', () => {
    const r = loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', SITREP_TIMEZONE: 'Mars/Olympus', SLACK_BOT_TOKEN: 'not-a-token-secret', SITREP_CATCHUP_MAX: 'soon', DISCORD_PUBLIC_KEY: 'xyz' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.errors.join('\n');
    for (const name of ['PORT', 'LOG_LEVEL', 'SITREP_TIMEZONE', 'SLACK_BOT_TOKEN', 'SITREP_CATCHUP_MAX', 'DISCORD_PUBLIC_KEY']) expect(text).toContain(name);
    expect(text).not.toContain('not-a-token-secret');
  });

  it('picks Socket Mode when an app token is present and HTTP otherwise', () => {
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(socket.ok && socket.config.slack?.mode).toBe('socket');
    const http = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_MODE: 'http' });
    expect(http.ok && http.config.slack?.mode).toBe('http');
    const missing = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_MODE: 'http' });
    expect(!missing.ok && missing.errors.join()).toContain('SLACK_SIGNING_SECRET');
  });

  it('requires the application id with a Discord token', () => {
    const r = loadConfig({ DISCORD_TOKEN: 'abc' });
    expect(!r.ok && r.errors.join()).toContain('DISCORD_APPLICATION_ID');
  });

  it('collects secrets for log redaction', () => {
    const r = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-secret', SLACK_APP_TOKEN: 'xapp-secret', DISCORD_TOKEN: 'dtok', DISCORD_APPLICATION_ID: '123456' });
    expect(r.ok && r.config.secrets).toEqual(['xoxb-secret', 'xapp-secret', 'dtok']);
  });
});

describe('.env.example', () => {
  it('is valid as it stands and documents every variable of the schema', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('dotenv');
    const { envSchema } = await import('../../src/config.js');
    const { ROOT } = await import('../helpers/fixtures.js');
    const text = readFileSync(`${ROOT}/.env.example`, 'utf8');
    const env = parse(text);
    expect(loadConfig(env).ok).toBe(true);
    for (const key of Object.keys(envSchema.shape)) expect(Object.keys(env)).toContain(key);
  });
});
