import type { IncomingMessage, ServerResponse } from 'node:http';
import { fullBriefingFromStore } from '../briefing/full-service.js';
import type { HttpRouter } from '../http/router.js';
import type { Logger } from '../log.js';
import type { Story } from '../records/schema.js';
import type { Store } from '../store/store.js';
import { parseIsoInstant, parseSince } from '../time/duration.js';
import { renderPage } from './html.js';
import { checkGrant, pageLinkKey, type PageGrant } from './link-token.js';
import { grantQuery } from './links.js';
import { pageCsp } from './style.js';

export interface PageRouteDeps {
  store: Store;
  /** Stories by id (those loaded at start); unknown ids are looked up in the store. */
  stories: ReadonlyMap<string, Story>;
  /** SITREP_SECRET_KEY; without it every page is a 404 (there is no way to tell a reader's link from a guess). */
  secretKey?: string | undefined;
  clock: () => Date;
  logger: Logger;
}

const PATH = /^\/s\/([a-z0-9]+(?:-[a-z0-9]+)*)(\.json)?$/;

/** Headers of every answer under /s/, pages and 404s alike. */
function secure(res: ServerResponse): void {
  res.setHeader('content-security-policy', pageCsp());
  res.setHeader('x-content-type-options', 'nosniff');
  // The link's token must never leave in a Referer header when a reader follows a source link.
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('cache-control', 'private, no-store');
}

/** One answer for every refusal (unknown story, no key, missing, wrong or expired token): nothing to tell them apart. */
function notFound(res: ServerResponse): void {
  secure(res);
  res.statusCode = 404;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.end('not found\n');
}

/** A query parameter given at most once; `null` when absent, undefined when repeated (ambiguous: refused). */
function single(q: URLSearchParams, name: string): string | null | undefined {
  const all = q.getAll(name);
  if (all.length > 1) return undefined;
  return all[0] ?? null;
}

/**
 * Mount `GET /s/<story>` (the briefing page) and `GET /s/<story>.json` (its data) on the shared server. A request
 * needs a link signed for that story and window (`since`, optional `until`) and unexpired (`exp`, `sig`); anything
 * else is the same 404. `enabled` is false without SITREP_SECRET_KEY: then every page is a 404. Either way one log
 * line at start-up says which.
 */
export function registerPageRoutes(http: HttpRouter, deps: PageRouteDeps): { enabled: boolean } {
  const key = deps.secretKey !== undefined ? pageLinkKey(deps.secretKey) : undefined;
  if (key) deps.logger.info('briefing pages at GET /s/<story> (signed links only)');
  else deps.logger.warn('briefing pages off: SITREP_SECRET_KEY is not set, so GET /s/<story> answers 404 and posts carry no page link (see README "The briefing page")');
  http.routePrefix('GET', '/s/', async (req, res) => {
    if (!key) return notFound(res);
    await answer(req, res, key, deps);
  });
  return { enabled: key !== undefined };
}

async function answer(req: IncomingMessage, res: ServerResponse, key: Buffer, deps: PageRouteDeps): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://page.invalid');
  const m = PATH.exec(url.pathname);
  if (!m) return notFound(res);
  const storyId = m[1] as string;
  const json = m[2] !== undefined;
  const since = single(url.searchParams, 'since');
  const until = single(url.searchParams, 'until');
  const exp = single(url.searchParams, 'exp');
  const sig = single(url.searchParams, 'sig');
  if (since === undefined || until === undefined || !exp || !sig || !/^\d{1,12}$/.test(exp)) return refuse(res, deps, storyId, 'malformed');
  const grant: PageGrant = { story: storyId, since: since ?? '24h', exp: Number(exp) };
  if (until !== null) grant.until = until;
  const clock = deps.clock();
  const check = checkGrant(key, grant, sig, clock.getTime());
  if (!check.ok) return refuse(res, deps, storyId, check.reason);

  const story = deps.stories.get(storyId) ?? (await deps.store.getStory(storyId));
  if (!story) return refuse(res, deps, storyId, 'unknown-story');
  // A link bound to a briefing shows that briefing's window as it was; a relative one ("24h") reads up to now.
  let now = clock;
  if (grant.until !== undefined) {
    const at = parseIsoInstant(grant.until);
    if (!at) return refuse(res, deps, storyId, 'malformed');
    if (at.getTime() < now.getTime()) now = at;
  }
  const from = parseSince(grant.since, now);
  if (!from.ok) return refuse(res, deps, storyId, 'malformed');

  const full = await fullBriefingFromStore(deps.store, { story, now, since: from.since });
  secure(res);
  res.statusCode = 200;
  if (json) {
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(`${JSON.stringify(full, null, 2)}\n`);
    return;
  }
  res.setHeader('content-type', 'text/html; charset=utf-8');
  // Relative, so it stays right behind a proxy that serves the pages under a path prefix.
  res.end(renderPage(full, { jsonHref: `${encodeURIComponent(storyId)}.json${grantQuery(key, grant)}` }));
}

function refuse(res: ServerResponse, deps: PageRouteDeps, story: string, reason: string): void {
  // Never the query: it holds the signature.
  deps.logger.debug({ story, reason }, 'briefing page refused');
  notFound(res);
}
