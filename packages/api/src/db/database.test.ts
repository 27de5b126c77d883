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
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by process/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
