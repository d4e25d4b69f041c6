import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/ingest/analyze.js';
import { articleText, textBlocks } from '../../src/ingest/clean-text.js';
import { dateEvent } from '../../src/ingest/event-date.js';
import { analyzed } from './analyzed.js';
import { ceasefireStory } from './story.js';

// Whole pages as scrapers, converters and clippers save them: markdown marks, a page's title over its headline,
// a local site's weather box, a copy's own time stamp, and text wrapped at 72 columns around lists.
const NOW = new Date('2026-03-01T12:00:00Z');

function analyze(text: string) {
  return analyzed({ text, sourceName: 'Saved Page' }, NOW);
}

/** The page's body lines, as the line classifier keeps them. */
function bodyLines(text: string): string[] {
  return articleText(textBlocks(text)).all.filter((l) => l.kind === 'body').map((l) => l.text);
}

describe('whole pages saved as text', () => {
  it("reads a converter's 72-column text with a list inside a paragraph run: each item is one paragraph, each paragraph one line", () => {
    const text = [
      '**Outcomes of the Expert Groups on the Black Sea**',
      '',
      'In line with presidential-level discussions between President Donald J.',
      'Trump and President Volodymyr Zelenskyy, the United States facilitated',
      'bilateral technical-level talks with the Ukrainian delegation March',
      '23-25 in Riyadh, Saudi Arabia. Following those discussions:',
      '',
      '-   The United States and Ukraine have agreed to ensure safe navigation,',
      '    eliminate the use of force, and prevent the use of commercial',
      '    vessels for military purposes in the Black Sea.',
      '-   The United States and Ukraine agreed to develop measures for',
      "    implementing President Trump's and President Zelenskyy's agreement",
      '    to ban strikes against energy facilities of Russia and Ukraine.',
      '-   The United States and Ukraine will continue working toward achieving',
      '    a durable and lasting peace.',
      '',
      "The United States reiterated to both sides President Donald J. Trump's",
      'imperative that the killing on both sides of the Russia-Ukraine',
      'conflict must stop, as the necessary step toward achieving an enduring',
      'peace settlement.',
    ].join('\n');
    const body = bodyLines(text);
    expect(body).toContain('The United States and Ukraine will continue working toward achieving a durable and lasting peace.');
    expect(body.some((l) => l.startsWith('In line with presidential-level discussions') && l.endsWith('Following those discussions:'))).toBe(true);
    expect(body.filter((l) => l.startsWith('The United States and Ukraine')).length).toBe(3);
    expect(analyze(text).facts.some((f) => f.text.includes('ban strikes against energy facilities of Russia and Ukraine'))).toBe(true);
  });

  it("reads a round-up of quotations wrapped at 72 columns, each a list item closed by its clip's link, as one quotation a line", () => {
    const quote = (first: string, rest: string[], id: number) => [`-   “${first}`, ...rest.map((l) => `    ${l}`), `    ([Watch](https://x.com/RapidResponse47/status/19570673145090420${id}))`];
    const text = [
      'This morning, Trump Administration officials were on the Sunday shows',
      'discussing the pursuit of peace following the meeting with Russian',
      'President Vladimir Putin on Friday and the coming meeting with Ukrainian',
      'President Volodymyr Zelensky tomorrow.',
      '',
      '### **Secretary of State Marco Rubio on Meet the Press**',
      '',
      ...quote('It was agreed to by all that the best way to end this conflict is', ['through a full peace deal. What we’re aiming for here is not a', 'ceasefire — what we ultimately are aiming for is an end to this war.”'], 10),
      ...quote('The only way to reach a deal is for each side to get something and', ['each side to give something — and that’s been very difficult. That’s', 'why Zelensky is coming tomorrow.”'], 11),
      ...quote('In order for us to get a peace agreement, Ukraine has to be a part', ['of it. They have to be included; they have to be involved.”'], 12),
      '',
      '### **Special Envoy Steve Witkoff on State of the Union**',
      '',
      ...quote('We agreed to robust security guarantees that I would describe as', ['game-changing. We began to see some moderation in the way \\[Russia', 'is\\] thinking about getting to a final peace deal.”'], 13),
    ].join('\n');
    const lines = articleText(textBlocks(text)).all.map((l) => `${l.kind}: ${l.text}`);
    expect(lines).toContain('body: “It was agreed to by all that the best way to end this conflict is through a full peace deal. What we’re aiming for here is not a ceasefire — what we ultimately are aiming for is an end to this war.”');
    expect(lines).toContain('body: “In order for us to get a peace agreement, Ukraine has to be a part of it. They have to be included; they have to be involved.”');
    // The clip's link is a label of its own, and the copy's escaped brackets are brackets.
    expect(lines.filter((l) => l.endsWith('(Watch)')).every((l) => l.startsWith('chrome'))).toBe(true);
    expect(lines.some((l) => l.includes('in the way [Russia is] thinking'))).toBe(true);
  });

  it("keeps a transcript's answers and none of its reporters' questions (\"Q    …\") as facts", () => {
    const text = [
      'Press Gaggle by President Trump',
      '',
      'THE PRESIDENT:  Hello, everybody.',
      '',
      'Q    Sir, on Russia. Have you made a final decision about what sanctions you might impose on Russia?',
      '',
      'THE PRESIDENT:  We have big meetings coming up, as you know, in Saudi Arabia on the peace talks. That is going to include Russia and Ukraine.',
      '',
      'Q    I am Michael Birnbaum, with the Washington Post. Many say the ceasefire talks have stalled.',
      '',
      'THE PRESIDENT:  I think Ukraine wants to make a deal on a ceasefire with Russia, and Russia wants to make a deal too.',
    ].join('\n');
    const facts = analyze(text).facts.map((f) => f.text);
    expect(facts.some((f) => f.includes('big meetings coming up'))).toBe(true);
    expect(facts.some((f) => /Birnbaum|talks have stalled|final decision/.test(f))).toBe(false);
  });

  it('takes markdown heading marks and link addresses off, and puts a link a converter broke onto its own line back in its sentence', () => {
    const text = [
      '# Zelensky says next Russia meeting soon as Geneva talks end',
      '',
      'Ukrainian President Volodymyr Zelensky said on Thursday that he expected the next round of talks to end the war in early March.',
      'The president reportedly',
      "[supports Witkoff's plan](https://www.example.com/world/plan?mod=article_inline)",
      ', but it has the feel of a trial balloon, a lead one, given how it is being received in Kyiv.',
      'Secretary of State Marco Rubio said in a [statement](https://x.com/example/status/1) that the plan was a work in progress for the peace talks.',
    ].join('\n');
    const article = analyze(text);
    expect(article.title).toBe('Zelensky says next Russia meeting soon as Geneva talks end');
    const facts = article.facts.map((f) => f.text);
    expect(facts).toContain("The president reportedly supports Witkoff's plan, but it has the feel of a trial balloon, a lead one, given how it is being received in Kyiv.");
    expect(facts.join(' ')).not.toMatch(/\]\(|https?:/);
    expect(facts.some((f) => f.includes('said in a statement that the plan'))).toBe(true);
  });

  it("takes off a link whose words a wrapped text broke over two lines, and a link a page wrote without its closing bracket", () => {
    // (Wrapped at 72 columns, as pandoc writes it: the link's address runs past the margin on a line of its own.)
    const text = [
      '# President Trump’s Peace Summit Hailed as a Game-Changer',
      '',
      'President Donald J. Trump’s groundbreaking [peace',
      'summit](https://www.whitehouse.gov/articles/2025/08/american-leadership-is-back-under-president-trump/)',
      'at the White House yesterday is being celebrated by world leaders,',
      'national security experts, lawmakers, and others as a monumental stride',
      'toward resolving the longstanding war in Ukraine. The summit, which',
      'brought together Ukrainian President Volodymyr Zelenskyy and key',
      'European allies, marked another transformative moment in the pursuit of',
      'peace.',
      '',
      'Last week, [the [White House blew past its own deadline of imposing sanctions on Russia(https://www.msnbc.com/rachel-maddow-show/maddowblog/instead-rcna224235) for continuing its three-year invasion of [Ukraine](https://www.gov.ua/), before the peace talks in Alaska.',
    ].join('\n');
    const facts = analyze(text).facts.map((f) => f.text);
    expect(facts.join(' ')).not.toMatch(/\]\(|https?:|\[/);
    expect(facts[0]).toMatch(/^President Donald J\. Trump’s groundbreaking peace summit at the White House yesterday is being celebrated/);
    expect(facts).toContain('Last week, the White House blew past its own deadline of imposing sanctions on Russia for continuing its three-year invasion of Ukraine, before the peace talks in Alaska.');
  });

  it('joins a sentence a converter broke around its links, several with blank lines between, before a capital too', () => {
    const text = [
      '# The draft peace deal for Ukraine',
      '',
      'News of the plan broke on Thursday evening in Washington, as',
      '[*Axios*](https://www.axios.com/2025/11/19/ukraine-peace-plan)',
      '',
      '[reported](https://www.axios.com/2025/11/19/ukraine-peace-plan)',
      'that U.S. and Russian negotiators had drafted a 28-point peace plan for Ukraine.',
      '',
      'Among other things,',
      '[the proposal requires](https://www.cnn.com/2025/11/21/europe/ukraine-russia-peace-analysis)',
      'Ukraine to give up territory to Russia and caps the size of the Ukrainian armed forces, _Time_ magazine said.',
      '',
      'What the plan says',
      '[Read the full text of the plan](https://www.example.com/world/plan-text)',
      'Zelensky said on Friday that Ukraine would not give up its dignity in the peace talks.',
    ].join('\n');
    const facts = analyze(text).facts.map((f) => f.text);
    expect(facts).toContain('News of the plan broke on Thursday evening in Washington, as Axios reported that U.S. and Russian negotiators had drafted a 28-point peace plan for Ukraine.');
    expect(facts).toContain('Among other things, the proposal requires Ukraine to give up territory to Russia and caps the size of the Ukrainian armed forces, Time magazine said.');
    // After a heading, a link alone on its line is its own, not the start of the sentence below it.
    expect(facts).toContain('Zelensky said on Friday that Ukraine would not give up its dignity in the peace talks.');
  });

  it("takes the headline printed under the page's title with the site's name, not a caption the lead shares more words with", () => {
    const text = [
      'Starmer: Putin standing in the way of peace deal to end Ukraine war - AOL',
      'For premium support please call:',
      'Starmer: Putin standing in the way of peace deal to end Ukraine war',
      'Prime Minister Sir Keir Starmer hit out at Putin (PA) (PA Wire)',
      'Prime Minister Sir Keir Starmer hit out at Russian President Vladimir Putin on Tuesday, the fourth anniversary of the war, saying Putin is standing in the way of a peace deal.',
      'Starmer told his cabinet that Ukraine had shown incredible resilience and that the talks on ending the war must not reward the invasion.',
    ].join('\n');
    const article = analyze(text);
    expect(article.title).toBe('Starmer: Putin standing in the way of peace deal to end Ukraine war');
    expect(article.dropped.map((d) => d.text)).toContain('Starmer: Putin standing in the way of peace deal to end Ukraine war - AOL');
  });

  it("drops a local site's weather box, however long its forecast", () => {
    const text = [
      'Zelensky says next Russia meeting soon as Geneva talks end',
      'Partly cloudy skies early will give way to cloudy skies late. Slight chance of a rain shower. Low 59F. Winds SSE at 5 to 10 mph.',
      'Clear to partly cloudy. Low 57F. Winds SSE at 5 to 10 mph..',
      'Ukrainian President Volodymyr Zelensky said on Thursday that he expected the next round of peace talks with Russia in early March in Abu Dhabi.',
      'Zelensky said Ukraine needed to finalise the security guarantees agreed with the United States before a meeting of leaders.',
    ].join('\n');
    const facts = analyze(text).facts.map((f) => f.text).join(' ');
    expect(facts).not.toMatch(/mph|Low 5\dF/);
    expect(facts).toContain('next round of peace talks');
  });

  it("never dates an article by the time a copy of it was made (a scraper's, a clipper's, an archive's stamp)", () => {
    const lead = ['Ukrainian President Volodymyr Zelensky said on Thursday that he expected the next round of talks in early March.'];
    for (const stamp of ['Scraped at: 2026-02-28T14:34:06.192110+00:00', 'Retrieved 28 February 2026', 'Accessed on February 28, 2026']) {
      expect(dateEvent({ chromeLines: [stamp], lead, now: NOW }).dateSource).toBe('ingest-time');
    }
    // A page's own stamp still dates it.
    expect(dateEvent({ chromeLines: ['Published February 26, 2026'], lead, now: NOW }).occurredAt).toBe('2026-02-26');
  });
});

describe('what whole pages print around the article', () => {
  it("drops a publisher's promotion of its event, an alerts sign-up, a clip's blurb and a privacy consent box", () => {
    const text = [
      'Russia’s economy is eating its own muscle as the peace talks stall',
      'Russia’s economy has entered a “death zone,” said Alexandra Prokopenko, a fellow at the Carnegie Russia Eurasia Center, as the peace talks on Ukraine stall.',
      'AP Top 25 Poll Alerts Get email alerts for every college football Top 25 Poll release.',
      'AP correspondent Laurence Brooks reports on the latest peace talks between Russia and Ukraine held in Abu Dhabi.',
      'Your Privacy is Important to us',
      "We won't sell or share your personal information to inform the ads you see.",
      'Opt out of the sale or sharing of personal information',
      'Join us at the Fortune Workplace Innovation Summit May 19–20, 2026, in Atlanta. The next era of workplace innovation is here—and the old playbook is being rewritten. At this exclusive, high-energy event, the world’s most innovative leaders will convene to explore how AI, humanity, and strategy converge. Register now.',
      'Prokopenko said Putin would rather keep fighting than end the war in Ukraine on terms Kyiv could accept.',
    ].join('\n');
    const facts = analyze(text).facts.map((f) => f.text).join(' ');
    expect(facts).not.toMatch(/alerts|correspondent Laurence|Privacy|sell or share|Opt out|Join us|Summit May/);
    expect(facts).toContain('Prokopenko said Putin would rather keep fighting');
  });

  it('takes no weekday from what the news "comes after", and no date from a bare "timestamp" field', () => {
    const lead = [
      'Ukrainian and Russian negotiators have held a productive first round of US-led peace talks in Abu Dhabi.',
      'The two-day talks come after Volodymyr Zelenskyy accused Moscow of exploiting an energy truce last week to stockpile weapons before launching a record number of ballistic missile attacks at Ukraine on Tuesday.',
    ];
    expect(dateEvent({ urlDay: '2026-02-04', lead, now: NOW }).occurredAt).toBe('2026-02-04');
    expect(dateEvent({ chromeLines: ['timestamp: 2026-02-27T19:53:24.077708'], lead, now: NOW }).dateSource).toBe('ingest-time');
  });
});

describe('the date stamp of a page saved whole', () => {
  it('is found under the headline however many menu lines stand above it', () => {
    const menu = Array.from({ length: 60 }, (_, i) => `Section ${i + 1}`);
    const text = [
      ...menu,
      'Envoys signal no breakthrough on bridging Russia and Ukraine’s differences',
      'Wed, February 18, 2026 at 12:28 PM UTC',
      'Ukrainian and Russian envoys ended two days of US-brokered peace talks in Geneva without a breakthrough.',
      'Ukrainian President Volodymyr Zelenskyy said the negotiations were not easy.',
      'Kremlin spokesman Dmitry Peskov told reporters it was too early to speak about the outcome of the talks.',
    ].join('\n');
    const article = analyze(text);
    expect(article.occurredAt.slice(0, 10)).toBe('2026-02-18');
    expect(article.dateSource).not.toBe('ingest-time');
  });
});

describe('whole pages: what the rules above must not take', () => {
  it("takes no date from another story's stamp below a short article, however far down the page", () => {
    const menu = ['Home', 'World', 'Politics', 'Business', 'Tech', 'Science', 'Health', 'Sports', 'Opinion', 'Video', 'Podcasts', 'Weather', 'Local', 'Crime', 'Education', 'Travel', 'Food', 'Style', 'Autos', 'Jobs', 'Obituaries', 'Newsletters', 'Contact', 'About Us', 'Careers', 'Advertise', 'Privacy', 'Terms', 'Cookies', 'Sitemap', 'RSS', 'Archives', 'Corrections', 'Local News', 'Markets', 'Culture'];
    const text = [
      'Zelensky says Geneva peace talks with Russia were difficult',
      'Ukrainian President Volodymyr Zelensky said that the peace talks with Russia in Geneva had been difficult and that Moscow was dragging them out.',
      'Russia is demanding that Ukraine give up the parts of the Donbas region its forces still hold, which Kyiv has rejected, he said in his nightly address.',
      'The next round of talks is expected in early March, US envoy Steve Witkoff said after the meeting.',
      'More from World News',
      ...menu,
      'Zelensky meets Biden at the White House as aid package stalls',
      'December 12, 2023',
    ].join('\n\n');
    const r = analyzeArticle({ text, sourceName: 'Saved Page', url: 'https://example.com/world/2026/02/18/zelensky-geneva-talks' }, ceasefireStory(), NOW);
    expect(r.ok && r.article.occurredAt.slice(0, 10)).toBe('2026-02-18');
  });

  it('keeps a sentence wrapped onto a line that opens with a dash, a source cited with a norm word in its title, and news sentences that sound like page furniture', () => {
    const wrapped = [
      'Ukrainian and Russian negotiators ended a second day of talks in Geneva without agreement on the',
      'territory Moscow demands, officials from both delegations said after the meeting on the lake,',
      'where the American envoys Steve Witkoff and Jared Kushner had hosted both teams for two days of',
      'talks on the ceasefire plan that Washington wants the two sides to sign before the summer.',
      '',
      'Kremlin spokesman Dmitry Peskov told reporters in Moscow that the talks had been difficult but',
      'businesslike, and that Russia would send its delegation to the next round of the talks in the',
      'United Arab Emirates if the date suited the Ukrainian side and the American mediators as well.',
      '',
      'Zelensky said the Russian side had again demanded the whole of the Donetsk region of Ukraine',
      '— a demand Kyiv has rejected since the first round of the talks in Istanbul last year',
      '— and accused Moscow of dragging out the talks while its drones hit the power grid.',
      '',
      'The next round is expected in Abu Dhabi in early March, according to law professor Oona',
      'Hathaway, who advises the Ukrainian delegation on the drafting of any ceasefire agreement.',
      '',
      'Residents can get push alerts when air raid sirens sound in their region, the Ukrainian digital ministry said.',
      '',
      'Highs around 10F are forecast in Kharkiv this week as Russia keeps striking the power plants during the talks.',
    ].join('\n');
    const article = analyze(wrapped);
    const facts = article.facts.map((f) => f.text);
    expect(facts.some((f) => f.startsWith('Zelensky said the Russian side') && f.includes('— a demand Kyiv has rejected'))).toBe(true);
    expect(article.facts.find((f) => f.text.includes('Oona Hathaway'))?.speaker).toBe('Oona Hathaway');
    expect(article.dropped.map((d) => d.text).join(' ')).not.toMatch(/push alerts|Highs around 10F/);
  });

  it("reads a chat assistant's essay, its list items closed by reference-style citations (\"([AP News][3])\"), as sentences, and a quotation set off by \">\" as a quotation", () => {
    const text = [
      '# The Witkoff Leak',
      '',
      '## Context: the 28-point peace plan',
      '',
      '* Axios and Al Jazeera reporting converge on the same core features of the original draft of the peace plan:',
      '',
      '  * Ukraine would **recognise Russia’s control** over Crimea, Luhansk and Donetsk. ([Al Jazeera][2])',
      '  * Ukraine would be **barred from NATO**, with the EU offering some alternative security guarantees. ([Al Jazeera][2]) ([Reuters][5])',
      '* Ushakov later confirms on Russian TV that he speaks to Witkoff “quite often” by phone about the [peace plan][4]. ([AP News][3])',
      '',
      '> “I know what it’s going to take to get a peace deal done: Donetsk and maybe a land swap somewhere.” ([euronews][4])',
      '',
      '[2]: https://www.aljazeera.com/news/2025/11/23/us-ukraine-talks',
    ].join('\n');
    const body = bodyLines(text);
    expect(body).toContain('Ukraine would recognise Russia’s control over Crimea, Luhansk and Donetsk.');
    expect(body).toContain('Ukraine would be barred from NATO, with the EU offering some alternative security guarantees.');
    expect(body).toContain('Ushakov later confirms on Russian TV that he speaks to Witkoff “quite often” by phone about the peace plan.');
    expect(body).toContain('“I know what it’s going to take to get a peace deal done: Donetsk and maybe a land swap somewhere.”');
  });

  it('dates a main clause past a "came after" aside set off by commas', () => {
    const lead = ['Zelensky, whose visit came after weeks of pressure from Washington, met Trump at the White House on Friday to discuss the peace plan.'];
    expect(dateEvent({ publishedAt: '2026-02-28T09:00:00Z', lead, now: NOW }).occurredAt).toBe('2026-02-27');
  });
});
