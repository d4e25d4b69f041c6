import { App, HTTPReceiver, type InstallationStore } from '@slack/bolt';
import type { SlackConfig } from '../../src/config.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { DeferredWork } from '../../src/http/deferred-work.js';
import { declaredWithin, payloadTooLarge, readCappedBody } from '../../src/http/read-body.js';
import type { HttpRouter } from '../../src/http/router.js';
import type { Logger } from '../../src/log.js';
import { registerActions } from './actions.js';
import { registerReview } from './review.js';
import type { SlackHandlerEnv } from './answer.js';
import { boltLogger, quietBoltLogger } from './bolt-logger.js';
import { webClientOptions } from './chat-adapter.js';
import { HTTP_RESPONSE, registerCommands } from './commands.js';
import { installedPage, SLACK_BOT_SCOPES } from './install-flow.js';
import type { Authorize } from './workspace-clients.js';
import { registerUninstallEvents, type WorkspaceGoneDeps } from './uninstall.js';

/** Where Slack sends slash commands, interactivity and events in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';
/** Installs in many workspaces: the page that starts Bolt's OAuth flow, and where Slack sends the browser back. */
export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

export interface SlackApp {
  readonly app: App;
  readonly mode: 'socket' | 'http';
  /** The installer's authorize (installs in many workspaces), for posts outside any request (token rotation). */
  readonly authorize: Authorize | undefined;
  /** Connect (Socket Mode) or mount POST /slack/events (and the install routes) on the router (HTTP). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** An error starting the Slack app, with a stable code and no secret in the message. */
export class SlackStartError extends Error {
  constructor(
    readonly code: 'SLACK_AUTH_FAILED' | 'SLACK_CONFIG',
    message: string,
  ) {
    super(message);
    this.name = 'SlackStartError';
  }
}

/** SLACK_BOT_TOKEN as auth.test described it at start. */
export interface BotIdentity {
  token: string;
  botId?: string;
  botUserId?: string;
  /** Its workspace id (team id, or org id for an org-wide install). */
  workspace?: string;
}

export interface SlackAppOptions {
  /** The single-workspace token, already verified (auth.test) by the caller. */
  identity?: BotIdentity;
  /** Installs in many workspaces: where Bolt's installer keeps installations (see installations.ts). */
  installationStore?: InstallationStore;
  /** Answers the install callback's success page: the workspace's subscriptions still paused since an uninstall. */
  pausedIn?: (workspace: string) => Promise<number>;
  /** Uninstall handling (app_uninstalled, tokens_revoked). */
  gone: WorkspaceGoneDeps;
}

/**
 * Build the Bolt app. HTTP mode uses Bolt's HTTPReceiver for signature checks, acks and (with SLACK_CLIENT_ID…)
 * the OAuth install flow, but never its own server: its request listener is mounted on the shared router so Slack
 * and Discord can share PORT. With installs in many workspaces, Bolt's installer authorizes every request with that
 * workspace's token from the installation store (SLACK_BOT_TOKEN serving workspaces without one); otherwise the app
 * has the one token. `convoStore: false`: sitrep keeps no conversation state, and Bolt's default in-memory store
 * builds an Error (with its stack) for every request it has nothing for.
 */
export function createSlackApp(config: SlackConfig, env: SlackHandlerEnv, router: HttpRouter, logger: Logger, options: SlackAppOptions): SlackApp {
  const bridge = boltLogger(logger);
  const clientOptions = webClientOptions(config.apiUrl, bridge);
  const identity = options.identity;
  // Checked once by the caller (auth.test), so Bolt need not check it again.
  const single = identity ? { token: identity.token, botId: identity.botId, botUserId: identity.botUserId, tokenVerificationEnabled: false } : {};
  let app: App;
  let receiver: HTTPReceiver | undefined;
  if (config.mode === 'http') {
    if (!config.signingSecret) throw new SlackStartError('SLACK_CONFIG', 'SLACK_SIGNING_SECRET is required for HTTP mode');
    const oauth = config.oauth;
    if (oauth && !options.installationStore) throw new SlackStartError('SLACK_CONFIG', 'installs in many workspaces need an installation store');
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      logger: bridge,
      // Listeners get the HTTP response, to send an answer already serialised as JSON (see commands.ts).
      customPropertiesExtractor: (req) => {
        const res = (req as WithResponse)[RESPONSE];
        return res ? { [HTTP_RESPONSE]: res } : {};
      },
      ...(oauth && options.installationStore
        ? {
            clientId: oauth.clientId,
            clientSecret: oauth.clientSecret,
            stateSecret: oauth.stateSecret,
            installationStore: options.installationStore,
            scopes: [...SLACK_BOT_SCOPES],
            installerOptions: {
              installPath: SLACK_INSTALL_PATH,
              redirectUriPath: SLACK_OAUTH_REDIRECT_PATH,
              // /slack/install goes straight to Slack's consent screen (with a signed state and its cookie).
              directInstall: true,
              // The code exchange never logs its request or answer (they carry the client secret and the new token).
              clientOptions: webClientOptions(config.apiUrl, quietBoltLogger(logger)),
              callbackOptions: {
                successAsync: async (installation, _opts, _req, res) => {
                  const workspace = installation.isEnterpriseInstall ? installation.enterprise?.id : installation.team?.id;
                  const paused = workspace && options.pausedIn ? await options.pausedIn(workspace).catch(() => 0) : 0;
                  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
                  res.end(installedPage({ teamId: installation.team?.id, teamName: installation.team?.name ?? installation.enterprise?.name, paused }));
                },
              },
            },
          }
        : {}),
    });
    // With the installer, Bolt authorizes each request from the installation store; a token here would conflict.
    app = new App({ ...(oauth ? {} : single), receiver, logger: bridge, clientOptions, deferInitialization: true, convoStore: false });
  } else {
    if (!config.appToken) throw new SlackStartError('SLACK_CONFIG', 'SLACK_APP_TOKEN is required for Socket Mode');
    app = new App({
      ...single,
      appToken: config.appToken,
      socketMode: true,
      logger: bridge,
      clientOptions,
      // The Socket Mode connection (apps.connections.open) keeps the client's normal retries: a 429 while
      // connecting should be waited out, not fail startup.
      installerOptions: { clientOptions: config.apiUrl ? { slackApiUrl: config.apiUrl } : {} },
      deferInitialization: true,
      convoStore: false,
    });
  }

  const work = new DeferredWork({ concurrency: 8, maxPending: 5_000, onError: (err) => logger.error({ platform: 'slack', err }, 'slack command answer failed') });
  registerCommands(app, env, work);
  registerActions(app, env);
  registerUninstallEvents(app, options.gone);
  if (env.review) registerReview(app, env.review);
  app.error(async (err) => {
    logger.error({ platform: 'slack', err: { name: err.name, message: err.message, code: err.code } }, 'slack listener error');
  });

  const installer = receiver?.installer;
  let started = false;
  return {
    app,
    mode: config.mode,
    authorize: installer ? (query) => installer.authorize(query) : undefined,
    async start() {
      if (started) return;
      // No network here: the token was verified by the caller, and the installer reads the store per request.
      await app.init();
      if (receiver) {
        const listener = receiver.requestListener;
        router.route('POST', SLACK_EVENTS_PATH, async (req, res) => {
          // Bolt reads any body whole before checking its signature; cap it first (Slack's payloads are a few KB).
          // A declared length within the cap is all the parser will deliver, so such a request goes straight through.
          if (declaredWithin(req, MAX_SLACK_BODY_BYTES)) {
            (req as WithResponse)[RESPONSE] = res;
            return listener(req, res);
          }
          const body = await readCappedBody(req, MAX_SLACK_BODY_BYTES);
          if (body === undefined) return payloadTooLarge(res);
          const replay = replayRequest(req, body);
          (replay as WithResponse)[RESPONSE] = res;
          listener(replay, res);
        });
        if (installer) {
          for (const path of [SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH])
            router.route('GET', path, (req, res) => {
              // The redirect carries a one-time code in its URL: never cache these pages or pass them on as a referrer.
              res.setHeader('cache-control', 'no-store');
              res.setHeader('referrer-policy', 'no-referrer');
              res.setHeader('x-content-type-options', 'nosniff');
              res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
              listener(req, res);
            });
        }
      } else {
        await app.start();
      }
      started = true;
    },
    async stop() {
      if (!started) return;
      started = false;
      // In HTTP mode the router owns the server; Bolt has nothing of its own to close.
      if (!receiver) await app.stop();
      // Answers to commands already acknowledged still go out (bounded: respond() has its own timeout).
      await work.idle();
    },
  };
}

/** The response travels on its request (a property, not a WeakMap entry per request for the GC to trace). */
const RESPONSE = Symbol('sitrep.response');
type WithResponse = IncomingMessage & { [RESPONSE]?: ServerResponse };

/** Largest request body accepted on /slack/events; slash commands and button clicks are far smaller. */
export const MAX_SLACK_BODY_BYTES = 256 * 1024;

/** The already-read body as a fresh request stream with the original request's metadata, for Bolt to parse. */
function replayRequest(req: IncomingMessage, body: Buffer): IncomingMessage {
  const replay = Readable.from([body]) as unknown as IncomingMessage;
  Object.assign(replay, { headers: req.headers, rawHeaders: req.rawHeaders, method: req.method, url: req.url, httpVersion: req.httpVersion, socket: req.socket, connection: req.socket });
  return replay;
}
