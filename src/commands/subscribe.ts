import { isValidTimeZone } from '../config.js';
import type { DaysSpec } from '../store/store.js';
import { describeDays, parseClock, parseDays } from '../time/days.js';
import { clip } from '../time/duration.js';
import type { SubcommandDefinition } from './types.js';

interface SubscribeArgs {
  time: string;
  timezone: string;
  days: DaysSpec;
  skipEmpty: boolean;
}

/** `/sitrep subscribe HH:MM [timezone] [weekdays|daily|mon,wed]`: this channel's morning briefing. */
export const subscribe: SubcommandDefinition<SubscribeArgs> = {
  name: 'subscribe',
  description: "Post the briefing in this channel every morning at a local time",
  usage: '/sitrep subscribe HH:MM [timezone, e.g. Europe/Kyiv] [daily | weekdays | mon,wed,fri]',
  requiresManage: true,
  options: [
    { name: 'time', description: 'Local time, 24-hour HH:MM (e.g. 07:00)', required: true },
    { name: 'timezone', description: 'IANA time zone, e.g. Europe/Kyiv (default: UTC or your own)', required: false, autocomplete: 'timezone' },
    {
      name: 'days',
      description: 'Which days (default: daily)',
      required: false,
      choices: [
        { name: 'Every day', value: 'daily' },
        { name: 'Weekdays (Mon–Fri)', value: 'weekdays' },
      ],
    },
  ],
  fromWords(words) {
    const args: Record<string, string> = {};
    for (const w of words) {
      if (w.toLowerCase() === 'skip-empty') args.skipEmpty = 'true';
      else if (args.time === undefined && /^\d/.test(w)) args.time = w;
      else if (parseDays(w) !== undefined && args.days === undefined) args.days = w;
      else if (args.timezone === undefined) args.timezone = w;
      else return { error: `Too many arguments: "${clip(w)}"` };
    }
    return args;
  },
  parse(args, { defaultTimezone }) {
    if (args.time === undefined || args.time.trim() === '') return { ok: false, error: 'Missing the time: give a 24-hour HH:MM such as 07:00' };
    const time = parseClock(args.time);
    if (!time) return { ok: false, error: `"${clip(args.time)}" is not a time: use 24-hour HH:MM such as 07:00` };
    const timezone = args.timezone?.trim() || defaultTimezone || 'UTC';
    if (!isValidTimeZone(timezone)) return { ok: false, error: `"${clip(timezone)}" is not an IANA time zone: try Europe/Kyiv, America/New_York or UTC` };
    const days = args.days !== undefined && args.days.trim() !== '' ? parseDays(args.days) : 'daily';
    if (!days) return { ok: false, error: `"${clip(args.days ?? '')}" is not a day list: use daily, weekdays or mon,wed,fri` };
    return { ok: true, value: { time, timezone, days, skipEmpty: args.skipEmpty === 'true' } };
  },
  async execute(args, ctx) {
    const sub = await ctx.store.upsertSubscription({
      platform: ctx.platform,
      channel: ctx.channel,
      story: ctx.story.id,
      time: args.time,
      timezone: args.timezone,
      days: args.days,
      skipEmpty: args.skipEmpty,
      createdAt: ctx.now.toISOString(),
      ...(ctx.user !== undefined ? { createdBy: ctx.user } : {}),
      ...(ctx.workspace !== undefined ? { workspace: ctx.workspace } : {}),
    });
    return {
      kind: 'text',
      ephemeral: true,
      text: `Subscribed: this channel gets the "${ctx.story.title}" briefing at ${sub.time} ${sub.timezone}, ${describeDays(sub.days)}. Each one covers what changed since the previous one. Stop with /sitrep unsubscribe.`,
    };
  },
};
