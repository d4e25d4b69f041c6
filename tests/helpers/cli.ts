import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/types.js';
import { DIST_MAIN } from './dist.js';
import { ROOT } from './fixtures.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A CLI io that keeps what a command writes, with the given env and clock (by default the morning after). */
export function recordingIo(env: Record<string, string | undefined>, now: () => Date = () => new Date('2025-05-20T07:00:00Z')): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), env, now };
}

/** Run the CLI in-process (fast), with its own env, stdin text and clock. */
export async function runCli(argv: string[], opts: { env?: Record<string, string | undefined>; stdin?: string; now?: Date } = {}): Promise<CliRun> {
  const io = recordingIo({ LOG_LEVEL: 'silent', ...opts.env }, opts.now ? () => opts.now as Date : undefined);
  if (opts.stdin !== undefined) io.stdin = Readable.from([opts.stdin]);
  const code = await main(argv, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

/** Run the real, compiled `sitrep` process with plain node (no tsx), as a user would. */
export function spawnCli(args: string[], opts: { env?: Record<string, string>; input?: string; cwd?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, ['--enable-source-maps', DIST_MAIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
