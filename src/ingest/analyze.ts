import type { Fact, Source, Story } from '../records/schema.js';
import { cleanArticleText, splitHeadline } from './clean-text.js';
import { extractEntities, resolveEventDate, type Entities } from './entities.js';
import { fitText, selectFacts } from './facts.js';
import { questionTags } from './keywords.js';
import { attributeSentences } from './quotes.js';
import { scoreRelevance } from './relevance.js';
import { splitSentences } from './sentences.js';

/** One article as ingestion sees it, after HTML/feed extraction. */
export interface ArticleInput {
  /** Article text (plain; page chrome is stripped here). */
  text: string;
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
}

export type AnalyzeResult =
  | { ok: true; article: AnalyzedArticle }
  | { ok: false; rejected: true; reason: string; score: number }
  | { ok: false; rejected: false; error: string; code: 'EMPTY_TEXT' | 'NO_FACTS' };

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

function titleFromText(text: string): string {
  const first = text.split(/(?<=[.!?])\s/)[0] ?? text;
  return fitText(first.replace(/[.!?]+$/, ''), 120);
}

/**
 * Analyse one article against a story: clean the text, score relevance (off-story articles are rejected with a
 * reason and score), split sentences, find entities and speakers, choose facts, and date the event.
 * Pure apart from the clock passed in `now` (used only when the article has no publication date).
 */
export function analyzeArticle(input: ArticleInput, story: Story, now: Date): AnalyzeResult {
  const cleaned = cleanArticleText(input.text);
  if (cleaned.trim().length === 0) return { ok: false, rejected: false, error: 'no article text found', code: 'EMPTY_TEXT' };
  const headline = input.title ? { title: input.title, body: cleaned } : splitHeadline(cleaned);
  const bodyStart = cleaned.length - headline.body.length;
  const title = headline.title?.trim();

  // Relevance and fact selection both ask which questions each sentence bears on.
  const tags = new Map<string, string[]>();
  const tagsOf = (sentence: string): string[] => {
    let t = tags.get(sentence);
    if (!t) {
      t = questionTags(sentence, story.questions);
      tags.set(sentence, t);
    }
    return t;
  };
  const relevance = scoreRelevance(headline.body, title, story, tagsOf);
  if (!relevance.relevant) return { ok: false, rejected: true, reason: relevance.reason, score: relevance.score };

  const published = input.publishedAt ? new Date(input.publishedAt) : now;
  const publishedValid = Number.isNaN(published.getTime()) ? now : published;
  const sentences = splitSentences(cleaned);
  const body = sentences.filter((s) => s.start >= bodyStart);
  const entities = extractEntities(cleaned);
  const subjects = [...entities.organizations, ...entities.places].filter((s) => s.length >= 2 && s.length <= 40);
  const attributions = attributeSentences(sentences, { people: entities.people, subjects });

  const sourceName = input.sourceName.trim().slice(0, 120) || 'source';
  const source: Source = { id: slugify(sourceName) || 'source', name: sourceName };
  if (input.url && /^https?:\/\//i.test(input.url)) source.url = input.url;
  if (input.publishedAt && !Number.isNaN(published.getTime())) source.publishedAt = isoSeconds(published);

  const facts = selectFacts({ sentences, attributions, entities, story, published: publishedValid, sourceId: source.id, bodyStart, tagsOf });
  if (facts.length === 0) return { ok: false, rejected: false, error: 'no news-bearing sentences found', code: 'NO_FACTS' };

  const when = resolveEventDate(headline.body, body.map((s) => s.text), publishedValid);
  const occurredAt = when.from === 'published' ? isoSeconds(publishedValid) : when.date;
  return {
    ok: true,
    article: {
      source,
      title: fitText(title ?? titleFromText(facts[0]?.text ?? body[0]?.text ?? cleaned), 160),
      occurredAt,
      text: cleaned,
      facts,
      entities,
      relevance: relevance.score,
      headline: title !== undefined && title.length > 0,
    },
  };
}
