import type { CliCommand } from '../types.js';
import { command as brief } from './brief.js';
import { command as discord } from './discord.js';
import { command as importRecords } from './import.js';
import { command as post } from './post.js';
import { command as questions } from './questions.js';
import { command as start } from './start.js';
import { command as validate } from './validate.js';
import { command as subscribe } from './subscribe.js';
import { command as subscriptions } from './subscriptions.js';
import { command as unsubscribe } from './unsubscribe.js';
import { command as deliver } from './deliver.js';
import { command as ingest } from './ingest.js';
import { command as drafts } from './drafts.js';
import { command as approve } from './approve.js';
import { command as doctor } from './doctor.js';
import { command as serve } from './serve.js';
import { command as pageLink } from './page-link.js';

/** Every `sitrep` CLI command, in the order `sitrep help` lists them. Register new commands here. */
export const cliCommands: readonly CliCommand[] = [
  start,
  brief,
  serve,
  pageLink,
  questions,
  validate,
  importRecords,
  post,
  subscribe,
  subscriptions,
  unsubscribe,
  deliver,
  ingest,
  drafts,
  approve,
  discord,
  doctor,
];
