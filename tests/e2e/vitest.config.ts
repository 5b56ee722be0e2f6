import { defineConfig } from 'vitest/config';

// End-to-end tests: a real Chromium with the built extension, a real IdP and SP on 127.0.0.1.
// One fork, one file at a time: each test starts browsers and servers of its own, and parallel
// Chromiums would only compete for the CPU.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
  resolve: { alias: { '@': new URL('../..', import.meta.url).pathname } },
});
