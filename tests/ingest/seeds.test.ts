import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingIo } from '../helpers/cli.js';
import { command as ingestCommand } from '../../src/cli/commands/ingest.js';
import { cleanArticleText } from '../../src/ingest/clean-text.js';
import { ingestInputs } from '../../src/ingest/pipeline.js';
import { eventRecordSchema, type EventRecord } from '../../src/records/schema.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { SEEDS } from '../helpers/fixtures.js';
import { ceasefireStory } from './story.js';

const SEED_FILES = ['000_73e9b54b8ea29b65.txt', '003_f016421eb0b28ed3.txt'].map((f) => join(SEEDS, f));
const PUBLISHED = '2025-05-19T20:00:00Z';
const NOW = new Date('2025-05-20T07:00:00Z');
/** Text from the unrelated trailer of the first seed: none of it may reach a record. */
const TRAILER = ['Riksbank', 'Sweden’s central bank', 'Nippon Steel', 'tariff', 'Read next', 'Leave the first comment', 'What is your opinion', 'golden share', 'Tehran'];

function expectSeedEvent(record: EventRecord): void {
  expect(eventRecordSchema.safeParse(record).success).toBe(true);
  expect(record.sources).toHaveLength(2);
  expect(record.occurredAt.startsWith('2025-05-19')).toBe(true);
  const json = JSON.stringify(record);
  for (const t of TRAILER) expect(json).not.toContain(t);
  const speakers = new Set(record.facts.filter((f) => f.speaker).map((f) => f.speaker));
  expect([...speakers].some((s) => /Putin/.test(s ?? ''))).toBe(true);
  expect([...speakers].some((s) => /Trump/.test(s ?? ''))).toBe(true);
  expect([...speakers].some((s) => /Zelensk/.test(s ?? ''))).toBe(true);
  // Direct quotes carry their speaker.
  const quoted = record.facts.filter((f) => f.quote);
  expect(quoted.length).toBeGreaterThan(2);
  for (const f of quoted) expect(f.speaker).toBeDefined();
  expect(record.facts.find((f) => f.text.includes('“frank and informative”'))?.speaker).toBe('Vladimir Putin');
  expect(record.facts.find((f) => f.text.includes('“without us”'))?.speaker).toMatch(/Zelenskyy?$/);
  expect(record.facts.find((f) => f.text.includes('“very well”'))?.speaker).toBe('Donald Trump');
  const tags = new Set(record.facts.flatMap((f) => f.questions ?? []));
  expect(tags.has('ukraine-response')).toBe(true);
  expect([...tags].filter((t) => t !== 'ukraine-response').length).toBeGreaterThan(0);
  // Facts reported by both sources are kept once, with both.
  expect(record.facts.some((f) => (f.alsoSources ?? []).length > 0)).toBe(true);
  expect((record.signals ?? []).some((s) => s.question === 'ukraine-response')).toBe(true);
  for (const f of record.facts) expect(f.text.length).toBeLessThanOrEqual(400);
}

describe('ingesting the two seed articles', () => {
  it('dry run: one event with two sources, no trailer text, attributed quotes, dated 2025-05-19', async () => {
    const run = await ingestInputs(SEED_FILES, { story: ceasefireStory(), now: NOW, published: PUBLISHED, dryRun: true });
    expect(run.results.map((r) => (r.ok ? r.outcome : 'failed'))).toEqual(['created', 'merged']);
    expect(run.records).toHaveLength(1);
    expectSeedEvent(run.records[0] as EventRecord);
  });

  it('keeps exact sentence offsets into the cleaned source text', async () => {
    const run = await ingestInputs(SEED_FILES, { story: ceasefireStory(), now: NOW, published: PUBLISHED, dryRun: true });
    const record = run.records[0] as EventRecord;
    const texts = new Map(record.sources.map((s, i) => [s.id, cleanArticleText(readFileSync(SEED_FILES[i] as string, 'utf8'))]));
    for (const f of record.facts) {
      const src = texts.get(f.source) as string;
      expect(f.offset).toBeDefined();
      expect(src.slice(f.offset?.start, f.offset?.end)).toBe(f.text);
    }
  });

  it('merges a later article into the stored event (store candidates via LSH bands), as a draft', async () => {
    const store = openSqliteStore(':memory:');
    try {
      const story = ceasefireStory();
      await store.upsertStory(story);
      const first = await ingestInputs([SEED_FILES[0] as string], { story, store, now: NOW, published: PUBLISHED });
      expect(first.results[0]).toMatchObject({ ok: true, outcome: 'created' });
      const second = await ingestInputs([SEED_FILES[1] as string], { story, store, now: NOW, published: PUBLISHED });
      expect(second.results[0]).toMatchObject({ ok: true, outcome: 'merged' });
      const drafts = await store.listEvents({ story: story.id, status: 'draft' });
      expect(drafts).toHaveLength(1);
      expectSeedEvent(drafts[0] as EventRecord);
      expect(await store.listEvents({ story: story.id })).toHaveLength(0);
      // Same article again: nothing changes.
      const again = await ingestInputs([SEED_FILES[1] as string], { story, store, now: NOW, published: PUBLISHED });
      expect(again.results[0]).toMatchObject({ ok: true, outcome: 'unchanged' });
      expect(await store.listEvents({ story: story.id, status: 'any' })).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('publishes directly when the story has autoPublish', async () => {
    const store = openSqliteStore(':memory:');
    try {
      const story = ceasefireStory({ autoPublish: true });
      await store.upsertStory(story);
      await ingestInputs(SEED_FILES, { story, store, now: NOW, published: PUBLISHED });
      const published = await store.listEvents({ story: story.id });
      expect(published).toHaveLength(1);
      expect(published[0]?.status ?? 'published').toBe('published');
    } finally {
      await store.close();
    }
  });

  it('does not merge a different event of the same story three days earlier', async () => {
    const run = await ingestInputs([...SEED_FILES, join(import.meta.dirname, 'fixtures', 'istanbul-talks.txt')], {
      story: ceasefireStory(),
      now: NOW,
      published: PUBLISHED,
      dryRun: true,
    });
    expect(run.records).toHaveLength(2);
    expect(run.records[1]?.occurredAt).toBe('2025-05-16');
  });

  it('sitrep ingest --dry-run --format json prints one event with two sources', async () => {
    const io = recordingIo({ SITREP_DB: ':memory:', SITREP_DATA: join(import.meta.dirname, '..', '..', 'briefings'), LOG_LEVEL: 'silent' }, () => NOW);
    const code = await ingestCommand.run(['--dry-run', '--published', PUBLISHED, '--format', 'json', ...SEED_FILES], io);
    const out = io.out.join('');
    const err = io.err.join('');
    expect(err).not.toContain('error:');
    expect(code).toBe(0);
    const printed = JSON.parse(out) as unknown[];
    expect(printed).toHaveLength(1);
    const record = eventRecordSchema.parse(printed[0]);
    expect(record.sources).toHaveLength(2);
    expect(record.occurredAt.startsWith('2025-05-19')).toBe(true);
    for (const t of TRAILER) expect(out).not.toContain(t);
  });
});
