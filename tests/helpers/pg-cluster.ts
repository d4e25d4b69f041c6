import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from './free-port.js';

/**
 * A throwaway PostgreSQL cluster for tests and the bench: initdb into a temporary folder, started on a free
 * loopback port with its socket in that folder, password authentication over TCP, and removed when stopped.
 * initdb refuses to run as root, so as root the cluster belongs to an unprivileged user (`nobody`, or a
 * `sitrep-pg` user created for it).
 */
export interface PgCluster {
  /** Superuser URL of the `postgres` database (with password). */
  url: string;
  port: number;
  dataDir: string;
  binDir: string;
  /** Stop and start again (every connection is cut), waiting until it accepts connections. */
  restart(): Promise<void>;
  /** Stop without starting again (`immediate` kills connections as a crash would). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Start after `stop()`. */
  start(): Promise<void>;
  /** Stop and delete everything. */
  destroy(): Promise<void>;
}

/** The folder holding initdb and pg_ctl: on PATH, else the newest /usr/lib/postgresql/<version>/bin. */
export function findPostgresBin(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] !== undefined ? join(root, versions[0], 'bin') : undefined;
}

interface RunAs {
  uid: number;
  gid: number;
}

/** Root can't run initdb: use `nobody`, or create a dedicated user when there is none. */
function unprivilegedUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['nobody', 'sitrep-pg']) {
    const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (r.status === 0 && g.status === 0) return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
  }
  const made = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'sitrep-pg'], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`running as root and no unprivileged user for PostgreSQL: useradd failed: ${made.stderr.trim()}`);
  return unprivilegedUser();
}


function run(bin: string, args: string[], as: RunAs | undefined, env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      ...(as ? { uid: as.uid, gid: as.gid } : {}),
      env: { PATH: process.env.PATH ?? '', LANG: 'C', LC_ALL: 'C', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: '/',
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out }));
  });
}

/** Start a fresh cluster. Throws with initdb's or pg_ctl's own words when it can't. */
export async function startPgCluster(options: { binDir?: string } = {}): Promise<PgCluster> {
  const binDir = options.binDir ?? findPostgresBin();
  if (!binDir) throw new Error('PostgreSQL binaries (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql/*/bin');
  const as = unprivilegedUser();
  const root = mkdtempSync(join(tmpdir(), 'sitrep-pg-'));
  const dataDir = join(root, 'data');
  const sockDir = join(root, 'sock');
  const logFile = join(root, 'postgres.log');
  const password = randomBytes(12).toString('hex');
  const pwFile = join(root, 'pw');
  writeFileSync(pwFile, `${password}\n`);
  mkdirSync(sockDir);
  if (as) {
    for (const p of [root, sockDir, pwFile]) chownSync(p, as.uid, as.gid);
  }
  chmodSync(root, 0o700);
  const fail = async (what: string, out: string): Promise<never> => {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`${what} failed: ${out.trim().split('\n').slice(-5).join(' | ')}`);
  };
  const init = await run(
    join(binDir, 'initdb'),
    ['-D', dataDir, '-U', 'sitrep', `--pwfile=${pwFile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '--no-sync', '--encoding=UTF8', '--locale=C'],
    as,
  );
  if (init.code !== 0) await fail('initdb', init.out);
  const port = await freePort();
  const pgOptions = [
    `-p ${port}`,
    `-k ${sockDir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
    '-c shared_buffers=32MB',
  ].join(' ');
  const ctl = (args: string[]) => run(join(binDir, 'pg_ctl'), ['-D', dataDir, ...args], as);
  const start = async () => {
    const r = await ctl(['-o', pgOptions, '-l', logFile, '-w', '-t', '60', 'start']);
    if (r.code !== 0) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
      throw new Error(`pg_ctl start failed: ${(r.out + log).trim().split('\n').slice(-5).join(' | ')}`);
    }
  };
  try {
    await start();
  } catch (err) {
    await fail('pg_ctl start', err instanceof Error ? err.message : String(err));
  }
  let stopped = false;
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    await ctl(['-m', mode, '-w', '-t', '60', 'stop']);
  };
  return {
    url: `postgres://sitrep:${password}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    binDir,
    async restart() {
      await stop('fast');
      await start();
    },
    stop,
    start,
    async destroy() {
      if (stopped) return;
      stopped = true;
      await stop('immediate').catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
