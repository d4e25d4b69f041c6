import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createPlatform } from '../../adapters/slack/index.js';
import { loadConfig } from '../../src/config.js';
import { deliverDue, type DeliverSummary } from '../../src/delivery/deliver.js';
import { HttpRouter } from '../../src/http/router.js';
import { createLogger } from '../../src/log.js';
import type { PlatformRuntime } from '../../src/platform.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import { FakeSlackApi, type FakeWorkspace } from '../fakes/slack-api.js';
import { NOW, testRecords, testStory } from './story-data.js';

export const CLIENT_ID = '1111.2222';
export const CLIENT_SECRET = 'oauth-client-secret-5f4e3d2c';
export const STATE_SECRET = 'oauth-state-secret-9a8b7c6d';
export const SECRET_KEY = 'sitrep-secret-key-for-tests-0123456789abcdef';
export const SIGNING_SECRET = 'oauth-signing-secret-0123456789';

export interface HttpAnswer {
  status: number;
  body: string;
  headers: Headers;
}

export interface OAuthHarness {
  api: FakeSlackApi;
  store: SqliteStore;
  /** The SQLite file (WAL mode: read it together with `${dbFile}-wal`). */
  dbFile: string;
  platform: PlatformRuntime;
  baseUrl: string;
  rawLogs: string[];
  /** GET /slack/install (redirects not followed). */
  startInstall(): Promise<HttpAnswer & { location?: URL; state?: string; cookie?: string }>;
  /** GET /slack/oauth_redirect with this query, as a browser holding `cookie` would. */
  redirect(query: Record<string, string>, cookie?: string): Promise<HttpAnswer>;
  /** The whole round trip: the install page, Slack's consent (the fake hands out `code`), the redirect back. */
  install(workspace: FakeWorkspace): Promise<HttpAnswer>;
  /** A signed slash command from `team`. */
  command(text: string, opts: { team: string; channel: string; responseId: string }): Promise<HttpAnswer>;
  /** A signed "Post to channel" click from `team`. */
  clickButton(value: string, opts: { team: string; channel: string; responseId: string }): Promise<HttpAnswer>;
  /** A signed Events API callback (really signed with the signing secret unless `secret` says otherwise). */
  event(event: Record<string, unknown>, opts: { team: string; secret?: string; timestamp?: number }): Promise<HttpAnswer>;
  /** The answer sent to a command's response_url. */
  reply(responseId: string): Promise<Record<string, unknown>>;
  /** One delivery pass at `now` through the platform's chat adapter. */
  deliver(now: Date): Promise<DeliverSummary>;
  close(): Promise<void>;
}

let events = 0;

/** A real Bolt app in HTTP mode with the OAuth installer, a fake Slack API, a real SQLite file. */
export async function startOAuthHarness(options: { botToken?: string } = {}): Promise<OAuthHarness> {
  const api = await new FakeSlackApi({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, minChannelIntervalMs: 0 }).start();
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-oauth-'));
  const dbFile = join(dir, 'sitrep.db');
  const store = openSqliteStore(dbFile);
  const story = testStory();
  await store.upsertStory(story);
  await store.upsertEvents(testRecords());
  const cfg = loadConfig({
    SLACK_CLIENT_ID: CLIENT_ID,
    SLACK_CLIENT_SECRET: CLIENT_SECRET,
    SLACK_STATE_SECRET: STATE_SECRET,
    SITREP_SECRET_KEY: SECRET_KEY,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_MODE: 'http',
    SLACK_API_URL: api.apiUrl,
    ...(options.botToken ? { SLACK_BOT_TOKEN: options.botToken } : {}),
    LOG_LEVEL: 'debug',
  });
  if (!cfg.ok) throw new Error(cfg.errors.join('; '));
  const rawLogs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      rawLogs.push(chunk.toString());
      cb();
    },
  });
  const logger = createLogger({ level: 'debug', secrets: cfg.config.secrets, destination });
  const router = new HttpRouter();
  const stories = new Map([[story.id, story]]);
  const platform = await createPlatform({ config: cfg.config, store, logger, clock: () => NOW, defaultStory: story, stories, http: router });
  await platform.start();
  const baseUrl = `http://127.0.0.1:${await router.listen(0, '127.0.0.1')}`;

  const get = async (path: string, headers: Record<string, string> = {}): Promise<HttpAnswer> => {
    const res = await fetch(`${baseUrl}${path}`, { redirect: 'manual', headers });
    return { status: res.status, body: await res.text(), headers: res.headers };
  };
  const signedPost = async (body: string, contentType: string, secret = SIGNING_SECRET, ts = Math.floor(Date.now() / 1000)): Promise<HttpAnswer> => {
    const sig = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
    const res = await fetch(`${baseUrl}/slack/events`, { method: 'POST', headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig }, body });
    return { status: res.status, body: await res.text(), headers: res.headers };
  };
  const acks = new Map<string, string>();

  const harness: OAuthHarness = {
    api,
    store,
    dbFile,
    platform,
    baseUrl,
    rawLogs,
    async startInstall() {
      const res = await get('/slack/install');
      const loc = res.headers.get('location');
      const location = loc ? new URL(loc) : undefined;
      const state = location?.searchParams.get('state') ?? undefined;
      // The state cookie, as a browser would send it back (name=value, attributes dropped).
      const cookie = res.headers.get('set-cookie')?.split(';')[0];
      return { ...res, ...(location ? { location } : {}), ...(state ? { state } : {}), ...(cookie ? { cookie } : {}) };
    },
    redirect(query, cookie) {
      return get(`/slack/oauth_redirect?${new URLSearchParams(query).toString()}`, cookie ? { cookie } : {});
    },
    async install(workspace) {
      const start = await harness.startInstall();
      if (start.status !== 302 || !start.state || !start.cookie) throw new Error(`install page answered ${start.status}`);
      const code = `code-${workspace.teamId}-${++events}`;
      api.addInstall(code, workspace);
      return harness.redirect({ code, state: start.state }, start.cookie);
    },
    async command(text, opts) {
      const body = new URLSearchParams({
        token: 'legacy',
        team_id: opts.team,
        team_domain: opts.team.toLowerCase(),
        channel_id: opts.channel,
        channel_name: 'news',
        user_id: 'U0USER',
        user_name: 'editor',
        command: '/sitrep',
        text,
        api_app_id: 'A0001',
        is_enterprise_install: 'false',
        response_url: api.responseUrl(opts.responseId),
        trigger_id: '1.2.3',
      }).toString();
      const ack = await signedPost(body, 'application/x-www-form-urlencoded');
      acks.set(opts.responseId, ack.body);
      return ack;
    },
    clickButton(value, opts) {
      const payload = {
        type: 'block_actions',
        user: { id: 'U0USER', username: 'editor', team_id: opts.team },
        api_app_id: 'A0001',
        token: 'legacy',
        container: { type: 'message', message_ts: '1716098400.000100', channel_id: opts.channel, is_ephemeral: true },
        trigger_id: '1.2.4',
        team: { id: opts.team, domain: opts.team.toLowerCase() },
        is_enterprise_install: false,
        channel: { id: opts.channel, name: 'news' },
        response_url: api.responseUrl(opts.responseId),
        actions: [{ type: 'button', action_id: 'sitrep_post_to_channel', block_id: 'sitrep_share', text: { type: 'plain_text', text: 'Post to channel' }, value, action_ts: '1716098401.000200' }],
      };
      return signedPost(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
    },
    event(event, opts) {
      const n = ++events;
      const body = JSON.stringify({
        token: 'legacy',
        team_id: opts.team,
        api_app_id: 'A0001',
        event: { ...event, event_ts: `${Math.floor(Date.now() / 1000)}.${String(n).padStart(6, '0')}` },
        type: 'event_callback',
        event_id: `Ev${String(n).padStart(8, '0')}`,
        event_time: Math.floor(Date.now() / 1000),
      });
      return signedPost(body, 'application/json', opts.secret, opts.timestamp);
    },
    async reply(responseId) {
      const ack = acks.get(responseId);
      if (ack) return JSON.parse(ack) as Record<string, unknown>;
      await api.waitFor((a) => a.calls.some((c) => c.path === `/respond/${responseId}`));
      const call = api.calls.find((c) => c.path === `/respond/${responseId}`);
      if (!call) throw new Error('unreachable');
      return call.body;
    },
    deliver(now) {
      return deliverDue({ store, adapters: new Map([['slack', platform.chat]]), stories, now, logger, queueOptions: { backoffBaseMs: 1, backoffCapMs: 5, perChannelIntervalMs: 0 } });
    },
    async close() {
      await platform.stop();
      await router.close();
      await api.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Poll until `check` holds (event listeners run after Slack's request is acknowledged). */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
