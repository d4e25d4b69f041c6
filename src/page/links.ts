import type { Config } from '../config.js';
import { pageLinkKey, signGrant, type PageGrant } from './link-token.js';

/** Path of a story's page (`.json` for its data). */
export function pagePath(story: string, format: 'html' | 'json' = 'html'): string {
  return `/s/${encodeURIComponent(story)}${format === 'json' ? '.json' : ''}`;
}

/** The query string of a signed grant (`?since=…&until=…&exp=…&sig=…`). */
export function grantQuery(key: Buffer, grant: PageGrant): string {
  const q = new URLSearchParams({ since: grant.since });
  if (grant.until !== undefined) q.set('until', grant.until);
  q.set('exp', String(grant.exp));
  q.set('sig', signGrant(key, grant));
  return `?${q.toString()}`;
}

/** Signed links to briefing pages under one public base URL. */
export interface PageLinker {
  /**
   * The page for a briefing's window (its story, `from` to `to`), valid for the configured lifetime from when the
   * briefing was made: the same briefing always gets the same link. `question` adds a fragment for its section.
   */
  forBriefing(b: { story: { id: string }; window: { from: string; to: string }; generatedAt: string }, question?: string): string;
  /** A link to a window relative to reading time (`since` = `24h`, `7d` or an ISO date), valid from `nowMs`. */
  forSince(story: string, since: string, nowMs: number): string;
}

/** ISO instants without zero milliseconds: shorter links, same instant. */
function compactIso(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString().replace('.000Z', 'Z');
}

export function pageLinker(opts: { baseUrl: string; key: Buffer; ttlMs: number }): PageLinker {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const expFrom = (ms: number) => Math.floor((ms + opts.ttlMs) / 1000);
  const link = (grant: PageGrant, fragment?: string) =>
    `${base}${pagePath(grant.story)}${grantQuery(opts.key, grant)}${fragment !== undefined ? `#${encodeURIComponent(fragment)}` : ''}`;
  return {
    forBriefing(b, question) {
      const grant: PageGrant = { story: b.story.id, since: compactIso(b.window.from), until: compactIso(b.window.to), exp: expFrom(Date.parse(b.generatedAt)) };
      return link(grant, question !== undefined ? `q-${question}` : undefined);
    },
    forSince(story, since, nowMs) {
      return link({ story, since, exp: expFrom(nowMs) });
    },
  };
}

/** Links for posts: only when both PUBLIC_URL and SITREP_SECRET_KEY are set (config makes the first need the second). */
export function pageLinkerFromConfig(config: Pick<Config, 'publicUrl' | 'secretKey' | 'pageTtlMs'>): PageLinker | undefined {
  if (config.publicUrl === undefined || config.secretKey === undefined) return undefined;
  return pageLinker({ baseUrl: config.publicUrl, key: pageLinkKey(config.secretKey), ttlMs: config.pageTtlMs });
}
