import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { DiscordConfig } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { handleGatewayInteraction, type GatewayHandlerOptions } from './gateway-handler.js';

/**
 * The gateway client: only the Guilds intent (slash commands need no privileged intents and no message
 * content), mentions disabled by default on everything it sends, REST pointed at DISCORD_API_URL when set.
 */
export function createGatewayClient(config: Pick<DiscordConfig, 'apiUrl'>): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  });
}

/** Wire the client's events to the plain handlers (interactions, and connection logging). */
export function wireGatewayClient(client: Client, options: GatewayHandlerOptions): void {
  client.on(Events.InteractionCreate, (interaction) => void handleGatewayInteraction(interaction, options));
  client.on(Events.Error, (err) => options.logger.error({ err: { name: err.name, message: err.message } }, 'discord client error'));
  client.on(Events.Warn, (message) => options.logger.warn({ message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (_event, shard) => options.logger.warn({ shard }, 'discord gateway disconnected'));
  client.on(Events.ShardResume, (shard) => options.logger.info({ shard }, 'discord gateway resumed'));
}

/** Log in and resolve once the gateway says ready. */
export async function connectGateway(client: Client, token: string, logger: Logger): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord gateway connected');
}
