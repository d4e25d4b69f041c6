import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';

function files(dir: string, pattern = /\.(ts|mts|mjs|js)$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, pattern) : pattern.test(name) ? [p] : [];
  });
}

describe('architecture boundaries', () => {
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

  it('never refers to a path outside the repository (a clone stands alone: no sibling shared folder, no absolute machine paths)', () => {
    const dirs = ['src', 'adapters', 'tests', 'scripts', 'bench', '.ci'];
    const scanned = dirs.flatMap((d) => files(join(ROOT, d), /\.(ts|mts|mjs|js|cjs|json|ya?ml|sh|md)$|^[^.]+$/));
    expect(scanned.length).toBeGreaterThan(100);
    // Built from pieces so this file does not match itself.
    const up = '\\.\\.';
    const forbidden = [
      new RegExp(`${up}[/\\\\]+shared\\b`),
      new RegExp(`['"]${up}['"]\\s*,\\s*['"]shared['"]`),
      new RegExp(`(^|[\\s'"\`(=])/${'work'}/`, 'm'),
      new RegExp(`(^|[\\s'"\`(=])/(home|Users|root)/[A-Za-z]`, 'm'),
    ];
    const offenders: string[] = [];
    for (const file of scanned) {
      const text = readFileSync(file, 'utf8');
      const where = relative(ROOT, file);
      for (const re of forbidden) if (re.test(text)) offenders.push(`${where}: ${re.source}`);
      // Every literal relative path ('../x', "../../y") must land inside the repository, from the file's folder.
      for (const m of text.matchAll(/['"`]((?:\.\.\/)+[^'"`$\s]*)['"`]/g)) {
        const target = resolve(dirname(file), m[1] as string);
        if (target !== ROOT.replace(/[\\/]$/, '') && !target.startsWith(ROOT.endsWith(sep) ? ROOT : ROOT + sep)) offenders.push(`${where}: ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('never reads the wall clock inside the briefing engine', () => {
    const offenders = files(join(ROOT, 'src', 'briefing')).filter((f) => /Date\.now\(\)|new Date\(\)/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
