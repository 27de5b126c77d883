/**
 * The form data is stored once, in `applications.data` (migration 0038): the snapshot's context
 * leaves it out, and every read puts it back, so the engine still sees a whole snapshot.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../paths';
import { call } from '../test/test-app';
import { findApplication, findApplicationWithRegulation } from './applications.repository';
import { applicationIn, type Kit, readJson, setupKit, step } from './lifecycle.test-kit';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

async function stored(id: string) {
  const { rows } = await sql<{ hasData: boolean; data: Record<string, unknown> }>`
    select snapshot -> 'context' ? 'data' as "hasData", data
      from applications where id = ${id}::uuid`.execute(kit.t.db);
  const row = rows[0];
  if (!row) throw new Error(`no application ${id}`);
  return row;
}

describe('the form data stored once', () => {
  test('a draft, its edit and each step write the snapshot without the form data', async () => {
    const draft = await applicationIn(kit, 'draft');
    expect((await stored(draft.id)).hasData).toBe(false);

    const edited = await call(kit.app, 'PATCH', `/api/applications/${draft.id}`, {
      cookie: kit.cookies.resident,
      json: { data: { title: 'Straatfeest Ayşe Yıldız-Çelik' } },
      headers: { 'If-Match': `"${draft.version}"` },
    });
    expect(edited.status, await edited.clone().text()).toBe(200);
    const afterEdit = await stored(draft.id);
    expect(afterEdit.hasData).toBe(false);
    expect(afterEdit.data.title).toBe('Straatfeest Ayşe Yıldız-Çelik');

    const submitted = await step(kit, 'resident', draft.id, 'SUBMIT');
    expect(submitted.state).toBe('submitted');
    const afterSubmit = await stored(draft.id);
    expect(afterSubmit.hasData).toBe(false);
    expect(afterSubmit.data.title).toBe('Straatfeest Ayşe Yıldız-Çelik');
  });

  test('every read gives the engine the whole snapshot, form data included', async () => {
    const app = await applicationIn(kit, 'granted');
    const row = await findApplication(kit.t.db, app.id);
    if (!row) throw new Error('the granted application is gone');
    const context = (row.snapshot as { context: { data: Record<string, unknown> } }).context;
    expect(context.data).toEqual(row.data);
    expect(context.data.title).toBe('Straatfeest Mathenesserlaan');
    const locked = await findApplicationWithRegulation(kit.t.db, app.id);
    if (!locked) throw new Error('the granted application is gone');
    const lockedContext = (locked.app.snapshot as { context: { data: unknown } }).context;
    expect(lockedContext.data).toEqual(row.data);

    // What residents and staff read is made from it: the title comes back in the detail.
    const res = await call(kit.app, 'GET', `/api/applications/${app.id}`, {
      cookie: kit.cookies.resident,
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await readJson(res))).toContain('Straatfeest Mathenesserlaan');
  });

  test('the migration takes the copies out of snapshots stored before it', async () => {
    const app = await applicationIn(kit, 'submitted');
    await sql`update applications set snapshot = jsonb_set(snapshot, '{context,data}', data)
      where id = ${app.id}::uuid`.execute(kit.t.db);
    expect((await stored(app.id)).hasData).toBe(true);
    const migration = readFileSync(
      join(REPO_ROOT, 'migrations', '0038_snapshot_without_form_data.sql'),
      'utf8',
    );
    await sql.raw(migration).execute(kit.t.db);
    const after = await stored(app.id);
    expect(after.hasData).toBe(false);
    expect(after.data.title).toBe('Straatfeest Mathenesserlaan');
    // And the application goes on from there.
    const assessed = await step(kit, 'assessor', app.id, 'ASSESS', {
      recommendation: 'grant',
      motivation: 'Past bij het wijkakkoord.',
    });
    expect(assessed.state).toBe('assessed');
  });
});
