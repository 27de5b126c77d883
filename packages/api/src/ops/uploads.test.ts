/**
 * Upload hostility through the HTTP API, beyond attachments.test.ts: a PDF under a wrong
 * extension, markup disguised as a PDF or an image, and file names that try path traversal,
 * control characters or header injection. Refused uploads store nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDraft, type Kit, setupKit } from '../applications/lifecycle.test-kit';
import { TEST_ORIGIN } from '../test/test-app';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const HTML = new TextEncoder().encode('<!doctype html><script>alert(document.cookie)</script>');
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
const ELF = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

function upload(id: string, bytes: Uint8Array, name: string, type = 'application/pdf') {
  const form = new FormData();
  form.set('file', new File([bytes], name, { type }));
  return kit.app.request(`/api/applications/${id}/attachments`, {
    method: 'POST',
    headers: { origin: TEST_ORIGIN, cookie: kit.cookies.resident },
    body: form,
  });
}

async function count(applicationId: string): Promise<number> {
  const rows = await kit.t.db
    .selectFrom('attachments')
    .select('id')
    .where('application_id', '=', applicationId)
    .execute();
  return rows.length;
}

describe('upload hostility', () => {
  test('a PDF with a wrong extension is stored as what it is', async () => {
    const draft = await createDraft(kit);
    for (const name of ['offerte.exe', 'offerte.jpg', 'offerte.pdf.exe', 'offerte']) {
      const res = await upload(draft.id, PDF, name, 'application/x-msdownload');
      expect(res.status, name).toBe(201);
      const meta = (await res.json()) as { contentType: string; filename: string };
      expect(meta.contentType).toBe('application/pdf');
      expect(meta.filename, name).toMatch(/\.pdf$/);
      expect(meta.filename).not.toMatch(/\.exe$/);
    }
  });

  test('markup and executables are refused whatever their name or declared type, and nothing is stored', async () => {
    const draft = await createDraft(kit);
    const cases: [Uint8Array, string, string][] = [
      [HTML, 'offerte.pdf', 'application/pdf'],
      [SVG, 'foto.png', 'image/png'],
      [ELF, 'scan.jpg', 'image/jpeg'],
      [new Uint8Array(), 'leeg.pdf', 'application/pdf'],
    ];
    for (const [bytes, name, type] of cases) {
      const res = await upload(draft.id, bytes, name, type);
      expect([415, 422], `${name}: ${res.status}`).toContain(res.status);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect(await count(draft.id)).toBe(0);
  });

  test('names with control characters, header breaks or a bidi override are refused, naming the field', async () => {
    const draft = await createDraft(kit);
    for (const name of [
      'bad\r\nContent-Type: text/html\r\n\r\n.pdf',
      '\u0000\u0007\u001bnaam.pdf',
      '\u202efdp.exe',
    ]) {
      const res = await upload(draft.id, PDF, name);
      expect(res.status, name).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await res.json()) as { invalidParams: { name: string }[] };
      expect(problem.invalidParams.map((p) => p.name)).toEqual(['form.file']);
    }
    expect(await count(draft.id)).toBe(0);
  });

  test('names with path separators and header syntax are made safe', async () => {
    const draft = await createDraft(kit);
    const names = [
      '../../../../etc/passwd.pdf',
      '..\\..\\Windows\\System32\\evil.pdf',
      'a/b/../c.pdf',
      '"; filename=evil.html',
    ];
    for (const name of names) {
      const res = await upload(draft.id, PDF, name);
      expect(res.status, name).toBe(201);
      const meta = (await res.json()) as { id: string; filename: string };
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
      expect(meta.filename, name).not.toMatch(/[/\\\u0000-\u001f\u007f\u202e]/);
      expect(meta.filename).not.toContain('..');
      expect(meta.filename).toMatch(/\.pdf$/);
      const dl = await kit.app.request(`/api/attachments/${meta.id}`, {
        headers: { cookie: kit.cookies.resident },
      });
      expect(dl.status).toBe(200);
      expect(dl.headers.get('content-type')).toBe('application/pdf');
      const disposition = dl.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment;/);
      expect(disposition).not.toMatch(/[\r\n]/);
      expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
