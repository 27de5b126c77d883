/**
 * The ceiling on what one application stores (UPLOAD_MAX_STORED_FILES, UPLOAD_MAX_STORED_BYTES):
 * files taken out of the form do not count towards the quota, but they stay stored until the
 * retention job purges them, so uploading and removing again stops at the ceiling with a 409 that
 * tells the resident what to do. Once the files taken out are purged she can upload again.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDraft, type Kit, setupKit } from '../applications/lifecycle.test-kit';
import { purgeRemovedFiles } from '../retention/removed-files';
import { createTestApp, type TestApp } from '../test/test-app';
import { DAY, nameInForm, pdf, stored, upload, uploaded } from './attachments.test-kit';

let kit: Kit;
/** Two files held at a time, four stored at most; 8 kB held, 20 kB stored. */
let small: TestApp;
beforeAll(async () => {
  kit = await setupKit();
  small = createTestApp({
    db: kit.t.db,
    clock: kit.clock,
    config: {
      uploadMaxFiles: 2,
      uploadMaxTotalBytes: 8000,
      uploadMaxStoredFiles: 4,
      uploadMaxStoredBytes: 20_000,
      retentionRemovedFilesDays: 7,
    },
  });
});
afterAll(() => kit.close());

const later = () => kit.clock.advance(1000);
const quotes = { field: 'quotes' };

async function storedFiles(applicationId: string) {
  const rows = await kit.t.db
    .selectFrom('attachments')
    .select('id')
    .where('application_id', '=', applicationId)
    .execute();
  return rows.length;
}

const NL =
  'Voor deze aanvraag zijn te veel bestanden toegevoegd en weer verwijderd. U kunt nu geen bestand meer toevoegen. Bestanden die u hebt verwijderd, ruimen wij 7 dagen later op; daarna kunt u weer bestanden toevoegen. Moet er eerder een bestand bij? Bel dan 14 010.';
const EN =
  'Too many files were added to this application and removed again. You cannot add a file now. Files you removed are cleared 7 days later; you can add files again after that. Need to send a file sooner? Please call 14 010.';

describe('uploading and removing again', () => {
  test('stops at the ceiling with a 409 in plain words; after the purge she can upload again', async () => {
    const draft = await createDraft(kit);
    const a = await uploaded(kit, small, draft.id, 'a.pdf', quotes);
    const b = await uploaded(kit, small, draft.id, 'b.pdf', quotes);
    later();
    await nameInForm(kit, draft.id, [a, b]);
    later();
    await nameInForm(kit, draft.id, []); // both taken out: they no longer count
    const c = await uploaded(kit, small, draft.id, 'c.pdf', quotes);
    const d = await uploaded(kit, small, draft.id, 'd.pdf', quotes);
    later();
    await nameInForm(kit, draft.id, [c]); // d taken out as well; one file held

    // One file held of the two the quota allows, but four stored: the ceiling.
    const refused = await upload(kit, small, draft.id, 'e.pdf', quotes);
    expect(refused.status).toBe(409);
    expect(refused.type).toMatch(/^application\/problem\+json/);
    expect(refused.body.invalidParams).toEqual([{ name: 'file', reason: NL }]);
    expect(refused.body.ceiling).toEqual({ files: 4, bytes: 20_000 });
    const english = await upload(kit, small, draft.id, 'e.pdf', { ...quotes, language: 'en' });
    expect(english.body.invalidParams).toEqual([{ name: 'file', reason: EN }]);
    expect(await storedFiles(draft.id)).toBe(4);

    // A week later the files taken out lose their contents and stop counting.
    await kit.advance(8 * DAY);
    const purged = await purgeRemovedFiles(kit.t.db, kit.clock(), { days: 7, batchSize: 100 });
    expect(purged.references).toContain(draft.reference);
    for (const gone of [a, b, d]) expect((await stored(kit, gone)).hasContent).toBe(false);
    expect((await stored(kit, c)).hasContent).toBe(true);
    expect((await upload(kit, small, draft.id, 'e.pdf', quotes)).status).toBe(201);
  });

  test('the quota still speaks first while nothing was taken out', async () => {
    const draft = await createDraft(kit);
    await uploaded(kit, small, draft.id, 'a.pdf', quotes);
    await uploaded(kit, small, draft.id, 'b.pdf', quotes);
    const third = await upload(kit, small, draft.id, 'c.pdf', quotes);
    expect(third.status).toBe(409);
    expect(third.body.invalidParams[0].reason).toMatch(/^Bij deze aanvraag staan al 2 bestanden/);
    expect(third.body.quota).toEqual({ files: 2, bytes: 8000 });
  });

  test('with the quota full too, the ceiling speaks: removing another file would not help', async () => {
    const draft = await createDraft(kit);
    const old = [
      await uploaded(kit, small, draft.id, 'a.pdf', quotes),
      await uploaded(kit, small, draft.id, 'b.pdf', quotes),
    ];
    later();
    await nameInForm(kit, draft.id, old);
    later();
    await nameInForm(kit, draft.id, []);
    const now = [
      await uploaded(kit, small, draft.id, 'c.pdf', quotes),
      await uploaded(kit, small, draft.id, 'd.pdf', quotes),
    ];
    later();
    await nameInForm(kit, draft.id, now);
    const refused = await upload(kit, small, draft.id, 'e.pdf', quotes);
    expect(refused.status).toBe(409);
    expect(refused.body.invalidParams).toEqual([{ name: 'file', reason: NL }]);
  });

  test('the bytes of the files taken out count towards the ceiling as well', async () => {
    const draft = await createDraft(kit);
    const big = { ...quotes, bytes: pdf(7000) };
    const first = await uploaded(kit, small, draft.id, 'groot-1.pdf', big);
    later();
    await nameInForm(kit, draft.id, [first]);
    later();
    await nameInForm(kit, draft.id, []);
    const second = await uploaded(kit, small, draft.id, 'groot-2.pdf', big);
    later();
    await nameInForm(kit, draft.id, [second]);
    later();
    await nameInForm(kit, draft.id, []);
    // Nothing held, 14 kB stored: 7 kB more would pass the 20 kB ceiling, 6 kB does not.
    const refused = await upload(kit, small, draft.id, 'groot-3.pdf', big);
    expect(refused.status).toBe(409);
    expect(refused.body.invalidParams[0].reason).toBe(NL);
    expect(
      (await upload(kit, small, draft.id, 'klein.pdf', { ...quotes, bytes: pdf(6000) })).status,
    ).toBe(201);
  });

  test('parallel uploads cannot pass the ceiling together', async () => {
    const draft = await createDraft(kit);
    const ids = [
      await uploaded(kit, small, draft.id, 'a.pdf', quotes),
      await uploaded(kit, small, draft.id, 'b.pdf', quotes),
    ];
    later();
    await nameInForm(kit, draft.id, ids);
    later();
    await nameInForm(kit, draft.id, []);
    const third = await uploaded(kit, small, draft.id, 'c.pdf', quotes);
    later();
    await nameInForm(kit, draft.id, [third]);
    later();
    await nameInForm(kit, draft.id, []);
    // Three stored, none held: the quota (two held) lets two through, the ceiling (four stored)
    // only one; counted under the application's lock, the other two are refused by the ceiling.
    const results = await Promise.all(
      ['x.pdf', 'y.pdf', 'z.pdf'].map((n) => upload(kit, small, draft.id, n, quotes)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const r of results.filter((r) => r.status === 409)) {
      expect(r.body.invalidParams[0].reason).toBe(NL);
    }
    expect(await storedFiles(draft.id)).toBe(4);
  });
});
