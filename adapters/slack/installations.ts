import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { z } from 'zod';
import { SLACK_INSTALLATION_TOKENS_INFO, TokenBox } from '../../src/secrets/token-box.js';
import type { SlackInstallation, Store } from '../../src/store/store.js';

/** What an installation's sealed tokens hold. */
export interface InstallationTokens {
  botToken: string;
  /** With token rotation on: the refresh token and when the bot token expires (Unix seconds). */
  botRefreshToken?: string;
  botTokenExpiresAt?: number;
}

const tokensSchema = z.object({
  botToken: z.string().min(1),
  botRefreshToken: z.string().min(1).optional(),
  botTokenExpiresAt: z.number().int().optional(),
});

/** Where a request or subscription belongs, as Bolt describes it. */
export interface WorkspaceRef {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

/**
 * The id an installation is stored under, and that subscriptions record as their workspace: the org id for an
 * org-wide (Enterprise Grid) install, else the team id. Undefined when the payload names neither.
 */
export function workspaceIdOf(ref: WorkspaceRef): string | undefined {
  if (ref.isEnterpriseInstall && ref.enterpriseId) return ref.enterpriseId;
  return ref.teamId || undefined;
}

/** The Bolt query for a stored workspace id (org ids start with E, team ids with T). */
export function queryFor(workspace: string): InstallationQuery<boolean> {
  return workspace.startsWith('E')
    ? { enterpriseId: workspace, teamId: undefined, isEnterpriseInstall: true }
    : { teamId: workspace, enterpriseId: undefined, isEnterpriseInstall: false };
}

/**
 * Slack installations over the Store, with their tokens sealed (AES-256-GCM under a key derived from
 * SITREP_SECRET_KEY) before they reach it and opened only when a token is needed. The installation id is the
 * sealed value's associated data, so a token copied onto another workspace's row does not open.
 */
export class SlackInstallations {
  private readonly box: TokenBox;

  constructor(
    private readonly store: Store,
    secretKey: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.box = new TokenBox(secretKey, SLACK_INSTALLATION_TOKENS_INFO);
  }

  /** Save (or replace, on a re-install or token refresh) what Bolt's installer produced. User tokens are never kept. */
  async save(installation: Installation): Promise<SlackInstallation> {
    const id = workspaceIdOf({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall });
    if (!id) throw new InstallationError('INSTALL_NO_WORKSPACE', 'the installation names no workspace or org');
    const bot = installation.bot;
    if (!bot?.token) throw new InstallationError('INSTALL_NO_BOT_TOKEN', `the installation in ${id} has no bot token (the app must request bot scopes)`);
    const tokens: InstallationTokens = { botToken: bot.token };
    if (bot.refreshToken) tokens.botRefreshToken = bot.refreshToken;
    if (typeof bot.expiresAt === 'number') tokens.botTokenExpiresAt = bot.expiresAt;
    const now = this.clock().toISOString();
    const record: SlackInstallation = {
      id,
      isEnterpriseInstall: installation.isEnterpriseInstall === true,
      botScopes: bot.scopes ?? [],
      sealedTokens: this.box.seal(JSON.stringify(tokens), id),
      installedAt: now,
      updatedAt: now,
    };
    if (installation.team?.id) record.teamId = installation.team.id;
    if (installation.team?.name) record.teamName = installation.team.name;
    if (installation.enterprise?.id) record.enterpriseId = installation.enterprise.id;
    if (installation.enterprise?.name) record.enterpriseName = installation.enterprise.name;
    if (installation.appId) record.appId = installation.appId;
    if (bot.id) record.botId = bot.id;
    if (bot.userId) record.botUserId = bot.userId;
    if (installation.user?.id) record.installedBy = installation.user.id;
    await this.store.saveInstallation(record);
    return record;
  }

  /**
   * The installation for a workspace id with its tokens opened, or undefined when the app is not installed there.
   * Throws {@link InstallationError} `INSTALL_UNREADABLE` when the tokens do not open (SITREP_SECRET_KEY changed).
   */
  async read(workspace: string): Promise<{ record: SlackInstallation; tokens: InstallationTokens } | undefined> {
    const record = await this.store.getInstallation(workspace);
    if (!record) return undefined;
    let tokens: InstallationTokens;
    try {
      tokens = tokensSchema.parse(JSON.parse(this.box.open(record.sealedTokens, record.id))) as InstallationTokens;
    } catch {
      throw new InstallationError('INSTALL_UNREADABLE', `the stored tokens of Slack workspace ${workspace} do not open with SITREP_SECRET_KEY (was it changed?); reinstall the app there`);
    }
    return { record, tokens };
  }

  remove(workspace: string): Promise<boolean> {
    return this.store.deleteInstallation(workspace);
  }
}

/** An expected installation failure; messages name the workspace, never a token. */
export class InstallationError extends Error {
  constructor(
    readonly code: 'INSTALL_NO_WORKSPACE' | 'INSTALL_NO_BOT_TOKEN' | 'INSTALL_UNREADABLE' | 'INSTALL_NOT_FOUND',
    message: string,
  ) {
    super(message);
    this.name = 'InstallationError';
  }
}

/** SLACK_BOT_TOKEN with what auth.test said about it, for workspaces that have no installation of their own. */
export interface FallbackBot {
  token: string;
  botId?: string;
  botUserId?: string;
}

/**
 * Bolt's InstallationStore over {@link SlackInstallations}: the OAuth callback stores through it, and Bolt's
 * authorize reads it for every incoming request, so listeners get the request's own workspace token. A workspace
 * without an installation is served by SLACK_BOT_TOKEN when one is configured (`fallback()`), else refused.
 */
export function boltInstallationStore(
  installations: SlackInstallations,
  hooks: { fallback?: () => FallbackBot | undefined; onSaved?: (record: SlackInstallation) => Promise<void> | void } = {},
): InstallationStore {
  return {
    async storeInstallation(installation) {
      const record = await installations.save(installation as Installation);
      await hooks.onSaved?.(record);
    },
    async fetchInstallation(query) {
      const id = workspaceIdOf(query);
      const found = id ? await installations.read(id) : undefined;
      if (found) return toBoltInstallation(found.record, found.tokens);
      const fallback = hooks.fallback?.();
      if (fallback)
        return {
          team: query.teamId ? { id: query.teamId } : undefined,
          enterprise: query.enterpriseId ? { id: query.enterpriseId } : undefined,
          user: { id: '', token: undefined, scopes: undefined },
          bot: { token: fallback.token, id: fallback.botId ?? '', userId: fallback.botUserId ?? '', scopes: [] },
          isEnterpriseInstall: query.isEnterpriseInstall,
          authVersion: 'v2',
        } as Installation<'v2', boolean>;
      throw new InstallationError('INSTALL_NOT_FOUND', `sitrep is not installed in Slack workspace ${id ?? '(none named)'}`);
    },
    async deleteInstallation(query) {
      const id = workspaceIdOf(query);
      if (id) await installations.remove(id);
    },
  };
}

function toBoltInstallation(r: SlackInstallation, t: InstallationTokens): Installation<'v2', boolean> {
  return {
    team: r.teamId ? { id: r.teamId, ...(r.teamName ? { name: r.teamName } : {}) } : undefined,
    enterprise: r.enterpriseId ? { id: r.enterpriseId, ...(r.enterpriseName ? { name: r.enterpriseName } : {}) } : undefined,
    user: { id: r.installedBy ?? '', token: undefined, scopes: undefined },
    bot: {
      token: t.botToken,
      id: r.botId ?? '',
      userId: r.botUserId ?? '',
      scopes: r.botScopes,
      ...(t.botRefreshToken ? { refreshToken: t.botRefreshToken } : {}),
      ...(t.botTokenExpiresAt !== undefined ? { expiresAt: t.botTokenExpiresAt } : {}),
    },
    ...(r.appId ? { appId: r.appId } : {}),
    tokenType: 'bot',
    isEnterpriseInstall: r.isEnterpriseInstall,
    authVersion: 'v2',
  } as Installation<'v2', boolean>;
}
