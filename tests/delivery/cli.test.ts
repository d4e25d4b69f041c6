import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingIo } from '../helpers/cli.js';
import { main } from '../../src/cli/main.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { BRIEFINGS } from '../helpers/fixtures.js';

let slack: FakeSlackApi;
let dir: string;

beforeAll(async () => {
  slack = await new FakeSlackApi().start();
  dir = mkdtempSync(join(tmpdir(), 'sitrep-deliver-cli-'));
});
afterAll(async () => {
  await slack?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    SITREP_DB: join(dir, 'sitrep.db'),
    SITREP_DATA: BRIEFINGS,
    SITREP_FEED_POLL: 'off',
    LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: 'xoxb-cli-test-token',
    SLACK_SIGNING_SECRET: 'cli-test-signing-secret',
    SLACK_MODE: 'http',
    SLACK_API_URL: slack.apiUrl,
    ...extra,
  };
}

async function run(argv: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  // The wall clock when subscribing: the morning before the first delivery.
  const io = recordingIo(env(extraEnv), () => new Date('2025-05-20T05:00:00Z'));
  const code = await main(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('sitrep subscribe / subscriptions / unsubscribe / deliver', () => {
  it.each([
    [['subscribe', '--at', '07:00'], '--to'],
    [['subscribe', '--to', 'slack:C1', '--at', '25:00'], '--at'],
    [['subscribe', '--to', 'slack:C1', '--at', '07:00', '--tz', 'Mars/Olympus'], '--tz'],
    [['subscribe', '--to', 'slack:C1', '--at', '07:00', '--days', 'funday'], '--days'],
    [['subscribe', '--to', 'teams:C1', '--at', '07:00'], '--to'],
    [['subscribe', '--to', 'discord:general', '--at', '07:00'], 'Discord channel id is a number'],
    [['subscribe', '--to', 'slack:C1', '--at', '07:00', '--bogus'], "Unknown option '--bogus'"],
    [['subscriptions', '--format', 'xml'], '--format'],
    [['unsubscribe'], '--to'],
    [['deliver', '--now', 'tomorrow'], '--now'],
  ])('%j is a usage error (exit 2, one line + usage)', async (argv, mentions) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(mentions);
    expect(lines[1]).toMatch(/^Usage: sitrep /);
  });

  it('rejects an unknown question for the story', async () => {
    const r = await run(['subscribe', '--to', 'slack:C1', '--at', '07:00', '--questions', 'nope']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown question "nope"');
  });

  it('subscribes, lists, delivers once per key, and unsubscribes', async () => {
    // 10:00 Kyiv (EEST) = 07:00Z on the morning after the bundled story's events.
    const sub = await run(['subscribe', '--to', 'slack:C0DELIVER', '--at', '10:00', '--tz', 'Europe/Kyiv', '--days', 'mon-fri']);
    expect(sub.code).toBe(0);
    expect(sub.out).toContain('Subscribed slack:C0DELIVER');
    expect(sub.out).toContain('10:00 Europe/Kyiv, weekdays');

    const listed = await run(['subscriptions', '--format', 'json']);
    expect(listed.code).toBe(0);
    const subs = JSON.parse(listed.out) as Array<{ platform: string; channel: string; time: string; timezone: string; days: unknown }>;
    expect(subs).toEqual([expect.objectContaining({ platform: 'slack', channel: 'C0DELIVER', time: '10:00', timezone: 'Europe/Kyiv', days: 'weekdays' })]);
    expect((await run(['subscriptions'])).out).toContain('slack:C0DELIVER');

    const early = await run(['deliver', '--now', '2025-05-20T06:59:00Z']);
    expect(early.code).toBe(0);
    expect(early.out).toContain('Nothing due');

    const first = await run(['deliver', '--now', '2025-05-20T07:00:00Z']);
    expect(first.code).toBe(0);
    expect(first.out).toContain('sent      slack:C0DELIVER:ukraine-ceasefire:2025-05-20');
    expect(slack.messages.filter((m) => m.channel === 'C0DELIVER')).toHaveLength(1);
    expect(slack.messages[0]?.metadata?.event_payload.key).toBe('slack:C0DELIVER:ukraine-ceasefire:2025-05-20');

    const second = await run(['deliver', '--now', '2025-05-20T07:00:00Z']);
    expect(second.code).toBe(0);
    expect(second.out).toContain('Nothing due');
    expect(slack.messages.filter((m) => m.channel === 'C0DELIVER')).toHaveLength(1);

    const gone = await run(['unsubscribe', '--to', 'slack:C0DELIVER']);
    expect(gone.code).toBe(0);
    expect(gone.out).toContain('Removed 1 subscription');
    expect((await run(['subscriptions'])).out).toContain('No scheduled briefings');
  });

  it('deliver without any platform configured fails with one clear line', async () => {
    const r = await run(['deliver'], { SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_MODE: '', SLACK_API_URL: '' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('no chat platform is configured');
  });
});
