#!/usr/bin/env -S node --enable-source-maps
// The installed `sitrep` command (package.json "bin"), compiled to dist/src/cli/bin.js. `env -S` execs node itself,
// so signals reach the bot with no shell between. No memory flags: --optimize-for-size and a small young generation
// cost one-shot commands (brief, deliver from cron) about 20% more CPU, measured; `npm start` and the service unit
// in the README run a long-lived bot with them (README "Memory").
import { runProcess } from './main.js';

await runProcess();
