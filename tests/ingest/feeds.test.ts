import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingIo } from '../helpers/cli.js';
import { command as ingestCommand } from '../../src/cli/commands/ingest.js';
import { backoffMs, parseFeed } from '../../src/ingest/feeds.js';
import { ingestInputs, pollFeeds } from '../../src/ingest/pipeline.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { SEEDS } from '../helpers/fixtures.js';
import { ceasefireStory } from './story.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

let server: Server;
let base = '';
const hits: Record<string, number> = {};

function rss(items: Array<{ guid: string; title: string; link: string; description: string; pubDate: string }>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Local Wire</title><link>${base}/</link><description>Test feed</description>
${items.map((i) => `<item><guid>${i.guid}</guid><title>${esc(i.title)}</title><link>${i.link}</link><pubDate>${i.pubDate}</pubDate><description>${esc(i.description)}</description></item>`).join('\n')}
</channel></rss>`;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits[path] = (hits[path] ?? 0) + 1;
    const items = [
      { guid: 'seed-1', title: 'Trump and Putin hold two-hour call', link: `${base}/articles/seed-1`, description: 'Short teaser.', pubDate: 'Mon, 19 May 2025 20:00:00 GMT' },
      { guid: 'istanbul', title: 'Russia and Ukraine hold first direct talks in Istanbul', link: `${base}/articles/istanbul`, description: 'Teaser.', pubDate: 'Fri, 16 May 2025 18:00:00 GMT' },
      { guid: 'rates', title: 'Central bank cuts key rate', link: `${base}/articles/rates`, description: 'Teaser.', pubDate: 'Wed, 18 Jun 2025 09:00:00 GMT' },
    ];
    if (path === '/feed.xml') {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Mon, 19 May 2025 21:00:00 GMT' }).end(rss(items));
    } else if (path === '/plain.xml') {
      // No validators: the second poll downloads the same items, which the seen-items table skips.
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(items.slice(0, 1)));
    } else if (path === '/broken.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><item><title>unclosed');
    } else if (path === '/notxml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('this is not a feed at all');
    } else if (path === '/fail.xml') {
      res.writeHead(500).end('boom');
    } else if (path === '/slow') {
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('late'), 3000);
    } else if (path === '/articles/seed-1') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(readFileSync(join(SEEDS, '000_73e9b54b8ea29b65.txt')));
    } else if (path === '/articles/istanbul') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(fixture('istanbul-talks.txt'));
    } else if (path === '/articles/rates') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(fixture('central-bank.txt'));
    } else if (path === '/page.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fixture('chrome-heavy.html'));
    } else {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('feed parsing', () => {
  it('reads RSS 2.0 and Atom, and reports malformed XML', () => {
    const atom = parseFeed(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
      <entry><id>tag:x,2025:1</id><title>T</title><link rel="alternate" href="https://example.test/1"/><published>2025-05-19T20:00:00Z</published><summary>S</summary></entry></feed>`);
    expect(atom).toEqual({ ok: true, feed: { title: 'A', items: [{ id: 'tag:x,2025:1', title: 'T', link: 'https://example.test/1', publishedAt: '2025-05-19T20:00:00Z', summary: 'S' }] } });
    expect(parseFeed('<rss><channel><item>').ok).toBe(false);
    expect(parseFeed('<html><body>hi</body></html>')).toEqual({ ok: false, error: 'XML is not an RSS or Atom feed' });
  });
  it('backs off exponentially, capped', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(backoffMs(30)).toBe(6 * 3_600_000);
  });
});

describe('polling feeds', () => {
  it('ingests fresh items once (304 on the next poll), backs off a 500 and reports a malformed feed without stopping', async () => {
    const store = openSqliteStore(':memory:');
    try {
      const story = ceasefireStory({
        sources: [
          { name: 'Broken Feed', url: `${base}/broken.xml`, every: 15 },
          { name: 'Failing Feed', url: `${base}/fail.xml`, every: 15 },
          { name: 'Local Wire', url: `${base}/feed.xml`, every: 15 },
        ],
      });
      await store.upsertStory(story);
      const t0 = new Date('2025-05-20T07:00:00Z');
      const first = await pollFeeds({ store, stories: [story], now: t0 });
      const byUrl = (reports: typeof first, p: string) => reports.find((r) => r.url.endsWith(p));
      expect(byUrl(first, '/broken.xml')).toMatchObject({ status: 'error', ingested: 0 });
      expect(byUrl(first, '/broken.xml')?.error).toMatch(/malformed feed/);
      expect(byUrl(first, '/fail.xml')).toMatchObject({ status: 'error', nextPollAt: new Date(t0.getTime() + 60_000).toISOString() });
      expect(byUrl(first, '/feed.xml')).toMatchObject({ status: 'ok', items: 3, fresh: 3, ingested: 2, rejected: 1 });
      expect((await store.getFeedState(`${base}/fail.xml`))?.failures).toBe(1);
      const drafts = await store.listEvents({ story: story.id, status: 'draft' });
      expect(drafts).toHaveLength(2);
      expect(drafts.map((d) => d.sources[0]?.name)).toEqual(['Local Wire', 'Local Wire']);
      expect(JSON.stringify(drafts)).not.toContain('Read next');

      // The failing feed is not retried before its backoff ends.
      const early = await pollFeeds({ store, stories: [story], now: new Date(t0.getTime() + 30_000) });
      expect(byUrl(early, '/fail.xml')?.status).toBe('skipped');
      const failHits = hits['/fail.xml'];

      const t1 = new Date(t0.getTime() + 16 * 60_000);
      const second = await pollFeeds({ store, stories: [story], now: t1 });
      expect(byUrl(second, '/feed.xml')).toMatchObject({ status: 'not-modified', ingested: 0 });
      expect(byUrl(second, '/fail.xml')).toMatchObject({ status: 'error', nextPollAt: new Date(t1.getTime() + 120_000).toISOString() });
      expect(hits['/fail.xml']).toBe((failHits ?? 0) + 1);
      expect((await store.getFeedState(`${base}/fail.xml`))?.failures).toBe(2);
      expect(await store.listEvents({ story: story.id, status: 'draft' })).toHaveLength(2);
    } finally {
      await store.close();
    }
  });

  it('skips items already seen when the server sends no validators', async () => {
    const store = openSqliteStore(':memory:');
    try {
      const story = ceasefireStory({ sources: [{ name: 'Plain', url: `${base}/plain.xml`, every: 1 }], autoPublish: true });
      await store.upsertStory(story);
      const first = await pollFeeds({ store, stories: [story], now: new Date('2025-05-20T07:00:00Z') });
      expect(first[0]).toMatchObject({ status: 'ok', fresh: 1, ingested: 1 });
      const second = await pollFeeds({ store, stories: [story], now: new Date('2025-05-20T07:05:00Z') });
      expect(second[0]).toMatchObject({ status: 'ok', items: 1, fresh: 0, ingested: 0 });
      expect(await store.listEvents({ story: story.id })).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});

describe('bad inputs', () => {
  it('reports each bad input clearly and still processes the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
    try {
      writeFileSync(join(dir, 'empty.txt'), '');
      writeFileSync(join(dir, 'blank.txt'), '  \n\n ');
      writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
      const inputs = [
        join(dir, 'empty.txt'),
        join(dir, 'blank.txt'),
        join(dir, 'image.png'),
        join(dir, 'missing.txt'),
        `${base}/nope`,
        `${base}/slow`,
        `${base}/notxml`,
        `${base}/page.html`,
        join(SEEDS, '003_f016421eb0b28ed3.txt'),
      ];
      const run = await ingestInputs(inputs, { story: ceasefireStory(), now: new Date('2025-05-21T00:00:00Z'), published: '2025-05-19T20:00:00Z', dryRun: true, timeoutMs: 300 });
      const codes = run.results.map((r) => (r.ok ? 'ok' : r.rejected ? 'rejected' : r.code));
      expect(codes).toEqual(['EMPTY', 'EMPTY', 'BINARY', 'NOT_FOUND', 'HTTP_STATUS', 'TIMEOUT', 'BAD_FEED', 'ok', 'ok']);
      const notFound = run.results[4];
      expect(notFound && !notFound.ok && !notFound.rejected ? notFound.error : '').toBe('HTTP 404');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sitrep ingest exits 1 when an input fails and prints rejections in the JSON array', async () => {
    const io = recordingIo({ SITREP_DB: ':memory:', SITREP_DATA: join(import.meta.dirname, '..', '..', 'briefings'), LOG_LEVEL: 'silent' }, () => new Date('2025-05-21T00:00:00Z'));
    const code = await ingestCommand.run(['--dry-run', '--published', '2025-05-19T20:00:00Z', join(FIXTURES, 'central-bank.txt'), `${base}/nope`, join(SEEDS, '000_73e9b54b8ea29b65.txt')], io);
    const out = io.out.join('');
    const err = io.err.join('');
    expect(code).toBe(1);
    const printed = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(printed).toHaveLength(2);
    expect(printed[1]).toMatchObject({ input: join(FIXTURES, 'central-bank.txt'), rejected: true });
    expect(typeof printed[1]?.reason).toBe('string');
    expect(typeof printed[1]?.score).toBe('number');
    expect(err).toContain('HTTP 404 [HTTP_STATUS]');
  });
});
