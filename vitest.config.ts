import { defineConfig } from 'vitest/config';

// Each package has its own vitest project; `pnpm test` runs them all.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts'],
  },
});
