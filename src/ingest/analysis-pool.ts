import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Story } from '../records/schema.js';
import { analyzeArticle, type AnalyzeResult, type ArticleInput } from './analyze.js';
import type { PageBlock } from './boilerplate.js';

/**
 * An article ready to be analysed anywhere: its blocks split, and the lines its source printed on earlier pages of the
 * run already looked up (the only thing analysis needs from the run: see IngestBatch.seenAmong).
 */
export interface PreparedArticle {
  article: ArticleInput & { blocks: readonly PageBlock[] };
  /** This page's lines (lower-cased) that earlier pages of its source printed too. */
  seen: readonly string[];
}

/** Analyse a prepared article: the same answer in a worker as in the calling thread. */
export function analyzePrepared(p: PreparedArticle, story: Story, now: Date): AnalyzeResult {
  const seen = new Set(p.seen);
  return analyzeArticle(p.article, story, now, { seenElsewhere: (line) => seen.has(line.toLowerCase()) });
}

/** What the pool sends a worker, and what it answers. */
export interface PoolJob extends PreparedArticle {
  id: number;
}
export type PoolAnswer = { id: number; result: AnalyzeResult } | { id: number; error: string };
export interface PoolSetup {
  story: Story;
  now: string;
}

/** Below this many articles a run analyses them itself: a worker takes about 170 ms to load the analysis code. */
export const POOL_MIN_ARTICLES = 48;
/** More workers than this gain nothing: the calling thread places every article in the store, one at a time. */
const MAX_WORKERS = 4;

/** How many workers a run of `articles` inputs should start (0: analyse in the calling thread). */
export function poolSize(articles: number, requested?: number): number {
  if (requested !== undefined) return articles > 1 ? Math.max(0, Math.floor(requested)) : 0;
  const cores = availableParallelism();
  return articles >= POOL_MIN_ARTICLES && cores > 1 ? Math.min(cores, MAX_WORKERS) : 0;
}

/**
 * The worker's entry point: the compiled module next to this one. When this module runs from its TypeScript source
 * (tests, tsx scripts), the compiled one in dist/, which the tests' set-up and the benchmark build first: a worker
 * does not inherit a TypeScript loader, and src/ depends on none.
 */
function startWorker(setup: PoolSetup): Worker {
  const here = import.meta.url;
  const entry = here.endsWith('.ts') ? new URL('../../dist/src/ingest/analysis-worker.js', here) : new URL('./analysis-worker.js', here);
  return new Worker(entry, { workerData: setup });
}

interface Pending {
  resolve: (r: AnalyzeResult) => void;
  reject: (e: Error) => void;
}

/**
 * Worker threads that analyse articles while the calling thread places the ones before them in the store: analysis is
 * about two thirds of an article's time and needs nothing from the store, placement needs the store and order.
 * A worker that fails takes its jobs down with a rejection; the caller analyses those itself.
 */
export class AnalysisPool {
  private readonly workers: Array<{ worker: Worker; pending: Map<number, Pending>; dead: boolean }> = [];
  private nextId = 0;
  /** Articles the workers analysed (not those that came back as failures). */
  analysed = 0;

  constructor(size: number, story: Story, now: Date) {
    const setup: PoolSetup = { story, now: now.toISOString() };
    for (let i = 0; i < size; i++) {
      const slot = { worker: startWorker(setup), pending: new Map<number, Pending>(), dead: false };
      const fail = (err: Error) => {
        slot.dead = true;
        for (const p of slot.pending.values()) p.reject(err);
        slot.pending.clear();
      };
      slot.worker.on('message', (answer: PoolAnswer) => {
        const p = slot.pending.get(answer.id);
        if (!p) return;
        slot.pending.delete(answer.id);
        if ('result' in answer) {
          this.analysed++;
          p.resolve(answer.result);
        }
        else p.reject(new Error(answer.error));
      });
      slot.worker.on('error', fail);
      slot.worker.on('exit', (code) => fail(new Error(`analysis worker exited (${code})`)));
      this.workers.push(slot);
    }
  }

  /** Analyse in the least busy live worker; rejects when none is left or the worker fails. */
  analyze(p: PreparedArticle): Promise<AnalyzeResult> {
    const live = this.workers.filter((w) => !w.dead);
    const slot = live.reduce<(typeof live)[number] | undefined>((best, w) => (best === undefined || w.pending.size < best.pending.size ? w : best), undefined);
    if (!slot) return Promise.reject(new Error('no analysis worker left'));
    const id = this.nextId++;
    return new Promise<AnalyzeResult>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      const job: PoolJob = { id, article: p.article, seen: p.seen };
      slot.worker.postMessage(job);
    });
  }

  /** Workers started (some may have failed since). */
  get size(): number {
    return this.workers.length;
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(async (w) => {
        w.dead = true;
        await w.worker.terminate();
      }),
    );
  }
}
