import { App, HTTPReceiver } from '@slack/bolt';
import type { SlackConfig } from '../../src/config.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { DeferredWork } from '../../src/http/deferred-work.js';
import { declaredWithin, payloadTooLarge, readCappedBody } from '../../src/http/read-body.js';
import type { HttpRouter } from '../../src/http/router.js';
import type { Logger } from '../../src/log.js';
import { registerActions } from './actions.js';
import type { SlackHandlerEnv } from './answer.js';
import { boltLogger } from './bolt-logger.js';
import { webClientOptions } from './chat-adapter.js';
import { HTTP_RESPONSE, registerCommands } from './commands.js';

/** Where Slack sends slash commands and interactivity in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackApp {
  readonly app: App;
  readonly mode: 'socket' | 'http';
  /** Verify the token (auth.test), then connect (Socket Mode) or mount POST /slack/events on the router (HTTP). */
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

/**
 * Build the Bolt app. HTTP mode uses Bolt's HTTPReceiver for signature checks and acks, but never its own
 * server: its request listener is mounted on the shared router so Slack and Discord can share PORT.
 * `convoStore: false`: sitrep keeps no conversation state, and Bolt's default in-memory store builds an Error
 * (with its stack) for every request it has nothing for.
 */
export function createSlackApp(config: SlackConfig, env: SlackHandlerEnv, router: HttpRouter, logger: Logger): SlackApp {
  const bridge = boltLogger(logger);
  const clientOptions = webClientOptions(config.apiUrl, bridge);
  let app: App;
  let receiver: HTTPReceiver | undefined;
  if (config.mode === 'http') {
    if (!config.signingSecret) throw new SlackStartError('SLACK_CONFIG', 'SLACK_SIGNING_SECRET is required for HTTP mode');
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      logger: bridge,
      // Listeners get the HTTP response, to send an answer already serialised as JSON (see commands.ts).
      customPropertiesExtractor: (req) => {
        const res = (req as WithResponse)[RESPONSE];
        return res ? { [HTTP_RESPONSE]: res } : {};
      },
    });
    app = new App({ token: config.botToken, receiver, logger: bridge, clientOptions, deferInitialization: true, convoStore: false });
  } else {
    if (!config.appToken) throw new SlackStartError('SLACK_CONFIG', 'SLACK_APP_TOKEN is required for Socket Mode');
    app = new App({
      token: config.botToken,
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
  app.error(async (err) => {
    logger.error({ platform: 'slack', err: { name: err.name, message: err.message, code: err.code } }, 'slack listener error');
  });

  let started = false;
  return {
    app,
    mode: config.mode,
    async start() {
      if (started) return;
      try {
        await app.init();
      } catch (err) {
        const code = (err as { data?: { error?: unknown } }).data?.error;
        throw new SlackStartError(
          'SLACK_AUTH_FAILED',
          typeof code === 'string'
            ? `Slack rejected SLACK_BOT_TOKEN (auth.test: ${code})`
            : `could not reach the Slack API to check SLACK_BOT_TOKEN (auth.test: ${err instanceof Error ? err.message : 'request failed'})`,
        );
      }
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
