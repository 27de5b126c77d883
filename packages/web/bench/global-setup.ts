import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

/**
 * The tests' production build (see test/global-setup.ts), unminified: the profile then says
 * `beginWork` and `EditorStates` instead of `Xe`. Minifying renames, it does not change the work.
 */
export default async function setup(project: TestProject) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const outDir = await mkdtemp(join(tmpdir(), 'initiatief-web-bench-'));
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      mode: 'production',
      logLevel: 'warn',
      configFile: join(root, 'vite.config.ts'),
      build: { outDir, emptyOutDir: true, minify: false, sourcemap: false },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  project.provide('webDist', outDir);
  return async () => {
    await rm(outDir, { recursive: true, force: true });
  };
}
