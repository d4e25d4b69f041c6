import {
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionReplyOptions,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { answerReviewComponent, isReviewComponent, type ComponentAnswer, type DiscordReviewEnv } from './review.js';
import type { Logger } from '../../src/log.js';
import { DEFAULT_DEFER_AFTER_MS, answerAutocomplete, answerCommand, respond, type AnswerEnv, type Responder } from './answer.js';
import { ADMIN_COMMAND } from './command-names.js';
import type { Invocation } from './interaction-payload.js';
import type { RenderedReply } from './render-embeds.js';

export interface GatewayHandlerOptions {
  env: () => AnswerEnv;
  logger: Logger;
  deferAfterMs?: number;
  /** Reviewing drafts, when the review channel is on Discord. */
  review?: () => DiscordReviewEnv | undefined;
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
    if (interaction.isButton() || interaction.isStringSelectMenu() || interaction.isModalSubmit()) {
      if (!isReviewComponent(interaction.customId)) return;
      await answerComponent(interaction, options);
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

/** A review button, select or modal through discord.js: the same answers as HTTP mode. */
async function answerComponent(interaction: ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction, options: GatewayHandlerOptions): Promise<void> {
  const fields: Record<string, string> = {};
  if (interaction.isModalSubmit()) {
    for (const [id, field] of interaction.fields.fields) {
      const f = field as { value?: unknown; values?: unknown };
      if (typeof f.value === 'string') fields[id] = f.value;
      else if (Array.isArray(f.values)) fields[id] = typeof f.values[0] === 'string' ? f.values[0] : '';
    }
  }
  const name = interaction.user.globalName ?? interaction.user.username;
  let answer: ComponentAnswer;
  try {
    answer = await answerReviewComponent(
      {
        kind: interaction.isModalSubmit() ? 'modal' : interaction.isStringSelectMenu() ? 'select' : 'button',
        customId: interaction.customId,
        ...(interaction.isStringSelectMenu() ? { values: interaction.values } : {}),
        ...(interaction.isModalSubmit() ? { fields } : {}),
        ...(interaction.message ? { messageId: interaction.message.id } : {}),
        user: { id: interaction.user.id, ...(name ? { name } : {}) },
        ...(interaction.memberPermissions ? { permissions: interaction.memberPermissions.bitfield.toString() } : {}),
      },
      options.review?.(),
    );
  } catch (err) {
    options.logger.error({ err: errorSummary(err) }, 'discord review interaction failed');
    answer = { kind: 'ephemeral', content: '⚠️ Something went wrong on our side; nothing was changed. Try again in a minute.' };
  }
  if (answer.kind === 'ack') {
    if (!interaction.isModalSubmit() || interaction.isFromMessage()) await interaction.deferUpdate();
    return;
  }
  if (answer.kind === 'modal') {
    if (interaction.isModalSubmit()) return;
    await interaction.showModal(answer.modal as unknown as Parameters<typeof interaction.showModal>[0]);
    return;
  }
  await interaction.reply({
    content: answer.content,
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
    ...(answer.components ? { components: answer.components as unknown as NonNullable<InteractionReplyOptions['components']> } : {}),
  });
}

// discord.js errors can carry request bodies; log only what identifies the failure.
function errorSummary(err: unknown): { name: string; message: string; code?: unknown } {
  if (err instanceof Error) return { name: err.name, message: err.message, ...('code' in err ? { code: err.code } : {}) };
  return { name: 'unknown', message: String(err) };
}
