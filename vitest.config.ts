import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The workspace packages, resolved to their TypeScript sources (no build needed for tests). */
const sourceOf = (name: string) =>
  fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^engram-client$/, replacement: sourceOf('client') },
      { find: /^engram-ai-sdk$/, replacement: sourceOf('ai-sdk') },
      { find: /^engram-langchain$/, replacement: sourceOf('langchain') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    // Build dist/ for the tests that spawn the CLI, then start the run's one Chroma server.
    globalSetup: ['test/support/build-dist-setup.ts', 'test/support/shared-chroma-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: keep integration files from starving each other.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
