import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { z } from 'zod';
import type { Store, UpsertResult } from '../store/store.js';
import { eventRecordSchema, storySchema, type EventRecord, type Story } from './schema.js';

/** One problem in one file: which file, which field, what is wrong. */
export interface LoadError {
  file: string;
  /** Field path inside the file, e.g. `[2].facts[0].source`; empty for file-level problems. */
  path: string;
  message: string;
}

export interface LoadResult {
  stories: Story[];
  records: EventRecord[];
  errors: LoadError[];
}

const RECORD_EXT = /\.(ya?ml|json|jsonl)$/i;

/** Render a load error as one line: `file: path: message`. */
export function formatLoadError(e: LoadError): string {
  return e.path ? `${e.file}: ${e.path}: ${e.message}` : `${e.file}: ${e.message}`;
}

/**
 * Load every story under `dataDir` (`<dataDir>/<story>/story.yaml` + `events/*.{yaml,json,jsonl}`).
 * Bad files or records are reported and skipped; everything valid still loads.
 */
export function loadStoryDir(dataDir: string): LoadResult {
  const out: LoadResult = { stories: [], records: [], errors: [] };
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    out.errors.push({ file: dataDir, path: '', message: 'data folder not found' });
    return out;
  }
  const seenIds = new Map<string, string>();
  for (const name of readdirSync(dataDir).sort()) {
    const dir = join(dataDir, name);
    if (!statSync(dir).isDirectory()) continue;
    const storyFile = [join(dir, 'story.yaml'), join(dir, 'story.yml'), join(dir, 'story.json')].find((f) => existsSync(f));
    if (!storyFile) continue;
    const story = loadStoryFile(storyFile, out.errors);
    if (!story) continue;
    if (story.id !== name) {
      out.errors.push({ file: storyFile, path: 'id', message: `story id "${story.id}" must match its folder name "${name}"` });
      continue;
    }
    out.stories.push(story);
    const eventsDir = join(dir, 'events');
    if (!existsSync(eventsDir)) continue;
    for (const file of listFiles(eventsDir)) {
      for (const rec of loadRecordFile(file, out.errors)) {
        const problems = crossCheck(rec.value, story);
        if (problems.length > 0) {
          for (const p of problems) out.errors.push({ file: rec.file, path: joinPath(rec.prefix, p.path), message: p.message });
          continue;
        }
        const prior = seenIds.get(rec.value.id);
        if (prior !== undefined) {
          out.errors.push({ file: rec.file, path: joinPath(rec.prefix, 'id'), message: `duplicate record id "${rec.value.id}" (first in ${prior})` });
          continue;
        }
        seenIds.set(rec.value.id, rec.file);
        out.records.push(rec.value);
      }
    }
  }
  out.errors = out.errors.map((e) => ({ ...e, file: displayPath(e.file) }));
  return out;
}

function loadStoryFile(file: string, errors: LoadError[]): Story | undefined {
  const docs = parseFile(file, errors);
  if (!docs) return undefined;
  if (docs.length !== 1) {
    errors.push({ file, path: '', message: 'a story file must hold exactly one document' });
    return undefined;
  }
  const parsed = storySchema.safeParse(docs[0]);
  if (!parsed.success) {
    pushZodErrors(file, '', parsed.error, errors);
    return undefined;
  }
  /** Report the first pattern of a list that is no regular expression; false when there is one. */
  const patternsCompile = (patterns: readonly string[] | undefined, path: string): boolean => {
    const bad = (patterns ?? []).findIndex((p) => {
      try {
        new RegExp(p, 'i');
        return false;
      } catch {
        return true;
      }
    });
    if (bad >= 0) errors.push({ file, path: `${path}[${bad}]`, message: 'is not a valid regular expression' });
    return bad < 0;
  };
  if (!patternsCompile(parsed.data.topicPatterns, 'topicPatterns') || !patternsCompile(parsed.data.notWhen, 'notWhen')) return undefined;
  const ids = new Set<string>();
  for (const [i, q] of parsed.data.questions.entries()) {
    if (ids.has(q.id)) {
      errors.push({ file, path: `questions[${i}].id`, message: `duplicate question id "${q.id}"` });
      return undefined;
    }
    ids.add(q.id);
    if (!patternsCompile(q.patterns, `questions[${i}].patterns`)) return undefined;
  }
  return parsed.data;
}

interface LocatedRecord {
  file: string;
  prefix: string;
  value: EventRecord;
}

/**
 * Parse one record file. A file may hold one record, a list of records, several YAML documents, or JSON lines.
 * Each invalid record is reported with its position; valid ones in the same file still load.
 */
export function loadRecordFile(file: string, errors: LoadError[]): LocatedRecord[] {
  if (/\.jsonl$/i.test(file)) return [...recordChunks(file, errors)].flat();
  const docs = parseFile(file, errors);
  if (!docs) return [];
  const out: LocatedRecord[] = [];
  const many = docs.length > 1 || Array.isArray(docs[0]);
  const items: Array<{ prefix: string; value: unknown }> = [];
  docs.forEach((doc, d) => {
    if (Array.isArray(doc)) doc.forEach((v, i) => items.push({ prefix: docs.length > 1 ? `doc ${d + 1}[${i}]` : `[${i}]`, value: v }));
    else items.push({ prefix: many ? `[${d}]` : '', value: doc });
  });
  if (items.length === 0) errors.push({ file, path: '', message: 'holds no records' });
  for (const item of items) {
    const located = validateRecord(file, item.prefix, item.value, errors);
    if (located) out.push(located);
  }
  return out;
}

/** Records per chunk of {@link recordChunks}: one store batch (see sqlite-store.ts), so each chunk commits once. */
const CHUNK_RECORDS = 5_000;
/** Bytes read at a time from a JSON-lines file. */
const READ_BYTES = 1 << 20;

/**
 * The valid records of one file, in chunks of `size` (problems go to `errors`, as with {@link loadRecordFile}). JSON
 * lines are read and validated a piece at a time, so a file of any size is imported in flat memory and each record
 * is reported by its line; other formats are parsed whole, then handed out in chunks.
 */
export function* recordChunks(file: string, errors: LoadError[], opts: { size?: number; readBytes?: number } = {}): Generator<LocatedRecord[]> {
  const size = opts.size ?? CHUNK_RECORDS;
  if (!/\.jsonl$/i.test(file)) {
    const all = loadRecordFile(file, errors);
    for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
    return;
  }
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    errors.push({ file, path: '', message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
    return;
  }
  try {
    const buffer = Buffer.alloc(opts.readBytes ?? READ_BYTES);
    const decoder = new StringDecoder('utf8');
    let chunk: LocatedRecord[] = [];
    let rest = '';
    let lineNo = 0;
    let records = 0;
    const take = (line: string) => {
      lineNo++;
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (err) {
        errors.push({ file, path: `line ${lineNo}`, message: `invalid JSON: ${(err as Error).message}` });
        return;
      }
      const items = Array.isArray(value) ? value.map((v: unknown, i) => ({ prefix: `line ${lineNo}[${i}]`, value: v })) : [{ prefix: `line ${lineNo}`, value }];
      records += items.length;
      for (const item of items) {
        const located = validateRecord(file, item.prefix, item.value, errors);
        if (located) chunk.push(located);
      }
    };
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      const text = n > 0 ? rest + decoder.write(buffer.subarray(0, n)) : rest + decoder.end();
      if (text.includes('\u0000')) {
        errors.push({ file, path: '', message: 'is not a text file' });
        return;
      }
      const parts = text.split('\n');
      rest = n > 0 ? (parts.pop() ?? '') : '';
      for (const line of parts) take(line);
      // Chunks of exactly `size` records: a batch boundary does not depend on how the file was read.
      while (chunk.length >= size) {
        yield chunk.slice(0, size);
        chunk = chunk.slice(size);
      }
      if (n === 0 && chunk.length > 0) yield chunk;
      if (n === 0) break;
    }
    if (records === 0) errors.push({ file, path: '', message: 'holds no records' });
  } finally {
    closeSync(fd);
  }
}

function validateRecord(file: string, prefix: string, value: unknown, errors: LoadError[]): LocatedRecord | undefined {
  const parsed = eventRecordSchema.safeParse(value);
  if (parsed.success) return { file, prefix, value: parsed.data };
  pushZodErrors(file, prefix, parsed.error, errors, idOf(value));
  return undefined;
}

function parseFile(file: string, errors: LoadError[]): unknown[] | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    errors.push({ file, path: '', message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
    return undefined;
  }
  if (text.includes('\u0000')) {
    errors.push({ file, path: '', message: 'is not a text file' });
    return undefined;
  }
  if (/\.json$/i.test(file)) {
    try {
      return [JSON.parse(text)];
    } catch (err) {
      errors.push({ file, path: '', message: `invalid JSON: ${(err as Error).message}` });
      return undefined;
    }
  }
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  const values: unknown[] = [];
  for (const doc of list) {
    const first = doc.errors[0];
    if (first) {
      const line = first.linePos?.[0]?.line;
      errors.push({ file, path: line !== undefined ? `line ${line}` : '', message: `invalid YAML: ${first.message.split('\n')[0] ?? ''}` });
      return undefined;
    }
    let v: unknown;
    try {
      // A low alias budget refuses "billion laughs" files instead of expanding them.
      v = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      errors.push({ file, path: '', message: `invalid YAML: ${(err as Error).message.split('\n')[0] ?? ''}` });
      return undefined;
    }
    if (v !== null && v !== undefined) values.push(v);
  }
  return values;
}

function crossCheck(rec: EventRecord, story: Story): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  if (rec.story !== story.id) problems.push({ path: 'story', message: `is "${rec.story}" but the file is in story "${story.id}"` });
  const qids = new Set(story.questions.map((q) => q.id));
  const valid = [...qids].join(', ');
  rec.facts.forEach((f, i) =>
    (f.questions ?? []).forEach((q, j) => {
      if (!qids.has(q)) problems.push({ path: `facts[${i}].questions[${j}]`, message: `unknown question "${q}" (valid: ${valid})` });
    }),
  );
  (rec.signals ?? []).forEach((s, i) => {
    if (!qids.has(s.question)) problems.push({ path: `signals[${i}].question`, message: `unknown question "${s.question}" (valid: ${valid})` });
  });
  return problems;
}

function pushZodErrors(file: string, prefix: string, error: z.ZodError, errors: LoadError[], id?: string): void {
  for (const issue of error.issues.slice(0, 10)) {
    const path = joinPath(prefix, formatPath(issue.path));
    errors.push({ file, path, message: id ? `${issue.message} (record "${id}")` : issue.message });
  }
}

/** `['facts', 0, 'source']` → `facts[0].source`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

function joinPath(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

function idOf(v: unknown): string | undefined {
  return typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : undefined;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...listFiles(p));
    else if (RECORD_EXT.test(name)) out.push(p);
  }
  return out;
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

export interface SyncResult extends LoadResult {
  result: UpsertResult;
}

/**
 * Load `dataDir` and write its stories and valid records into the store. Idempotent: a second run changes nothing.
 * With `reportChanges`, the result lists the stored records the files changed (for corrections).
 */
export async function syncStories(store: Store, dataDir: string, options: { reportChanges?: boolean } = {}): Promise<SyncResult> {
  const loaded = loadStoryDir(dataDir);
  for (const story of loaded.stories) await store.upsertStory(story);
  const result = await store.upsertEvents(loaded.records, options);
  return { ...loaded, result };
}
