import { loadConfig } from '../../config.js';
import { redactText } from '../../log.js';
import { parseFlags } from '../args.js';
import { EXIT, type CliCommand } from '../types.js';

const USAGE = 'sitrep discord deploy-commands [--guild ID | --global] [--dry-run]';

/** The part of adapters/discord/deploy-commands.ts this command uses (loaded on demand: src/ never imports discord.js). */
interface DeployModule {
  commandsFor(scope: 'guild' | 'global'): unknown[];
  deployCommands(options: { token: string; applicationId: string; guildId?: string; apiUrl?: string }): Promise<{
    scope: 'guild' | 'global';
    guildId?: string;
    commands: Array<{ name: string; id: string }>;
  }>;
}

async function loadDeployModule(): Promise<DeployModule> {
  // A computed specifier keeps tsc from pulling the adapter (and discord.js) into src/'s import graph.
  const path = '../../../adapters/discord/deploy-commands.js';
  return (await import(path)) as DeployModule;
}

/**
 * `sitrep discord deploy-commands` (also `npm run discord:deploy`): register the slash commands, to
 * DISCORD_GUILD_ID when set (instant, for setup) or globally. Starting the bot never does this.
 */
export const command: CliCommand = {
  name: 'discord',
  usage: USAGE,
  async run(argv, io) {
    const flags = parseFlags(argv, {
      guild: { type: 'string' },
      global: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (!flags.ok) {
      io.stderr(`sitrep discord: ${flags.error}\nUsage: ${USAGE}\n`);
      return EXIT.usage;
    }
    const { values, positionals } = flags.value;
    if (values.help) {
      io.stdout(`Usage: ${USAGE}\n`);
      return EXIT.ok;
    }
    if (positionals[0] !== 'deploy-commands' || positionals.length > 1) {
      io.stderr(`sitrep discord: unknown task${positionals[0] ? ` "${positionals[0]}"` : ''}\nUsage: ${USAGE}\n`);
      return EXIT.usage;
    }
    if (values.guild !== undefined && values.global) {
      io.stderr(`sitrep discord: --guild and --global exclude each other\nUsage: ${USAGE}\n`);
      return EXIT.usage;
    }
    if (values.guild !== undefined && !/^\d{5,25}$/.test(values.guild)) {
      io.stderr('sitrep discord: --guild must be a numeric server id (right-click the server → Copy Server ID)\n');
      return EXIT.usage;
    }

    const mod = await loadDeployModule();
    const envGuild = io.env.DISCORD_GUILD_ID?.trim() || undefined;
    const guildId = values.global ? undefined : (values.guild ?? envGuild);
    if (values['dry-run']) {
      io.stdout(`${JSON.stringify(mod.commandsFor(guildId ? 'guild' : 'global'), null, 2)}\n`);
      return EXIT.ok;
    }

    const loaded = loadConfig(io.env);
    if (!loaded.ok) {
      io.stderr(`sitrep discord: configuration problems:\n${loaded.errors.map((e) => `  ${e}`).join('\n')}\n`);
      return EXIT.failure;
    }
    const discord = loaded.config.discord;
    if (!discord?.token) {
      io.stderr('sitrep discord: set DISCORD_TOKEN and DISCORD_APPLICATION_ID (Developer Portal → your application) to deploy commands.\n');
      return EXIT.failure;
    }
    try {
      const result = await mod.deployCommands({
        token: discord.token,
        applicationId: discord.applicationId,
        ...(guildId ? { guildId } : {}),
        ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}),
      });
      const names = result.commands.map((c) => `/${c.name}`).join(', ');
      io.stdout(
        result.scope === 'guild'
          ? `Registered ${result.commands.length} commands (${names}) in server ${result.guildId}: available now.\n`
          : `Registered ${result.commands.length} global commands (${names}): Discord clients can take a few minutes to show changes.\n`,
      );
      return EXIT.ok;
    } catch (err) {
      const code = err instanceof Error && 'code' in err ? ` [${String(err.code)}]` : '';
      io.stderr(`sitrep discord: deploy failed${code}: ${redactText(err instanceof Error ? err.message : String(err), loaded.config.secrets)}\n`);
      return EXIT.failure;
    }
  },
};
