import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The web build this run's API serves. */
    webDist: string;
  }
}

/**
 * Builds the web app once per run into a directory of its own: another run (or `pnpm build`)
 * rebuilding packages/web/dist meanwhile cannot pull the files from under the API.
 */
export default async function setup(project: TestProject) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const outDir = await mkdtemp(join(tmpdir(), 'initiatief-web-dist-'));
  // The build that ships: vitest sets NODE_ENV=test, with which Vite would bundle React's
  // development runtime (jsxDEV, extra checks), several times slower than what residents get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      mode: 'production',
      logLevel: 'warn',
      configFile: join(root, 'vite.config.ts'),
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  project.provide('webDist', outDir);
  return async () => {
    await rm(outDir, { recursive: true, force: true });
  };
}
