#!/usr/bin/env node
// `pnpm start` (API, web app and workers) and `pnpm worker` (workers only): rebuild what
// changed, then run the compiled server in this same process, so a restart pays for one Node
// start-up and not two. Source maps are on, so a logged stack trace names src/ files and lines.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer } from './build-server.mjs';
import { buildWeb } from './build-web.mjs';
import { ROOT } from './stamp.mjs';

const ENTRIES = { api: 'main.js', worker: 'worker-main.js' };
const which = process.argv[2] ?? 'api';
if (!(which in ENTRIES)) {
  console.error(`usage: node scripts/start.mjs [${Object.keys(ENTRIES).join('|')}]`);
  process.exit(2);
}
// The workers serve no pages: they need the server only.
if (which === 'api' && !buildWeb()) process.exit(1);
const build = await buildServer();
if (!build) process.exit(1);

process.setSourceMapsEnabled(true);
process.chdir(join(ROOT, 'packages/api'));
await import(pathToFileURL(join(build, ENTRIES[which])).href);
