import type { PlatformModule } from '../platform.js';

export type ChatPlatform = 'slack' | 'discord';

/** Why a platform module could not be loaded; `code` is stable for callers and tests. */
export class PlatformLoadError extends Error {
  constructor(
    readonly code: 'PLATFORM_MODULE_INVALID' | 'PLATFORM_MODULE_MISSING',
    message: string,
  ) {
    super(message);
    this.name = 'PlatformLoadError';
  }
}

/**
 * Load `adapters/<platform>/index.ts` on demand, so a process that only uses Discord never loads Bolt and
 * vice versa (and `src/` never imports a platform SDK statically).
 *
 * Contract for adapters: `createPlatform(deps).chat` must be able to post without `start()` having been
 * called, because one-shot commands such as `sitrep post` never connect.
 */
export async function loadPlatformModule(platform: ChatPlatform | 'console'): Promise<PlatformModule> {
  let mod: unknown;
  try {
    // A computed specifier (not a literal per platform) so a checkout without one adapter still type-checks
    // and loads; @vite-ignore keeps vitest from rewriting it into a glob of existing files.
    const specifier = new URL(`../../adapters/${platform}/index.js`, import.meta.url).href;
    mod = await import(/* @vite-ignore */ specifier);
  } catch (err) {
    throw new PlatformLoadError('PLATFORM_MODULE_MISSING', `could not load the ${platform} adapter: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!isPlatformModule(mod)) throw new PlatformLoadError('PLATFORM_MODULE_INVALID', `adapters/${platform}/index.ts does not export createPlatform(deps)`);
  return mod;
}

function isPlatformModule(mod: unknown): mod is PlatformModule {
  return typeof mod === 'object' && mod !== null && typeof (mod as { createPlatform?: unknown }).createPlatform === 'function';
}
