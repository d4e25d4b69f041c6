import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The compiled `sitrep` bin, as npm links it (the shebang carries the bot's Node flags). */
export const BIN = fileURLToPath(new URL('../dist/src/cli/bin.js', import.meta.url));
/** The compiled CLI entry point (`node dist/src/cli/main.js …`, what `npm start` runs). */
export const MAIN = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));

/** Build dist/ if a source is newer (`npm run build`; a no-op when it is current), so the bench never measures stale code. */
export function ensureBuilt(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url))], { stdio: 'inherit' });
}
