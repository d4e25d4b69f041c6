import { performance } from 'node:perf_hooks';
import type { AutocompleteChoice, CommandContext, CommandResult, SubcommandDefinition } from '../../src/commands/types.js';
import { autocomplete, runCommand } from '../../src/commands/run.js';
import { subcommands } from '../../src/commands/registry.js';
import type { Logger } from '../../src/log.js';
import type { PlatformMetrics } from '../../src/platform.js';
import type { Story } from '../../src/records/schema.js';
import type { Store } from '../../src/store/store.js';
import { ADMIN_COMMAND, MAIN_COMMAND, registeredUnder } from './command-names.js';
import type { Invocation } from './interaction-payload.js';
import type { PageLinker } from '../../src/page/links.js';
import { renderCommandResult, type RenderedReply } from './render-embeds.js';

/** What answering a command needs, whichever way the interaction arrived (gateway or HTTP). */
export interface AnswerEnv {
  store: Store;
  story: Story;
  now: Date;
  timezone: string;
  logger: Logger;
  metrics?: PlatformMetrics;
  /** Defaults to the registry; tests may pass their own. */
  definitions?: readonly SubcommandDefinition[];
  /** Signed links to briefing pages (PUBLIC_URL set): briefings link to theirs. */
  pageLinks?: PageLinker;
}

export interface Caller {
  channel: string;
  user?: string;
  /** The member has Manage Channels (or Administrator) here, from the interaction's permissions. */
  canManageChannels?: boolean;
}

/**
 * Run a slash command and render its reply. Validation and execution are the shared platform-neutral
 * command code; this only checks the subcommand is registered under the command Discord says was used.
 * Never throws: failures become an ephemeral error reply.
 */
export async function answerCommand(inv: Invocation, caller: Caller, env: AnswerEnv): Promise<RenderedReply> {
  const defs = env.definitions ?? subcommands;
  const def = defs.find((d) => d.name === inv.subcommand);
  if (!def || !registeredUnder(def, inv.command)) return staleCommand(inv);
  // Discord enforces default_member_permissions (Manage Channels, or whatever the server admin set under
  // Integrations) before the admin command ever reaches us, so reaching it means the caller may manage;
  // under /sitrep the member's own permissions in this channel decide.
  const ctx: CommandContext = {
    store: env.store,
    now: env.now,
    story: env.story,
    platform: 'discord',
    channel: caller.channel,
    ...(caller.user !== undefined ? { user: caller.user } : {}),
    canManage: inv.command === ADMIN_COMMAND || caller.canManageChannels === true,
    defaultTimezone: env.timezone,
  };
  const started = performance.now();
  let result: CommandResult;
  try {
    result = await runCommand(inv.subcommand, inv.args, ctx);
  } catch (err) {
    env.logger.error({ err, command: inv.subcommand, channel: caller.channel }, 'discord command failed');
    result = { kind: 'error', code: 'INTERNAL', message: 'Something went wrong on our side; please try again in a minute.', usage: '' };
  } finally {
    env.metrics?.commandLatency('discord', inv.subcommand, (performance.now() - started) / 1000);
  }
  const pageUrl = result.kind === 'briefing' ? env.pageLinks?.forBriefing(result.briefing, result.briefing.focus) : undefined;
  return renderCommandResult(result, pageUrl !== undefined ? { pageUrl } : {});
}

/** Choices for the option being typed (≤ 25; names and values ≤ 100 characters, as Discord requires). */
export function answerAutocomplete(inv: Invocation, story: Story, definitions?: readonly SubcommandDefinition[]): AutocompleteChoice[] {
  const def = (definitions ?? subcommands).find((d) => d.name === inv.subcommand);
  const focused = inv.focused;
  if (!def || !focused) return [];
  const kind = def.options.find((o) => o.name === focused.name)?.autocomplete;
  if (!kind) return [];
  return autocomplete(kind, focused.value, story)
    .slice(0, 25)
    .map((c) => ({ name: c.name.length > 100 ? `${c.name.slice(0, 99)}…` : c.name, value: c.value.slice(0, 100) }));
}

function staleCommand(inv: Invocation): RenderedReply {
  return {
    content: `⚠️ \`/${inv.command} ${inv.subcommand}\` is not a sitrep command (any more). Try \`/${MAIN_COMMAND} help\`; if this keeps happening, ask an admin to run \`npm run discord:deploy\`.`,
    embeds: [],
    ephemeral: true,
  };
}

/** The ways an interaction can be answered; gateway (discord.js) and HTTP mode each implement it. */
export interface Responder {
  /** Answer now (within Discord's 3 s). */
  reply(reply: RenderedReply): Promise<void>;
  /** "Thinking…" now; the answer follows with `editOriginal`. */
  defer(ephemeral: boolean): Promise<void>;
  editOriginal(reply: RenderedReply): Promise<void>;
  deleteOriginal(): Promise<void>;
  followUp(reply: RenderedReply): Promise<void>;
}

/** Discord drops an interaction not answered within 3 s; defer well before that. */
export const DEFAULT_DEFER_AFTER_MS = 1500;

/**
 * Answer a command, deferring first when the answer isn't ready within `deferAfterMs`.
 * A deferred public reply whose answer turns out ephemeral (an error) is replaced by an ephemeral follow-up,
 * so errors are never shown to the whole channel.
 */
export async function respond(work: Promise<RenderedReply>, responder: Responder, options: { deferAfterMs: number; deferEphemeral: boolean }): Promise<void> {
  const early = await settleWithin(work, options.deferAfterMs);
  if (early.settled) return responder.reply(early.value);
  await responder.defer(options.deferEphemeral);
  const reply = await work;
  if (reply.ephemeral && !options.deferEphemeral) {
    await responder.deleteOriginal();
    return responder.followUp(reply);
  }
  return responder.editOriginal(reply);
}

async function settleWithin<T>(work: Promise<T>, ms: number): Promise<{ settled: true; value: T } | { settled: false }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ settled: false }>((resolve) => {
    timer = setTimeout(() => resolve({ settled: false }), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ settled: true as const, value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
