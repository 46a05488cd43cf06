import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two cores: more parallel files only queue up behind PostgreSQL, Redis and Chromium.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'client/src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['server/src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          exclude: ['**/*.soak.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
