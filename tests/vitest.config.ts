import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts'],
    // Rebuilds dist/ when a source changed (process tests run the compiled CLI), and a throwaway PostgreSQL
    // cluster (or DATABASE_URL) for the PostgreSQL tests; see each file.
    globalSetup: ['tests/global-setup.ts', 'tests/setup/postgres.ts'],
    // Real servers and SQLite files: keep parallelism modest on 2 cores.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    env: { LOG_LEVEL: 'silent', TZ: 'UTC' },
  },
});
