import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { briefingFromStore } from '../../src/briefing/service.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { percentile, round, type CaseResult } from '../stats.js';
import { benchStory, SYNTH_NOW, syntheticRecords } from '../synthetic.js';

const SIZES = [1_000, 10_000, 100_000] as const;
const CHUNK = 5_000;
const WARMUP = 30;
const RUNS = 300;

/**
 * store → Briefing at 1k/10k/100k stored events, on a real SQLite file, warm. The window holds the same amount
 * of news at every size (constant density), so any growth with size is the cost of scanning what is not needed.
 */
export async function briefingBuildCase(): Promise<CaseResult> {
  const story = benchStory();
  const figures: Record<string, { p50Ms: number; p99Ms: number; meanMs: number; developments: number; runs: number }> = {};
  for (const size of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-brief-'));
    const store = openSqliteStore(join(dir, 'bench.db'));
    try {
      await store.upsertStory(story);
      for (let off = 0; off < size; off += CHUNK) store.upsertEventsSync(syntheticRecords(story, Math.min(CHUNK, size - off), { total: size, offset: off }));
      const req = { story, now: SYNTH_NOW };
      let developments = 0;
      for (let i = 0; i < WARMUP; i++) developments = (await briefingFromStore(store, req)).developments.length;
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        await briefingFromStore(store, req);
        samples.push(performance.now() - t);
      }
      figures[label(size)] = {
        p50Ms: round(percentile(samples, 50)),
        p99Ms: round(percentile(samples, 99)),
        meanMs: round(samples.reduce((a, b) => a + b, 0) / samples.length),
        developments,
        runs: RUNS,
      };
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const small = figures[label(1_000)];
  const big = figures[label(100_000)];
  if (!small || !big) throw new Error('missing figures');
  const ratio = round(big.p99Ms / small.p99Ms, 2);
  return {
    target: 'p99 ≤ 20 ms at 100k and p99(100k) ≤ 2× p99(1k)',
    pass: big.p99Ms <= 20 && ratio <= 2,
    sizes: figures,
    p99RatioHundredKToOneK: ratio,
    p50RatioHundredKToOneK: round(big.p50Ms / small.p50Ms, 2),
  };
}

function label(n: number): string {
  return n >= 1000 ? `${n / 1000}k` : String(n);
}
