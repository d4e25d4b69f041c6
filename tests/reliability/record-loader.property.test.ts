import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatLoadError, loadRecordFile, loadStoryDir, type LoadError } from '../../src/records/load.js';
import { eventRecordSchema } from '../../src/records/schema.js';
import { sampleRecords } from '../helpers/fixtures.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Replace, delete or corrupt one field somewhere inside a value. */
function mutate(value: Json, path: readonly number[], replacement: Json, mode: number): Json {
  if (path.length === 0 || value === null || typeof value !== 'object') return mode === 0 ? replacement : value;
  const [head = 0, ...rest] = path;
  if (Array.isArray(value)) {
    if (value.length === 0) return mode === 0 ? replacement : value;
    const i = head % value.length;
    const copy = [...value];
    if (rest.length === 0 && mode === 1) copy.splice(i, 1);
    else copy[i] = mutate(copy[i] as Json, rest, replacement, mode);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return mode === 0 ? replacement : value;
  const k = keys[head % keys.length] as string;
  const copy: { [k: string]: Json } = { ...value };
  if (rest.length === 0 && mode === 1) delete copy[k];
  else if (rest.length === 0 && mode === 2) copy[`${k}x`] = replacement;
  else copy[k] = mutate(copy[k] as Json, rest, replacement, mode);
  return copy;
}

const jsonValue = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;
const records = sampleRecords() as unknown as Json[];

/** A record file's content: a mutated valid record (or list), random JSON, random text, or truncated text. */
const fileBody = (ext: string) =>
  fc.oneof(
    fc
      .record({
        pick: fc.nat(),
        many: fc.boolean(),
        path: fc.array(fc.nat(), { maxLength: 4 }),
        mode: fc.integer({ min: 0, max: 2 }),
        replacement: jsonValue,
      })
      .map(({ pick, many, path, mode, replacement }) => {
        const base = records[pick % records.length] as Json;
        const value = mutate(many ? (records as Json) : base, path, replacement, mode);
        if (ext === 'jsonl') return (Array.isArray(value) ? value : [value]).map((v) => JSON.stringify(v)).join('\n');
        return ext === 'json' ? JSON.stringify(value) : stringify(value);
      }),
    jsonValue.map((v) => (ext === 'yaml' ? stringify(v) : JSON.stringify(v))),
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.tuple(fc.nat(), fc.constantFrom('json', 'yaml')).map(([n, kind]) => {
      const full = kind === 'json' ? JSON.stringify(records) : stringify(records);
      return full.slice(0, n % full.length);
    }),
    fc.constantFrom('', '---\n---\n', '- \n- ~\n', '{"id": 1}\n{"id": 2', ': : :', '\u0000\u0001', '!!binary AAAA', '&a [*a]'),
  );

describe('record loader: random and mutated files never throw; every problem names its file', () => {
  let dir: string;
  let n = 0;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-loader-fuzz-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loadRecordFile: valid records pass the schema, problems name the file', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('json', 'jsonl', 'yaml').chain((ext) => fc.tuple(fc.constant(ext), fileBody(ext))),
        ([ext, body]) => {
          const file = join(dir, `case-${++n}.${ext}`);
          writeFileSync(file, body);
          const errors: LoadError[] = [];
          const loaded = loadRecordFile(file, errors);
          for (const r of loaded) expect(eventRecordSchema.safeParse(r.value).success).toBe(true);
          for (const e of errors) {
            expect(e.file).toBe(file);
            expect(e.message.length).toBeGreaterThan(0);
            expect(formatLoadError(e)).toContain(basename(file));
          }
          // Nothing loaded and nothing said is not allowed: an empty or broken file is reported.
          if (loaded.length === 0) expect(errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('loadStoryDir: a story folder with random story and event files loads or reports, never throws', () => {
    fc.assert(
      fc.property(fileBody('yaml'), fc.array(fc.constantFrom('json', 'jsonl', 'yaml').chain((ext) => fc.tuple(fc.constant(ext), fileBody(ext))), { maxLength: 3 }), fc.boolean(), (storyBody, events, validStory) => {
        const root = join(dir, `data-${++n}`);
        const storyDir = join(root, 'fuzz-story');
        mkdirSync(join(storyDir, 'events'), { recursive: true });
        writeFileSync(
          join(storyDir, 'story.yaml'),
          validStory ? stringify({ id: 'fuzz-story', title: 'Fuzz', questions: [{ id: 'territory', label: 'Territory', question: 'Which land?' }] }) : storyBody,
        );
        events.forEach(([ext, body], i) => writeFileSync(join(storyDir, 'events', `e${i}.${ext}`), body));
        const result = loadStoryDir(root);
        for (const e of result.errors) {
          expect(e.file.length).toBeGreaterThan(0);
          expect(e.file).toMatch(/fuzz-story/);
        }
        for (const r of result.records) expect(r.story).toBe('fuzz-story');
      }),
      { numRuns: 150 },
    );
  });

  // Found by the property above: yaml's toJS() throws on an alias without an anchor (and on alias bombs past
  // maxAliasCount); parseFile must catch it and report the file like any other invalid YAML.
  it('a YAML file with an unresolved alias is reported as invalid YAML, not thrown', () => {
    const file = join(dir, 'alias.yaml');
    writeFileSync(file, 'a: &x 1\nb: *y\n');
    const errors: LoadError[] = [];
    expect(() => loadRecordFile(file, errors)).not.toThrow();
    expect(errors.map(formatLoadError).join('\n')).toContain('alias.yaml');
  });

  it('a YAML alias bomb is reported, not expanded or thrown', () => {
    const file = join(dir, 'bomb.yaml');
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const errors: LoadError[] = [];
    expect(() => loadRecordFile(file, errors)).not.toThrow();
    expect(errors.length).toBeGreaterThan(0);
  });
});
