#!/usr/bin/env node
// What `pnpm start` and `pnpm build` run: the web app and the server, each rebuilt only when
// its sources changed (one process, so a restart pays for one Node start-up, not two).
import { buildServer } from './build-server.mjs';
import { buildWeb } from './build-web.mjs';

if (!buildWeb() || !(await buildServer())) process.exit(1);
