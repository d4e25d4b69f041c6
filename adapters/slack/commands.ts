import type { App } from '@slack/bolt';
import { answerSlashCommand, ephemeral, slashCommandSchema, type SlackHandlerEnv } from './answer.js';

/** Slash commands we answer: `/sitrep` and its `/brief` alias. */
export const SLASH_COMMANDS = ['/sitrep', '/brief'] as const;

/**
 * `/sitrep …`: acknowledge at once (Slack's 3 s budget), then compute and answer through `respond()`.
 * The empty ack shows nothing; the answer arrives as an ephemeral message a moment later.
 */
export function registerCommands(app: App, env: SlackHandlerEnv): void {
  for (const name of SLASH_COMMANDS) {
    app.command(name, async ({ command, ack, respond }) => {
      await ack();
      const parsed = slashCommandSchema.safeParse(command);
      const reply = parsed.success
        ? await answerSlashCommand(parsed.data, env)
        : ephemeral(':warning: Slack sent a command I could not read. Try again.');
      try {
        await respond(reply);
      } catch (err) {
        // response_url expired (30 min) or Slack is down: nothing to show the user, so log it once.
        env.logger.warn({ platform: 'slack', command: name, error: err instanceof Error ? err.message : String(err) }, 'slack respond() failed');
      }
    });
  }
}
