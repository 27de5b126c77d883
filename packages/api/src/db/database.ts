import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  type QueryResult,
  sql,
  type TransactionSettings,
} from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Config } from '../config';
import { type Notifications, pgliteNotifications, postgresNotifications } from './notifications';
import type { DB } from './schema';

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** LISTEN/NOTIFY on the same database (wakes workers when a command commits work). */
  notifications: Notifications;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;

/**
 * The same values from both drivers: `date` stays 'YYYY-MM-DD' (a legal date, not an instant
 * shifted by the local time zone) and `bigint` (count(*), sums) becomes a number.
 */
const parseDate = (value: string) => value;
const parseInt8 = (value: string) => Number(value);

/** Opens the configured database: pg pool when DATABASE_URL is set, PGlite in DATA_DIR otherwise. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> &
    Partial<Pick<Config, 'databasePoolSize' | 'databasePreparedStatements'>> & {
      /** How long to wait for another process that holds the embedded database to stop. */
      dataDirWaitMs?: number;
      /** Told once, when the embedded database is held by another process and we wait. */
      onDataDirWait?: (pid: number) => void;
    },
): Promise<Database> {
  if (config.databaseUrl) {
    return openPostgres(config.databaseUrl, config.databasePoolSize ?? 10, {
      preparedStatements: config.databasePreparedStatements ?? true,
    });
  }
  mkdirSync(config.dataDir, { recursive: true });
  const releaseLock = await lockDataDir(
    config.dataDir,
    config.dataDirWaitMs ?? 10_000,
    config.onDataDirWait,
  );
  try {
    const pglite = await PGlite.create(join(config.dataDir, 'pglite'), pgliteOptions());
    const database = await wrapPglite(pglite);
    return {
      ...database,
      close: async () => {
        await database.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/** Another live process holds the embedded database's directory. */
export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is in use by process ${pid}. Stop it first, ` +
        'or set DATABASE_URL to share a PostgreSQL server between processes.',
    );
    this.name = 'DataDirInUseError';
  }
}

/**
 * PGlite is one process's database: a second process on the same directory would corrupt it.
 * A pid file refuses that with a clear message. A holder that is stopping (a restart right after
 * Ctrl-C, while the old server still closes its database) is waited for, up to `waitMs`.
 */
async function lockDataDir(
  dataDir: string,
  waitMs: number,
  onWait?: (pid: number) => void,
): Promise<() => void> {
  const file = join(dataDir, 'pglite.pid');
  const giveUpAt = performance.now() + waitMs;
  let told = false;
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
    let pid = 0;
    try {
      pid = Number(readFileSync(file, 'utf8'));
    } catch {
      continue; // removed by its holder meanwhile: try again
    }
    if (!pid || pid === process.pid || !processAlive(pid)) {
      writeFileSync(file, String(process.pid));
      break;
    }
    if (performance.now() >= giveUpAt) throw new DataDirInUseError(dataDir, pid);
    if (!told) onWait?.(pid);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return () => {
    try {
      if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
    } catch {
      // Already gone.
    }
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * How long pooled connections live. pg-pool closed one after 10 s idle. Staff and residents
 * work in bursts with pauses of seconds to minutes, and a request on a new connection pays for
 * connecting, a backend with cold catalogue caches and every statement prepared again: after
 * 12 s idle, the slowest of 8 list requests arriving together took 146 to 209 ms, now 58 to
 * 81 ms (docs/benchmarks.md). Two stay open; the rest close after 5 minutes idle, and each is
 * renewed after 30 minutes.
 */
export function poolLifetime(max: number) {
  return { min: Math.min(2, max), idleTimeoutMillis: 5 * 60_000, maxLifetimeSeconds: 30 * 60 };
}

export function openPostgres(
  connectionString: string,
  max = 10,
  options: { preparedStatements?: boolean } = {},
): Database {
  const prepare = options.preparedStatements ?? true;
  const pool = new pg.Pool({
    connectionString,
    max,
    ...poolLifetime(max),
    // Timestamps are instants; sessions agree on UTC so SQL date arithmetic is predictable.
    options: '-c TimeZone=UTC',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === DATE_OID) return parseDate;
        if (oid === INT8_OID) return parseInt8;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client whose server went away (restart, failover) emits 'error' on the pool; without
  // a listener that would crash the process. The pool drops the client and reconnects on demand.
  pool.on('error', () => undefined);
  // The same for a client that is checked out between two queries: its next query fails
  // (answered 503), and the pool discards it on release instead of crashing the process.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    if (prepare) enablePreparedStatements(client);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const notifications = postgresNotifications(connectionString);
  return {
    db,
    kind: 'postgres',
    notifications,
    close: async () => {
      await notifications.close();
      await db.destroy();
    },
  };
}

const MAX_PREPARED_PER_CONNECTION = 2000;
/** "cached plan must not change result type": a migration changed a table under the statement. */
const FEATURE_NOT_SUPPORTED = '0A000';

/**
 * Prepares each parameterised statement once per connection (a named statement keyed by the
 * hash of its text), so PostgreSQL parses and plans the application's few hundred query shapes
 * once instead of in every command (bench/lifecycle.bench.ts: about a fifth more transitions a
 * second). Statements without parameters (BEGIN, COMMIT, migration scripts) stay unnamed. When a
 * migration changes a table's columns under a prepared `returning`/`select`, PostgreSQL refuses
 * that statement once; the text then gets a new name and is prepared afresh on its next use.
 */
export function enablePreparedStatements(client: pg.ClientBase): void {
  const names = new Map<string, string>();
  let generation = 0;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const prepared = (...args: unknown[]): unknown => {
    const [text, values] = args;
    if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0) {
      return query(...args);
    }
    if (args.length > 2) return query(...args);
    let name = names.get(text);
    if (!name && names.size < MAX_PREPARED_PER_CONNECTION) {
      name = `s${generation}_${createHash('sha1').update(text).digest('base64url')}`;
      names.set(text, name);
    }
    if (!name) return query(text, values);
    const result = query({ name, text, values }) as Promise<unknown>;
    return result.catch((error: { code?: string }) => {
      if (error?.code === FEATURE_NOT_SUPPORTED) {
        names.delete(text);
        generation++;
      }
      throw error;
    });
  };
  (client as unknown as { query: typeof prepared }).query = prepared;
}

/**
 * The embedded PostgreSQL's cache of table and index pages. initdb's default, 128 MB, is for a
 * server of its own: PGlite zeroes it inside the process's WebAssembly memory on every start,
 * which took about 0.35 s of a restart and 90 MB of resident memory more than 32 MB does
 * (docs/benchmarks.md). The embedded database serves one process, for development and demos; a
 * page that is not in these 32 MB is read through the operating system's file cache. Production
 * runs PostgreSQL (DATABASE_URL, docs/operations.md), where shared_buffers is the server's own.
 */
export const PGLITE_SHARED_BUFFERS = '32MB';

export function pgliteOptions() {
  return {
    parsers: { [pgliteTypes.DATE]: parseDate, [pgliteTypes.INT8]: parseInt8 },
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  };
}

/** A Kysely over an open PGlite; closing the Database closes the PGlite. */
export async function wrapPglite(pglite: PGlite): Promise<Database> {
  await pglite.exec(`SET TIME ZONE 'UTC'`);
  const db = new Kysely<DB>({ dialect: new ScriptPGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    notifications: pgliteNotifications(pglite),
    close: () => db.destroy(),
  };
}

const SCRIPT_MARKER = '/* initiatief:script */';

/**
 * Runs a multi-statement SQL script (a migration) on `db`, inside its transaction if it is one.
 * pg sends parameterless queries with the simple protocol, which allows several statements;
 * PGlite's `query` does not, so the PGlite dialect below routes marked scripts to `exec`.
 */
// biome-ignore lint/suspicious/noExplicitAny: works on any database or transaction
export async function execScript(db: Kysely<any>, script: string): Promise<void> {
  await sql.raw(`${SCRIPT_MARKER}\n${script}`).execute(db);
}

class ScriptPGliteDialect extends PGliteDialect {
  readonly #pglite: PGlite;
  constructor(pglite: PGlite) {
    super(pglite);
    this.#pglite = pglite;
  }
  override createDriver(): Driver {
    return new ScriptPGliteDriver(super.createDriver(), this.#pglite);
  }
}

/** Delegates to kysely-pglite-dialect's driver; adds scripts and savepoints. */
class ScriptPGliteDriver implements Driver {
  readonly #inner: Driver;
  readonly #pglite: PGlite;
  readonly #wrapped = new WeakMap<DatabaseConnection, DatabaseConnection>();

  constructor(inner: Driver, pglite: PGlite) {
    this.#inner = inner;
    this.#pglite = pglite;
  }

  init() {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await this.#inner.acquireConnection();
    const pglite = this.#pglite;
    const wrapper: DatabaseConnection = {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        if (query.parameters.length === 0 && query.sql.startsWith(SCRIPT_MARKER)) {
          // Same PGlite session as the connection, so it runs inside an open transaction.
          const results = await pglite.exec(query.sql);
          return { rows: (results.at(-1)?.rows ?? []) as R[] };
        }
        return inner.executeQuery<R>(query);
      },
      streamQuery<R>(query: CompiledQuery, chunkSize?: number) {
        return inner.streamQuery<R>(query, chunkSize);
      },
    };
    this.#wrapped.set(wrapper, inner);
    return wrapper;
  }

  #unwrap(connection: DatabaseConnection): DatabaseConnection {
    return this.#wrapped.get(connection) ?? connection;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.#inner.beginTransaction(this.#unwrap(connection), settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.#inner.commitTransaction(this.#unwrap(connection));
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.#inner.rollbackTransaction(this.#unwrap(connection));
  }
  async savepoint(connection: DatabaseConnection, name: string) {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdent(name)}`));
  }
  async rollbackToSavepoint(connection: DatabaseConnection, name: string) {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoteIdent(name)}`));
  }
  async releaseSavepoint(connection: DatabaseConnection, name: string) {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdent(name)}`));
  }
  releaseConnection(connection: DatabaseConnection) {
    const inner = this.#unwrap(connection);
    this.#wrapped.delete(connection);
    return this.#inner.releaseConnection(inner);
  }
  destroy() {
    return this.#inner.destroy();
  }
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
