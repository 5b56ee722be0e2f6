import { defineConfig } from 'vitest/config';

// End-to-end tests: the built add-on in a real Chromium and a real Firefox ESR, a real IdP and SP on 127.0.0.1.
// Each scenario file runs once per browser (the two projects below, harness/harness.ts). One fork, one file
// at a time: each test starts browsers and servers of its own, and parallel browsers would only compete for
// the CPU. `--project chromium` or `--project firefox` runs one browser.
const root = new URL('../..', import.meta.url).pathname;

const browserProject = (browser: 'chromium' | 'firefox') => ({
  resolve: { alias: { '@': root } },
  test: {
    name: browser,
    root,
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    provide: { browser },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});

export default defineConfig({
  test: {
    root,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    projects: [browserProject('chromium'), browserProject('firefox')],
  },
});
