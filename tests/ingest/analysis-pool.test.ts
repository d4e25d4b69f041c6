import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisPool, analyzePrepared, poolSize, POOL_MIN_ARTICLES } from '../../src/ingest/analysis-pool.js';
import { textBlocks } from '../../src/ingest/clean-text.js';
import { ingestArticles, ingestInputs, type IngestOptions } from '../../src/ingest/pipeline.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { DIST_MAIN } from '../helpers/dist.js';
import { BRIEFINGS, sampleStory } from '../helpers/fixtures.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const NOW = new Date('2026-02-01T12:00:00Z');

/** Two pages of one outlet that print the same promotion line, and an article of another event. */
const PAGES = [
  [
    'Witkoff meets Putin in Moscow',
    'US envoy Steve Witkoff met President Vladimir Putin in the Kremlin on Tuesday for five hours of talks on the American peace plan, the Kremlin said.',
    // (Below the lead: right under the headline, over a dated lead, the line would be a dek on every page.)
    'Our reporters are following the talks from Kyiv and Moscow.',
    'Kremlin aide Yuri Ushakov said the sides had not found a compromise on territory but agreed to keep talking.',
    'Ukraine was not represented at the meeting, and Kyiv said it would wait for a read-out from Washington.',
  ],
  [
    'Kremlin says no compromise on territory after Witkoff visit',
    'The Kremlin said on Wednesday that no compromise on territory had been found during US envoy Steve Witkoff’s talks with Vladimir Putin in Moscow.',
    'Our reporters are following the talks from Kyiv and Moscow.',
    'Yuri Ushakov, a Kremlin aide, told reporters the American peace plan needed more work before Putin could accept it.',
    'Ukrainian President Volodymyr Zelensky said Kyiv would not give up land it controls in Donetsk.',
  ],
];

describe('analysis in worker threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-pool-'));
  const inputs: string[] = [];
  let pool: AnalysisPool;

  beforeAll(() => {
    for (const name of readdirSync(FIXTURES).sort()) inputs.push(join(FIXTURES, name));
    PAGES.forEach((lines, i) => {
      const file = join(dir, `page-${i}.txt`);
      writeFileSync(file, lines.join('\n\n'));
      inputs.push(file);
    });
    inputs.push(join(dir, 'missing.txt'));
    pool = new AnalysisPool(2, sampleStory(), NOW);
  });
  afterAll(async () => {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One run into a new store: what `sitrep ingest` prints (results) and stores (records). */
  async function run(opts: Partial<IngestOptions>) {
    const store = openSqliteStore(join(mkdtempSync(join(dir, 'db-')), 'sitrep.db'));
    try {
      const story = sampleStory();
      await store.upsertStory(story);
      const r = await ingestInputs(inputs, { story, store, now: NOW, sourceName: 'One Outlet', ...opts });
      return { results: r.results, records: r.records, stored: await store.listEvents({ story: story.id, status: 'any', limit: 1000 }) };
    } finally {
      await store.close();
    }
  }

  it('gives the same results and records as the run analysed in one thread, in input order', async () => {
    const one = await run({ workers: 0 });
    const before = pool.analysed;
    const pooled = await run({ pool });
    expect(pooled).toEqual(one);
    // (Analysed by the workers, not by this thread standing in for them.)
    expect(pool.analysed - before).toBe(pooled.results.filter((r) => r.ok || r.rejected).length);
    expect(pooled.results.map((r) => r.input)).toEqual(inputs);
    // Every kind of outcome went through the pool: stored, rejected as off-story, and an unreadable input.
    expect(pooled.results.some((r) => r.ok)).toBe(true);
    expect(pooled.results.some((r) => !r.ok && r.rejected)).toBe(true);
    expect(pooled.results.find((r) => r.input.endsWith('missing.txt'))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it("reads a line its outlet printed on an earlier page as that outlet's chrome, as one thread does", async () => {
    const text = (PAGES[1] ?? []).join('\n\n');
    const prepared = { article: { text, blocks: textBlocks(text), sourceName: 'One Outlet' }, seen: ['our reporters are following the talks from kyiv and moscow.'] };
    const inWorker = await pool.analyze(prepared);
    expect(inWorker).toEqual(analyzePrepared(prepared, sampleStory(), NOW));
    expect(inWorker.ok && inWorker.article.dropped).toContainEqual({ text: 'Our reporters are following the talks from Kyiv and Moscow.', reason: 'repeated on other pages of this source' });
    // In a run, the second page of the outlet is read so: the line is a fact once, from the first page.
    const pooled = await run({ pool });
    expect(pooled.stored.flatMap((e) => e.facts).filter((f) => f.text.includes('Our reporters are following'))).toHaveLength(1);
  });

  it('starts workers of its own for a run of its own (and none for a short run)', async () => {
    expect(poolSize(1, 2)).toBe(0);
    expect(poolSize(POOL_MIN_ARTICLES - 1)).toBe(0);
    const one = await run({ workers: 0 });
    expect(await run({ workers: 2 })).toEqual(one);
  });

  it('analyses in the calling thread what a pool that has stopped cannot', async () => {
    const stopped = new AnalysisPool(1, sampleStory(), NOW);
    await stopped.close();
    const story = sampleStory();
    const articles = PAGES.map((lines, i) => ({ text: lines.join('\n\n'), sourceName: `Outlet ${i}`, publishedAt: '2025-12-02T18:00:00Z' }));
    const inThread = await ingestArticles(articles, { story, now: NOW, dryRun: true, workers: 0 });
    const fallen = await ingestArticles(articles, { story, now: NOW, dryRun: true, pool: stopped });
    expect(fallen).toEqual(inThread);
    expect(fallen.results.every((r) => r.ok)).toBe(true);
    expect(stopped.analysed).toBe(0);
  });

  it('runs in the compiled CLI: `sitrep ingest --workers 2` prints what `--workers 0` prints, and a bad count is a usage error', () => {
    // A process as a new user starts it: the bundled story, a store of its own, nothing from this machine's environment.
    const env = { PATH: process.env.PATH ?? '', HOME: dir, TZ: 'UTC', LOG_LEVEL: 'silent', SITREP_DB: join(dir, 'cli.db'), SITREP_DATA: BRIEFINGS };
    const cli = (...args: string[]) => spawnSync(process.execPath, [DIST_MAIN, 'ingest', '--dry-run', '--now', NOW.toISOString(), ...args], { cwd: dir, encoding: 'utf8', env });
    const files = inputs.filter((i) => !i.endsWith('missing.txt'));
    const one = cli('--workers', '0', ...files);
    const two = cli('--workers', '2', ...files);
    expect(one.stderr).toMatch(/would store \d+ events? \(draft\) for ukraine-ceasefire; \d+ rejected, 0 failed/);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(JSON.parse(two.stdout).length).toBeGreaterThan(2);
    const bad = cli('--workers', 'many', ...files);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^sitrep ingest: --workers must be a whole number from 0 to 16, not "many"\nUsage: sitrep ingest /);
  });
});
