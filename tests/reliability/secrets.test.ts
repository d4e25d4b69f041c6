import { createHmac, generateKeyPairSync, sign as edSign } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { BRIEFINGS } from '../helpers/fixtures.js';
import { pageLinkKey } from '../../src/page/link-token.js';
import { pageLinker } from '../../src/page/links.js';
import { rawPost } from './http-client.js';
import { runCli, startCli, type CliRun } from './cli-process.js';
import { freePort } from '../helpers/free-port.js';

// Distinctive values that do not look like real tokens, so the logger's pattern scrubbing can't be what hides them.
const SLACK_BOT_TOKEN = 'xoxb-4242-SECRETslackbot-9f8e7d';
const SLACK_SIGNING_SECRET = 'SECRETsigning-0a1b2c3d4e5f6a7b';
const DISCORD_TOKEN = 'SECRETdiscord.MTAwMDAw.bot-token-77';
// Installs in many workspaces: the app's OAuth secrets, the master key, and a token only the install hands out.
const SLACK_CLIENT_SECRET = 'SECRETclient-4d5e6f7a8b9c0d1e';
const SLACK_STATE_SECRET = 'SECRETstate-1f2e3d4c5b6a7988';
const SITREP_SECRET_KEY = 'SECRETmaster-key-0123456789abcdef0123';
const WORKSPACE_TOKEN = 'SECRETworkspace-bot-7c1d2e3f4a5b';
const SECRETS = [SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, DISCORD_TOKEN, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, SITREP_SECRET_KEY, WORKSPACE_TOKEN];
const APP_ID = '100000000000000001';
const DISCORD_CHANNEL = '400000000000000001';


async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out');
}

describe('secrets never appear in any output of a full run', () => {
  let slack: FakeSlackApi;
  let discord: FakeDiscordApi;
  let dir: string;
  let env: Record<string, string>;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  const publicKeyHex = der.subarray(der.length - 32).toString('hex');
  const outputs: Array<{ what: string; run: CliRun }> = [];

  beforeAll(async () => {
    slack = await new FakeSlackApi().start();
    discord = await FakeDiscordApi.start({ applicationId: APP_ID, token: DISCORD_TOKEN });
    dir = mkdtempSync(join(tmpdir(), 'sitrep-secrets-'));
    env = {
      SITREP_DB: join(dir, 'sitrep.db'),
      SITREP_DATA: BRIEFINGS,
      SITREP_FEED_POLL: 'off',
      LOG_LEVEL: 'trace',
      SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET,
      SLACK_MODE: 'http',
      SLACK_API_URL: slack.apiUrl,
      SLACK_CLIENT_ID: '1111.2222',
      SLACK_CLIENT_SECRET,
      SLACK_STATE_SECRET,
      SITREP_SECRET_KEY,
      DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_PUBLIC_KEY: publicKeyHex,
      DISCORD_MODE: 'http',
      DISCORD_API_URL: discord.url,
      PUBLIC_URL: 'https://sitrep.example',
    };
  });
  afterAll(async () => {
    await slack?.close();
    await discord?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('start (Slack + Discord over HTTP), commands, bad signatures, posts, failures, doctor, bad start: no token in any line', async () => {
    const port = await freePort();
    const bot = startCli(['start'], { ...env, PORT: String(port) });
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitFor(async () => (await fetch(`${base}/readyz`)).status === 200, 20_000);

      // A Slack slash command, answered through response_url.
      const body = new URLSearchParams({ command: '/sitrep', text: 'brief', channel_id: 'C0SEC', user_id: 'U0SEC', team_id: 'T0001', response_url: slack.responseUrl('sec'), trigger_id: '1.2.3' }).toString();
      const ts = Math.floor(Date.now() / 1000);
      const sig = `v0=${createHmac('sha256', SLACK_SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
      const form = { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts) };
      expect((await rawPost(`${base}/slack/events`, { ...form, 'x-slack-signature': sig }, body)).status).toBe(200);
      await slack.waitFor((a) => a.callsOf('response_url').length > 0, 10_000);
      // Failure paths: a forged Slack signature, a forged and a malformed Discord interaction.
      expect((await rawPost(`${base}/slack/events`, { ...form, 'x-slack-signature': `v0=${'0'.repeat(64)}` }, body)).status).toBe(401);
      const interaction = JSON.stringify({
        id: '900000000000000001',
        application_id: APP_ID,
        type: 2,
        token: 'interaction-token-sec',
        channel_id: DISCORD_CHANNEL,
        member: { user: { id: '500000000000000001' }, permissions: '16' },
        data: { name: 'sitrep', type: 1, options: [{ type: 1, name: 'brief', options: [] }] },
      });
      const dts = String(Math.floor(Date.now() / 1000));
      const dsig = edSign(null, Buffer.from(dts + interaction), privateKey).toString('hex');
      const djson = { 'content-type': 'application/json', 'x-signature-timestamp': dts };
      expect((await rawPost(`${base}/discord/interactions`, { ...djson, 'x-signature-ed25519': dsig }, interaction)).status).toBe(200);
      expect((await rawPost(`${base}/discord/interactions`, { ...djson, 'x-signature-ed25519': 'ab'.repeat(64) }, interaction)).status).toBe(401);
      const bad = '{"type":';
      expect((await rawPost(`${base}/discord/interactions`, { ...djson, 'x-signature-ed25519': edSign(null, Buffer.from(dts + bad), privateKey).toString('hex') }, bad)).status).toBe(400);

      // A workspace installs the app (Bolt's OAuth flow), then uses it; a forged uninstall is refused.
      const install = await fetch(`${base}/slack/install`, { redirect: 'manual' });
      expect(install.status).toBe(302);
      const state = new URL(install.headers.get('location') ?? '').searchParams.get('state') ?? '';
      slack.addInstall('code-sec', { teamId: 'T0SECWS', botToken: WORKSPACE_TOKEN });
      const back = await fetch(`${base}/slack/oauth_redirect?code=code-sec&state=${encodeURIComponent(state)}`, { headers: { cookie: install.headers.get('set-cookie')?.split(';')[0] ?? '' } });
      expect(back.status).toBe(200);
      const wsBody = new URLSearchParams({ command: '/sitrep', text: 'subscribe 07:00 UTC', channel_id: 'C0SECWS', user_id: 'U0SEC', team_id: 'T0SECWS', response_url: slack.responseUrl('sec-ws'), trigger_id: '1.2.3' }).toString();
      const wsSig = `v0=${createHmac('sha256', SLACK_SIGNING_SECRET).update(`v0:${ts}:${wsBody}`).digest('hex')}`;
      expect((await rawPost(`${base}/slack/events`, { ...form, 'x-slack-signature': wsSig }, wsBody)).status).toBe(200);
      await slack.waitFor((a) => a.callsOf('response_url').some((c) => c.path === '/respond/sec-ws'), 10_000);
      const forged = JSON.stringify({ team_id: 'T0SECWS', api_app_id: 'A0001', type: 'event_callback', event_id: 'Ev0SEC', event_time: ts, event: { type: 'app_uninstalled' } });
      expect((await rawPost(`${base}/slack/events`, { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': `v0=${'1'.repeat(64)}` }, forged)).status).toBe(401);

      const metrics = await fetch(`${base}/metrics`);
      expect(metrics.status).toBe(200);
      const metricsText = await metrics.text();
      for (const secret of SECRETS) expect(metricsText.includes(secret), 'a secret in /metrics').toBe(false);
      // The briefing page is served beside them, to signed links only.
      const page = pageLinker({ baseUrl: base, key: pageLinkKey(SITREP_SECRET_KEY), ttlMs: 60_000 }).forSince('ukraine-ceasefire', '7d', Date.now());
      expect((await fetch(page)).status).toBe(200);
      expect((await fetch(page.replace(/sig=[^&]+/, 'sig=x'))).status).toBe(404);
    } finally {
      bot.child.kill('SIGTERM');
    }
    const started = await bot.done;
    // Graceful shutdown on SIGTERM: in-flight work finishes, the store closes, exit 0.
    expect(started.code).toBe(0);
    expect(started.stderr).toContain('"msg":"stopped"');
    outputs.push({ what: 'start', run: started });

    // Posts: one that works on each platform, and failures (5xx, revoked channel access, unknown channel).
    const [slackOk, discordOk, workspaceOk] = await Promise.all([
      runCli(['post', '--to', 'slack:C0SEC'], env),
      runCli(['post', '--to', `discord:${DISCORD_CHANNEL}`], env),
      runCli(['post', '--to', 'slack:C0SECWS', '--workspace', 'T0SECWS'], env),
    ]);
    outputs.push({ what: 'post slack ok', run: slackOk }, { what: 'post discord ok', run: discordOk }, { what: 'post slack workspace ok', run: workspaceOk });
    // One HTTP 500 then success: the retry path logs the failure.
    slack.failNext(1, ['chat.postMessage']);
    outputs.push({ what: 'post slack after a 500', run: await runCli(['post', '--to', 'slack:C0RETRY'], env) });
    expect(slack.calls.some((c) => c.method === 'chat.postMessage' && c.status === 500)).toBe(true);
    discord.denyChannel('400000000000000009', 'missing-permissions');
    slack.setChannelError('C0GONE', 'channel_not_found');
    const failures = await Promise.all([
      runCli(['post', '--to', 'discord:400000000000000009'], env),
      runCli(['post', '--to', 'slack:C0GONE'], env),
      runCli(['doctor'], { ...env, DISCORD_TOKEN: `${DISCORD_TOKEN}-wrong` }),
      runCli(['start'], { ...env, PORT: '0', SLACK_API_URL: 'http://127.0.0.1:9/api/' }),
      runCli(['brief'], { ...env, SLACK_MODE: 'socket' }),
    ]);
    slack.clearFaults();
    failures.forEach((run, i) => outputs.push({ what: `failure ${i}`, run }));

    // The secrets were really in play: the fakes saw them as credentials.
    expect(slack.calls.some((c) => c.authorization === `Bearer ${SLACK_BOT_TOKEN}`)).toBe(true);
    expect(slack.calls.some((c) => c.method === 'chat.postMessage' && c.authorization === `Bearer ${WORKSPACE_TOKEN}`)).toBe(true);
    expect(slack.callsOf('oauth.v2.access').some((c) => c.body.client_secret === SLACK_CLIENT_SECRET)).toBe(true);
    // At rest the workspace token is ciphertext: no byte of the database holds it.
    const db = ['sitrep.db', 'sitrep.db-wal'].map((f) => join(dir, f)).filter((f) => existsSync(f)).map((f) => readFileSync(f));
    expect(db.length).toBeGreaterThan(0);
    for (const bytes of db) expect(bytes.includes(Buffer.from(WORKSPACE_TOKEN))).toBe(false);
    expect(discord.requests.some((r) => r.headers.authorization === `Bot ${DISCORD_TOKEN}`)).toBe(true);
    // And the runs really happened, with logs (trace level) and the failures failing.
    expect(outputs.find((o) => o.what === 'start')?.run.stderr).toMatch(/"level":\d+/);
    expect(outputs.find((o) => o.what === 'post slack ok')?.run.code).toBe(0);
    expect(outputs.find((o) => o.what === 'post slack workspace ok')?.run.code).toBe(0);
    for (const run of failures) expect(run.code).not.toBe(0);

    for (const { what, run } of outputs) {
      const all = `${run.stdout}\n${run.stderr}`;
      for (const s of SECRETS) {
        expect(all.includes(s), `${what} printed a secret`).toBe(false);
        // Nor a recognisable piece of one.
        expect(all.includes(s.slice(-16)), `${what} printed part of a secret`).toBe(false);
      }
    }
  }, 90_000);
});
