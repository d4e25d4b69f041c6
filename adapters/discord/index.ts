import type { Client } from 'discord.js';
import type { PlatformDeps, PlatformRuntime } from '../../src/platform.js';
import type { AnswerEnv } from './answer.js';
import { createDiscordChatAdapter } from './chat-adapter.js';
import { pageLinkerFromConfig } from '../../src/page/links.js';
import { INTERACTIONS_PATH, createHttpInteractions, type HttpInteractions } from './http-interactions.js';
import { PendingForms, type DiscordReviewEnv } from './review.js';

export { createDiscordChatAdapter } from './chat-adapter.js';

export interface DiscordPlatformOptions {
  /** Defer a command's answer once it takes longer than this (ms); Discord's window is 3 s. */
  deferAfterMs?: number;
}

/**
 * The Discord platform. `chat` is REST-only and usable without `start()` (e.g. `sitrep post`).
 * `start()` connects the gateway (default mode), or in HTTP mode mounts POST /discord/interactions on the
 * shared router. Starting never registers commands: that is `npm run discord:deploy`.
 */
export function createPlatform(deps: PlatformDeps, options: DiscordPlatformOptions = {}): PlatformRuntime {
  const config = deps.config.discord;
  if (!config) throw new Error('Discord is not configured (DISCORD_TOKEN and DISCORD_APPLICATION_ID)');
  const logger = deps.logger.child({ platform: 'discord' });
  const pageLinks = pageLinkerFromConfig(deps.config);
  const chat = createDiscordChatAdapter({ token: config.token, apiUrl: config.apiUrl, logger, metrics: deps.metrics, ...(pageLinks ? { pageLinks } : {}) });
  const env = (): AnswerEnv => ({
    store: deps.store,
    story: deps.defaultStory,
    now: deps.clock(),
    timezone: deps.config.timezone,
    logger,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    ...(pageLinks ? { pageLinks } : {}),
  });

  const reviewConfig = deps.config.review?.platform === 'discord' ? deps.config.review : undefined;
  const reviewEnv: DiscordReviewEnv | undefined = reviewConfig
    ? { store: deps.store, stories: deps.stories, now: deps.clock, logger, pending: new PendingForms(), ...(deps.onQueued ? { onQueued: deps.onQueued } : {}) }
    : undefined;
  const review = () => reviewEnv;

  let client: Client | undefined;
  let http: HttpInteractions | undefined;
  let ready = false;

  return {
    platform: 'discord',
    chat,
    async start() {
      if (ready) return;
      if (config.mode === 'http') {
        if (!config.publicKey) throw new Error('DISCORD_PUBLIC_KEY is required for DISCORD_MODE=http');
        http = createHttpInteractions({
          publicKey: config.publicKey,
          applicationId: config.applicationId,
          apiUrl: config.apiUrl,
          env,
          logger,
          review,
          ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
        });
        deps.http.route('POST', INTERACTIONS_PATH, http.handler);
        logger.info({ path: INTERACTIONS_PATH }, 'discord interactions endpoint mounted');
        ready = true;
        return;
      }
      if (!config.token) throw new Error('DISCORD_TOKEN is required for gateway mode');
      // discord.js (about 35 MB) loads only for the gateway; HTTP interactions and posting use plain fetch.
      const { connectGateway, createGatewayClient, wireGatewayClient } = await import('./app.js');
      client = createGatewayClient(config);
      wireGatewayClient(client, { env, logger, review, ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}) });
      await connectGateway(client, config.token, logger);
      ready = true;
    },
    async stop() {
      ready = false;
      if (http) await http.idle();
      const c = client;
      client = undefined;
      if (c) await c.destroy();
    },
    isReady() {
      return ready && (client === undefined || client.isReady());
    },
  };
}
