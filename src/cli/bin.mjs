#!/usr/bin/env -S node --max-semi-space-size=2
// Installed `sitrep` binary: run the TypeScript CLI through tsx (no build step needed after npm install).
// A small young generation (--max-semi-space-size=2, as in `npm start`) keeps a long-running bot's RSS low.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const main = fileURLToPath(new URL('./main.ts', import.meta.url));
process.argv[1] = main;
await import(main);
