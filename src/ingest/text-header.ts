import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { instantMs } from '../time/instant.js';
import { pageTitle } from './extract-html.js';
import { normaliseDateKeepingOffset } from './page-date.js';
import { dayInUrl } from './url-date.js';

/**
 * What a saved page's metadata header says about the article: the header a clipper, a crawler or a static site writes
 * above the text (YAML front matter, a reader service's "Title: / URL Source: / Published Time:" lines), read as a
 * page's meta tags are read, and the article text below it.
 */
export interface TextHeader {
  /** The text with the header blanked, so offsets still count from the file's start (all of it when there is none). */
  body: string;
  title?: string;
  url?: string;
  publishedAt?: string;
  byline?: string;
  siteName?: string;
}

/**
 * Front matter: "---" on the first line, "---" (or YAML's "...") closing it. A header longer than this is no header:
 * a text that opens on a rule and has another further down is an article.
 */
const FRONT_MATTER = /^\uFEFF?\s*---[ \t]*\r?\n([\s\S]{1,6000}?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** A reader service's header (r.jina.ai and its imitators): the title, the address, the time, then the markdown. */
const READER_HEADER =
  /^\uFEFF?\s*Title:[ \t]*(.*)\r?\n\s*URL Source:[ \t]*(\S+)[ \t]*\r?\n(?:\s*Published Time:[ \t]*(.*)\r?\n)?(?:\s*[A-Z][\w ]{2,30}:[ \t]*.*\r?\n){0,8}?\s*Markdown Content:[ \t]*\r?\n/;

/** A field's name as written in any of the conventions ("published_time", "publishedTime", "Published-Time"). */
function fieldKey(name: string): string {
  return name.toLowerCase().replace(/^(?:og|article):/, '').replace(/[\s_:-]+/g, '');
}

// Field names, most specific first. "created", "updated", "scraped" and "clipped" are when the copy was made or
// touched, never the article's publication: they are not read.
const TITLE_KEYS = ['title', 'headline'];
const URL_KEYS = ['url', 'source', 'sourceurl', 'urlsource', 'link', 'canonical', 'canonicalurl', 'originalurl', 'permalink'];
const PUBLISHED_KEYS = ['publishedtime', 'publishedat', 'published', 'datepublished', 'pubdate', 'date'];
/**
 * A site's own name for the publication date ("page_date", "post_date", "article_date", "publish_date"), in the
 * order the header gives them, after the usual names: never a date of the copy (made, touched, fetched) or of its
 * picture.
 */
function otherDateKeys(map: ReadonlyMap<string, unknown>): string[] {
  return [...map.keys()].filter((k) => OTHER_DATE_KEY.test(k) && !NOT_PUBLICATION_DATE.test(k) && !PUBLISHED_KEYS.includes(k));
}
const OTHER_DATE_KEY = /^(?:page|post|article|story|entry|news|publish|publication|pub|release|issue)(?:date|published|time)$/;
const NOT_PUBLICATION_DATE = /modif|updat|creat|scrap|crawl|fetch|retriev|clip|access|captur|download|save|index|expir|img|image|figure|photo/;
const AUTHOR_KEYS = ['author', 'authors', 'byline'];
const SITE_KEYS = ['sitename', 'site', 'publisher', 'outlet', 'source'];

const scalar = z.union([z.string(), z.number(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString() : String(v)).trim());
const scalarOrList = z.union([scalar, z.array(scalar).transform((vs) => vs.filter(Boolean).join(', '))]);
const fields = z.record(z.string(), z.unknown());

function pick(map: ReadonlyMap<string, unknown>, keys: readonly string[], accept: (v: string) => boolean): string | undefined {
  for (const k of keys) {
    const parsed = scalarOrList.safeParse(map.get(k));
    if (parsed.success && parsed.data !== '' && accept(parsed.data)) return parsed.data;
  }
  return undefined;
}

const isUrl = (v: string): boolean => /^https?:\/\/\S+$/i.test(v);

/** How far a header's date may stand from the day its page's address names before the address is believed instead. */
const URL_DAY_SLACK_MS = 2 * 86_400_000;

function fromFields(raw: Record<string, unknown>, body: string, now: Date): TextHeader | undefined {
  const map = new Map<string, unknown>();
  for (const [k, v] of Object.entries(raw)) if (!map.has(fieldKey(k))) map.set(fieldKey(k), v);
  const url = pick(map, URL_KEYS, isUrl);
  const siteName = pick(map, SITE_KEYS, (v) => !isUrl(v) && v.length <= 80);
  const rawTitle = pick(map, TITLE_KEYS, (v) => v.length <= 400);
  const title = rawTitle === undefined ? undefined : pageTitle([rawTitle], siteName) || undefined;
  let publishedAt = normaliseDateKeepingOffset(pick(map, [...PUBLISHED_KEYS, ...otherDateKeys(map)], (v) => /\d{4}/.test(v)));
  // A crawler's "date" is sometimes another date of the page (a picture's, 2019, on a 2025 story): the page's address
  // names the day its system filed it under, and wins when the two are days apart.
  const urlDay = dayInUrl(url, now);
  if (publishedAt !== undefined && urlDay !== undefined && Math.abs(instantMs(publishedAt) - instantMs(urlDay)) > URL_DAY_SLACK_MS) publishedAt = undefined;
  const byline = pick(map, AUTHOR_KEYS, (v) => v.length <= 120);
  // A mapping that names none of an article's fields is no header ("Moscow: talks resumed" parses as one).
  if (url === undefined && title === undefined && publishedAt === undefined) return undefined;
  return { body, ...(title ? { title } : {}), ...(url ? { url } : {}), ...(publishedAt ? { publishedAt } : {}), ...(byline ? { byline } : {}), ...(siteName ? { siteName } : {}) };
}

/**
 * The text with its first `length` characters blanked (line breaks kept): the article below the header keeps its
 * offsets in the file, so every fact still points at its place in what the user saved.
 */
function below(text: string, length: number): string {
  return text.slice(0, length).replace(/[^\r\n]/g, ' ') + text.slice(length);
}

/** The metadata header of a saved text and the article below it; `{ body: text }` when the text has none. */
export function readTextHeader(text: string, now: Date): TextHeader {
  const reader = READER_HEADER.exec(text);
  if (reader) {
    const header = fromFields({ title: reader[1], url: reader[2], published: reader[3] }, below(text, reader[0].length), now);
    if (header) return header;
  }
  const front = FRONT_MATTER.exec(text);
  if (front) {
    const block = front[1] ?? '';
    let raw: unknown;
    try {
      raw = parseYaml(block);
    } catch {
      raw = undefined;
    }
    const parsed = fields.safeParse(raw);
    // Clippers write values as they come: "title: Zelensky: Russia is dragging out talks" is no valid YAML, and in
    // "title: Ukraine #1 priority" YAML reads a comment. Each top-level line's own value stands in, or wins when YAML
    // kept only the start of it.
    const lines = plainFields(block);
    const merged: Record<string, unknown> = parsed.success && !Array.isArray(raw) ? { ...parsed.data } : {};
    for (const [key, value] of Object.entries(lines)) {
      const yamlValue = merged[key];
      if (yamlValue === undefined || (typeof yamlValue === 'string' && value.length > yamlValue.length && value.startsWith(yamlValue))) merged[key] = value;
    }
    const header = fromFields(merged, below(text, front[0].length), now);
    if (header) return header;
  }
  // No header, but a line near the top that says where the text came from ("URL: https://…", a scraper's
  // "- **URL**: https://…"): the page's address, as `--url` gives it. The line stays (the classifier drops it).
  const address = SOURCE_LINE.exec(text.slice(0, SOURCE_LINE_CHARS));
  return address ? { body: text, url: address[1] as string } : { body: text };
}

/** An address line among a saved text's first lines: its label, perhaps in a list and in bold, then the address. */
const SOURCE_LINE = /^[ \t]*(?:[-*][ \t]+)?(?:\*\*)?(?:URL|URL Source|Source URL|Original URL|Canonical URL)(?:\*\*)?[ \t]*:[ \t]*(?:\*\*[ \t]*)?<?(https?:\/\/[^\s<>]+)>?[ \t]*$/im;
/** How far into a text its address line is looked for. */
const SOURCE_LINE_CHARS = 1500;

/** "key: value" on the header's top-level lines, each value as written (outer quotes taken off). */
function plainFields(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const m = /^([A-Za-z][\w:-]{0,40}?):[ \t]+(\S.*?)\s*$/.exec(line);
    if (!m || out[m[1] as string] !== undefined) continue;
    out[m[1] as string] = (m[2] as string).replace(/^(["'])(.*)\1$/, '$2');
  }
  return out;
}
