/**
 * `npm run eval`: ingest the labelled corpus as a new user would, build each event day's morning briefing, and score
 * both against the labels (issue 14: ingestion, issue 15: briefings). In-process, no network, a temporary SQLite
 * store per split, a fixed clock: the same code gives the same figures.
 *
 *   npm run eval                  table of figures, tune and holdout side by side, then the fresh samples'
 *   npm run eval -- --json        the same as JSON
 *   npm run eval -- --verbose     also every finding behind the figures (defective lines, missed terms, …)
 *   npm run eval -- --split tune  one split only
 *   npm run eval -- --samples DIR also the samples in DIR's folders (kept outside the repository), after the fresh ones
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { briefingFromStore } from '../src/briefing/service.js';
import { slugify } from '../src/ingest/analyze.js';
import { IngestBatch } from '../src/ingest/event-writer.js';
import { ingestInputs } from '../src/ingest/pipeline.js';
import { loadStoryDir } from '../src/records/load.js';
import { isoInstant, type EventRecord, type Story } from '../src/records/schema.js';
import { renderText } from '../src/render/text.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { daysOf, extraSplits, loadCorpus, type Article, type DayLabel } from './labels.js';
import { pct, scoreBriefings, scoreIngestion, type BriefingDayResult, type BriefingScore, type IngestionScore, type Placement, type Ratio } from './score.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = process.env.SITREP_EVAL_CORPUS ?? join(ROOT, 'eval', 'corpus');
/** The ingestion clock: after every event in the corpus, as when a user ingests an archive. Undated inputs get it. */
export const EVAL_NOW = new Date('2026-01-05T12:00:00Z');
const DAY_MS = 86_400_000;

export interface SplitResult {
  split: string;
  mode: Mode;
  articles: { onStory: number; offStory: number; days: number };
  ingestion: IngestionScore;
  briefings: BriefingScore;
  /** Rendered briefing per day (JSON and --verbose only). */
  texts: Array<{ day: string; text: string }>;
  placements: Placement[];
}

function sortKey(a: Article): string {
  const day = a.label.onStory ? a.label.eventDate : (a.label.published?.slice(0, 10) ?? '9999-12-31');
  return `${day} ${a.id}`;
}

/**
 * How inputs are given to `sitrep ingest`. `user`: the file alone, as a new user types it (no --published,
 * --source-name or --url), which is what the issues' checks do. `dates-given`: each text input with
 * `--published <event day>T12:00:00Z` (off-story ones with the date their page states, if any), so the engine's
 * figures can be read apart from ingestion's dating.
 */
export type Mode = 'user' | 'dates-given' | 'url-given';

function publishedFor(a: Article, mode: Mode): string | undefined {
  if (mode !== 'dates-given' || a.label.format === 'html') return undefined;
  const day = a.label.onStory ? a.label.eventDate : a.label.published?.slice(0, 10);
  return day === undefined ? undefined : `${day}T12:00:00Z`;
}

/**
 * Ingest one split's articles into a fresh store, in date order and each in a run of its own (as `sitrep ingest <file>`
 * once per file, or a feed poll per article: each finds the events before it in the store), approve the drafts, brief
 * each day.
 */
export async function runSplit(story: Story, split: string, articles: readonly Article[], days: readonly DayLabel[], mode: Mode = 'user', now: Date = EVAL_NOW): Promise<SplitResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-eval-'));
  const store = openSqliteStore(join(dir, 'eval.db'));
  try {
    await store.upsertStory(story);
    const sourcesBefore = new Map<string, Set<string>>();
    const placements: Placement[] = [];
    for (const a of [...articles].sort((x, y) => sortKey(x).localeCompare(sortKey(y)))) {
      const published = publishedFor(a, mode);
      const batch = new IngestBatch();
      // `url-given`: the page's address as ingesting it by URL or from a feed gives it (`--url` for a file).
      const url = mode === 'url-given' && a.label.format !== 'html' ? { url: a.label.url } : {};
      const run = await ingestInputs([a.file], { story, store, now, batch, ...url, ...(published !== undefined ? { published } : {}) });
      const r = run.results[0];
      if (!r) {
        placements.push({ articleId: a.id, outcome: 'failed', detail: 'no result' });
        continue;
      }
      if (!r.ok) {
        placements.push({ articleId: a.id, outcome: r.rejected ? 'rejected' : 'failed', detail: r.rejected ? `${r.reason} (score ${r.score})` : `${r.code}: ${r.error}` });
        continue;
      }
      const record = batch.events.get(r.eventId)?.record ?? (await store.getEvent(r.eventId));
      const before = sourcesBefore.get(r.eventId) ?? new Set<string>();
      const added = (record?.sources ?? []).filter((s) => !before.has(s.id));
      const sourceId = added.length === 1 ? (added[0]?.id as string) : slugify(a.id);
      sourcesBefore.set(r.eventId, new Set((record?.sources ?? []).map((s) => s.id)));
      placements.push({ articleId: a.id, outcome: 'kept', eventId: r.eventId, sourceId });
    }
    for (const d of await store.listEvents({ story: story.id, status: 'draft', limit: 100_000 })) await store.setEventStatus(d.id, 'published');
    const records: EventRecord[] = await store.listEvents({ story: story.id, status: 'any', limit: 100_000 });
    const questionIds = story.questions.map((q) => q.id);
    const ingestion = scoreIngestion({ articles, records, placements, questionIds });

    const results: BriefingDayResult[] = [];
    for (const d of days) {
      const at = Date.parse(`${d.day}T00:00:00Z`);
      // As `sitrep brief --now <next day 07:00Z> --since <day before 18:00Z>`.
      const briefing = await briefingFromStore(store, { story, now: new Date(at + DAY_MS + 7 * 3_600_000), since: new Date(at - 6 * 3_600_000) });
      results.push({ day: d.day, briefing, text: renderText(briefing) });
    }
    const briefings = scoreBriefings({
      days,
      articles,
      results,
      articlesOfEvent: (eventId) => placements.filter((p) => p.outcome === 'kept' && p.eventId === eventId).map((p) => p.articleId),
    });
    return {
      split,
      mode,
      articles: { onStory: articles.filter((a) => a.label.onStory).length, offStory: articles.filter((a) => !a.label.onStory).length, days: days.length },
      ingestion,
      briefings,
      texts: results.map((r) => ({ day: r.day, text: r.text })),
      placements,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Figures and targets

type Value = { kind: 'ratio'; r: Ratio } | { kind: 'count'; n: number } | { kind: 'factor'; x: number | null };
interface Figure {
  section: 'ingestion' | 'briefings';
  name: string;
  target: string;
  value: (s: SplitResult) => Value;
  /** True when the value meets the target; undefined when the issue sets none. */
  ok?: (v: Value) => boolean;
}

const atLeast = (share: number) => (v: Value) => v.kind === 'ratio' && v.r.of > 0 && v.r.n / v.r.of >= share - 1e-9;
const atMost = (share: number) => (v: Value) => v.kind === 'ratio' && (v.r.of === 0 || v.r.n / v.r.of <= share + 1e-9);
const zero = (v: Value) => v.kind === 'count' && v.n === 0;

export const FIGURES: Figure[] = [
  { section: 'ingestion', name: 'on-story kept', target: '≥ 95 %', value: (s) => ({ kind: 'ratio', r: s.ingestion.onStoryKept }), ok: atLeast(0.95) },
  { section: 'ingestion', name: 'off-story rejected', target: '100 %', value: (s) => ({ kind: 'ratio', r: s.ingestion.offStoryRejected }), ok: atLeast(1) },
  { section: 'ingestion', name: 'dates within a day', target: '≥ 90 %', value: (s) => ({ kind: 'ratio', r: s.ingestion.datesWithinDay }), ok: atLeast(0.9) },
  { section: 'ingestion', name: '  wrong ones flagged undated', target: '—', value: (s) => ({ kind: 'ratio', r: s.ingestion.wrongDatesFlagged }) },
  { section: 'ingestion', name: 'chrome lines kept (fact/title/id)', target: '0', value: (s) => ({ kind: 'count', n: s.ingestion.chromeLinesKept }), ok: zero },
  { section: 'ingestion', name: '  events carrying chrome', target: '0', value: (s) => ({ kind: 'count', n: s.ingestion.eventsWithChrome }), ok: zero },
  { section: 'ingestion', name: '  facts carrying chrome', target: '0', value: (s) => ({ kind: 'count', n: s.ingestion.factsWithChrome }), ok: zero },
  { section: 'ingestion', name: 'headline as fact', target: '0', value: (s) => ({ kind: 'count', n: s.ingestion.headlineAsFact }), ok: zero },
  { section: 'ingestion', name: 'sub-headline as fact', target: '0', value: (s) => ({ kind: 'count', n: s.ingestion.subheadlineAsFact }), ok: zero },
  { section: 'ingestion', name: 'unfinished facts', target: '0', value: (s) => ({ kind: 'count', n: s.ingestion.unfinishedFacts }), ok: zero },
  { section: 'ingestion', name: 'key terms kept in facts', target: '≥ 95 %', value: (s) => ({ kind: 'ratio', r: s.ingestion.keyTermsKept }), ok: atLeast(0.95) },
  { section: 'ingestion', name: 'speaker precision (labelled quotes)', target: '—', value: (s) => ({ kind: 'ratio', r: s.ingestion.speakerPrecision }) },
  { section: 'ingestion', name: 'speakers naming no one', target: '≤ 5 %', value: (s) => ({ kind: 'ratio', r: s.ingestion.speakersNamingNoOne }), ok: atMost(0.05) },
  { section: 'ingestion', name: 'same-event pairs merged', target: '≥ 6/7', value: (s) => ({ kind: 'ratio', r: s.ingestion.pairsMerged }), ok: atLeast(6 / 7) },
  { section: 'ingestion', name: 'wrongly merged pairs', target: '0', value: (s) => ({ kind: 'count', n: s.ingestion.wronglyMerged }), ok: zero },
  { section: 'ingestion', name: 'question tags: precision', target: '≥ 0.85', value: (s) => ({ kind: 'ratio', r: s.ingestion.tags.precision }), ok: atLeast(0.85) },
  { section: 'ingestion', name: 'question tags: recall', target: '≥ 0.85', value: (s) => ({ kind: 'ratio', r: s.ingestion.tags.recall }), ok: atLeast(0.85) },
  { section: 'briefings', name: 'days with no development reported', target: '—', value: (s) => ({ kind: 'ratio', r: s.briefings.emptyBriefings }) },
  { section: 'briefings', name: 'key terms in briefing', target: '—', value: (s) => ({ kind: 'ratio', r: s.briefings.keyTermsBriefing }) },
  { section: 'briefings', name: 'key terms in Lead-3', target: '—', value: (s) => ({ kind: 'ratio', r: s.briefings.keyTermsLead3 }) },
  { section: 'briefings', name: 'key terms vs Lead-3', target: '≥ 1.2×', value: (s) => ({ kind: 'factor', x: s.briefings.keyTermsRatio }), ok: (v) => v.kind === 'factor' && v.x !== null && v.x >= 1.2 - 1e-9 },
  { section: 'briefings', name: 'defective headline/bullet lines', target: '0', value: (s) => ({ kind: 'count', n: s.briefings.defectiveLines }), ok: zero },
  { section: 'briefings', name: 'question freshness', target: '≥ 90 %', value: (s) => ({ kind: 'ratio', r: s.briefings.freshness }), ok: atLeast(0.9) },
  { section: 'briefings', name: '  line from the day (any sentence)', target: '—', value: (s) => ({ kind: 'ratio', r: s.briefings.questionLineFromDay }) },
  { section: 'briefings', name: 'question status accuracy', target: '—', value: (s) => ({ kind: 'ratio', r: s.briefings.statusAccuracy }) },
  { section: 'briefings', name: 'off-story sentences in briefings', target: '0', value: (s) => ({ kind: 'count', n: s.briefings.offStoryText }), ok: zero },
];

function show(v: Value): string {
  if (v.kind === 'count') return String(v.n);
  if (v.kind === 'factor') return v.x === null ? 'n/a' : `${v.x.toFixed(2)}×`;
  const p = pct(v.r);
  return p === null ? `n/a (0/0)` : `${(p * 100).toFixed(1)} % (${v.r.n}/${v.r.of})`;
}

/** Holdout minus tune: points for shares, plain difference for counts and factors. */
function diff(a: Value, b: Value): string {
  if (a.kind === 'ratio' && b.kind === 'ratio') {
    const x = pct(a.r);
    const y = pct(b.r);
    if (x === null || y === null) return '';
    const d = (y - x) * 100;
    return `${d >= 0 ? '+' : ''}${d.toFixed(1)} pt${Math.abs(d) > 10 ? ' !' : ''}`;
  }
  if (a.kind === 'count' && b.kind === 'count') return `${b.n - a.n >= 0 ? '+' : ''}${b.n - a.n}`;
  if (a.kind === 'factor' && b.kind === 'factor' && a.x !== null && b.x !== null) return `${b.x - a.x >= 0 ? '+' : ''}${(b.x - a.x).toFixed(2)}`;
  return '';
}

export function table(results: readonly SplitResult[]): string {
  const cols = [34, 9];
  const splitWidth = 22;
  const tuneAndHoldout = results.length === 2 && results[0]?.split === 'tune' && results[1]?.split === 'holdout';
  const pad = (s: string, w: number) => (s.length >= w ? `${s} ` : s + ' '.repeat(w - s.length));
  const lines: string[] = [];
  lines.push(pad('figure', cols[0] as number) + pad('target', cols[1] as number) + results.map((r) => pad(r.split, splitWidth)).join('') + (tuneAndHoldout ? 'holdout − tune' : ''));
  for (const section of ['ingestion', 'briefings'] as const) {
    lines.push(section === 'ingestion' ? 'Ingestion (issue 14)' : 'Briefings (issue 15)');
    for (const f of FIGURES.filter((x) => x.section === section)) {
      const vals = results.map((r) => f.value(r));
      const cells = vals.map((v) => pad(`${show(v)}${f.ok ? (f.ok(v) ? ' ✓' : ' ✗') : ''}`, splitWidth));
      lines.push(pad(`  ${f.name}`, cols[0] as number) + pad(f.target, cols[1] as number) + cells.join('') + (tuneAndHoldout ? diff(vals[0] as Value, vals[1] as Value) : ''));
    }
  }
  return lines.join('\n');
}

function jsonOf(r: SplitResult, verbose: boolean) {
  const { findings: fi, ...ingestion } = r.ingestion;
  const { findings: fb, ...briefings } = r.briefings;
  return {
    split: r.split,
    mode: r.mode,
    articles: r.articles,
    ingestion,
    briefings,
    figures: Object.fromEntries(FIGURES.map((f) => [f.name.trim(), { target: f.target, shown: show(f.value(r)), value: f.value(r), ...(f.ok ? { met: f.ok(f.value(r)) } : {}) }])),
    ...(verbose ? { findings: { ingestion: fi, briefings: fb }, placements: r.placements, briefingTexts: r.texts } : {}),
  };
}

async function main(): Promise<number> {
  const args = parseArgs({ options: { json: { type: 'boolean' }, verbose: { type: 'boolean' }, split: { type: 'string' }, samples: { type: 'string' }, 'fresh-mode': { type: 'string' }, 'fresh-now': { type: 'string' } }, allowPositionals: false });
  const freshMode = args.values['fresh-mode'] ?? 'user';
  if (freshMode !== 'user' && freshMode !== 'url-given' && freshMode !== 'dates-given') {
    process.stderr.write(`eval: --fresh-mode must be user, url-given or dates-given, not "${freshMode}"\n`);
    return 2;
  }
  // Every fresh sample ingested as of one instant instead of days after its events: old news ingested late.
  const freshNow = args.values['fresh-now'];
  if (freshNow !== undefined && !isoInstant.safeParse(freshNow).success) {
    process.stderr.write(`eval: --fresh-now must be an ISO instant (2026-12-06T12:00:00Z), not "${freshNow}"\n`);
    return 2;
  }
  const loaded = loadStoryDir(join(ROOT, 'briefings'));
  const story = loaded.stories.find((s) => s.id === 'ukraine-ceasefire');
  if (!story) {
    process.stderr.write('eval: the ukraine-ceasefire story is missing from briefings/\n');
    return 1;
  }
  const questionIds = story.questions.map((q) => q.id) as [string, ...string[]];
  // Fresh samples: split folders besides tune and holdout, each ingested with its own clock, reported on their own.
  // Samples outside the repository (whole articles copied from other repositories, which this one may not hold) are
  // read the same way from their own folder.
  const outside = args.values.samples;
  if (outside !== undefined && !existsSync(outside)) {
    process.stderr.write(`eval: --samples ${outside}: no such folder\n`);
    return 2;
  }
  const chosen = args.values.split;
  const inOutside = chosen !== undefined && outside !== undefined && !existsSync(join(CORPUS, chosen)) && existsSync(join(outside, chosen));
  const fresh = chosen !== undefined ? [] : [...extraSplits(CORPUS), ...(outside !== undefined ? extraSplits(outside) : [])];
  const splits = chosen !== undefined ? [chosen] : ['tune', 'holdout'];
  const own = loadCorpus(CORPUS, questionIds, inOutside ? [] : [...splits, ...fresh.filter((f) => existsSync(join(CORPUS, f)))]);
  const other = outside !== undefined ? loadCorpus(outside, questionIds, inOutside ? splits : fresh.filter((f) => !existsSync(join(CORPUS, f)))) : undefined;
  const corpus = other === undefined ? own : { articles: [...own.articles, ...other.articles], days: [...own.days, ...other.days], problems: [...own.problems, ...other.problems], clocks: { ...own.clocks, ...other.clocks } };
  if (corpus.problems.length > 0) {
    for (const p of corpus.problems) process.stderr.write(`eval: ${p.file}: ${p.field}: ${p.message}\n`);
    return 1;
  }
  const clockOf = (split: string): string => (freshNow !== undefined && fresh.includes(split) ? freshNow : (corpus.clocks[split] ?? EVAL_NOW.toISOString()));
  const run = (split: string, mode: Mode): Promise<SplitResult> => {
    const articles = corpus.articles.filter((a) => a.split === split);
    return runSplit(story, split, articles, daysOf(corpus, split), mode, new Date(clockOf(split)));
  };
  const runs: Record<'user' | 'dates-given', SplitResult[]> = { user: [], 'dates-given': [] };
  for (const mode of ['user', 'dates-given'] as const) for (const split of splits) runs[mode].push(await run(split, mode));
  const freshRuns: SplitResult[] = [];
  for (const split of fresh) freshRuns.push(await run(split, freshMode));
  const verbose = args.values.verbose === true;
  if (args.values.json) {
    const out = {
      now: EVAL_NOW.toISOString(),
      user: runs.user.map((r) => jsonOf(r, verbose)),
      datesGiven: runs['dates-given'].map((r) => jsonOf(r, verbose)),
      fresh: freshRuns.map((r) => ({ ...jsonOf(r, verbose), now: clockOf(r.split) })),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  const sizes = runs.user.map((r) => `${r.split}: ${r.articles.onStory} on-story + ${r.articles.offStory} off-story articles, ${r.articles.days} event days`).join('; ');
  process.stdout.write(`sitrep eval (${sizes}; ingested as of ${EVAL_NOW.toISOString()})\n\n`);
  process.stdout.write(`As a user ingests (the issues' checks): each file alone, no --published\n${table(runs.user)}\n\n`);
  process.stdout.write(`Dates given (engine view, not the issues' check): each text file with --published <event day>T12:00Z\n${table(runs['dates-given'])}\n`);
  process.stdout.write('✓/✗: the issue\'s target met or not; "!": holdout more than 10 points from tune (issue 14 wants within 10).\n');
  if (freshRuns.length > 0) {
    const sizes = freshRuns.map((r) => `${r.split}: ${r.articles.onStory} + ${r.articles.offStory}, ${r.articles.days} days, ingested as of ${clockOf(r.split).slice(0, 10)}`).join('; ');
    process.stdout.write(`\nFresh samples, ${freshMode === 'user' ? 'as a user ingests' : freshMode === 'url-given' ? "as a user ingests them by their addresses (--url)" : 'with their event days given'} (each gathered and labelled before sitrep first ran on it; see eval/README.md for their first counts) (${sizes})\n${table(freshRuns)}\n`);
  }
  if (verbose)
    for (const r of [...runs.user, ...runs['dates-given'], ...freshRuns]) {
      process.stdout.write(`\n== ${r.split} (${r.mode}): findings\n`);
      for (const f of [...r.ingestion.findings, ...r.briefings.findings]) process.stdout.write(`- [${f.what}] ${f.article}: ${f.text.replace(/\s+/g, ' ')}\n`);
    }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`eval: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
