import { DiscordAPIError, HTTPError, REST, Routes } from 'discord.js';
import { subcommands } from '../../src/commands/registry.js';
import type { SubcommandDefinition } from '../../src/commands/types.js';
import { buildCommandData, type CommandJson } from './command-data.js';
import { DISCORD_API_VERSION } from './rest-request.js';

export interface DeployOptions {
  token: string;
  applicationId: string;
  /** Register to this guild only (instant updates); global when absent. */
  guildId?: string;
  apiUrl?: string;
  definitions?: readonly SubcommandDefinition[];
}

export interface DeployResult {
  scope: 'guild' | 'global';
  guildId?: string;
  commands: Array<{ name: string; id: string }>;
}

export type DeployErrorCode = 'DEPLOY_UNAUTHORIZED' | 'DEPLOY_FORBIDDEN' | 'DEPLOY_REJECTED' | 'DEPLOY_FAILED';

/** A failed registration, with a stable `code` and a message that says what to check (never the token). */
export class DeployError extends Error {
  constructor(
    readonly code: DeployErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeployError';
  }
}

/**
 * The command JSON for one scope. `contexts` and `integration_types` only apply to global commands,
 * so guild registrations leave them out.
 */
export function commandsFor(scope: 'guild' | 'global', definitions: readonly SubcommandDefinition[] = subcommands): CommandJson[] {
  const all = buildCommandData(definitions);
  if (scope === 'global') return all;
  return all.map(({ contexts: _c, integration_types: _i, ...rest }) => rest);
}

/**
 * Register sitrep's application commands with one bulk overwrite (PUT), so renamed or removed
 * subcommands disappear too. Guild scope updates instantly; global scope can take a few minutes to reach clients.
 */
export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const scope = options.guildId ? 'guild' : 'global';
  const body = commandsFor(scope, options.definitions ?? subcommands);
  const rest = new REST({ version: DISCORD_API_VERSION, retries: 1, timeout: 15_000, ...(options.apiUrl ? { api: options.apiUrl } : {}) }).setToken(options.token);
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);
  let response: unknown;
  try {
    response = await rest.put(route, { body });
  } catch (err) {
    throw toDeployError(err, options);
  }
  const commands = Array.isArray(response)
    ? response.flatMap((c: unknown) => {
        const o = c as { name?: unknown; id?: unknown };
        return typeof o.name === 'string' && typeof o.id === 'string' ? [{ name: o.name, id: o.id }] : [];
      })
    : [];
  return { scope, ...(options.guildId ? { guildId: options.guildId } : {}), commands };
}

function toDeployError(err: unknown, options: DeployOptions): DeployError {
  if (err instanceof DiscordAPIError || err instanceof HTTPError) {
    if (err.status === 401) return new DeployError('DEPLOY_UNAUTHORIZED', 'Discord rejected DISCORD_TOKEN (401): copy the bot token again from the Developer Portal → Bot.');
    if (err.status === 403)
      return new DeployError(
        'DEPLOY_FORBIDDEN',
        options.guildId
          ? `Discord refused (403): check DISCORD_APPLICATION_ID matches the token's application and that the bot was invited to guild ${options.guildId} with the applications.commands scope.`
          : "Discord refused (403): check DISCORD_APPLICATION_ID matches the token's application.",
      );
    if (err.status >= 400 && err.status < 500) return new DeployError('DEPLOY_REJECTED', `Discord rejected the command definitions (${err.status}): ${err.message}`);
    return new DeployError('DEPLOY_FAILED', `Discord answered ${err.status}; try again in a minute.`);
  }
  return new DeployError('DEPLOY_FAILED', `could not reach Discord: ${err instanceof Error ? err.message : String(err)}`);
}
