import { onShutdown, openRuntime } from './bootstrap';
import { startWorkers } from './workers';

// Only the background workers, for a deployment that runs them apart from the API.
const { deps, database } = await openRuntime({ migrate: false });
const workers = startWorkers(deps);
deps.logger.info('workers running');

onShutdown(deps.logger, async () => {
  await workers.stop();
  await database.close();
});
