import type { SubcommandDefinition } from './types.js';

/** `/sitrep unsubscribe`: stop this channel's scheduled briefing. */
export const unsubscribe: SubcommandDefinition<Record<string, never>> = {
  name: 'unsubscribe',
  description: "Stop this channel's scheduled briefing",
  usage: '/sitrep unsubscribe',
  requiresManage: true,
  options: [],
  parse: () => ({ ok: true, value: {} }),
  async execute(_args, ctx) {
    const n = await ctx.store.removeSubscription(ctx.platform, ctx.channel, ctx.story.id);
    return {
      kind: 'text',
      ephemeral: true,
      text: n > 0 ? `Unsubscribed: no more scheduled "${ctx.story.title}" briefings in this channel.` : 'This channel had no scheduled briefing.',
    };
  },
};
