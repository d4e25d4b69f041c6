import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Logger } from '../log.js';
import type { EventRecord, Story } from '../records/schema.js';
import type { Store } from '../store/store.js';
import type { AnalyzeResult, ArticleInput } from './analyze.js';
import { AnalysisPool, analyzePrepared, poolSize, type PreparedArticle } from './analysis-pool.js';
import { queriedLines } from './boilerplate.js';
import { textBlocks } from './clean-text.js';
import type { DateSource } from './event-date.js';
import { IngestBatch, placeArticle, type Placement } from './event-writer.js';
import { dateGuessed } from '../records/date-source.js';
import { decodeText } from './decode-bytes.js';
import { extractHtml, htmlFragmentBlocks, htmlFragmentText } from './extract-html.js';
import { FetchError, fetchText, looksLikeFeed, parseFeed, pollFeedSources, type FeedClaim, type FeedItem, type FeedPollReport, type FetchLike } from './feeds.js';
import { collapseSpaces } from '../text/spaces.js';
import { readTextHeader } from './text-header.js';

export type IngestErrorCode =
  | 'NOT_FOUND'
  | 'READ_FAILED'
  | 'EMPTY'
  | 'BINARY'
  | 'NOT_UTF8'
  | 'TRUNCATED'
  | 'HTTP_STATUS'
  | 'TIMEOUT'
  | 'TOO_LARGE'
  | 'TOO_LONG'
  | 'NETWORK'
  | 'BAD_FEED'
  | 'NO_TEXT'
  | 'NO_FACTS'
  | 'BAD_OPTION';

/**
 * The longest article ingestion reads, in words. Long reads run to 10,000 words; a text five times that is a book, a
 * dump or a feed archive, whose "facts" would be noise.
 */
export const MAX_ARTICLE_WORDS = 30_000;

/** What became of one input (or one feed item: `input` is then "feed › item title"). */
export type InputResult =
  | {
      input: string;
      ok: true;
      outcome: 'created' | 'merged' | 'unchanged';
      eventId: string;
      score?: number;
      /** How the article itself was dated, and the day or instant it gave. */
      dateSource?: DateSource;
      occurredAt?: string;
      /** The event's date when other reports of it date an article that states none (corroborate.ts). */
      datedByEvent?: string;
    }
  | { input: string; ok: false; rejected: true; reason: string; score: number }
  | { input: string; ok: false; rejected: false; code: IngestErrorCode; error: string };

export interface IngestOptions {
  story: Story;
  /** Merge candidates come from here, and records go here unless `dryRun`. */
  store?: Store;
  dryRun?: boolean;
  /** Publisher name for every input (default: page site name, URL host, or file name). */
  sourceName?: string;
  /** Canonical URL of a file input. */
  url?: string;
  /** Publication time (ISO) when the input does not state one; overrides the page's own date. */
  published?: string;
  now: Date;
  fetch?: FetchLike;
  /** Reads all of stdin for the input `-`. */
  readStdin?: () => Promise<Buffer>;
  timeoutMs?: number;
  maxBytes?: number;
  logger?: Logger;
  /**
   * Worker threads to analyse articles in while this thread places them (0: none). Default: one per core, up to four,
   * when there are at least POOL_MIN_ARTICLES inputs and more than one core.
   */
  workers?: number;
  /** A pool the caller keeps across runs (a long-running process: its workers stay warm); `workers` is then ignored. */
  pool?: AnalysisPool;
  /** Shared across calls to merge across several `ingestInputs` calls in memory. */
  batch?: IngestBatch;
  /**
   * Called after each event is written (created or changed; never in a dry run): posts new drafts for review, updates
   * the review message of a draft that merged another article, and corrects briefings when a published event changed.
   */
  onStored?: (placement: Placement) => Promise<void>;
}

export interface IngestRun {
  results: InputResult[];
  /** Event records created or changed (or that would be, in a dry run), in the order first touched. */
  records: EventRecord[];
}

type Loaded = { ok: true; text: string; contentType?: string; url?: string } | { ok: false; code: IngestErrorCode; error: string };

/** Words in a text, counted without building an array (inputs can be large). */
function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function errorResult(input: string, code: IngestErrorCode, error: string): InputResult {
  return { input, ok: false, rejected: false, code, error };
}

/** The fetch, timeout and size limit among `opts`, only those that are set (the shape fetching and polling take). */
function networkOptions(opts: Pick<IngestOptions, 'fetch' | 'timeoutMs' | 'maxBytes'>): { fetch?: FetchLike; timeoutMs?: number; maxBytes?: number } {
  return {
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}),
  };
}

async function load(input: string, opts: IngestOptions): Promise<Loaded> {
  let buf: Buffer;
  if (input === '-') {
    if (!opts.readStdin) return { ok: false, code: 'READ_FAILED', error: 'stdin is not available' };
    buf = await opts.readStdin();
  } else if (/^https?:\/\//i.test(input)) {
    try {
      const res = await fetchText(input, networkOptions(opts));
      const { decoded } = res;
      if (!decoded.ok) return decoded;
      return { ok: true, text: decoded.text, url: input, ...(res.headers.contentType ? { contentType: res.headers.contentType } : {}) };
    } catch (err) {
      if (err instanceof FetchError) return { ok: false, code: err.code, error: err.message };
      return { ok: false, code: 'NETWORK', error: err instanceof Error ? err.message : String(err) };
    }
  } else {
    try {
      buf = await readFile(input);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { ok: false, code: 'NOT_FOUND', error: 'no such file' };
      if (code === 'EISDIR') return { ok: false, code: 'READ_FAILED', error: 'is a directory' };
      return { ok: false, code: 'READ_FAILED', error: `cannot read (${code ?? 'unknown error'})` };
    }
    if (opts.maxBytes && buf.length > opts.maxBytes) return { ok: false, code: 'TOO_LARGE', error: `larger than ${opts.maxBytes} bytes` };
  }
  const decoded = decodeText(buf);
  return decoded.ok ? { ok: true, text: decoded.text } : decoded;
}

/** A document's own tags: only a page has them. */
const DOCUMENT_TAG = /<(?:!doctype html|html|head|body)[\s>]/i;
/** The block tags of a page's body that a text does not hold: a page opens with one, or has many. */
const BLOCK_TAGS = 'article|main|p|div';
const BODY_TAG = new RegExp(`<(?:${BLOCK_TAGS})[\\s>]`, 'gi');
/** A block element with its content: "<p>…</p>". */
const BLOCK_ELEMENT = new RegExp(`<(${BLOCK_TAGS})[\\s>][\\s\\S]*?<\\/\\1>`, 'gi');

/**
 * HTML rather than plain text? A page names itself (its type, a doctype or an `<html>`, `<head>` or `<body>` tag),
 * opens on a tag, or is full of block tags (three, or most of its text inside them). A text that carries a stray one
 * ("<p>Ukrainian President Vladimir Zelensky <em>(TASS)</em></p>", a caption copied with its markup) is still text:
 * read as a page, its lines were no article.
 */
export function looksLikeHtml(body: string, contentType?: string): boolean {
  if (contentType && /html/i.test(contentType)) return true;
  const head = body.slice(0, 4000);
  if (DOCUMENT_TAG.test(head)) return true;
  if (/^(?:\uFEFF)?\s*<(?:!--|[a-z])/i.test(head)) return true;
  if ((head.match(BODY_TAG)?.length ?? 0) >= 3) return true;
  // (Or most of it is inside block tags: a crawler's fragment of one or two paragraphs after its date line.)
  let inside = 0;
  for (const m of head.matchAll(BLOCK_ELEMENT)) inside += m[0].length;
  return inside > 0 && inside >= head.length / 2;
}

function hostName(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

function labelFor(input: string): string {
  if (input === '-') return 'stdin';
  if (/^https?:\/\//i.test(input)) return hostName(input) ?? input;
  return basename(input, extname(input));
}

/** An article with its blocks split and its source's repeated lines looked up, or why it is not analysed. */
function prepareArticle(input: string, article: ArticleInput, batch: IngestBatch): PreparedArticle | InputResult {
  const words = countWords(article.text);
  if (words > MAX_ARTICLE_WORDS)
    return errorResult(input, 'TOO_LONG', `too long for a news article (${words.toLocaleString('en-GB')} words; at most ${MAX_ARTICLE_WORDS.toLocaleString('en-GB')}): split it into its articles`);
  const source = article.sourceName.trim().toLowerCase();
  const page = createHash('sha1').update(article.text).digest('hex');
  // Split once: the analysis reads the blocks, and the batch remembers their lines for the next page of this source.
  const blocks = article.blocks ?? textBlocks(article.text);
  // Looked up here, in input order, so that an article analysed in a worker sees exactly the earlier pages' lines.
  const seen = batch.seenAmong(source, page, () => queriedLines(blocks));
  batch.rememberLines(source, page, blocks.map((b) => collapseSpaces(b.text)));
  return { article: { ...article, blocks }, seen };
}

function isResult<T extends object>(x: T | InputResult): x is InputResult {
  return 'ok' in x;
}

async function analyzeAndPlace(input: string, article: ArticleInput, opts: IngestOptions, batch: IngestBatch): Promise<InputResult> {
  const prepared = prepareArticle(input, article, batch);
  if (isResult(prepared)) return prepared;
  return placeAnalyzed(input, analyzePrepared(prepared, opts.story, opts.now), opts, batch);
}

async function placeAnalyzed(input: string, analyzed: AnalyzeResult, opts: IngestOptions, batch: IngestBatch): Promise<InputResult> {
  if (!analyzed.ok) {
    if (analyzed.rejected) return { input, ok: false, rejected: true, reason: analyzed.reason, score: analyzed.score };
    return errorResult(input, analyzed.code === 'EMPTY_TEXT' ? 'NO_TEXT' : 'NO_FACTS', analyzed.error);
  }
  const placed = await placeArticle(analyzed.article, opts.story, batch, { now: opts.now, ...(opts.store ? { store: opts.store } : {}), ...(opts.dryRun ? { dryRun: true } : {}) });
  if (opts.onStored && opts.store && !opts.dryRun && placed.outcome !== 'unchanged') await opts.onStored(placed);
  return {
    input,
    ok: true,
    outcome: placed.outcome,
    eventId: placed.eventId,
    dateSource: analyzed.article.dateSource,
    occurredAt: analyzed.article.occurredAt,
    ...(dateGuessed(analyzed.article) && placed.record.dateSource !== undefined && placed.record.dateSource !== 'ingest-time' ? { datedByEvent: placed.record.occurredAt } : {}),
    ...(placed.score !== undefined ? { score: placed.score } : {}),
  };
}

/** Article text for a feed item: the feed's own content when it is substantial, else the linked page when allowed. */
async function itemArticle(item: FeedItem, ctx: { sourceName: string; fetchLinks: boolean; opts: IngestOptions }): Promise<ArticleInput | { error: string; code: IngestErrorCode }> {
  const fragment = item.content ?? item.summary ?? '';
  const inFeed = htmlFragmentText(fragment);
  let text = inFeed;
  let blocks = htmlFragmentBlocks(fragment);
  let publishedAt = item.publishedAt;
  if (inFeed.length < 600 && ctx.fetchLinks && item.link && /^https?:\/\//i.test(item.link)) {
    try {
      const res = await fetchText(item.link, networkOptions(ctx.opts));
      const page = looksLikeHtml(res.body, res.headers.contentType) ? extractHtml(res.body) : { text: res.body, blocks: undefined, publishedAt: undefined };
      if (page.text.length > inFeed.length) {
        text = page.text;
        blocks = page.blocks ?? [];
      }
      publishedAt ??= page.publishedAt;
    } catch (err) {
      ctx.opts.logger?.debug({ link: item.link, err: err instanceof Error ? err.message : String(err) }, 'feed item page not fetched; using feed text');
    }
  }
  if (text.trim().length === 0) return { error: 'feed item has no text', code: 'NO_TEXT' };
  const published = ctx.opts.published ?? publishedAt;
  return {
    text,
    ...(blocks.length > 0 ? { blocks } : {}),
    sourceName: ctx.sourceName,
    ...(item.title ? { title: item.title } : {}),
    ...(item.author ? { byline: item.author } : {}),
    ...(published ? { publishedAt: published } : {}),
    ...(item.link && /^https?:\/\//i.test(item.link) ? { url: item.link } : {}),
  };
}

/** One article to analyse and place, under the label its result carries. */
interface LabelledArticle {
  input: string;
  article: ArticleInput;
}

/** The articles of one input (a page, a text, or a feed's items), or why it has none. */
async function articlesOf(input: string, opts: IngestOptions): Promise<Array<LabelledArticle | InputResult>> {
  const loaded = await load(input, opts);
  if (!loaded.ok) return [errorResult(input, loaded.code, loaded.error)];
  const { text } = loaded;
  const isXmlType = loaded.contentType !== undefined && /(?:rss|atom|xml)/i.test(loaded.contentType);
  if (looksLikeFeed(text) || (isXmlType && !looksLikeHtml(text))) {
    const parsed = parseFeed(text);
    if (!parsed.ok) return [errorResult(input, 'BAD_FEED', parsed.error)];
    const sourceName = opts.sourceName ?? parsed.feed.title ?? labelFor(input);
    const out: Array<LabelledArticle | InputResult> = [];
    for (const item of parsed.feed.items) {
      const label = `${input} › ${item.title ?? item.id}`;
      const article = await itemArticle(item, { sourceName, fetchLinks: loaded.url !== undefined, opts });
      out.push('error' in article ? errorResult(label, article.code, article.error) : { input: label, article });
    }
    if (out.length === 0) out.push(errorResult(input, 'BAD_FEED', 'feed has no items'));
    return out;
  }
  const url = opts.url ?? loaded.url;
  if (looksLikeHtml(text, loaded.contentType)) {
    const page = extractHtml(text);
    const published = opts.published ?? page.publishedAt;
    const canonical = opts.url ?? page.canonicalUrl ?? loaded.url;
    return [
      {
        input,
        article: {
          text: page.text,
          blocks: page.blocks,
          sourceName: opts.sourceName ?? page.siteName ?? hostName(canonical) ?? labelFor(input),
          ...(page.title ? { title: page.title } : {}),
          ...(page.byline ? { byline: page.byline } : {}),
          ...(published ? { publishedAt: published } : {}),
          ...(canonical ? { url: canonical } : {}),
        },
      },
    ];
  }
  return [{ input, article: textArticle(text, input, opts, loaded.url) }];
}

/**
 * A saved text as an article: a metadata header above it (front matter, a reader service's lines) gives the headline,
 * address, publication time and site as a page's meta tags do, and what the command line says wins over it.
 */
function textArticle(text: string, input: string, opts: Pick<IngestOptions, 'sourceName' | 'published' | 'url' | 'now'>, loadedUrl?: string): ArticleInput {
  const header = readTextHeader(text, opts.now);
  const url = opts.url ?? header.url ?? loadedUrl;
  const published = opts.published ?? header.publishedAt;
  return {
    text: header.body,
    sourceName: opts.sourceName ?? header.siteName ?? hostName(url) ?? labelFor(input),
    ...(header.title ? { title: header.title } : {}),
    ...(header.byline ? { byline: header.byline } : {}),
    ...(published ? { publishedAt: published } : {}),
    ...(url ? { url } : {}),
  };
}

function failure(input: string, err: unknown, opts: IngestOptions): InputResult {
  opts.logger?.error({ input, err: err instanceof Error ? err.message : String(err) }, 'ingest failed');
  return errorResult(input, 'READ_FAILED', err instanceof Error ? err.message : String(err));
}

/** Each input's articles, read in turn (a failure to read one is its result). */
async function* articlesOfEach(inputs: readonly string[], opts: IngestOptions): AsyncGenerator<Array<LabelledArticle | InputResult>> {
  for (const input of inputs) {
    try {
      yield await articlesOf(input, opts);
    } catch (err) {
      yield [failure(input, err, opts)];
    }
  }
}

/** Articles analysed ahead of the one being placed, per worker: enough to keep every worker busy. */
const AHEAD_PER_WORKER = 4;

/**
 * The run with its analysis in worker threads: articles are read and prepared in input order, analysed in parallel,
 * and placed in input order, so the results are those of the same run in one thread.
 */
async function ingestWithPool(
  inputs: AsyncIterable<Array<LabelledArticle | InputResult>>,
  opts: IngestOptions,
  batch: IngestBatch,
  pool: AnalysisPool,
): Promise<InputResult[]> {
  const ahead = pool.size * AHEAD_PER_WORKER;
  const results: InputResult[] = [];
  const queue: Array<{ input: string; done: InputResult } | { input: string; prepared: PreparedArticle; analysis: Promise<AnalyzeResult> }> = [];
  const placeNext = async () => {
    const next = queue.shift();
    if (!next) return;
    if ('done' in next) {
      results.push(next.done);
      return;
    }
    try {
      // A worker that failed leaves its articles to this thread.
      const analyzed = await next.analysis.catch(() => analyzePrepared(next.prepared, opts.story, opts.now));
      results.push(await placeAnalyzed(next.input, analyzed, opts, batch));
    } catch (err) {
      results.push(failure(next.input, err, opts));
    }
  };
  for await (const articles of inputs) {
    for (const a of articles) {
      if (isResult(a)) queue.push({ input: a.input, done: a });
      else {
        let prepared: PreparedArticle | InputResult;
        try {
          prepared = prepareArticle(a.input, a.article, batch);
        } catch (err) {
          prepared = failure(a.input, err, opts);
        }
        if (isResult(prepared)) queue.push({ input: a.input, done: prepared });
        else {
          const analysis = pool.analyze(prepared);
          // Handled when its turn comes; until then a failure must not count as unhandled.
          analysis.catch(() => undefined);
          queue.push({ input: a.input, prepared, analysis });
        }
      }
      while (queue.length > ahead) await placeNext();
    }
  }
  while (queue.length > 0) await placeNext();
  return results;
}

/** Run `work` with the caller's pool, or a pool of its own when the run is large enough for one; undefined without. */
async function withPool(articles: number, opts: IngestOptions, work: (pool: AnalysisPool) => Promise<InputResult[]>): Promise<InputResult[] | undefined> {
  if (opts.pool) return work(opts.pool);
  const workers = poolSize(articles, opts.workers);
  if (workers === 0) return undefined;
  const pool = new AnalysisPool(workers, opts.story, opts.now);
  try {
    return await work(pool);
  } finally {
    await pool.close();
  }
}

/**
 * Ingest files, URLs and `-` (stdin): detect text / HTML / feed, extract and analyse each article, reject off-story
 * ones, and merge articles about the same event (within this run and with the store). One bad input (empty, binary,
 * HTTP 404, timeout, malformed feed) yields an error result; the others are still processed.
 */
export async function ingestInputs(inputs: readonly string[], opts: IngestOptions): Promise<IngestRun> {
  const batch = opts.batch ?? new IngestBatch();
  const pooled = await withPool(inputs.length, opts, (pool) => ingestWithPool(articlesOfEach(inputs, opts), opts, batch, pool));
  if (pooled) return { results: pooled, records: batch.records() };
  const results: InputResult[] = [];
  for (const input of inputs) {
    try {
      for (const a of await articlesOf(input, opts)) results.push(isResult(a) ? a : await analyzeAndPlace(a.input, a.article, opts, batch));
    } catch (err) {
      results.push(failure(input, err, opts));
    }
  }
  return { results, records: batch.records() };
}

/**
 * Ingest one in-memory article text against a store: extraction, facts, signals and merge (the unit the benchmark
 * times). Pass the same `batch` to several calls to merge among them without a store.
 */
export async function ingestArticleText(args: {
  store?: Store;
  story: Story;
  text: string;
  sourceName: string;
  publishedAt?: string;
  url?: string;
  now: Date;
  dryRun?: boolean;
  batch?: IngestBatch;
}): Promise<InputResult> {
  const batch = args.batch ?? new IngestBatch();
  const opts: IngestOptions = { story: args.story, now: args.now, ...(args.store ? { store: args.store } : {}), ...(args.dryRun ? { dryRun: true } : {}) };
  const article: ArticleInput = {
    text: args.text,
    sourceName: args.sourceName,
    ...(args.publishedAt ? { publishedAt: args.publishedAt } : {}),
    ...(args.url ? { url: args.url } : {}),
  };
  return analyzeAndPlace(args.sourceName, article, opts, batch);
}

/**
 * Ingest in-memory articles in order, as `ingestInputs` ingests files (with a pool when `opts` has one or the run is
 * large enough); each result's `input` is its article's source name.
 */
export async function ingestArticles(articles: readonly ArticleInput[], opts: IngestOptions): Promise<IngestRun> {
  const batch = opts.batch ?? new IngestBatch();
  const labelled = articles.map((article) => ({ input: article.sourceName, article }));
  async function* each(): AsyncGenerator<LabelledArticle[]> {
    for (const a of labelled) yield [a];
  }
  const pooled = await withPool(articles.length, opts, (pool) => ingestWithPool(each(), opts, batch, pool));
  if (pooled) return { results: pooled, records: batch.records() };
  const results: InputResult[] = [];
  for (const a of labelled) {
    try {
      results.push(await analyzeAndPlace(a.input, a.article, opts, batch));
    } catch (err) {
      results.push(failure(a.input, err, opts));
    }
  }
  return { results, records: batch.records() };
}

/**
 * Poll the feeds listed under `sources:` of every story (for `sitrep start`, on an interval): conditional GET,
 * seen-items, per-feed backoff; fresh items are ingested and stored (drafts unless the story auto-publishes).
 */
export async function pollFeeds(args: {
  store: Store;
  stories: readonly Story[];
  now: Date;
  fetch?: FetchLike;
  logger?: Logger;
  timeoutMs?: number;
  maxBytes?: number;
  claim?: FeedClaim;
  onStored?: IngestOptions['onStored'];
}): Promise<FeedPollReport[]> {
  const shared = { ...networkOptions(args), ...(args.logger ? { logger: args.logger } : {}) };
  return pollFeedSources({
    store: args.store,
    stories: args.stories,
    now: args.now,
    ...(args.claim ? { claim: args.claim } : {}),
    ...shared,
    ingestItem: async (item, ctx) => {
      const opts: IngestOptions = { story: ctx.story, store: args.store, now: args.now, ...shared, ...(args.onStored ? { onStored: args.onStored } : {}) };
      const article = await itemArticle(item, { sourceName: ctx.feedName, fetchLinks: true, opts });
      if ('error' in article) return 'failed';
      const result = await analyzeAndPlace(`${ctx.feedUrl} › ${item.title ?? item.id}`, article, opts, new IngestBatch());
      if (result.ok) return 'ingested';
      if (result.rejected) {
        args.logger?.info({ feed: ctx.feedUrl, item: item.id, reason: result.reason, score: result.score }, 'feed item off-story');
        return 'rejected';
      }
      args.logger?.warn({ feed: ctx.feedUrl, item: item.id, err: result.error }, 'feed item not ingested');
      return 'failed';
    },
  });
}
