import { z } from 'zod';
import { deliveryTarget } from '../../delivery/target.js';
import { parseFlagsWith, usageError } from '../args.js';
import { createRuntime } from '../runtime.js';
import { EXIT, type CliCommand, type CliIo } from '../types.js';

const USAGE = 'sitrep unsubscribe --to slack:CHANNEL_ID|discord:CHANNEL_ID [--story ID] [--data DIR] [--db FILE]';

const flags = {
  db: { type: 'string' },
  data: { type: 'string' },
  to: { type: 'string' },
  story: { type: 'string' },
} as const;

const argsSchema = z.object({
  to: z.string({ error: 'is required (e.g. --to slack:C0123456789)' }).pipe(deliveryTarget),
  story: z.string().trim().min(1).optional(),
});

/** `sitrep unsubscribe`: stop a channel's scheduled briefings (all its stories, or one with --story). */
export const command: CliCommand = {
  name: 'unsubscribe',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseFlagsWith(argv, flags, argsSchema);
    if (!parsed.ok) return usage(io, parsed.error);
    const { to, story } = parsed.args;

    const rt = await createRuntime(io, { db: parsed.values.db, data: parsed.values.data });
    if (!rt.ok) return rt.code;
    try {
      const n = await rt.runtime.store.removeSubscription(to.platform, to.channel, story);
      const where = `${to.platform}:${to.channel}${story ? ` (story ${story})` : ''}`;
      // Removing nothing is not an error: the end state the caller asked for holds.
      io.stdout(n > 0 ? `Removed ${n} subscription${n === 1 ? '' : 's'} for ${where}.\n` : `No subscription for ${where}; nothing removed.\n`);
      return EXIT.ok;
    } finally {
      await rt.runtime.close();
    }
  },
};

function usage(io: CliIo, error: string): number {
  return usageError(io, 'unsubscribe', USAGE, error);
}
