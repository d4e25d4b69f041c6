import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestInputs } from '../../src/ingest/pipeline.js';
import { readTextHeader } from '../../src/ingest/text-header.js';
import { eventRecordSchema } from '../../src/records/schema.js';
import { ceasefireStory } from './story.js';

const NOW = new Date('2026-03-01T12:00:00Z');

const BODY = [
  'Show me more content from TIME on Google Search',
  'The second day of peace talks between Ukrainian and Russian officials in Geneva ended abruptly on Wednesday, after two hours of discussions.',
  'Ukrainian President Volodymyr Zelensky said Russia was trying to drag out negotiations that could already have reached the final stage.',
  'Moscow is fighting for Ukraine to give up parts of the Donbas region that Ukrainian forces still control, and Kyiv has rejected any such land concessions.',
].join('\n');

describe("a saved text's metadata header", () => {
  it('reads front matter as a page\'s meta tags: headline without the site, address, publication time, author; the body below it', () => {
    const text = `---\ntitle: "Ukraine-Russia Peace Talks End Abruptly | TIME"\nsource: https://time.com/7379321/ukraine-russia-peace-talks-end/\ndate: 2026-02-18T14:05:00Z\nauthor: [Jane Doe, John Roe]\nword_count: 1276\n---\n\n${BODY}`;
    const header = readTextHeader(text, NOW);
    expect(header).toMatchObject({ title: 'Ukraine-Russia Peace Talks End Abruptly', url: 'https://time.com/7379321/ukraine-russia-peace-talks-end/', publishedAt: '2026-02-18T14:05:00Z', byline: 'Jane Doe, John Roe' });
    expect(header.body.trimStart().startsWith('Show me more content')).toBe(true);
    expect(header.body).not.toContain('word_count');
    // The header is blanked, not cut: what follows keeps its place in the file.
    expect(header.body.length).toBe(text.length);
    expect(header.body.indexOf('Show me more content')).toBe(text.indexOf('Show me more content'));
  });

  it('reads a title a clipper wrote unquoted (a colon, a "#" inside it) as written', () => {
    const colon = readTextHeader(`---\ntitle: Zelensky: Russia is dragging out Geneva talks | TIME\nsource: https://time.com/7379321/x/\ndate: 2026-02-18\n---\n${BODY}`, NOW);
    expect(colon).toMatchObject({ title: 'Zelensky: Russia is dragging out Geneva talks', url: 'https://time.com/7379321/x/', publishedAt: '2026-02-18T00:00:00Z' });
    expect(readTextHeader(`---\ntitle: Ukraine #1 priority for Europe, Merz says\nurl: https://example.com/a\n---\n${BODY}`, NOW).title).toBe('Ukraine #1 priority for Europe, Merz says');
  });

  it("takes a saved text's address from a line near its top that gives it, and never from a source credited in the body", () => {
    const listed = readTextHeader(`# www.kfgo.com\n\n## Metadata\n\n- **URL**: https://kfgo.com/2026/02/26/us-slows-lukoil-sale/\n- **Scraped at**: 2026-02-28T02:34:31+00:00\n\n## Content\n\n${BODY}`, NOW);
    expect(listed.url).toBe('https://kfgo.com/2026/02/26/us-slows-lukoil-sale/');
    expect(listed.body.length).toBeGreaterThan(BODY.length);
    expect(readTextHeader(`URL: https://example.com/world/geneva-talks\n${BODY}`, NOW).url).toBe('https://example.com/world/geneva-talks');
    expect(readTextHeader(`${BODY}\nSource: https://twitter.com/ZelenskyyUa/status/1`, NOW).url).toBeUndefined();
  });

  it("reads a reader service's header (Title, URL Source, Published Time, Markdown Content)", () => {
    const text = `Title: Zelensky says Geneva talks were difficult\n\nURL Source: https://example.com/world/geneva-talks\n\nPublished Time: 2026-02-18T10:00:00+01:00\n\nMarkdown Content:\n${BODY}`;
    // (The page's own offset is kept: its calendar day is the one its readers saw.)
    expect(readTextHeader(text, NOW)).toMatchObject({ title: 'Zelensky says Geneva talks were difficult', url: 'https://example.com/world/geneva-talks', publishedAt: '2026-02-18T10:00:00+01:00' });
  });

  it('takes no date from a header that says "unknown", nor one days away from the day the page address names', () => {
    const unknown = readTextHeader(`---\ntitle: Peace talks resume in Geneva on Tuesday\nsource: https://example.com/story/894746\ndate: unknown\n---\n${BODY}`, NOW);
    expect(unknown.publishedAt).toBeUndefined();
    expect(unknown.title).toBe('Peace talks resume in Geneva on Tuesday');
    // A crawler's "date" taken from a picture of 2019 on a story its address files under 10 February 2025.
    const stale = readTextHeader(`---\ntitle: Russia plays hardball on Ukraine peace discussions\nsource: https://reuters.com/world/europe/kremlin-putin-call-2025-02-10\ndate: 2019-06-28\n---\n${BODY}`, NOW);
    expect(stale.publishedAt).toBeUndefined();
    expect(stale.url).toBe('https://reuters.com/world/europe/kremlin-putin-call-2025-02-10');
  });

  it("reads a site's own name for the publication date (\"page_date\", \"post_date\"), never its picture's or the copy's", () => {
    const page = readTextHeader(`---\n  title: "Russia Agreed to Halt Some Strikes On Ukraine"\n  img_date: "Jun 1, 2024"\n  page_date: "Mar 18, 2025"\n---\n${BODY}`, NOW);
    expect(page).toMatchObject({ title: 'Russia Agreed to Halt Some Strikes On Ukraine', publishedAt: '2025-03-18T00:00:00Z' });
    expect(readTextHeader(`---\ntitle: Peace talks resume\npost_date: 2025-03-18\n---\n${BODY}`, NOW).publishedAt).toBe('2025-03-18T00:00:00Z');
    for (const key of ['page_modified_date', 'image_date', 'crawled_date'])
      expect(readTextHeader(`---\ntitle: Peace talks resume\n${key}: 2025-03-18\n---\n${BODY}`, NOW).publishedAt).toBeUndefined();
  });

  it('leaves a text without a header whole: a rule above the article, or a "key: value" block that names no article field', () => {
    for (const text of [BODY, `---\nMoscow: talks resumed in Geneva\nKyiv: no comment\n---\n${BODY}`, `---\n${BODY}\n\n---\nMore text`]) {
      expect(readTextHeader(text, NOW)).toEqual({ body: text });
    }
    // Markdown's rule with an article far below it is no header, however the rest reads.
    const long = `---\n${'Peace talks resumed in Geneva on Tuesday. '.repeat(200)}\n---\n${BODY}`;
    expect(readTextHeader(long, NOW)).toEqual({ body: long });
  });

  it('ingests a saved text by its header: the title is the headline, never the first chrome line, and the date and site come from it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-header-'));
    try {
      const file = join(dir, 'crawl_2bdc05d7b899.txt');
      writeFileSync(file, `---\ntitle: "Ukraine-Russia Peace Talks End Abruptly | TIME"\nsource: https://time.com/7379321/ukraine-russia-peace-talks-end/\ndate: 2026-02-18T14:05:00Z\nsite_name: TIME\n---\n\n${BODY}`);
      const run = await ingestInputs([file], { story: ceasefireStory(), now: NOW, dryRun: true });
      expect(run.results[0]?.ok).toBe(true);
      const record = eventRecordSchema.parse(run.records[0]);
      expect(record.title).toBe('Ukraine-Russia Peace Talks End Abruptly');
      expect(record.occurredAt).toBe('2026-02-18');
      expect(record.sources[0]).toMatchObject({ name: 'TIME', url: 'https://time.com/7379321/ukraine-russia-peace-talks-end/', publishedAt: '2026-02-18T14:05:00Z' });
      expect(JSON.stringify(record)).not.toMatch(/Show me more|word_count|source:/);
      // What the command line says wins over the header.
      const given = await ingestInputs([file], { story: ceasefireStory(), now: NOW, dryRun: true, published: '2026-02-19T08:00:00Z', sourceName: 'Time Magazine' });
      expect(given.records[0]?.sources[0]).toMatchObject({ name: 'Time Magazine', publishedAt: '2026-02-19T08:00:00Z' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
