import { MessageFlags, PermissionFlagsBits, type AutocompleteInteraction, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import type { Logger } from '../../src/log.js';
import { DEFAULT_DEFER_AFTER_MS, answerAutocomplete, answerCommand, respond, type AnswerEnv, type Responder } from './answer.js';
import { ADMIN_COMMAND } from './command-names.js';
import type { Invocation } from './interaction-payload.js';
import type { RenderedReply } from './render-embeds.js';

export interface GatewayHandlerOptions {
  env: () => AnswerEnv;
  logger: Logger;
  deferAfterMs?: number;
}

const NO_MENTIONS = { parse: [] };

/** What a discord.js reply or follow-up takes, from a rendered reply. Mentions are disabled on every one. */
function replyOptions(reply: RenderedReply) {
  return {
    ...editOptions(reply),
    ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
}

/** Edits can't change ephemerality, so they carry no flags. */
function editOptions(reply: RenderedReply) {
  return {
    ...(reply.content.length > 0 ? { content: reply.content } : {}),
    embeds: reply.embeds,
    allowedMentions: NO_MENTIONS,
  };
}

function invocationOf(interaction: ChatInputCommandInteraction | AutocompleteInteraction): Invocation {
  const args: Record<string, string> = {};
  for (const o of interaction.options.data.flatMap((d) => d.options ?? [])) if (o.value !== undefined) args[o.name] = String(o.value);
  const sub = interaction.options.getSubcommand(false) ?? '';
  if (interaction.isAutocomplete()) {
    const f = interaction.options.getFocused(true);
    return { command: interaction.commandName, subcommand: sub, args, focused: { name: f.name, value: String(f.value) } };
  }
  return { command: interaction.commandName, subcommand: sub, args };
}

/**
 * The gateway `interactionCreate` handler as a plain function: slash commands and autocomplete go to the
 * same code as HTTP mode; anything else is ignored. Never throws (a failed reply is logged).
 */
export async function handleGatewayInteraction(interaction: Interaction, options: GatewayHandlerOptions): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      const env = options.env();
      await interaction.respond(answerAutocomplete(invocationOf(interaction), env.story, env.definitions));
      return;
    }
    if (!interaction.isChatInputCommand()) return;
    const inv = invocationOf(interaction);
    const caller = { channel: interaction.channelId, user: interaction.user.id, canManageChannels: interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) === true };
    const work = answerCommand(inv, caller, options.env());
    const responder: Responder = {
      reply: async (reply) => {
        await interaction.reply(replyOptions(reply));
      },
      defer: async (ephemeral) => {
        await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      },
      editOriginal: async (reply) => {
        await interaction.editReply(editOptions(reply));
      },
      deleteOriginal: async () => {
        await interaction.deleteReply();
      },
      followUp: async (reply) => {
        await interaction.followUp(replyOptions(reply));
      },
    };
    await respond(work, responder, { deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS, deferEphemeral: inv.command === ADMIN_COMMAND });
  } catch (err) {
    options.logger.error({ err: errorSummary(err), interaction: interaction.id }, 'discord interaction reply failed');
  }
}

// discord.js errors can carry request bodies; log only what identifies the failure.
function errorSummary(err: unknown): { name: string; message: string; code?: unknown } {
  if (err instanceof Error) return { name: err.name, message: err.message, ...('code' in err ? { code: err.code } : {}) };
  return { name: 'unknown', message: String(err) };
}
