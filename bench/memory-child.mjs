// Child process of the memory case, run with plain node and the bot's flags on the compiled code (dist/), as a bot
// runs: no tsx. `load <db> <records.jsonl> <story.json> <now>`: load the records into a fresh SQLite store (5,000 a
// transaction, as `sitrep import` does) and build 100 briefings in the same process. `serve <db> … <now>`: open that
// store as a restarted bot would and build 100 briefings. Prints RSS after a forced GC (run with --expose-gc).
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { briefingFromStore } from '../dist/src/briefing/service.js';
import { openSqliteStore } from '../dist/src/store/sqlite-store.js';

const BRIEFINGS = 100;
const gc = globalThis.gc;
const [mode, file, jsonl, storyFile, now] = process.argv.slice(2);
if ((mode !== 'load' && mode !== 'serve') || !file || !jsonl || !storyFile || !now) throw new Error('usage: memory-child.mjs load|serve <db> <records.jsonl> <story.json> <now>');

const baselineRss = process.memoryUsage().rss;
const store = openSqliteStore(file);
try {
  const story = JSON.parse(readFileSync(storyFile, 'utf8'));
  if (mode === 'load') {
    await store.upsertStory(story);
    let chunk = [];
    for await (const line of createInterface({ input: createReadStream(jsonl) })) {
      if (line.trim() === '') continue;
      chunk.push(JSON.parse(line));
      if (chunk.length === 5_000) {
        store.upsertEventsSync(chunk);
        chunk = [];
      }
    }
    if (chunk.length > 0) store.upsertEventsSync(chunk);
  }
  const hour = 3_600_000;
  for (let i = 0; i < BRIEFINGS; i++) {
    // Different windows, so the briefings read different pages.
    await briefingFromStore(store, { story, now: new Date(Date.parse(now) - i * 7 * hour) });
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
