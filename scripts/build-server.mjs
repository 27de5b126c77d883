#!/usr/bin/env node
// Compiles the server (packages/api with the engine) into packages/api/dist with esbuild, only
// when its sources changed. Node then loads plain JavaScript: no TypeScript loader hooks on each
// of several hundred imports, which took two of a restart's four seconds.
//
// The layout is flat (entries and shared chunks side by side in dist/), so a module's
// `new URL('./render.worker.ts', import.meta.url)` names dist/render.worker.ts wherever the
// bundler put that module, and startTsWorker finds the compiled render.worker.js beside it.
// Packages the API depends on stay external, loaded from node_modules as before (except
// INLINE); the engine, a workspace package shipped as TypeScript, is compiled in.
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUpToDate, ROOT, stampOf, writeStamp } from './stamp.mjs';

const API = join(ROOT, 'packages/api');
/** The processes `pnpm start` and `pnpm worker` run, and the threads they start. */
const ENTRIES = {
  main: 'src/main.ts',
  'worker-main': 'src/worker-main.ts',
  'render.worker': 'src/letters/render.worker.ts',
};
/**
 * Compiled in as well: Kysely is some 400 small ES modules, and Node's module loader spent
 * 0.2 s of each start on them (the dialect comes along, so both share one Kysely).
 */
const INLINE = new Set(['kysely', 'kysely-pglite-dialect']);
const INPUTS = [
  'packages/api/src',
  'packages/api/package.json',
  'packages/api/tsconfig.json',
  'packages/engine/src',
  'packages/engine/package.json',
  'tsconfig.base.json',
  'pnpm-lock.yaml',
  'scripts/build-server.mjs',
];

/** Builds into SERVER_DIST (default packages/api/dist) unless it is up to date; false on failure. */
export async function buildServer() {
  const dist = process.env.SERVER_DIST ?? join(API, 'dist');
  const stamp = stampOf(INPUTS);
  if (isUpToDate(dist, 'main.js', stamp)) {
    console.log(`server up to date in ${relative(ROOT, dist) || dist}`);
    return true;
  }
  const started = Date.now();
  const { build, stop } = await import('esbuild');
  const pkg = JSON.parse(readFileSync(join(API, 'package.json'), 'utf8'));
  const external = Object.keys(pkg.dependencies)
    .filter((name) => !name.startsWith('@initiatief/') && !INLINE.has(name))
    .flatMap((name) => [name, `${name}/*`]);
  rmSync(dist, { recursive: true, force: true });
  try {
    await build({
      absWorkingDir: API,
      entryPoints: ENTRIES,
      outdir: dist,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external,
      sourcemap: true,
      chunkNames: '[name]-[hash]',
      logLevel: 'warning',
    });
  } catch {
    // esbuild has printed the errors with their file and line.
    return false;
  } finally {
    // Its service process would otherwise live on beside the server (72 MB resident).
    await stop();
  }
  writeStamp(dist, stamp);
  console.log(`server built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit((await buildServer()) ? 0 : 1);
