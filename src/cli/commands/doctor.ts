import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { loadConfig, type Config } from '../../config.js';
import { redactText } from '../../log.js';
import { loadStoryDir } from '../../records/load.js';
import { openSqliteStore } from '../../store/sqlite-store.js';
import { StoreError, type Store, type Subscription } from '../../store/store.js';
import { dataFlags, parseFlags } from '../args.js';
import { EXIT, type CliCommand } from '../types.js';

const USAGE = 'sitrep doctor [--data DIR] [--db FILE] [--timeout MS]';
const DEFAULT_TIMEOUT_MS = 5_000;
/** Channel checks are one API call each; a desk with hundreds of channels gets a sample, not a rate-limit storm. */
const MAX_CHANNEL_CHECKS = 50;
const DISCORD_API_VERSION = '10';

/** One line of the doctor's table. `skip` rows are informational (e.g. a platform that is not configured). */
export interface Check {
  name: string;
  status: 'ok' | 'fail' | 'skip';
  detail: string;
  /** What to do about a failure. */
  fix?: string;
}

const ok = (name: string, detail: string): Check => ({ name, status: 'ok', detail });
const fail = (name: string, detail: string, fix: string): Check => ({ name, status: 'fail', detail, fix });
const skip = (name: string, detail: string): Check => ({ name, status: 'skip', detail });

/** `sitrep doctor`: check config, store, platform credentials, subscribed channels and command registration. */
export const command: CliCommand = {
  name: 'doctor',
  usage: USAGE,
  async run(argv, io) {
    const flags = parseFlags(argv, { ...dataFlags, timeout: { type: 'string' } });
    if (!flags.ok || flags.value.positionals.length > 0) {
      io.stderr(`sitrep doctor: ${flags.ok ? `unexpected argument "${flags.value.positionals[0]}"` : flags.error}\nUsage: ${USAGE}\n`);
      return EXIT.usage;
    }
    const f = flags.value.values;
    const timeoutMs = f.timeout !== undefined ? Number(f.timeout) : DEFAULT_TIMEOUT_MS;
    if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000) {
      io.stderr(`sitrep doctor: --timeout must be milliseconds between 100 and 120000\nUsage: ${USAGE}\n`);
      return EXIT.usage;
    }
    const checks = await runChecks(io.env, { db: f.db, data: f.data, timeoutMs });
    const secrets = secretsOf(io.env);
    io.stdout(redactText(formatChecks(checks), secrets));
    return checks.some((c) => c.status === 'fail') ? EXIT.failure : EXIT.ok;
  },
};

/**
 * Run every check in order. Later checks that depend on an earlier one (a valid config, an open store) are
 * skipped when it failed, so one root cause gives one ✗, not a cascade.
 */
export async function runChecks(env: Record<string, string | undefined>, opts: { db?: string | undefined; data?: string | undefined; timeoutMs?: number }): Promise<Check[]> {
  const checks: Check[] = [];
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const cfg = loadConfig(env);
  if (!cfg.ok) {
    checks.push(fail('config', cfg.errors.join('; '), 'fix the variables named above in .env or the environment (see .env.example)'));
    return checks;
  }
  const config: Config = { ...cfg.config, ...(opts.db !== undefined ? { dbFile: opts.db } : {}), ...(opts.data !== undefined ? { dataDir: opts.data } : {}) };
  if (opts.db !== undefined) delete config.databaseUrl;
  const platforms = [config.slack ? `slack (${config.slack.mode}${config.slack.oauth ? ', installs in many workspaces' : ''})` : undefined, config.discord ? `discord (${config.discord.mode})` : undefined].filter(Boolean);
  checks.push(ok('config', platforms.length > 0 ? `platforms: ${platforms.join(', ')}` : 'no platform tokens: console mode only'));

  const stories = loadStoryDir(config.dataDir);
  checks.push(
    stories.stories.length === 0
      ? fail('stories', `no story found in ${config.dataDir}`, 'add <data>/<story>/story.yaml (README "Writing a story") or set SITREP_DATA')
      : stories.errors.length > 0
        ? fail('stories', `${stories.stories.length} story(ies), ${stories.errors.length} problem(s) in ${config.dataDir}`, 'run `sitrep validate` to see each problem with its file and field')
        : ok('stories', `${stories.stories.map((s) => s.id).join(', ')} (${stories.records.length} records in files)`),
  );

  const stored = config.databaseUrl ? await checkPostgres(config.databaseUrl) : await checkStore(config.dbFile);
  checks.push(stored.check);
  const subs = stored.subs;

  const http = new Http(timeoutMs);
  checks.push(...(await slackChecks(config, subs, http)));
  checks.push(...(await discordChecks(config, subs, http)));
  return checks;
}

/** Open the store and list subscriptions (the channels to check). A missing file is not created. */
async function checkStore(file: string): Promise<{ check: Check; subs: Subscription[] }> {
  if (file !== ':memory:' && !existsSync(file)) {
    // A diagnostic should not create files: report whether `sitrep start` will be able to.
    const folder = nearestExisting(dirname(file));
    return {
      subs: [],
      check: writable(folder)
        ? ok('store', `${file} does not exist yet; it will be created on first start`)
        : fail('store', `${file} does not exist and ${folder} is not writable`, 'create the folder with write access for this user, or set SITREP_DB'),
    };
  }
  let store: Store | undefined;
  try {
    store = openSqliteStore(file);
    if (!(await store.ping())) throw new StoreError('STORE_OPEN_FAILED', `the database ${file} does not answer`);
    const subs = await store.listSubscriptions({ includePaused: true });
    return { subs, check: ok('store', `${file} (${subs.length} subscription(s))`) };
  } catch (err) {
    return { subs: [], check: storeFailure(file, err) };
  } finally {
    await store?.close().catch(() => undefined);
  }
}

/** Reach PostgreSQL and list subscriptions; a schema that is behind is reported (the next start migrates it), not migrated. */
async function checkPostgres(url: string): Promise<{ check: Check; subs: Subscription[] }> {
  const { describeDatabaseUrl, openPostgresStore, postgresSchemaState } = await import('../../store/postgres-store.js');
  const target = describeDatabaseUrl(url);
  let store: Store | undefined;
  try {
    const schema = await postgresSchemaState(url);
    if (schema.applied < schema.latest)
      return { subs: [], check: ok('store', `${target} reachable; schema version ${schema.applied} of ${schema.latest}: the next \`sitrep start\` migrates it`) };
    store = await openPostgresStore(url);
    const subs = await store.listSubscriptions({ includePaused: true });
    return { subs, check: ok('store', `${target} (PostgreSQL, schema version ${schema.applied}, ${subs.length} subscription(s))`) };
  } catch (err) {
    return { subs: [], check: storeFailure(target, err) };
  } finally {
    await store?.close().catch(() => undefined);
  }
}

function nearestExisting(dir: string): string {
  let d = dir;
  while (!existsSync(d) && dirname(d) !== d) d = dirname(d);
  return d;
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function storeFailure(file: string, err: unknown): Check {
  if (err instanceof StoreError) {
    const fix: Record<StoreError['code'], string> = {
      STORE_READONLY: 'make the file and its folder writable by this user, or point SITREP_DB elsewhere',
      STORE_LOCKED: 'stop the other process using it (another `sitrep start`?), then retry',
      STORE_MIGRATION_FAILED: 'restore a backup or move the file aside; sitrep creates a fresh one',
      STORE_OPEN_FAILED: file.startsWith('postgres://')
        ? 'check the user, password and database name in DATABASE_URL (the database must exist and the user may create tables in it)'
        : 'check SITREP_DB points to a SQLite file in an existing, writable folder',
      STORE_UNAVAILABLE: 'check that PostgreSQL is running and that the host and port in DATABASE_URL are right',
    };
    return fail('store', `${err.message} [${err.code}]`, fix[err.code]);
  }
  return fail('store', `cannot open ${file}: ${err instanceof Error ? err.message : String(err)}`, 'check SITREP_DB and the folder permissions');
}

// ---------------------------------------------------------------------------------------------- Slack

const slackAnswer = z.looseObject({ ok: z.boolean(), error: z.string().optional(), team: z.string().optional(), user: z.string().optional() });
const slackChannel = z.looseObject({
  ok: z.boolean(),
  error: z.string().optional(),
  channel: z.looseObject({ name: z.string().optional(), is_member: z.boolean().optional(), is_archived: z.boolean().optional(), is_private: z.boolean().optional() }).optional(),
});

const SLACK_FIXES: Record<string, string> = {
  invalid_auth: 'SLACK_BOT_TOKEN is wrong: copy the Bot User OAuth Token (xoxb-…) from the app\'s "OAuth & Permissions" page',
  not_authed: 'SLACK_BOT_TOKEN is missing or empty',
  account_inactive: 'the app was uninstalled or its token revoked: reinstall the app to the workspace and copy the new token',
  token_revoked: 'the token was revoked: reinstall the app to the workspace and copy the new token',
  missing_scope: 'add the channels:read and groups:read bot scopes (app manifest) and reinstall the app',
  channel_not_found: 'the channel is gone or private without the bot: invite the bot, or remove the subscription (`sitrep unsubscribe --to slack:ID`)',
  not_in_channel: 'invite the bot to the channel: `/invite @sitrep`',
};

async function slackChecks(config: Config, subs: readonly Subscription[], http: Http): Promise<Check[]> {
  const slack = config.slack;
  if (!slack) return [skip('slack', 'not configured (SLACK_BOT_TOKEN unset)')];
  const botToken = slack.botToken;
  // Installs in many workspaces without a single token: each workspace's token comes from its install.
  if (botToken === undefined) return [skip('slack auth.test', 'no SLACK_BOT_TOKEN: each workspace uses the token of its own install (GET /slack/install)')];
  const base = (slack.apiUrl ?? 'https://slack.com/api/').replace(/\/?$/, '/');
  const call = async (method: string, params: Record<string, string> = {}) => {
    const res = await http.request(`${base}${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${botToken}`, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams(params).toString(),
    });
    return res;
  };
  const out: Check[] = [];
  const auth = await call('auth.test');
  if (!auth.ok) {
    out.push(fail('slack auth.test', auth.error, `cannot reach the Slack API: check the network/proxy${slack.apiUrl ? ' and SLACK_API_URL' : ''}`));
    return out;
  }
  const parsed = slackAnswer.safeParse(auth.json);
  if (auth.status !== 200 || !parsed.success || !parsed.data.ok) {
    const code = parsed.success ? (parsed.data.error ?? `HTTP ${auth.status}`) : `HTTP ${auth.status}`;
    out.push(fail('slack auth.test', `token rejected (${code})`, SLACK_FIXES[code] ?? 'check SLACK_BOT_TOKEN, and that the Slack API is up (status.slack.com)'));
    return out;
  }
  out.push(ok('slack auth.test', `team ${parsed.data.team ?? '?'} as @${parsed.data.user ?? '?'}`));

  // The review channel (SITREP_REVIEW_CHANNEL) is checked like a subscribed one.
  const review = config.review?.platform === 'slack' ? [config.review.channel] : [];
  const channels = [...new Set([...review, ...subs.filter((s) => s.platform === 'slack').map((s) => s.channel)])];
  if (channels.length === 0) {
    out.push(skip('slack channels', 'no Slack subscriptions'));
    return out;
  }
  for (const channel of channels.slice(0, MAX_CHANNEL_CHECKS)) {
    const name = `slack channel ${channel}`;
    const res = await call('conversations.info', { channel });
    if (!res.ok) {
      out.push(fail(name, res.error, 'cannot reach the Slack API: check the network'));
      continue;
    }
    const info = slackChannel.safeParse(res.json);
    if (res.status !== 200 || !info.success || !info.data.ok) {
      const code = info.success ? (info.data.error ?? `HTTP ${res.status}`) : `HTTP ${res.status}`;
      out.push(fail(name, `unreachable (${code})`, SLACK_FIXES[code] ?? 'check the channel id and that the bot can see it'));
      continue;
    }
    const ch = info.data.channel ?? {};
    if (ch.is_archived) out.push(fail(name, `#${ch.name ?? channel} is archived`, `unarchive it, or remove its subscription: \`sitrep unsubscribe --to slack:${channel}\``));
    else if (ch.is_member === false && ch.is_private) out.push(fail(name, `bot is not in private #${ch.name ?? channel}`, SLACK_FIXES.not_in_channel ?? ''));
    else out.push(ok(name, `#${ch.name ?? channel}${ch.is_member === false ? ' (bot not a member; posts rely on chat:write.public)' : ''}`));
  }
  if (channels.length > MAX_CHANNEL_CHECKS) out.push(skip('slack channels', `${channels.length - MAX_CHANNEL_CHECKS} more not checked`));
  return out;
}

// ---------------------------------------------------------------------------------------------- Discord

const discordUser = z.looseObject({ id: z.string(), username: z.string().optional() });
const discordCommands = z.array(z.looseObject({ name: z.string() }));
const discordError = z.looseObject({ code: z.number().optional(), message: z.string().optional() });

async function discordChecks(config: Config, subs: readonly Subscription[], http: Http): Promise<Check[]> {
  const discord = config.discord;
  if (!discord) return [skip('discord', 'not configured (DISCORD_TOKEN / DISCORD_APPLICATION_ID unset)')];
  const base = `${(discord.apiUrl ?? 'https://discord.com/api').replace(/\/+$/, '')}/v${DISCORD_API_VERSION}`;
  const review = config.review?.platform === 'discord' ? [config.review.channel] : [];
  const channels = [...new Set([...review, ...subs.filter((s) => s.platform === 'discord').map((s) => s.channel)])];
  const out: Check[] = [];
  const token = discord.token;
  if (!token) {
    out.push(
      channels.length > 0
        ? fail('discord token', `DISCORD_TOKEN unset but ${channels.length} channel(s) subscribed`, 'set DISCORD_TOKEN (Developer Portal → Bot → Reset Token) so scheduled briefings can be posted')
        : skip('discord token', 'DISCORD_TOKEN unset: HTTP interactions only, no scheduled posts'),
    );
    return out;
  }
  const get = (path: string) => http.request(`${base}${path}`, { method: 'GET', headers: { authorization: `Bot ${token}` } });
  const describe = (res: HttpAnswer & { ok: true }) => {
    const e = discordError.safeParse(res.json);
    return `HTTP ${res.status}${e.success && e.data.message ? `: ${e.data.message}` : ''}`;
  };

  const me = await get('/users/@me');
  if (!me.ok) {
    out.push(fail('discord /users/@me', me.error, `cannot reach the Discord API: check the network/proxy${discord.apiUrl ? ' and DISCORD_API_URL' : ''}`));
    return out;
  }
  const user = discordUser.safeParse(me.json);
  if (me.status !== 200 || !user.success) {
    out.push(
      fail(
        'discord /users/@me',
        `token rejected (${describe(me)})`,
        me.status === 401 ? 'DISCORD_TOKEN is wrong or was reset: Developer Portal → Bot → Reset Token, then update DISCORD_TOKEN' : 'check DISCORD_TOKEN and Discord status (discordstatus.com)',
      ),
    );
    return out;
  }
  out.push(ok('discord /users/@me', `bot @${user.data.username ?? user.data.id}`));

  if (channels.length === 0) out.push(skip('discord channels', 'no Discord subscriptions'));
  for (const channel of channels.slice(0, MAX_CHANNEL_CHECKS)) {
    const name = `discord channel ${channel}`;
    const res = await get(`/channels/${channel}`);
    if (!res.ok) out.push(fail(name, res.error, 'cannot reach the Discord API: check the network'));
    else if (res.status === 200) out.push(ok(name, 'reachable'));
    else if (res.status === 404)
      out.push(fail(name, `unknown channel (${describe(res)})`, `the channel was deleted: remove its subscription with \`sitrep unsubscribe --to discord:${channel}\``));
    else
      out.push(
        fail(name, `no access (${describe(res)})`, 'give the bot View Channel, Send Messages and Embed Links in that channel (or re-invite it to the server)'),
      );
  }
  if (channels.length > MAX_CHANNEL_CHECKS) out.push(skip('discord channels', `${channels.length - MAX_CHANNEL_CHECKS} more not checked`));

  const scope = discord.guildId ? `guild ${discord.guildId}` : 'global';
  const path = discord.guildId ? `/applications/${discord.applicationId}/guilds/${discord.guildId}/commands` : `/applications/${discord.applicationId}/commands`;
  const cmds = await get(path);
  const name = `discord commands (${scope})`;
  const deploy = `run \`npm run discord:deploy\`${discord.guildId ? '' : ' (global commands can take up to an hour to appear)'}`;
  if (!cmds.ok) out.push(fail(name, cmds.error, 'cannot reach the Discord API: check the network'));
  else {
    const list = discordCommands.safeParse(cmds.json);
    if (cmds.status !== 200 || !list.success)
      out.push(fail(name, `cannot list commands (${describe(cmds)})`, cmds.status === 403 ? 'DISCORD_APPLICATION_ID does not belong to this bot token, or the bot is not in DISCORD_GUILD_ID' : deploy));
    else if (!list.data.some((c) => c.name === 'sitrep')) out.push(fail(name, `/sitrep is not registered (${list.data.length} command(s) found)`, deploy));
    else out.push(ok(name, list.data.map((c) => `/${c.name}`).join(', ')));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- plumbing

type HttpAnswer = { ok: true; status: number; json: unknown } | { ok: false; error: string };

/** Plain `fetch` with a timeout per call: a diagnostic must answer even when an API hangs. */
class Http {
  constructor(private readonly timeoutMs: number) {}

  async request(url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<HttpAnswer> {
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
      const text = await res.text();
      let json: unknown;
      try {
        json = text.length > 0 ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { ok: true, status: res.status, json };
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      if (e.name === 'TimeoutError' || e.name === 'AbortError') return { ok: false, error: `no answer from ${new URL(url).host} within ${this.timeoutMs} ms` };
      return { ok: false, error: `cannot reach ${new URL(url).host} (${e.cause?.code ?? e.message})` };
    }
  }
}

const MARK: Record<Check['status'], string> = { ok: '✓', fail: '✗', skip: '–' };

/** The ✓/✗ table with a "fix:" line under each failure. */
export function formatChecks(checks: readonly Check[]): string {
  const width = Math.max(...checks.map((c) => c.name.length));
  const lines = ['sitrep doctor', ''];
  for (const c of checks) {
    lines.push(`  ${MARK[c.status]} ${c.name.padEnd(width)}  ${c.detail}`);
    if (c.status === 'fail' && c.fix) lines.push(`    ${' '.repeat(width)}  fix: ${c.fix}`);
  }
  const failed = checks.filter((c) => c.status === 'fail').length;
  lines.push('', failed === 0 ? 'All checks passed.' : `${failed} check(s) failed.`);
  return `${lines.join('\n')}\n`;
}

function secretsOf(env: Record<string, string | undefined>): string[] {
  return ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SITREP_SECRET_KEY', 'DISCORD_TOKEN'].map((k) => env[k]).filter((v): v is string => typeof v === 'string' && v.length > 0);
}
