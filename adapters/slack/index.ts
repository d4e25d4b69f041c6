import { WebClient } from '@slack/web-api';
import type { PlatformDeps, PlatformRuntime } from '../../src/platform.js';
import type { SlackHandlerEnv } from './answer.js';
import { createSlackApp, SlackStartError, type BotIdentity, type SlackApp } from './app.js';
import { boltLogger } from './bolt-logger.js';
import { SlackChatAdapter, webClientOptions } from './chat-adapter.js';
import { boltInstallationStore, SlackInstallations, workspaceIdOf } from './installations.js';
import { SlackReviewers } from './reviewers.js';
import { WorkspaceClients } from './workspace-clients.js';
import { pageLinkerFromConfig } from '../../src/page/links.js';

export { SlackChatAdapter } from './chat-adapter.js';
export { renderBriefing, renderResult } from './render-blocks.js';

/**
 * The Slack platform: a chat adapter usable right away (posting needs no connection, so `sitrep post` never
 * starts Bolt) and a Bolt app built and connected on `start()`.
 *
 * Tokens: with SLACK_CLIENT_ID… (installs in many workspaces) each workspace posts and answers with the token its
 * install stored; SLACK_BOT_TOKEN, when also set, serves every workspace without an installation of its own and
 * every subscription that records no workspace. Without SLACK_CLIENT_ID it is the only token, as before.
 */
export function createPlatform(deps: PlatformDeps): PlatformRuntime {
  const config = deps.config.slack;
  if (!config) throw new Error('Slack is not configured: set SLACK_BOT_TOKEN, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (see .env.example)');
  const logger = deps.logger.child({ platform: 'slack' });
  const clientOptions = webClientOptions(config.apiUrl, boltLogger(logger));
  const defaultClient = config.botToken ? new WebClient(config.botToken, clientOptions) : undefined;
  const installations = config.oauth ? new SlackInstallations(deps.store, config.oauth.secretKey) : undefined;
  const workspaces = installations ? new WorkspaceClients({ ...(defaultClient ? { defaultClient } : {}), installations, clientOptions, logger }) : undefined;
  const pageLinks = pageLinkerFromConfig(deps.config);
  const chat = new SlackChatAdapter({
    ...(defaultClient ? { client: defaultClient } : {}),
    ...(workspaces ? { workspaces } : {}),
    logger,
    onRateLimited: () => deps.metrics?.rateLimited('slack'),
    ...(pageLinks ? { pageLinks } : {}),
  });
  const review = deps.config.review?.platform === 'slack' ? deps.config.review : undefined;
  const env: SlackHandlerEnv = {
    store: deps.store,
    logger,
    clock: deps.clock,
    story: deps.defaultStory,
    timezone: deps.config.timezone,
    chat,
    metrics: deps.metrics,
    ...(review
      ? {
          review: {
            store: deps.store,
            stories: deps.stories,
            now: deps.clock,
            logger,
            config: review,
            reviewers: new SlackReviewers(review.reviewers, logger),
            ...(deps.onQueued ? { onQueued: deps.onQueued } : {}),
          },
        }
      : {}),
  };
  /** Subscriptions of a workspace still paused (an install does not resume them). */
  const pausedIn = async (workspace: string): Promise<number> =>
    (await deps.store.listSubscriptions({ platform: 'slack', includePaused: true })).filter((s) => s.paused && s.workspace === workspace).length;
  let identity: BotIdentity | undefined;
  const installationStore = installations
    ? boltInstallationStore(installations, {
        fallback: () => identity,
        onSaved: async (record) => {
          const paused = await pausedIn(record.id).catch(() => 0);
          logger.info({ workspace: record.id, team: record.teamName, installedBy: record.installedBy, pausedSubscriptions: paused }, 'slack app installed in a workspace');
        },
      })
    : undefined;
  const buildApp = (): SlackApp =>
    createSlackApp(config, env, deps.http, logger, {
      ...(identity ? { identity } : {}),
      ...(installationStore ? { installationStore, pausedIn } : {}),
      gone: { store: deps.store, logger, fallbackWorkspace: () => identity?.workspace },
    });
  // With installs in many workspaces the app needs no verified token to exist (the installer reads the store), so it
  // is built now: posts from one-shot commands (`sitrep deliver`) refresh rotating tokens through its installer too.
  let slackApp: SlackApp | undefined = installationStore ? buildApp() : undefined;
  if (slackApp?.authorize) workspaces?.setAuthorize(slackApp.authorize);
  let ready = false;
  return {
    platform: 'slack',
    chat,
    async start() {
      if (defaultClient && config.botToken && !identity) identity = await verifyBotToken(defaultClient, config.botToken);
      slackApp ??= buildApp();
      await slackApp.start();
      ready = true;
      const routes = slackApp.mode === 'http' ? `HTTP mode, POST /slack/events${config.oauth ? ', GET /slack/install' : ''}` : 'Socket Mode';
      logger.info({ mode: config.mode, oauth: config.oauth !== undefined, singleToken: config.botToken !== undefined }, `slack ready (${routes})`);
    },
    async stop() {
      ready = false;
      await slackApp?.stop();
    },
    isReady: () => ready,
  };
}

/** auth.test on SLACK_BOT_TOKEN: who the bot is and which workspace the token belongs to. */
async function verifyBotToken(client: WebClient, token: string): Promise<BotIdentity> {
  try {
    const res = await client.auth.test();
    const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    const workspace = workspaceIdOf({ teamId: str(res.team_id), enterpriseId: str(res.enterprise_id), isEnterpriseInstall: res.is_enterprise_install === true });
    const identity: BotIdentity = { token };
    if (str(res.bot_id)) identity.botId = str(res.bot_id);
    if (str(res.user_id)) identity.botUserId = str(res.user_id);
    if (workspace) identity.workspace = workspace;
    return identity;
  } catch (err) {
    const code = (err as { data?: { error?: unknown } }).data?.error;
    throw new SlackStartError(
      'SLACK_AUTH_FAILED',
      typeof code === 'string'
        ? `Slack rejected SLACK_BOT_TOKEN (auth.test: ${code})`
        : `could not reach the Slack API to check SLACK_BOT_TOKEN (auth.test: ${err instanceof Error ? err.message : 'request failed'})`,
    );
  }
}
