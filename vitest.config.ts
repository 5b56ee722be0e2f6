import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { BUNDLE_ALIASES } from './bundle-aliases';

export default defineConfig({
  plugins: [WxtVitest()],
  // The tests run what the bundles ship.
  resolve: { alias: BUNDLE_ALIASES },
  test: {
    include: [
      'utils/**/*.test.ts',
      'cli/**/*.test.ts',
      'components/**/*.test.{ts,tsx}',
      'entrypoints/**/*.test.{ts,tsx}',
      'tests/unit/**/*.test.{ts,tsx}',
      'tests/integration/**/*.test.{ts,tsx}',
    ],
    environment: 'node',
    testTimeout: 20_000,
  },
});
