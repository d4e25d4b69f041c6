import type { CommandContext } from '../../commands/types.js';
import { runCommandText } from '../../commands/run.js';
import { startScheduler, type SchedulerHandle } from '../../delivery/scheduler.js';
import { HttpRouter } from '../../http/router.js';
import type { PlatformRuntime } from '../../platform.js';
import { renderResultText } from '../../render/text.js';
import { dataFlags, parseFlags, resolveNow } from '../args.js';
import { loadPlatformModule } from '../load-platform.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { EXIT, type CliCommand, type CliIo } from '../types.js';
import { registerOpsRoutes } from '../ops-routes.js';
import { configuredPlatforms, createPlatforms } from '../platforms.js';
import { startFeedPolling } from '../feed-polling.js';
import { registerPageRoutes } from '../../page/routes.js';
import { signalExitCode, watchStopSignals } from '../stop-signals.js';
import { reviewIngestHook } from '../../review/ingest-hook.js';

const USAGE = 'sitrep start [--once] [--now ISO] [--story ID] [--data DIR] [--db FILE]';

/**
 * `sitrep start`: run the bot. With Slack and/or Discord configured it connects them, serves HTTP on PORT
 * and runs the scheduler; with no tokens it is the console adapter (print, then answer typed commands).
 */
export const command: CliCommand = {
  name: 'start',
  usage: USAGE,
  async run(argv, io) {
    const flags = parseFlags(argv, { ...dataFlags, once: { type: 'boolean' }, now: { type: 'string' } });
    if (!flags.ok) {
      io.stderr(`sitrep start: ${flags.error}\nUsage: ${USAGE}\n`);
      return EXIT.usage;
    }
    const f = flags.value.values;
    const fixedNow = resolveNow(f.now, io.now);
    if (!fixedNow.ok) {
      io.stderr(`sitrep start: ${fixedNow.error}\nUsage: ${USAGE}\n`);
      return EXIT.usage;
    }
    const clock = f.now !== undefined ? () => fixedNow.now : io.now;
    const rt = await createRuntime(io, { data: f.data, db: f.db, story: f.story });
    if (!rt.ok) return rt.code;
    const { config } = rt.runtime;
    if (!config.slack && !config.discord) return runConsole(rt.runtime, io, clock, f.once === true);
    return runPlatforms(rt.runtime, io, clock);
  },
};

async function runConsole(rt: Runtime, io: CliIo, clock: () => Date, once: boolean): Promise<number> {
  const context = (): CommandContext => ({
    store: rt.store,
    now: clock(),
    story: rt.story,
    platform: 'console',
    channel: 'console',
    canManage: true,
    defaultTimezone: rt.config.timezone,
  });
  try {
    io.stdout(`${renderResultText(await runCommandText('brief', context()))}\n\n`);
    if (once || !io.stdin) return EXIT.ok;
    const { runConsoleSession } = await loadConsole();
    const interactive = (io.stdin as NodeJS.ReadStream).isTTY === true;
    if (interactive) io.stdout('Type /brief, /brief territory, /questions or /help (Ctrl-D to quit).\n');
    await runConsoleSession({ input: io.stdin, write: io.stdout, context, prompt: interactive });
    return EXIT.ok;
  } finally {
    await rt.close();
  }
}

async function loadConsole(): Promise<{ runConsoleSession: typeof import('../../../adapters/console/session.js').runConsoleSession }> {
  const mod = (await loadPlatformModule('console')) as unknown as { runConsoleSession?: typeof import('../../../adapters/console/session.js').runConsoleSession };
  if (typeof mod.runConsoleSession !== 'function') throw new Error('adapters/console does not export runConsoleSession');
  return { runConsoleSession: mod.runConsoleSession };
}

async function runPlatforms(rt: Runtime, io: CliIo, clock: () => Date): Promise<number> {
  const { config, logger, store } = rt;
  let scheduler: SchedulerHandle | undefined;
  // Watched from here on, so a stop asked for while the platforms connect is kept. A second signal during the
  // shutdown exits at once: whatever is in flight stays in the outbox for the next start (README "How delivery works").
  const signals = watchStopSignals({
    onForce: (signal) => {
      logger.warn({ signal }, 'second stop signal: exiting now; posts in flight are resolved by the next start');
      void (scheduler?.abandon() ?? Promise.resolve()).finally(() => process.exit(signalExitCode(signal)));
    },
  });
  const http = new HttpRouter();
  const wanted = configuredPlatforms(config);
  let runtimes: PlatformRuntime[] = [];
  const ops = registerOpsRoutes(http, { store, platforms: () => runtimes, logger });
  registerPageRoutes(http, { store, stories: rt.stories, secretKey: config.secretKey, clock, logger });
  // Review actions in chat queue messages (review updates, corrections, alerts): the scheduler posts them at once.
  let kick: () => void = () => undefined;
  const onQueued = () => kick();
  const created = await createPlatforms(rt, { http, clock, metrics: ops.metrics, onQueued });
  runtimes = created.runtimes;
  const adapters = created.adapters;

  let port: number;
  try {
    port = await http.listen(config.port);
    logger.info({ port, platforms: wanted }, 'http listening');
    for (const r of runtimes) {
      await r.start();
      logger.info({ platform: r.platform }, 'platform ready');
    }
  } catch (err) {
    // A bad token, a taken port or an unreachable API: say which, clean up, and exit non-zero (no stack).
    signals.dispose();
    io.stderr(`sitrep start: ${err instanceof Error ? err.message : String(err)}\n`);
    for (const r of runtimes) await r.stop().catch(() => undefined);
    await http.close();
    await rt.close();
    return EXIT.failure;
  }

  let feeds: { stop(): Promise<void> } | undefined;
  if (!signals.isRequested()) {
    scheduler = startScheduler({
      store,
      adapters,
      stories: rt.stories,
      logger,
      catchupMaxMs: config.catchupMaxMs,
      leaseTtlMs: config.leaseTtlMs,
      // A pass now, not at the next minute: a restart resolves what the last run left in flight, and catches up on
      // what came due while it was down, at once.
      runAtStart: true,
      clock,
      timezone: config.timezone,
      onReport: (r) => {
        if (r.outcome === 'sent' || r.outcome === 'recovered') ops.metrics.delivery(r.platform, 'sent');
        else if (r.outcome === 'failed') ops.metrics.delivery(r.platform, 'failed');
        else if (r.outcome === 'skipped') ops.metrics.delivery(r.platform, 'skipped');
      },
    });
    const queued = scheduler;
    ops.metrics.gauge('sitrep_send_queue_depth', () => queued.queueDepth());
    kick = () => void queued.kickMessages();
    // Messages queued while the bot was down (or by `sitrep ingest` since) go out now, not at the first poll.
    kick();
    const onStored = reviewIngestHook({ store, stories: rt.stories, ...(config.review ? { review: config.review } : {}), now: clock, onQueued });
    feeds = config.feedPolling ? startFeedPolling({ store, stories: rt.stories, logger, clock, leaseTtlMs: config.leaseTtlMs, onStored }) : undefined;
    io.stdout(`sitrep running (${wanted.join(' + ')}) on port ${port}; Ctrl-C to stop.\n`);
  }

  // Graceful shutdown: stop taking jobs, let in-flight posts finish (≤ 10 s), close everything, exit 0.
  const signal = await signals.requested;
  logger.info({ signal }, 'shutting down');
  await feeds?.stop();
  await scheduler?.stop();
  for (const r of runtimes) await r.stop().catch((err: unknown) => logger.warn({ err, platform: r.platform }, 'platform stop failed'));
  await http.close();
  await rt.close();
  logger.info('stopped');
  signals.dispose();
  return EXIT.ok;
}
