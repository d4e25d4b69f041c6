import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Logger } from '../log.js';
import type { Story } from '../records/schema.js';
import type { FeedState, Store } from '../store/store.js';
import { fnv1a } from '../text/similarity.js';
import { decodeText, type Decoded } from './decode-bytes.js';
import { normaliseDateKeepingOffset } from './page-date.js';

/** One entry of an RSS 2.0 / Atom / RSS 1.0 feed. */
export interface FeedItem {
  /** guid / id, else link, else a hash of title and date. */
  id: string;
  title?: string;
  link?: string;
  /** ISO 8601 when the feed gives a parseable date. */
  publishedAt?: string;
  /** Full content (HTML) when the feed carries it (`content:encoded`, Atom `content`). */
  content?: string;
  /** Summary/description (HTML or text). */
  summary?: string;
  author?: string;
}

export interface ParsedFeed {
  title?: string;
  items: FeedItem[];
}

export type FeedParseResult = { ok: true; feed: ParsedFeed } | { ok: false; error: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  cdataPropName: false,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => ['item', 'entry', 'link', 'category'].includes(name),
});

function text(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'string') return node.trim() || undefined;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return text(node[0]);
  if (typeof node === 'object') return text((node as Record<string, unknown>)['#text']);
  return undefined;
}

function atomLink(links: unknown): string | undefined {
  const list = Array.isArray(links) ? links : [links];
  let fallback: string | undefined;
  for (const l of list) {
    if (typeof l === 'string') fallback ??= l;
    else if (l && typeof l === 'object') {
      const rec = l as Record<string, unknown>;
      const href = typeof rec['@_href'] === 'string' ? rec['@_href'] : undefined;
      const rel = rec['@_rel'];
      if (href && (rel === undefined || rel === 'alternate')) return href;
      fallback ??= href;
    }
  }
  return fallback;
}

function itemId(parts: { guid?: string; link?: string; title?: string; published?: string }): string {
  return parts.guid ?? parts.link ?? `h${fnv1a(`${parts.title ?? ''}|${parts.published ?? ''}`).toString(36)}`;
}

/** Parse an RSS 2.0, RSS 1.0 (RDF) or Atom document. Not well-formed XML or not a feed → `{ ok: false, error }`. */
export function parseFeed(xml: string): FeedParseResult {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, error: `not well-formed XML (line ${valid.err.line}: ${valid.err.msg})` };
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch (err) {
    return { ok: false, error: `not well-formed XML (${err instanceof Error ? err.message : String(err)})` };
  }
  const rss = doc.rss as Record<string, unknown> | undefined;
  const rdf = doc['rdf:RDF'] as Record<string, unknown> | undefined;
  if (rss || rdf) {
    const channel = ((rss?.channel ?? rdf?.channel) as Record<string, unknown> | undefined) ?? {};
    const rawItems = ((channel.item ?? rdf?.item) as unknown[] | undefined) ?? [];
    const items = rawItems.map((raw): FeedItem => {
      const it = (raw ?? {}) as Record<string, unknown>;
      const link = text(it.link);
      const title = text(it.title);
      const published = normaliseDateKeepingOffset(text(it.pubDate) ?? text(it['dc:date']));
      const item: FeedItem = { id: itemId({ guid: text(it.guid), link, title, published }) };
      if (title) item.title = title;
      if (link) item.link = link;
      if (published) item.publishedAt = published;
      const content = text(it['content:encoded']);
      if (content) item.content = content;
      const summary = text(it.description);
      if (summary) item.summary = summary;
      const author = text(it['dc:creator']) ?? text(it.author);
      if (author) item.author = author;
      return item;
    });
    const title = text(channel.title);
    return { ok: true, feed: { ...(title ? { title } : {}), items } };
  }
  const feed = doc.feed as Record<string, unknown> | undefined;
  if (feed) {
    const entries = (feed.entry as unknown[] | undefined) ?? [];
    const items = entries.map((raw): FeedItem => {
      const e = (raw ?? {}) as Record<string, unknown>;
      const link = atomLink(e.link);
      const title = text(e.title);
      const published = normaliseDateKeepingOffset(text(e.published) ?? text(e.updated));
      const item: FeedItem = { id: itemId({ guid: text(e.id), link, title, published }) };
      if (title) item.title = title;
      if (link) item.link = link;
      if (published) item.publishedAt = published;
      const content = text(e.content);
      if (content) item.content = content;
      const summary = text(e.summary);
      if (summary) item.summary = summary;
      const author = e.author && typeof e.author === 'object' ? text((e.author as Record<string, unknown>).name) : undefined;
      if (author) item.author = author;
      return item;
    });
    const title = text(feed.title);
    return { ok: true, feed: { ...(title ? { title } : {}), items } };
  }
  return { ok: false, error: 'XML is not an RSS or Atom feed' };
}

/** Does this text look like a feed document (rather than HTML or prose)? */
export function looksLikeFeed(body: string): boolean {
  const head = body.slice(0, 2000).replace(/^\uFEFF/, '');
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<\?xml-stylesheet[^>]*>\s*)*<(?:rss|feed|rdf:RDF)\b/i.test(head);
}

// ---------------------------------------------------------------------------------------------------------------
// Polling

/** Exponential backoff after `failures` consecutive errors: 1, 2, 4 … minutes, at most 6 hours. */
export function backoffMs(failures: number): number {
  return Math.min(6 * 3_600_000, 60_000 * 2 ** Math.max(0, failures - 1));
}

export interface FetchedBody {
  status: number;
  /** The body as text: decoded by its byte-order mark, as UTF-8, or in the encoding it declares (see `decodeText`). */
  body: string;
  /** How the body's bytes decoded: the text, or why they are no text (for a caller that reports it). */
  decoded: Decoded;
  headers: { etag?: string; lastModified?: string; contentType?: string };
}

export type FetchLike = (url: string, init: { headers?: Record<string, string>; signal?: AbortSignal }) => Promise<Response>;

export class FetchError extends Error {
  constructor(
    readonly code: 'HTTP_STATUS' | 'TIMEOUT' | 'TOO_LARGE' | 'NETWORK',
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/**
 * GET a URL with a timeout and a body size cap (bytes). 304 is returned as a status; other non-2xx statuses throw
 * `FetchError('HTTP_STATUS')`, timeouts `FetchError('TIMEOUT')`.
 */
export async function fetchText(url: string, opts: { fetch?: FetchLike; headers?: Record<string, string>; timeoutMs?: number; maxBytes?: number } = {}): Promise<FetchedBody> {
  const doFetch: FetchLike = opts.fetch ?? ((u, init) => fetch(u, init));
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
  let res: Response;
  try {
    res = await doFetch(url, { headers: { 'user-agent': 'sitrep/0.1 (+news briefing bot)', accept: '*/*', ...(opts.headers ?? {}) }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') throw new FetchError('TIMEOUT', `timed out after ${timeoutMs} ms`);
    throw new FetchError('NETWORK', `request failed: ${err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)}`);
  }
  const headers: FetchedBody['headers'] = {};
  const etag = res.headers.get('etag');
  const lastModified = res.headers.get('last-modified');
  const contentType = res.headers.get('content-type');
  if (etag) headers.etag = etag;
  if (lastModified) headers.lastModified = lastModified;
  if (contentType) headers.contentType = contentType;
  if (res.status === 304) return { status: 304, body: '', decoded: { ok: false, code: 'EMPTY', error: 'not modified (304)' }, headers };
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new FetchError('HTTP_STATUS', `HTTP ${res.status}`, res.status);
  }
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new FetchError('TOO_LARGE', `body larger than ${maxBytes} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    if (res.body) {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > maxBytes) throw new FetchError('TOO_LARGE', `body larger than ${maxBytes} bytes`);
        chunks.push(chunk);
      }
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    const name = err instanceof Error ? err.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') throw new FetchError('TIMEOUT', `timed out after ${timeoutMs} ms`);
    throw new FetchError('NETWORK', `reading the body failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  const bytes = Buffer.concat(chunks);
  const decoded = decodeText(bytes, contentType ? { contentType } : {});
  return { status: res.status, body: decoded.ok ? decoded.text : bytes.toString('utf8'), decoded, headers };
}

/** What happened to one feed in one poll. */
export interface FeedPollReport {
  story: string;
  url: string;
  /** `claimed`: another replica is polling this feed right now. */
  status: 'ok' | 'not-modified' | 'skipped' | 'claimed' | 'error';
  /** Items in the feed document. */
  items: number;
  /** Items not seen before. */
  fresh: number;
  /** Fresh items that became (or merged into) events. */
  ingested: number;
  rejected: number;
  failed: number;
  error?: string;
  nextPollAt?: string;
}

/** Turns one fresh feed item into stored events; supplied by the pipeline (keeps this module free of analysis code). */
export type ItemIngester = (item: FeedItem, ctx: { story: Story; feedName: string; feedUrl: string }) => Promise<'ingested' | 'rejected' | 'failed'>;

/**
 * Several processes may poll from one store: each feed is polled under a lease (`feed:<url>`), so one of them polls
 * it at a time, and the one that gets it reads the feed's state after taking the lease (seeing the other's poll).
 */
export interface FeedClaim {
  owner: string;
  ttlMs: number;
  /** Wall clock (ms). */
  wall: () => number;
}

export interface PollOptions {
  store: Store;
  claim?: FeedClaim;
  stories: readonly Story[];
  now: Date;
  ingestItem: ItemIngester;
  fetch?: FetchLike;
  logger?: Logger;
  timeoutMs?: number;
  maxBytes?: number;
}

/**
 * Poll every feed of every story that is due: conditional GET (If-None-Match / If-Modified-Since from the stored
 * feed state), seen-items bookkeeping so an item is ingested once, and per-feed exponential backoff on errors
 * (`failures`, `nextPollAt`). A failing or malformed feed never stops the others.
 */
export async function pollFeedSources(opts: PollOptions): Promise<FeedPollReport[]> {
  const reports: FeedPollReport[] = [];
  const nowIso = opts.now.toISOString();
  for (const story of opts.stories) {
    for (const source of story.sources) {
      const report: FeedPollReport = { story: story.id, url: source.url, status: 'ok', items: 0, fresh: 0, ingested: 0, rejected: 0, failed: 0 };
      reports.push(report);
      const claim = opts.claim;
      const lease = `feed:${source.url}`;
      if (claim && !(await opts.store.acquireLease(lease, claim.owner, claim.ttlMs, claim.wall()))) {
        report.status = 'claimed';
        continue;
      }
      const renew = claim ? setInterval(() => void opts.store.acquireLease(lease, claim.owner, claim.ttlMs, claim.wall()).catch(() => undefined), claim.ttlMs / 3) : undefined;
      renew?.unref();
      try {
        await pollOne(opts, story, source, report, nowIso);
      } finally {
        if (renew) clearInterval(renew);
        if (claim) await opts.store.releaseLease(lease, claim.owner).catch(() => undefined);
      }
    }
  }
  return reports;
}

/** Poll one feed (see {@link pollFeedSources}). */
async function pollOne(opts: PollOptions, story: Story, source: Story['sources'][number], report: FeedPollReport, nowIso: string): Promise<void> {
  const state: FeedState = (await opts.store.getFeedState(source.url)) ?? { url: source.url, failures: 0 };
  if (state.nextPollAt && Date.parse(state.nextPollAt) > opts.now.getTime()) {
    report.status = 'skipped';
    report.nextPollAt = state.nextPollAt;
    return;
  }
  const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5' };
  if (state.etag) headers['if-none-match'] = state.etag;
  if (state.lastModified) headers['if-modified-since'] = state.lastModified;
  try {
    const res = await fetchText(source.url, { headers, ...(opts.fetch ? { fetch: opts.fetch } : {}), ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}), ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}) });
    const next: FeedState = { url: source.url, failures: 0, lastPolledAt: nowIso, nextPollAt: new Date(opts.now.getTime() + source.every * 60_000).toISOString() };
    const etag = res.headers.etag ?? state.etag;
    const lastModified = res.headers.lastModified ?? state.lastModified;
    if (etag) next.etag = etag;
    if (lastModified) next.lastModified = lastModified;
    if (res.status === 304) {
      report.status = 'not-modified';
    } else {
      const parsed = parseFeed(res.body);
      if (!parsed.ok) throw new Error(`malformed feed: ${parsed.error}`);
      report.items = parsed.feed.items.length;
      for (const item of parsed.feed.items) {
        if (!(await opts.store.markSeen(source.url, item.id, nowIso))) continue;
        report.fresh++;
        try {
          const outcome = await opts.ingestItem(item, { story, feedName: source.name, feedUrl: source.url });
          report[outcome === 'ingested' ? 'ingested' : outcome === 'rejected' ? 'rejected' : 'failed']++;
        } catch (err) {
          report.failed++;
          opts.logger?.warn({ feed: source.url, item: item.id, err: err instanceof Error ? err.message : String(err) }, 'feed item failed');
        }
      }
    }
    report.nextPollAt = next.nextPollAt;
    await opts.store.setFeedState(next);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const failures = state.failures + 1;
    const nextPollAt = new Date(opts.now.getTime() + backoffMs(failures)).toISOString();
    const next: FeedState = { ...state, failures, lastPolledAt: nowIso, nextPollAt, lastError: message.slice(0, 300) };
    await opts.store.setFeedState(next);
    report.status = 'error';
    report.error = message;
    report.nextPollAt = nextPollAt;
    opts.logger?.warn({ feed: source.url, failures, nextPollAt, err: message }, 'feed poll failed');
  }
}
