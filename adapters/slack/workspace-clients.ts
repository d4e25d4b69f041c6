import type { AuthorizeResult } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { PostOutcome } from '../../src/delivery/chat-adapter.js';
import type { Logger } from '../../src/log.js';
import { InstallationError, queryFor, type SlackInstallations } from './installations.js';

type Failure = Extract<PostOutcome, { ok: false }>;

/** The client to post with in a workspace (`installed`: with the token of that workspace's install), or why there is none. */
export type ClientChoice = { ok: true; client: WebClient; installed: boolean } | { ok: false; failure: Failure };

/** Bolt installer's authorize: fetches an installation and refreshes a rotating token about to expire. */
export type Authorize = (source: ReturnType<typeof queryFor>) => Promise<AuthorizeResult>;

/**
 * Picks the Web API client for a post. A workspace with an installation of its own (OAuth) posts with its token;
 * anything else (its own workspace, and subscriptions that record none) posts with SLACK_BOT_TOKEN when set. The
 * installation is read on every post (a few microseconds on SQLite), so an uninstall seen by another process counts
 * at once; clients are kept per workspace and replaced when its token changes.
 */
export class WorkspaceClients {
  private readonly defaultClient: WebClient | undefined;
  private readonly installations: SlackInstallations | undefined;
  private readonly clientOptions: WebClientOptions;
  private readonly logger: Logger;
  private authorize: Authorize | undefined;
  private readonly clients = new Map<string, { token: string; client: WebClient }>();

  constructor(options: { defaultClient?: WebClient; installations?: SlackInstallations; clientOptions: WebClientOptions; logger: Logger; authorize?: Authorize }) {
    this.defaultClient = options.defaultClient;
    this.installations = options.installations;
    this.clientOptions = options.clientOptions;
    this.logger = options.logger;
    this.authorize = options.authorize;
  }

  /** Bolt's installer, once the app exists: rotating tokens are refreshed through it. */
  setAuthorize(authorize: Authorize): void {
    this.authorize = authorize;
  }

  async clientFor(workspace: string | undefined): Promise<ClientChoice> {
    if (workspace !== undefined && this.installations) {
      let token: string | undefined;
      try {
        const found = await this.installations.read(workspace);
        if (found) {
          token = found.tokens.botToken;
          // Token rotation: Bolt's authorize refreshes a token expiring within two hours and stores the new one.
          if (found.tokens.botRefreshToken && this.authorize) token = (await this.authorize(queryFor(workspace))).botToken ?? token;
        }
      } catch (err) {
        if (err instanceof InstallationError) {
          this.logger.error({ platform: 'slack', workspace, code: err.code, error: err.message }, 'slack installation unreadable');
          return { ok: false, failure: { ok: false, kind: 'permanent', error: 'installation_unreadable' } };
        }
        // The store is down, or a refresh failed: worth another try later, never a reason to pause.
        this.logger.warn({ platform: 'slack', workspace, error: err instanceof Error ? err.name : 'error' }, 'slack installation lookup failed');
        return { ok: false, failure: { ok: false, kind: 'transient', error: 'installation_lookup_failed' } };
      }
      if (token !== undefined) return { ok: true, client: this.clientWith(workspace, token), installed: true };
    }
    if (this.defaultClient) return { ok: true, client: this.defaultClient, installed: false };
    return { ok: false, failure: { ok: false, kind: 'channel-unavailable', error: 'workspace_not_installed' } };
  }

  private clientWith(workspace: string, token: string): WebClient {
    const cached = this.clients.get(workspace);
    if (cached?.token === token) return cached.client;
    const client = new WebClient(token, this.clientOptions);
    this.clients.set(workspace, { token, client });
    return client;
  }
}
