#!/usr/bin/env node
// Installed `sitrep` binary: run the TypeScript CLI through tsx (no build step needed after npm install).
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const main = fileURLToPath(new URL('./main.ts', import.meta.url));
process.argv[1] = main;
await import(main);
