import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { scripts: { start: string } };

/** The V8 memory flags `npm start` runs the bot with (read from package.json, so the bench can't drift from it). */
export const BOT_NODE_FLAGS: string[] = pkg.scripts.start.split(/\s+/).filter((w) => /^--(max-semi-space-size|v8-pool-size)=\d+$/.test(w) || w === '--optimize-for-size');

/**
 * `npm start` as argv without npm: `exec node <flags> dist/src/cli/main.js start` becomes [node, flags…, main.js
 * (absolute), start]. The bot process is the same one npm would have exec'd.
 */
export function npmStartArgv(): string[] {
  const words = pkg.scripts.start.split(/\s+/).filter((w) => w !== '' && w !== 'exec');
  if (words[0] !== 'node') throw new Error(`package.json start does not run node: ${pkg.scripts.start}`);
  return [process.execPath, ...words.slice(1).map((w) => (w.endsWith('.js') ? fileURLToPath(new URL(`../${w}`, import.meta.url)) : w))];
}
