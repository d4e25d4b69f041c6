import { WebClient } from '@slack/web-api';
import type { PlatformDeps, PlatformRuntime } from '../../src/platform.js';
import type { SlackHandlerEnv } from './answer.js';
import { createSlackApp, type SlackApp } from './app.js';
import { boltLogger } from './bolt-logger.js';
import { SlackChatAdapter, webClientOptions } from './chat-adapter.js';

export { SlackChatAdapter } from './chat-adapter.js';
export { renderBriefing, renderResult } from './render-blocks.js';

/**
 * The Slack platform: a chat adapter usable right away (posting needs no connection, so `sitrep post` never
 * starts Bolt) and a Bolt app built and connected on `start()`.
 */
export function createPlatform(deps: PlatformDeps): PlatformRuntime {
  const config = deps.config.slack;
  if (!config) throw new Error('Slack is not configured: set SLACK_BOT_TOKEN (see .env.example)');
  const logger = deps.logger.child({ platform: 'slack' });
  const client = new WebClient(config.botToken, webClientOptions(config.apiUrl, boltLogger(logger)));
  const chat = new SlackChatAdapter({ client, logger, onRateLimited: () => deps.metrics?.rateLimited('slack') });
  const env: SlackHandlerEnv = {
    store: deps.store,
    logger,
    clock: deps.clock,
    story: deps.defaultStory,
    timezone: deps.config.timezone,
    chat,
    metrics: deps.metrics,
  };
  let slackApp: SlackApp | undefined;
  let ready = false;
  return {
    platform: 'slack',
    chat,
    async start() {
      slackApp ??= createSlackApp(config, env, deps.http, logger);
      await slackApp.start();
      ready = true;
      logger.info({ mode: config.mode }, slackApp.mode === 'http' ? 'slack ready (HTTP mode, POST /slack/events)' : 'slack ready (Socket Mode)');
    },
    async stop() {
      ready = false;
      await slackApp?.stop();
    },
    isReady: () => ready,
  };
}
