import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/ingest/analyze.js';
import { extractHtml, pageTitle } from '../../src/ingest/extract-html.js';
import { normaliseDate } from '../../src/ingest/page-date.js';
import { ingestInputs } from '../../src/ingest/pipeline.js';
import { eventRecordSchema } from '../../src/records/schema.js';
import { ceasefireStory } from './story.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const CHROME = [
  'cookie', 'Accept all', 'Home', 'Business', 'Sport', 'Search', 'Share', 'Facebook', 'Related stories', 'Central bank holds',
  'cup final', 'Sign up', 'newsletter', 'inbox', 'Leave the first comment', 'What is your opinion', '©', 'All rights reserved',
  'Privacy', 'By Anna Petrenko', 'attends a briefing', 'Shemetov', 'pic.twitter.com', '@ZelenskyyUa',
];

describe('HTML extraction', () => {
  it('keeps the article paragraphs and none of the page chrome', () => {
    const page = extractHtml(readFileSync(join(FIXTURES, 'chrome-heavy.html'), 'utf8'));
    expect(page.text).toContain('The Kremlin said on Tuesday that President Vladimir Putin was ready to work with Ukraine');
    expect(page.text).toContain('Kremlin spokesman Dmitry Peskov told reporters');
    expect(page.text).toContain('Ukrainian President Volodymyr Zelenskyy said Kyiv would not withdraw');
    expect(page.text).toContain('Peskov said a venue for direct talks');
    for (const c of CHROME) expect(page.text).not.toContain(c);
    expect(page.title).toBe('Kremlin says Putin open to memorandum with Ukraine');
    expect(page.byline).toBe('Anna Petrenko');
    expect(page.publishedAt).toBe('2025-05-20T09:15:00Z');
    expect(page.siteName).toBe('Daily Wire Service');
    expect(page.canonicalUrl).toBe('https://news.example.test/world/kremlin-memorandum');
  });

  it('takes a screen reader\'s link note, an ad-blocker notice and a site name set off by asterisks off the page', () => {
    const html = `<!doctype html><html><head><title>Zelensky Says Kyiv Is Ready for Talks in Geneva * The Daily Example * by Ann Writer</title></head>
      <body><article><h1>Zelensky Says Kyiv Is Ready for Talks in Geneva</h1>
      <p>Ukrainian President Volodymyr Zelensky said on Monday that Kyiv was ready for a new round of talks on a ceasefire in Geneva next week.</p>
      <p>The report<a href="https://example.org/r">, opens new tab</a> by the Kremlin's envoy said Moscow would send a delegation led by Vladimir Medinsky.</p>
      <p>Some site features may not work correctly while an ad blocker is enabled, because they break scripts this website depends on.</p>
      </article></body></html>`;
    const page = extractHtml(html);
    expect(page.text).toContain('The report by the Kremlin');
    expect(page.text).not.toContain('opens new tab');
    expect(page.text).not.toContain('ad blocker');
    expect(pageTitle(['Zelensky Says Kyiv Is Ready for Talks in Geneva * The Daily Example * by Ann Writer'])).toBe('Zelensky Says Kyiv Is Ready for Talks in Geneva');
    // A section's label for og:title gives way to the h1.
    expect(pageTitle(['Yahoo News - Latest News & Headlines', 'Russia: Cargo ship breaks up over Siberia'], 'Yahoo News - Latest News & Headlines')).toBe('Russia: Cargo ship breaks up over Siberia');
    // A colon spaced on both sides sets off the site as a bar does; a headline's own colon has no space before it.
    expect(pageTitle(['U.S. gave Ukraine and Russia June deadline to reach peace agreement, Zelenskyy says  : NPR'])).toBe('U.S. gave Ukraine and Russia June deadline to reach peace agreement, Zelenskyy says');
    expect(pageTitle(['Zelensky: Kyiv will not give up land'])).toBe('Zelensky: Kyiv will not give up land');
    expect(pageTitle(['Peace talks in Geneva : live updates from day two'])).toBe('Peace talks in Geneva : live updates from day two');
  });

  it('breaks a paragraph\'s lines where the page breaks them with <br>, and goes on where a break falls inside a sentence', () => {
    const html = `<!doctype html><html><head><title>Munir warns of digital terrorism</title></head>
      <body><article><h1>Munir warns of digital terrorism as Pakistan widens its campaign against militancy</h1>
      <p>He described the activities of "inimical" forces as a form of "digital terrorism" aimed at creating discord between the military and the public.<br><br>Launched in June, the operation is tackling not only militancy but also the campaigns against the army on social media.</p>
      <p>The army's spokesman said the campaign against the military on social media was run from abroad and would be met by the<br>law, he told reporters in Rawalpindi on Thursday.</p>
      </article></body></html>`;
    const lines = extractHtml(html).blocks.map((b) => b.text);
    expect(lines).toContain('He described the activities of "inimical" forces as a form of "digital terrorism" aimed at creating discord between the military and the public.');
    expect(lines).toContain('Launched in June, the operation is tackling not only militancy but also the campaigns against the army on social media.');
    expect(lines.join('\n')).not.toContain('public.Launched');
    expect(lines).toContain('The army\'s spokesman said the campaign against the military on social media was run from abroad and would be met by the law, he told reporters in Rawalpindi on Thursday.');
  });

  it('falls back gracefully on pages without article markup', () => {
    const page = extractHtml(readFileSync(join(FIXTURES, 'no-article.html'), 'utf8'));
    expect(page.text).toContain('exchanged 390 prisoners');
    expect(page.text).not.toMatch(/Home \| World|Copyright/);
    expect(page.publishedAt).toBe('2025-05-21T00:00:00Z');
  });

  it('reads paragraphs saved without their page (a fragment after a crawler\'s date line), not nothing', () => {
    const page = extractHtml(
      ' date 2025-12-29 <p>Moscow: Russian Foreign Minister Sergei Lavrov said on Monday that Moscow would review its negotiating position after the drone attack.</p><p>Lavrov said Russia would not leave the negotiations, but that its position would be reviewed.</p><p>Ukrainian President Volodymyr Zelenskyy said the accusation was a lie.</p>',
    );
    expect(page.text).toContain('Lavrov said Russia would not leave the negotiations');
    expect(page.text).toContain('Zelenskyy said the accusation was a lie.');
  });

  it('ingests an HTML page into a record with the page’s title, publisher, URL, date and attributed quotes', async () => {
    const run = await ingestInputs([join(FIXTURES, 'chrome-heavy.html')], { story: ceasefireStory(), now: new Date('2025-05-21T00:00:00Z'), dryRun: true });
    expect(run.results[0]?.ok).toBe(true);
    const record = eventRecordSchema.parse(run.records[0]);
    expect(record.title).toBe('Kremlin says Putin open to memorandum with Ukraine');
    expect(record.occurredAt).toBe('2025-05-20');
    expect(record.sources[0]).toMatchObject({ id: 'daily-wire-service', name: 'Daily Wire Service', url: 'https://news.example.test/world/kremlin-memorandum', publishedAt: '2025-05-20T09:15:00Z' });
    expect(record.facts.find((f) => f.text.includes('the devil is in the details'))).toMatchObject({ speaker: 'Dmitry Peskov', quote: true });
    expect(record.facts.find((f) => f.text.includes('would not withdraw'))?.speaker).toBe('Volodymyr Zelenskyy');
    expect(record.facts.some((f) => f.watch !== undefined)).toBe(true);
    for (const c of CHROME) expect(JSON.stringify(record.facts)).not.toContain(c);
  });

  it('reads a text that carries a stray tag (a caption copied with its markup) as text, and a page or a fragment of tags as HTML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-stray-tag-'));
    try {
      const text = [
        'Ukrainian president rejects Olympic truce',
        '<p>Ukrainian President Volodymyr Zelensky <em>(TASS)</em></p>',
        'PARIS – Ukrainian President Volodymyr Zelensky has rejected French leader Emmanuel Macron’s idea of a truce during the Paris Olympic Games, saying a pause would help Russia regroup before any peace talks.',
        'Kremlin spokesman Dmitry Peskov said Moscow had not received any official proposal from Paris on an Olympic truce or on peace talks.',
      ].join('\n\n');
      const file = join(dir, 'olympic-truce.txt');
      writeFileSync(file, text);
      const run = await ingestInputs([file], { story: ceasefireStory(), now: new Date('2024-05-18T00:00:00Z'), dryRun: true });
      expect(run.results[0]?.ok).toBe(true);
      expect(run.records[0]?.title).toBe('Ukrainian president rejects Olympic truce');
      expect(run.records[0]?.facts.some((f) => f.text.includes('has rejected French leader'))).toBe(true);
      const page = join(dir, 'page.txt');
      writeFileSync(page, `<p>${text.split('\n\n').slice(2).join('</p><p>')}</p>`);
      const asPage = await ingestInputs([page], { story: ceasefireStory(), now: new Date('2024-05-18T00:00:00Z'), dryRun: true });
      expect(asPage.records[0]?.facts.map((f) => f.text).join(' ')).not.toContain('<p>');
      // A crawler's fragment of two paragraphs after its date line is a page too: most of it is inside the tags.
      const fragment = join(dir, 'fragment.txt');
      writeFileSync(fragment, ` date 2024-05-17 <p>${text.split('\n\n').slice(2, 4).join('</p><p>')}</p>`);
      const asFragment = await ingestInputs([fragment], { story: ceasefireStory(), now: new Date('2024-05-18T00:00:00Z'), dryRun: true });
      expect(asFragment.records[0]?.facts.length).toBeGreaterThan(0);
      expect(asFragment.records[0]?.facts.map((f) => f.text).join(' ')).not.toContain('<p>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a date without its zone as UTC, wherever sitrep runs', () => {
    const tz = process.env.TZ;
    try {
      for (const zone of ['America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = zone;
        expect(normaliseDate('August 21, 2025')).toBe('2025-08-21T00:00:00Z');
        expect(normaliseDate('2025-03-25 11:00:25')).toBe('2025-03-25T11:00:25Z');
        expect(normaliseDate('2025-03-25 11:00:25-04:00')).toBe('2025-03-25T15:00:25Z');
        expect(normaliseDate('Thu, 21 Aug 2025 10:00:00 GMT')).toBe('2025-08-21T10:00:00Z');
        // A trailing year is no offset; an offset of hours only, or one with the zone's name after it, is.
        expect(normaliseDate('03-25-2025')).toBe('2025-03-25T00:00:00Z');
        expect(normaliseDate('25-Mar-2025')).toBe('2025-03-25T00:00:00Z');
        expect(normaliseDate('2025-03-25 11:00:25-04')).toBe('2025-03-25T15:00:25Z');
        expect(normaliseDate('Tue, 25 Mar 2025 11:00:25 +0100 (CET)')).toBe('2025-03-25T10:00:25Z');
        expect(normaliseDate('Tue Mar 25 2025 11:00:25 GMT+0100 (Central European Standard Time)')).toBe('2025-03-25T10:00:25Z');
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it("takes the page's first publication date that reads as one: a content system's placeholder (0001-01-01) is none", () => {
    const page = (head: string) =>
      extractHtml(`<!doctype html><html><head>${head}</head><body><article><h1>Witkoff meets Putin in Moscow for five hours of talks</h1>
        <p>US envoy Steve Witkoff met President Vladimir Putin in the Kremlin for five hours of talks on the American peace plan, the Kremlin said.</p>
        <p>Kremlin aide Yuri Ushakov said the sides had not found a compromise on territory but agreed to keep talking.</p></article></body></html>`);
    expect(page('<meta property="article:published_time" content="0001-01-01T00:00:00Z"><meta name="publish-date" content="2025-12-02T21:04:00Z">').publishedAt).toBe('2025-12-02T21:04:00Z');
    expect(page('<meta name="date" content="1970-01-01T00:00:00Z">').publishedAt).toBeUndefined();
    expect(page('<meta itemprop="datePublished" content="2025-12-03">').publishedAt).toBe('2025-12-03T00:00:00Z');
  });

  it("keeps the page's own headline as the title, whatever its punctuation, and not a section label", () => {
    const story = ceasefireStory();
    const now = new Date('2026-01-05T12:00:00Z');
    const text = [
      'US envoy Steve Witkoff met President Vladimir Putin in the Kremlin on Tuesday for five hours of talks on the American peace plan, the Kremlin said.',
      'Kremlin aide Yuri Ushakov said the sides had not found a compromise on territory but agreed to keep talking about the ceasefire.',
      'Ukrainian President Volodymyr Zelensky said Kyiv would wait for a read-out of the talks from Washington.',
    ].join('\n');
    const title = (t: string) => {
      const r = analyzeArticle({ text, title: t, sourceName: 'Example News', publishedAt: '2025-12-02T20:00:00Z' }, story, now);
      return r.ok ? r.article.title : r;
    };
    for (const t of ['Kremlin says no compromise yet after five hours of talks.', 'VIDEO: Witkoff leaves the Kremlin after five hours', 'Putin, Witkoff talk for 5 hours: "no compromise yet"', '5 things you need to know about the Moscow talks'])
      expect(title(t)).toBe(t);
    for (const t of ['Latest News & Headlines', 'Subscribe to our newsletter today', 'Share this article now']) expect(title(t)).not.toBe(t);
  });

  it("reads a word React split into text nodes with empty comments as the word a browser shows", () => {
    const page = extractHtml(`<!doctype html><html><head><title>Witkoff meets Putin in Moscow</title></head><body><article><h1>Witkoff meets Putin in Moscow</h1>
      <p>US envoy Steve Witkoff met President Vladimir Putin in the Kremlin on Tuesday; the Kremlin said Moscow wanted to more than <!-- -->tripl<!-- -->e<!-- --> the number of prisoners exchanged<!-- -->, a figure Kyiv questioned.</p>
      <p>Kremlin aide Yuri Ushakov said the sides had not found a compromise on territory but agreed to keep talking.</p></article></body></html>`);
    expect(page.text).toContain('more than triple the number of prisoners exchanged, a figure Kyiv questioned.');
  });

  it('takes the day a page shows as its date when no metadata states one, and not the day it was updated', () => {
    const page = (dates: string) =>
      extractHtml(`<!doctype html><html><head><title>Witkoff meets Putin in Moscow</title></head><body><div class="byline">${dates}</div><article><h1>Witkoff meets Putin in Moscow for five hours</h1>
        <p>US envoy Steve Witkoff met President Vladimir Putin in the Kremlin on Tuesday for five hours of talks on the American peace plan, the Kremlin said.</p>
        <p>Kremlin aide Yuri Ushakov said the sides had not found a compromise on territory but agreed to keep talking.</p></article></body></html>`);
    expect(page('<span class="article__date">Dec 2, 2025</span>').publishedAt).toBe('2025-12-02');
    expect(page('<span class="date updated">Updated Dec 3, 2025</span><span class="pub-date">2 December 2025, 21:04</span>').publishedAt).toBe('2025-12-02');
    expect(page('<span class="date">Tuesday</span>').publishedAt).toBeUndefined();
  });

  it('keeps a sentence whose link covers half of it, and drops a list of links and a follow-us line', () => {
    const page = extractHtml(`<!doctype html><html><head><title>Witkoff meets Putin in Moscow</title></head><body><article><h1>Witkoff meets Putin in Moscow for five hours</h1>
      <p>US envoy Steve Witkoff met President Vladimir Putin in the Kremlin on Tuesday for five hours of talks on the American peace plan, the Kremlin said.</p>
      <p>Kremlin aide Yuri Ushakov said the sides <a href="/ushakov">had not found a compromise on territory but agreed to keep talking</a>.</p>
      <p><a href="/a">Zelensky heads to Berlin for talks with European leaders</a></p>
      <p>Ukrainian President Volodymyr Zelensky said Kyiv would wait for a read-out of the talks from Washington before it answered.</p>
      <p>Follow Example News on Instagram, Facebook and X.</p></article></body></html>`);
    expect(page.text).toContain('Kremlin aide Yuri Ushakov said the sides had not found a compromise on territory but agreed to keep talking.');
    expect(page.text).not.toContain('Zelensky heads to Berlin');
    expect(page.text).not.toContain('Follow Example News');
  });

  it('reads a lead a page set in a heading tag as the lead, and a short heading as a heading', () => {
    const page = extractHtml(`<!doctype html><html><head><title>Witkoff meets Putin in Moscow</title><meta property="og:title" content="Witkoff meets Putin in Moscow"></head><body><article>
      <h2>US envoy Steve Witkoff met President Vladimir Putin in the Kremlin on Tuesday for five hours of talks on the American peace plan, the Kremlin said.</h2>
      <p>Kremlin aide Yuri Ushakov said the sides had not found a compromise on territory but agreed to keep talking about the plan.</p>
      <h2>What comes next</h2>
      <p>Ukrainian President Volodymyr Zelensky said Kyiv would wait for a read-out of the talks from Washington before it answered.</p></article></body></html>`);
    const r = analyzeArticle({ text: page.text, blocks: page.blocks, ...(page.title ? { title: page.title } : {}), sourceName: 'Example News', publishedAt: '2025-12-02T20:00:00Z' }, ceasefireStory(), new Date('2026-01-05T12:00:00Z'));
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.article.title).toBe('Witkoff meets Putin in Moscow');
    expect(r.article.facts[0]?.text).toMatch(/^US envoy Steve Witkoff met President Vladimir Putin/);
    expect(r.article.facts.map((f) => f.text)).not.toContain('What comes next');
    // Set in a heading tag and said again by the article below, it is the standfirst.
    const dek = 'Steve Witkoff and Vladimir Putin spent five hours on the American peace plan in the Kremlin without a compromise on territory.';
    const withDek = extractHtml(`<!doctype html><html><head><title>Witkoff meets Putin in Moscow</title></head><body><article>
      <h2>${dek}</h2>
      <p>US envoy Steve Witkoff spent five hours with Vladimir Putin in the Kremlin on Tuesday discussing the American peace plan, but found no compromise on territory, Kremlin aide Yuri Ushakov said.</p>
      <p>Ukrainian President Volodymyr Zelensky said Kyiv would wait for a read-out of the talks from Washington before it answered.</p></article></body></html>`);
    const r2 = analyzeArticle({ text: withDek.text, blocks: withDek.blocks, title: 'Witkoff meets Putin in Moscow', sourceName: 'Example News', publishedAt: '2025-12-02T20:00:00Z' }, ceasefireStory(), new Date('2026-01-05T12:00:00Z'));
    if (!r2.ok) throw new Error(JSON.stringify(r2));
    expect(r2.article.facts.map((f) => f.text)).not.toContain(dek);
  });

  it('puts a drop cap set apart from its paragraph back as the paragraph’s first letter', () => {
    const html = (body: string) =>
      extractHtml(`<!doctype html><html><head><title>Turkey and Poland added to the list</title></head><body><article><h1>Turkey and Poland added to the list</h1>${body}
        <p>Kremlin aide Yuri Ushakov said the sides had not found a compromise on territory but agreed to keep talking about the plan.</p></article></body></html>`).text;
    const lead = 'urkey and Poland joined the talks on the peace plan in Geneva on Tuesday, the foreign ministry said in a statement.';
    expect(html(`<div><span class="dropcap">T</span><p>${lead}</p></div>`)).toContain(`T${lead}`);
    expect(html(`<p>T</p><p>${lead}</p>`)).toContain(`T${lead}`);
  });
});

describe('a page where Readability takes another block for the article', () => {
  // Written for the test after a Reuters page of 2023 (fundus's test set): a privacy notice, long and full of commas,
  // above an article whose paragraphs stand one by one in their own rows between advertisements.
  const notice = Array.from(
    { length: 6 },
    (_, i) =>
      `<p>If you are a California consumer, you have the right, at any time, to direct a business that sells your personal information to third parties, as the law provides, to not sell it, item ${i}, which is referred to as the right to opt-out, and you may exercise it, at any time, through this site.</p>`,
  ).join('');
  const paragraphs = [
    "KATHMANDU, April 25 (Reuters) - Nepal's civil aviation authority disputed on Tuesday whether a flydubai plane had been hit by a bird strike in Nepali airspace.",
    'The airline had said a flight carrying 167 passengers from Kathmandu to Dubai experienced a bird strike during take-off late on Monday.',
    'The plane continued on its journey after determining that the engine was within normal operation parameters, a spokesperson for flydubai said.',
    "Nepal's civil aviation authority said it had found no proof of a bird strike after inspecting the runway at Kathmandu's airport.",
    'The authority said it would ask the carrier for the flight data recorder readings to establish what happened.',
  ];
  const rows = paragraphs.map((p, i) => `<div class="row"><div class="col"><p data-testid="paragraph-${i}">${p}</p></div><div class="ad">Advertisement · Scroll to continue</div></div>`).join('');
  const head = (title: string) =>
    `<head><title>${title} | Reuters</title><meta property="og:title" content="${title}"><meta property="og:description" content="${paragraphs[0]?.slice(32)}"><meta property="article:published_time" content="2023-04-25T12:26:15Z"></head>`;

  it("reads the page afresh when Readability's text tells none of the page's title and description, and keeps Readability's when it does", () => {
    const page = extractHtml(`<!doctype html><html>${head("Nepal says 'no proof' flydubai plane suffered bird strike")}<body><div id="privacy-modal"><h2>CCPA Right to Opt-Out of the Sale of Your Personal Information</h2>${notice}</div><main><h1>Nepal says 'no proof' flydubai plane suffered bird strike</h1>${rows}</main></body></html>`);
    expect(page.via).toBe('fallback');
    expect(page.text).toContain(paragraphs[0]);
    expect(page.text).not.toContain('California consumer');
    // A page about the notice itself is the notice.
    const about = extractHtml(`<!doctype html><html>${head('Your right to opt out of the sale of your personal information as a California consumer')}<body><div>${notice}</div><main>${rows}</main></body></html>`);
    expect(about.via).toBe('readability');
  });
});

describe('HTML rendered in the browser', () => {
  const paragraphs = [
    'Russia has stated that a summit between President Vladimir Putin and Volodymyr Zelensky will not happen until the peace talks conclude.',
    'The declaration came after a third round of peace talks in Istanbul, which ended in under an hour with little progress toward a ceasefire.',
    'The talks did yield an agreement for a prisoner exchange that will see 1,200 people swapped between the two sides.',
  ];
  const post = { id: 'summit-dashed', title: 'Hopes for a Ukraine peace summit dashed as Russia sets preconditions', date: '2025-07-25T16:32:45Z', contentHtml: `<h3>No summit in sight</h3>\n${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}`, summary: 'Russia rules out a summit.' };
  // As Next.js writes it: the markup's angle brackets escaped inside the JSON.
  const data = JSON.stringify({ props: { pageProps: { postData: post } }, page: '/posts/[slug]' }).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  const page = (body: string) =>
    `<!DOCTYPE html><html><head><meta charSet="utf-8"/><script src="/_next/static/chunks/main.js" defer=""></script></head><body>${body}<script id="__NEXT_DATA__" type="application/json">${data}</script></body></html>`;

  it("reads the article a static export keeps only in its JSON data, with that post's title and date", () => {
    const got = extractHtml(page('<div id="__next"></div>'));
    expect(got.via).toBe('embedded');
    for (const p of paragraphs) expect(got.text).toContain(p);
    expect(got.title).toBe(post.title);
    expect(got.publishedAt).toBe('2025-07-25T16:32:45Z');
  });

  it('keeps the page\'s own text when it shows the article, and names no text in data that holds no article', () => {
    const shown = extractHtml(page(`<div id="__next"><article><h1>${post.title}</h1>${paragraphs.map((p) => `<p>${p} It was reported on Friday.</p>`).join('')}</article></div>`));
    expect(shown.via).not.toBe('embedded');
    const none = extractHtml(`<!DOCTYPE html><html><body><div id="__next"></div><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"menu":["Home","World"]}}}</script></body></html>`);
    expect(none.text).toBe('');
    // Broken or endless data is passed over, not a crash or a hang.
    const nested = `${'['.repeat(100_000)}"<p>x</p>"${']'.repeat(100_000)}`;
    expect(extractHtml(`<html><body><div id="__next"></div><script type="application/json">{"broken": </script><script type="application/json">${nested}</script></body></html>`).text).toBe('');
  });
});
