import type { App, BlockButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { POST_TO_CHANNEL_ACTION, ephemeral, shareToChannel, type SlackHandlerEnv } from './answer.js';
import { workspaceIdOf } from './installations.js';

const buttonBodySchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  channel: z.object({ id: z.string().min(1) }).optional(),
  container: z.object({ channel_id: z.string().min(1).optional() }).optional(),
});

/** "Post to channel" on an ephemeral answer: post the same answer for everyone, then replace the ephemeral. */
export function registerActions(app: App, env: SlackHandlerEnv): void {
  app.action<BlockButtonAction>(POST_TO_CHANNEL_ACTION, async ({ ack, body, action, respond, context }) => {
    await ack();
    const parsed = buttonBodySchema.safeParse(body);
    const channel = parsed.success ? (parsed.data.channel?.id ?? parsed.data.container?.channel_id) : undefined;
    if (!parsed.success || !channel) {
      await safeRespond(respond, ephemeral(':warning: I could not tell which channel to post in.'), env);
      return;
    }
    // Bolt's authorize resolved the clicker's workspace; the post goes out with that workspace's token.
    const workspace = workspaceIdOf(context);
    const result = await shareToChannel(action.value ?? '', channel, parsed.data.user.id, env, workspace);
    const reply = result.ok
      ? { ...ephemeral(':white_check_mark: Posted to the channel.'), replace_original: true }
      : { ...result.reply, replace_original: false };
    await safeRespond(respond, reply, env);
  });
}

async function safeRespond(respond: (msg: object) => Promise<unknown>, msg: object, env: SlackHandlerEnv): Promise<void> {
  try {
    await respond(msg);
  } catch (err) {
    env.logger.warn({ platform: 'slack', error: err instanceof Error ? err.message : String(err) }, 'slack respond() failed');
  }
}
