import { brief } from './brief.js';
import { follow } from './follow.js';
import { help } from './help.js';
import { questions } from './questions.js';
import { subscribe } from './subscribe.js';
import { subscriptions } from './subscriptions.js';
import type { SubcommandDefinition } from './types.js';
import { unfollow } from './unfollow.js';
import { unsubscribe } from './unsubscribe.js';

/** Every `/sitrep` subcommand, in the order help lists them. Add a new one here and nowhere else. */
export const subcommands: ReadonlyArray<SubcommandDefinition<unknown>> = [brief, questions, subscribe, unsubscribe, subscriptions, follow, unfollow, help];
