import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FakeDiscordApi } from '../fakes/discord-api.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { DIST_BIN, DIST_MAIN, npmScriptNodeFlags } from '../helpers/dist.js';
import { BRIEFINGS, ROOT } from '../helpers/fixtures.js';
import { freePort } from '../helpers/free-port.js';

/** The bundled story's "morning after": a 07:00 subscription is due at once when the bot starts with `--now` this. */
export const BOT_NOW = '2025-05-20T07:00:00Z';

/** Each way the README tells an operator to start the bot, as the argv of the process they start. */
export const START_COMMANDS = {
  'npm start': () => ['npm', 'start', '--', '--now', BOT_NOW],
  'npm run sitrep -- start': () => ['npm', 'run', 'sitrep', '--', 'start', '--now', BOT_NOW],
  'the sitrep bin': () => [DIST_BIN, 'start', '--now', BOT_NOW],
  'node dist/src/cli/main.js': () => [process.execPath, ...npmScriptNodeFlags('start'), DIST_MAIN, 'start', '--now', BOT_NOW],
} as const;
export type StartCommand = keyof typeof START_COMMANDS;

/** Local fake Slack and Discord APIs, and the environment of a bot configured against them (both in HTTP mode). */
export interface BotFakes {
  slack: FakeSlackApi;
  discord: FakeDiscordApi;
  /** Everything but SITREP_DB and PORT, which each bot gets its own of. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startBotFakes(): Promise<BotFakes> {
  const slack = await new FakeSlackApi().start();
  const applicationId = '100000000000000001';
  const token = 'bot-process-discord-token';
  const discord = await FakeDiscordApi.start({ applicationId, token });
  const der = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' });
  return {
    slack,
    discord,
    env: {
      // The bin's shebang (`env -S node …`) and npm's scripts find this Node first.
      PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
      TZ: 'UTC',
      // npm would otherwise look up its own newest version on the registry now and then.
      npm_config_update_notifier: 'false',
      LOG_LEVEL: 'info',
      SITREP_DATA: BRIEFINGS,
      SITREP_FEED_POLL: 'off',
      SLACK_BOT_TOKEN: 'xoxb-1-bot-process',
      SLACK_SIGNING_SECRET: 'bot-process-signing-secret',
      SLACK_MODE: 'http',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: token,
      DISCORD_APPLICATION_ID: applicationId,
      DISCORD_PUBLIC_KEY: der.subarray(der.length - 32).toString('hex'),
      DISCORD_MODE: 'http',
      DISCORD_API_URL: discord.url,
    },
    async close() {
      await slack.close();
      await discord.close();
    },
  };
}


export interface BotProcess {
  child: ChildProcess;
  port: number;
  /** Exit code and signal, and everything written, once the started process has exited. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  stderr(): string;
}

/** Start the bot the way `command` says, in its own process group (as a terminal or a service manager would). */
export function startBot(command: StartCommand, env: Record<string, string>): Promise<BotProcess> {
  return freePort().then((port) => {
    const [file, ...args] = START_COMMANDS[command]();
    const child = spawn(file as string, args, { cwd: ROOT, env: { ...env, PORT: String(port), HOME: dirname(env.SITREP_DB ?? ROOT) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
    );
    return { child, port, done, stderr: () => stderr };
  });
}

/** Resolve once GET /readyz answers 200; fail with the bot's stderr if it exits or takes too long. */
export async function waitReady(bot: BotProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void bot.done.then(() => (exited = true));
  while (Date.now() < deadline && !exited) {
    const ok = await fetch(`http://127.0.0.1:${bot.port}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the bot never became ready${exited ? ' (it exited)' : ''}; stderr:\n${bot.stderr().slice(-3000)}`);
}

/** A process as /proc shows it: its start time tells it apart from a later process that reuses the pid. */
export interface ProcessId {
  pid: number;
  startTime: string;
  command: string;
}

function stat(pid: number): { ppid: number; state: string; startTime: string } | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: split after its closing parenthesis.
    const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', ppid: Number(fields[1]), startTime: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

/** `pid` and every process below it (npm, its shell, node…), from /proc. */
export function processTree(pid: number): ProcessId[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (!s) continue;
    children.set(s.ppid, [...(children.get(s.ppid) ?? []), Number(name)]);
  }
  const out: ProcessId[] = [];
  const todo = [pid];
  while (todo.length > 0) {
    const p = todo.pop() as number;
    const s = stat(p);
    if (!s) continue;
    let command = '';
    try {
      command = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').join(' ').trim();
    } catch {
      // gone meanwhile
    }
    out.push({ pid: p, startTime: s.startTime, command });
    todo.push(...(children.get(p) ?? []));
  }
  return out;
}

/** The processes of `tree` still running (a zombie waiting to be reaped has stopped running). */
export function stillRunning(tree: readonly ProcessId[]): ProcessId[] {
  return tree.filter((p) => {
    if (!existsSync(`/proc/${p.pid}`)) return false;
    const s = stat(p.pid);
    return s !== undefined && s.startTime === p.startTime && s.state !== 'Z';
  });
}
