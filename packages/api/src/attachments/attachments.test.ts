import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDraft, type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { call, TEST_ORIGIN } from '../test/test-app';
import { contentDisposition, safeFilename, sniffType } from './attachments.content';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);

function upload(id: string, bytes: Uint8Array, name: string, cookie = kit.cookies.resident) {
  const form = new FormData();
  form.set('file', new File([bytes], name, { type: 'application/pdf' }));
  return kit.app.request(`/api/applications/${id}/attachments`, {
    method: 'POST',
    headers: { origin: TEST_ORIGIN, cookie },
    body: form,
  });
}

describe('attachments: happy', () => {
  test('upload a PDF, list it, download the same bytes', async () => {
    const draft = await createDraft(kit);
    const res = await upload(draft.id, PDF, 'Offerte podium.pdf');
    expect(res.status).toBe(201);
    const meta = await readJson(res);
    expect(meta).toMatchObject({
      filename: 'Offerte podium.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.byteLength,
    });
    expect(res.headers.get('location')).toBe(`/api/attachments/${meta.id}`);
    const list = await call(kit.app, 'GET', `/api/applications/${draft.id}/attachments`, {
      cookie: kit.cookies.assessor,
    });
    expect((await readJson(list)).items.map((i: { id: string }) => i.id)).toEqual([meta.id]);
    const dl = await call(kit.app, 'GET', `/api/attachments/${meta.id}`, {
      cookie: kit.cookies.resident,
    });
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('application/pdf');
    expect(dl.headers.get('content-disposition')).toContain('attachment;');
    expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await dl.arrayBuffer())).toEqual(PDF);
  });

  test('PNG and JPEG are recognised by content; the extension follows the content', async () => {
    const draft = await createDraft(kit);
    const png = await upload(draft.id, PNG, 'foto.jpg');
    expect(png.status).toBe(201);
    expect(await readJson(png)).toMatchObject({ contentType: 'image/png', filename: 'foto.png' });
    const jpg = await upload(draft.id, JPEG, 'scan');
    expect(await readJson(jpg)).toMatchObject({ contentType: 'image/jpeg', filename: 'scan.jpg' });
  });
});

describe('attachments: errors', () => {
  test('415 for content that is not PDF, JPEG or PNG, whatever its name', async () => {
    const draft = await createDraft(kit);
    const res = await upload(draft.id, EXE, 'offerte.pdf');
    expect(res.status).toBe(415);
    expect((await readJson(res)).code).toBe('unsupported_media_type');
  });

  test('413 above 10 MB', async () => {
    const draft = await createDraft(kit);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    const res = await upload(draft.id, big, 'groot.pdf');
    expect(res.status).toBe(413);
  });

  test('422 without a file field; 415 for a JSON body', async () => {
    const draft = await createDraft(kit);
    const form = new FormData();
    form.set('other', 'x');
    const none = await kit.app.request(`/api/applications/${draft.id}/attachments`, {
      method: 'POST',
      headers: { origin: TEST_ORIGIN, cookie: kit.cookies.resident },
      body: form,
    });
    expect(none.status).toBe(422);
    const json = await call(kit.app, 'POST', `/api/applications/${draft.id}/attachments`, {
      cookie: kit.cookies.resident,
      json: { file: 'x' },
    });
    expect(json.status).toBe(415);
  });

  test('404 for an unknown attachment', async () => {
    const res = await call(kit.app, 'GET', `/api/attachments/${randomUUID()}`, {
      cookie: kit.cookies.assessor,
    });
    expect(res.status).toBe(404);
  });
});

describe('attachments: security', () => {
  test('names are made safe: no path, no markup; control characters refused, not cleaned', () => {
    expect(safeFilename('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(safeFilename('C:\\Users\\x\\<img src=x>.pdf', 'application/pdf')).toBe('img src_x_.pdf');
    expect(() => safeFilename('\u0000\u202e.exe', 'image/png')).toThrow(/NUL/);
    expect(safeFilename('...', 'image/png')).toBe('bijlage.png');
    expect(safeFilename('a'.repeat(500), 'image/jpeg')).toHaveLength(124);
    expect(contentDisposition('Offerte "zomer" é.pdf')).toBe(
      `attachment; filename="Offerte _zomer_ _.pdf"; filename*=UTF-8''Offerte%20%22zomer%22%20%C3%A9.pdf`,
    );
  });

  test('sniffing reads bytes, not names', () => {
    expect(sniffType(PDF)).toBe('application/pdf');
    expect(sniffType(EXE)).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
  });

  test('another resident gets 404 for the application and for the file', async () => {
    const draft = await createDraft(kit);
    const meta = await readJson(await upload(draft.id, PDF, 'x.pdf'));
    const up = await upload(draft.id, PDF, 'y.pdf', kit.cookies.resident2);
    expect(up.status).toBe(404);
    const dl = await call(kit.app, 'GET', `/api/attachments/${meta.id}`, {
      cookie: kit.cookies.resident2,
    });
    expect(dl.status).toBe(404);
  });
});
