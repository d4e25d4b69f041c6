import { describeDays } from '../time/days.js';
import type { SubcommandDefinition } from './types.js';
import { questionLabel } from '../records/question-label.js';

/** `/sitrep subscriptions`: this channel's scheduled briefings. */
export const subscriptions: SubcommandDefinition<Record<string, never>> = {
  name: 'subscriptions',
  readOnly: true,
  description: "This channel's scheduled briefings",
  usage: '/sitrep subscriptions',
  options: [],
  parse: () => ({ ok: true, value: {} }),
  async execute(_args, ctx) {
    const subs = await ctx.store.listSubscriptions({ platform: ctx.platform, channel: ctx.channel });
    const lines = subs.map(
      (s) => `• ${s.story}: ${s.time} ${s.timezone}, ${describeDays(s.days)}${s.skipEmpty ? ', skipped when empty' : ''}${s.paused ? ` — PAUSED${s.pausedReason ? ` (${s.pausedReason})` : ''}` : ''}`,
    );
    const text = subs.length === 0 ? 'No scheduled briefings in this channel. Add one with /sitrep subscribe 07:00 Europe/Kyiv weekdays' : ['Scheduled briefings in this channel:', ...lines].join('\n');
    const follows = await ctx.store.listFollows({ platform: ctx.platform, channel: ctx.channel, story: ctx.story.id });
    const label = (id: string) => questionLabel(ctx.story, id);
    const following = follows.length > 0 ? `\nFollowing (alerts when the status changes): ${follows.map((f) => label(f.question)).join(', ')}` : '';
    return { kind: 'subscriptions', subscriptions: subs, text: `${text}${following}` };
  },
};
