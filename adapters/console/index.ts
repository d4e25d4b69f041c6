import type { PlatformDeps, PlatformRuntime } from '../../src/platform.js';
import { ConsoleChatAdapter } from './chat-adapter.js';

export { runConsoleSession } from './session.js';
export { ConsoleChatAdapter } from './chat-adapter.js';

/** The tokenless platform: briefings and answers go to stdout. */
export function createPlatform(_deps: PlatformDeps): PlatformRuntime {
  const chat = new ConsoleChatAdapter();
  return {
    platform: 'console',
    chat,
    start: async () => {},
    stop: async () => {},
    isReady: () => true,
  };
}
