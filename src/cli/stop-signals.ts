import { constants } from 'node:os';

export type StopSignal = 'SIGTERM' | 'SIGINT';

/**
 * A repeat of a stop signal this soon after the first is the same request, not an operator insisting: a terminal's
 * Ctrl-C reaches every process of its group (npm and node both), and npm forwards what it gets to its script,
 * so `npm start` sees SIGINT twice within milliseconds. systemd's default KillMode does the same with SIGTERM.
 */
export const REPEAT_WINDOW_MS = 500;

export interface StopSignals {
  /** Resolves with the first SIGTERM or SIGINT. */
  readonly requested: Promise<StopSignal>;
  /** Whether a stop was asked for already (during start-up, say). */
  readonly isRequested: () => boolean;
  /** Remove the handlers (after a clean stop, so nothing outlives the command). */
  dispose(): void;
}

export interface StopSignalOptions {
  /** Called for a signal that arrives after the first, outside the repeat window: stop at once. */
  onForce: (signal: StopSignal) => void;
  /** Where signals come from (tests pass an emitter). */
  target?: Pick<NodeJS.Process, 'on' | 'off'>;
  /** Monotonic ms (tests pass a clock). */
  now?: () => number;
}

/**
 * Watch SIGTERM and SIGINT for `sitrep start`, from the moment it is called (so a stop asked for while the bot is
 * still connecting is not lost). The first asks for a graceful stop; a second one, while that stop is still
 * under way, forces an immediate exit.
 */
export function watchStopSignals(options: StopSignalOptions): StopSignals {
  const target = options.target ?? process;
  const now = options.now ?? (() => performance.now());
  let first: { signal: StopSignal; at: number } | undefined;
  let resolveRequested: (signal: StopSignal) => void = () => undefined;
  const requested = new Promise<StopSignal>((resolve) => {
    resolveRequested = resolve;
  });
  const handler = (signal: StopSignal) => {
    if (!first) {
      first = { signal, at: now() };
      resolveRequested(signal);
      return;
    }
    if (now() - first.at < REPEAT_WINDOW_MS) return;
    options.onForce(signal);
  };
  const onTerm = () => handler('SIGTERM');
  const onInt = () => handler('SIGINT');
  target.on('SIGTERM', onTerm);
  target.on('SIGINT', onInt);
  return {
    requested,
    isRequested: () => first !== undefined,
    dispose() {
      target.off('SIGTERM', onTerm);
      target.off('SIGINT', onInt);
    },
  };
}

/** The shell's convention for "ended by this signal": 128 + its number (143 for SIGTERM, 130 for SIGINT). */
export function signalExitCode(signal: StopSignal): number {
  return 128 + constants.signals[signal];
}
