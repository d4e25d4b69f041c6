import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts'],
    // A throwaway PostgreSQL cluster (or DATABASE_URL) for the PostgreSQL tests; see tests/setup/postgres.ts.
    globalSetup: ['tests/setup/postgres.ts'],
    // Real servers and SQLite files: keep parallelism modest on 2 cores.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    env: { LOG_LEVEL: 'silent', TZ: 'UTC' },
  },
});
