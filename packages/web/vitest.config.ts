import { defineConfig } from 'vitest/config';

// End-to-end tests: the real API in-process on a fresh database, the built web app, and
// Debian's Chromium through playwright-core. One file at a time: each holds a database and a browser.
export default defineConfig({
  test: {
    name: 'web',
    root: import.meta.dirname,
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    fileParallelism: false,
    // A shared CI box with two cores runs other suites too; steps are slow, not stuck.
    testTimeout: 600_000,
    hookTimeout: 180_000,
  },
});
