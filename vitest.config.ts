import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Build dist/ for the tests that spawn the CLI, then start the run's one Chroma server.
    globalSetup: ['test/support/build-dist-setup.ts', 'test/support/shared-chroma-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: keep integration files from starving each other.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
