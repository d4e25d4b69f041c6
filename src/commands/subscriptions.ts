import { describeDays } from '../time/days.js';
import type { SubcommandDefinition } from './types.js';

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
    return { kind: 'subscriptions', subscriptions: subs, text };
  },
};
