import { afterAll, beforeAll } from 'vitest';
import { createDatabase, freshPostgresStore, withPostgres } from '../helpers/pg.js';
import { storeContract } from './contract.js';

withPostgres('Store contract on PostgreSQL', (server) => {
  let db: Awaited<ReturnType<typeof createDatabase>>;
  beforeAll(async () => {
    db = await createDatabase(server, 'contract');
  });
  afterAll(async () => {
    await db?.drop();
  });
  storeContract('PostgreSQL', async () => {
    const store = await freshPostgresStore(db.url);
    return { store, dispose: () => store.close() };
  });
});
