import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built extension in real browsers. One file at a time (each launches
 * browsers, and the machine has two cores), generous timeouts, no retries that would hide flakes.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    retry: 0,
    reporters: ['default'],
  },
});
