import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|mts|mjs|js)$/.test(name) ? [p] : [];
  });
}

/** Every package and file a module loads when it is imported: static value imports only (not `import type`, not `import()`). */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = m[1] as string;
      if (spec.startsWith('.')) todo.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string));
    }
  }
  return { files: seen, packages };
}

describe('architecture boundaries', () => {
  it('loads the name finder and HTML parsing only when a command ingests (they cost a bot process tens of MB)', () => {
    const { packages, files: loaded } = staticGraph(join(ROOT, 'src', 'cli', 'commands', 'index.ts'));
    expect(loaded.size).toBeGreaterThan(20);
    expect([...packages].filter((p) => ['compromise', 'linkedom', '@mozilla/readability'].includes(p))).toEqual([]);
    expect([...loaded].filter((f) => /src\/ingest\/(?:name-finder|name-lexicon|extract-html)\.ts$/.test(f)).map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('runs on dependencies only: no module of src/ or adapters/ imports a devDependency (compromise builds the name lexicon, nothing more)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const dev = new Set(Object.keys(pkg.devDependencies));
    const offenders = [...files(join(ROOT, 'src')), ...files(join(ROOT, 'adapters'))].flatMap((f) => {
      const specs = [...readFileSync(f, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'".][^'"]*)['"]/g)].map((m) => m[1] as string);
      const used = specs.map((spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string)));
      return used.filter((p) => dev.has(p) && !p.startsWith('@types/')).map((p) => `${relative(ROOT, f)}: ${p}`);
    });
    expect(dev.has('compromise')).toBe(true);
    expect(offenders).toEqual([]);
  });

  it('keeps platform SDKs out of src/', () => {
    const offenders = files(join(ROOT, 'src')).filter((f) => /(from\s+|import\s*\(\s*|require\s*\(\s*)['"](@slack\/[^'"]*|discord\.js|@discordjs\/[^'"]*)['"]/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('reads the environment only in config and the CLI edge', () => {
    const offenders = files(join(ROOT, 'src')).filter((f) => /process\.env\b/.test(readFileSync(f, 'utf8')) && !/src\/cli\/main\.ts$/.test(f));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('never reads the wall clock inside the briefing engine', () => {
    const offenders = files(join(ROOT, 'src', 'briefing')).filter((f) => /Date\.now\(\)|new Date\(\)/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
