import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../../src/log.js';
import type { Store } from '../../src/store/store.js';
import { workspaceIdOf } from './installations.js';

export type WorkspaceGoneEvent = 'app_uninstalled' | 'tokens_revoked';

export interface WorkspaceGoneDeps {
  store: Store;
  logger: Logger;
  /** The workspace SLACK_BOT_TOKEN belongs to (from auth.test at start), if one is configured. */
  fallbackWorkspace?: () => string | undefined;
}

/** The reason `sitrep subscriptions` shows for a subscription paused because its workspace went away. */
export function workspaceGoneReason(event: WorkspaceGoneEvent, workspace: string): string {
  return event === 'app_uninstalled'
    ? `sitrep was uninstalled from Slack workspace ${workspace}; reinstall it, then /sitrep subscribe in this channel to resume`
    : `sitrep's bot token was revoked in Slack workspace ${workspace}; reinstall it, then /sitrep subscribe in this channel to resume`;
}

/**
 * The app was uninstalled from a workspace, or its bot token revoked: forget the workspace's tokens and pause its
 * subscriptions with a reason. When it is SLACK_BOT_TOKEN's workspace, the subscriptions that record no workspace
 * (they post with that token, now dead too) are paused as well. Idempotent: Slack may deliver an event twice.
 */
export async function workspaceGone(deps: WorkspaceGoneDeps, workspace: string, event: WorkspaceGoneEvent): Promise<{ removed: boolean; paused: number }> {
  const reason = workspaceGoneReason(event, workspace);
  const removed = await deps.store.deleteInstallation(workspace);
  let paused = await deps.store.pauseWorkspace('slack', workspace, reason);
  if (deps.fallbackWorkspace?.() === workspace) paused += await deps.store.pauseWorkspace('slack', null, reason);
  deps.logger.warn({ platform: 'slack', workspace, event, removedInstallation: removed, paused }, 'slack workspace gone: its tokens are removed and its subscriptions paused');
  return { removed, paused };
}

const tokensRevokedSchema = z.object({ tokens: z.object({ bot: z.array(z.string()).optional(), oauth: z.array(z.string()).optional() }).optional() });

/**
 * `app_uninstalled` and `tokens_revoked` (Events API; Bolt checks their signatures and skips authorize for them,
 * since the tokens are already dead). A `tokens_revoked` that names only user tokens changes nothing: sitrep keeps none.
 */
export function registerUninstallEvents(app: App, deps: WorkspaceGoneDeps): void {
  app.event('app_uninstalled', async ({ context }) => {
    const workspace = workspaceIdOf(context);
    if (workspace) await workspaceGone(deps, workspace, 'app_uninstalled');
  });
  app.event('tokens_revoked', async ({ context, event }) => {
    const workspace = workspaceIdOf(context);
    const parsed = tokensRevokedSchema.safeParse(event);
    const bots = parsed.success ? (parsed.data.tokens?.bot ?? []) : [];
    if (workspace && bots.length > 0) await workspaceGone(deps, workspace, 'tokens_revoked');
    else deps.logger.info({ platform: 'slack', workspace }, 'slack tokens_revoked named no bot token; nothing to do');
  });
}
