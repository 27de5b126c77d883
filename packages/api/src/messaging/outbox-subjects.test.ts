/**
 * Staff's list of outgoing messages names each letter by its own subject. A render job has no
 * mail subject of its own, and the list said "Brief maken" for every letter.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applicationIn, type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

describe('the outbox list', () => {
  test("a letter's render job carries the letter's subject", async () => {
    const app = await applicationIn(kit, 'granted');
    const letters = await kit.t.db
      .selectFrom('documents')
      .select(['id', 'subject'])
      .where('application_id', '=', app.id)
      .execute();
    expect(letters.length).toBeGreaterThan(0);
    const res = await call(kit.app, 'GET', '/api/outbox?kind=render', {
      cookie: kit.cookies.assessor,
    });
    expect(res.status).toBe(200);
    const items = (await readJson(res)).items as { documentId: string; subject: string | null }[];
    for (const letter of letters) {
      const job = items.find((i) => i.documentId === letter.id);
      expect(job?.subject).toBe(letter.subject);
      expect(letter.subject).not.toBe('');
    }
  });
});
