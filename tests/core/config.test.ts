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

  it('validates the review channel and reviewers, naming every problem', () => {
    const ok = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SITREP_REVIEW_CHANNEL: 'slack:CREVIEW1', SITREP_REVIEWERS: 'U0123, SADMINS W999' });
    expect(ok.ok && ok.config.review).toEqual({ platform: 'slack', channel: 'CREVIEW1', reviewers: { users: ['U0123', 'W999'], groups: ['SADMINS'] } });
    const bad = loadConfig({ SITREP_REVIEW_CHANNEL: 'slack:C1', SITREP_REVIEWERS: 'alice' });
    expect(bad.ok).toBe(false);
    const text = bad.ok ? '' : bad.errors.join('\n');
    expect(text).toContain('SITREP_REVIEWERS: "alice" is not a Slack user id');
    expect(text).toContain('SITREP_REVIEW_CHANNEL: a Slack review channel needs SLACK_BOT_TOKEN');
    const noReviewers = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SITREP_REVIEW_CHANNEL: 'slack:C1' });
    expect(!noReviewers.ok && noReviewers.errors.join()).toContain('SITREP_REVIEWERS: is required');
    const where = loadConfig({ SITREP_REVIEW_CHANNEL: 'teams:general' });
    expect(!where.ok && where.errors.join()).toContain('SITREP_REVIEW_CHANNEL: must be slack:CHANNEL_ID or discord:CHANNEL_ID');
    const oauth = { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: 'state-secret-0123456789', SITREP_SECRET_KEY: 'k'.repeat(32), SLACK_SIGNING_SECRET: 'x', SLACK_MODE: 'http', SITREP_REVIEWERS: 'U01' };
    const noWorkspace = loadConfig({ ...oauth, SITREP_REVIEW_CHANNEL: 'slack:C1' });
    expect(!noWorkspace.ok && noWorkspace.errors.join()).toContain('SITREP_REVIEW_WORKSPACE: is required');
    const withWorkspace = loadConfig({ ...oauth, SITREP_REVIEW_CHANNEL: 'slack:C1', SITREP_REVIEW_WORKSPACE: 'T0123' });
    expect(withWorkspace.ok && withWorkspace.config.review).toMatchObject({ platform: 'slack', channel: 'C1', workspace: 'T0123' });
    const discord = loadConfig({ DISCORD_APPLICATION_ID: '100000000000000001', SITREP_REVIEW_CHANNEL: 'discord:200000000000000001', DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: 'a'.repeat(64) });
    expect(!discord.ok && discord.errors.join()).toContain('SITREP_REVIEW_CHANNEL: a Discord review channel needs DISCORD_TOKEN');
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

  describe('installs in many workspaces (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET)', () => {
    const KEY = 'k'.repeat(32);
    const OAUTH = { SLACK_CLIENT_ID: '1111.2222', SLACK_CLIENT_SECRET: 'client-secret-value', SLACK_STATE_SECRET: 'state-secret-0123456789', SLACK_SIGNING_SECRET: 'sign', SITREP_SECRET_KEY: KEY };

    it('enables Slack in HTTP mode without a bot token, with the secret key and every secret redacted', () => {
      const r = loadConfig(OAUTH);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.config.slack).toMatchObject({ mode: 'http', oauth: { clientId: '1111.2222', clientSecret: 'client-secret-value', stateSecret: 'state-secret-0123456789', secretKey: KEY } });
      expect(r.config.slack?.botToken).toBeUndefined();
      expect(r.config.secretKey).toBe(KEY);
      for (const s of ['client-secret-value', 'state-secret-0123456789', KEY, 'sign']) expect(r.config.secrets).toContain(s);
    });

    it('keeps SLACK_BOT_TOKEN alongside (it serves workspaces without an installation of their own)', () => {
      const r = loadConfig({ ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-both' });
      expect(r.ok && r.config.slack).toMatchObject({ botToken: 'xoxb-both', oauth: { clientId: '1111.2222' } });
    });

    it('takes all three or none, and names each missing one', () => {
      const r = loadConfig({ SLACK_CLIENT_ID: '1111.2222', SLACK_SIGNING_SECRET: 'sign', SITREP_SECRET_KEY: KEY });
      expect(r.ok).toBe(false);
      const text = r.ok ? '' : r.errors.join('\n');
      expect(text).toMatch(/^SLACK_CLIENT_SECRET: is required with SLACK_CLIENT_ID/m);
      expect(text).toMatch(/^SLACK_STATE_SECRET: is required with SLACK_CLIENT_ID/m);
    });

    it('lists every missing or bad piece at once: secret key, signing secret, a short state secret, Socket Mode', () => {
      const r = loadConfig({ SLACK_CLIENT_ID: '1111.2222', SLACK_CLIENT_SECRET: 'client-secret-value', SLACK_STATE_SECRET: 'short', SLACK_MODE: 'socket', SLACK_APP_TOKEN: 'xapp-1' });
      expect(r.ok).toBe(false);
      const text = r.ok ? '' : r.errors.join('\n');
      for (const name of ['SITREP_SECRET_KEY: is required', 'SLACK_STATE_SECRET: must be at least 16', 'SLACK_MODE: the Slack install flow']) expect(text).toContain(name);
      expect(text).not.toContain('client-secret-value');
      const http = loadConfig({ ...OAUTH, SLACK_SIGNING_SECRET: '' });
      expect(!http.ok && http.errors.join()).toContain('SLACK_SIGNING_SECRET: is required for HTTP mode');
    });

    it('wants SITREP_SECRET_KEY of at least 32 characters, without echoing it', () => {
      const r = loadConfig({ ...OAUTH, SITREP_SECRET_KEY: 'too-short-secret' });
      expect(!r.ok && r.errors.join()).toContain('SITREP_SECRET_KEY: must be at least 32 characters');
      expect(!r.ok && r.errors.join()).not.toContain('too-short-secret');
      // On its own it is valid config (other features use it too) and does not enable Slack.
      const alone = loadConfig({ SITREP_SECRET_KEY: KEY });
      expect(alone.ok && alone.config.slack).toBeUndefined();
    });
  });

  it('collects secrets for log redaction', () => {
    const r = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-secret', SLACK_APP_TOKEN: 'xapp-secret', DISCORD_TOKEN: 'dtok', DISCORD_APPLICATION_ID: '123456' });
    expect(r.ok && r.config.secrets).toEqual(['xoxb-secret', 'xapp-secret', 'dtok']);
  });
});

describe('config: PostgreSQL and replicas', () => {
  it('takes DATABASE_URL for PostgreSQL (SQLite stays the default) and keeps its password out of every log line', async () => {
    expect(loadConfig({}).ok && (loadConfig({}) as { config: { databaseUrl?: string } }).config.databaseUrl).toBeUndefined();
    const r = loadConfig({ DATABASE_URL: 'postgres://sitrep:p%40ss-SECRET@db.internal:5432/sitrep' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.databaseUrl).toBe('postgres://sitrep:p%40ss-SECRET@db.internal:5432/sitrep');
    expect(r.config.secrets).toEqual(expect.arrayContaining(['p%40ss-SECRET', 'p@ss-SECRET']));
    const { redactText } = await import('../../src/log.js');
    // Even without being told the secret, a database URL's password is scrubbed.
    expect(redactText('connecting to postgresql://u:hunter2-SECRET@h/d failed')).toBe('connecting to postgresql://u:[redacted]@h/d failed');
    expect(loadConfig({ DATABASE_URL: 'postgresql:///sitrep?host=/var/run/postgresql' }).ok).toBe(true);
  });

  it('rejects a DATABASE_URL that is not PostgreSQL, and a bad SITREP_LEASE_TTL, without echoing them', () => {
    const r = loadConfig({ DATABASE_URL: 'mysql://root:SECRETpw@db/x', SITREP_LEASE_TTL: '2 fortnights' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.errors.join('\n');
    expect(text).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
    expect(text).toContain('SITREP_LEASE_TTL');
    expect(text).not.toContain('SECRETpw');
    expect(loadConfig({ DATABASE_URL: 'not a url' }).ok).toBe(false);
  });

  it('reads SITREP_LEASE_TTL in seconds, minutes or milliseconds (1 s to 1 h; default 60 s)', () => {
    const ttl = (v?: string) => {
      const r = loadConfig(v === undefined ? {} : { SITREP_LEASE_TTL: v });
      return r.ok ? r.config.leaseTtlMs : undefined;
    };
    expect(ttl()).toBe(60_000);
    expect(ttl('2s')).toBe(2_000);
    expect(ttl('5m')).toBe(300_000);
    expect(ttl('1500ms')).toBe(1_500);
    expect(ttl('500ms')).toBeUndefined();
    expect(ttl('2h')).toBeUndefined();
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
