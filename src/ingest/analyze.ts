import type { Fact, Source, Story } from '../records/schema.js';
import type { ClassifyOptions, PageBlock } from './boilerplate.js';
import { articleText, textBlocks, type LineSpan } from './clean-text.js';
import { extractEntities, type Entities } from './entities.js';
import { escapeRegExp } from '../text/keyword-pattern.js';
import { functionWordDensity } from '../text/function-words.js';
import { dateEvent, type DateSource } from './event-date.js';
import { completeSentenceCheck, fitText, leadTitle, selectFacts } from './facts.js';
import { questionTags } from './keywords.js';
import { attributeSentences, introducedBy, type Attribution } from './quotes.js';
import { scoreRelevance } from './relevance.js';
import { splitSentences } from './sentences.js';
import { otherStorySentences } from './story-sections.js';
import { wordKey } from '../text/word-key.js';
import { dayInUrl } from './url-date.js';
import { GENERIC_TITLE } from './generic-title.js';
import { collapseSpaces } from '../text/spaces.js';

/** One article as ingestion sees it, after HTML/feed extraction. */
export interface ArticleInput {
  /** Article text (plain; page chrome is stripped here). */
  text: string;
  /** The page's blocks with their HTML tags and link text, when it came from HTML (classified instead of `text`). */
  blocks?: readonly PageBlock[];
  /** Headline when known from HTML or a feed; otherwise taken from the text's first line when it looks like one. */
  title?: string;
  byline?: string;
  /** Publication time (ISO 8601). Relative dates ("on Monday") are resolved against it. */
  publishedAt?: string;
  /** Publisher name, e.g. "Reuters". */
  sourceName: string;
  url?: string;
}

/** An article reduced to what an event record needs. */
export interface AnalyzedArticle {
  source: Source;
  title: string;
  /** Day (YYYY-MM-DD) or instant of the reported event. */
  occurredAt: string;
  /** The cleaned text fact offsets point into. */
  text: string;
  facts: Fact[];
  entities: Entities;
  relevance: number;
  /** The title is a real headline (from the page, the feed or the text's first line), not cut from a sentence. */
  headline: boolean;
  /** Where `occurredAt` came from; `ingest-time` when nothing in or about the input dated it. */
  dateSource: DateSource;
  /** Lines dropped as page chrome, with the reason (for reviewers and --verbose output). */
  dropped: Array<{ text: string; reason: string }>;
}

export type AnalyzeResult =
  | { ok: true; article: AnalyzedArticle }
  | { ok: false; rejected: true; reason: string; score: number }
  | { ok: false; rejected: false; error: string; code: 'EMPTY_TEXT' | 'NO_FACTS' };

/**
 * A speaker the article names by its initials after spelling it out once ("the Institute for the Study of War (ISW)" …
 * "According to the ISW, …"): the name a reader knows it by.
 */
function spelledOut(attributions: Attribution[], text: string): Attribution[] {
  const names = new Map<string, string | undefined>();
  const fullName = (acronym: string): string | undefined => {
    if (!names.has(acronym)) {
      const m = new RegExp(String.raw`((?:\p{Lu}[\p{L}'’-]*\s+(?:(?:for|of|the|and|on|in)\s+){0,2}){1,8})\(\s*${acronym}\s*\)`, 'u').exec(text);
      const words = m?.[1]?.trim();
      // The initials must be the name's: "Institute for the Study of War" → ISW.
      const initials = words?.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
      names.set(acronym, words !== undefined && initials !== undefined && initials.endsWith(acronym) ? words.split(/\s+/).slice(-countNameWords(words, acronym.length)).join(' ') : undefined);
    }
    return names.get(acronym);
  };
  return attributions.map((a) => {
    if (a.speaker === undefined || !/^[A-Z]{2,6}$/.test(a.speaker)) return a;
    const full = fullName(a.speaker);
    return full !== undefined ? { ...a, speaker: full } : a;
  });
}

/** How many words from the end make a name whose capitalised words number `capitals` ("Institute for the Study of War": 6 words, 3 capitals). */
function countNameWords(words: string, capitals: number): number {
  const list = words.split(/\s+/);
  let seen = 0;
  for (let i = list.length - 1; i >= 0; i--) if (/^\p{Lu}/u.test(list[i] ?? '') && ++seen === capitals) return list.length - i;
  return list.length;
}

function urlDayOf(url: string | undefined, now: Date): { urlDay?: string } {
  const day = dayInUrl(url, now);
  return day !== undefined ? { urlDay: day } : {};
}

/** Lower-case slug (`[a-z0-9-]`), at most `max` characters, cut at a hyphen. */
export function slugify(text: string, max = 60): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const dash = cut.lastIndexOf('-');
  return (dash > max / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/** ISO instant without milliseconds: 2025-05-19T20:00:00Z. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The sentence lies inside one body line of the article (not a headline, heading or dropped line). */
function inBody(spans: readonly LineSpan[], start: number, end: number): boolean {
  for (const span of spans) if (span.kind === 'body' && start >= span.start && end <= span.end) return true;
  return false;
}

/** A headline candidate from a page or feed that is not chrome and reads like one (a few words at least). */
function usableTitle(title: string | undefined): string | undefined {
  const t = title === undefined ? undefined : collapseSpaces(title);
  if (!t || t.split(' ').length < 3 || GENERIC_TITLE.test(t)) return undefined;
  // The page says this is its headline (og:title, h1, a feed item's title): it is, unless it reads as chrome. A headline
  // may end on a full stop, quote its subject ("…: \"We got her!\"") or open on a media label ("VIDEO: …").
  const page = articleText(textBlocks(`${t.replace(MEDIA_LABEL, '')}\nThe article follows here with enough words to be prose.`));
  if (page.all[0]?.kind !== 'chrome') return withoutNewsLabel(t);
  // Numbers and "you" in a headline ("10 things in tech you need to know today") are no appeal of the site's.
  return page.dropped[0]?.reason === 'appeal to the reader' ? withoutNewsLabel(t) : undefined;
}

/**
 * A page's label for how new its news is, before the headline ("Breaking: Kyiv can win all of Ukraine back …",
 * "Latest: Zelensky ready for 'honest work' …", "LIVE UPDATES: …", a re-poster's "Big News: …"): the briefing's headline is the
 * news, not the label.
 */
const NEWS_LABEL =
  /^(?:breaking(?: news)?|big news|top (?:news|story)|news (?:alert|flash)|flash|urgent|latest(?: news)?|live(?: updates?| blog)?|just in|developing(?: story)?|update[sd]?|new|exclusive)\s*[:|]\s+/i;

/** A wire service's slug before its headline ("Exclusive-US slows sale of Lukoil assets", "UPDATE 2-Kremlin says …"). */
const WIRE_SLUG = /^(?:exclusive|update\s+\d{1,2}|refile|corrected|analysis|factbox|explainer|insight|wrapup(?:\s+\d{1,2})?)\s*-(?=\S)/i;

function withoutNewsLabel(title: string): string {
  const rest = title.replace(NEWS_LABEL, '').replace(WIRE_SLUG, '');
  return rest !== title && rest.split(' ').length >= 3 ? rest : title;
}

const NOT_ENGLISH = 'no article text in English: sitrep reads English-language articles';

/** At least `minWords` words with almost none of English's function words: prose in another language. */
function notEnglish(words: readonly string[], minWords: number): boolean {
  return words.length >= minWords && functionWordDensity(words) < 0.08;
}

/** A newsletter's section label: a few words, no sentence ("Business/Tech", "Around the World", "In Other News"). */
function isSectionLabel(text: string): boolean {
  const label = text.trim();
  return label.split(/\s+/).length <= 4 && !/[.!?:|]$/.test(label) && !/^advertisement\b/i.test(label);
}

/** A media label before a headline: "VIDEO: Voting on NYCHA's Future". */
const MEDIA_LABEL = /^(?:VIDEO|WATCH|LIVE|PHOTOS?|AUDIO|LISTEN|PODCAST|GALLERY)\s*[:|]\s+/i;

/** A transcript's question, by its label: "Q    Sir, …", "Q: …", "QUESTION: …", "Question: …". */
const REPORTER_QUESTION = /^(?:Q(?:\s*:\s*|\.\s+|\s+)(?=["“]?\p{Lu})|(?:QUESTION|Question)\s*:\s+)/u;

/**
 * Analyse one article against a story: classify its lines (chrome out), take its headline, score relevance
 * (off-story articles are rejected with a reason and score), split sentences, find entities and speakers, choose
 * facts among the body's complete sentences, and date the event. Pure apart from the clock passed in `now` (used only
 * when nothing dates the article).
 */
export function analyzeArticle(input: ArticleInput, story: Story, now: Date, opts: ClassifyOptions = {}): AnalyzeResult {
  const page = articleText(input.blocks ?? textBlocks(input.text), opts);
  const cleaned = page.text;
  const bodySpans = page.spans.filter((s) => s.kind === 'body');
  if (cleaned.trim().length === 0 || bodySpans.length === 0) {
    // Prose in another language has none of English's function words, so every line of it reads as chrome: say so.
    const words = page.all.flatMap((l) => l.text.match(/\p{L}+/gu) ?? []);
    const error = notEnglish(words, 30)
      ? NOT_ENGLISH
      : page.dropped.length > 0
          ? 'no article text: every line looks like page chrome'
          : 'no article text found';
    return { ok: false, rejected: false, error, code: 'EMPTY_TEXT' };
  }
  // Prose in another language with a few English lines among it (a Russian page quoting posts in English) is no
  // English article either: say so rather than that it is off the story.
  // (Its first few hundred words tell.)
  const bodyWords: string[] = [];
  for (const span of bodySpans) {
    for (const w of cleaned.slice(span.start, Math.min(span.end, span.start + 2_000)).match(/\p{L}+/gu) ?? []) bodyWords.push(w);
    if (bodyWords.length >= 400) break;
  }
  if (notEnglish(bodyWords, 15)) return { ok: false, rejected: false, error: NOT_ENGLISH, code: 'EMPTY_TEXT' };
  const headline = usableTitle(input.title) ?? (page.headline === undefined ? undefined : withoutNewsLabel(page.headline));
  const bodyStart = bodySpans[0]?.start ?? 0;
  const bodyText = bodySpans.map((s) => cleaned.slice(s.start, s.end)).join('\n');

  // Relevance and fact selection both ask which questions each sentence bears on.
  const tags = new Map<string, string[]>();
  const tagsOf = (sentence: string): string[] => {
    let t = tags.get(sentence);
    if (!t) {
      t = questionTags(sentence, story.questions, story.sides ? { sides: story.sides } : {});
      tags.set(sentence, t);
    }
    return t;
  };
  const sentences = splitSentences(cleaned);
  // Which sentences lie in the article's body, read once (the spans are scanned for each sentence).
  const inBodyAt = sentences.map((s) => inBody(page.spans, s.start, s.end));
  const body = sentences.filter((_, i) => inBodyAt[i]);
  // The standfirst under the headline sums the story up as the lead does: "… admitted he made no progress in his
  // conversation with Vladimir Putin about ending the war in Ukraine" over a lead that goes into the call's details.
  const dekSpan = page.spans.find((s) => s.kind === 'heading' && s.start < bodyStart && s.terminated);
  const standfirst = dekSpan ? cleaned.slice(dekSpan.start, dekSpan.end) : undefined;
  const relevance = scoreRelevance(bodyText, headline, story, tagsOf, body.map((s) => s.text), standfirst !== undefined && standfirst.split(/\s+/).length >= 10 ? standfirst : undefined);
  if (!relevance.relevant) return { ok: false, rejected: true, reason: relevance.reason, score: relevance.score };

  // Speakers are people the article's body names: a name only in the headline ("… After Trump's Call") is no one's.
  const entities = extractEntities(bodyText);
  // A name first seen in a dateline's capitals ("KYIV, Ukraine —") speaks as the body writes it ("Kyiv says …").
  const subjects = [...entities.organizations, ...entities.places].filter((s) => s.length >= 2 && s.length <= 40).map((s) => asWritten(s, bodyText));
  // Headings that introduce a speaker ("Secretary of State Marco Rubio on Meet the Press"), each by the fullest name
  // the body or an earlier heading gives them.
  const known = entities.people.map((p) => p.name);
  const headings = page.spans
    .filter((span) => span.kind === 'heading' && span.start >= bodyStart)
    .map((span) => {
      const speaker = introducedBy(cleaned.slice(span.start, span.end), known);
      if (speaker !== undefined) known.push(speaker);
      return speaker === undefined ? { end: span.end } : { end: span.end, speaker };
    });
  const attributions = spelledOut(
    attributeSentences(sentences, { people: entities.people, subjects, text: cleaned, headings, ...(story.sides ? { sides: story.sides } : {}), ...(headline !== undefined ? { title: headline } : {}) }),
    bodyText,
  );

  const sourceName = input.sourceName.trim().slice(0, 120) || 'source';
  const source: Source = { id: slugify(sourceName) || 'source', name: sourceName };
  if (input.url && /^https?:\/\//i.test(input.url)) source.url = input.url;

  const dating = dateEvent({
    ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
    statedDates: page.statedDates,
    ...urlDayOf(input.url, now),
    // Date stamps are display lines: chrome, or a heading such as a re-publisher's "From <paper>, Nov. 20, 2025, <url>".
    // Below the article's fourth paragraph a date stamps a linked story ("<its headline>" / "May 11, 2023" between
    // paragraphs), not the page; only an embedded post's signature there still dates its post.
    chromeLines: pageStamps(page.all),
    ...standfirstOf(page.all),
    ...ownLineDateline(page.all),
    lead: body.slice(0, 6).map((s) => s.text),
    allLines: page.all.map((l) => l.text),
    now,
  });
  if (dating.published) source.publishedAt = isoSeconds(dating.published);
  // A page published before the story began is another story in the same words. Only a publication time counts: a
  // day read from the text may be a caption's or the background's.
  const publishedDay = dating.published ? isoSeconds(dating.published).slice(0, 10) : undefined;
  if (story.since !== undefined && publishedDay !== undefined && publishedDay < story.since)
    return { ok: false, rejected: true, reason: `published ${publishedDay}, before the story began (${story.since})`, score: relevance.score };

  // Complete body sentences, each once: pages repeat their lead as a standfirst, and captions twice.
  const seen = new Set<string>();
  const complete = completeSentenceCheck(headline);
  // A pull quote: words the page prints again inside quotation marks with whose they are ("Ukraine fatigue is a real
  // thing for some of our partners." over "“Ukraine fatigue is …,” the Post quoted one unnamed US official as saying."):
  // the attributed copy is the fact.
  const quoted = new Set<string>();
  for (const a of attributions) for (const q of a.quotes) if (q.inner.length >= 30) quoted.add(wordKey(q.inner));
  // Where a newsletter's section label stands right above a paragraph ("Business/Tech", "Around the World"): an item
  // of its own, as a run-in label opens one. Only a short label, in a page with two of them at least: a teaser or a
  // caption between an article's paragraphs ("++ Fish facts that challenge what we know") heads no section.
  const underHeading = new Set<number>();
  const labels = new Set(page.spans.filter((span) => span.kind === 'heading' && span.start > bodyStart && isSectionLabel(cleaned.slice(span.start, span.end))));
  if (labels.size >= 2)
    page.spans.forEach((span, j) => {
      const above = page.spans[j - 1];
      if (span.kind === 'body' && above !== undefined && labels.has(above)) underHeading.add(span.start);
    });
  const otherStory = otherStorySentences(sentences, (i) => inBodyAt[i] === true, story, (i) => underHeading.has(sentences[i]?.start ?? -1), entities.people.map((p) => p.surname));
  // A transcript's questions, two or more ("Q    Sir, on Russia. Have you made a final decision …?", "QUESTION: …"):
  // a reporter asking, not the news; "Q I'm Michael Birnbaum, with the Washington Post." is no fact. (They still count
  // for what the page is about: a gaggle's answers open on "Hello, everybody.")
  const questions = page.spans.filter((span) => span.kind === 'body' && REPORTER_QUESTION.test(cleaned.slice(span.start, span.start + 16)));
  const asked = (at: number): boolean => questions.length >= 2 && questions.some((q) => at >= q.start && at < q.end);
  const eligibleAt = sentences.map((s, i) => {
    if (!inBodyAt[i] || !complete(s.text) || otherStory.has(i) || asked(s.start)) return false;
    const key = wordKey(s.text);
    if (seen.has(key)) return false;
    if (quoted.size > 0 && quoted.has(key) && !/^\s*["“«‘']/.test(s.text)) return false;
    seen.add(key);
    return true;
  });
  const eligible = (i: number): boolean => eligibleAt[i] === true;
  const facts = selectFacts({ sentences, attributions, entities, story, published: dating.anchor, sourceId: source.id, bodyStart, tagsOf, eligible });
  if (facts.length === 0) return { ok: false, rejected: false, error: 'no news-bearing sentences found', code: 'NO_FACTS' };

  // A title cut from a sentence that opens with a pronoun ("He stressed, however, …") names no one: the first fact
  // that opens otherwise gives it.
  const titleFact = facts.find((f) => !/^(?:He|She|They|It|This|These|That|Those|We|I)\b/.test(f.text)) ?? facts[0];
  const title = headline ?? leadTitle(titleFact?.text ?? body[0]?.text ?? cleaned);
  return {
    ok: true,
    article: {
      source,
      title: fitText(title, 160),
      occurredAt: dating.occurredAt,
      text: cleaned,
      facts,
      entities,
      relevance: relevance.score,
      headline: headline !== undefined,
      dateSource: dating.dateSource,
      dropped: page.dropped,
    },
  };
}

/** A name in capitals as the text also writes it in mixed case ("KYIV" → "Kyiv"); acronyms stay as they are. */
function asWritten(name: string, text: string): string {
  if (name.length < 4 || name !== name.toUpperCase() || !/\p{L}/u.test(name)) return name;
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${escapeRegExp(name)}(?![\\p{L}])`, 'giu'))) if (m[0] !== name) return m[0];
  return name;
}

/**
 * A dateline printed on a line of its own above the first paragraph ("Istanbul, Jun 2 (Agencies)"): it says the
 * event's day, though the line is display text. A site header's date ("Tuesday, July 1, 2025") only says when the
 * page was printed.
 */
function ownLineDateline(lines: ReadonlyArray<{ text: string; kind: string }>): { dateline?: string } {
  const first = lines.findIndex((l) => l.kind === 'body');
  for (const l of lines.slice(Math.max(0, first - 4), Math.max(0, first))) if (OWN_LINE_DATELINE.test(l.text)) return { dateline: l.text };
  return {};
}

const OWN_LINE_DATELINE =
  /^\p{Lu}[\p{L} .'’-]{1,30},\s+(?:\p{Lu}\p{L}{2,8}\.?\s+\d{1,2}|\d{1,2}\s+\p{Lu}\p{L}{2,8})(?:,?\s+\d{4})?\s*(?:\([^)]{1,30}\))?\.?\s*[—–-]?$/u;

/** The standfirst (dek): a long display line between the headline and the first body line, when the page has one. */
function standfirstOf(lines: ReadonlyArray<{ text: string; kind: string }>): { standfirst?: string } {
  const kept = lines.filter((l) => l.kind !== 'chrome');
  const at = kept.findIndex((l) => l.kind === 'headline');
  const next = at >= 0 ? kept[at + 1] : undefined;
  return next?.kind === 'heading' && next.text.length >= 60 ? { standfirst: next.text } : {};
}

/** The display lines that may carry the page's date stamp: chrome and headings of its first 40 lines (see above). */
function pageStamps(lines: readonly { kind: string; text: string }[]): string[] {
  const out: string[] = [];
  let body = 0;
  // The first 40 lines, and further down only above the article's opening, however many menu lines a page saved whole
  // prints there (AOL's stamp stands 150 lines down): below a short article, a stamp is another story's. A post's
  // signature only near the top.
  for (const [i, l] of lines.slice(0, MAX_STAMP_LINES).entries()) {
    if (l.kind === 'body') body++;
    else if ((l.kind === 'heading' || l.kind === 'chrome') && (i < 40 ? body < 4 || /\(@\w+\)/.test(l.text) : body === 0)) out.push(l.text);
    if (i >= 40 && body > 0) break;
  }
  return out;
}

/** How far down a page its date stamp is looked for. */
const MAX_STAMP_LINES = 400;
