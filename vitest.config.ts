import { defineConfig } from 'vitest/config';

/** Unit tests (Node): pure core, DOM code under linkedom, CLI. E2E has its own config. */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Generous for a busy 2-core machine (one CLI test starts a process), not a speed claim.
    testTimeout: 30_000,
  },
});
