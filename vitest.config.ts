import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Suites share the GloVe cache under indexes/.cache; forks keep native hnswlib isolated per file.
    pool: 'forks',
  },
});
