/**
 * An application's row (snapshot and form data, 2 to 3 kB) and a letter's row (about 2.5 kB) stay
 * whole in their page (migration 0036). Past PostgreSQL's default 2 kB, every command compressed
 * the new snapshot, wrote it to the TOAST table with an index entry and deleted the old one, and
 * every read fetched it back from there.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applicationIn, type Kit, setupKit } from './lifecycle.test-kit';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

/** The rows of a table's TOAST table: values moved out of the table's own pages. */
async function toastRows(table: 'applications' | 'documents'): Promise<number> {
  const { rows } = await sql<{ toast: string }>`
    select reltoastrelid::regclass::text as toast from pg_class where relname = ${table}`.execute(
    kit.t.db,
  );
  const toast = rows[0]?.toast;
  if (!toast) throw new Error(`${table} has no TOAST table`);
  const counted = await sql<{
    n: number;
  }>`select count(*)::int as n from ${sql.table(toast)}`.execute(kit.t.db);
  return Number(counted.rows[0]?.n);
}

describe('rows kept whole', () => {
  test('a granted application and its letters leave nothing in the TOAST tables', async () => {
    // Six budget lines: with the form data stored once (migration 0038), the demo's two lines
    // make a row of about 2.09 kB, too close to the threshold to show anything.
    const app = await applicationIn(kit, 'granted', {
      amountsCents: [45_000, 30_000, 5_000, 5_000, 5_000, 5_000],
    });
    const { rows } = await sql<{ row: number; letters: number; letterRow: number }>`
      select pg_column_size(a.*) as row,
             (select count(*)::int from documents d where d.application_id = a.id) as letters,
             (select max(pg_column_size(d.*)) from documents d where d.application_id = a.id)
               as "letterRow"
        from applications a where a.id = ${app.id}::uuid`.execute(kit.t.db);
    const sizes = rows[0];
    // Large enough that PostgreSQL's defaults would have moved or compressed them.
    expect(Number(sizes?.row)).toBeGreaterThan(2100);
    expect(Number(sizes?.letters)).toBeGreaterThan(0);
    expect(Number(sizes?.letterRow)).toBeGreaterThan(2100);
    expect(await toastRows('applications')).toBe(0);
    expect(await toastRows('documents')).toBe(0);
  });
});
