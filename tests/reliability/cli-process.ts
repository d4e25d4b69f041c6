import { spawn, type ChildProcess } from 'node:child_process';
import { DIST_MAIN } from '../helpers/dist.js';

/** Root ignores file permissions; run the CLI as `nobody` then, so a read-only file really is read-only. */
export const AS_UNPRIVILEGED = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Start `sitrep <args>` as a real process (the compiled CLI, plain node), like a user or a process manager would. */
export function startCli(args: string[], env: Record<string, string> = {}, unprivileged = false): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, ['--enable-source-maps', DIST_MAIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: '/tmp', LOG_LEVEL: 'info', TZ: 'UTC', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(unprivileged ? AS_UNPRIVILEGED : {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliRun>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

/** Run `sitrep <args>` to completion. */
export function runCli(args: string[], env: Record<string, string> = {}, unprivileged = false): Promise<CliRun> {
  return startCli(args, env, unprivileged).done;
}
