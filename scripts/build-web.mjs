#!/usr/bin/env node
// Builds the web app only when its sources changed since the last build: `pnpm start` calls
// this (through build.mjs), so a restart reuses packages/web/dist instead of spending seconds
// on Vite.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, stampOf } from './stamp.mjs';

const INPUTS = [
  'packages/web/src',
  'packages/web/build',
  'packages/web/index.html',
  'packages/web/vite.config.ts',
  'packages/web/package.json',
  'packages/engine/src',
  'packages/engine/package.json',
  'pnpm-lock.yaml',
];

/** True when `dist` holds a build of exactly these inputs (its stamp and its main file). */
function isUpToDate(dist, mainFile, stamp) {
  const stampFile = join(dist, '.build-stamp');
  if (!existsSync(join(dist, mainFile)) || !existsSync(stampFile)) return false;
  return readFileSync(stampFile, 'utf8').trim() === stamp;
}

/** Written after a successful build only, so a failed one is retried on the next start. */
function writeStamp(dist, stamp) {
  writeFileSync(join(dist, '.build-stamp'), `${stamp}\n`);
}

/** Builds into WEB_DIST (default packages/web/dist) unless it is up to date; false on failure. */
export function buildWeb() {
  const web = join(ROOT, 'packages/web');
  const dist = process.env.WEB_DIST ?? join(web, 'dist');
  const stamp = stampOf(INPUTS);
  if (isUpToDate(dist, 'index.html', stamp)) {
    console.log(`web app up to date in ${relative(ROOT, dist) || dist}`);
    return true;
  }
  const started = Date.now();
  const args = ['exec', 'vite', 'build', '--outDir', dist, '--emptyOutDir'];
  // NODE_ENV=development (the server's default) would make Vite bundle React's development
  // build: 60 kB more JavaScript for every visitor.
  const build = spawnSync('pnpm', args, {
    cwd: web,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) return false;
  writeStamp(dist, stamp);
  console.log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(buildWeb() ? 0 : 1);
