import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST_MAIN } from '../helpers/dist.js';
import { BRIEFINGS, ROOT } from '../helpers/fixtures.js';
import { freePort } from '../helpers/free-port.js';
import { startBotFakes, waitReady, type BotFakes, type BotProcess } from '../reliability/bot-process.js';

// What a process of the compiled CLI really loads, listed by a preload (tests/helpers/list-modules.mjs) in a child
// process run with plain node: the start-up cost of a command is mostly the modules it loads.

const LIST_MODULES = fileURLToPath(new URL('../helpers/list-modules.mjs', import.meta.url));
const HIDE_DEV = fileURLToPath(new URL('../helpers/hide-dev-dependencies.mjs', import.meta.url));
const NOW = '2025-05-20T07:00:00Z';

interface Loaded {
  /** npm packages, by name. */
  packages: string[];
  /** package-lock keys (`node_modules/a/node_modules/b`) of the packages, to tell dev-only ones. */
  lockKeys: string[];
  /** Our compiled modules, relative to dist/. */
  own: string[];
}

function classify(listFile: string): Loaded {
  const paths = new Set(
    readFileSync(listFile, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('file:') || l.startsWith('/'))
      .map((l) => (l.startsWith('file:') ? fileURLToPath(l) : l)),
  );
  const packages = new Set<string>();
  const lockKeys = new Set<string>();
  const own = new Set<string>();
  for (const p of paths) {
    const rel = relative(ROOT, p).split(sep).join('/');
    const m = /^((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)*node_modules\/(@[^/]+\/)?[^/]+)\//.exec(rel);
    if (m) {
      lockKeys.add(m[1] as string);
      packages.add((m[1] as string).split('node_modules/').pop() as string);
    } else if (rel.startsWith('dist/')) own.add(rel.slice('dist/'.length));
  }
  return { packages: [...packages].sort(), lockKeys: [...lockKeys].sort(), own: [...own].sort() };
}

/** Packages package-lock.json marks dev-only: what `npm ci --omit=dev` leaves out. */
function devOnly(): Set<string> {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  return new Set(Object.entries(lock.packages).flatMap(([key, v]) => (key !== '' && v.dev === true ? [key] : [])));
}

let dir: string;
let env: Record<string, string>;
function run(args: string[], preloads: string[] = []): Loaded {
  const list = join(dir, `modules-${args[0]}-${Math.random().toString(36).slice(2)}.txt`);
  const r = spawnSync(process.execPath, [...preloads.flatMap((p) => ['--import', p]), '--import', LIST_MODULES, DIST_MAIN, ...args], { cwd: dir, env: { ...env, SITREP_LIST_MODULES: list }, encoding: 'utf8', timeout: 30_000 });
  // (ingest reports what it would store on stderr; nothing else writes there)
  if (args[0] !== 'ingest') expect(r.stderr).toBe('');
  expect(r.stderr).not.toMatch(/Cannot find|Error/);
  expect(r.status).toBe(0);
  return classify(list);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-modules-'));
  env = { PATH: process.env.PATH ?? '', HOME: dir, TZ: 'UTC', SITREP_DB: join(dir, 'sitrep.db'), SITREP_DATA: BRIEFINGS };
  // The first command of a store syncs the story files (YAML); later ones find them unchanged.
  run(['brief', '--now', NOW]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('what a command loads', () => {
  it.each(['questions', 'brief'])('`sitrep %s` loads the store, zod and the briefing code, and nothing else: no Slack, Discord, ingestion, HTML parsing, YAML, logger or scheduler', (name) => {
    const loaded = run([name, '--now', NOW]);
    expect(loaded.packages).toEqual(['better-sqlite3', 'bindings', 'file-uri-to-path', 'zod']);
    expect(loaded.own.filter((f) => /^(adapters\/|src\/(ingest|http|ops)\/|src\/delivery\/(scheduler|deliver|send-queue|outbox)\.js|src\/records\/load\.js)/.test(f))).toEqual([]);
    // Of the CLI's commands, only its own.
    expect(loaded.own.filter((f) => f.startsWith('src/cli/commands/') && f !== 'src/cli/commands/index.js')).toEqual([`src/cli/commands/${name}.js`]);
  });

  it('`sitrep brief` on a store whose story files changed loads the YAML parser to sync them, and still no logger or platform code', () => {
    const loaded = run(['brief', '--now', NOW, '--db', join(dir, 'fresh.db')]);
    expect(loaded.packages).toEqual(['better-sqlite3', 'bindings', 'file-uri-to-path', 'yaml', 'zod']);
  });
});

describe('running on dependencies only (what `npm ci --omit=dev` installs)', () => {
  let fakes: BotFakes;
  beforeAll(async () => {
    fakes = await startBotFakes();
  });
  afterAll(async () => {
    await fakes?.close();
  });

  it('with every devDependency (tsx, typescript, compromise…) made unloadable, one-shot commands and a bot with Slack and Discord over HTTP run, and the bot loads no discord.js', async () => {
    expect(devOnly().has('node_modules/tsx')).toBe(true);
    const seed = join(ROOT, 'tests', 'fixtures', 'seeds', '000_73e9b54b8ea29b65.txt');
    const page = join(ROOT, 'tests', 'ingest', 'fixtures', 'chrome-heavy.html');
    const ingest = ['ingest', '--dry-run', '--published', '2025-05-19T20:00:00Z'];
    for (const args of [['questions'], ['brief', '--db', join(dir, 'prod.db')], [...ingest, seed], [...ingest, page]]) {
      const loaded = run(args, [HIDE_DEV]);
      if (args[0] === 'ingest') expect(loaded.own).toContain('src/ingest/name-finder.js');
    }

    const list = join(dir, 'modules-bot.txt');
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', HIDE_DEV, '--import', LIST_MODULES, DIST_MAIN, 'start', '--now', NOW], {
      cwd: dir,
      env: { ...fakes.env, HOME: dir, SITREP_DB: join(dir, 'bot.db'), PORT: String(port), SITREP_LIST_MODULES: list },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const done = new Promise<number | null>((resolve) => child.on('close', resolve));
    const bot: BotProcess = { child, port, done: done.then((code) => ({ code, signal: null, stdout: '', stderr })), stderr: () => stderr };
    try {
      await waitReady(bot);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await done).toBe(0);
    const loaded = classify(list);
    expect(loaded.packages).toEqual(expect.arrayContaining(['@slack/bolt', 'better-sqlite3', 'pino', 'zod']));
    // HTTP interactions and posting use fetch; discord.js (about 35 MB) is for the gateway only.
    expect(loaded.packages.filter((p) => p === 'discord.js' || p.startsWith('@discordjs/'))).toEqual([]);
    expect(loaded.own.filter((f) => f.startsWith('src/ingest/'))).toEqual([]);
  }, 60_000);
});
