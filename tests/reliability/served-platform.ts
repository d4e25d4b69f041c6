import { loadConfig } from '../../src/config.js';
import { HttpRouter } from '../../src/http/router.js';
import { silentLogger } from '../../src/log.js';
import type { PlatformModule } from '../../src/platform.js';
import { MORNING_AFTER, sampleStory, tempStore } from '../helpers/fixtures.js';

/** A platform adapter serving HTTP on its own loopback port, with the sample story in a temp store. */
export interface ServedPlatform {
  /** The adapter's endpoint (`path` on the router's port). */
  url: string;
  close(): Promise<void>;
}

/** Start `module`'s platform configured from `vars` (logs silent), clocked at the morning after, listening on loopback. */
export async function servePlatform(module: PlatformModule, vars: Record<string, string>, path: string): Promise<ServedPlatform> {
  const cfg = loadConfig({ ...vars, LOG_LEVEL: 'silent' });
  if (!cfg.ok) throw new Error(cfg.errors.join('; '));
  const env = await tempStore();
  const router = new HttpRouter();
  const story = sampleStory();
  const platform = await module.createPlatform({ config: cfg.config, store: env.store, logger: silentLogger(), clock: () => MORNING_AFTER, defaultStory: story, stories: new Map([[story.id, story]]), http: router });
  await platform.start();
  const url = `http://127.0.0.1:${await router.listen(0, '127.0.0.1')}${path}`;
  return {
    url,
    async close() {
      await platform.stop();
      await router.close();
      await env.cleanup();
    },
  };
}
