import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { recordingIo } from '../helpers/cli.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { BRIEFINGS } from '../helpers/fixtures.js';

const SLACK_TOKEN = 'xoxb-doctor-token-7f3a';
const SIGNING = 'doctor-signing-secret-91b2';
const DISCORD_TOKEN = 'doctor-discord-token-5c1d';
const GUILD = '100000000000000003';
const DISCORD_CHANNEL = '300000000000000001';
const DENIED_CHANNEL = '300000000000000002';

async function doctor(env: Record<string, string>, db: string): Promise<{ code: number; out: string; err: string }> {
  const io = recordingIo({ LOG_LEVEL: 'silent', ...env }, () => new Date());
  const code = await main(['doctor', '--db', db, '--data', BRIEFINGS, '--timeout', '3000'], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

function row(out: string, name: string): string {
  const line = out.split('\n').find((l) => l.slice(4).startsWith(name));
  if (!line) throw new Error(`no row "${name}" in:\n${out}`);
  return line;
}

describe('sitrep doctor against the local fakes', () => {
  let slack: FakeSlackApi;
  let discord: FakeDiscordApi;
  let dir: string;
  let db: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    slack = await new FakeSlackApi().start();
    discord = await FakeDiscordApi.start({ token: DISCORD_TOKEN });
    dir = mkdtempSync(join(tmpdir(), 'sitrep-doctor-'));
    db = join(dir, 'sitrep.db');
    const store = openSqliteStore(db);
    const base = { story: 'ukraine-ceasefire', time: '07:00', timezone: 'UTC', days: 'daily' as const, skipEmpty: false };
    await store.upsertSubscription({ ...base, platform: 'slack', channel: 'C0GOOD' });
    await store.upsertSubscription({ ...base, platform: 'discord', channel: DISCORD_CHANNEL });
    await store.close();
    env = {
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING,
      SLACK_MODE: 'http',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_GUILD_ID: GUILD,
      DISCORD_API_URL: discord.url,
    };
  });
  afterAll(async () => {
    await slack?.close();
    await discord?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    slack.clearFaults();
    slack.reset();
    discord.reset();
  });

  async function deployCommands(): Promise<void> {
    const res = await fetch(`${discord.url}/v10/applications/${discord.applicationId}/guilds/${GUILD}/commands`, {
      method: 'PUT',
      headers: { authorization: `Bot ${DISCORD_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ name: 'sitrep', description: 'Briefings', type: 1 }]),
    });
    expect(res.status).toBe(200);
  }

  it('everything healthy: a ✓ for each check and exit 0', async () => {
    await deployCommands();
    const r = await doctor(env, db);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const name of ['config', 'stories', 'store', 'slack auth.test', 'slack channel C0GOOD', 'discord /users/@me', `discord channel ${DISCORD_CHANNEL}`, 'discord commands'])
      expect(row(r.out, name)).toMatch(/^ {2}✓ /);
    expect(r.out).toContain('All checks passed.');
    // It really asked the platforms, with the credentials in headers only.
    expect(slack.callsOf('auth.test')[0]?.authorization).toBe(`Bearer ${SLACK_TOKEN}`);
    expect(slack.callsOf('conversations.info').map((c) => c.body.channel)).toEqual(['C0GOOD']);
    expect(discord.requestsTo('GET', /^\/users\/@me$/)).toHaveLength(1);
    expect(discord.requestsTo('GET', new RegExp(`^/channels/${DISCORD_CHANNEL}$`))).toHaveLength(1);
  });

  it('unreachable channels and unregistered commands: ✗ rows with a fix each, exit 1, no secret printed', async () => {
    const store = openSqliteStore(db);
    const base = { story: 'ukraine-ceasefire', time: '07:00', timezone: 'UTC', days: 'daily' as const, skipEmpty: false };
    await store.upsertSubscription({ ...base, platform: 'slack', channel: 'C0GONE' });
    await store.upsertSubscription({ ...base, platform: 'slack', channel: 'C0OLD' });
    await store.upsertSubscription({ ...base, platform: 'discord', channel: DENIED_CHANNEL });
    await store.close();
    try {
      slack.setChannelError('C0GONE', 'channel_not_found');
      slack.setChannelError('C0OLD', 'is_archived');
      discord.denyChannel(DENIED_CHANNEL, 'missing-access');
      const r = await doctor(env, db);
      expect(r.code).toBe(1);
      expect(row(r.out, 'slack channel C0GOOD')).toMatch(/✓/);
      expect(row(r.out, 'slack channel C0GONE')).toMatch(/✗ .*channel_not_found/);
      expect(row(r.out, 'slack channel C0OLD')).toMatch(/✗ .*archived/);
      expect(row(r.out, `discord channel ${DENIED_CHANNEL}`)).toMatch(/✗ .*Missing Access/);
      expect(row(r.out, 'discord commands')).toMatch(/✗ .*not registered/);
      expect(r.out).toContain('npm run discord:deploy');
      const fixes = r.out.split('\n').filter((l) => l.trim().startsWith('fix:'));
      expect(fixes).toHaveLength(r.out.split('\n').filter((l) => l.startsWith('  ✗')).length);
      for (const s of [SLACK_TOKEN, SIGNING, DISCORD_TOKEN]) expect(r.out + r.err).not.toContain(s);
    } finally {
      const store2 = openSqliteStore(db);
      await store2.removeSubscription('slack', 'C0GONE');
      await store2.removeSubscription('slack', 'C0OLD');
      await store2.removeSubscription('discord', DENIED_CHANNEL);
      await store2.close();
    }
  });

  it('rejected credentials: Slack auth.test failing and a wrong Discord token are ✗ with fixes', async () => {
    slack.failNext(1, ['auth.test']);
    const r = await doctor({ ...env, DISCORD_TOKEN: 'wrong-discord-token-000' }, db);
    expect(r.code).toBe(1);
    expect(row(r.out, 'slack auth.test')).toMatch(/✗ .*HTTP 500/);
    expect(row(r.out, 'discord /users/@me')).toMatch(/✗ .*401/);
    expect(r.out).toMatch(/fix: DISCORD_TOKEN is wrong/);
    expect(r.out).not.toContain('wrong-discord-token-000');
  });

  it('an API that is down: ✗ "cannot reach", not a crash', async () => {
    const r = await doctor({ ...env, SLACK_API_URL: 'http://127.0.0.1:9/api/', DISCORD_API_URL: 'http://127.0.0.1:9/api' }, db);
    expect(r.code).toBe(1);
    expect(row(r.out, 'slack auth.test')).toMatch(/✗ .*cannot reach 127\.0\.0\.1:9/);
    expect(row(r.out, 'discord /users/@me')).toMatch(/✗ .*cannot reach/);
  });

  it('invalid configuration: one ✗ naming the variable, no value echoed, exit 1', async () => {
    const r = await doctor({ SLACK_BOT_TOKEN: 'not-a-bot-token-secret-99', SLACK_MODE: 'http' }, db);
    expect(r.code).toBe(1);
    expect(row(r.out, 'config')).toMatch(/✗ .*SLACK_BOT_TOKEN/);
    expect(r.out).not.toContain('not-a-bot-token-secret-99');
  });

  it('no platforms configured: config and store ✓, platforms skipped, exit 0', async () => {
    const r = await doctor({}, db);
    expect(r.code).toBe(0);
    expect(row(r.out, 'slack')).toMatch(/– .*not configured/);
    expect(row(r.out, 'discord')).toMatch(/– .*not configured/);
  });

  it('a database that does not exist yet is fine (and the doctor does not create it)', async () => {
    const missing = join(dir, 'later', 'sitrep.db');
    const r = await doctor({}, missing);
    expect(r.code).toBe(0);
    expect(row(r.out, 'store')).toMatch(/✓ .*will be created on first start/);
    expect(existsSync(missing)).toBe(false);
  });
});
