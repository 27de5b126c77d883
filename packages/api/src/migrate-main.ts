import { openRuntime } from './bootstrap';

// `pnpm migrate`: apply pending migrations and exit.
const { deps, database } = await openRuntime({ migrate: true });
deps.logger.info('database is up to date');
await database.close();
