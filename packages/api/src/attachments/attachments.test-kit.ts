/**
 * Helpers for the tests of uploads taken out again (the ceiling, the purge): upload as the
 * resident through the real HTTP API, name files in the form as the wizard's autosave does, and
 * read back what the application lists and serves.
 */
import { expect } from 'vitest';
import { demoFormData, onlyFormFields } from '../applications/applications.fixtures';
import {
  createDraft,
  createRegulation,
  type Kit,
  readJson,
  step,
} from '../applications/lifecycle.test-kit';
import { supplementRuleVersion } from '../applications/supplement-rule.fixture';
import { call, TEST_ORIGIN, type TestApp } from '../test/test-app';

export const DAY = 86_400_000;

/** A PDF of `size` bytes (the type is read from its first bytes). */
export function pdf(size = 64): Uint8Array {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
  return bytes;
}

export async function upload(
  kit: Kit,
  app: TestApp,
  id: string,
  name: string,
  target: { field?: string; event?: string; bytes?: Uint8Array; language?: string } = {},
) {
  const form = new FormData();
  form.set('file', new File([target.bytes ?? pdf()], name, { type: 'application/pdf' }));
  if (target.field) form.set('field', target.field);
  if (target.event) form.set('event', target.event);
  const res = await app.request(`/api/applications/${id}/attachments`, {
    method: 'POST',
    headers: {
      origin: TEST_ORIGIN,
      cookie: kit.cookies.resident,
      ...(target.language ? { 'accept-language': target.language } : {}),
    },
    body: form,
  });
  return { status: res.status, type: res.headers.get('content-type'), body: await readJson(res) };
}

export async function uploaded(...args: Parameters<typeof upload>): Promise<string> {
  const res = await upload(...args);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** The names of the files the application lists as its own. */
export async function listed(kit: Kit, id: string, cookie = kit.cookies.resident) {
  const res = await call(kit.app, 'GET', `/api/applications/${id}/attachments`, { cookie });
  expect(res.status).toBe(200);
  return (await readJson(res)).items.map((f: { filename: string }) => f.filename) as string[];
}

/** GET /api/attachments/{id}: the status, and the problem or the bytes. */
export async function download(kit: Kit, fileId: string, cookie = kit.cookies.resident) {
  const res = await call(kit.app, 'GET', `/api/attachments/${fileId}`, { cookie });
  const problem = res.headers.get('content-type')?.startsWith('application/problem+json');
  return {
    status: res.status,
    problem: problem ? await readJson(res) : undefined,
    bytes: problem ? undefined : new Uint8Array(await res.arrayBuffer()),
  };
}

/** Saves the form's field `quotes` as the wizard does (autosave), with the current version. */
export async function patchQuotes(kit: Kit, id: string, ids: string[]) {
  const now = await readJson(
    await call(kit.app, 'GET', `/api/applications/${id}`, { cookie: kit.cookies.resident }),
  );
  return call(kit.app, 'PATCH', `/api/applications/${id}`, {
    cookie: kit.cookies.resident,
    json: { data: { quotes: ids } },
    headers: { 'If-Match': `"${now.version}"` },
  });
}

export async function nameInForm(kit: Kit, id: string, ids: string[]) {
  const res = await patchQuotes(kit, id, ids);
  expect(res.status, await res.clone().text()).toBe(200);
}

/** An application on the newest version (its answer takes files), submitted, information requested. */
export async function infoRequestedOnV2(kit: Kit) {
  const definition = await supplementRuleVersion(kit.t.db, kit.workflow.key, kit.clock());
  const regulationId = await createRegulation(kit.t, definition);
  const draft = await createDraft(kit, 'resident', {
    regulationId,
    data: onlyFormFields(definition.definition, demoFormData(kit.clock())),
  });
  await step(kit, 'resident', draft.id, 'SUBMIT');
  return step(kit, 'assessor', draft.id, 'REQUEST_INFO', {
    message: 'Graag een offerte voor het podium.',
    periodDays: 14,
  });
}

/** The stored row of a file: whether its bytes are still there, and when they were purged. */
export async function stored(kit: Kit, fileId: string) {
  const row = await kit.t.db
    .selectFrom('attachments')
    .select(['content', 'purged_at', 'size_bytes'])
    .where('id', '=', fileId)
    .executeTakeFirstOrThrow();
  return { hasContent: row.content !== null, purgedAt: row.purged_at, size: row.size_bytes };
}
