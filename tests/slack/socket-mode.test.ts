import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform } from '../../adapters/slack/index.js';
import { loadConfig, type Config } from '../../src/config.js';
import { HttpRouter } from '../../src/http/router.js';
import { silentLogger } from '../../src/log.js';
import type { PlatformRuntime } from '../../src/platform.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { expectWithinLimits, mrkdwnStrings } from './limits.js';
import { NOW, testRecords, testStory } from './story-data.js';

const APP_TOKEN = 'xapp-1-A0001-test-app-token';

/** The Slack platform for the test story at the test clock. */
async function slackPlatform(config: Config, store: Store, http: HttpRouter): Promise<PlatformRuntime> {
  const story = testStory();
  return createPlatform({ config, store, logger: silentLogger(), clock: () => NOW, defaultStory: story, stories: new Map([[story.id, story]]), http });
}

describe('Slack app in Socket Mode (real Bolt + @slack/socket-mode against a local fake)', () => {
  const api = new FakeSlackApi();
  let store: Store;
  let platform: PlatformRuntime;
  let router: HttpRouter;

  beforeAll(async () => {
    await api.start();
    store = openSqliteStore(':memory:');
    const story = testStory();
    await store.upsertStory(story);
    await store.upsertEvents(testRecords());
    const cfg = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-socket-bot', SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: api.apiUrl });
    if (!cfg.ok) throw new Error(cfg.errors.join('; '));
    expect(cfg.config.slack?.mode).toBe('socket');
    router = new HttpRouter();
    platform = await slackPlatform(cfg.config, store, router);
    await platform.start();
  });
  afterAll(async () => {
    await platform.stop();
    await api.close();
    await store.close();
  });

  /** A `/sitrep questions` slash-command payload whose response_url is the fake's `/respond/<id>`. */
  const questionsCommand = (responseId: string) => ({
    token: 'legacy',
    team_id: 'T0001',
    team_domain: 'test',
    channel_id: 'C123',
    channel_name: 'general',
    user_id: 'U777',
    user_name: 'tester',
    command: '/sitrep',
    text: 'questions',
    api_app_id: 'A0001',
    response_url: api.responseUrl(responseId),
    trigger_id: '1.2.3',
  });

  it('connects with the app token and mounts no HTTP route', () => {
    expect(platform.isReady()).toBe(true);
    expect(api.socketCount).toBe(1);
    const open = api.callsOf('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(router.hasRoutes).toBe(false);
  });

  it('acks a slash command envelope, then answers through response_url', async () => {
    const envelope = api.sendEnvelope('slash_commands', questionsCommand('socket-q'));
    const ack = await api.waitForSocketAck(envelope);
    expect(ack.envelope_id).toBe(envelope);
    await api.waitFor((a) => a.calls.some((c) => c.path === '/respond/socket-q'));
    const reply = api.calls.find((c) => c.path === '/respond/socket-q')!.body as { text: string; blocks: Array<Record<string, unknown>>; response_type: string };
    expect(reply.response_type).toBe('ephemeral');
    expectWithinLimits(reply);
    expect(mrkdwnStrings(reply).join('\n')).toContain('*Ceasefire* — Moved');
  });

  it('a repeat of the command in the same minute is answered in the envelope ack itself', async () => {
    const envelope = api.sendEnvelope('slash_commands', questionsCommand('socket-q2'));
    const ack = (await api.waitForSocketAck(envelope)) as { payload?: { response_type?: string; text?: string; blocks?: Array<Record<string, unknown>> } };
    expect(ack.payload?.response_type).toBe('ephemeral');
    const reply = { text: ack.payload?.text ?? '', blocks: ack.payload?.blocks ?? [] };
    expectWithinLimits(reply);
    expect(mrkdwnStrings(reply).join('\n')).toContain('*Ceasefire* — Moved');
    expect(api.calls.some((c) => c.path === '/respond/socket-q2')).toBe(false);
  });

  it('single-token setup: app_uninstalled over the socket pauses the workspace\'s subscriptions, including those that record none', async () => {
    const base = { platform: 'slack' as const, story: testStory().id, time: '07:00', timezone: 'UTC', days: 'daily' as const, skipEmpty: false };
    await store.upsertSubscription({ ...base, channel: 'C0SOCK', workspace: 'T0001' });
    await store.upsertSubscription({ ...base, channel: 'C0CLI' });
    await store.upsertSubscription({ ...base, channel: 'C0ELSE', workspace: 'T0OTHER' });
    const envelope = api.sendEnvelope('events_api', { token: 'legacy', team_id: 'T0001', api_app_id: 'A0001', event: { type: 'app_uninstalled', event_ts: '1716098400.000100' }, type: 'event_callback', event_id: 'Ev0SOCK', event_time: 1716098400 });
    await api.waitForSocketAck(envelope);
    const deadline = Date.now() + 5000;
    while ((await store.listSubscriptions({ includePaused: false })).length > 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect((await store.listSubscriptions({ includePaused: false })).map((s) => s.channel)).toEqual(['C0ELSE']);
    expect((await store.listSubscriptions({ channel: 'C0CLI' }))[0]?.pausedReason).toMatch(/uninstalled from Slack workspace T0001/);
  });

  it('stop() disconnects', async () => {
    await platform.stop();
    await api.waitFor((a) => a.socketCount === 0);
    expect(platform.isReady()).toBe(false);
  });
});

describe('Slack start-up failures', () => {
  it('a rejected bot token fails start() with a stable code and no secret', async () => {
    const api = await new FakeSlackApi().start();
    api.setAuthError('invalid_auth');
    const store = openSqliteStore(':memory:');
    const cfg = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-revoked-token', SLACK_SIGNING_SECRET: 'sekrit-value', SLACK_MODE: 'http', SLACK_API_URL: api.apiUrl });
    if (!cfg.ok) throw new Error(cfg.errors.join('; '));
    const router = new HttpRouter();
    const platform = await slackPlatform(cfg.config, store, router);
    const err = await platform.start().then(
      () => undefined,
      (e: unknown) => e as Error & { code?: string },
    );
    expect(err?.code).toBe('SLACK_AUTH_FAILED');
    expect(err?.message).toContain('invalid_auth');
    expect(err?.message).not.toContain('xoxb-revoked-token');
    expect(platform.isReady()).toBe(false);
    expect(router.hasRoutes).toBe(false);
    await api.close();
    await store.close();
  });
});
