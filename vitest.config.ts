import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Each package has its own vitest project; `pnpm test` runs them all. The web's end-to-end
// tests drive Debian's Chromium; on a machine without it they are left out with a notice,
// except in CI, where a missing browser must fail the run rather than hide the tests.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const withBrowser = existsSync(chromium) || process.env.CI === 'true';
if (!withBrowser) {
  console.warn(
    `\n  Web end-to-end tests skipped: no Chromium at ${chromium}.` +
      '\n  Install it (apt-get install chromium) or set CHROMIUM_PATH to run them.\n',
  );
}

export default defineConfig({
  test: {
    projects: [
      'packages/engine/vitest.config.ts',
      'packages/api/vitest.config.ts',
      ...(withBrowser ? ['packages/web/vitest.config.ts'] : []),
    ],
  },
});
