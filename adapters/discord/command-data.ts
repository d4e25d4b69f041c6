import { ApplicationCommandOptionType, ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { SubcommandDefinition } from '../../src/commands/types.js';
import { truncateAtSentence } from '../../src/render/truncate.js';
import { ADMIN_COMMAND, MAIN_COMMAND, MANAGE_CHANNELS } from './command-names.js';

export { ADMIN_COMMAND, MAIN_COMMAND, MANAGE_CHANNELS, canManageChannels, registeredUnder } from './command-names.js';

// Interaction contexts: 0 = guild, 1 = the bot's DMs. Integration type 0 = installed to a server.
const CONTEXT_GUILD = 0;
const CONTEXT_BOT_DM = 1;
const GUILD_INSTALL = 0;

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

export type CommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;

/**
 * Discord application command JSON built from the platform-neutral subcommand list, so Slack, console
 * and Discord share one definition. Throws on a name Discord would reject (a programming error, caught by tests).
 */
export function buildCommandData(defs: readonly SubcommandDefinition[]): CommandJson[] {
  const main = defs;
  const admin = defs.filter((d) => d.requiresManage);
  const commands: CommandJson[] = [
    {
      name: MAIN_COMMAND,
      type: ApplicationCommandType.ChatInput,
      description: 'Sourced briefings on the story this server follows, with its open questions',
      contexts: [CONTEXT_GUILD, CONTEXT_BOT_DM],
      integration_types: [GUILD_INSTALL],
      options: main.map(subcommandJson),
    },
  ];
  if (admin.length > 0)
    commands.push({
      name: ADMIN_COMMAND,
      type: ApplicationCommandType.ChatInput,
      description: "Manage this channel's scheduled sitrep briefings (needs Manage Channels)",
      default_member_permissions: MANAGE_CHANNELS,
      contexts: [CONTEXT_GUILD],
      integration_types: [GUILD_INSTALL],
      options: admin.map(subcommandJson),
    });
  return commands;
}

function subcommandJson(def: SubcommandDefinition) {
  const name = checkedName(def.name);
  // Discord rejects a required option after an optional one; keep the registry's order otherwise.
  const options = [...def.options.filter((o) => o.required), ...def.options.filter((o) => !o.required)].map((o) => ({
    type: ApplicationCommandOptionType.String as const,
    name: checkedName(o.name),
    description: describe(o.description),
    required: o.required,
    ...(o.autocomplete
      ? { autocomplete: true as const }
      : o.choices && o.choices.length > 0
        ? { choices: o.choices.slice(0, 25).map((c) => ({ name: truncateAtSentence(c.name, 100), value: c.value.slice(0, 100) })) }
        : {}),
  }));
  return {
    type: ApplicationCommandOptionType.Subcommand as const,
    name,
    description: describe(def.description),
    options,
  };
}

function checkedName(raw: string): string {
  const name = raw.toLowerCase();
  if (!NAME.test(name)) throw new Error(`"${raw}" is not a valid Discord command or option name (1–32 lowercase letters, digits, - or _)`);
  return name;
}

function describe(text: string): string {
  const t = text.trim();
  return truncateAtSentence(t.length > 0 ? t : '—', 100);
}
