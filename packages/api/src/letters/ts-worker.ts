import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The compiled module beside a TypeScript one: `pnpm start` runs the server from
 * packages/api/dist (scripts/build-server.mjs), where `./render.worker.ts` relative to the
 * bundle names no file and `./render.worker.js` is its compiled entry.
 */
function compiledBeside(module: URL): URL | null {
  const path = fileURLToPath(module);
  if (!path.endsWith('.ts') || existsSync(path)) return null;
  const js = `${path.slice(0, -'.ts'.length)}.js`;
  return existsSync(js) ? pathToFileURL(js) : null;
}

/**
 * A worker thread running a TypeScript module, whatever started this process (the compiled
 * server, tsx, vitest). From source, a tiny bootstrap registers tsx's ESM hooks in the thread,
 * then imports the module. (On Node 20 `execArgv: ['--import', 'tsx']` does not apply the hooks
 * to a worker's entry module.)
 */
export function startTsWorker(module: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const compiled = compiledBeside(module);
  if (compiled) return new Worker(compiled, options);
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsxApi = pathToFileURL(join(dirname(tsxPackage), 'dist/esm/api/index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); })
  .catch((error) => { console.error(error); process.exit(1); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
