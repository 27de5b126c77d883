import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password';
import { silentLogger } from '../logging/logger';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../seed/seed';
import { createTestDatabase, type TestDatabase } from '../test/test-database';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe('database values', () => {
  it('reads dates as YYYY-MM-DD, bigints as numbers and timestamps as instants, on both drivers', async () => {
    const { rows } = await sql<{ d: string; n: number; ts: Date; arr: string[] }>`
      select '2026-03-29'::date as d, count(*) as n, '2026-03-29T01:30:00Z'::timestamptz as ts,
             array['a','b'] as arr from users`.execute(t.db);
    expect(rows[0]).toEqual({
      d: '2026-03-29',
      n: 0,
      ts: new Date('2026-03-29T01:30:00Z'),
      arr: ['a', 'b'],
    });
  });

  it('supports savepoints (controlled transactions)', async () => {
    const trx = await t.db.startTransaction().execute();
    await sql`create temporary table sp_test (n int)`.execute(trx);
    const sp = await trx.savepoint('inner').execute();
    await sql`insert into sp_test values (1)`.execute(sp);
    await sp.rollbackToSavepoint('inner').execute();
    const { rows } = await sql<{ n: number }>`select count(*) as n from sp_test`.execute(trx);
    expect(rows[0]!.n).toBe(0);
    await trx.rollback().execute();
  });
});

describe('demo seed', () => {
  it('creates the demo accounts once, with the demo password', async () => {
    const seeded = await seedDemo(t.db, silentLogger());
    expect(seeded.map((a) => a.email)).toEqual(DEMO_ACCOUNTS.map((a) => a.email));
    expect(await seedDemo(t.db, silentLogger())).toEqual([]);
    const assessor = await t.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'assessor@example.org')
      .executeTakeFirstOrThrow();
    expect(assessor.roles).toEqual(['assessor']);
    expect(await verifyPassword(assessor.password_hash, DEMO_PASSWORD)).toBe(true);
  });
});

describe('embedded database directory', () => {
  it('refuses a second opener while the first holds it', async () => {
    const { openDatabase } = await import('./database');
    const dir = mkdtempSync(join(tmpdir(), 'initiatief-lock-'));
    const { writeFileSync } = await import('node:fs');
    try {
      // A live process (our parent) holding the directory.
      writeFileSync(join(dir, 'pglite.pid'), String(process.ppid));
      const started = performance.now();
      await expect(openDatabase({ dataDir: dir, dataDirWaitMs: 300 })).rejects.toThrow(
        /in use by process/,
      );
      expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('waits for a holder that is stopping, then opens', async () => {
    const { openDatabase } = await import('./database');
    const dir = mkdtempSync(join(tmpdir(), 'initiatief-lock-'));
    const { writeFileSync, unlinkSync } = await import('node:fs');
    try {
      writeFileSync(join(dir, 'pglite.pid'), String(process.ppid));
      // The holder closes its database 300 ms later, as a server does after Ctrl-C.
      setTimeout(() => unlinkSync(join(dir, 'pglite.pid')), 300);
      const waitedFor: number[] = [];
      const database = await openDatabase({
        dataDir: dir,
        dataDirWaitMs: 5_000,
        onDataDirWait: (pid) => waitedFor.push(pid),
      });
      await database.close();
      expect(waitedFor).toEqual([process.ppid]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps a page cache of 32 MB, not initdb's 128 MB, on every start", async () => {
    const { openDatabase } = await import('./database');
    const dir = mkdtempSync(join(tmpdir(), 'initiatief-buffers-'));
    try {
      // The first start (initdb) and a restart on the same directory.
      for (let start = 0; start < 2; start++) {
        const database = await openDatabase({ dataDir: dir });
        const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(
          database.db,
        );
        await database.close();
        expect(rows[0]?.shared_buffers).toBe('32MB');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('prepared statements (PostgreSQL)', () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'prepares each parameterised statement once per connection and recovers when a migration changes its result',
    async () => {
      const { openPostgres } = await import('./database');
      const database = openPostgres(t.url!, 1);
      try {
        await sql`create table prep_test (id int primary key, a text)`.execute(database.db);
        await sql`insert into prep_test values (1, 'x')`.execute(database.db);
        const read = () =>
          sql<Record<string, unknown>>`select * from prep_test where id = ${1}`.execute(
            database.db,
          );
        expect((await read()).rows).toEqual([{ id: 1, a: 'x' }]);
        const { rows: prepared } = await sql<{ statement: string }>`
          select statement from pg_prepared_statements where statement like ${'%from prep_test where id = $1%'}`.execute(
          database.db,
        );
        expect(prepared).toHaveLength(1);
        // A migration changes the table under the prepared statement: PostgreSQL refuses it
        // once ("cached plan must not change result type"); the next use prepares it afresh.
        await sql`alter table prep_test add column b int default 7`.execute(database.db);
        await expect(read()).rejects.toMatchObject({ code: '0A000' });
        expect((await read()).rows).toEqual([{ id: 1, a: 'x', b: 7 }]);
      } finally {
        await database.close();
      }
    },
  );
});
