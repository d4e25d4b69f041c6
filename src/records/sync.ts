import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventChange, Store } from '../store/store.js';
import type { LoadError } from './load.js';

/** The store's note of what it last synced from story files without a problem (Store.getMeta). */
export const STORIES_SYNC_KEY = 'stories-sync';

export interface StorySync {
  /** True when the files were what the store last synced, so nothing was read or written. */
  skipped: boolean;
  errors: LoadError[];
  /** With `reportChanges`: the stored records the files changed (for corrections). */
  changes?: EventChange[];
}

/**
 * Sync `dataDir` into the store (records/load.ts `syncStories`) unless its files, byte for byte, and the loader's
 * own code are what this store last synced without a problem. Every command opens the store this way, and parsing
 * and validating the YAML each time was a third of `sitrep brief`'s start-up; hashing the files is well under a
 * millisecond. A sync that reported problems is never remembered, so its warnings are printed on every run.
 */
export async function syncStoriesIfChanged(store: Store, dataDir: string, options: { reportChanges?: boolean } = {}): Promise<StorySync> {
  const fingerprint = storyFilesFingerprint(dataDir);
  if (fingerprint !== undefined && (await store.getMeta(STORIES_SYNC_KEY)) === fingerprint) return { skipped: true, errors: [] };
  const { syncStories } = await import('./load.js');
  const synced = await syncStories(store, dataDir, options);
  if (synced.errors.length === 0 && fingerprint !== undefined) await store.setMeta(STORIES_SYNC_KEY, fingerprint);
  return { skipped: false, errors: synced.errors, ...(options.reportChanges ? { changes: synced.result.changes ?? [] } : {}) };
}

/**
 * A hash of every file under `dataDir` (relative path and content), of the folder's absolute path, and of the
 * modules that turn files into records, so that an upgrade that reads the same files differently syncs again.
 * Undefined when the folder is missing (the loader reports that).
 */
export function storyFilesFingerprint(dataDir: string): string | undefined {
  const root = resolve(dataDir);
  if (!existsSync(root) || !statSync(root).isDirectory()) return undefined;
  const hash = createHash('sha256');
  hash.update(`sitrep story files v1\0${root}\0`);
  for (const mod of ['./load', './schema']) hash.update(readFileSync(ownModule(mod))).update('\0');
  for (const file of allFiles(root)) hash.update(`${relative(root, file)}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** A sibling module's file: `.js` in dist/, `.ts` when the sources run directly (tests). */
function ownModule(name: string): string {
  const js = fileURLToPath(new URL(`${name}.js`, import.meta.url));
  return existsSync(js) ? js : fileURLToPath(new URL(`${name}.ts`, import.meta.url));
}

/** Every file under `dir`, in a stable order, following symbolic links as the loader does. */
function allFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      const st = statSync(p);
      return st.isDirectory() ? allFiles(p) : st.isFile() ? [p] : [];
    });
}
