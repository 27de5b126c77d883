import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import { compiledOnce } from './compiled-once';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe('compiledOnce', () => {
  test('compiles once and runs with each call’s own values, in a transaction too', async () => {
    let builds = 0;
    const echo = compiledOnce((db, a: string, b: string) => {
      builds++;
      return db.selectNoFrom([
        sql<string>`${b}::text`.as('second'),
        sql<string>`${a}::text`.as('first'),
      ]);
    });
    expect(await echo(t.db, 'Ayşe', 'Çelik')).toEqual([{ second: 'Çelik', first: 'Ayşe' }]);
    const inTrx = await t.db.transaction().execute((trx) => echo(trx, 'één', 'twee'));
    expect(inTrx).toEqual([{ second: 'twee', first: 'één' }]);
    expect(builds).toBe(1);
  });

  test('refuses a statement that carries a value other than its stand-ins', async () => {
    const fixed = compiledOnce((db, a: string) =>
      db.selectNoFrom([sql<string>`${a}::text`.as('a'), sql<number>`${42}::int`.as('fixed')]),
    );
    await expect(fixed(t.db, 'x')).rejects.toThrow(/not a stand-in/);
  });
});
