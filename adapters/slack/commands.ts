import type { App } from '@slack/bolt';
import type { DeferredWork } from '../../src/http/deferred-work.js';
import { answerSlashCommand, ephemeral, slashCommandSchema, type EphemeralReply, type SlackHandlerEnv } from './answer.js';
import { postToResponseUrl } from './response-url.js';

/** Slash commands we answer: `/sitrep` and its `/brief` alias. */
export const SLASH_COMMANDS = ['/sitrep', '/brief'] as const;

/**
 * `/sitrep …`: acknowledge at once (Slack's 3 s budget), then compute and answer through the command's response_url.
 * The empty ack shows nothing; the answer arrives as an ephemeral message a moment later.
 */
export function registerCommands(app: App, env: SlackHandlerEnv, work: DeferredWork): void {
  for (const name of SLASH_COMMANDS) {
    app.command(name, async ({ command, ack, respond }) => {
      await ack();
      const reply = (message: EphemeralReply): Promise<unknown> =>
        typeof command.response_url === 'string' && /^https?:\/\//.test(command.response_url) ? postToResponseUrl(command.response_url, message) : respond(message);
      const answer = async (): Promise<void> => {
        const parsed = slashCommandSchema.safeParse(command);
        const answerMessage = parsed.success
          ? await answerSlashCommand(parsed.data, env)
          : ephemeral(':warning: Slack sent a command I could not read. Try again.');
        try {
          await reply(answerMessage);
        } catch (err) {
          // response_url expired (30 min) or Slack is down: nothing to show the user, so log it once.
          env.logger.warn({ platform: 'slack', command: name, error: err instanceof Error ? err.message : String(err) }, 'slack respond() failed');
        }
      };
      // The answer is built after the ack, off the path of the next acks; a flooded queue sheds load politely.
      if (!work.push(answer)) {
        env.logger.warn({ platform: 'slack', command: name, pending: work.size }, 'slack command queue full; asked the user to retry');
        await reply(ephemeral(':hourglass: sitrep is very busy right now. Please try again in a minute.')).catch(() => undefined);
      }
    });
  }
}
