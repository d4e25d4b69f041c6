/**
 * Child process for the memory case. `load <db>`: load 100k events into a fresh SQLite store (5,000-record chunks,
 * as an import does) and build 100 briefings in the same process. `serve <db>`: open that store as a restarted bot
 * would and build 100 briefings. Prints RSS after a forced GC (run with --expose-gc).
 */
// Everything a `sitrep` process loads at start (the CLI and its commands), so the figure is a bot's, not a bare engine's.
import '../src/cli/commands/index.js';
import { briefingFromStore } from '../src/briefing/service.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { benchStory, SYNTH_NOW, syntheticRecords } from './synthetic.js';

const EVENTS = 100_000;
const BRIEFINGS = 100;
const gc = (globalThis as { gc?: () => void }).gc;
const [mode, file] = process.argv.slice(2);
if ((mode !== 'load' && mode !== 'serve') || !file) throw new Error('usage: memory-child.ts load|serve <db>');

const baselineRss = process.memoryUsage().rss;
const store = openSqliteStore(file);
try {
  const story = benchStory();
  if (mode === 'load') {
    await store.upsertStory(story);
    for (let off = 0; off < EVENTS; off += 5_000) store.upsertEventsSync(syntheticRecords(story, 5_000, { total: EVENTS, offset: off }));
  }
  const hour = 3_600_000;
  for (let i = 0; i < BRIEFINGS; i++) {
    // Different windows, so the briefings read different pages.
    await briefingFromStore(store, { story, now: new Date(SYNTH_NOW.getTime() - i * 7 * hour) });
  }
  gc?.();
  const mem = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({
      mode,
      events: await store.countEvents(story.id),
      briefings: BRIEFINGS,
      rssMB: mem.rss / 1e6,
      heapUsedMB: mem.heapUsed / 1e6,
      baselineRssMB: baselineRss / 1e6,
      peakRssMB: process.resourceUsage().maxRSS / 1e3,
      gcExposed: gc !== undefined,
    })}\n`,
  );
} finally {
  await store.close();
}
