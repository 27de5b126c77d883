import { defineConfig } from 'vitest/config';

// The editor's typing bench: the same test server and Chromium as the browser tests, on a build
// left unminified so the CPU profile names React's and our functions. Not part of `pnpm test`.
export default defineConfig({
  test: {
    name: 'web-bench',
    root: `${import.meta.dirname}/..`,
    include: ['bench/*.bench.test.ts'],
    globalSetup: ['bench/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 300_000,
  },
});
