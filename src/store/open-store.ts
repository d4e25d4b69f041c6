import type { Logger } from '../log.js';
import type { Store } from './store.js';

/**
 * The store the configuration names: PostgreSQL when `DATABASE_URL` is set (several replicas may share it),
 * else the SQLite file. Each back end is loaded only when chosen, so a bot on SQLite never loads `pg`.
 * Expected failures raise a StoreError (stable code, a message naming the database but never its password).
 */
export async function openStore(config: { dbFile: string; databaseUrl?: string | undefined }, logger?: Logger): Promise<Store> {
  if (config.databaseUrl) {
    const { openPostgresStore } = await import('./postgres-store.js');
    return openPostgresStore(config.databaseUrl, {
      onMigrated: (applied) => {
        if (applied.length > 0) logger?.info({ versions: applied }, 'database migrated');
      },
      onWarning: (message) => logger?.warn(message),
      onInfo: (message) => logger?.info(message),
    });
  }
  const { openSqliteStore } = await import('./sqlite-store.js');
  return openSqliteStore(config.dbFile);
}
