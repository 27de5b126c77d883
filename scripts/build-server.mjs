#!/usr/bin/env node
// Compiles the server (packages/api with the engine) with esbuild, only when its sources changed.
// Node then loads plain JavaScript: no TypeScript loader hooks on each of several hundred
// imports, which took two of a restart's four seconds.
//
// Each build is a folder of its own, packages/api/dist/<hash of the sources>: a server that is
// running keeps its files (its letters' chunk is loaded on first use) while a new start builds
// changed sources beside it, and two processes starting at once never write into one folder.
// A build is written to a temporary folder and renamed into place, so a folder that exists is
// complete. The layout inside is flat (entries and shared chunks side by side), so a module's
// `new URL('./render.worker.ts', import.meta.url)` names <build>/render.worker.ts wherever the
// bundler put that module, and startTsWorker finds the compiled render.worker.js beside it.
// Packages the API depends on stay external, loaded from node_modules as before (except
// INLINE); the engine, a workspace package shipped as TypeScript, is compiled in.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, stampOf } from './stamp.mjs';

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

/** Builds kept besides the newest: enough for servers still running an older one. */
const KEEP = 3;

/**
 * The folder of the build of the current sources under SERVER_DIST (default packages/api/dist),
 * built first when it does not exist; null when the build failed.
 */
export async function buildServer() {
  const dist = process.env.SERVER_DIST ?? join(API, 'dist');
  const folder = join(dist, stampOf(INPUTS).slice(0, 16));
  if (existsSync(join(folder, 'main.js'))) {
    console.log(`server up to date in ${relative(ROOT, folder) || folder}`);
    return folder;
  }
  const started = Date.now();
  const { build, stop } = await import('esbuild');
  const pkg = JSON.parse(readFileSync(join(API, 'package.json'), 'utf8'));
  const external = Object.keys(pkg.dependencies)
    .filter((name) => !name.startsWith('@initiatief/') && !INLINE.has(name))
    .flatMap((name) => [name, `${name}/*`]);
  const temporary = join(dist, `.building-${process.pid}-${Date.now()}`);
  mkdirSync(dist, { recursive: true });
  try {
    await build({
      absWorkingDir: API,
      entryPoints: ENTRIES,
      outdir: temporary,
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
    rmSync(temporary, { recursive: true, force: true });
    return null;
  } finally {
    // Its service process would otherwise live on beside the server (72 MB resident).
    await stop();
  }
  try {
    renameSync(temporary, folder);
  } catch (error) {
    // Another process built the same sources first: its folder is as good as ours.
    rmSync(temporary, { recursive: true, force: true });
    if (!existsSync(join(folder, 'main.js'))) throw error;
  }
  pruneOldBuilds(dist, folder);
  console.log(`server built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return folder;
}

/**
 * Removes all but the KEEP newest builds besides the current one, temporary folders of builds
 * that died an hour ago or more, and loose files (the single-folder layout of before).
 */
function pruneOldBuilds(dist, current) {
  const hour = 60 * 60 * 1000;
  const builds = [];
  for (const name of readdirSync(dist)) {
    const path = join(dist, name);
    if (path === current) continue;
    const stat = statSync(path);
    if (!stat.isDirectory()) rmSync(path, { force: true });
    else if (!name.startsWith('.building-')) builds.push({ path, modified: stat.mtimeMs });
    else if (Date.now() - stat.mtimeMs > hour) rmSync(path, { recursive: true, force: true });
  }
  builds.sort((a, b) => b.modified - a.modified);
  for (const old of builds.slice(KEEP)) rmSync(old.path, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit((await buildServer()) ? 0 : 1);
