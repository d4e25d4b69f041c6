import { z } from 'zod';
import { deliverDue, releaseDeliveryLease, type DeliverSummary } from '../../delivery/deliver.js';
import { drainMessages, type MessageSummary } from '../../delivery/messages.js';
import { HttpRouter } from '../../http/router.js';
import type { PlatformRuntime } from '../../platform.js';
import { dataFlags, parseFlagsWith, resolveNow, usageError } from '../args.js';
import { configuredPlatforms, createPlatforms } from '../platforms.js';
import { createRuntime } from '../runtime.js';
import { signalExitCode, watchStopSignals, type StopSignal } from '../stop-signals.js';
import { EXIT, type CliCommand, type CliIo } from '../types.js';

const USAGE = 'sitrep deliver [--now ISO] [--format text|json] [--data DIR] [--db FILE]';

const flags = {
  ...dataFlags,
  now: { type: 'string' },
  format: { type: 'string' },
} as const;

const argsSchema = z.object({
  format: z.enum(['text', 'json'], { error: 'must be text or json' }).default('text'),
});

/**
 * `sitrep deliver`: one delivery pass, then exit — for cron/systemd timers instead of `sitrep start`, and for
 * tests. Idempotent: a second run at the same `--now` posts nothing. Exit 1 when any delivery failed.
 */
export const command: CliCommand = {
  name: 'deliver',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseFlagsWith(argv, flags, argsSchema);
    if (!parsed.ok) return usage(io, parsed.error);
    const v = parsed.values;
    const { format } = parsed.args;
    const now = resolveNow(v.now, io.now);
    if (!now.ok) return usage(io, now.error);

    const rt = await createRuntime(io, { data: v.data, db: v.db, story: v.story });
    if (!rt.ok) return rt.code;
    const { config, store, logger, stories } = rt.runtime;
    let runtimes: PlatformRuntime[] = [];
    try {
      if (configuredPlatforms(config).length === 0) {
        io.stderr('sitrep deliver: no chat platform is configured: set SLACK_BOT_TOKEN and/or DISCORD_TOKEN (see .env.example)\n');
        return EXIT.failure;
      }
      // Never listened on, and the platforms are never started: a one-shot pass only posts.
      const created = await createPlatforms(rt.runtime, { http: new HttpRouter(), clock: () => now.now });
      runtimes = created.runtimes;
      const adapters = created.adapters;
      // A stop signal (systemd stopping the timer's unit, say): claim no more jobs and let the posts on the wire
      // finish. Still running 10 s later, or a second signal: release the delivery lease and exit at once, leaving
      // those posts in-flight for the next pass to resolve (README "Running it as a service").
      let stopping = false;
      const giveUp = (signal: StopSignal) => {
        logger.warn({ signal }, 'exiting before the posts in flight finished; the next pass resolves them');
        void releaseDeliveryLease(store).finally(() => process.exit(signalExitCode(signal)));
      };
      const signals = watchStopSignals({ onForce: giveUp });
      void signals.requested.then((signal) => {
        stopping = true;
        logger.info({ signal }, 'stopping: no new deliveries; waiting for the posts in flight');
        setTimeout(() => giveUp(signal), 10_000).unref();
      });
      let summary: DeliverSummary;
      let messages: MessageSummary | undefined;
      try {
        summary = await deliverDue({ store, adapters, stories, now: now.now, logger, catchupMaxMs: config.catchupMaxMs, leaseTtlMs: config.leaseTtlMs, shouldStop: () => stopping });
        // Then the message outbox: review posts queued by `sitrep ingest`, corrections, follow alerts.
        if (!summary.lockedOut && !stopping)
          messages = await drainMessages({ store, adapters, stories, logger, now: () => now.now, timezone: config.timezone, leaseTtlMs: config.leaseTtlMs });
      } finally {
        signals.dispose();
      }
      if ((summary.lockedOut || messages?.lockedOut) && format === 'text') {
        io.stdout('another sitrep process is delivering from this database; nothing done\n');
        return EXIT.ok;
      }
      if (format === 'json') io.stdout(`${JSON.stringify({ ...summary, ...(messages ? { messages } : {}) }, null, 2)}\n`);
      else io.stdout(formatText(summary, now.now, messages));
      return summary.failed > 0 || summary.leftInFlight > 0 || (messages?.failed ?? 0) > 0 ? EXIT.failure : EXIT.ok;
    } finally {
      for (const r of runtimes) await r.stop().catch(() => undefined);
      await rt.runtime.close();
    }
  },
};

function formatText(s: DeliverSummary, now: Date, m?: MessageSummary): string {
  const lines = s.deliveries
    .filter((d) => d.outcome !== 'already-done' && d.outcome !== 'elsewhere')
    .map((d) => `${d.outcome.padEnd(9)} ${d.key}${d.delayed && d.outcome === 'sent' ? ' (delayed)' : ''}${d.error ? ` — ${d.error}` : ''}`);
  const total = `${s.sent} sent, ${s.recovered} recovered, ${s.failed} failed, ${s.skipped} skipped${s.elsewhere > 0 ? `, ${s.elsewhere} held by other replicas` : ''}`;
  const messageLines = (m?.reports ?? []).map((r) => `${r.outcome.padEnd(9)} ${r.key}${r.error ? ` — ${r.error}` : ''}`);
  const messages = messageLines.length > 0 ? `${messageLines.join('\n')}\nmessages: ${m?.sent ?? 0} sent, ${m?.failed ?? 0} failed, ${m?.skipped ?? 0} skipped.\n` : '';
  if (lines.length === 0) return `Nothing due at ${now.toISOString()}.\n${messages}`;
  return `${lines.join('\n')}\n${total}.\n${messages}`;
}

function usage(io: CliIo, error: string): number {
  return usageError(io, 'deliver', USAGE, error);
}
