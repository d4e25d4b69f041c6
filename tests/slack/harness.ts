import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import { createPlatform } from '../../adapters/slack/index.js';
import { loadConfig } from '../../src/config.js';
import { HttpRouter } from '../../src/http/router.js';
import { createLogger } from '../../src/log.js';
import type { PlatformMetrics, PlatformRuntime } from '../../src/platform.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { NOW, testRecords, testStory } from './story-data.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-bot-token-123';

export interface SlackHarness {
  api: FakeSlackApi;
  store: Store;
  platform: PlatformRuntime;
  baseUrl: string;
  /** Structured log lines written so far (parsed JSON). */
  logs: Array<Record<string, unknown>>;
  rawLogs: string[];
  latencies: string[];
  /** POST a signed slash command; resolves with the HTTP answer (the ack). */
  command(text: string, opts?: SignOptions & { command?: string; channel?: string; responseId?: string }): Promise<{ status: number; body: string; contentType: string }>;
  /** POST a signed block_actions payload for a button click. */
  clickButton(
    value: string,
    opts?: SignOptions & { channel?: string; responseId?: string; actionId?: string; user?: string; messageTs?: string; triggerId?: string },
  ): Promise<{ status: number; body: string; contentType: string }>;
  /** POST a signed view_submission payload (a modal's Save); resolves with the ack (Bolt's answer: errors, update, or empty). */
  submitView(view: { callback_id: string; private_metadata: string; values: Record<string, Record<string, unknown>> }, opts?: SignOptions & { user?: string }): Promise<{ status: number; body: string }>;
  /**
   * The answer to a command or click with this response id: the ack body when the answer came in the ack itself
   * (`inline`), else the respond() call to its response_url once it arrives.
   */
  reply(responseId: string): Promise<{ body: Record<string, unknown>; inline: boolean }>;
  close(): Promise<void>;
}

export interface SignOptions {
  /** Unix seconds for X-Slack-Request-Timestamp (default: now). */
  timestamp?: number;
  /** Secret to sign with (default: the test signing secret). */
  secret?: string;
}

let counter = 0;

/** A real Bolt app in HTTP mode on the shared router (random port), a fake Slack API, a real SQLite store. */
export async function startSlackHarness(options: { store?: Store; env?: Record<string, string>; onQueued?: () => void } = {}): Promise<SlackHarness> {
  const api = await new FakeSlackApi().start();
  const store = options.store ?? openSqliteStore(':memory:');
  const story = testStory();
  if (!options.store) {
    await store.upsertStory(story);
    await store.upsertEvents(testRecords());
  }
  const cfg = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_MODE: 'http',
    SLACK_API_URL: api.apiUrl,
    SITREP_TIMEZONE: 'Europe/Kyiv',
    LOG_LEVEL: 'info',
    ...options.env,
  });
  if (!cfg.ok) throw new Error(cfg.errors.join('; '));
  const rawLogs: string[] = [];
  const logs: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      const line = chunk.toString();
      rawLogs.push(line);
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not JSON: kept in rawLogs only
      }
      cb();
    },
  });
  const logger = createLogger({ level: 'info', secrets: cfg.config.secrets, destination });
  const latencies: string[] = [];
  const metrics: PlatformMetrics = { rateLimited: () => {}, commandLatency: (_p, command) => latencies.push(command) };
  const router = new HttpRouter();
  const platform = await createPlatform({
    config: cfg.config,
    store,
    logger,
    clock: () => NOW,
    defaultStory: story,
    stories: new Map([[story.id, story]]),
    http: router,
    metrics,
    ...(options.onQueued ? { onQueued: options.onQueued } : {}),
  });
  await platform.start();
  const port = await router.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;

  /** Ack bodies by response id: a command answered in its ack has no respond() call. */
  const acks = new Map<string, string>();
  const post = async (body: string, sign: SignOptions) => {
    const ts = sign.timestamp ?? Math.floor(Date.now() / 1000);
    const sig = `v0=${createHmac('sha256', sign.secret ?? SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    const res = await fetch(`${baseUrl}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig },
      body,
    });
    return { status: res.status, body: await res.text(), contentType: res.headers.get('content-type') ?? '' };
  };

  return {
    api,
    store,
    platform,
    baseUrl,
    logs,
    rawLogs,
    latencies,
    command(text, opts = {}) {
      const responseId = opts.responseId ?? `cmd-${++counter}`;
      const body = new URLSearchParams({
        token: 'legacy-verification-token',
        team_id: 'T0001',
        team_domain: 'test',
        channel_id: opts.channel ?? 'C123',
        channel_name: 'general',
        user_id: 'U777',
        user_name: 'tester',
        command: opts.command ?? '/sitrep',
        text,
        api_app_id: 'A0001',
        response_url: api.responseUrl(responseId),
        trigger_id: '1.2.3',
      }).toString();
      return post(body, opts).then((ack) => {
        acks.set(responseId, ack.body);
        return ack;
      });
    },
    clickButton(value, opts = {}) {
      const responseId = opts.responseId ?? `act-${++counter}`;
      const channel = opts.channel ?? 'C123';
      const user = opts.user ?? 'U777';
      const payload = {
        type: 'block_actions',
        user: { id: user, username: `user-${user.toLowerCase()}`, team_id: 'T0001' },
        api_app_id: 'A0001',
        token: 'legacy-verification-token',
        container: { type: 'message', message_ts: opts.messageTs ?? '1716098400.000100', channel_id: channel, is_ephemeral: opts.messageTs === undefined },
        trigger_id: opts.triggerId ?? '1.2.4',
        team: { id: 'T0001', domain: 'test' },
        channel: { id: channel, name: 'general' },
        response_url: api.responseUrl(responseId),
        actions: [
          {
            type: 'button',
            action_id: opts.actionId ?? 'sitrep_post_to_channel',
            block_id: 'sitrep_share',
            text: { type: 'plain_text', text: 'Post to channel' },
            value,
            action_ts: '1716098401.000200',
          },
        ],
      };
      return post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), opts);
    },
    submitView(view, opts = {}) {
      const user = opts.user ?? 'U777';
      const payload = {
        type: 'view_submission',
        team: { id: 'T0001', domain: 'test' },
        user: { id: user, username: `user-${user.toLowerCase()}`, name: `user-${user.toLowerCase()}`, team_id: 'T0001' },
        api_app_id: 'A0001',
        token: 'legacy-verification-token',
        trigger_id: '1.2.5',
        view: {
          id: 'V1',
          team_id: 'T0001',
          type: 'modal',
          callback_id: view.callback_id,
          private_metadata: view.private_metadata,
          blocks: [],
          state: { values: view.values },
          hash: '1.abc',
          title: { type: 'plain_text', text: 'Edit draft' },
          app_id: 'A0001',
          bot_id: 'BBOT',
        },
        response_urls: [],
      };
      return post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), opts).then((r) => ({ status: r.status, body: r.body }));
    },
    async reply(responseId) {
      const ack = acks.get(responseId);
      if (ack !== undefined && ack !== '') return { body: JSON.parse(ack) as Record<string, unknown>, inline: true };
      await api.waitFor((a) => a.calls.some((c) => c.path === `/respond/${responseId}`));
      const call = api.calls.find((c) => c.path === `/respond/${responseId}`);
      if (!call) throw new Error('unreachable');
      return { body: call.body, inline: false };
    },
    async close() {
      await platform.stop();
      await router.close();
      await api.close();
      await store.close();
    },
  };
}
