import { z } from 'zod';
import { isValidTimeZone } from '../../config.js';
import { deliveryTarget, slackWorkspace } from '../../delivery/target.js';
import { describeDays, parseClock, parseDays } from '../../time/days.js';
import { clip } from '../../time/duration.js';
import { dataFlags, parseFlagsWith, usageError } from '../args.js';
import { createRuntime } from '../runtime.js';
import { EXIT, type CliCommand, type CliIo } from '../types.js';

const USAGE =
  'sitrep subscribe --to slack:CHANNEL_ID|discord:CHANNEL_ID --at HH:MM [--tz Europe/Kyiv] [--days daily|weekdays|mon-fri|mon,wed,fri] [--story ID] [--questions a,b] [--skip-empty] [--workspace SLACK_TEAM_ID] [--data DIR] [--db FILE]';

const flags = {
  ...dataFlags,
  to: { type: 'string' },
  at: { type: 'string' },
  tz: { type: 'string' },
  days: { type: 'string' },
  questions: { type: 'string' },
  'skip-empty': { type: 'boolean' },
  workspace: { type: 'string' },
} as const;

const argsSchema = z.object({
  to: z.string({ error: 'is required (e.g. --to slack:C0123456789)' }).pipe(deliveryTarget),
  at: z
    .string({ error: 'is required: a 24-hour local time such as 07:00' })
    .transform((s, ctx) => parseClock(s) ?? (ctx.addIssue({ code: 'custom', message: `"${clip(s)}" is not a 24-hour time such as 07:00` }), z.NEVER)),
  tz: z
    .string()
    .trim()
    .refine(isValidTimeZone, { error: (i) => `"${clip(String(i.input))}" is not an IANA time zone: try Europe/Kyiv, America/New_York or UTC` })
    .optional(),
  days: z
    .string()
    .default('daily')
    .transform((s, ctx) => parseDays(s) ?? (ctx.addIssue({ code: 'custom', message: `"${clip(s)}" is not a day list: use daily, weekdays, mon-fri or mon,wed,fri` }), z.NEVER)),
  questions: z
    .string()
    .transform((s) => s.split(',').map((q) => q.trim()).filter(Boolean))
    .optional(),
  'skip-empty': z.boolean().default(false),
  workspace: slackWorkspace.optional(),
}).refine((a) => a.workspace === undefined || a.to.platform === 'slack', { path: ['workspace'], message: 'is for Slack channels only' });

/** `sitrep subscribe`: schedule a channel's daily briefing (one per channel and story; a second call replaces it). */
export const command: CliCommand = {
  name: 'subscribe',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseFlagsWith(argv, flags, argsSchema);
    if (!parsed.ok) return usage(io, parsed.error);
    const v = parsed.values;
    const a = parsed.args;

    const rt = await createRuntime(io, { data: v.data, db: v.db, story: v.story });
    if (!rt.ok) return rt.code;
    const { store, story, config } = rt.runtime;
    try {
      const known = new Set(story.questions.map((q) => q.id));
      const unknown = (a.questions ?? []).filter((q) => !known.has(q));
      if (unknown.length > 0) return usage(io, `--questions: unknown question "${clip(unknown[0] ?? '')}" (questions: ${[...known].join(', ')})`);
      const timezone = a.tz ?? config.timezone;
      const sub = await store.upsertSubscription({
        platform: a.to.platform,
        channel: a.to.channel,
        story: story.id,
        time: a.at,
        timezone,
        days: a.days,
        skipEmpty: a['skip-empty'],
        createdAt: io.now().toISOString(),
        createdBy: 'cli',
        ...(a.questions && a.questions.length > 0 ? { questions: a.questions } : {}),
        ...(a.workspace !== undefined ? { workspace: a.workspace } : {}),
      });
      io.stdout(
        `Subscribed ${sub.platform}:${sub.channel}${sub.workspace ? ` (workspace ${sub.workspace})` : ''} to the "${story.title}" briefing at ${sub.time} ${sub.timezone}, ${describeDays(sub.days)}` +
          `${sub.questions ? ` (questions: ${sub.questions.join(', ')})` : ''}${sub.skipEmpty ? ', skipped when there is nothing new' : ''}.\n`,
      );
      return EXIT.ok;
    } finally {
      await rt.runtime.close();
    }
  },
};

function usage(io: CliIo, error: string): number {
  return usageError(io, 'subscribe', USAGE, error);
}
