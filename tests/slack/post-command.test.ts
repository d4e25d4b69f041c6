import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { command as post, postWithRetry } from '../../src/cli/commands/post.js';
import { recordingIo } from '../helpers/cli.js';
import { DIST_BIN } from '../helpers/dist.js';
import type { PostOutcome } from '../../src/delivery/chat-adapter.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { expectWithinLimits } from './limits.js';

const DATA_DIR = fileURLToPath(new URL('../../briefings', import.meta.url));
const TOKEN = 'xoxb-post-command-token';

describe('sitrep post --to slack:…', () => {
  const api = new FakeSlackApi();
  let dir: string;
  beforeAll(async () => {
    await api.start();
    dir = mkdtempSync(join(tmpdir(), 'sitrep-slack-post-'));
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    api.reset();
    api.clearFaults();
  });

  function io() {
    return recordingIo({
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: 'post-test-secret',
      SLACK_MODE: 'http',
      SLACK_API_URL: api.apiUrl,
      SITREP_DB: join(dir, `db-${Math.random().toString(36).slice(2)}.sqlite`),
      SITREP_DATA: DATA_DIR,
      LOG_LEVEL: 'warn',
    });
  }

  it('posts exactly one message to the channel, within limits', async () => {
    const x = io();
    const code = await post.run(['--to', 'slack:C123'], x);
    expect(x.err.join('')).toBe('');
    expect(code).toBe(0);
    const posts = api.callsOf('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.channel).toBe('C123');
    expect(posts[0]!.authorization).toBe(`Bearer ${TOKEN}`);
    expectWithinLimits({ text: posts[0]!.body.text, blocks: posts[0]!.body.blocks });
    expect(api.messages).toHaveLength(1);
    expect(x.out.join('')).toContain(`message ${api.messages[0]!.ts}`);
  });

  it('works end to end as a child process: `sitrep post --to slack:C123` posts exactly one message', async () => {
    // The installed bin, run through its shebang (`env -S node …` finds this Node first on PATH).
    const env = { PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? dir, TZ: 'UTC', ...io().env, LOG_LEVEL: 'warn' };
    // cwd is a temp dir so a developer's .env can't leak into the test.
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(DIST_BIN, ['post', '--to', 'slack:C123', '--now', '2025-05-20T07:00:00Z'], { env, cwd: dir, timeout: 15_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
      );
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Posted the');
    expect(api.okCallsOf('chat.postMessage')).toHaveLength(1);
    expect(api.messages).toHaveLength(1);
  });

  it('a 429 with Retry-After: 1 → waits, retries, and exactly one message is recorded', async () => {
    api.rateLimitNext(1, 1, ['chat.postMessage']);
    const x = io();
    const code = await post.run(['--to', 'slack:C123', '--now', '2025-05-20T07:00:00Z'], x);
    expect(code).toBe(0);
    expect(api.callsOf('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
    expect(api.messages).toHaveLength(1);
    // The retry honoured Retry-After rather than hammering the API.
    const [first, second] = api.callsOf('chat.postMessage');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect(x.err.join('')).toContain('rate-limited; retrying in 1 s');
  });

  it('reports an unavailable channel clearly and exits 1', async () => {
    api.setChannelError('CGONE', 'channel_not_found');
    const x = io();
    expect(await post.run(['--to', 'slack:CGONE'], x)).toBe(1);
    expect(x.err.join('')).toContain('channel_not_found');
    expect(api.messages).toHaveLength(0);
    expect(x.err.join('')).not.toContain(TOKEN);
  });

  it.each([[[]], [['--to', 'C123']], [['--to', 'teams:C1']], [['--to', 'slack:C1', '--now', 'yesterday']], [['--to', 'slack:C1', '--bogus']]])(
    'usage errors exit 2 without posting: %j',
    async (argv) => {
      const x = io();
      expect(await post.run(argv, x)).toBe(2);
      expect(x.err.join('')).toMatch(/sitrep post/);
      expect(api.calls).toHaveLength(0);
    },
  );

  it('fails clearly when Slack is not configured', async () => {
    const x = io();
    x.env = { ...x.env, SLACK_BOT_TOKEN: undefined, SLACK_SIGNING_SECRET: undefined, SLACK_MODE: undefined };
    expect(await post.run(['--to', 'slack:C123'], x)).toBe(1);
    expect(x.err.join('')).toContain('Slack is not configured');
  });
});

describe('postWithRetry', () => {
  const ok: PostOutcome = { ok: true, messageId: 'm1' };
  const limited: PostOutcome = { ok: false, kind: 'rate-limited', retryAfterMs: 3000, error: 'ratelimited' };
  const transient: PostOutcome = { ok: false, kind: 'transient', error: 'http_500' };
  const gone: PostOutcome = { ok: false, kind: 'channel-unavailable', error: 'not_in_channel' };

  function scripted(outcomes: PostOutcome[]) {
    const waits: number[] = [];
    let calls = 0;
    const run = () => Promise.resolve(outcomes[Math.min(calls++, outcomes.length - 1)]!);
    return { run, waits, sleep: (ms: number) => (waits.push(ms), Promise.resolve()), calls: () => calls };
  }

  it('waits exactly Retry-After on 429, backs off on transient errors, stops on success', async () => {
    const s = scripted([limited, transient, transient, ok]);
    expect(await postWithRetry(s.run, { sleep: s.sleep })).toEqual(ok);
    expect(s.waits).toEqual([3000, 2000, 4000]);
    expect(s.calls()).toBe(4);
  });

  it('does not retry channel or permanent errors', async () => {
    const s = scripted([gone, ok]);
    expect(await postWithRetry(s.run, { sleep: s.sleep })).toEqual(gone);
    expect(s.calls()).toBe(1);
  });

  it('gives up after maxAttempts and on a Retry-After beyond maxWaitMs', async () => {
    const a = scripted([transient]);
    expect(await postWithRetry(a.run, { sleep: a.sleep, maxAttempts: 3 })).toEqual(transient);
    expect(a.calls()).toBe(3);
    const b = scripted([{ ...limited, retryAfterMs: 120_000 }, ok]);
    expect((await postWithRetry(b.run, { sleep: b.sleep })).ok).toBe(false);
    expect(b.calls()).toBe(1);
  });
});
