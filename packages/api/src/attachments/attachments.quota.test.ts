/**
 * Issue 19, finding 5: files only while the application can be changed, information was
 * requested or a report is due; a quota per application (count and bytes) from configuration.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applicationIn, createDraft, type Kit, setupKit } from '../applications/lifecycle.test-kit';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../test/test-app';
import { sizeInWords } from './attachments.quota';

const pdf = (n: number) => {
  const head = new TextEncoder().encode('%PDF-1.7\n');
  const bytes = new Uint8Array(n);
  bytes.set(head);
  return bytes;
};

let kit: Kit;
let small: TestApp;
beforeAll(async () => {
  kit = await setupKit();
  small = createTestApp({
    db: kit.t.db,
    clock: kit.clock,
    config: { uploadMaxFiles: 3, uploadMaxTotalBytes: 5000 },
  });
});
afterAll(() => kit.close());

function upload(app: TestApp, id: string, bytes: Uint8Array, cookie = kit.cookies.resident) {
  const form = new FormData();
  form.set('file', new File([bytes], 'offerte.pdf', { type: 'application/pdf' }));
  return app.request(`/api/applications/${id}/attachments`, {
    method: 'POST',
    headers: { origin: TEST_ORIGIN, cookie },
    body: form,
  });
}

describe('when files may be added', () => {
  test('draft, information requested and a granted application owing its report: yes', async () => {
    for (const state of ['draft', 'info_requested', 'granted'] as const) {
      const app = await applicationIn(kit, state);
      expect((await upload(kit.app, app.id, pdf(100))).status, state).toBe(201);
    }
  });

  test('submitted, rejected: no, and nothing is stored', async () => {
    for (const state of ['submitted', 'rejected'] as const) {
      const app = await applicationIn(kit, state);
      const res = await upload(kit.app, app.id, pdf(100));
      expect(res.status, state).toBe(409);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const rows = await kit.t.db
        .selectFrom('attachments')
        .select('id')
        .where('application_id', '=', app.id)
        .execute();
      expect(rows).toHaveLength(0);
    }
  });
});

describe('quota per application (UPLOAD_MAX_FILES, UPLOAD_MAX_TOTAL_BYTES)', () => {
  test('the fourth file is refused at a quota of three', async () => {
    const draft = await createDraft(kit);
    for (let i = 0; i < 3; i++) expect((await upload(small, draft.id, pdf(100))).status).toBe(201);
    const fourth = await upload(small, draft.id, pdf(100));
    expect(fourth.status).toBe(409);
    expect(((await fourth.json()) as { quota: { files: number } }).quota.files).toBe(3);
  });

  test('a file that would pass the byte quota is refused; parallel uploads cannot pass it', async () => {
    const draft = await createDraft(kit);
    const results = await Promise.all([1, 2, 3].map(() => upload(small, draft.id, pdf(2000))));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 413]);
    // The limit in words, not in bytes (5000 bytes is 4,8 kB), in Dutch and English.
    const refused = (await results.find((r) => r.status === 413)!.json()) as {
      detail: string;
      text: { nl: string; en: string };
    };
    expect(refused.text).toEqual({
      nl: 'De bestanden bij één aanvraag mogen samen 4,8 kB zijn; dit bestand past er niet meer bij. Verwijder eerst een bestand.',
      en: 'The files of one application may be 4.8 kB together; this file does not fit. Remove a file first.',
    });
    expect(refused.detail).toBe(refused.text.en);
  });

  test('a size is said in MB or kB, rounded down', () => {
    expect(sizeInWords(50 * 1024 * 1024)).toEqual({ nl: '50 MB', en: '50 MB' });
    expect(sizeInWords(1.56 * 1024 * 1024)).toEqual({ nl: '1,5 MB', en: '1.5 MB' });
    expect(sizeInWords(5000)).toEqual({ nl: '4,8 kB', en: '4.8 kB' });
  });
});
