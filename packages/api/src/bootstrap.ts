import type { Logger } from 'pino';
import { type Config, ConfigError, loadConfig } from './config';
import type { AppDeps } from './context';
import { type Database, DataDirInUseError, openDatabase } from './db/database';
import { loadMigrations, MigrationError, migrate, migrationStatus } from './db/migrate';
import { createLogger } from './logging/logger';

/** Reads the configuration or exits with a message naming the variable. */
export function configOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

export interface Runtime {
  deps: AppDeps;
  database: Database;
}

/**
 * Opens the database and brings it up to date (`migrate: true`) or only checks that it is
 * (`migrate: false`, for workers that must not race the API's migrations).
 */
export async function openRuntime(options: {
  migrate: boolean;
  logger?: Logger;
}): Promise<Runtime> {
  const config = configOrExit();
  const logger = options.logger ?? createLogger(config);
  const database = await openDatabase({
    ...config,
    onDataDirWait: (pid) => {
      process.stderr.write(
        `The embedded database in ${config.dataDir} is still held by process ${pid}; ` +
          'waiting up to 10 s for it to stop ...\n',
      );
    },
  }).catch((error: unknown) => {
    if (!(error instanceof DataDirInUseError)) throw error;
    logger.fatal(error.message);
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
  try {
    const migrations = loadMigrations(config.migrationsDir);
    if (options.migrate) {
      await migrate(database.db, { migrations, logger });
    } else {
      const status = await migrationStatus(database.db, migrations);
      if (!status.current) {
        throw new MigrationError(
          `The database is not at this code's version (${status.pending.length} pending, ` +
            `${status.unknown.length} unknown migrations). Run \`pnpm migrate\` or start the API first.`,
        );
      }
    }
  } catch (error) {
    await database.close();
    if (error instanceof MigrationError) {
      logger.fatal(error.message);
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  return {
    database,
    deps: {
      db: database.db,
      config,
      logger,
      clock: () => new Date(),
      notifications: database.notifications,
    },
  };
}

/** Runs `stop` once on SIGTERM/SIGINT, then exits 0 (1 if stopping failed). */
export function onShutdown(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
