/**
 * `npm run screenshot`: the bundled story's briefing page at 1280 px, served by the real route to the same headless
 * Chromium set-up the tests use, saved as docs/briefing-page.png for the README. The clock is the bundled story's
 * morning after (2025-05-20 07:00 UTC), so the picture is the same on every machine with the same fonts.
 * The shot is one 1280 × 1000 screen of the page opened at its "Open questions" section (as the nav link does): the
 * legend and the first question's timeline and evidence. The whole page is about four such screens; a full-page PNG
 * would weigh 700 KB.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpRouter } from '../src/http/router.js';
import { silentLogger } from '../src/log.js';
import { pageLinkKey } from '../src/page/link-token.js';
import { pageLinker } from '../src/page/links.js';
import { registerPageRoutes } from '../src/page/routes.js';
import { syncStories } from '../src/records/load.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { launchChromium } from './headless-chromium.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'docs', 'briefing-page.png');
const NOW = new Date('2025-05-20T07:00:00Z');

const dir = mkdtempSync(join(tmpdir(), 'sitrep-screenshot-'));
const store = openSqliteStore(join(dir, 'sitrep.db'));
const http = new HttpRouter();
const browser = await launchChromium();
try {
  await syncStories(store, join(ROOT, 'briefings'));
  const story = await store.getStory('ukraine-ceasefire');
  if (!story) throw new Error('the bundled story did not load');
  // A throwaway key: the link only has to open this once.
  const secretKey = `screenshot-${Math.random().toString(36).slice(2)}-${'k'.repeat(32)}`;
  registerPageRoutes(http, { store, stories: new Map([[story.id, story]]), secretKey, clock: () => NOW, logger: silentLogger() });
  const port = await http.listen(0, '127.0.0.1');
  const links = pageLinker({ baseUrl: `http://127.0.0.1:${port}`, key: pageLinkKey(secretKey), ttlMs: 86_400_000 });
  const url = links.forBriefing({ story: { id: story.id }, window: { from: '2025-05-19T07:00:00Z', to: NOW.toISOString() }, generatedAt: new Date().toISOString() });

  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.emulateMedia({ colorScheme: 'light' });
  const res = await page.goto(url.replace(/#.*$/, '') + '#questions', { waitUntil: 'load' });
  if (res?.status() !== 200) throw new Error(`the page answered ${res?.status()}`);
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  await page.screenshot({ path: OUT });
  process.stdout.write(`wrote ${OUT} (${Math.round(statSync(OUT).size / 1024)} KB)\n`);
} finally {
  await browser.close();
  await http.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
