import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { REPEAT_WINDOW_MS, signalExitCode, watchStopSignals, type StopSignal } from '../../src/cli/stop-signals.js';

function harness() {
  const target = new EventEmitter();
  let now = 0;
  const forced: StopSignal[] = [];
  const signals = watchStopSignals({ target: target as unknown as Pick<NodeJS.Process, 'on' | 'off'>, now: () => now, onForce: (s) => forced.push(s) });
  return { target, signals, forced, advance: (ms: number) => (now += ms) };
}

describe('stop signals of `sitrep start`', () => {
  it('the first SIGTERM or SIGINT asks for a graceful stop', async () => {
    const h = harness();
    expect(h.signals.isRequested()).toBe(false);
    h.target.emit('SIGINT');
    expect(h.signals.isRequested()).toBe(true);
    expect(await h.signals.requested).toBe('SIGINT');
    expect(h.forced).toEqual([]);
  });

  it('a repeat within the window is the same stop (Ctrl-C reaches npm and node, and npm forwards it); a later one forces', () => {
    const h = harness();
    h.target.emit('SIGINT');
    h.advance(5);
    h.target.emit('SIGINT');
    h.advance(REPEAT_WINDOW_MS - 10);
    h.target.emit('SIGTERM');
    expect(h.forced).toEqual([]);
    h.advance(10);
    h.target.emit('SIGTERM');
    expect(h.forced).toEqual(['SIGTERM']);
  });

  it('stops listening once disposed, and forced exits use the shell convention 128 + signal number', () => {
    const h = harness();
    h.signals.dispose();
    expect(h.target.listenerCount('SIGTERM') + h.target.listenerCount('SIGINT')).toBe(0);
    expect(signalExitCode('SIGTERM')).toBe(143);
    expect(signalExitCode('SIGINT')).toBe(130);
  });
});
