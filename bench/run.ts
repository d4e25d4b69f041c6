/**
 * `npm run bench`: every benchmark case, each isolated (one failing case reports its error and the rest still run),
 * on deterministic synthetic data. Prints ONE JSON object, writes it to bench/results.json, and refreshes the README
 * fragment bench/README-section.md from it. `npm run bench -- memory fanOut` runs only the named cases.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { briefingBuildCase } from './cases/briefing-build.js';
import { bulkImportCase } from './cases/bulk-import.js';
import { fanOutCase } from './cases/fan-out.js';
import { fanOutReplicasCase } from './cases/fan-out-replicas.js';
import { ingestionCase } from './cases/ingestion.js';
import { memoryCase } from './cases/memory.js';
import { pageCase } from './cases/page.js';
import { slashCommandCase } from './cases/slash-command.js';
import { startupCase } from './cases/startup.js';
import { ensureBuilt } from './dist.js';
import { renderReadmeSection } from './readme-section.js';
import { round, type CaseResult } from './stats.js';

const CASES: Record<string, () => Promise<CaseResult>> = {
  briefingBuild: briefingBuildCase,
  bulkImport: bulkImportCase,
  ingestion: ingestionCase,
  slashCommand: slashCommandCase,
  fanOut: fanOutCase,
  fanOutReplicas: fanOutReplicasCase,
  memory: memoryCase,
  page: pageCase,
  startup: startupCase,
};

/** `caseSeconds`: wall time of the whole case (data generation included), not one of its figures. */
export type CaseOutcome = ({ ok: true; caseSeconds: number } & CaseResult) | { ok: false; caseSeconds: number; pass: false; error: string };

export interface BenchResults {
  generatedAt: string;
  command: string;
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  /** 1-minute load average before and after: other work on the machine skews figures. */
  loadAverage: { before: number; after: number };
  seed: string;
  totalSeconds: number;
  allPass: boolean;
  cases: Record<string, CaseOutcome>;
}

/** Prefix of the one line a case's own process prints its outcome on. */
const OUTCOME = 'bench-case-outcome ';

/** Run one case here and time it; an error becomes the case's outcome. */
async function runCase(run: () => Promise<CaseResult>): Promise<CaseOutcome> {
  const t = performance.now();
  try {
    const r = await run();
    return { ...r, ok: true, caseSeconds: round((performance.now() - t) / 1000, 1) };
  } catch (err) {
    return { ok: false, caseSeconds: round((performance.now() - t) / 1000, 1), pass: false, error: err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 4).join(' | ') : String(err) };
  }
}

/**
 * Each case in a Node process of its own: a case run after others in one process inherited their heap (the 100k-event
 * stores of the briefing and import cases), and ingestion measured 25 % slower after them than alone.
 */
function runIsolated(name: string): CaseOutcome {
  const t = performance.now();
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--one-case', name], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith(OUTCOME));
  if (line !== undefined) return JSON.parse(line.slice(OUTCOME.length)) as CaseOutcome;
  const why = child.error?.message ?? `exited ${child.status ?? child.signal} without an outcome`;
  return { ok: false, caseSeconds: round((performance.now() - t) / 1000, 1), pass: false, error: `case process ${why}` };
}

async function main(): Promise<void> {
  const one = process.argv.indexOf('--one-case');
  if (one !== -1) {
    const run = CASES[process.argv[one + 1] ?? ''];
    const outcome: CaseOutcome = run ? await runCase(run) : { ok: false, caseSeconds: 0, pass: false, error: 'unknown case' };
    process.stdout.write(`${OUTCOME}${JSON.stringify(outcome)}\n`);
    process.exit(0);
  }
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((w) => !(w in CASES));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown case(s) ${unknown.join(', ')}; cases: ${Object.keys(CASES).join(', ')}\n`);
    process.exit(2);
  }
  const names = wanted.length > 0 ? wanted : Object.keys(CASES);
  // Cases that start `sitrep` processes run the compiled CLI: bring dist/ up to date first (a no-op when it is).
  ensureBuilt();
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? 0;
  const cases: Record<string, CaseOutcome> = {};
  for (const name of names) {
    const run = CASES[name];
    if (!run) continue;
    process.stderr.write(`bench: ${name}…\n`);
    cases[name] = runIsolated(name);
    process.stderr.write(`bench: ${name} ${cases[name]?.ok ? (cases[name]?.pass ? 'PASS' : 'MISS') : 'ERROR'} (${cases[name]?.caseSeconds}s)\n`);
  }
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    command: `npm run bench${wanted.length > 0 ? ` -- ${wanted.join(' ')}` : ''}`,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGB: round(totalmem() / 1e9, 1),
    loadAverage: { before: round(loadBefore, 2), after: round(loadavg()[0] ?? 0, 2) },
    seed: 'fixed (mulberry32, see bench/synthetic.ts)',
    totalSeconds: round((performance.now() - started) / 1000, 1),
    allPass: Object.values(cases).every((c) => c.pass),
    cases,
  };
  const json = JSON.stringify(results, null, 2);
  writeFileSync(fileURLToPath(new URL('./results.json', import.meta.url)), `${json}\n`);
  // Only a full run refreshes the README figures.
  if (wanted.length === 0) writeFileSync(fileURLToPath(new URL('./README-section.md', import.meta.url)), renderReadmeSection(results));
  process.stdout.write(`${json}\n`);
  // Children and fake servers are closed; exit explicitly in case a library left a timer behind.
  process.exit(0);
}

await main();
