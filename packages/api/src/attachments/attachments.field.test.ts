import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  demoSmallBudgetData,
  onlyFormFields,
  smallBudgetRegulation,
} from '../applications/applications.fixtures';
import {
  createDraft,
  type Kit,
  readJson,
  sendEvent,
  setupKit,
} from '../applications/lifecycle.test-kit';
import { newestShipped, readShippedDefinitions } from '../definitions/definitions.repository';
import { call, TEST_ORIGIN } from '../test/test-app';

// The shipped forms ask for files in a field of their own (type `attachments`): the value is
// the list of the application's uploaded files, and nobody can point it at another's file.
let kit: Kit;
let smallBudget: string;
beforeAll(async () => {
  kit = await setupKit();
  smallBudget = await smallBudgetRegulation(kit.t.db, {
    code: 'KB-FILES-2026',
    title: 'Klein buurtbudget Charlois 2026',
    district: 'Charlois',
  });
});
afterAll(() => kit.close());

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function upload(
  id: string,
  bytes: Uint8Array,
  name: string,
  field?: string,
  cookie = kit.cookies.resident,
) {
  const form = new FormData();
  form.set('file', new File([bytes], name));
  if (field) form.set('field', field);
  const res = await kit.app.request(`/api/applications/${id}/attachments`, {
    method: 'POST',
    headers: { origin: TEST_ORIGIN, cookie },
    body: form,
  });
  return { status: res.status, body: await readJson(res) };
}

function patch(id: string, version: number, data: Record<string, unknown>) {
  return call(kit.app, 'PATCH', `/api/applications/${id}`, {
    cookie: kit.cookies.resident,
    json: { data },
    headers: { 'If-Match': `"${version}"` },
  });
}

describe('an attachments field of the form', () => {
  test('holds files of its own application, which the detail and the submit accept', async () => {
    const draft = await createDraft(kit);
    const file = await upload(draft.id, PDF, 'Offerte tent.pdf', 'quotes');
    expect(file.status).toBe(201);
    const res = await patch(draft.id, draft.version, { quotes: [file.body.id] });
    expect(res.status, await res.clone().text()).toBe(200);
    const detail = await readJson(res);
    expect(detail.data.quotes).toEqual([file.body.id]);
    const sent = await sendEvent(kit, 'resident', draft.id, 'SUBMIT', undefined, {
      'If-Match': res.headers.get('etag') ?? '',
    });
    expect(sent.status, await sent.clone().text()).toBe(200);
  });

  test("another application's file, or an id of nothing, is refused at its place in the field", async () => {
    const mine = await createDraft(kit);
    const other = await createDraft(kit);
    const theirs = await upload(other.id, PDF, 'Andermans offerte.pdf');
    const own = await upload(mine.id, PDF, 'Eigen offerte.pdf');
    const res = await patch(mine.id, mine.version, {
      quotes: [own.body.id, theirs.body.id, '7d9f1c2e-0000-4000-8000-000000000001'],
    });
    expect(res.status).toBe(422);
    const problem = await readJson(res);
    expect(problem.invalidParams.map((p: { name: string }) => p.name)).toEqual([
      'data.quotes.1',
      'data.quotes.2',
    ]);
    expect(problem.invalidParams[0].reason).toContain('Offertes en andere stukken');
    // Nothing of the refused edit was kept.
    const after = await readJson(
      await call(kit.app, 'GET', `/api/applications/${mine.id}`, { cookie: kit.cookies.resident }),
    );
    expect(after.version).toBe(mine.version);
    expect(after.data.quotes).toBeUndefined();
  });

  test('a new application cannot name files: it has none yet', async () => {
    const other = await createDraft(kit);
    const theirs = await upload(other.id, PDF, 'Offerte.pdf');
    const res = await call(kit.app, 'POST', '/api/applications', {
      cookie: kit.cookies.resident,
      json: { regulationId: kit.regulationId, data: { quotes: [theirs.body.id] } },
    });
    expect(res.status).toBe(422);
    expect((await readJson(res)).invalidParams[0].name).toBe('data.quotes.0');
  });

  test('a field that takes photos refuses a PDF in words that name it; an unknown field is refused', async () => {
    const res = await call(kit.app, 'POST', '/api/applications', {
      cookie: kit.cookies.resident,
      json: { regulationId: smallBudget, data: demoSmallBudgetData(kit.clock()) },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const draft = await readJson(res);
    const pdf = await upload(draft.id, PDF, 'plan.pdf', 'photos');
    expect(pdf.status).toBe(415);
    expect(pdf.body.invalidParams[0]).toEqual({
      name: 'file',
      reason: "Bij Foto's of een schets van uw plan kunt u alleen foto's toevoegen (JPEG of PNG).",
    });
    const photo = await upload(draft.id, PNG, 'plek.png', 'photos');
    expect(photo.status).toBe(201);
    const nowhere = await upload(draft.id, PNG, 'plek.png', 'shoeSize');
    expect(nowhere.status).toBe(422);
    expect(nowhere.body.invalidParams[0].name).toBe('field');
  });

  test('the desk uploading for the resident reads the field by its label for staff', async () => {
    const newest = newestShipped(await readShippedDefinitions(), 'klein-buurtbudget')!;
    const regulationId = await smallBudgetRegulation(kit.t.db, {
      code: 'KB-FILES-NEWEST-2026',
      title: 'Klein buurtbudget Charlois 2026',
      district: 'Charlois',
      workflowVersion: newest.version,
    });
    const res = await call(kit.app, 'POST', '/api/applications', {
      cookie: kit.cookies.resident,
      json: { regulationId, data: onlyFormFields(newest, demoSmallBudgetData(kit.clock())) },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const draft = await readJson(res);
    const byClerk = await upload(draft.id, PDF, 'plan.pdf', 'photos', kit.cookies.clerk);
    expect(byClerk.status).toBe(415);
    expect(byClerk.body.invalidParams[0].reason).toBe(
      "Bij Foto's of een schets van het plan kunt u alleen foto's toevoegen (JPEG of PNG).",
    );
    const byHerself = await upload(draft.id, PDF, 'plan.pdf', 'photos');
    expect(byHerself.status).toBe(415);
    expect(byHerself.body.invalidParams[0].reason).toBe(
      "Bij Foto's of een schets van uw plan kunt u alleen foto's toevoegen (JPEG of PNG).",
    );
  });
});
