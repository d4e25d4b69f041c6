import { withoutEndMark } from '../text/end-mark.js';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { PageBlock } from './boilerplate.js';
import { articleText } from './clean-text.js';
import { GENERIC_TITLE } from './generic-title.js';
import { MONTH_NAME, monthIndex } from '../text/months.js';
import { collapseSpaces } from '../text/spaces.js';
import { contentWords } from '../text/similarity.js';
import { calendarDay, instantMs } from '../time/instant.js';
import { EARLIEST_PAGE_MS, normaliseDateKeepingOffset } from './page-date.js';

/** What an HTML page yields. */
export interface ExtractedPage {
  /** Main article text, one paragraph per line, chrome removed. */
  text: string;
  /** The article's blocks as extracted (before chrome removal), with their tags and link text: what ingestion classifies. */
  blocks: PageBlock[];
  title?: string;
  byline?: string;
  /** ISO 8601 when the page states a parseable publication time. */
  publishedAt?: string;
  siteName?: string;
  /** Canonical URL when the page declares one. */
  canonicalUrl?: string;
  /** Which extractor produced the text (`embedded`: the article's HTML in the page's JSON data, see `embeddedArticle`). */
  via: 'readability' | 'fallback' | 'embedded';
}

type LinkedomDocument = ReturnType<typeof parseHTML>['document'];
type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];
interface ElementLike {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<ElementLike>;
  remove(): void;
  replaceWith(...nodes: string[]): void;
  tagName: string;
  children: Iterable<ElementLike>;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td';
/** Elements that are never article text. */
const CHROME_SELECTORS = [
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'form', 'button', 'nav', 'header', 'footer', 'aside',
  '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]', '[role="complementary"]', '[aria-hidden="true"]',
  '[class*="cookie" i]', '[id*="cookie" i]', '[class*="consent" i]', '[class*="newsletter" i]', '[class*="related" i]',
  '[class*="share" i]', '[class*="social" i]', '[class*="comment" i]', '[id*="comment" i]', '[class*="promo" i]',
  '[class*="advert" i]', '[class*="subscribe" i]', '[class*="recommend" i]', '[class*="read-next" i]', '[class*="breadcrumb" i]',
];

/**
 * Inside the article, but not its text: photo captions and credits describe a picture ("Delegates arrive …
 * REUTERS/Murad Sezer"), and embedded social posts come with handles, links and dates (the article reports what they
 * say). Removed before readability reads the page, as it drops the classes that mark them.
 */
const EMBEDDED_SELECTORS = ['figcaption', '.twitter-tweet', '.instagram-media', '.tiktok-embed', '[data-telegram-post]'];

/**
 * The page's `<meta>` values by `property`, then `name`, then `itemprop` (first non-empty of each), read in one walk:
 * a page has many meta tags and we look up dozens of names.
 */
function metaIndex(doc: LinkedomDocument): (names: readonly string[]) => string | undefined {
  const byAttr = { property: new Map<string, string>(), name: new Map<string, string>(), itemprop: new Map<string, string>() };
  for (const el of doc.querySelectorAll('meta') as Iterable<ElementLike>) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop'] as const) {
      const key = el.getAttribute(attr);
      if (key !== null && !byAttr[attr].has(key)) byAttr[attr].set(key, content);
    }
  }
  return (names) => {
    for (const name of names) {
      const v = byAttr.property.get(name) ?? byAttr.name.get(name) ?? byAttr.itemprop.get(name);
      if (v) return v;
    }
    return undefined;
  };
}

/** Meta names (property, name or itemprop) content systems put a page's publication time under, most specific first. */
const PUBLISHED_META = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'article:published', 'datePublished', 'published_time',
  'publication_date', 'publish-date', 'publish_date', 'date_published', 'pub_date', 'date', 'pubdate', 'publishdate', 'dc.date',
  'DC.date.issued', 'dcterms.created', 'dcterms.date', 'sailthru.date', 'parsely-pub-date',
];

/** Elements a page shows its publication date in ("<span class="article-date">Jan 18, 2019</span>"). */
const SHOWN_DATE_SELECTOR = '[class*="date" i], [class*="publish" i], [class*="timestamp" i], [id*="date" i], time';
/** "Jan 18, 2019", "April 26, 2022 11:30 AM", "20 Jan, 2020", "2019-11-18": a day with its year. */
const SHOWN_DAY = new RegExp(String.raw`\b(?:(${MONTH_NAME})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)|(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH_NAME})\.?,?\s+((?:19|20)\d\d)|((?:19|20)\d\d)-(\d\d)-(\d\d))\b`, 'i');

/**
 * The day a page shows as its date when no metadata states one: the first short element whose class or id speaks of a
 * date or of publishing and whose text is a day with its year (not one of an update: "Updated Jan 19, 2019"). What
 * date extractors such as htmldate fall back on; only the day, never a time, since the zone is rarely shown.
 */
function shownDate(doc: LinkedomDocument): string | undefined {
  let seen = 0;
  for (const el of doc.querySelectorAll(SHOWN_DATE_SELECTOR) as Iterable<ElementLike>) {
    if (++seen > 40) break;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < 6 || text.length > 80) continue;
    if (/\b(?:updated|modified|edited|last\s+revised)\b/i.test(text) || /\b(?:update|modif)/i.test(el.getAttribute('class') ?? '')) continue;
    const m = SHOWN_DAY.exec(text);
    if (!m) continue;
    const [year, month, day] = m[3] ? [m[3], monthIndex(m[1] ?? ''), m[2]] : m[6] ? [m[6], monthIndex(m[5] ?? ''), m[4]] : [m[7], Number(m[8]) - 1, m[9]];
    const date = calendarDay(Number(year), month, Number(day));
    if (date === undefined || instantMs(date) < EARLIEST_PAGE_MS) continue;
    return date;
  }
  return undefined;
}

function jsonLdDates(doc: LinkedomDocument): { published?: string; author?: string; headline?: string } {
  for (const el of doc.querySelectorAll('script[type="application/ld+json"]') as Iterable<ElementLike>) {
    let data: unknown;
    try {
      data = JSON.parse(el.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const node = queue.shift();
      if (Array.isArray(node)) queue.push(...node);
      else if (node && typeof node === 'object') {
        const rec = node as Record<string, unknown>;
        if (typeof rec.datePublished === 'string') {
          const author = rec.author;
          const name = Array.isArray(author)
            ? (author[0] as Record<string, unknown> | undefined)?.name
            : author && typeof author === 'object'
              ? (author as Record<string, unknown>).name
              : author;
          return {
            published: rec.datePublished,
            ...(typeof name === 'string' ? { author: name } : {}),
            ...(typeof rec.headline === 'string' ? { headline: rec.headline } : {}),
          };
        }
        if (rec['@graph']) queue.push(rec['@graph']);
      }
    }
  }
  return {};
}

const BLOCK_TAGS = new Set(BLOCKS.split(',').map((t) => t.trim().toUpperCase()));

/** Characters of an element's text inside links. */
function linkChars(el: ElementLike): number {
  return linkTexts(el).reduce((n, t) => n + t.length, 0);
}

/**
 * What a page says about a link for screen readers: ", opens new tab", "(opens in a new window)". The spaces around
 * the comma are bounded: unbounded, each position of a long run of spaces tried every split of it between them, and
 * a 546 KB page of such runs took minutes.
 */
const LINK_NOTE = /\s{0,3},?\s{0,3}\(?\bopens (?:in )?(?:a )?new (?:tab|window)\b\)?/gi;

/**
 * Block elements, one per paragraph (so paragraphs stay paragraphs), with their tag and how much of their text is
 * links. Nested blocks (a <p> inside an <li>) would be read twice: only innermost blocks count. One walk of the tree;
 * a selector query per block would parse the selector again each time.
 */
function pageBlocks(root: ElementLike): PageBlock[] {
  const blocks: PageBlock[] = [];
  /** Adds the innermost blocks under `el` in document order; tells whether `el` holds any block. */
  const walk = (el: ElementLike): boolean => {
    let holdsBlock = false;
    let before: ElementLike | undefined;
    for (const child of el.children) {
      const inner = walk(child);
      const isBlock = BLOCK_TAGS.has(child.tagName.toUpperCase());
      if (isBlock && !inner) {
        const lines = blockLines(child);
        // A drop cap set apart before its paragraph (<span>T</span><p>urkey, Poland …</p>) is the paragraph's first letter.
        const dropCap = before !== undefined && !BLOCK_TAGS.has(before.tagName.toUpperCase()) ? (before.textContent ?? '').trim() : '';
        if (lines[0] !== undefined && /^\p{Lu}$/u.test(dropCap) && /^\p{Ll}/u.test(lines[0])) lines[0] = `${dropCap}${lines[0]}`;
        const links = lines.length > 1 ? linkTexts(child) : [];
        for (const text of lines) {
          const linked = lines.length > 1 ? links.filter((l) => text.includes(l)).reduce((n, l) => n + l.length, 0) : linkChars(child);
          blocks.push({ text, tag: child.tagName.toLowerCase(), ...(linked > 0 ? { linkChars: linked } : {}) });
        }
      }
      holdsBlock ||= inner || isBlock;
      before = child;
    }
    return holdsBlock;
  };
  walk(root);
  // A drop cap Readability put in a paragraph of its own (<p>T</p><p>urkey, Poland …</p>): the next one's first letter.
  for (let i = blocks.length - 2; i >= 0; i--) {
    const cap = blocks[i] as PageBlock;
    const next = blocks[i + 1] as PageBlock;
    if (/^\p{Lu}$/u.test(cap.text) && /^\p{Ll}/u.test(next.text)) blocks.splice(i, 2, { ...next, text: `${cap.text}${next.text}` });
  }
  if (blocks.length === 0) {
    const text = (root.textContent ?? '').replace(/[ \t]+/g, ' ').trim();
    return text.split('\n').map((t) => ({ text: t }));
  }
  return blocks;
}

/** Where a block breaks a line (`<br>`), kept through `textContent`. */
const LINE_BREAK = '\u2028';

/**
 * A block's lines: the page breaks a paragraph's lines with `<br>` where it sets out a list under a bold label ("Top
 * Lines<br>- U.S. and European leaders meet …<br>- President Trump pauses …"), a date and a time ("Friday, 3 Nov,
 * 2023<br>9:59 am") or paragraphs without their own tags; a text file has them on lines of their own, and so do they
 * here. A break inside a sentence (no stop before it, a lower-case word after it) is layout, and the line goes on.
 */
function blockLines(el: ElementLike): string[] {
  const breaks = [...el.querySelectorAll('br')];
  for (const br of breaks) br.replaceWith(LINE_BREAK);
  // A screen reader's note on a link (Reuters: "The report , opens new tab by …") is not text.
  const raw = el.textContent ?? '';
  const parts = (/opens/i.test(raw) ? raw.replace(LINK_NOTE, '') : raw).split(LINE_BREAK).map((p) => collapseSpaces(p));
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.length - 1;
    if (last >= 0 && !/[.!?:;"”’)\]]$/u.test(lines[last] as string) && /^\p{Ll}/u.test(part)) lines[last] = `${lines[last]} ${part}`;
    else if (part !== '') lines.push(part);
  }
  return lines.map((l) => withoutEndMark(l)).filter((l) => l !== '');
}

/** The texts of a block's links, one per link. */
function linkTexts(el: ElementLike): string[] {
  return [...el.querySelectorAll('a')].map((a) => collapseSpaces(a.textContent ?? '')).filter((t) => t !== '');
}

function htmlBlocks(html: string): PageBlock[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return pageBlocks(document.body as unknown as ElementLike);
}

/** The main article of a page without readability: <article>, <main> or <body>, minus obvious chrome. */
function fallbackBlocks(doc: LinkedomDocument): PageBlock[] {
  const root = (doc.querySelector('article') ?? doc.querySelector('main') ?? doc.querySelector('[role="main"]') ?? doc.body) as ElementLike | null;
  if (!root) return [];
  for (const sel of [...CHROME_SELECTORS, ...EMBEDDED_SELECTORS]) for (const el of [...root.querySelectorAll(sel)]) el.remove();
  return pageBlocks(root);
}

/**
 * Extract the article from an HTML page: main text (readability over linkedom, with a chrome-stripping fallback when
 * readability finds nothing), title, byline and publication date (`article:published_time`/`og:`/`date` meta,
 * JSON-LD `datePublished`, `<time datetime>`), site name and canonical URL. The text is then cleaned of any chrome
 * readability kept ("Related" lists, prompts, footers).
 */
export function extractHtml(html: string): ExtractedPage {
  // A fragment (paragraphs saved without their page: "date 2025-12-29 <p>Moscow: …</p><p>…"): the parser needs a body
  // to put it in, or it keeps none of it.
  const page = asDocument(withoutScripts(html));
  const { document } = parseHTML(page);
  const meta = metaIndex(document);
  const ld = jsonLdDates(document);
  const timeEl = document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]');
  // The first of the page's publication dates that reads as one (a placeholder such as "0001-01-01" does not).
  const published = [
    ...PUBLISHED_META.map((name) => meta([name])),
    ld.published,
    (document.querySelector('[itemprop="datePublished"][datetime]') as ElementLike | null)?.getAttribute('datetime') ?? undefined,
    (timeEl as ElementLike | null)?.getAttribute('datetime') ?? undefined,
  ]
    .map(normaliseDateKeepingOffset)
    .find((d) => d !== undefined);
  // Read now, used only after Readability's own find: Readability changes the document.
  const shown = published === undefined ? shownDate(document) : undefined;
  const siteName = meta(['og:site_name', 'application-name']);
  const canonical = (document.querySelector('link[rel="canonical"]') as ElementLike | null)?.getAttribute('href') ?? meta(['og:url']);
  const metaTitle = meta(['og:title', 'twitter:title']) ?? ld.headline;
  const metaAuthor = meta(['author', 'article:author', 'byl', 'parsely-author']) ?? ld.author;
  const h1 = (document.querySelector('h1') as ElementLike | null)?.textContent ?? undefined;
  const titleTag = (document.querySelector('title') as ElementLike | null)?.textContent ?? undefined;

  // Everything read from the page as written is read by now: readability may change this document.
  for (const el of [...(document.querySelectorAll(EMBEDDED_SELECTORS.join(', ')) as Iterable<ElementLike>)]) el.remove();
  let parsed: ReturnType<Readability<ElementLike>['parse']> = null;
  try {
    // The article element itself, not its HTML: nothing to serialise and parse again.
    parsed = new Readability<ElementLike>(document as unknown as ReadabilityDocument, { charThreshold: 200, serializer: (node) => node as unknown as ElementLike }).parse();
  } catch {
    parsed = null;
  }
  let blocks = parsed?.content ? pageBlocks(parsed.content) : [];
  let cleaned = articleText(blocks).text;
  let via: ExtractedPage['via'] = 'readability';
  // The page's own summary of itself: its title and description, which the article's text tells again.
  const summary = summaryWords([metaTitle, h1, meta(['og:description', 'description', 'twitter:description'])]);
  const readabilityShare = summaryShare(cleaned, summary);
  if (cleaned.length < 200 || readabilityShare < OTHER_BLOCK_SHARE) {
    // Readability has changed the document: the fallback reads the page afresh.
    const fallback = fallbackBlocks(parseHTML(page).document);
    const fallbackText = articleText(fallback).text;
    // (Longer, or, when Readability took another block of the page, an article that tells the page's summary again.)
    const tellsSummary = (): boolean =>
      fallbackText.length >= OTHER_BLOCK_MIN_CHARS && summaryShare(fallbackText, summary) >= readabilityShare + OTHER_BLOCK_SHARE;
    if (cleaned.length < 200 ? fallbackText.length > cleaned.length : tellsSummary()) {
      blocks = fallback;
      cleaned = fallbackText;
      via = 'fallback';
    }
  }
  // A page rendered in the browser (a static export of Next.js: an empty <div id="__next"> and the post in a JSON
  // <script>) shows nothing to a parser: its article is the HTML kept in that data.
  const embedded = cleaned.length < 200 ? embeddedArticle(html) : undefined;
  if (embedded) {
    const embeddedBlocks = htmlBlocks(embedded.html);
    const embeddedText = articleText(embeddedBlocks).text;
    if (embeddedText.length > cleaned.length) {
      blocks = embeddedBlocks;
      cleaned = embeddedText;
      via = 'embedded';
    }
  }
  const title = pageTitle([metaTitle, h1, parsed?.title ?? undefined, titleTag, via === 'embedded' ? embedded?.title : undefined], siteName ?? parsed?.siteName ?? undefined);
  const byline = (parsed?.byline ?? metaAuthor ?? '').replace(/\s+/g, ' ').replace(/^by\s+/i, '').trim();
  const out: ExtractedPage = { text: cleaned, blocks, via };
  if (title) out.title = title;
  if (byline) out.byline = byline.slice(0, 120);
  const publishedAt = published ?? normaliseDateKeepingOffset(parsed?.publishedTime ?? undefined) ?? shown ?? (via === 'embedded' ? normaliseDateKeepingOffset(embedded?.published) : undefined);
  if (publishedAt) out.publishedAt = publishedAt;
  if (siteName ?? parsed?.siteName) out.siteName = (siteName ?? parsed?.siteName ?? '').trim();
  if (canonical && /^https?:\/\//i.test(canonical)) out.canonicalUrl = canonical;
  return out;
}

/**
 * The least share of the words of a page's title and description that its article's opening tells again. Readability
 * can take another block of the page for the article: on a Reuters page of 2023 (fundus's test set) it returned the
 * California privacy notice, whose words are none of the headline's ("Nepal says 'no proof' flydubai plane suffered
 * bird strike"), while the article's paragraphs stood in their own elements further down.
 */
const OTHER_BLOCK_SHARE = 0.2;
/** The least text the page read afresh must give to stand for the article instead. */
const OTHER_BLOCK_MIN_CHARS = 500;
/** How much of an article's opening is read against its summary: where a report tells its news. */
const OPENING_CHARS = 3_000;

function summaryWords(parts: ReadonlyArray<string | undefined>): Set<string> {
  return new Set(parts.flatMap((p) => (p === undefined ? [] : contentWords(p))));
}

/** The share of the summary's words found in the text's opening (1 when the page has no summary to go by). */
function summaryShare(text: string, summary: ReadonlySet<string>): number {
  if (summary.size < 4) return 1;
  const words = new Set(contentWords(text.slice(0, OPENING_CHARS)));
  let found = 0;
  for (const w of summary) if (words.has(w)) found++;
  return found / summary.size;
}

/** The most JSON a page's data script may hold to be read (a news page's is a few hundred KB). */
const EMBEDDED_MAX_CHARS = 2_000_000;
/** The most values read in it: the walk stays linear and bounded whatever the page sends. */
const EMBEDDED_MAX_NODES = 50_000;

/**
 * The article a page keeps only in its JSON data (`<script type="application/json">`, as Next.js's `__NEXT_DATA__`):
 * the longest string of paragraph markup in it, with the title and date of the object that holds it. Undefined when the
 * page has no such data, or none of it is an article's HTML.
 */
export function embeddedArticle(html: string): { html: string; title?: string; published?: string } | undefined {
  let best: { html: string; title?: string; published?: string } | undefined;
  for (const m of html.matchAll(/<script\b[^>]*\btype=["']application\/json["'][^>]*>([\s\S]*?)<\/script\s*>/gi)) {
    const raw = m[1] ?? '';
    // (Its markup may be escaped: "\u003cp\u003e".)
    if (raw.length > EMBEDDED_MAX_CHARS || !/<p|\\u003cp/i.test(raw)) continue;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      continue;
    }
    let nodes = 0;
    const stack: unknown[] = [data];
    while (stack.length > 0 && nodes < EMBEDDED_MAX_NODES) {
      const value = stack.pop();
      nodes++;
      if (value === null || typeof value !== 'object') continue;
      const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
      for (const [key, v] of entries) {
        if (typeof v !== 'string') {
          stack.push(v);
          continue;
        }
        if (v.length <= (best?.html.length ?? 0) || !/<p[\s>]/i.test(v)) continue;
        const own = value as Record<string, unknown>;
        const text = (k: string) => (typeof own[k] === 'string' && k !== key ? (own[k] as string) : undefined);
        best = { html: v };
        const title = text('title') ?? text('headline');
        const published = text('datePublished') ?? text('publishedAt') ?? text('date');
        if (title !== undefined) best.title = title;
        if (published !== undefined) best.published = published;
      }
    }
  }
  return best;
}

function asDocument(html: string): string {
  if (/<(?:html|body)[\s>]/i.test(html)) return html;
  // Text before the first tag (a crawler's "date …" line) is a paragraph of its own.
  return `<!doctype html><html><head></head><body>${html.replace(/^\s*([^<]*\S)\s*(?=<)/, '<p>$1</p>')}</body></html>`;
}

/**
 * Comments, scripts (except JSON-LD, which dates the article), styles and inline SVG never hold article text, and
 * on a real news page they are most of its bytes: cut them before parsing. One left-to-right pass, as a parser reads
 * them, so a "<script>" inside a comment or a "-->" inside a script is not mistaken for a boundary. A comment goes
 * without a trace: React pages put empty ones between the text nodes of one word ("tripl<!-- -->e"), which a
 * browser shows whole.
 */
function withoutScripts(html: string): string {
  return html.replace(/<!--[\s\S]*?-->|<script\b([^>]*)>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi, (m, scriptAttrs: string | undefined) =>
    scriptAttrs !== undefined && /application\/ld\+json/i.test(scriptAttrs) ? m : m.startsWith('<!--') ? '' : ' ',
  );
}

/** Plain text of an HTML fragment (a feed item's description), one paragraph per line. */
export function htmlFragmentText(html: string): string {
  return articleText(htmlBlocks(html)).text;
}

/** The blocks of an HTML fragment (a feed item's content), for ingestion to classify. */
export function htmlFragmentBlocks(html: string): PageBlock[] {
  return htmlBlocks(html);
}

/**
 * A page's headline from its candidates (og:title, the h1, Readability's title, <title>), best first: the site's
 * name and a section appended or prepended with a separator are cut ("Talks stall | The Independent", "Ukraine – DW –
 * 05/19/2025"), and a candidate that is only the site name, or no headline at all, is passed over.
 */
export function pageTitle(candidates: ReadonlyArray<string | undefined>, siteName?: string): string {
  const site = siteName?.trim().toLowerCase();
  for (const raw of candidates) {
    if (!raw) continue;
    let t = collapseSpaces(raw);
    // Cut a site or section name from either end, one part at a time: short parts only, so a headline with a dash
    // inside ("Zelensky – 'we will not give up land'") stays whole.
    const SEP = /\s+[|–—*-]\s+|\s+[|•·»›]\s*/;
    // A colon spaced on both sides sets off a site after the headline (" : NPR"), never a headline's own first part.
    t = t.replace(/\s+:\s+(\S[^:]{0,40})$/, (m, site: string) => (site.split(' ').length <= 4 && t.length - m.length > site.length ? '' : m));
    for (let parts = t.split(SEP); parts.length > 1; parts = t.split(SEP)) {
      const isName = (p: string) => (site !== undefined && p.toLowerCase() === site) || p.split(' ').length <= 4;
      const last = parts[parts.length - 1] ?? '';
      const first = parts[0] ?? '';
      const rest = (p: string) => t.length - p.length;
      if (isName(last) && rest(last) > last.length) t = t.slice(0, t.length - last.length).replace(/[\s|–—•·»›*-]+$/, '');
      else if (isName(first) && rest(first) > first.length) t = t.slice(first.length).replace(/^[\s|–—•·»›*-]+/, '');
      else break;
    }
    if (t.split(' ').length < 3) continue;
    // The site's name, or a section's label for a title ("Yahoo News - Latest News & Headlines"): the next candidate.
    if ((site && (t.toLowerCase() === site || site.endsWith(t.toLowerCase()))) || GENERIC_TITLE.test(t)) continue;
    return t;
  }
  return '';
}
