import type { CliCommand } from '../types.js';
import { command as brief } from './brief.js';
import { command as importRecords } from './import.js';
import { command as post } from './post.js';
import { command as questions } from './questions.js';
import { command as start } from './start.js';
import { command as validate } from './validate.js';

/** Every `sitrep` CLI command, in the order `sitrep help` lists them. Register new commands here. */
export const cliCommands: readonly CliCommand[] = [
  start,
  brief,
  questions,
  validate,
  importRecords,
  post,
];
