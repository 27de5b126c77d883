import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDraft, type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { AppError } from '../errors';
import { TEST_ORIGIN } from '../test/test-app';
import { refuseOddFilename, safeFilename } from './attachments.content';
import { pdf } from './attachments.test-kit';

// An uploaded file's name with odd characters in it is refused, not cleaned: the person sees a
// 400 that names the field, and nothing is stored. A path before the name is still dropped.

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit?.close());

/** Posts the file as a browser does (FormData), in the person's language. */
function upload(id: string, name: string, language = 'nl') {
  const form = new FormData();
  form.set('file', new File([pdf()], name, { type: 'application/pdf' }));
  return kit.app.request(`/api/applications/${id}/attachments`, {
    method: 'POST',
    headers: { origin: TEST_ORIGIN, cookie: kit.cookies.resident, 'accept-language': language },
    body: form,
  });
}

async function storedFor(applicationId: string): Promise<string[]> {
  const rows = await kit.t.db
    .selectFrom('attachments')
    .select('filename')
    .where('application_id', '=', applicationId)
    .execute();
  return rows.map((r) => r.filename);
}

/** The reason given for `form.file`, after checking the refusal's shape. */
async function refusedFileName(res: Response): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = await readJson(res);
  expect(body.code).toBe('malformed_request');
  expect(body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['form.file']);
  return body.invalidParams[0].reason as string;
}

describe('a file name with odd characters is refused, naming form.file; nothing is stored', () => {
  test('a NUL character', async () => {
    const draft = await createDraft(kit);
    const reason = await refusedFileName(await upload(draft.id, 'offerte\u0000podium.pdf'));
    expect(reason).toMatch(/bestandsnaam met een NUL-teken/);
    expect(await storedFor(draft.id)).toEqual([]);
  });

  test('a right-to-left override that disguises the extension, in English', async () => {
    const draft = await createDraft(kit);
    const res = await upload(draft.id, 'factuur\u202efdp.exe', 'en');
    expect(await refusedFileName(res)).toMatch(/reverses the reading direction/);
    expect(await storedFor(draft.id)).toEqual([]);
  });

  test.each([
    ['a left-to-right embedding', 'offerte\u202a.pdf'],
    ['a first-strong isolate', 'offerte\u2068.pdf'],
    ['a pop directional isolate', 'offerte\u2069.pdf'],
  ])('%s', async (_what, name) => {
    const draft = await createDraft(kit);
    expect(await refusedFileName(await upload(draft.id, name))).toMatch(/leesrichting/);
    expect(await storedFor(draft.id)).toEqual([]);
  });

  test.each([
    ['an escape', 'offerte\u001b[2J.pdf'],
    ['a tab', 'offerte\tpodium.pdf'],
    // FormData sends a line break as %0A; the parser turns it back into one.
    ['a line break', 'offerte\npodium.pdf'],
    ['DEL', 'offerte\u007f.pdf'],
    ['a C1 control', 'offerte\u0085.pdf'],
  ])('%s', async (_what, name) => {
    const draft = await createDraft(kit);
    expect(await refusedFileName(await upload(draft.id, name))).toMatch(/stuurteken/);
    expect(await storedFor(draft.id)).toEqual([]);
  });

  test('U+FFFD, what a name in bytes that were no UTF-8 turns into', async () => {
    const draft = await createDraft(kit);
    expect(await refusedFileName(await upload(draft.id, 'offerte\ufffd.pdf'))).toMatch(/UTF-8/);
    expect(await storedFor(draft.id)).toEqual([]);
  });
});

describe('what is still accepted', () => {
  test('a path before the name is dropped, as before', async () => {
    const draft = await createDraft(kit);
    expect((await upload(draft.id, '..\\..\\C:\\Users\\x\\Offerte podium.pdf')).status).toBe(201);
    expect((await upload(draft.id, '../../etc/begroting.pdf')).status).toBe(201);
    expect((await storedFor(draft.id)).sort()).toEqual(['Offerte podium.pdf', 'begroting.pdf']);
  });

  test('right-to-left letters without an override are a name like any other', async () => {
    const draft = await createDraft(kit);
    const res = await upload(draft.id, 'عرض سعر.pdf');
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await storedFor(draft.id)).toEqual(['عرض سعر.pdf']);
  });
});

describe('the route refuses by itself too, whatever reached it', () => {
  function refusal(name: string): AppError | undefined {
    try {
      refuseOddFilename(name);
      return undefined;
    } catch (error) {
      return error as AppError;
    }
  }

  test('a lone surrogate (no multipart parser makes one, a caller could)', () => {
    const error = refusal('offerte\ud800.pdf');
    expect(error).toBeInstanceOf(AppError);
    expect(error?.code).toBe('malformed_request');
    expect(error?.invalidParams?.[0]).toMatchObject({
      name: 'form.file',
      text: { nl: expect.stringMatching(/half teken/), en: expect.stringMatching(/half a/) },
    });
  });

  test('safeFilename refuses instead of cleaning, and still drops paths and markup', () => {
    expect(() => safeFilename('\u0000\u202e.exe', 'image/png')).toThrow(AppError);
    expect(() => safeFilename('scan\r\n.png', 'image/png')).toThrow(AppError);
    expect(refusal('Offerte (2) – définitief.pdf')).toBeUndefined();
    expect(safeFilename('C:\\x\\<b>.pdf', 'application/pdf')).toBe('b_.pdf');
  });
});
