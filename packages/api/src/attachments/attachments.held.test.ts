/**
 * Which uploaded files are the application's (GET …/attachments) and which count towards the
 * quota: a file taken out of the form, or left out of the answer it was uploaded for, is neither;
 * a file of an answer the resident has not sent yet is not listed (it is not part of the
 * application yet) but counts; files from before migration 0042 that the form names get their
 * field from migration 0044, so taking them out works as for a new upload.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoFormData, onlyFormFields } from '../applications/applications.fixtures';
import {
  applicationIn,
  createDraft,
  createRegulation,
  type Kit,
  readJson,
  setupKit,
  step,
} from '../applications/lifecycle.test-kit';
import { supplementRuleVersion } from '../applications/supplement-rule.fixture';
import { REPO_ROOT } from '../paths';
import { call, createTestApp, TEST_ORIGIN, type TestApp } from '../test/test-app';

let kit: Kit;
let small: TestApp;
let v2: { regulationId: string; definition: Awaited<ReturnType<typeof supplementRuleVersion>> };
beforeAll(async () => {
  kit = await setupKit();
  // At most three files per application, so the tests reach the quota quickly.
  small = createTestApp({
    db: kit.t.db,
    clock: kit.clock,
    config: { uploadMaxFiles: 3, uploadMaxTotalBytes: 1_000_000 },
  });
  const definition = await supplementRuleVersion(kit.t.db, kit.workflow.key, kit.clock());
  v2 = { definition, regulationId: await createRegulation(kit.t, definition) };
});
afterAll(() => kit.close());

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
/** The test clock stands still: a step later in the story is a second later. */
const later = () => kit.clock.advance(1000);

async function upload(
  id: string,
  name: string,
  target: { field?: string; event?: string } = {},
  app: TestApp = small,
) {
  const form = new FormData();
  form.set('file', new File([PDF], name, { type: 'application/pdf' }));
  if (target.field) form.set('field', target.field);
  if (target.event) form.set('event', target.event);
  const res = await app.request(`/api/applications/${id}/attachments`, {
    method: 'POST',
    headers: { origin: TEST_ORIGIN, cookie: kit.cookies.resident },
    body: form,
  });
  return { status: res.status, body: await readJson(res) };
}

async function uploaded(id: string, name: string, target: { field?: string; event?: string }) {
  const res = await upload(id, name, target);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** The names of the files the application lists as its own, as the resident reads them. */
async function listed(id: string, cookie = kit.cookies.resident): Promise<string[]> {
  const res = await call(kit.app, 'GET', `/api/applications/${id}/attachments`, { cookie });
  expect(res.status).toBe(200);
  return (await readJson(res)).items.map((f: { filename: string }) => f.filename);
}

/** Saves the form's field `quotes` as the wizard does (autosave), with the current version. */
async function nameInForm(id: string, ids: string[]) {
  const now = await readJson(
    await call(kit.app, 'GET', `/api/applications/${id}`, { cookie: kit.cookies.resident }),
  );
  const res = await call(kit.app, 'PATCH', `/api/applications/${id}`, {
    cookie: kit.cookies.resident,
    json: { data: { quotes: ids } },
    headers: { 'If-Match': `"${now.version}"` },
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

async function infoRequestedOnV2() {
  const draft = await createDraft(kit, 'resident', {
    regulationId: v2.regulationId,
    data: onlyFormFields(v2.definition.definition, demoFormData(kit.clock())),
  });
  await step(kit, 'resident', draft.id, 'SUBMIT');
  return step(kit, 'assessor', draft.id, 'REQUEST_INFO', {
    message: 'Graag een offerte voor het podium.',
    periodDays: 14,
  });
}

describe("a form's file taken out again", () => {
  test('is not listed and no longer counts; a file not named yet counts', async () => {
    const draft = await createDraft(kit);
    const a = await uploaded(draft.id, 'a.pdf', { field: 'quotes' });
    const b = await uploaded(draft.id, 'b.pdf', { field: 'quotes' });
    const c = await uploaded(draft.id, 'c.pdf', { field: 'quotes' });
    // Uploaded but not in the form yet (the autosave is on its way): they count all the same.
    const fourth = await upload(draft.id, 'd.pdf', { field: 'quotes' });
    expect(fourth.status).toBe(409);
    expect(fourth.body.invalidParams[0].reason).toBe(
      'Bij deze aanvraag staan al 3 bestanden, het meeste dat kan. Verwijder eerst een bestand.',
    );
    later();
    await nameInForm(draft.id, [a, b, c]);
    expect(await listed(draft.id)).toEqual(['a.pdf', 'b.pdf', 'c.pdf']);

    // "Verwijderen" at b: the form no longer names it.
    later();
    await nameInForm(draft.id, [a, c]);
    expect(await listed(draft.id)).toEqual(['a.pdf', 'c.pdf']);
    later();
    const d = await uploaded(draft.id, 'd.pdf', { field: 'quotes' });
    later();
    await nameInForm(draft.id, [a, c, d]);
    expect(await listed(draft.id)).toEqual(['a.pdf', 'c.pdf', 'd.pdf']);
    // Three files again: the quota holds.
    expect((await upload(draft.id, 'e.pdf', { field: 'quotes' })).status).toBe(409);
    // The file taken out is kept: its link still opens it.
    const file = await call(kit.app, 'GET', `/api/attachments/${b}`, {
      cookie: kit.cookies.resident,
    });
    expect(file.status).toBe(200);
  });
});

describe('a file uploaded in the answer form', () => {
  test('is listed once the answer is sent, not before; one left out of it does not count', async () => {
    const asked = await infoRequestedOnV2();
    const offer = await uploaded(asked.id, 'offerte.pdf', {
      event: 'SUPPLEMENT',
      field: 'attachments',
    });
    await uploaded(asked.id, 'verkeerd.pdf', { event: 'SUPPLEMENT', field: 'attachments' });
    // Not sent yet: not part of the application, for the resident nor for staff.
    expect(await listed(asked.id)).toEqual([]);
    expect(await listed(asked.id, kit.cookies.assessor)).toEqual([]);

    later();
    await step(kit, 'resident', asked.id, 'SUPPLEMENT', { attachments: [offer] });
    expect(await listed(asked.id)).toEqual(['offerte.pdf']);
    expect(await listed(asked.id, kit.cookies.assessor)).toEqual(['offerte.pdf']);

    // A second request: the file left out of the first answer does not count, the one sent does.
    later();
    await step(kit, 'assessor', asked.id, 'REQUEST_INFO', {
      message: 'Graag ook een schets.',
      periodDays: 14,
    });
    later();
    await uploaded(asked.id, 'schets.pdf', { event: 'SUPPLEMENT', field: 'attachments' });
    await uploaded(asked.id, 'schets-2.pdf', { event: 'SUPPLEMENT', field: 'attachments' });
    // Offer, two sketches waiting to be sent: three.
    expect((await upload(asked.id, 'schets-3.pdf', { event: 'SUPPLEMENT' })).status).toBe(422);
    expect(
      (await upload(asked.id, 'schets-3.pdf', { event: 'SUPPLEMENT', field: 'attachments' }))
        .status,
    ).toBe(409);
    expect(await listed(asked.id)).toEqual(['offerte.pdf']);
  });

  test('names an event whose payload takes files in that field', async () => {
    const asked = await infoRequestedOnV2();
    const noEvent = await upload(asked.id, 'x.pdf', { event: 'NO_SUCH_EVENT', field: 'files' });
    expect(noEvent.status).toBe(422);
    expect(noEvent.body.invalidParams).toEqual([
      { name: 'event', reason: 'Bij deze stap kunt u geen bestanden meesturen.' },
    ]);
    const noField = await upload(asked.id, 'x.pdf', { event: 'SUPPLEMENT', field: 'message' });
    expect(noField.status).toBe(422);
    expect(noField.body.invalidParams).toEqual([
      { name: 'field', reason: 'Deze stap heeft geen bijlageveld met deze naam.' },
    ]);
    expect(await listed(asked.id)).toEqual([]);
  });

  test('a file of the application page (no field, no event) is listed at once', async () => {
    const asked = await applicationIn(kit, 'info_requested');
    await uploaded(asked.id, 'aanvulling.pdf', {});
    expect(await listed(asked.id)).toEqual(['aanvulling.pdf']);
  });
});

describe('migration 0044 on files from before migration 0042', () => {
  test('a file the form names gets its field, so taking it out then works', async () => {
    const draft = await createDraft(kit);
    const named = await uploaded(draft.id, 'in-het-formulier.pdf', { field: 'quotes' });
    const page = await uploaded(draft.id, 'zonder-veld.pdf', {});
    later();
    await nameInForm(draft.id, [named]);
    // As stored before 0042: no field.
    await sql`update attachments set field = null where id = ${named}::uuid`.execute(kit.t.db);

    const migration = readFileSync(
      join(REPO_ROOT, 'migrations', '0044_attachment_event.sql'),
      'utf8',
    );
    await sql.raw(migration).execute(kit.t.db);
    const rows = await kit.t.db
      .selectFrom('attachments')
      .select(['id', 'field', 'event'])
      .where('application_id', '=', draft.id)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(named)).toMatchObject({ field: 'quotes', event: null });
    // Named by nothing: a file of the page or one taken out, which no row tells apart. It stays.
    expect(byId.get(page)).toMatchObject({ field: null, event: null });

    later();
    await nameInForm(draft.id, []);
    expect(await listed(draft.id)).toEqual(['zonder-veld.pdf']);
  });
});
