import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, readBody } from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import { openPostgres } from './database';
import {
  loadMigrations,
  MIGRATION_LOCK_KEY,
  type Migration,
  MigrationError,
  migrate,
  migrationStatus,
} from './migrate';

function migration(version: number, name: string, text: string): Migration {
  return {
    version,
    name: `${String(version).padStart(4, '0')}_${name}`,
    sql: text,
    checksum: createHash('sha256').update(text).digest('hex'),
  };
}

const FAKE = [
  migration(1, 'first', 'create table t1 (id int primary key);\ninsert into t1 values (1);'),
  // Several statements, a function body with semicolons: the runner must not split naively.
  migration(
    2,
    'second',
    `create table t2 (n int);
     create function bump() returns trigger language plpgsql as $$ begin new.n := new.n + 1; return new; end; $$;
     create trigger t2_bump before insert on t2 for each row execute function bump();`,
  ),
];

describe('migrations', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ migrated: false });
  });
  afterAll(() => t.close());

  it('two runners at once apply each migration exactly once', async () => {
    // On PostgreSQL a second pool is a second client; on PGlite both share the one connection.
    const other = t.url ? openPostgres(t.url, 2) : { db: t.db, close: async () => {} };
    try {
      const [a, b] = await Promise.all([
        migrate(t.db, { migrations: FAKE }),
        migrate(other.db, { migrations: FAKE }),
      ]);
      expect([...a.applied, ...b.applied].sort()).toEqual(['0001_first', '0002_second']);
      const rows = await sql<{
        version: number;
      }>`select version from schema_migrations order by version`.execute(t.db);
      expect(rows.rows.map((r) => r.version)).toEqual([1, 2]);
      await sql`insert into t2 values (1)`.execute(t.db);
      const bumped = await sql<{ n: number }>`select n from t2`.execute(t.db);
      expect(bumped.rows[0]!.n).toBe(2);
    } finally {
      await other.close();
    }
  });

  it('is idempotent', async () => {
    expect((await migrate(t.db, { migrations: FAKE })).applied).toEqual([]);
  });

  it('rolls a failing migration back whole and keeps the ones before it', async () => {
    const broken = [
      ...FAKE,
      migration(3, 'broken', 'create table t3 (id int);\nselect * from no_such_table;'),
    ];
    await expect(migrate(t.db, { migrations: broken })).rejects.toThrow(/no_such_table/);
    const t3 = await sql<{
      exists: boolean;
    }>`select to_regclass('t3') is not null as exists`.execute(t.db);
    expect(t3.rows[0]!.exists).toBe(false);
    expect((await migrationStatus(t.db, broken)).pending.map((m) => m.name)).toEqual([
      '0003_broken',
    ]);
  });

  it('refuses a database that has a migration this code does not know', async () => {
    const newer = [...FAKE, migration(3, 'from_the_future', 'create table t4 (id int);')];
    await migrate(t.db, { migrations: newer });
    const error = await migrate(t.db, { migrations: FAKE }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/does not know: 0003_from_the_future/);
    expect((await migrationStatus(t.db, FAKE)).current).toBe(false);
  });
});

describe('migration lock on PostgreSQL', () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'waits while another process holds the lock',
    async () => {
      const t = await createTestDatabase({ migrated: false });
      const holder = new pg.Client({ connectionString: t.url });
      await holder.connect();
      try {
        await holder.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        let done = false;
        const running = migrate(t.db, { migrations: FAKE }).then(() => {
          done = true;
        });
        await new Promise((r) => setTimeout(r, 500));
        expect(done).toBe(false);
        await holder.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        await running;
        expect(done).toBe(true);
      } finally {
        await holder.end();
        await t.close();
      }
    },
  );
});

describe('the real migrations', () => {
  it('build the schema from an empty database, and /readyz reports pending ones', async () => {
    const t = await createTestDatabase({ migrated: false });
    try {
      const app = createTestApp({ db: t.db });
      const before = await app.request('/readyz');
      expect(before.status).toBe(503);
      expect((await readBody(before)).code).toBe('unavailable');
      await migrate(t.db);
      expect((await app.request('/readyz')).status).toBe(200);
      expect((await migrationStatus(t.db)).applied).toHaveLength(loadMigrations().length);
    } finally {
      await t.close();
    }
  });
});
