import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeDiscordApi } from '../../tests/fakes/discord-api.js';
import { FakeSlackApi } from '../../tests/fakes/slack-api.js';
import { BOT_NODE_FLAGS, npmStartArgv } from '../bot-flags.js';
import { startChild } from '../child.js';
import { ensureBuilt } from '../dist.js';
import { percentile, round, type CaseResult } from '../stats.js';
import { benchStory, BRIEFINGS_DIR, SYNTH_NOW } from '../synthetic.js';
import { writeJsonl } from './bulk-import.js';
import { freePort } from '../../tests/helpers/free-port.js';

interface MemoryReport {
  mode: 'load' | 'serve';
  events: number;
  briefings: number;
  rssMB: number;
  heapUsedMB: number;
  baselineRssMB: number;
  peakRssMB: number;
  gcExposed: boolean;
}

const EVENTS = 100_000;
/** How long a started bot idles before its resident set is read. */
const IDLE_MS = 5_000;
const IDLE_RUNS = 5;

async function run(mode: 'load' | 'serve', db: string, jsonl: string, storyFile: string): Promise<MemoryReport> {
  // The compiled code with the bot's runtime flags (package.json `start`) and no tsx, so the figure is the bot's.
  const child = startChild('./memory-child.mjs', [mode, db, jsonl, storyFile, SYNTH_NOW.toISOString()], ['--expose-gc', ...BOT_NODE_FLAGS]);
  try {
    return await child.next<MemoryReport>(300_000);
  } finally {
    child.kill();
  }
}

function figures(r: MemoryReport) {
  return { rssMB: round(r.rssMB, 1), heapUsedMB: round(r.heapUsedMB, 1), baselineRssMB: round(r.baselineRssMB, 1), peakRssMB: round(r.peakRssMB, 1) };
}


/** VmRSS and VmHWM of a live process, in MB (as `ps` and the kernel count them). */
function procMemory(pid: number): { rssMB: number; peakMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMB: round(kb('VmRSS') / 1024, 1), peakMB: round(kb('VmHWM') / 1024, 1) };
}

/**
 * The bot as `npm start` runs it (the compiled entry point with the start script's flags), Slack and Discord
 * configured against local fakes (both over HTTP: the fakes have no gateway), idle for IDLE_MS after /readyz.
 */
async function idleBot(env: Record<string, string>, db: string): Promise<{ rssMB: number; peakMB: number }> {
  const port = await freePort();
  const [node, ...args] = npmStartArgv();
  const child = spawn(node as string, args, { env: { ...env, SITREP_DB: db, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the bot never became ready; stderr: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, IDLE_MS));
    return procMemory(child.pid as number);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function idleBotFigures(dir: string): Promise<Record<string, unknown>> {
  const slack = await new FakeSlackApi().start();
  const discord = await FakeDiscordApi.start({ applicationId: '100000000000000001', token: 'bench-discord-token' });
  try {
    const der = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' });
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      TZ: 'UTC',
      LOG_LEVEL: 'info',
      SITREP_DATA: BRIEFINGS_DIR,
      SLACK_BOT_TOKEN: 'xoxb-1-bench',
      SLACK_SIGNING_SECRET: 'bench-signing-secret',
      SLACK_MODE: 'http',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: 'bench-discord-token',
      DISCORD_APPLICATION_ID: '100000000000000001',
      DISCORD_PUBLIC_KEY: der.subarray(der.length - 32).toString('hex'),
      DISCORD_MODE: 'http',
      DISCORD_API_URL: discord.url,
    };
    const db = join(dir, 'bot.db');
    // The first start on a new database parses the story files (YAML); restarts find them unchanged.
    const firstStart = await idleBot(env, db);
    const restarts: Array<{ rssMB: number; peakMB: number }> = [];
    for (let i = 0; i < IDLE_RUNS; i++) restarts.push(await idleBot(env, db));
    // A subscription in a time zone other than UTC makes the scheduler ask Intl, which pages in ICU's zone data.
    const zoned = join(dir, 'zoned.db');
    const { openSqliteStore } = await import('../../src/store/sqlite-store.js');
    const { syncStoriesIfChanged } = await import('../../src/records/sync.js');
    const store = openSqliteStore(zoned);
    await syncStoriesIfChanged(store, BRIEFINGS_DIR);
    await store.upsertSubscription({ platform: 'slack', channel: 'C0ZONED', story: 'ukraine-ceasefire', time: '07:00', timezone: 'Europe/Kyiv', days: 'daily', skipEmpty: false });
    await store.close();
    const withZone = await idleBot(env, zoned);
    const median = (xs: number[]) => round(percentile(xs, 50), 1);
    return {
      restartedRssMB: median(restarts.map((r) => r.rssMB)),
      restartedRuns: restarts.map((r) => r.rssMB),
      firstStartRssMB: firstStart.rssMB,
      withKyivSubscriptionRssMB: withZone.rssMB,
      peakMB: Math.max(firstStart.peakMB, ...restarts.map((r) => r.peakMB)),
      how: `npm start's command line (${[...BOT_NODE_FLAGS, '--enable-source-maps'].join(' ')}), Slack and Discord over HTTP against local fakes, VmRSS ${IDLE_MS / 1000} s after /readyz`,
    };
  } finally {
    await slack.close();
    await discord.close();
  }
}

/**
 * Two figures, each in fresh child processes on the compiled code with the bot's flags (no tsx):
 * - the idle bot (`sitrep start` as `npm start` runs it, Slack and Discord configured against local fakes): ≤ 80 MB;
 * - RSS with 100k events after 100 briefings: once in the process that loaded the events ("loadAndBrief", the strict
 *   reading and the one the 150 MB target is checked against), and once in a process that opens the loaded store
 *   like a restarted bot ("serve").
 */
export async function memoryCase(): Promise<CaseResult> {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-mem-'));
  try {
    const bot = await idleBotFigures(dir);
    const db = join(dir, 'mem.db');
    const jsonl = join(dir, 'records.jsonl');
    const storyFile = join(dir, 'story.json');
    await writeJsonl(jsonl, EVENTS);
    writeFileSync(storyFile, JSON.stringify(benchStory()));
    const load = await run('load', db, jsonl, storyFile);
    const serve = await run('serve', db, jsonl, storyFile);
    const idle = bot.restartedRssMB as number;
    return {
      target: 'idle bot ≤ 80 MB RSS; RSS ≤ 150 MB after loading 100k events and building 100 briefings (same process)',
      pass: idle <= 80 && load.rssMB <= 150 && load.events === EVENTS,
      idleBot: bot,
      events: load.events,
      briefings: load.briefings,
      rssMB: round(load.rssMB, 1),
      loadAndBrief: figures(load),
      serve: figures(serve),
      note: 'RSS after a forced GC; baseline = RSS of the child (node + its modules) before opening the store',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
