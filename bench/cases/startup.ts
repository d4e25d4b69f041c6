import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BIN, ensureBuilt } from '../dist.js';
import { percentile, round, type CaseResult } from '../stats.js';
import { BRIEFINGS_DIR } from '../synthetic.js';

const ROUNDS = 10;
const GNU_TIME = '/usr/bin/time';
const NOW = '2025-05-20T07:00:00Z';

interface Sample {
  wallMs: number;
  /** User + system CPU time: the share of the wall time a busy machine can't take away. */
  cpuMs: number;
  peakRssMB: number;
}

/**
 * One whole process under GNU time: wall time from spawn to exit as the parent sees it, and peak RSS as the kernel
 * reports it for the child when it is reaped (`%M`, ru_maxrss from wait4). Nothing is loaded into the measured
 * process, so `node -e 0` and `sitrep brief` are measured the same way.
 */
async function measure(argv: readonly string[], env: NodeJS.ProcessEnv, out: string): Promise<Sample> {
  const started = performance.now();
  const child = spawn(GNU_TIME, ['-f', '%U %S %M', '-o', out, ...argv], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`${argv.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`);
  const [user, sys, kb] = (readFileSync(out, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
  if (!Number.isFinite(kb) || (kb as number) <= 0) throw new Error(`GNU time gave no peak RSS for ${argv.join(' ')}`);
  return { wallMs, cpuMs: ((user ?? 0) + (sys ?? 0)) * 1000, peakRssMB: (kb as number) / 1024 };
}

/** Medians of wall time and peak RSS; the mean of CPU time, which GNU time prints in hundredths of a second. */
function median(samples: readonly Sample[]): Sample {
  const m = (pick: (s: Sample) => number) => round(percentile(samples.map(pick), 50), 1);
  const cpuMs = round(samples.reduce((n, s) => n + s.cpuMs, 0) / samples.length, 1);
  return { wallMs: m((s) => s.wallMs), cpuMs, peakRssMB: m((s) => s.peakRssMB) };
}

type Name = 'nodeE0' | 'questions' | 'brief';

/** Median of ROUNDS interleaved rounds of the three commands in one environment. */
async function measureIn(env: NodeJS.ProcessEnv, out: string) {
  const commands: Record<Name, readonly string[]> = {
    nodeE0: [process.execPath, '-e', '0'],
    questions: [BIN, 'questions', '--now', NOW],
    brief: [BIN, 'brief', '--now', NOW],
  };
  const names = Object.keys(commands) as Name[];
  const samples: Record<Name, Sample[]> = { nodeE0: [], questions: [], brief: [] };
  // Untimed round: creates and syncs the store (the first time), warms the page cache.
  for (const name of names) await measure(commands[name], env, out);
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(r + i) % names.length] as Name;
      samples[name].push(await measure(commands[name], env, out));
    }
  }
  const base = median(samples.nodeE0);
  const figures = (name: 'questions' | 'brief') => {
    const m = median(samples[name]);
    return { ...m, wallRatio: round(m.wallMs / base.wallMs, 2), cpuRatio: round(m.cpuMs / base.cpuMs, 2), peakRssRatio: round(m.peakRssMB / base.peakRssMB, 2) };
  };
  return { nodeE0: base, questions: figures('questions'), brief: figures('brief') };
}

/**
 * Start-up of one-shot commands as a user, a script or a cron job runs them: `sitrep questions` and `sitrep brief`
 * through the installed bin (dist/src/cli/bin.js with its shebang), against a store that already holds the bundled
 * story, each compared with `node -e 0` measured in the same rounds (the three take turns, so drift on a shared
 * machine hits all three alike). Median of 10 rounds after one untimed round.
 *
 * Twice: in the environment the bench runs in (the figure the target is checked against, as the issue measured it),
 * and in an empty one (PATH, HOME, TZ and the sitrep variables only). They differ when the environment makes every
 * Node process do more at start: NODE_EXTRA_CA_CERTS, say, costs each process tens of milliseconds and 2 MB.
 */
export async function startupCase(): Promise<CaseResult> {
  if (spawnSync(GNU_TIME, ['-f', '%M', 'true'], { stdio: 'ignore' }).status !== 0)
    throw new Error(`${GNU_TIME} (GNU time) is needed for peak RSS: apt-get install time (Debian's "time" package)`);
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-startup-'));
  try {
    // The bin's shebang finds `node` on PATH: put this Node first, so all three run the same binary.
    const PATH = `${dirname(process.execPath)}:${process.env.PATH ?? ''}`;
    const sitrep = { SITREP_DB: join(dir, 'sitrep.db'), SITREP_DATA: BRIEFINGS_DIR, TZ: 'UTC' };
    const out = join(dir, 'time.out');
    const asRun = await measureIn({ ...process.env, PATH, ...sitrep }, out);
    const empty = await measureIn({ PATH, HOME: dir, ...sitrep }, out);
    const extras = ['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS'].filter((k) => process.env[k] !== undefined);
    return {
      target: '`sitrep brief` ≤ 4× `node -e 0` wall time and ≤ 2× its peak RSS (same run)',
      pass: asRun.brief.wallRatio <= 4 && asRun.brief.peakRssRatio <= 2,
      rounds: ROUNDS,
      ...asRun,
      environment: extras.length > 0 ? `as run, with ${extras.join(', ')} set` : 'as run',
      emptyEnvironment: empty,
      method: `whole processes, the bin as installed (${BIN.split('/').slice(-4).join('/')}); wall = spawn to exit in the parent; CPU = GNU time %U + %S (mean); peak RSS = GNU time %M (ru_maxrss); median of ${ROUNDS} interleaved rounds`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
