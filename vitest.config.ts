import { defineConfig } from 'vitest/config';

/** Unit tests (Node): pure core, DOM code under linkedom, CLI. E2E has its own config. */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
