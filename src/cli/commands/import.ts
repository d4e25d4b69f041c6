import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { formatLoadError, recordChunks, type LoadError } from '../../records/load.js';
import type { UpsertResult } from '../../store/store.js';
import { recordReimports } from '../../review/reimport.js';
import { dataFlags, parseFlags } from '../args.js';
import { createRuntime } from '../runtime.js';
import { EXIT, type CliCommand } from '../types.js';

const USAGE = 'sitrep import <file.jsonl|file.json|file.yaml|dir>... [--db FILE] [--data DIR]';

/** `sitrep import`: validated bulk import of event records (transaction-batched; invalid records are reported, valid ones land). */
export const command: CliCommand = {
  name: 'import',
  usage: USAGE,
  async run(argv, io) {
    const flags = parseFlags(argv, dataFlags);
    const bad = (e: string) => (io.stderr(`sitrep import: ${e}\nUsage: ${USAGE}\n`), EXIT.usage);
    if (!flags.ok) return bad(flags.error);
    const paths = flags.value.positionals;
    if (paths.length === 0) return bad('give at least one file or folder');
    const files: string[] = [];
    for (const p of paths) {
      if (!existsSync(p)) return bad(`"${p}" does not exist`);
      files.push(...(statSync(p).isDirectory() ? walk(p) : [p]));
    }
    const rt = await createRuntime(io, { data: flags.value.values.data, db: flags.value.values.db, story: flags.value.values.story });
    if (!rt.ok) return rt.code;
    const { store, stories } = rt.runtime;
    try {
      const errors: LoadError[] = [];
      const res: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
      let imported = 0;
      // A chunk at a time: memory stays flat however large the files, and each chunk commits on its own.
      for (const file of files) {
        for (const chunk of recordChunks(file, errors)) {
          const valid = chunk.flatMap(({ value: r }) => {
            if (stories.has(r.story)) return [r];
            errors.push({ file: '(import)', path: `record "${r.id}".story`, message: `unknown story "${r.story}" (valid: ${[...stories.keys()].join(', ')})` });
            return [];
          });
          const done = await store.upsertEvents(valid, { reportChanges: true });
          // A re-import that changed published events corrects the briefings that showed them.
          if (done.changes && done.changes.length > 0) await recordReimports(store, stories, done.changes, io.now());
          res.inserted += done.inserted;
          res.updated += done.updated;
          res.unchanged += done.unchanged;
          imported += valid.length;
        }
      }
      for (const e of errors.slice(0, 50)) io.stderr(`${formatLoadError(e)}\n`);
      if (errors.length > 50) io.stderr(`… and ${errors.length - 50} more problems\n`);
      io.stdout(`imported ${imported} records: ${res.inserted} new, ${res.updated} updated, ${res.unchanged} unchanged; ${errors.length} problems\n`);
      return errors.length > 0 ? EXIT.failure : EXIT.ok;
    } finally {
      await rt.runtime.close();
    }
  },
};

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.(ya?ml|json|jsonl)$/i.test(name)) out.push(p);
  }
  return out;
}
