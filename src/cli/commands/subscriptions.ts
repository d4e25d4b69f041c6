import { z } from 'zod';
import { deliveryTarget } from '../../delivery/target.js';
import type { Subscription } from '../../store/store.js';
import { describeDays } from '../../time/days.js';
import { parseFlagsWith, usageError } from '../args.js';
import { createRuntime } from '../runtime.js';
import { EXIT, type CliCommand, type CliIo } from '../types.js';

const USAGE = 'sitrep subscriptions [--to slack:CHANNEL_ID|discord:CHANNEL_ID] [--story ID] [--format text|json] [--data DIR] [--db FILE]';

const flags = {
  db: { type: 'string' },
  data: { type: 'string' },
  to: { type: 'string' },
  story: { type: 'string' },
  format: { type: 'string' },
} as const;

const argsSchema = z.object({
  to: deliveryTarget.optional(),
  story: z.string().trim().min(1).optional(),
  format: z.enum(['text', 'json'], { error: 'must be text or json' }).default('text'),
});

/** `sitrep subscriptions`: every scheduled briefing, including paused ones and why they are paused. */
export const command: CliCommand = {
  name: 'subscriptions',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseFlagsWith(argv, flags, argsSchema);
    if (!parsed.ok) return usage(io, parsed.error);
    const a = parsed.args;

    const rt = await createRuntime(io, { db: parsed.values.db, data: parsed.values.data });
    if (!rt.ok) return rt.code;
    try {
      const subs = await rt.runtime.store.listSubscriptions({
        includePaused: true,
        ...(a.to ? { platform: a.to.platform, channel: a.to.channel } : {}),
        ...(a.story ? { story: a.story } : {}),
      });
      if (a.format === 'json') io.stdout(`${JSON.stringify(subs, null, 2)}\n`);
      else io.stdout(formatText(subs));
      return EXIT.ok;
    } finally {
      await rt.runtime.close();
    }
  },
};

function formatText(subs: readonly Subscription[]): string {
  if (subs.length === 0) return 'No scheduled briefings. Add one with: sitrep subscribe --to slack:C0123456789 --at 07:00 --tz Europe/Kyiv\n';
  const lines = subs.map((s) => {
    const extras = [
      describeDays(s.days),
      s.questions ? `questions: ${s.questions.join(', ')}` : undefined,
      s.skipEmpty ? 'skip-empty' : undefined,
      s.workspace ? `workspace ${s.workspace}` : undefined,
      s.paused ? `PAUSED${s.pausedReason ? ` (${s.pausedReason})` : ''}` : undefined,
    ].filter((x): x is string => x !== undefined);
    return `${s.platform}:${s.channel}  ${s.story}  ${s.time} ${s.timezone}  ${extras.join(', ')}`;
  });
  return `${lines.join('\n')}\n`;
}

function usage(io: CliIo, error: string): number {
  return usageError(io, 'subscriptions', USAGE, error);
}
