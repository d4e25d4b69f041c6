import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { deriveKey, SLACK_INSTALLATION_TOKENS_INFO } from '../../src/secrets/token-box.js';
import { checkGrant, PAGE_LINK_INFO, pageLinkKey, signGrant, type PageGrant } from '../../src/page/link-token.js';
import { pageLinker, pageLinkerFromConfig } from '../../src/page/links.js';
import { SECRET, WEEK_MS } from './page-fixture.js';

const NOW = Date.parse('2025-05-20T07:00:00Z');
const grant: PageGrant = { story: 'ukraine-ceasefire', since: '2025-05-19T07:00:00Z', until: '2025-05-20T07:00:00Z', exp: NOW / 1000 + 3600 };

describe('page link tokens', () => {
  const key = pageLinkKey(SECRET);

  it('derive a 32-byte key per purpose with HKDF-SHA256: another info label or secret gives another key', () => {
    expect(key.length).toBe(32);
    expect(deriveKey(SECRET, PAGE_LINK_INFO).equals(key)).toBe(true);
    expect(deriveKey(SECRET, SLACK_INSTALLATION_TOKENS_INFO).equals(key)).toBe(false);
    expect(pageLinkKey(`${SECRET}x`).equals(key)).toBe(false);
  });

  it('accept the signature of the grant, until it expires', () => {
    const sig = signGrant(key, grant);
    expect(sig).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(checkGrant(key, grant, sig, NOW)).toEqual({ ok: true });
    expect(checkGrant(key, grant, sig, grant.exp * 1000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse a changed story, window or expiry, another key, and malformed signatures', () => {
    const sig = signGrant(key, grant);
    const bad = (g: PageGrant, s = sig, k = key) => checkGrant(k, g, s, NOW);
    expect(bad({ ...grant, story: 'other-story' })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(bad({ ...grant, since: '2025-05-01T07:00:00Z' })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(bad({ story: grant.story, since: grant.since, exp: grant.exp })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(bad({ ...grant, exp: grant.exp + 86_400 })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(bad(grant, sig, pageLinkKey('another-secret-of-at-least-32-characters'))).toEqual({ ok: false, reason: 'bad-signature' });
    const flipped = `${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    expect(bad(grant, flipped)).toEqual({ ok: false, reason: 'bad-signature' });
    for (const s of ['', 'abc', `${sig}=`, `${sig.slice(0, 42)}+`, `${sig}A`]) expect(bad(grant, s)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('sign links deterministically per briefing, binding its story and window', () => {
    const links = pageLinker({ baseUrl: 'https://sitrep.example/', key, ttlMs: WEEK_MS });
    const b = { story: { id: 'ukraine-ceasefire' }, window: { from: '2025-05-19T07:00:00.000Z', to: '2025-05-20T07:00:00.000Z' }, generatedAt: '2025-05-20T07:00:00.000Z' };
    const url = new URL(links.forBriefing(b, 'territory'));
    expect(links.forBriefing(b, 'territory')).toBe(url.href);
    expect(url.origin + url.pathname).toBe('https://sitrep.example/s/ukraine-ceasefire');
    expect(url.hash).toBe('#q-territory');
    const q = url.searchParams;
    expect([q.get('since'), q.get('until'), q.get('exp')]).toEqual(['2025-05-19T07:00:00Z', '2025-05-20T07:00:00Z', String((NOW + WEEK_MS) / 1000)]);
    const g: PageGrant = { story: 'ukraine-ceasefire', since: q.get('since') ?? '', until: q.get('until') ?? '', exp: Number(q.get('exp')) };
    expect(checkGrant(key, g, q.get('sig') ?? '', NOW + WEEK_MS - 1000)).toEqual({ ok: true });
    expect(checkGrant(key, g, q.get('sig') ?? '', NOW + WEEK_MS)).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('page configuration', () => {
  it('needs a SITREP_SECRET_KEY of at least 32 characters, and never echoes it', () => {
    const short = loadConfig({ SITREP_SECRET_KEY: 'too-short-secret' });
    expect(short.ok).toBe(false);
    if (!short.ok) {
      expect(short.errors.join('\n')).toContain('SITREP_SECRET_KEY: must be at least 32 characters');
      expect(short.errors.join('\n')).not.toContain('too-short-secret');
    }
    const ok = loadConfig({ SITREP_SECRET_KEY: SECRET });
    expect(ok.ok && ok.config.secretKey).toBe(SECRET);
    expect(ok.ok && ok.config.secrets).toContain(SECRET);
  });

  it('refuses PUBLIC_URL without the key, or a URL that is not http(s), listing both at once', () => {
    const r = loadConfig({ PUBLIC_URL: 'https://sitrep.example', SITREP_PAGE_TTL: 'forever' });
    expect(!r.ok && r.errors.some((e) => e.startsWith('SITREP_PAGE_TTL'))).toBe(true);
    expect(!r.ok && r.errors).toContain('SITREP_SECRET_KEY: is required when PUBLIC_URL is set (links to briefing pages are signed with it)');
    const js = loadConfig({ PUBLIC_URL: 'javascript:alert(1)', SITREP_SECRET_KEY: SECRET });
    expect(!js.ok && js.errors.join()).toContain('PUBLIC_URL');
  });

  it('links posts only when PUBLIC_URL and the key are both set; links live 7 days unless SITREP_PAGE_TTL says otherwise', () => {
    const none = loadConfig({ SITREP_SECRET_KEY: SECRET });
    expect(none.ok && pageLinkerFromConfig(none.config)).toBeUndefined();
    expect(none.ok && none.config.pageTtlMs).toBe(WEEK_MS);
    const both = loadConfig({ SITREP_SECRET_KEY: SECRET, PUBLIC_URL: 'https://sitrep.example/news/', SITREP_PAGE_TTL: '1d' });
    expect(both.ok).toBe(true);
    if (!both.ok) return;
    expect(both.config.publicUrl).toBe('https://sitrep.example/news');
    const url = pageLinkerFromConfig(both.config)?.forSince('ukraine-ceasefire', '24h', NOW) ?? '';
    expect(url).toMatch(/^https:\/\/sitrep\.example\/news\/s\/ukraine-ceasefire\?since=24h&exp=\d+&sig=[\w-]{43}$/);
    expect(new URL(url).searchParams.get('exp')).toBe(String((NOW + 86_400_000) / 1000));
  });
});
