import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Before any test: bring dist/ up to date (`npm run build`: tsc's build mode recompiles only what changed, and does
 * nothing in well under a second when dist/ is current). Tests that spawn `sitrep` run the compiled CLI as users do,
 * so `npm test` right after editing a source file must test the edit, not the last build.
 */
export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url))], { stdio: 'inherit' });
}
