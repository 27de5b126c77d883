/**
 * "Te beslissen" reads a column kept with every step (migration 0040): true exactly while the
 * application is in a state its definition tags awaiting_approval. Applications stored before
 * the migration get it from the migration itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../paths';
import { applicationIn, type Kit, setupKit, step } from './lifecycle.test-kit';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

const flag = async (id: string) =>
  (
    await kit.t.db
      .selectFrom('applications')
      .select('awaiting_approval')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).awaiting_approval;

describe('awaiting_approval', () => {
  test('follows the state: set by the proposal, cleared by the decision', async () => {
    const submitted = await applicationIn(kit, 'submitted');
    expect(await flag(submitted.id)).toBe(false);
    const assessed = await applicationIn(kit, 'assessed');
    expect(await flag(assessed.id)).toBe(true);
    await step(kit, 'approver', assessed.id, 'GRANT', {});
    expect(await flag(assessed.id)).toBe(false);
  });

  test('the migration sets it for applications stored before it', async () => {
    const assessed = await applicationIn(kit, 'assessed');
    const submitted = await applicationIn(kit, 'submitted');
    await kit.t.db.updateTable('applications').set({ awaiting_approval: false }).execute();
    const migration = readFileSync(
      join(REPO_ROOT, 'migrations', '0040_awaiting_approval.sql'),
      'utf8',
    );
    // Its UPDATE alone: the column and the index exist already.
    const update = migration.slice(migration.indexOf('UPDATE applications'));
    await sql.raw(update.slice(0, update.indexOf(';') + 1)).execute(kit.t.db);
    expect(await flag(assessed.id)).toBe(true);
    expect(await flag(submitted.id)).toBe(false);
  });
});
