/**
 * A grant's ledger rows travel with COMMIT in one message (commitWith), so the budget row they
 * lock is released inside PostgreSQL. Their values are written into the statement's text, so
 * the text is built only from values it has checked.
 */
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Kit, setupKit } from '../applications/lifecycle.test-kit';
import { pgliteOptions, wrapPglite } from '../db/database';
import { commitWith, ledgerInsertText } from './budget.repository';

const ids = { regulationId: randomUUID(), applicationId: randomUUID(), historyId: randomUUID() };
const at = new Date('2026-12-01T10:00:00Z');

describe('ledgerInsertText', () => {
  test('writes the rows in the step order, with checked values', () => {
    const text = ledgerInsertText({
      ...ids,
      at,
      effects: [
        { type: 'budget.reserve', amountCents: 75_000 },
        { type: 'budget.commit', amountCents: 60_000 },
        { type: 'budget.release', amountCents: 15_000 },
        { type: 'notice', template: 'x', audience: 'applicant' } as never,
      ],
    });
    expect(text).toContain(`'${ids.regulationId}'::uuid`);
    expect(text).toContain("'2026-12-01T10:00:00.000Z'::timestamptz");
    const kinds = [...(text ?? '').matchAll(/'(reserve|commit|release)', (\d+)/g)].map((m) => [
      m[1],
      Number(m[2]),
    ]);
    expect(kinds).toEqual([
      ['reserve', 75_000],
      ['commit', 60_000],
      ['release', 15_000],
    ]);
  });

  test('is null for a step without budget effects', () => {
    expect(ledgerInsertText({ ...ids, at, effects: [] })).toBeNull();
  });

  test('refuses an id that is not a uuid and cents that are not whole', () => {
    const effects = [{ type: 'budget.reserve' as const, amountCents: 100 }];
    expect(() =>
      ledgerInsertText({ ...ids, historyId: "x'); drop table budgets; --", at, effects }),
    ).toThrow(/not a uuid/);
    expect(() =>
      ledgerInsertText({
        ...ids,
        at,
        effects: [{ type: 'budget.reserve', amountCents: 1.5 }],
      }),
    ).toThrow(/not whole cents/);
  });
});

describe('commitWith', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await setupKit();
    await sql`create table commit_with_probe (n int not null)`.execute(kit.t.db);
  });
  afterAll(() => kit.close());

  const count = async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from commit_with_probe`.execute(kit.t.db);
    return Number(rows[0]?.n);
  };

  test('commits what came before and the statement, and leaves an empty transaction', async () => {
    await kit.t.db.transaction().execute(async (trx) => {
      await sql`insert into commit_with_probe values (1)`.execute(trx);
      await commitWith(trx, 'insert into commit_with_probe values (2)');
      // Already committed: another connection sees both rows before this transaction ends.
      expect(await count()).toBe(2);
    });
    expect(await count()).toBe(2);
  });

  test('when the statement fails, nothing of the transaction stays', async () => {
    const before = await count();
    await expect(
      kit.t.db.transaction().execute(async (trx) => {
        await sql`insert into commit_with_probe values (3)`.execute(trx);
        await commitWith(trx, 'insert into commit_with_probe values (null)');
      }),
    ).rejects.toMatchObject({ code: '23502' });
    expect(await count()).toBe(before);
  });
});

describe('commitWith on embedded PGlite', () => {
  test('commits, and refuses as on PostgreSQL', async () => {
    const database = await wrapPglite(await PGlite.create(undefined as never, pgliteOptions()));
    const db = database.db;
    const count = async () =>
      Number((await sql<{ n: number }>`select count(*)::int as n from p`.execute(db)).rows[0]?.n);
    try {
      await sql`create table p (n int not null)`.execute(db);
      await db.transaction().execute(async (trx) => {
        await sql`insert into p values (1)`.execute(trx);
        await commitWith(trx, 'insert into p values (2)');
      });
      expect(await count()).toBe(2);
      await expect(
        db.transaction().execute(async (trx) => {
          await sql`insert into p values (3)`.execute(trx);
          await commitWith(trx, 'insert into p values (null)');
        }),
      ).rejects.toMatchObject({ code: '23502' });
      expect(await count()).toBe(2);
      // The session is usable again: the next transaction commits as usual.
      await db.transaction().execute((trx) => sql`insert into p values (4)`.execute(trx));
      expect(await count()).toBe(3);
    } finally {
      await database.close();
    }
  });
});
