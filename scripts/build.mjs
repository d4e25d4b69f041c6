// `npm run build`, also run by `prepare` (so `npm install` and `npm ci` build) and before the tests (so a test
// that spawns the CLI never runs a stale dist/). tsc's build mode compares sources with dist/ and recompiles only
// what changed; when nothing did it returns in well under a second. Plain JavaScript: it must run before anything
// is compiled and without tsx.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'dist', 'src', 'cli', 'bin.js');

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // A production install (`npm ci --omit=dev`) has no compiler: keep the dist/ built before devDependencies were pruned.
  if (existsSync(bin)) {
    process.stderr.write('sitrep build: typescript is not installed (production install); using the existing dist/\n');
    process.exit(0);
  }
  process.stderr.write('sitrep build: dist/ is missing and typescript is not installed: run `npm ci` with devDependencies (it builds), then `npm prune --omit=dev` if you want them gone\n');
  process.exit(1);
}
try {
  execFileSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
} catch {
  process.exit(1);
}
// npm makes a bin executable when it links it (npm link, npm install -g); do it here too for dist/ in a checkout.
chmodSync(bin, 0o755);
