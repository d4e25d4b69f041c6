#!/usr/bin/env -S node --enable-source-maps --max-semi-space-size=2 --optimize-for-size
// The installed `sitrep` command (package.json "bin"), compiled to dist/src/cli/bin.js. The flags are the ones
// `npm start` uses (see README "Memory"); `env -S` execs node itself, so signals reach the bot with no shell between.
import { runProcess } from './main.js';

await runProcess();
