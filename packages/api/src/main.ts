import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { onShutdown, openRuntime } from './bootstrap';
import { ensureShippedDefinitions } from './definitions/definitions.repository';
import { answerClientErrors } from './http/client-error';
import { DEMO_PASSWORD, seedDemo } from './seed/seed';
import { startWorkers } from './workers';

// The API, the web app and all workers in one process: `pnpm start`.
const { deps, database } = await openRuntime({ migrate: true });
const { config, logger } = deps;
await ensureShippedDefinitions(deps.db);

const seed = config.seedDemo ?? (database.kind === 'pglite' && config.nodeEnv !== 'production');
const seeded = seed && config.nodeEnv !== 'production' ? await seedDemo(deps.db, logger) : [];

// DEMO_OIDC=1: local DigiD-style and staff providers; points the OIDC config at them.
// Loaded only then: production never loads oidc-provider.
const demoOidc = config.demoOidc
  ? await (await import('./oidc/demo-oidc')).startDemoOidc(config, logger)
  : null;

const app = createApp(deps);
const server = serve(
  { fetch: app.fetch, port: config.port, hostname: config.host },
  (info: AddressInfo) => {
    const url = config.port === info.port ? config.publicUrl : `http://localhost:${info.port}`;
    logger.info({ url, database: database.kind, port: info.port }, 'listening');
    const lines = [`\n  Initiatief is running at ${url}  (API docs: ${url}/api/docs)\n`];
    if (seeded.length > 0) {
      lines.push(`  Demo accounts (password ${DEMO_PASSWORD}):`);
      for (const account of seeded)
        lines.push(`    ${account.email.padEnd(24)} ${account.roles.join(', ')}`);
      lines.push('');
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  },
);
answerClientErrors(server as Server, logger);
const workers = startWorkers(deps);

onShutdown(logger, async () => {
  // Stop accepting; close() resolves once the requests in flight have been answered.
  const closed = new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  const force = setTimeout(() => {
    logger.warn('requests still open after 10 s; closing their connections');
    if ('closeAllConnections' in server) server.closeAllConnections();
  }, 10_000);
  await closed;
  clearTimeout(force);
  logger.info('http server closed');
  await workers.stop();
  await demoOidc?.stop();
  logger.info('workers stopped');
  await database.close();
});
