import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStoryDir } from '../src/records/load.js';
import type { EventRecord, QuestionStatus, Story } from '../src/records/schema.js';
import { mulberry32 } from '../tests/fakes/prng.js';

/** Repository root (bench/ sits directly under it). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BRIEFINGS_DIR = join(ROOT, 'briefings');
const SEEDS_DIR = join(ROOT, 'tests', 'fixtures', 'seeds');
const FIXTURE_DIR = join(ROOT, 'tests', 'ingest', 'fixtures');

/** Synthetic events end here; briefings are built "the morning after". */
export const SYNTH_END_MS = Date.parse('2025-06-01T00:00:00Z');
export const SYNTH_NOW = new Date('2025-06-01T07:00:00Z');
/** Constant density whatever the total: a 24 h briefing window always holds the same amount of news. */
export const EVENTS_PER_DAY = 24;

/** Seeded PRNG (mulberry32): the same sequence on every machine for a given seed. */
export const prng = mulberry32;

function pick<T>(rand: () => number, items: readonly T[]): T {
  const v = items[Math.floor(rand() * items.length)];
  if (v === undefined) throw new Error('pick from an empty list');
  return v;
}

/** The bundled ceasefire story: the benchmark works on the real question set and keywords. */
export function benchStory(): Story {
  const loaded = loadStoryDir(BRIEFINGS_DIR);
  const story = loaded.stories.find((s) => s.id === 'ukraine-ceasefire');
  if (!story) throw new Error(`bundled story ukraine-ceasefire not found in ${BRIEFINGS_DIR}`);
  return story;
}

/** Article-like texts: the shared seed articles when present, plus the ingestion fixtures. */
export function seedTexts(): string[] {
  const texts: string[] = [];
  for (const dir of [SEEDS_DIR, FIXTURE_DIR]) {
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
    } catch {
      continue;
    }
    for (const n of names) texts.push(readFileSync(join(dir, n), 'utf8'));
  }
  if (texts.length === 0) throw new Error('no seed texts found');
  return texts;
}

/** Sentences of the on-story seed texts (the word bank for synthetic records). */
export function seedSentences(): string[] {
  const out: string[] = [];
  for (const t of seedTexts()) {
    if (!/ukrain|russia|ceasefire/i.test(t)) continue;
    for (const s of t.split(/(?<=[.!?])\s+/)) {
      const clean = s.replace(/\s+/g, ' ').trim();
      if (clean.length >= 40 && clean.length <= 380) out.push(clean);
    }
  }
  return out;
}

const STATUSES: readonly QuestionStatus[] = ['open', 'moved', 'resolved', 'contested'];
const OUTLETS = ['Kyiv Independent', 'Reuters', 'AP', 'BBC', 'Meduza', 'Ukrainska Pravda', 'Le Monde', 'DW'];

/**
 * `count` valid event records of `story`, deterministic for a seed, spread at {@link EVENTS_PER_DAY} and ending at
 * {@link SYNTH_END_MS}. `offset` continues a sequence, so large sets can be generated (and stored) in chunks.
 */
export function syntheticRecords(story: Story, count: number, opts: { seed?: number; total?: number; offset?: number } = {}): EventRecord[] {
  const sentences = seedSentences();
  const total = opts.total ?? count;
  const offset = opts.offset ?? 0;
  const spanMs = (total / EVENTS_PER_DAY) * 86_400_000;
  const startMs = SYNTH_END_MS - spanMs;
  const questions = story.questions.map((q) => q.id);
  const out: EventRecord[] = [];
  for (let i = offset; i < offset + count; i++) {
    const rand = prng((opts.seed ?? 7) * 1_000_003 + i);
    const at = new Date(startMs + Math.floor(((i + rand()) / total) * spanMs));
    const nSources = 1 + Math.floor(rand() * 2);
    const sources = Array.from({ length: nSources }, (_, k) => ({
      id: `s${k + 1}`,
      name: pick(rand, OUTLETS),
      url: `https://news.example/${i}/${k}`,
    }));
    const nFacts = 1 + Math.floor(rand() * 3);
    const facts = Array.from({ length: nFacts }, (_, k) => {
      const fact: EventRecord['facts'][number] = { text: pick(rand, sentences), source: `s${1 + (k % nSources)}` };
      if (rand() < 0.6) fact.questions = [pick(rand, questions)];
      if (rand() < 0.1) fact.watch = {};
      return fact;
    });
    const rec: EventRecord = {
      id: `synth-${String(i).padStart(7, '0')}`,
      story: story.id,
      occurredAt: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      title: pick(rand, sentences).slice(0, 150),
      importance: 1 + Math.floor(rand() * 5),
      sources,
      facts,
    };
    if (rand() < 0.5) {
      rec.signals = [{ question: pick(rand, questions), status: pick(rand, STATUSES), text: pick(rand, sentences), fact: 'f1' }];
    }
    out.push(rec);
  }
  return out;
}

/** Adverbs one of which goes into every sentence of a synthetic article (see `syntheticArticles`). */
const ADVERBS = [
  'reportedly', 'also', 'again', 'still', 'now', 'formally', 'publicly', 'quickly', 'finally', 'already', 'openly', 'later',
  'earlier', 'firmly', 'briefly', 'repeatedly', 'notably', 'privately', 'clearly', 'directly', 'jointly', 'separately',
  'initially', 'eventually', 'apparently', 'largely', 'partly', 'broadly', 'officially', 'quietly',
];

/** A sentence with adverbs put in after its second word (two in a longer one), at places and of kinds `rand` chooses. */
function varied(sentence: string, rand: () => number): string {
  const words = sentence.split(' ');
  for (let n = words.length >= 8 ? 2 : words.length >= 4 ? 1 : 0; n > 0; n--) words.splice(2 + Math.floor(rand() * (words.length - 2)), 0, pick(rand, ADVERBS));
  return words.join(' ');
}

/**
 * `count` synthetic articles about the story: seed articles with paragraphs reordered, an adverb put into each
 * sentence, outlets varied and a fresh publication time, so every article is new text that still reads as on-story.
 * The adverbs matter: ingestion remembers what it worked out for a sentence or a line it has seen (wire copy comes
 * back outlet after outlet), and without them 99% of the sentences of these articles were the seed texts' again, so
 * the figure measured those memos, not ingestion.
 */
export function syntheticArticles(count: number, seed = 11): Array<{ text: string; title: string; sourceName: string; url: string; publishedAt: string }> {
  // Articles about the talks (the story's subject), not merely about the same countries.
  const onStory = seedTexts().filter((t) => /ukrain|russia/i.test(t) && /ceasefire|peace|talks|negotiat/i.test(t));
  const out: Array<{ text: string; title: string; sourceName: string; url: string; publishedAt: string }> = [];
  for (let i = 0; i < count; i++) {
    const rand = prng(seed * 7919 + i);
    const base = pick(rand, onStory);
    const paragraphs = base.split(/\n+/).filter((p) => p.trim().length > 0);
    // Keep the lead first (it carries the dateline and the news), shuffle the rest.
    const [lead, ...rest] = paragraphs;
    for (let k = rest.length - 1; k > 0; k--) {
      const j = Math.floor(rand() * (k + 1));
      [rest[k], rest[j]] = [rest[j] as string, rest[k] as string];
    }
    const published = new Date(SYNTH_END_MS - Math.floor(rand() * 30 * 86_400_000));
    const vary = (p: string) => p.split(/(?<=[.!?])\s+/).map((sentence) => varied(sentence, rand)).join(' ');
    out.push({
      text: [lead ?? '', ...rest].map(vary).join('\n\n'),
      title: (lead ?? base).split(/(?<=[.!?])\s/)[0]?.slice(0, 150) ?? 'Ceasefire talks',
      sourceName: pick(rand, OUTLETS),
      url: `https://news.example/article/${seed}/${i}`,
      publishedAt: published.toISOString(),
    });
  }
  return out;
}
