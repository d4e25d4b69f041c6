import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_BOT_SCOPES } from '../../adapters/slack/install-flow.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { ROOT } from '../helpers/fixtures.js';
import { CLIENT_ID, CLIENT_SECRET, SECRET_KEY, STATE_SECRET, eventually, startOAuthHarness, type OAuthHarness } from './oauth-harness.js';

const A = { teamId: 'T0AAAAAA', teamName: 'Newsroom <A>', botToken: 'xoxb-100-workspaceA-SECRETaaaa', installerId: 'U0ADMINA' };
const B = { teamId: 'T0BBBBBB', teamName: 'Policy desk B', botToken: 'xoxb-200-workspaceB-SECRETbbbb', installerId: 'U0ADMINB' };
/** A scheduled pass a minute after the 07:00 UTC briefings subscribed below (the harness clock is 06:00 that day). */
const PASS = new Date('2025-05-19T07:01:00Z');

/** Every byte SQLite has written for the store: the file and its write-ahead log. */
function dbBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}

describe('Slack installs in many workspaces: Bolt OAuth over HTTP against a fake Slack API', () => {
  let h: OAuthHarness;
  beforeAll(async () => {
    h = await startOAuthHarness();
  });
  afterAll(() => h.close());

  it('GET /slack/install redirects to Slack with a signed state, the client id and the bot scopes, and sets the state cookie', async () => {
    const res = await h.startInstall();
    expect(res.status).toBe(302);
    expect(res.location?.origin + (res.location?.pathname ?? '')).toBe('https://slack.com/oauth/v2/authorize');
    expect(res.location?.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(res.location?.searchParams.get('scope')?.split(',')).toEqual([...SLACK_BOT_SCOPES]);
    expect(res.state).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(res.cookie).toBe(`slack-app-oauth-state=${res.state}`);
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.location?.toString()).not.toContain(CLIENT_SECRET);
    expect(res.location?.toString()).not.toContain(STATE_SECRET);
  });

  it('refuses the redirect with no state, a forged state, or a state from another browser (no cookie), and never exchanges the code', async () => {
    const start = await h.startInstall();
    const state = start.state ?? '';
    const cookie = start.cookie ?? '';
    h.api.addInstall('code-not-to-use', A);
    const [head, payload] = state.split('.');
    const cases = [
      await h.redirect({ code: 'code-not-to-use' }, cookie),
      await h.redirect({ code: 'code-not-to-use', state: `${head}.${payload}.forged-signature` }, `slack-app-oauth-state=${head}.${payload}.forged-signature`),
      await h.redirect({ code: 'code-not-to-use', state }),
      await h.redirect({ code: 'code-not-to-use', state }, 'slack-app-oauth-state=another-browser'),
    ];
    for (const res of cases) {
      expect(res.status).toBe(400);
      expect(res.body).toMatch(/Oops, Something Went Wrong!/);
    }
    expect(h.api.callsOf('oauth.v2.access')).toHaveLength(0);
    expect(await h.store.getInstallation(A.teamId)).toBeUndefined();
  });

  it('with a good state, exchanges the code at oauth.v2.access and stores the installation with its token encrypted', async () => {
    const res = await h.install(A);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.body).toContain('sitrep is installed');
    // The team name is Slack's data, shown escaped.
    expect(res.body).toContain('Newsroom &#60;A&#62;');
    expect(res.body).not.toContain('<A>');
    const exchange = h.api.callsOf('oauth.v2.access');
    expect(exchange).toHaveLength(1);
    expect(exchange[0]?.body).toMatchObject({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    expect(String(exchange[0]?.body.code)).toMatch(/^code-T0AAAAAA-/);

    const stored = await h.store.getInstallation(A.teamId);
    expect(stored).toMatchObject({ id: A.teamId, teamId: A.teamId, teamName: A.teamName, isEnterpriseInstall: false, appId: 'A0001', botUserId: `UBOT${A.teamId}`, botId: `B${A.teamId}`, installedBy: A.installerId });
    expect(stored?.botScopes).toEqual([...SLACK_BOT_SCOPES]);
    expect(stored?.sealedTokens).toMatch(/^v1\./);
    const row = h.store.db.prepare('SELECT * FROM slack_installations WHERE id = ?').get(A.teamId) as Record<string, unknown>;
    expect(JSON.stringify(row)).not.toContain(A.botToken);
    expect(JSON.stringify(row)).not.toContain('SECRETaaaa');
    h.store.db.pragma('wal_checkpoint(PASSIVE)');
    expect(dbBytes(h.dbFile).includes(Buffer.from(A.botToken))).toBe(false);
    expect(dbBytes(h.dbFile).includes(Buffer.from('SECRETaaaa'))).toBe(false);
  });

  it('two workspaces subscribed: each /sitrep subscribe records its workspace, and each scheduled post carries its own workspace token', async () => {
    expect((await h.install(B)).status).toBe(200);
    await h.command('subscribe 07:00 UTC', { team: A.teamId, channel: 'C0ANEWS', responseId: 'sub-a' });
    await h.command('subscribe 07:00 UTC', { team: B.teamId, channel: 'C0BNEWS', responseId: 'sub-b' });
    expect(String((await h.reply('sub-a')).text)).toContain('Subscribed');
    expect(String((await h.reply('sub-b')).text)).toContain('Subscribed');
    const subs = await h.store.listSubscriptions();
    expect(subs.map((s) => [s.channel, s.workspace])).toEqual([
      ['C0ANEWS', A.teamId],
      ['C0BNEWS', B.teamId],
    ]);

    const summary = await h.deliver(PASS);
    expect(summary).toMatchObject({ due: 2, sent: 2, failed: 0 });
    const posts = h.api.okCallsOf('chat.postMessage');
    const tokenOf = (channel: string) => posts.filter((c) => c.body.channel === channel).map((c) => FakeSlackApi.bearer(c));
    expect(tokenOf('C0ANEWS')).toEqual([A.botToken]);
    expect(tokenOf('C0BNEWS')).toEqual([B.botToken]);
    // The outbox keeps the workspace with each job, for a resend after a crash.
    expect((await h.store.listJobs({ status: 'sent' })).map((j) => [j.channel, j.workspace])).toEqual([
      ['C0ANEWS', A.teamId],
      ['C0BNEWS', B.teamId],
    ]);
  });

  it('"Post to channel" posts with the clicking workspace\'s token; command answers go to their response_url, with no token', async () => {
    await h.command('brief', { team: B.teamId, channel: 'C0BOTHER', responseId: 'brief-b' });
    const answer = await h.reply('brief-b');
    const value = (answer.blocks as Array<{ type: string; elements?: Array<{ value?: string }> }>).find((b) => b.type === 'actions')?.elements?.[0]?.value;
    expect(value).toBeDefined();
    expect(h.api.callsOf('response_url').every((c) => c.authorization === undefined)).toBe(true);
    const before = h.api.callsOf('chat.postMessage').length;
    expect((await h.clickButton(value ?? '', { team: B.teamId, channel: 'C0BOTHER', responseId: 'click-b' })).status).toBe(200);
    await h.api.waitForCalls('chat.postMessage', before + 1);
    const post = h.api.callsOf('chat.postMessage').at(-1);
    expect(post?.body.channel).toBe('C0BOTHER');
    expect(FakeSlackApi.bearer(post!)).toBe(B.botToken);
  });

  it('a badly signed app_uninstalled is refused with 401 and changes nothing', async () => {
    const forged = await h.event({ type: 'app_uninstalled' }, { team: A.teamId, secret: 'not-the-signing-secret' });
    expect(forged.status).toBe(401);
    const stale = await h.event({ type: 'app_uninstalled' }, { team: A.teamId, timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(await h.store.getInstallation(A.teamId)).toBeDefined();
    expect((await h.store.listSubscriptions({ includePaused: false })).map((s) => s.channel)).toEqual(['C0ANEWS', 'C0BNEWS']);
  });

  it('a signed app_uninstalled removes that workspace\'s tokens and pauses its subscriptions only, with a reason /sitrep subscriptions shows', async () => {
    expect((await h.event({ type: 'app_uninstalled' }, { team: A.teamId })).status).toBe(200);
    await eventually(async () => (await h.store.getInstallation(A.teamId)) === undefined);
    await eventually(async () => (await h.store.listSubscriptions({ channel: 'C0ANEWS' }))[0]?.paused === true);
    const [a] = await h.store.listSubscriptions({ channel: 'C0ANEWS' });
    expect(a?.pausedReason).toMatch(/uninstalled from Slack workspace T0AAAAAA/);
    expect((await h.store.listSubscriptions({ channel: 'C0BNEWS' }))[0]?.paused).toBe(false);
    expect(await h.store.getInstallation(B.teamId)).toBeDefined();

    // Workspace B keeps its briefings; A's paused one is not attempted.
    const next = await h.deliver(new Date('2025-05-20T07:01:00Z'));
    expect(next).toMatchObject({ due: 1, sent: 1 });
    expect(FakeSlackApi.bearer(h.api.okCallsOf('chat.postMessage').at(-1)!)).toBe(B.botToken);
    expect(h.api.callsOf('chat.postMessage').filter((c) => c.body.channel === 'C0ANEWS')).toHaveLength(1);

    // Nothing in workspace A answers any more: Bolt finds no installation and runs no listener.
    await h.command('subscriptions', { team: A.teamId, channel: 'C0ANEWS', responseId: 'subs-a-gone' });
    await new Promise((r) => setTimeout(r, 100));
    expect(h.api.calls.some((c) => c.path === '/respond/subs-a-gone')).toBe(false);
  });

  it('a re-install stores the new token and resumes nothing by itself; /sitrep subscribe in the channel resumes it', async () => {
    const again = await h.install({ ...A, botToken: 'xoxb-101-workspaceA-SECRETnew' });
    expect(again.status).toBe(200);
    expect(again.body).toMatch(/1 scheduled briefing is\s+still paused/);
    expect((await h.store.listSubscriptions({ channel: 'C0ANEWS' }))[0]?.paused).toBe(true);
    await h.command('subscriptions', { team: A.teamId, channel: 'C0ANEWS', responseId: 'subs-a' });
    expect(String((await h.reply('subs-a')).text)).toMatch(/PAUSED \(sitrep was uninstalled from Slack workspace T0AAAAAA; reinstall it, then \/sitrep subscribe/);
    await h.command('subscribe 07:00 UTC', { team: A.teamId, channel: 'C0ANEWS', responseId: 'resub-a' });
    await h.reply('resub-a');
    expect((await h.store.listSubscriptions({ channel: 'C0ANEWS' }))[0]).toMatchObject({ paused: false, workspace: A.teamId });
    const summary = await h.deliver(new Date('2025-05-21T07:01:00Z'));
    expect(summary).toMatchObject({ due: 2, sent: 2 });
    const last = h.api.okCallsOf('chat.postMessage').slice(-2);
    expect(Object.fromEntries(last.map((c) => [c.body.channel, FakeSlackApi.bearer(c)]))).toEqual({ C0ANEWS: 'xoxb-101-workspaceA-SECRETnew', C0BNEWS: B.botToken });
  });

  it('tokens_revoked naming only user tokens changes nothing; naming the bot pauses that workspace', async () => {
    expect((await h.event({ type: 'tokens_revoked', tokens: { oauth: ['U0SOMEONE'] } }, { team: B.teamId })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(await h.store.getInstallation(B.teamId)).toBeDefined();
    expect((await h.event({ type: 'tokens_revoked', tokens: { bot: [`UBOT${B.teamId}`] } }, { team: B.teamId, secret: 'forged' })).status).toBe(401);
    expect((await h.event({ type: 'tokens_revoked', tokens: { bot: [`UBOT${B.teamId}`] } }, { team: B.teamId })).status).toBe(200);
    await eventually(async () => (await h.store.listSubscriptions({ channel: 'C0BNEWS' }))[0]?.paused === true);
    expect(await h.store.getInstallation(B.teamId)).toBeUndefined();
    expect((await h.store.listSubscriptions({ channel: 'C0BNEWS' }))[0]?.pausedReason).toMatch(/bot token was revoked in Slack workspace T0BBBBBB/);
    expect((await h.store.listSubscriptions({ channel: 'C0ANEWS' }))[0]?.paused).toBe(false);
  });

  it('never logs a workspace token, the client secret, the state secret or the secret key (debug level)', () => {
    const all = h.rawLogs.join('');
    expect(all).toContain('slack app installed in a workspace');
    for (const s of [A.botToken, B.botToken, 'xoxb-101-workspaceA-SECRETnew', 'SECRETaaaa', 'SECRETbbbb', CLIENT_SECRET, STATE_SECRET, SECRET_KEY]) expect(all.includes(s), s).toBe(false);
  });
});

describe('Slack installs in many workspaces together with SLACK_BOT_TOKEN', () => {
  const ENV_TOKEN = 'xoxb-300-env-token-SECRETenv';
  let h: OAuthHarness;
  beforeAll(async () => {
    // The fake's auth.test answers SLACK_BOT_TOKEN as the bot of workspace T0001.
    h = await startOAuthHarness({ botToken: ENV_TOKEN });
  });
  afterAll(() => h.close());

  it('an installed workspace posts with its own token; SLACK_BOT_TOKEN serves its own workspace and subscriptions that record none', async () => {
    expect(h.api.callsOf('auth.test').map((c) => FakeSlackApi.bearer(c))).toEqual([ENV_TOKEN]);
    expect((await h.install(B)).status).toBe(200);
    await h.command('subscribe 07:00 UTC', { team: 'T0001', channel: 'C0ENV', responseId: 'env-sub' });
    await h.command('subscribe 07:00 UTC', { team: B.teamId, channel: 'C0BNEWS', responseId: 'b-sub' });
    await h.reply('env-sub');
    await h.reply('b-sub');
    // As `sitrep subscribe --to slack:C0LEGACY` makes it: no workspace.
    await h.store.upsertSubscription({ platform: 'slack', channel: 'C0LEGACY', story: 'test-talks', time: '07:00', timezone: 'UTC', days: 'daily', skipEmpty: false, createdAt: '2025-05-18T00:00:00.000Z' });
    expect((await h.deliver(PASS)).sent).toBe(3);
    const tokens = Object.fromEntries(h.api.okCallsOf('chat.postMessage').map((c) => [c.body.channel, FakeSlackApi.bearer(c)]));
    expect(tokens).toEqual({ C0ENV: ENV_TOKEN, C0LEGACY: ENV_TOKEN, C0BNEWS: B.botToken });
  });

  it("uninstalling SLACK_BOT_TOKEN's workspace pauses its subscriptions and those that record none, not the other workspace's", async () => {
    expect((await h.event({ type: 'app_uninstalled' }, { team: 'T0001' })).status).toBe(200);
    await eventually(async () => (await h.store.listSubscriptions({ includePaused: false })).length === 1);
    expect((await h.store.listSubscriptions({ includePaused: false })).map((s) => s.channel)).toEqual(['C0BNEWS']);
    for (const channel of ['C0ENV', 'C0LEGACY']) expect((await h.store.listSubscriptions({ channel }))[0]?.pausedReason).toMatch(/uninstalled from Slack workspace T0001/);
  });
});

describe('Slack installs without SLACK_BOT_TOKEN: edge cases', () => {
  let h: OAuthHarness;
  beforeAll(async () => {
    h = await startOAuthHarness();
  });
  afterAll(() => h.close());

  it('a subscription that records no workspace has no token to post with: it is paused with the reason, nothing is posted', async () => {
    await h.store.upsertSubscription({ platform: 'slack', channel: 'C0ORPHAN', story: 'test-talks', time: '07:00', timezone: 'UTC', days: 'daily', skipEmpty: false, createdAt: '2025-05-18T00:00:00.000Z' });
    const summary = await h.deliver(PASS);
    expect(summary).toMatchObject({ due: 1, failed: 1, sent: 0 });
    expect(h.api.callsOf('chat.postMessage')).toHaveLength(0);
    expect((await h.store.listSubscriptions({ channel: 'C0ORPHAN' }))[0]).toMatchObject({ paused: true, pausedReason: 'workspace_not_installed' });
  });

  it('with token rotation, a token about to expire is refreshed through Bolt\'s installer (once), stored encrypted, and posts use the new one', async () => {
    const R = { teamId: 'T0ROTATE', botToken: 'xoxe.xoxb-1-rotating-SECREToldtok', refreshToken: 'xoxe-1-refresh-SECRETrefresh', expiresIn: 600, refreshedToken: 'xoxe.xoxb-1-rotating-SECRETnewtok' };
    expect((await h.install(R)).status).toBe(200);
    const installed = await h.store.getInstallation(R.teamId);
    // The first request from the workspace finds the token within two hours of expiry: Bolt refreshes and stores it.
    await h.command('subscribe 07:00 UTC', { team: R.teamId, channel: 'C0ROT', responseId: 'rot-sub' });
    await h.reply('rot-sub');
    const refreshed = await h.store.getInstallation(R.teamId);
    expect(refreshed?.sealedTokens).not.toBe(installed?.sealedTokens);
    expect(refreshed?.installedAt).toBe(installed?.installedAt);
    expect((await h.deliver(new Date('2025-05-19T07:01:00Z'))).sent).toBe(1);
    const refresh = h.api.callsOf('oauth.v2.access').filter((c) => c.body.grant_type === 'refresh_token');
    expect(refresh.map((c) => c.body.refresh_token)).toEqual([R.refreshToken]);
    expect(FakeSlackApi.bearer(h.api.okCallsOf('chat.postMessage').at(-1)!)).toBe(R.refreshedToken);

    // A scheduled post with no request before it refreshes the same way.
    const Q = { teamId: 'T0ROTQ', botToken: 'xoxe.xoxb-2-rotating-SECRETqold', refreshToken: 'xoxe-1-refresh-SECRETqref', expiresIn: 600, refreshedToken: 'xoxe.xoxb-2-rotating-SECRETqnew' };
    expect((await h.install(Q)).status).toBe(200);
    await h.store.upsertSubscription({ platform: 'slack', channel: 'C0ROTQ', workspace: Q.teamId, story: 'test-talks', time: '07:00', timezone: 'UTC', days: 'daily', skipEmpty: false, createdAt: '2025-05-18T00:00:00.000Z' });
    expect((await h.deliver(new Date('2025-05-20T07:01:00Z'))).sent).toBe(2);
    const last = Object.fromEntries(h.api.okCallsOf('chat.postMessage').slice(-2).map((c) => [c.body.channel, FakeSlackApi.bearer(c)]));
    expect(last).toEqual({ C0ROT: R.refreshedToken, C0ROTQ: Q.refreshedToken });
    h.store.db.pragma('wal_checkpoint(PASSIVE)');
    for (const secret of ['SECREToldtok', 'SECRETnewtok', 'SECRETrefresh', 'SECRETqold', 'SECRETqnew', 'SECRETqref']) expect(dbBytes(h.dbFile).includes(Buffer.from(secret)), secret).toBe(false);
  });

  it('a post interrupted by a crash is looked up in the channel history with its workspace\'s token, and not posted again', async () => {
    const W = { teamId: 'T0RECOVER', botToken: 'xoxb-500-recover-SECRETrec' };
    expect((await h.install(W)).status).toBe(200);
    await h.store.upsertSubscription({ platform: 'slack', channel: 'C0REC', workspace: W.teamId, story: 'test-talks', time: '07:00', timezone: 'UTC', days: 'daily', skipEmpty: false, createdAt: '2025-05-18T00:00:00.000Z' });
    // The crash: the job was written and one attempt reached Slack, which has the message; the outcome was never recorded.
    const key = 'slack:C0REC:test-talks:2025-05-22';
    await h.store.createJob({ key, subscriptionId: null, platform: 'slack', channel: 'C0REC', story: 'test-talks', dueAt: '2025-05-22T07:00:00.000Z', workspace: W.teamId }, new Date().toISOString());
    await h.store.incrementJobAttempts(key, new Date().toISOString());
    h.api.messages.push({ ts: `${Math.floor(Date.now() / 1000)}.000001`, channel: 'C0REC', user: 'UBOT', bot_id: 'BBOT', metadata: { event_type: 'sitrep_briefing', event_payload: { key } } });
    const summary = await h.deliver(new Date('2025-05-22T07:01:00Z'));
    expect(summary.deliveries.find((d) => d.channel === 'C0REC')?.outcome).toBe('recovered');
    const history = h.api.callsOf('conversations.history').filter((c) => c.body.channel === 'C0REC');
    expect(history.map((c) => FakeSlackApi.bearer(c))).toEqual([W.botToken]);
    expect(h.api.callsOf('chat.postMessage').filter((c) => c.body.channel === 'C0REC')).toHaveLength(0);
  });

  it('a workspace whose uninstall event never arrived: its revoked token pauses the channel on the next post', async () => {
    const G = { teamId: 'T0GONE', botToken: 'xoxb-600-gone-SECRETgone' };
    expect((await h.install(G)).status).toBe(200);
    await h.store.upsertSubscription({ platform: 'slack', channel: 'C0GONE', workspace: G.teamId, story: 'test-talks', time: '07:00', timezone: 'UTC', days: 'daily', skipEmpty: false, createdAt: '2025-05-18T00:00:00.000Z' });
    h.api.revokeToken(G.botToken);
    const summary = await h.deliver(new Date('2025-05-23T07:01:00Z'));
    expect(summary.deliveries.find((d) => d.channel === 'C0GONE')).toMatchObject({ outcome: 'failed', error: 'channel-unavailable: token_revoked' });
    expect((await h.store.listSubscriptions({ channel: 'C0GONE' }))[0]).toMatchObject({ paused: true, pausedReason: 'token_revoked' });
  });
});

describe('Slack app manifests', () => {
  interface Manifest {
    oauth_config: { redirect_urls?: string[]; scopes: { bot: string[] } };
    settings: { socket_mode_enabled: boolean; event_subscriptions?: { request_url?: string; bot_events: string[] } };
  }
  const read = (name: string) => JSON.parse(readFileSync(join(ROOT, 'adapters', 'slack', name), 'utf8')) as Manifest;

  it('ask for the scopes the install flow asks for, and subscribe to app_uninstalled and tokens_revoked', () => {
    for (const name of ['manifest.json', 'manifest.multi-workspace.json']) {
      const m = read(name);
      expect(m.oauth_config.scopes.bot, name).toEqual([...SLACK_BOT_SCOPES]);
      expect(m.settings.event_subscriptions?.bot_events, name).toEqual(['app_uninstalled', 'tokens_revoked']);
    }
  });

  it('single workspace: Socket Mode, no redirect URL; many workspaces: HTTP, the OAuth redirect and the events URL', () => {
    const single = read('manifest.json');
    expect(single.settings.socket_mode_enabled).toBe(true);
    expect(single.oauth_config.redirect_urls).toBeUndefined();
    const multi = read('manifest.multi-workspace.json');
    expect(multi.settings.socket_mode_enabled).toBe(false);
    expect(multi.oauth_config.redirect_urls).toEqual(['https://YOUR-HOST/slack/oauth_redirect']);
    expect(multi.settings.event_subscriptions?.request_url).toBe('https://YOUR-HOST/slack/events');
  });
});
