import { loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../log.js';
import type { LoadError } from '../records/load.js';
import { syncStoriesIfChanged } from '../records/sync.js';
import type { Story } from '../records/schema.js';
import { openStore } from '../store/open-store.js';
import { StoreError, type EventChange, type Store } from '../store/store.js';
import type { CliIo } from './types.js';
import { EXIT } from './types.js';

export interface Runtime {
  config: Config;
  store: Store;
  logger: Logger;
  stories: Map<string, Story>;
  /** The story chosen by --story, SITREP_STORY, or the only/first one. */
  story: Story;
  loadErrors: LoadError[];
  close(): Promise<void>;
}

export type RuntimeResult = { ok: true; runtime: Runtime } | { ok: false; code: number };

export interface RuntimeFlags {
  data?: string | undefined;
  db?: string | undefined;
  story?: string | undefined;
  /** Skip syncing story files (commands that only touch subscriptions or the outbox). */
  skipSync?: boolean;
}

/**
 * Validate config, open the store, sync story files, pick the story. Every expected failure is printed as
 * one clear line per problem (never a stack trace, never a secret) and returned as an exit code.
 */
export async function createRuntime(io: CliIo, flags: RuntimeFlags = {}): Promise<RuntimeResult> {
  const cfg = loadConfig(io.env);
  if (!cfg.ok) {
    io.stderr(`sitrep: invalid configuration:\n${cfg.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    return { ok: false, code: EXIT.failure };
  }
  const config: Config = { ...cfg.config };
  if (flags.data !== undefined) config.dataDir = flags.data;
  if (flags.db !== undefined) {
    // An explicit SQLite file wins over DATABASE_URL (e.g. a one-off import into a local file).
    config.dbFile = flags.db;
    delete config.databaseUrl;
  }
  // Created on first use: most one-shot commands never log, and the logger's library is not free to load.
  let logger: Logger | undefined;
  const getLogger = (): Logger => {
    logger ??= createLogger({ level: config.logLevel, secrets: config.secrets, destination: { write: (s: string) => io.stderr(s) } as NodeJS.WritableStream });
    return logger;
  };

  let store: Store;
  try {
    // PostgreSQL reports migrations through the logger; the SQLite file logs nothing on the way in.
    store = await openStore(config, config.databaseUrl ? getLogger() : undefined);
  } catch (err) {
    if (err instanceof StoreError) {
      io.stderr(`sitrep: ${err.message} [${err.code}]\n`);
      return { ok: false, code: EXIT.failure };
    }
    throw err;
  }
  const stories = new Map<string, Story>();
  let loadErrors: LoadError[] = [];
  let changed: EventChange[] = [];
  if (!flags.skipSync) {
    const synced = await syncStoriesIfChanged(store, config.dataDir, { reportChanges: true });
    loadErrors = synced.errors;
    changed = synced.changes ?? [];
    if (loadErrors.length > 0) {
      const { formatLoadError } = await import('../records/load.js');
      for (const e of loadErrors) io.stderr(`warning: ${formatLoadError(e)}\n`);
    }
  }
  for (const s of await store.listStories()) stories.set(s.id, s);
  // A story file that changed a published event: audit it and correct the briefings that showed it.
  if (changed.length > 0) {
    const { recordReimports } = await import('../review/reimport.js');
    await recordReimports(store, stories, changed, io.now());
  }
  const wanted = flags.story ?? config.storyId;
  const story = wanted !== undefined ? stories.get(wanted) : (stories.get('ukraine-ceasefire') ?? [...stories.values()][0]);
  if (!story) {
    await store.close();
    const choices = [...stories.keys()];
    io.stderr(
      wanted !== undefined
        ? `sitrep: unknown story "${wanted}". Valid stories: ${choices.join(', ') || '(none)'}\n`
        : `sitrep: no story found in ${config.dataDir} (add briefings/<story>/story.yaml, see README "Writing a story")\n`,
    );
    return { ok: false, code: wanted !== undefined ? EXIT.usage : EXIT.failure };
  }
  return {
    ok: true,
    runtime: {
      config,
      store,
      get logger() {
        return getLogger();
      },
      stories,
      story,
      loadErrors,
      close: () => store.close(),
    },
  };
}
