import { defineConfig } from 'vitest/config';

// The fault suite (`pnpm test:resilience`): real server processes, a private PostgreSQL cluster
// and an SMTP sink, broken on purpose. Not part of `pnpm test`: it kills processes and takes
// minutes. One file at a time; generous timeouts for a loaded machine.
export default defineConfig({
  test: {
    name: 'resilience',
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.resilience.test.ts'],
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 300_000,
  },
});
