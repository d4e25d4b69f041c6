import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FullBriefing } from '../../src/briefing/full.js';
import { pageLinkKey } from '../../src/page/link-token.js';
import { grantQuery, pageLinker } from '../../src/page/links.js';
import { PAGE_CSS_HASH } from '../../src/page/style.js';
import type { Story } from '../../src/records/schema.js';
import type { SqliteStore } from '../../src/store/sqlite-store.js';
import { createLogger } from '../../src/log.js';
import { runCli } from '../helpers/cli.js';
import { DIST_MAIN } from '../helpers/dist.js';
import { MORNING_AFTER, ROOT, sampleStory, tempStore } from '../helpers/fixtures.js';
import { HOSTILE, hostileRecords, hostileStory, SECRET, startPageServer, WEEK_MS, type PageServer } from './page-fixture.js';

let store: SqliteStore;
let cleanup: () => Promise<void>;
let server: PageServer;
let stories: Map<string, Story>;
/** Databases of the CLI runs. */
let scratch: string;
/** The readers' clock: an hour after the morning briefing. */
let clock = new Date(MORNING_AFTER.getTime() + 3_600_000);

const briefingWindow = { story: { id: 'ukraine-ceasefire' }, window: { from: '2025-05-19T07:00:00.000Z', to: MORNING_AFTER.toISOString() }, generatedAt: MORNING_AFTER.toISOString() };

beforeAll(async () => {
  ({ store, cleanup } = await tempStore());
  await store.upsertStory(hostileStory());
  await store.upsertEvents(hostileRecords());
  stories = new Map([[sampleStory().id, sampleStory()]]);
  server = await startPageServer({ store, stories, clock: () => clock });
  scratch = mkdtempSync(join(tmpdir(), 'sitrep-page-cli-'));
});
afterAll(async () => {
  await server.close();
  await cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

async function get(url: string): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.text(), headers: res.headers };
}

describe('GET /s/<story>', () => {
  it('serves the page for a valid link with a strict CSP, no sniffing, no referrer and no caching', async () => {
    const res = await get(server.links.forBriefing(briefingWindow));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(`default-src 'none'; style-src ${PAGE_CSS_HASH}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`);
    expect(csp).not.toContain('unsafe');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    // The one stylesheet is the one the policy's hash allows.
    const style = /<style>([\s\S]*?)<\/style>/.exec(res.body)?.[1] ?? '';
    expect(`'sha256-${createHash('sha256').update(style).digest('base64')}'`).toBe(PAGE_CSS_HASH);
    expect(res.body.match(/<style/g)?.length).toBe(1);
    expect(res.body).not.toMatch(/<script|\sstyle="|\son[a-z]+=/i);
    // The page is the briefing's window, in full.
    expect(res.body).toContain('Trump and Putin hold a two-hour call');
    expect(res.body).toContain('Zelenskyy proposed a high-level meeting');
    expect(res.body.match(/<svg class="timeline"/g)?.length).toBe(3);
  });

  it('answers the same 404 to a missing, wrong, tampered, reused-for-another-story or expired link', async () => {
    const good = new URL(server.links.forBriefing(briefingWindow));
    const variant = (edit: (q: URLSearchParams) => void, path = good.pathname) => {
      const q = new URLSearchParams(good.search);
      edit(q);
      return `${server.base}${path}?${q.toString()}`;
    };
    const sig = good.searchParams.get('sig') ?? '';
    const refused = [
      `${server.base}${good.pathname}`,
      variant((q) => q.delete('sig')),
      variant((q) => q.delete('exp')),
      variant((q) => q.set('sig', `${sig.slice(0, 20)}${sig[20] === 'x' ? 'y' : 'x'}${sig.slice(21)}`)),
      variant((q) => q.set('since', '2025-05-01T00:00:00Z')),
      variant((q) => q.delete('until')),
      variant((q) => q.set('exp', String(Number(q.get('exp')) + 60))),
      variant((q) => q.append('since', '7d')),
      variant(() => {}, '/s/hostile-story'),
      variant(() => {}, '/s/no-such-story'),
      variant(() => {}, '/s/ukraine-ceasefire.xml'),
      variant(() => {}, '/s/'),
      server.links.forSince('no-such-story', '24h', clock.getTime()),
    ];
    const answers = await Promise.all(refused.map(get));
    for (const [i, a] of answers.entries()) {
      expect({ i, status: a.status }).toEqual({ i, status: 404 });
      expect(a.body).toBe('not found\n');
      expect(a.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
    // Expired: the same link, read once its week is over.
    const saved = clock;
    clock = new Date(MORNING_AFTER.getTime() + WEEK_MS);
    try {
      expect((await get(good.href)).status).toBe(404);
      clock = new Date(MORNING_AFTER.getTime() + WEEK_MS - 1000);
      expect((await get(good.href)).status).toBe(200);
    } finally {
      clock = saved;
    }
  });

  it('refuses every page when no SITREP_SECRET_KEY is configured, and says so once at start-up', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (l: string) => void lines.push(l) } as unknown as NodeJS.WritableStream });
    const off = await startPageServer({ store, stories, clock: () => clock, secretKey: undefined, logger });
    expect(lines.map((l) => (JSON.parse(l) as { level: number; msg: string })).filter((l) => l.msg.startsWith('briefing pages'))).toEqual([
      expect.objectContaining({ level: 40, msg: expect.stringContaining('briefing pages off: SITREP_SECRET_KEY is not set') }),
    ]);
    try {
      const link = server.links.forBriefing(briefingWindow).replace(server.base, off.base);
      const res = await get(link);
      expect(res.status).toBe(404);
      expect(res.body).toBe('not found\n');
    } finally {
      await off.close();
    }
  });

  it('gives the same data as JSON, and relative windows ("24h") read up to the moment of reading', async () => {
    const page = await get(server.links.forBriefing(briefingWindow));
    const jsonHref = /href="([^"]+\.json\?[^"]+)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(jsonHref).toMatch(/^ukraine-ceasefire\.json\?since=/);
    const json = await get(new URL(jsonHref, `${server.base}/s/ukraine-ceasefire`).href);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const data = JSON.parse(json.body) as FullBriefing;
    expect(data.generatedAt).toBe(MORNING_AFTER.toISOString());
    expect(data.window.from).toBe('2025-05-19T07:00:00.000Z');
    for (const ev of data.days.flatMap((d) => d.events)) expect(page.body).toContain(`id="ev-${ev.id}"`);
    for (const q of data.questions) expect(page.body.match(new RegExp(`<li id="q-${q.id}-e-\\d+"`, 'g'))?.length).toBe(q.evidence.length);

    const relative = await get(server.links.forSince('ukraine-ceasefire', '7d', clock.getTime()).replace('/s/ukraine-ceasefire?', '/s/ukraine-ceasefire.json?'));
    expect(relative.status).toBe(200);
    const rel = JSON.parse(relative.body) as FullBriefing;
    expect(rel.generatedAt).toBe(clock.toISOString());
    expect(rel.days.map((d) => d.date)).toEqual(['2025-05-19', '2025-05-16']);
  });

  it('keeps hostile record text inert: escaped, no markup, no script, and links only to http(s)', async () => {
    const links = pageLinker({ baseUrl: server.base, key: pageLinkKey(SECRET), ttlMs: WEEK_MS });
    const res = await get(links.forSince('hostile-story', '7d', clock.getTime()));
    expect(res.status).toBe(200);
    const { document } = parseHTML(res.body);
    expect(document.querySelectorAll('script, img, iframe, object, embed, form, base, link, meta[http-equiv="refresh"]').length).toBe(0);
    for (const el of document.querySelectorAll('*')) for (const attr of el.attributes) expect(attr.name.startsWith('on')).toBe(false);
    const hrefs = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    for (const href of hrefs) expect(href).toMatch(/^(#|https?:\/\/|hostile-story\.json\?)/);
    expect(hrefs).not.toContain('javascript:window.__pwned=4');
    // The quoted URL's payload is percent-encoded into the link, not markup.
    expect(hrefs.some((h) => h.startsWith('https://ok.test/a%22%3E%3Cscript%3E'))).toBe(true);
    // The hostile text is shown as text, exactly.
    expect(document.querySelector('h1')?.textContent).toBe(hostileStory().title);
    expect(document.body.textContent).toContain('<script>window.__pwned=1</script>');
    expect(res.body).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=&quot;');
    expect(HOSTILE).toContain('onerror');
  });
});

describe('sitrep brief --format html', () => {
  it('writes the same self-contained page: inline hashed style, no script, nothing to fetch, same bytes every run', async () => {
    const args = ['brief', '--format', 'html', '--now', MORNING_AFTER.toISOString(), '--db', join(scratch, 'a.db')];
    const a = await runCli(args);
    const b = await runCli([...args.slice(0, -1), join(scratch, 'b.db')]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^<!doctype html>/);
    expect(a.stdout).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${PAGE_CSS_HASH}; base-uri 'none'; form-action 'none'">`);
    expect(a.stdout).not.toMatch(/<script|<link|<img|\ssrc=|url\((?!#)|@import/i);
    // Same page as served (served pages add only the JSON link in the footer).
    const served = await get(server.links.forBriefing(briefingWindow));
    expect(served.body.replace(/ The same data as <a[^>]*>JSON<\/a>\./, '')).toBe(a.stdout);
  });

  it('says --question does not apply to the page', async () => {
    const r = await runCli(['brief', '--format', 'html', '--question', 'territory', '--db', join(scratch, 'q.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--question does not apply to --format html');
  });
});

describe('sitrep serve', () => {
  it('refuses to start without SITREP_SECRET_KEY, saying why', async () => {
    const r = await runCli(['serve', '--db', join(scratch, 's.db')], { env: { PORT: '0' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SITREP_SECRET_KEY is not set');
  });

  it('sitrep page-link prints a signed link that opens, and needs the key', async () => {
    const env = { SITREP_SECRET_KEY: SECRET, PUBLIC_URL: server.base };
    const briefingLink = await runCli(['page-link', '--since', '2025-05-19T07:00:00Z', '--until', MORNING_AFTER.toISOString(), '--db', join(scratch, 'l.db')], { env, now: clock });
    expect(briefingLink.code).toBe(0);
    expect(briefingLink.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/ukraine-ceasefire\?since=2025-05-19T07%3A00%3A00Z&until=2025-05-20T07%3A00%3A00Z&exp=\d+&sig=[\w-]{43}\n$/);
    expect((await get(briefingLink.stdout.trim())).status).toBe(200);
    const relative = await runCli(['page-link', '--since', '7d', '--db', join(scratch, 'l.db')], { env, now: clock });
    expect((await get(relative.stdout.trim())).status).toBe(200);
    const bad = await runCli(['page-link', '--since', 'yesterday', '--db', join(scratch, 'l.db')], { env });
    expect(bad.code).toBe(2);
    const noKey = await runCli(['page-link', '--db', join(scratch, 'l.db')]);
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain('SITREP_SECRET_KEY is not set');
  });

  it('serves signed pages on its own (a real process), and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--enable-source-maps', DIST_MAIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--db', join(scratch, 'serve.db')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', SITREP_SECRET_KEY: SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no port in: ${out}`)), 15_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /on port (\d+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
        });
      });
      const base = `http://127.0.0.1:${port}`;
      const key = pageLinkKey(SECRET);
      const exp = Math.floor(Date.now() / 1000) + 600;
      const ok = await get(`${base}/s/ukraine-ceasefire${grantQuery(key, { story: 'ukraine-ceasefire', since: '7d', exp })}`);
      expect(ok.status).toBe(200);
      expect(ok.body).toContain('<h1>Russia–Ukraine ceasefire talks</h1>');
      expect((await get(`${base}/s/ukraine-ceasefire?since=7d`)).status).toBe(404);
      expect((await get(`${base}/healthz`)).status).toBe(200);
      const code = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
      child.kill('SIGTERM');
      expect(await code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
