import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild } from '../child.js';
import { BOT_NODE_FLAGS } from '../bot-flags.js';
import { round, type CaseResult } from '../stats.js';

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

async function run(mode: 'load' | 'serve', db: string): Promise<MemoryReport> {
  // The bot's own runtime flags (package.json `start`), so the figure is the bot's as users run it.
  const child = startChild('./memory-child.ts', [mode, db], ['--expose-gc', ...BOT_NODE_FLAGS]);
  try {
    return await child.next<MemoryReport>(300_000);
  } finally {
    child.kill();
  }
}

function figures(r: MemoryReport) {
  return { rssMB: round(r.rssMB, 1), heapUsedMB: round(r.heapUsedMB, 1), baselineRssMB: round(r.baselineRssMB, 1), peakRssMB: round(r.peakRssMB, 1) };
}

/**
 * RSS with 100k events after 100 briefings, each in a fresh child process: once in the process that loaded the
 * events ("loadAndBrief", the strict reading and the one the target is checked against), and once in a process that
 * opens the loaded store like a restarted bot ("serve").
 */
export async function memoryCase(): Promise<CaseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-mem-'));
  try {
    const db = join(dir, 'mem.db');
    const load = await run('load', db);
    const serve = await run('serve', db);
    return {
      target: 'RSS ≤ 150 MB (after loading 100k events and building 100 briefings, same process)',
      pass: load.rssMB <= 150 && load.events === 100_000,
      events: load.events,
      briefings: load.briefings,
      rssMB: round(load.rssMB, 1),
      loadAndBrief: figures(load),
      serve: figures(serve),
      note: 'RSS after a forced GC; baseline = RSS of the child (node + tsx + modules) before opening the store',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
