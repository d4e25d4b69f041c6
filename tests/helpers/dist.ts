import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './fixtures.js';

/** The compiled CLI entry point (`node dist/src/cli/main.js`), kept fresh by tests/global-setup.ts. */
export const DIST_MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
/** The compiled `sitrep` bin (package.json "bin"). */
export const DIST_BIN = join(ROOT, 'dist', 'src', 'cli', 'bin.js');

/** The Node flags an npm script runs the CLI with (`npm start`: the memory flags and source maps). */
export function npmScriptNodeFlags(script: 'start' | 'sitrep'): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return (pkg.scripts[script] ?? '').split(/\s+/).filter((w) => w.startsWith('--'));
}
