import { z } from 'zod';

/** Slug used for record, story, question and source ids. */
export const slug = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens ([a-z0-9-]+)');

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** ISO 8601 date (`2025-05-19`) or date-time with an explicit offset (`2025-05-19T17:00:00Z`). */
export const isoInstant = z
  .string()
  .refine((s) => (isoDate.test(s) || isoDateTime.test(s)) && !Number.isNaN(Date.parse(s)), {
    message: 'must be an ISO 8601 date (YYYY-MM-DD) or date-time with offset (YYYY-MM-DDTHH:MM[:SS]Z)',
  });

export const questionStatus = z.enum(['open', 'moved', 'resolved', 'contested']);
export type QuestionStatus = z.infer<typeof questionStatus>;

/** Where an event record stands in review. */
export type EventStatus = 'published' | 'draft' | 'archived';

export const sourceSchema = z.strictObject({
  id: slug,
  name: z.string().trim().min(1).max(120),
  url: z.url({ protocol: /^https?$/ }).optional(),
  publishedAt: isoInstant.optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const factSchema = z.strictObject({
  /** Optional stable id; defaults to `f<index+1>` within the record. */
  id: slug.optional(),
  text: z.string().trim().min(1).max(400),
  source: slug,
  /** Further sources that report the same fact (independent confirmation). */
  alsoSources: z.array(slug).optional(),
  speaker: z.string().trim().min(1).max(120).optional(),
  /** True when `text` is (or contains) a direct quote of `speaker`. */
  quote: z.boolean().optional(),
  questions: z.array(slug).optional(),
  /** Forward-looking fact: something expected to happen ("within days", a proposed meeting). */
  watch: z
    .strictObject({
      due: isoInstant.optional(),
      /** `due` is a horizon set from a vague phrase ("in the coming weeks"), not a day the source named: never printed. */
      approx: z.literal(true).optional(),
    })
    .optional(),
  /** Exact place of the sentence in the source text, kept by ingestion for traceability. */
  offset: z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) }).optional(),
});
export type Fact = z.infer<typeof factSchema>;

export const signalSchema = z.strictObject({
  question: slug,
  status: questionStatus,
  text: z.string().trim().min(1).max(400),
  /** Id of the fact (within the same record) that carries the evidence. */
  fact: slug.optional(),
  /** Still unknown about the question after this event. */
  unknowns: z.array(z.string().trim().min(1).max(200)).optional(),
});
export type Signal = z.infer<typeof signalSchema>;

export const eventRecordSchema = z
  .strictObject({
    id: slug,
    story: slug,
    occurredAt: isoInstant,
    title: z.string().trim().min(1).max(160),
    facts: z.array(factSchema).min(1),
    sources: z.array(sourceSchema).min(1),
    signals: z.array(signalSchema).optional(),
    importance: z.number().int().min(1).max(5).optional(),
    /**
     * `draft`: waiting for review (ingested); `archived`: rejected by a reviewer, kept but never briefed. Absent means
     * published.
     */
    status: z.enum(['published', 'draft', 'archived']).optional(),
    /**
     * Where ingestion took `occurredAt` from: the article's own words ("text": a dateline, "on Tuesday", "May 19"),
     * its publication time ("published": --published, page metadata, a feed, a stated date line), or nothing at all
     * ("ingest-time": the clock when it was ingested, which a reviewer should check). Absent on curated records.
     */
    dateSource: z.enum(['text', 'published', 'ingest-time']).optional(),
    /**
     * Where ingestion took `title` from: the article's own headline ("headline": og:title, h1, a feed item's title,
     * the headline line of a text), or its lead sentence cut at a clause ("lead") when the input had none. Absent on
     * curated records, whose titles are written as headlines.
     */
    titleSource: z.enum(['headline', 'lead']).optional(),
  })
  .superRefine((rec, ctx) => {
    const sourceIds = new Set<string>();
    rec.sources.forEach((s, i) => {
      if (sourceIds.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `duplicate source id "${s.id}"` });
      sourceIds.add(s.id);
    });
    const factIds = new Set<string>();
    rec.facts.forEach((f, i) => {
      const id = f.id ?? `f${i + 1}`;
      if (factIds.has(id)) ctx.addIssue({ code: 'custom', path: ['facts', i, 'id'], message: `duplicate fact id "${id}"` });
      factIds.add(id);
      if (!sourceIds.has(f.source))
        ctx.addIssue({ code: 'custom', path: ['facts', i, 'source'], message: `unknown source "${f.source}" (declared: ${[...sourceIds].join(', ')})` });
      (f.alsoSources ?? []).forEach((s, j) => {
        if (!sourceIds.has(s)) ctx.addIssue({ code: 'custom', path: ['facts', i, 'alsoSources', j], message: `unknown source "${s}"` });
      });
    });
    (rec.signals ?? []).forEach((s, i) => {
      if (s.fact !== undefined && !factIds.has(s.fact))
        ctx.addIssue({ code: 'custom', path: ['signals', i, 'fact'], message: `unknown fact "${s.fact}" (facts: ${[...factIds].join(', ')})` });
    });
  });
export type EventRecord = z.infer<typeof eventRecordSchema>;

export const questionSchema = z.strictObject({
  id: slug,
  label: z.string().trim().min(1).max(80),
  question: z.string().trim().min(1).max(300),
  keywords: z.array(z.string().trim().min(1)).default([]),
  /** Regular expressions (case-insensitive) that mark a sentence as bearing on this question. */
  patterns: z.array(z.string().min(1)).optional(),
  /** What is unknown before any evidence arrives. */
  unknowns: z.array(z.string().trim().min(1).max(200)).optional(),
  /**
   * Names and words that bear on the question only next to a `context` word: "Donetsk" in "Russia demands Kyiv cede
   * Donetsk" does, in "a drone strike on Donetsk" it does not.
   */
  mentions: z.array(z.string().trim().min(1)).optional(),
  /** Words or patterns (case-insensitive) that make a `mentions` word bear on the question. */
  context: z.array(z.string().min(1)).optional(),
  /**
   * Patterns (case-insensitive) for senses of a keyword that never bear on the question ("Territorial Defence Forces",
   * "territorial waters"): the text they match counts for no keyword.
   */
  notWhen: z.array(z.string().min(1)).optional(),
  /**
   * Sides (story `sides` ids) the question is asked of ("Does Kyiv accept…?": [kyiv]): a sentence bears on it only
   * when one of them says or does it (its speaker or subject).
   */
  by: z.array(slug).optional(),
});
export type Question = z.infer<typeof questionSchema>;

export const feedSourceSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  url: z.url({ protocol: /^https?$/ }),
  /** Poll interval in minutes. */
  every: z.number().int().min(1).max(1440).default(15),
});
export type FeedSource = z.infer<typeof feedSourceSchema>;

/**
 * A party to the story (Kyiv, Moscow, Washington, European capitals): the people and bodies who speak for it. Question
 * tracking reads whose side a statement comes from, so it can tell a proposal from its rejection by the other side.
 */
export const sideSchema = z.strictObject({
  id: slug,
  label: z.string().trim().min(1).max(80),
  /** Names as they appear in news text ("Zelenskyy", "Kremlin", "Ukraine's foreign ministry"); surnames suffice for people. */
  members: z.array(z.string().trim().min(1).max(80)).min(1),
  /** Sides whose demands and proposals stand against this side's (belligerents and their allies): a demand of one
   * against a proposal or demand of the other makes a question contested. */
  opposes: z.array(slug).optional(),
});
export type Side = z.infer<typeof sideSchema>;

export const storySchema = z.strictObject({
  id: slug,
  title: z.string().trim().min(1).max(150),
  description: z.string().trim().max(500).optional(),
  /** Words that make an article relevant to the story (ingestion relevance scoring). */
  keywords: z.array(z.string().trim().min(1)).default([]),
  /** Words that mark an article as off-story even if keywords match. */
  excludeKeywords: z.array(z.string().trim().min(1)).default([]),
  /**
   * Names at least one of which every article of the story names (for the ceasefire talks: Ukraine, Kyiv,
   * Zelenskyy…). Another conflict's ceasefire may name Putin or Russia; it does not name these.
   */
  anchors: z.array(z.string().trim().min(1)).optional(),
  /**
   * The story's words in another sense (patterns, case-insensitive): another process's talks ("accession talks"), a
   * summit of another body, a prize's name. What they match counts for nothing when an article is scored.
   */
  notWhen: z.array(z.string().trim().min(1)).optional(),
  /**
   * The story's subject in phrases a keyword list cannot hold (patterns, case-insensitive): "settle the Ukraine crisis
   * through dialogue", as official statements put the talks. A match names the subject as a topic keyword does, but its
   * words, unlike the keywords', still tell one event's reports from another's when they are matched.
   */
  topicPatterns: z.array(z.string().trim().min(1)).optional(),
  /**
   * The day the story began (YYYY-MM-DD). An article published earlier (by its metadata, a date stamp or
   * `--published`; a day read from its text does not count) reports something else that used the same words: the 2019
   * impeachment's "envoy" to Ukraine is not the ceasefire talks.
   */
  since: z
    .string()
    .regex(isoDate, 'must be a date (YYYY-MM-DD)')
    .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a real date')
    .optional(),
  questions: z.array(questionSchema).min(1),
  /** The parties whose stances question tracking follows (optional: without them stances have no side). */
  sides: z.array(sideSchema).optional(),
  sources: z.array(feedSourceSchema).default([]),
  autoPublish: z.boolean().default(false),
});
export type Story = z.infer<typeof storySchema>;

export { factId } from './fact-id.js';
export { instantMs } from '../time/instant.js';
