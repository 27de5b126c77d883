import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import { REPO_ROOT } from '../paths';
import { execScript } from './database';

/** `migrations/` at the repository root. */
export const MIGRATIONS_DIR = join(REPO_ROOT, 'migrations');

/** One number for all processes: pg_advisory_lock serialises migration runners. */
export const MIGRATION_LOCK_KEY = 7_241_120_001;

const FILE_PATTERN = /^(\d{4})_([a-z0-9][a-z0-9_-]*)\.sql$/;

export interface Migration {
  version: number;
  /** The file name without `.sql`, e.g. `0001_accounts`. */
  name: string;
  sql: string;
  checksum: string;
}

/** A migration problem the operator has to solve; the server does not start. */
export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Reads `NNNN_name.sql` files in order; other files are ignored, duplicate numbers refused. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const match = FILE_PATTERN.exec(file);
    if (!match) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    migrations.push({
      version: Number(match[1]),
      name: file.slice(0, -'.sql'.length),
      sql: text,
      checksum: createHash('sha256').update(text).digest('hex'),
    });
  }
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version === migrations[i - 1]!.version) {
      throw new MigrationError(
        `Two migrations share number ${migrations[i]!.version}: ${migrations[i - 1]!.name} and ${migrations[i]!.name}`,
      );
    }
  }
  return migrations;
}

export interface MigrationStatus {
  applied: { version: number; name: string; checksum: string }[];
  pending: Migration[];
  /** Recorded in the database but unknown to this code: the database is newer. */
  unknown: { version: number; name: string }[];
  current: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before (and below) the typed schema
type AnyDb = Kysely<any>;

async function ensureTable(db: AnyDb) {
  await sql`
    create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`.execute(db);
}

async function readApplied(db: AnyDb) {
  const result = await sql<{ version: number; name: string; checksum: string }>`
    select version, name, checksum from schema_migrations order by version`.execute(db);
  return result.rows;
}

function compare(
  applied: MigrationStatus['applied'],
  migrations: Migration[],
): Omit<MigrationStatus, 'current'> {
  const byVersion = new Map(migrations.map((m) => [m.version, m]));
  const unknown = applied.filter((a) => byVersion.get(a.version)?.name !== a.name);
  const done = new Set(applied.map((a) => a.version));
  const pending = migrations.filter((m) => !done.has(m.version));
  return { applied, pending, unknown };
}

function refuseUnknown(unknown: MigrationStatus['unknown']) {
  if (unknown.length === 0) return;
  throw new MigrationError(
    `The database has migration(s) this code does not know: ${unknown.map((u) => u.name).join(', ')}. ` +
      'It was migrated by a newer version; run that version or restore a matching backup.',
  );
}

/** Where the database stands against the migrations this code knows (for /readyz). */
export async function migrationStatus(
  db: AnyDb,
  migrations: Migration[] = loadMigrations(),
): Promise<MigrationStatus> {
  const exists = await sql<{ exists: boolean }>`
    select to_regclass('schema_migrations') is not null as exists`.execute(db);
  const applied = exists.rows[0]?.exists ? await readApplied(db) : [];
  const status = compare(applied, migrations);
  return { ...status, current: status.pending.length === 0 && status.unknown.length === 0 };
}

/**
 * Applies pending migrations in order, each in its own transaction, under an advisory lock so
 * two processes starting at once never apply one twice. Refuses a database that has migrations
 * this code does not know.
 */
export async function migrate(
  db: AnyDb,
  options: { migrations?: Migration[]; logger?: Logger } = {},
): Promise<{ applied: string[] }> {
  const migrations = options.migrations ?? loadMigrations();
  const appliedNow: string[] = [];
  await db.connection().execute(async (conn) => {
    // A session lock on one connection; the migrations run on that same connection.
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      await ensureTable(conn);
      // Read after taking the lock: another runner may have just finished.
      const { applied, pending, unknown } = compare(await readApplied(conn), migrations);
      refuseUnknown(unknown);
      for (const a of applied) {
        const known = migrations.find((m) => m.version === a.version);
        if (known && known.checksum !== a.checksum) {
          options.logger?.warn(
            { migration: a.name },
            'migration file changed after it was applied; add a new migration instead',
          );
        }
      }
      for (const migration of pending) {
        const started = performance.now();
        await conn.transaction().execute(async (trx) => {
          await execScript(trx, migration.sql);
          await sql`insert into schema_migrations (version, name, checksum)
            values (${migration.version}, ${migration.name}, ${migration.checksum})`.execute(trx);
        });
        appliedNow.push(migration.name);
        options.logger?.info(
          { migration: migration.name, durationMs: Math.round(performance.now() - started) },
          'migration applied',
        );
      }
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
  return { applied: appliedNow };
}
