import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|mts|mjs|js)$/.test(name) ? [p] : [];
  });
}

describe('architecture boundaries', () => {
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
