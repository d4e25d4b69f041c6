import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The V8 flags `npm start` runs the bot with (read from package.json, so the bench can't drift from it). */
export const BOT_NODE_FLAGS: string[] = (() => {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((w) => /^--max-semi-space-size=\d+$/.test(w) || w === '--optimize-for-size');
})();
