import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // A private PostgreSQL for the fleet tests, started once per run (Debian's postgresql package).
    globalSetup: ['test/support/postgres-global-setup.ts'],
  },
});
