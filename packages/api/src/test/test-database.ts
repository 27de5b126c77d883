/**
 * A fresh, migrated database per test file — the same tests run on real PostgreSQL and PGlite.
 *
 *   import { createTestDatabase, type TestDatabase } from '../test/test-database';
 *   let t: TestDatabase;
 *   beforeAll(async () => { t = await createTestDatabase(); });
 *   afterAll(() => t.close());
 *
 * With TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres): the first file
 * builds a migrated template database `initiatief_tpl_<hash of the migrations>` once, under an
 * advisory lock because vitest runs files in parallel workers; every call then makes
 * `CREATE DATABASE … TEMPLATE` and `close()` drops it. Without it: an in-memory PGlite loaded
 * from a migrated image (built once per migration set, cached in the temp directory). `createTestDatabase({ migrated: false })` gives an empty database
 * (for migration tests). Use `t.db`; share it between the tests of a file and give each test its
 * own rows (unique e-mails, createUser()).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { Kysely } from 'kysely';
import pg from 'pg';
import {
  type Database,
  type DatabaseKind,
  openPostgres,
  pgliteOptions,
  wrapPglite,
} from '../db/database';
import { loadMigrations, type Migration, migrate } from '../db/migrate';
import type { Notifications } from '../db/notifications';
import type { DB } from '../db/schema';

export interface TestDatabase {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** The connection string of this database (postgres only), e.g. for a second pool. */
  url?: string;
  /** LISTEN/NOTIFY on this database. */
  notifications: Notifications;
  close(): Promise<void>;
}

const TEMPLATE_LOCK_KEY = 7_241_120_002;
// A PGlite upgrade must not load an image an older version wrote.
const PGLITE_IMAGE_VERSION = (() => {
  try {
    const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
    const pkg = join(entry.slice(0, entry.lastIndexOf('/dist/')), 'package.json');
    return String(JSON.parse(readFileSync(pkg, 'utf8')).version);
  } catch {
    return 'unknown';
  }
})();

function migrationsHash(migrations: Migration[]): string {
  const hash = createHash('sha256');
  for (const m of migrations) hash.update(`${m.name}:${m.checksum}\n`);
  return hash.digest('hex').slice(0, 16);
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function retry<T>(fn: () => Promise<T>, attempts = 20): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      // "is being accessed by other users": a closed pool's backends take a moment to exit.
      if (i >= attempts || (error as { code?: string }).code !== '55006') throw error;
      await new Promise((r) => setTimeout(r, 100 * i));
    }
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

const templates = new Map<string, Promise<string>>();

/** Builds the migrated template once per migration set; safe across parallel processes. */
function ensureTemplate(adminUrl: string, migrations: Migration[]): Promise<string> {
  const name = `initiatief_tpl_${migrationsHash(migrations)}`;
  let pending = templates.get(name);
  if (!pending) {
    pending = withAdmin(adminUrl, async (admin) => {
      await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
      try {
        // Databases of test processes that died without close().
        const stale = await admin.query<{ datname: string }>(
          `select datname from pg_database where datname like 'initiatief\\_test\\_%'`,
        );
        for (const { datname } of stale.rows) {
          const pid = Number(/^initiatief_test_(\d+)_/.exec(datname)?.[1]);
          if (pid && !pidAlive(pid))
            await admin.query(`drop database if exists "${datname}" with (force)`);
        }
        const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
        if (exists.rowCount === 0) {
          const building = `${name}_build`;
          await admin.query(`drop database if exists "${building}" with (force)`);
          await admin.query(`create database "${building}" template template0`);
          const database = openPostgres(withDatabase(adminUrl, building), 1);
          try {
            await migrate(database.db, { migrations });
          } finally {
            await database.close();
          }
          // Renamed only when complete: a crash mid-migration never leaves a half template.
          await retry(() => admin.query(`alter database "${building}" rename to "${name}"`));
        }
      } finally {
        await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
      }
      return name;
    });
    templates.set(name, pending);
    pending.catch(() => templates.delete(name));
  }
  return pending;
}

async function createPostgresTestDatabase(
  adminUrl: string,
  migrated: boolean,
): Promise<TestDatabase> {
  const template = migrated ? await ensureTemplate(adminUrl, loadMigrations()) : 'template0';
  const name = `initiatief_test_${process.pid}_${randomBytes(5).toString('hex')}`;
  await withAdmin(adminUrl, (admin) =>
    retry(() => admin.query(`create database "${name}" template "${template}"`)),
  );
  const url = withDatabase(adminUrl, name);
  const database: Database = openPostgres(url, 5);
  return {
    db: database.db,
    kind: 'postgres',
    url,
    notifications: database.notifications,
    close: async () => {
      await database.close();
      await withAdmin(adminUrl, (admin) =>
        admin.query(`drop database if exists "${name}" with (force)`),
      );
    },
  };
}

// The migrated image is built once per migration set and kept in the temp directory, so each
// test file (a fresh process: vitest isolates files) only loads it (about 0.5 s) instead of
// migrating from scratch.
let pgliteDumps: Map<string, Promise<Blob>> | undefined;

function pgliteDump(migrated: boolean): Promise<Blob> {
  pgliteDumps ??= new Map();
  const migrations = migrated ? loadMigrations() : [];
  const key = migrated ? migrationsHash(migrations) : 'empty';
  let dump = pgliteDumps.get(key);
  if (!dump) {
    dump = (async () => {
      const file = join(tmpdir(), `initiatief-pglite-${PGLITE_IMAGE_VERSION}-${key}.tar`);
      if (existsSync(file)) return new Blob([readFileSync(file)]);
      const base = await PGlite.create(pgliteOptions());
      const database = await wrapPglite(base);
      if (migrated) await migrate(database.db, { migrations });
      const blob = await base.dumpDataDir('none');
      await database.close();
      // Written under a unique name and renamed: parallel workers never read half a file.
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
      renameSync(partial, file);
      return blob;
    })();
    pgliteDumps.set(key, dump);
  }
  return dump;
}

async function createPgliteTestDatabase(migrated: boolean): Promise<TestDatabase> {
  const pglite = await PGlite.create({
    ...pgliteOptions(),
    loadDataDir: await pgliteDump(migrated),
  });
  const database = await wrapPglite(pglite);
  return {
    db: database.db,
    kind: 'pglite',
    notifications: database.notifications,
    close: () => database.close(),
  };
}

/** A fresh database for one test file; see the note at the top of this file. */
export function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  const url = process.env.TEST_DATABASE_URL;
  return url ? createPostgresTestDatabase(url, migrated) : createPgliteTestDatabase(migrated);
}
