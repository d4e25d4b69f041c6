import type { ChatAdapter } from '../delivery/chat-adapter.js';
import type { HttpRouter } from '../http/router.js';
import type { PlatformMetrics, PlatformRuntime } from '../platform.js';
import type { Platform } from '../store/store.js';
import { loadPlatformModule, type ChatPlatform } from './load-platform.js';
import type { Runtime } from './runtime.js';

/** The chat platforms whose tokens are configured, in start order. */
export function configuredPlatforms(config: Runtime['config']): ChatPlatform[] {
  const wanted: ChatPlatform[] = [];
  if (config.slack) wanted.push('slack');
  if (config.discord) wanted.push('discord');
  return wanted;
}

/**
 * Load and create every configured platform (not started: adapters can post before `start()`), with the chat
 * adapters by platform for the delivery code.
 */
export async function createPlatforms(
  rt: Runtime,
  opts: { http: HttpRouter; clock: () => Date; metrics?: PlatformMetrics; onQueued?: () => void },
): Promise<{ runtimes: PlatformRuntime[]; adapters: Map<Platform, ChatAdapter> }> {
  const runtimes: PlatformRuntime[] = [];
  const adapters = new Map<Platform, ChatAdapter>();
  for (const p of configuredPlatforms(rt.config)) {
    const mod = await loadPlatformModule(p);
    const runtime = await mod.createPlatform({
      config: rt.config,
      store: rt.store,
      logger: rt.logger,
      clock: opts.clock,
      defaultStory: rt.story,
      stories: rt.stories,
      http: opts.http,
      ...(opts.metrics ? { metrics: opts.metrics } : {}),
      ...(opts.onQueued ? { onQueued: opts.onQueued } : {}),
    });
    runtimes.push(runtime);
    adapters.set(runtime.platform, runtime.chat);
  }
  return { runtimes, adapters };
}
