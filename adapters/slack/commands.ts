import { ServerResponse } from 'node:http';
import type { App } from '@slack/bolt';
import { MinuteMemo } from '../../src/store/minute-memo.js';
import type { DeferredWork } from '../../src/http/deferred-work.js';
import { answerSlashCommand, ephemeral, readyAnswer, slashCommandSchema, type EphemeralReply, type PreparedReply, type SlackHandlerEnv } from './answer.js';
import { postToResponseUrl } from './response-url.js';

/**
 * Context key under which HTTP mode hands listeners the request's response (Socket Mode has none): an answer kept
 * in memory is sent as the JSON it was serialised to once, instead of Bolt serialising it again on every ack.
 */
export const HTTP_RESPONSE = 'sitrepHttpResponse';

/** Slash commands we answer: `/sitrep` and its `/brief` alias. */
export const SLASH_COMMANDS = ['/sitrep', '/brief'] as const;

/**
 * `/sitrep …`: acknowledge at once (Slack's 3 s budget). An answer to a read-only command already computed this
 * minute, against an unchanged store, goes out in the acknowledgement itself; anything else is acknowledged empty,
 * then computed off the path of the next acknowledgements and sent through the command's response_url.
 */
export function registerCommands(app: App, env: SlackHandlerEnv, work: DeferredWork): void {
  const memo = new MinuteMemo<PreparedReply>();
  // One listener for both names: Bolt runs every listener's matcher on every request.
  app.command(new RegExp(`^(?:${SLASH_COMMANDS.map((c) => c.replace('/', '\\/')).join('|')})$`), async ({ command, ack, respond, context }) => {
    const name = command.command;
    const parsed = slashCommandSchema.safeParse(command);
    if (!parsed.success) {
      await ack(ephemeral(':warning: Slack sent a command I could not read. Try again.'));
      return;
    }
    const ready = await readyAnswer(parsed.data, env, memo);
    if (ready) {
      const res: unknown = context[HTTP_RESPONSE];
      if (res instanceof ServerResponse && !res.headersSent) {
        // Bolt writes a string ack as it is, keeping headers already set: this one is JSON.
        res.setHeader('content-type', 'application/json; charset=utf-8');
        await ack(ready.json);
      } else await ack(ready.message);
      return;
    }
    await ack();
    const reply = (message: EphemeralReply): Promise<unknown> =>
      typeof command.response_url === 'string' && /^https?:\/\//.test(command.response_url) ? postToResponseUrl(command.response_url, message) : respond(message);
    const answer = async (): Promise<void> => {
      const answerMessage = await answerSlashCommand(parsed.data, env, memo);
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
