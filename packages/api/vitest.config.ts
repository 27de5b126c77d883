import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // Each file in a fresh process (vitest's default): features may keep per-process caches.
    // src/test/test-database.ts keeps PGlite start-up cheap with a cached migrated image.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
