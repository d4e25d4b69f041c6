import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackInstallations } from '../../adapters/slack/installations.js';
import { main } from '../../src/cli/main.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { recordingIo } from '../helpers/cli.js';
import { BRIEFINGS } from '../helpers/fixtures.js';
import { CLIENT_ID, CLIENT_SECRET, SECRET_KEY, SIGNING_SECRET, STATE_SECRET } from './oauth-harness.js';

const TOKEN = 'xoxb-400-cli-workspace-SECRETcli';

describe('the CLI with installs in many workspaces (no SLACK_BOT_TOKEN)', () => {
  let slack: FakeSlackApi;
  let dir: string;
  const env = () => ({
    SITREP_DB: join(dir, 'sitrep.db'),
    SITREP_DATA: BRIEFINGS,
    SITREP_FEED_POLL: 'off',
    LOG_LEVEL: 'silent',
    SLACK_CLIENT_ID: CLIENT_ID,
    SLACK_CLIENT_SECRET: CLIENT_SECRET,
    SLACK_STATE_SECRET: STATE_SECRET,
    SITREP_SECRET_KEY: SECRET_KEY,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
  });
  const run = async (argv: string[]) => {
    const io = recordingIo(env(), () => new Date('2025-05-20T05:00:00Z'));
    const code = await main(argv, io);
    return { code, out: io.out.join(''), err: io.err.join('') };
  };

  beforeAll(async () => {
    slack = await new FakeSlackApi().start();
    dir = mkdtempSync(join(tmpdir(), 'sitrep-oauth-cli-'));
    // An installation as the OAuth callback stores it (sealed with the same SITREP_SECRET_KEY).
    const store = openSqliteStore(join(dir, 'sitrep.db'));
    await new SlackInstallations(store, SECRET_KEY).save({
      team: { id: 'T0CLI' },
      enterprise: undefined,
      user: { id: 'U0ADMIN', token: undefined, scopes: undefined },
      bot: { token: TOKEN, id: 'B0CLI', userId: 'U0BOTCLI', scopes: ['chat:write'] },
      isEnterpriseInstall: false,
      authVersion: 'v2',
    });
    await store.close();
  });
  afterAll(async () => {
    await slack?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('subscribe --workspace records it, subscriptions show it, and deliver posts with that workspace\'s token', async () => {
    const sub = await run(['subscribe', '--to', 'slack:C0CLI', '--at', '07:00', '--tz', 'UTC', '--workspace', 'T0CLI']);
    expect(sub.code).toBe(0);
    expect(sub.out).toContain('Subscribed slack:C0CLI (workspace T0CLI)');
    expect((await run(['subscriptions'])).out).toContain('workspace T0CLI');
    const delivered = await run(['deliver', '--now', '2025-05-20T07:00:00Z']);
    expect(delivered.code).toBe(0);
    const post = slack.okCallsOf('chat.postMessage').find((c) => c.body.channel === 'C0CLI');
    expect(post && FakeSlackApi.bearer(post)).toBe(TOKEN);
    expect(`${delivered.out}${delivered.err}`).not.toContain('SECRETcli');
  });

  it('post --workspace posts with it; without one there is no token, said in one line', async () => {
    const ok = await run(['post', '--to', 'slack:C0CLI2', '--workspace', 'T0CLI']);
    expect(ok.code).toBe(0);
    expect(FakeSlackApi.bearer(slack.okCallsOf('chat.postMessage').at(-1)!)).toBe(TOKEN);
    const none = await run(['post', '--to', 'slack:C0CLI3']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('no token for this channel: name its installed workspace with --workspace');
    const notInstalled = await run(['post', '--to', 'slack:C0CLI3', '--workspace', 'T0NOPE']);
    expect(notInstalled.code).toBe(1);
  });

  it('--workspace must look like a Slack workspace id and is for Slack channels only', async () => {
    const bad = await run(['subscribe', '--to', 'slack:C0CLI', '--at', '07:00', '--workspace', 'newsroom']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--workspace: a Slack workspace id looks like T0123ABCD');
    const discord = await run(['subscribe', '--to', 'discord:123456789012345678', '--at', '07:00', '--workspace', 'T0CLI']);
    expect(discord.code).toBe(2);
    expect(discord.err).toContain('--workspace: is for Slack channels only');
    const post = await run(['post', '--to', 'slack:C0CLI', '--workspace', 'bad id']);
    expect(post.code).toBe(2);
  });
});
