import { defineConfig } from 'vitest/config';

/** Long runs kept out of `npm test`: `npm run test:soak`. */
export default defineConfig({
  test: {
    include: ['**/*.soak.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 30 * 60_000,
    hookTimeout: 5 * 60_000,
    fileParallelism: false,
  },
});
