import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatLoadError, loadStoryDir, recordChunks, syncStories, type LoadError } from '../../src/records/load.js';
import { storyFilesFingerprint, syncStoriesIfChanged } from '../../src/records/sync.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { BRIEFINGS, sampleRecords } from '../helpers/fixtures.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-load-'));
  cpSync(BRIEFINGS, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const events = () => join(dir, 'ukraine-ceasefire', 'events');

describe('story loader', () => {
  it('loads the bundled story without problems', () => {
    const r = loadStoryDir(BRIEFINGS);
    expect(r.errors).toEqual([]);
    expect(r.stories.map((s) => s.id)).toEqual(['ukraine-ceasefire']);
    expect(r.stories[0]?.questions.map((q) => q.id)).toEqual(expect.arrayContaining(['territory', 'security-guarantees', 'ukraine-response']));
    expect(r.records.length).toBe(sampleRecords().length);
  });

  it('names the file, the field and the problem for a bad record, and still loads the others', () => {
    writeFileSync(
      join(events(), 'bad.yaml'),
      'id: bad-one\nstory: ukraine-ceasefire\noccurredAt: yesterday\ntitle: Bad\nfacts:\n  - text: x\n    source: nowhere\nsources:\n  - id: s\n    name: S\n',
    );
    const r = loadStoryDir(dir);
    const lines = r.errors.map(formatLoadError);
    expect(lines.some((l) => l.includes('bad.yaml') && l.includes('occurredAt') && /ISO 8601/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('bad.yaml') && l.includes('facts[0].source') && l.includes('unknown source "nowhere"'))).toBe(true);
    expect(r.records.length).toBe(sampleRecords().length);
  });

  it('reads a story\'s start day, and names the field when it is no date', () => {
    expect(loadStoryDir(BRIEFINGS).stories[0]?.since).toBe('2021-12-01');
    const file = join(dir, 'ukraine-ceasefire', 'story.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('since: 2021-12-01', 'since: last spring'));
    const lines = loadStoryDir(dir).errors.map(formatLoadError);
    expect(lines.some((l) => l.includes('story.yaml') && l.includes('since') && l.includes('YYYY-MM-DD'))).toBe(true);
  });

  it('names a story-level pattern that is no regular expression by its field and index', () => {
    const file = join(dir, 'ukraine-ceasefire', 'story.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('topicPatterns:\n', 'topicPatterns:\n  - "settle (the Ukraine crisis"\n'));
    const lines = loadStoryDir(dir).errors.map(formatLoadError);
    expect(lines.some((l) => l.includes('story.yaml') && l.includes('topicPatterns[0]') && l.includes('not a valid regular expression'))).toBe(true);
  });

  it('reports invalid YAML with its line, unknown questions and duplicate ids', () => {
    writeFileSync(join(events(), 'broken.yaml'), 'id: [unclosed\n');
    const dup = sampleRecords()[0]!;
    writeFileSync(join(events(), 'dup.json'), JSON.stringify({ ...dup, facts: [{ text: 'x', source: dup.sources[0]!.id, questions: ['weather'] }] }));
    writeFileSync(join(events(), 'dup2.json'), JSON.stringify(dup));
    const lines = loadStoryDir(dir).errors.map(formatLoadError);
    expect(lines.some((l) => l.includes('broken.yaml') && /invalid YAML/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('dup.json') && l.includes('facts[0].questions[0]') && l.includes('unknown question "weather"'))).toBe(true);
    expect(lines.some((l) => l.includes('duplicate record id'))).toBe(true);
  });

  it('reads lists of records and JSON lines, pointing at the bad item', () => {
    const [a, b] = sampleRecords();
    writeFileSync(join(events(), 'many.json'), JSON.stringify([{ ...a, id: 'copy-a' }, { ...b, id: 'Bad Id' }]));
    writeFileSync(join(events(), 'lines.jsonl'), `${JSON.stringify({ ...a, id: 'line-a' })}\nnot json\n`);
    const r = loadStoryDir(dir);
    const lines = r.errors.map(formatLoadError);
    expect(r.records.some((x) => x.id === 'copy-a')).toBe(true);
    expect(r.records.some((x) => x.id === 'line-a')).toBe(true);
    expect(lines.some((l) => l.includes('many.json') && l.includes('[1].id'))).toBe(true);
    expect(lines.some((l) => l.includes('lines.jsonl') && l.includes('line 2'))).toBe(true);
  });

  it('reads JSON lines in chunks of a fixed size, whatever the read size, naming the line of each bad record', () => {
    const [a] = sampleRecords();
    // Multi-byte characters and lines longer than a read: pieces of 7 bytes split both.
    const good = (i: number) => JSON.stringify({ ...a, id: `line-${i}`, title: `Überschrift ${i} — “talks”` });
    const lines = [good(1), good(2), good(3), JSON.stringify({ ...a, id: 'Bad Id' }), '', good(5), '{oops', good(7), good(8)];
    const file = join(dir, 'many.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const errors: LoadError[] = [];
    const chunks = [...recordChunks(file, errors, { size: 2, readBytes: 7 })];
    expect(chunks.map((c) => c.map((r) => r.value.id))).toEqual([['line-1', 'line-2'], ['line-3', 'line-5'], ['line-7', 'line-8']]);
    expect(chunks[0]?.[0]?.value.title).toBe('Überschrift 1 — “talks”');
    expect(errors.map(formatLoadError)).toEqual([expect.stringMatching(/many\.jsonl: line 4\.id: .*\(record "Bad Id"\)/), expect.stringMatching(/many\.jsonl: line 7: invalid JSON/)]);

    // A file of JSON lines that holds no record at all is reported, not silently imported as nothing.
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '[]\n\n');
    const none: LoadError[] = [];
    expect([...recordChunks(empty, none)]).toEqual([]);
    expect(none.map(formatLoadError)).toEqual([expect.stringMatching(/empty\.jsonl: holds no records/)]);
  });

  it('syncs into the store idempotently', async () => {
    const store = openSqliteStore(':memory:');
    const first = await syncStories(store, dir);
    const second = await syncStories(store, dir);
    expect(first.result.inserted).toBe(sampleRecords().length);
    expect(second.result).toEqual({ inserted: 0, updated: 0, unchanged: sampleRecords().length });
    expect(await store.countEvents('ukraine-ceasefire')).toBe(sampleRecords().length);
    await store.close();
  });
});

describe('syncing story files only when they changed', () => {
  const firstEventFile = () => join(events(), readdirSync(events()).sort()[0] as string);

  it('reads nothing the second time, syncs again after an edit, and remembers a folder per store', async () => {
    const store = openSqliteStore(':memory:');
    expect(await syncStoriesIfChanged(store, dir)).toEqual({ skipped: false, errors: [] });
    expect(await syncStoriesIfChanged(store, dir)).toEqual({ skipped: true, errors: [] });

    // An edited record is synced (same size or not: the files are hashed, not stat-ed).
    const file = firstEventFile();
    const before = readFileSync(file, 'utf8');
    const id = sampleRecords().find((r) => before.includes(r.id))?.id as string;
    writeFileSync(file, before.replace(/title: .*/, 'title: An edited title'));
    expect(await syncStoriesIfChanged(store, dir)).toEqual({ skipped: false, errors: [] });
    expect((await store.getEvent(id))?.title).toBe('An edited title');
    expect(await syncStoriesIfChanged(store, dir)).toMatchObject({ skipped: true });

    // Another folder with the same files is another sync.
    const copy = mkdtempSync(join(tmpdir(), 'sitrep-load-copy-'));
    cpSync(dir, copy, { recursive: true });
    expect(await syncStoriesIfChanged(store, copy)).toMatchObject({ skipped: false });
    rmSync(copy, { recursive: true, force: true });
    await store.close();
  });

  it('never remembers a sync with problems, so every run reports them until the file is fixed', async () => {
    const store = openSqliteStore(':memory:');
    writeFileSync(join(events(), 'bad.yaml'), 'id: bad-one\nstory: ukraine-ceasefire\noccurredAt: yesterday\ntitle: Bad\n');
    for (let i = 0; i < 2; i++) {
      const r = await syncStoriesIfChanged(store, dir);
      expect(r.skipped).toBe(false);
      expect(r.errors.map(formatLoadError)).toEqual(expect.arrayContaining([expect.stringMatching(/bad\.yaml: occurredAt: /)]));
    }
    rmSync(join(events(), 'bad.yaml'));
    expect(await syncStoriesIfChanged(store, dir)).toEqual({ skipped: false, errors: [] });
    expect(await syncStoriesIfChanged(store, dir)).toEqual({ skipped: true, errors: [] });
    await store.close();
  });

  it('fingerprints the loader code too, so an upgrade that reads the same files differently syncs again', () => {
    const a = storyFilesFingerprint(dir);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(storyFilesFingerprint(dir)).toBe(a);
    expect(storyFilesFingerprint(join(dir, 'missing'))).toBeUndefined();
  });
});
