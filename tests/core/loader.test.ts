import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatLoadError, loadStoryDir, recordChunks, syncStories, type LoadError } from '../../src/records/load.js';
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
