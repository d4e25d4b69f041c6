import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { formatPath } from '../src/records/load.js';
import { isoInstant, questionStatus, slug } from '../src/records/schema.js';

/**
 * The labels of the evaluation corpus: one YAML file next to each article (eval/corpus/<split>/<id>.yaml) and one
 * days.yaml per split. Written by hand from the articles; see eval/README.md for how.
 */

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day (YYYY-MM-DD)');
/** A piece of the article's text, as it appears in the input (matched after quote and space normalisation). */
const snippet = z.string().trim().min(1);

export const stanceValue = z.enum(['proposal', 'acceptance', 'rejection', 'dispute', 'unknown', 'none']);
export const side = z.enum(['kyiv', 'moscow', 'washington', 'europe']);

/** Label schemas for a story's question ids (the corpus is labelled for one story). */
export function labelSchemas(questionIds: readonly [string, ...string[]]) {
  const qid = z.enum(questionIds);
  const perQuestion = z.partialRecord(qid, z.array(snippet));
  const base = {
    id: slug,
    url: z.url({ protocol: /^https?$/ }),
    outlet: z.string().trim().min(1),
    format: z.enum(['txt', 'html']),
    /** Publication time when the page states one. */
    published: isoInstant.optional(),
  };
  const onStory = z.strictObject({
    ...base,
    onStory: z.literal(true),
    /** Day the reported event happened (not the publication day when they differ). */
    eventDate: isoDay,
    /** Cluster id shared by every article about the same event; same-event pairs come from it. */
    event: slug,
    /** Events so close to this one that merging the two is neither credited nor counted as a wrong merge. */
    relatedEvents: z.array(slug).optional(),
    /** The article's headline as it appears in the input, or null when the input has none. */
    headline: snippet.nullable(),
    /** Lines or runs of page chrome, exactly as in the input. */
    chrome: z.array(z.string().min(1)),
    /** Headings inside the article and the standfirst under the headline: never facts. */
    subheadlines: z.array(z.string().min(1)),
    /** Sentences the page itself prints without a full stop: a fact ending there is not "unfinished". */
    noFinalStop: z.array(snippet).optional(),
    speakers: z.array(z.strictObject({ text: snippet, speaker: snippet, also: z.array(snippet).optional() })),
    keyTerms: z.array(snippet).min(6).max(10),
    /** Distinctive parts of the body sentences that bear on each question. */
    questions: z.record(qid, z.array(snippet)),
    /** Sentences that bear on a question only weakly (background, pressure on a side): left out of tag scores. */
    borderline: perQuestion.optional(),
    /** Sentences with a question's keyword in a sense that does not bear on it. */
    notQuestions: z.array(z.strictObject({ text: snippet, question: qid, why: z.string().trim().min(3) })),
    stance: z.partialRecord(qid, z.array(z.strictObject({ stance: stanceValue, side }))).optional(),
  });
  const offStory = z.strictObject({
    ...base,
    onStory: z.literal(false),
    trapKind: z.enum(['other-ceasefire', 'russia-not-talks', 'ukraine-not-talks', 'chrome-page', 'other']),
    /** Why it is off-story and what it shares with the story. */
    trap: z.string().trim().min(10),
  });
  const article = z.discriminatedUnion('onStory', [onStory, offStory]);
  const day = z.strictObject({
    day: isoDay,
    articles: z.array(slug).min(1),
    questions: z.record(
      qid,
      z
        .strictObject({ bears: z.boolean(), status: questionStatus, evidence: z.array(snippet) })
        .refine((q) => !q.bears || q.evidence.length > 0, { message: 'a question the day bears on needs evidence', path: ['evidence'] }),
    ),
  });
  return { article, onStory, offStory, day, days: z.array(day) };
}

type Schemas = ReturnType<typeof labelSchemas>;
export type ArticleLabel = z.infer<Schemas['article']>;
export type OnStoryLabel = z.infer<Schemas['onStory']>;
export type OffStoryLabel = z.infer<Schemas['offStory']>;
export type DayLabel = z.infer<Schemas['day']>;

export interface Article {
  id: string;
  split: string;
  /** Path of the input file. */
  file: string;
  /** The input exactly as stored. */
  text: string;
  label: ArticleLabel;
}

export interface LabelProblem {
  file: string;
  field: string;
  message: string;
}

/** A day label with the split whose days.yaml gives it (two samples may hold articles of the same id). */
export type SplitDay = DayLabel & { split: string };

export interface Corpus {
  articles: Article[];
  days: SplitDay[];
  problems: LabelProblem[];
  /** Per split, the ingestion clock its `split.yaml` sets (an archive of later events is ingested after them). */
  clocks: Record<string, string>;
}

/** A split's own settings (`<split>/split.yaml`, optional). */
const splitSettings = z.strictObject({
  /** When the split's articles are ingested: after its last event, as a user ingesting that archive would. */
  now: isoInstant,
  /** Where the split came from and how it was used. */
  note: z.string().trim().min(1).optional(),
});

/** Quotes, dashes, spaces and case folded, so a label matches text that differs only in typography. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    // Zero-width marks some wires scatter through their copy (as ingestion takes them out of the text it reads).
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033«»]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function zodProblems(file: string, prefix: string, error: z.ZodError): LabelProblem[] {
  return error.issues.map((i) => ({ file, field: [prefix, formatPath(i.path)].filter(Boolean).join('') || '(root)', message: i.message }));
}

/** Every snippet a label quotes must occur in the input: a label that drifted from its article is a broken label. */
function snippetProblems(file: string, label: OnStoryLabel, text: string): LabelProblem[] {
  const out: LabelProblem[] = [];
  const norm = normalize(text);
  const exact = (field: string, s: string) => {
    if (!text.includes(s)) out.push({ file, field, message: `not found verbatim in the input: "${s.slice(0, 80)}"` });
  };
  const loose = (field: string, s: string) => {
    if (!norm.includes(normalize(s))) out.push({ file, field, message: `not found in the input: "${s.slice(0, 80)}"` });
  };
  if (label.headline !== null) exact('headline', label.headline);
  label.chrome.forEach((c, i) => exact(`chrome[${i}]`, c));
  label.subheadlines.forEach((c, i) => exact(`subheadlines[${i}]`, c));
  (label.noFinalStop ?? []).forEach((c, i) => loose(`noFinalStop[${i}]`, c));
  label.speakers.forEach((s, i) => loose(`speakers[${i}].text`, s.text));
  label.keyTerms.forEach((k, i) => loose(`keyTerms[${i}]`, k));
  for (const [q, list] of Object.entries(label.questions)) (list ?? []).forEach((s, i) => loose(`questions.${q}[${i}]`, s));
  for (const [q, list] of Object.entries(label.borderline ?? {})) (list ?? []).forEach((s, i) => loose(`borderline.${q}[${i}]`, s));
  label.notQuestions.forEach((n, i) => loose(`notQuestions[${i}].text`, n.text));
  return out;
}

function readYaml(file: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: parse(readFileSync(file, 'utf8')) };
  } catch (err) {
    return { ok: false, message: `not valid YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
  }
}

/**
 * Load the corpus under `root` (eval/corpus): each split's articles with their labels and its days.yaml. Every
 * problem is reported with file and field; articles whose label is broken are left out, the rest still load.
 */
export function loadCorpus(root: string, questionIds: readonly [string, ...string[]], splits: readonly string[] = ['tune', 'holdout']): Corpus {
  const schemas = labelSchemas(questionIds);
  const articles: Article[] = [];
  const days: SplitDay[] = [];
  const problems: LabelProblem[] = [];
  const clocks: Record<string, string> = {};
  for (const split of splits) {
    const dir = join(root, split);
    if (!existsSync(dir)) {
      problems.push({ file: dir, field: '(split)', message: 'no such folder' });
      continue;
    }
    const names = readdirSync(dir).sort();
    const inputs = names.filter((n) => /\.(txt|html)$/.test(n));
    if (names.includes('split.yaml')) {
      const file = join(dir, 'split.yaml');
      const raw = readYaml(file);
      const parsed = raw.ok ? splitSettings.safeParse(raw.value) : undefined;
      if (!raw.ok) problems.push({ file, field: '(file)', message: raw.message });
      else if (parsed && !parsed.success) problems.push(...zodProblems(file, '', parsed.error));
      else if (parsed?.success) clocks[split] = parsed.data.now;
    }
    for (const name of names) {
      if (!name.endsWith('.yaml') || name === 'days.yaml' || name === 'split.yaml') continue;
      const id = basename(name, '.yaml');
      if (!inputs.some((n) => basename(n, extname(n)) === id)) problems.push({ file: join(dir, name), field: '(file)', message: `no input ${id}.txt or ${id}.html next to the label` });
    }
    for (const name of inputs) {
      const id = basename(name, extname(name));
      const file = join(dir, name);
      const labelFile = join(dir, `${id}.yaml`);
      if (!existsSync(labelFile)) {
        problems.push({ file: labelFile, field: '(file)', message: `the input ${name} has no label` });
        continue;
      }
      const raw = readYaml(labelFile);
      if (!raw.ok) {
        problems.push({ file: labelFile, field: '(file)', message: raw.message });
        continue;
      }
      const parsed = schemas.article.safeParse(raw.value);
      if (!parsed.success) {
        problems.push(...zodProblems(labelFile, '', parsed.error));
        continue;
      }
      const label = parsed.data;
      const text = readFileSync(file, 'utf8');
      const own: LabelProblem[] = [];
      if (label.id !== id) own.push({ file: labelFile, field: 'id', message: `"${label.id}" is not the file name "${id}"` });
      if (label.format !== extname(name).slice(1)) own.push({ file: labelFile, field: 'format', message: `"${label.format}" but the input is ${name}` });
      if (label.onStory) own.push(...snippetProblems(labelFile, label, text));
      problems.push(...own);
      if (own.length === 0) articles.push({ id, split, file, text, label });
    }
    const daysFile = join(dir, 'days.yaml');
    if (!existsSync(daysFile)) {
      problems.push({ file: daysFile, field: '(file)', message: 'missing' });
      continue;
    }
    const raw = readYaml(daysFile);
    if (!raw.ok) {
      problems.push({ file: daysFile, field: '(file)', message: raw.message });
      continue;
    }
    const parsed = schemas.days.safeParse(raw.value);
    if (!parsed.success) {
      problems.push(...zodProblems(daysFile, '', parsed.error));
      continue;
    }
    const mine = new Map(articles.filter((a) => a.split === split).map((a) => [a.id, a]));
    const listed = new Set<string>();
    parsed.data.forEach((d, i) => {
      const texts: string[] = [];
      d.articles.forEach((id, j) => {
        const a = mine.get(id);
        listed.add(id);
        if (!a) problems.push({ file: daysFile, field: `[${i}].articles[${j}]`, message: `no labelled article "${id}" in ${split}` });
        else if (!a.label.onStory) problems.push({ file: daysFile, field: `[${i}].articles[${j}]`, message: `"${id}" is off-story` });
        else {
          if (a.label.eventDate !== d.day) problems.push({ file: daysFile, field: `[${i}].articles[${j}]`, message: `"${id}" happened on ${a.label.eventDate}, not ${d.day}` });
          texts.push(normalize(a.text));
        }
      });
      for (const q of questionIds) if (!d.questions[q]) problems.push({ file: daysFile, field: `[${i}].questions.${q}`, message: 'missing' });
      for (const [q, v] of Object.entries(d.questions))
        (v?.evidence ?? []).forEach((e, k) => {
          if (!texts.some((t) => t.includes(normalize(e)))) problems.push({ file: daysFile, field: `[${i}].questions.${q}.evidence[${k}]`, message: `not in that day's articles: "${e.slice(0, 80)}"` });
        });
      days.push({ ...d, split });
    });
    for (const a of mine.values())
      if (a.label.onStory && !listed.has(a.id)) problems.push({ file: join(dir, `${a.id}.yaml`), field: 'eventDate', message: `no day in ${split}/days.yaml lists this article` });
  }
  const events = new Set(articles.flatMap((a) => (a.label.onStory ? [a.label.event] : [])));
  for (const a of articles)
    if (a.label.onStory)
      (a.label.relatedEvents ?? []).forEach((e, i) => {
        if (!events.has(e)) problems.push({ file: a.file.replace(/\.(txt|html)$/, '.yaml'), field: `relatedEvents[${i}]`, message: `no article has event "${e}"` });
      });
  return { articles, days, problems, clocks };
}

/** A split's own event days: by the split whose days.yaml lists them, not by article ids another split may share. */
export function daysOf(corpus: Pick<Corpus, 'days'>, split: string): SplitDay[] {
  return corpus.days.filter((d) => d.split === split);
}

/** The split folders under `root` besides tune and holdout: fresh samples, reported on their own. */
export function extraSplits(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'tune' && d.name !== 'holdout')
    .map((d) => d.name)
    .sort();
}
