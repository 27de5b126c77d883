import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import { postgresNotifications } from './notifications';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

/** Resolves when `count()` reaches `n`, or fails after `ms`. */
async function until(count: () => number, n: number, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (count() < n) {
    if (Date.now() > deadline) throw new Error(`only ${count()} of ${n} notifications`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('LISTEN/NOTIFY', () => {
  it('delivers a notification on commit and none on rollback', async () => {
    let seen = 0;
    const unlisten = await t.notifications.listen('initiatief_test', () => {
      seen++;
    });
    try {
      await t.db.transaction().execute(async (trx) => {
        await sql`select pg_notify('initiatief_test', '')`.execute(trx);
        await sql`select pg_notify('initiatief_test', '')`.execute(trx);
      });
      await until(() => seen, 1);
      await t.db
        .transaction()
        .execute(async (trx) => {
          await sql`select pg_notify('initiatief_test', '')`.execute(trx);
          throw new Error('roll back');
        })
        .catch(() => undefined);
      await sql`select pg_notify('initiatief_test', '')`.execute(t.db);
      await until(() => seen, 2);
      // Two in one transaction fold into one; the rolled back one never arrives.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen).toBe(2);
    } finally {
      await unlisten();
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'listens again after its connection is killed, and wakes its listeners once on return',
    async () => {
      const notifications = postgresNotifications(t.url!, { maxBackoffMs: 200 });
      let seen = 0;
      try {
        await notifications.listen('initiatief_test', () => {
          seen++;
        });
        await sql`select pg_notify('initiatief_test', '')`.execute(t.db);
        await until(() => seen, 1);
        // What a PostgreSQL restart does to the listening connection.
        await sql`select pg_terminate_backend(pid) from pg_stat_activity
                  where query = 'LISTEN initiatief_test' and pid <> pg_backend_pid()`.execute(t.db);
        await until(() => seen, 2); // the wake-up after reconnecting
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from pg_stat_activity where query = 'LISTEN initiatief_test'`.execute(
          t.db,
        );
        expect(rows[0]!.n).toBe(1);
        await sql`select pg_notify('initiatief_test', '')`.execute(t.db);
        await until(() => seen, 3);
      } finally {
        await notifications.close();
      }
    },
  );
});
