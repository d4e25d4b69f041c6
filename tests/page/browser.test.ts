import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../src/records/schema.js';
import type { SqliteStore } from '../../src/store/sqlite-store.js';
import { launchChromium } from '../../scripts/headless-chromium.js';
import { MORNING_AFTER, sampleStory, tempStore } from '../helpers/fixtures.js';
import { hostileRecords, hostileStory, startPageServer, type PageServer } from './page-fixture.js';

/**
 * The briefing page in a real headless Chromium (Debian's, driven by playwright-core): one browser for the file.
 * Pages come from the real route, so its headers (the CSP above all) apply: a blocked style or script shows up
 * as a console error, and any console error fails the test.
 */
// The page's globals, for the functions that run inside Chromium: the project compiles without the DOM library,
// so that src/ can never lean on browser globals; these module-local declarations type only what the tests touch.
interface PageElement {
  tagName: string;
  className: string;
  textContent: string | null;
  parentElement: PageElement | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): PageElements;
  getBoundingClientRect(): { width: number };
  closest(selector: string): PageElement | null;
}
type PageElements = Iterable<PageElement> & { length: number };
declare const document: {
  documentElement: { scrollWidth: number; clientWidth: number };
  body: PageElement;
  activeElement: PageElement | null;
  getElementById(id: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): PageElements;
};
declare const window: { axe?: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact?: string | null; nodes: unknown[] }> }> }; __pwned?: number };
declare const location: { hash: string; href: string };
declare function matchMedia(query: string): { matches: boolean };

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let store: SqliteStore;
let cleanupStore: () => Promise<void>;
let server: PageServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let shots: string;
const clock = new Date(MORNING_AFTER.getTime() + 3_600_000);

beforeAll(async () => {
  ({ store, cleanup: cleanupStore } = await tempStore());
  await store.upsertStory(hostileStory());
  await store.upsertEvents(hostileRecords());
  const stories = new Map<string, Story>([[sampleStory().id, sampleStory()]]);
  server = await startPageServer({ store, stories, clock: () => clock });
  browser = await launchChromium();
  shots = mkdtempSync(join(tmpdir(), 'sitrep-page-shots-'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await cleanupStore?.();
  if (shots) rmSync(shots, { recursive: true, force: true });
});

interface Visit {
  page: Page;
  errors: string[];
  requests: string[];
  dialogs: string[];
}

/** Open `url` in a fresh tab at `width`, recording console errors, page errors, requests and dialogs. */
async function visit(url: string, width: number, scheme: 'light' | 'dark'): Promise<Visit> {
  const page = await browser.context.newPage();
  const v: Visit = { page, errors: [], requests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') v.errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (err) => v.errors.push(`pageerror: ${err.message}`));
  page.on('request', (r) => v.requests.push(r.url()));
  page.on('dialog', (d) => {
    v.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.setViewportSize({ width, height: 900 });
  await page.emulateMedia({ colorScheme: scheme });
  const res = await page.goto(url, { waitUntil: 'load' });
  expect(res?.status()).toBe(200);
  return v;
}

const briefingLink = () =>
  server.links.forBriefing({ story: { id: 'ukraine-ceasefire' }, window: { from: '2025-05-19T07:00:00.000Z', to: MORNING_AFTER.toISOString() }, generatedAt: MORNING_AFTER.toISOString() });

describe('the briefing page in Chromium', () => {
  for (const width of [375, 1280])
    for (const scheme of ['light', 'dark'] as const)
      it(`reads at ${width} px in ${scheme} mode: no overflow, no console error, charts with text alternatives, no serious axe violation`, async () => {
        const v = await visit(briefingLink(), width, scheme);
        try {
          const { page } = v;
          expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
          const layout = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
          expect(layout.scroll).toBeLessThanOrEqual(layout.view);

          const charts = await page.evaluate(() =>
            [...document.querySelectorAll('svg.timeline')].map((svg) => {
              const described = document.getElementById(svg.getAttribute('aria-describedby') ?? '');
              const rect = svg.getBoundingClientRect();
              return {
                label: svg.getAttribute('aria-label') ?? '',
                description: described?.textContent ?? '',
                captionInFigure: described?.tagName === 'FIGCAPTION' && described.parentElement === svg.parentElement,
                width: rect.width,
                marks: [...svg.querySelectorAll('a')].map((a) => ({ title: a.querySelector('title')?.textContent ?? '', target: a.getAttribute('href') ?? '' })),
              };
            }),
          );
          expect(charts.length).toBe(3);
          for (const c of charts) {
            expect(c.label).toMatch(/: status over time$/);
            expect(c.description).toMatch(/pieces? of evidence|No evidence/);
            expect(c.captionInFigure).toBe(true);
            expect(c.width).toBeGreaterThan(width / 2);
            expect(c.marks.length).toBeGreaterThan(0);
            for (const m of c.marks) {
              expect(m.title).toMatch(/^\d+\. .+ · (Open|Moved|Resolved|Contested): .+\(.+\)$/);
              expect(await page.locator(m.target.replace(/^#/, '[id="') + '"]').count()).toBe(1);
            }
          }

          await page.evaluate(axeSource);
          const results = await page.evaluate(async () => {
            const r = await window.axe?.run(document, { resultTypes: ['violations'] });
            if (!r) throw new Error('axe-core did not load');
            return r.violations.map((x) => ({ id: x.id, impact: x.impact ?? null, nodes: x.nodes.length }));
          });
          expect(results.filter((r) => r.impact === 'serious' || r.impact === 'critical')).toEqual([]);

          // The whole page in light mode; the first screen in dark (a full-page capture costs about a second).
          const file = join(shots, `briefing-${width}-${scheme}.png`);
          await page.screenshot({ path: file, fullPage: scheme === 'light' });
          expect(existsSync(file) && statSync(file).size).toBeGreaterThan(10_000);
          // Nothing but the page itself was fetched, and nothing was logged (a CSP violation is a console error).
          expect(v.requests.filter((u) => !u.startsWith(server.base))).toEqual([]);
          expect(v.errors).toEqual([]);
        } finally {
          await v.page.close();
        }
      });

  it('lets a keyboard reach each evidence mark and follow it to its line in the list', async () => {
    const v = await visit(briefingLink(), 1280, 'light');
    try {
      const { page } = v;
      const mark = page.locator('#q-ukraine-response svg.timeline a').first();
      await mark.focus();
      expect(await page.evaluate(() => document.activeElement?.closest('svg.timeline') !== null && document.activeElement?.tagName.toLowerCase() === 'a')).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#q-ukraine-response-e-1');
      expect(await page.evaluate(() => document.querySelector(':target')?.textContent ?? '')).toContain('Zelenskyy');
      expect(v.errors).toEqual([]);
    } finally {
      await v.page.close();
    }
  });

  it('keeps hostile record text inert: nothing runs, loads or links outside http(s)', async () => {
    const v = await visit(server.links.forSince('hostile-story', '7d', clock.getTime()), 375, 'light');
    try {
      const { page } = v;
      const state = await page.evaluate(() => ({
        pwned: window.__pwned ?? null,
        scripts: document.querySelectorAll('script').length,
        images: document.querySelectorAll('img').length,
        hrefs: [...document.querySelectorAll('a')].map((a) => new URL(a.getAttribute('href') ?? '', location.href).href),
        title: document.querySelector('h1')?.textContent ?? '',
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      }));
      expect(state.pwned).toBeNull();
      expect(state.scripts).toBe(0);
      expect(state.images).toBe(0);
      for (const href of state.hrefs) expect(href).toMatch(/^https?:\/\//);
      expect(state.title).toContain('<script>window.__pwned=1</script>');
      expect(state.overflow).toBeLessThanOrEqual(0);
      expect(v.dialogs).toEqual([]);
      expect(v.requests.filter((u) => !u.startsWith(server.base))).toEqual([]);
      expect(v.errors).toEqual([]);
    } finally {
      await v.page.close();
    }
  });
});
