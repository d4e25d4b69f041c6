import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPEAT_WINDOW_MS } from '../../src/cli/stop-signals.js';
import { jobKey } from '../../src/delivery/due.js';
import { syncStoriesIfChanged } from '../../src/records/sync.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { DIST_MAIN } from '../helpers/dist.js';
import { BRIEFINGS } from '../helpers/fixtures.js';
import { BOT_NOW, processTree, startBot, startBotFakes, stillRunning, waitReady, type BotFakes, type BotProcess, type StartCommand } from './bot-process.js';

// Spawns the bot as an operator would, with Slack and Discord configured against the local fakes, and stops it the
// way process managers and terminals do. The briefing due at start-up is posted through a fake Slack that holds its
// answer back, so every stop below happens with a post on the wire.

const STORY = 'ukraine-ceasefire';
const COMMANDS: StartCommand[] = ['npm start', 'npm run sitrep -- start', 'the sitrep bin', 'node dist/src/cli/main.js'];

let fakes: BotFakes;
let dir: string;
let channels = 0;

beforeAll(async () => {
  fakes = await startBotFakes();
  dir = mkdtempSync(join(tmpdir(), 'sitrep-signals-'));
});
afterAll(async () => {
  await fakes?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A database with the story synced and one channel subscribed at 07:00 UTC, so the bot's first pass posts to it. */
async function subscribedStore(): Promise<{ db: string; channel: string; key: string }> {
  channels += 1;
  const channel = `C0SIGNAL${channels}`;
  const db = join(dir, `${channel}.db`);
  const store = openSqliteStore(db);
  await syncStoriesIfChanged(store, BRIEFINGS);
  const sub = await store.upsertSubscription({ platform: 'slack', channel, story: STORY, time: '07:00', timezone: 'UTC', days: 'daily', skipEmpty: false });
  await store.close();
  return { db, channel, key: jobKey(sub, '2025-05-20') };
}

async function jobStatus(db: string, key: string): Promise<string | undefined> {
  const store = openSqliteStore(db);
  try {
    return (await store.getJob(key))?.status;
  } finally {
    await store.close();
  }
}

/** Start the bot, wait for /readyz and for its post to reach the fake; returns the bot and every process it runs. */
async function botWithPostOnTheWire(command: StartCommand, env: Record<string, string>, channel: string): Promise<{ bot: BotProcess; tree: ReturnType<typeof processTree> }> {
  const bot = await startBot(command, env);
  try {
    await waitReady(bot);
    await fakes.slack.waitFor((api) => api.callsOf('chat.postMessage').some((c) => c.body.channel === channel), 20_000);
  } catch (err) {
    process.kill(-(bot.child.pid as number), 'SIGKILL');
    throw err;
  }
  return { bot, tree: processTree(bot.child.pid as number) };
}

async function expectAllGone(tree: ReturnType<typeof processTree>): Promise<void> {
  for (let i = 0; i < 100 && stillRunning(tree).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
  expect(stillRunning(tree).map((p) => `${p.pid} ${p.command}`)).toEqual([]);
}

function postsTo(channel: string): number {
  return fakes.slack.messages.filter((m) => m.channel === channel).length;
}

// One held post lasts this long: long enough to be on the wire when the signal lands, short enough to keep the file quick.
const HOLD_MS = 1_200;

/** Send `signal` to `target` (a pid, or a process group when negative) while the bot's post is held on the wire. */
function signalWithPostOnTheWire(target: number, signal: NodeJS.Signals, channel: string): void {
  expect(fakes.slack.callsOf('chat.postMessage').filter((c) => c.body.channel === channel && c.answeredAt === undefined)).toHaveLength(1);
  process.kill(target, signal);
}

// Each test has its own database, port and channel: they run side by side, a few seconds in all.
describe.concurrent('stopping the bot the way process managers and terminals do', () => {
  beforeAll(() => fakes.slack.slowDown('chat.postMessage', HOLD_MS));

  const cases = COMMANDS.flatMap((command) => (['SIGTERM', 'SIGINT'] as const).map((signal) => ({ command, signal })));
  it.each(cases)('$signal to the process `$command` started: the post in flight finishes, the store closes, exit 0, no process left', async ({ command, signal }) => {
    const { db, channel, key } = await subscribedStore();
    const { bot, tree } = await botWithPostOnTheWire(command, { ...fakes.env, SITREP_DB: db }, channel);
    expect(tree.length).toBeGreaterThan(0);
    signalWithPostOnTheWire(bot.child.pid as number, signal, channel);
    const result = await bot.done;
    expect(result.stderr).toContain('"msg":"stopped"');
    expect(result.code).toBe(0);
    await expectAllGone(tree);
    expect(postsTo(channel)).toBe(1);
    expect(await jobStatus(db, key)).toBe('sent');
  });

  it('Ctrl-C in a terminal running `npm start` (SIGINT to the whole process group, which npm forwards again) is one graceful stop', async () => {
    const { db, channel, key } = await subscribedStore();
    const { bot, tree } = await botWithPostOnTheWire('npm start', { ...fakes.env, SITREP_DB: db }, channel);
    signalWithPostOnTheWire(-(bot.child.pid as number), 'SIGINT', channel);
    const result = await bot.done;
    expect(result.stderr).toContain('"msg":"stopped"');
    expect(result.code).toBe(0);
    await expectAllGone(tree);
    expect(postsTo(channel)).toBe(1);
    expect(await jobStatus(db, key)).toBe('sent');
  });
});

describe('sitrep deliver (the timer\'s one pass) stopped mid-post', () => {
  it('SIGTERM lets the post on the wire finish, claims nothing more, and exits 0 with exactly one message', async () => {
    const { db, channel, key } = await subscribedStore();
    fakes.slack.slowDown('chat.postMessage', HOLD_MS);
    const pass = spawn(process.execPath, ['--enable-source-maps', DIST_MAIN, 'deliver', '--now', BOT_NOW], { cwd: dir, env: { ...fakes.env, HOME: dir, SITREP_DB: db }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    pass.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => pass.on('close', resolve));
    await fakes.slack.waitFor((api) => api.callsOf('chat.postMessage').some((c) => c.body.channel === channel), 20_000);
    signalWithPostOnTheWire(pass.pid as number, 'SIGTERM', channel);
    expect(await exited).toBe(0);
    expect(stderr).toContain('stopping: no new deliveries');
    expect(postsTo(channel)).toBe(1);
    expect(await jobStatus(db, key)).toBe('sent');
  });
});

describe('a second stop signal', () => {
  it('during a slow post exits at once, non-zero; the next start settles that briefing with exactly one message', async () => {
    const { db, channel, key } = await subscribedStore();
    fakes.slack.slowDown('chat.postMessage', 4_000);
    const env = { ...fakes.env, SITREP_DB: db };
    const { bot, tree } = await botWithPostOnTheWire('npm start', env, channel);
    const pid = bot.child.pid as number;
    signalWithPostOnTheWire(pid, 'SIGTERM', channel);
    // Once the bot is draining, and past the window in which a repeat counts as the same stop, signal again.
    for (let i = 0; i < 400 && !bot.stderr().includes('"msg":"shutting down"'); i++) await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, REPEAT_WINDOW_MS + 200));
    process.kill(pid, 'SIGTERM');
    const result = await bot.done;
    // It did not wait for the post: the fake is still holding its answer.
    expect(fakes.slack.callsOf('chat.postMessage').filter((c) => c.body.channel === channel && c.answeredAt === undefined)).toHaveLength(1);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toContain('second stop signal');
    await expectAllGone(tree);
    expect(await jobStatus(db, key)).toBe('in-flight');

    // The next start resolves the interrupted post: Slack already has it, so it is marked sent, not posted again.
    fakes.slack.slowDown('chat.postMessage', 0);
    const next = await startBot('node dist/src/cli/main.js', env);
    await waitReady(next);
    for (let i = 0; i < 200 && (await jobStatus(db, key)) !== 'sent'; i++) await new Promise((r) => setTimeout(r, 25));
    process.kill(next.child.pid as number, 'SIGTERM');
    const second = await next.done;
    expect(second.code).toBe(0);
    expect(await jobStatus(db, key)).toBe('sent');
    expect(second.stderr).toContain('"outcome":"recovered"');
    expect(postsTo(channel)).toBe(1);
    expect(fakes.slack.callsOf('chat.postMessage').filter((c) => c.body.channel === channel)).toHaveLength(1);
  });
});
