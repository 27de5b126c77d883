#!/usr/bin/env node
// Builds the web app only when its sources changed since the last build: `pnpm start` calls
// this, so a restart reuses packages/web/dist instead of spending seconds on Vite. The stamp
// is a hash of every input file's path and bytes, written after a successful build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'packages/web');
const dist = process.env.WEB_DIST ?? join(web, 'dist');
const stampFile = join(dist, '.build-stamp');
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

function* files(path) {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts')) continue;
    yield* files(join(path, entry));
  }
}

const hash = createHash('sha256');
for (const input of INPUTS) {
  for (const file of files(join(root, input))) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(readFileSync(file));
  }
}
const stamp = hash.digest('hex');

if (existsSync(join(dist, 'index.html')) && existsSync(stampFile)) {
  if (readFileSync(stampFile, 'utf8').trim() === stamp) {
    console.log(`web app up to date in ${relative(root, dist) || dist}`);
    process.exit(0);
  }
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
if (build.status !== 0) process.exit(build.status ?? 1);
writeFileSync(stampFile, `${stamp}\n`);
console.log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
