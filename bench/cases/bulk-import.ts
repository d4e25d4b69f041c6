import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/types.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { round, type CaseResult } from '../stats.js';
import { benchStory, BRIEFINGS_DIR, syntheticRecords } from '../synthetic.js';

const COUNT = 100_000;

/** Write `count` synthetic records as JSON lines (not timed). */
export async function writeJsonl(file: string, count: number): Promise<void> {
  const story = benchStory();
  const out = createWriteStream(file);
  for (let off = 0; off < count; off += 5_000) {
    const chunk = syntheticRecords(story, Math.min(5_000, count - off), { total: count, offset: off, seed: 3 });
    if (!out.write(`${chunk.map((r) => JSON.stringify(r)).join('\n')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

const RUNS = 3;

/** One `sitrep import` of `file` into a fresh database, timed; returns seconds and the stored row count. */
async function importOnce(file: string, db: string): Promise<{ seconds: number; stored: number; output: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { stdout: (s) => void stdout.push(s), stderr: (s) => void stderr.push(s), env: { LOG_LEVEL: 'silent' }, now: () => new Date() };
  const t = performance.now();
  const code = await main(['import', file, '--db', db, '--data', BRIEFINGS_DIR], io);
  const seconds = (performance.now() - t) / 1000;
  if (code !== 0) throw new Error(`sitrep import exited ${code}: ${stderr.join('').slice(0, 500)}`);
  const store = openSqliteStore(db);
  const stored = (store.db.prepare("SELECT count(*) AS n FROM events WHERE id LIKE 'synth-%'").get() as { n: number }).n;
  await store.close();
  return { seconds, stored, output: stdout.join('').trim() };
}

/**
 * `sitrep import` of 100k JSON-lines records into a fresh SQLite file, through the real CLI entry point
 * (parse, validate, batched upsert). Three runs, each into a new file; the median is the figure.
 */
export async function bulkImportCase(): Promise<CaseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-import-'));
  try {
    const file = join(dir, 'records.jsonl');
    await writeJsonl(file, COUNT);
    const runs: Array<{ seconds: number; stored: number; output: string }> = [];
    for (let i = 0; i < RUNS; i++) runs.push(await importOnce(file, join(dir, `import-${i}.db`)));
    const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
    const median = sorted[Math.floor(RUNS / 2)]!;
    const perSecond = Math.round(COUNT / median.seconds);
    return {
      target: '≥ 20,000 records/s',
      pass: perSecond >= 20_000 && runs.every((r) => r.stored === COUNT),
      records: COUNT,
      fileMB: round(statSync(file).size / 1e6, 1),
      seconds: round(median.seconds, 2),
      recordsPerSecond: perSecond,
      runsRecordsPerSecond: runs.map((r) => Math.round(COUNT / r.seconds)),
      storedRows: median.stored,
      output: median.output,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
