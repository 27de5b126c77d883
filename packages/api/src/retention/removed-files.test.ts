/**
 * The retention job deletes the contents of files the application no longer holds, once they
 * have been out for the grace period (RETENTION_REMOVED_FILES_DAYS): never a file the form or a
 * sent answer holds, nor one any recorded event names; a purged file is neither served nor
 * listed, and cannot be named again.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDraft, type Kit, setupKit, step } from '../applications/lifecycle.test-kit';
import {
  DAY,
  download,
  infoRequestedOnV2,
  listed,
  nameInForm,
  patchQuotes,
  pdf,
  stored,
  uploaded,
} from '../attachments/attachments.test-kit';
import { silentLogger } from '../logging/logger';
import { call } from '../test/test-app';
import { startClaimLoop } from '../workers/claim-loop';
import { purgeRemovedFiles } from './removed-files';
import { RETENTION_JOB, retentionSource } from './retention.worker';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

const later = () => kit.clock.advance(1000);
const quotes = { field: 'quotes' };
const answer = { event: 'SUPPLEMENT', field: 'attachments' };
const purge = () => purgeRemovedFiles(kit.t.db, kit.clock(), { days: 7, batchSize: 100 });

describe("a form's file taken out", () => {
  test('loses its contents a grace period after it was taken out; held files keep theirs', async () => {
    const draft = await createDraft(kit);
    const keptBytes = pdf(300);
    const kept = await uploaded(kit, kit.app, draft.id, 'kept.pdf', {
      ...quotes,
      bytes: keptBytes,
    });
    const gone = await uploaded(kit, kit.app, draft.id, 'gone.pdf', { ...quotes, bytes: pdf(500) });
    const page = await uploaded(kit, kit.app, draft.id, 'pagina.pdf', {});
    later();
    await nameInForm(kit, draft.id, [kept, gone]);

    // Uploaded long ago, taken out only now: the grace period counts from the taking out.
    await kit.advance(10 * DAY);
    await nameInForm(kit, draft.id, [kept]);
    later();
    // Uploaded, and the autosave that names it has not come yet: held, whatever its age.
    const waiting = await uploaded(kit, kit.app, draft.id, 'onderweg.pdf', quotes);

    await kit.advance(6 * DAY);
    const early = await purge();
    expect(early.references).not.toContain(draft.reference);
    expect(await stored(kit, gone)).toMatchObject({ hasContent: true, purgedAt: null });
    expect((await download(kit, gone)).status).toBe(200);

    await kit.advance(2 * DAY);
    const due = await purge();
    expect(due.references).toContain(draft.reference);
    expect(await stored(kit, gone)).toEqual({
      hasContent: false,
      purgedAt: kit.clock(),
      size: 500,
    });
    for (const held of [kept, page, waiting]) {
      expect(await stored(kit, held)).toMatchObject({ hasContent: true, purgedAt: null });
    }
    expect((await download(kit, kept)).bytes).toEqual(keptBytes);

    // Never served, never listed, and once is enough.
    const fetched = await download(kit, gone);
    expect(fetched.status).toBe(404);
    expect(fetched.problem.detail).toBe('This file was removed from the application and deleted.');
    expect(await listed(kit, draft.id)).toEqual(['kept.pdf', 'pagina.pdf']);
    const again = await purge();
    expect(again).toEqual({ files: 0, bytes: 0, references: [] });

    // The form cannot name it again: it is no file of the application any more.
    later();
    const renamed = await patchQuotes(kit, draft.id, [kept, gone]);
    expect(renamed.status).toBe(422);
    expect(await stored(kit, gone)).toMatchObject({ hasContent: false });
  });

  test('a held form file of a submitted application is never purged', async () => {
    const draft = await createDraft(kit);
    const offer = await uploaded(kit, kit.app, draft.id, 'offerte.pdf', quotes);
    later();
    await nameInForm(kit, draft.id, [offer]);
    later();
    await step(kit, 'resident', draft.id, 'SUBMIT');
    await kit.advance(60 * DAY);
    await purge();
    expect(await stored(kit, offer)).toMatchObject({ hasContent: true, purgedAt: null });
    expect((await download(kit, offer, kit.cookies.assessor)).status).toBe(200);
  });
});

describe('a form file of a submitted application', () => {
  test('taken out while information was requested: kept, staff may have read it', async () => {
    const asked = await infoRequestedOnV2(kit);
    // In the form since before the submission, taken out while the form could be changed again.
    const submittedWith = await uploaded(kit, kit.app, asked.id, 'begroting.pdf', quotes);
    later();
    await nameInForm(kit, asked.id, [submittedWith]);
    later();
    await nameInForm(kit, asked.id, []);
    await kit.advance(30 * DAY);
    await purge();
    expect(await stored(kit, submittedWith)).toMatchObject({ hasContent: true, purgedAt: null });
  });

  test('taken out while it was a draft: purged, even after the submission', async () => {
    const draft = await createDraft(kit);
    const draftOnly = await uploaded(kit, kit.app, draft.id, 'kladje.pdf', quotes);
    later();
    await nameInForm(kit, draft.id, [draftOnly]);
    later();
    await nameInForm(kit, draft.id, []);
    later();
    await step(kit, 'resident', draft.id, 'SUBMIT');
    await kit.advance(8 * DAY);
    await purge();
    expect(await stored(kit, draftOnly)).toMatchObject({ hasContent: false });
  });
});

describe('a file uploaded in the answer form', () => {
  test('held once the answer names it, never purged; one left out of it is', async () => {
    const asked = await infoRequestedOnV2(kit);
    const offer = await uploaded(kit, kit.app, asked.id, 'offerte.pdf', answer);
    const wrong = await uploaded(kit, kit.app, asked.id, 'verkeerd.pdf', answer);
    // The answer is not sent yet: both are on their way and held, however long she waits.
    await kit.advance(10 * DAY);
    await purge();
    expect(await stored(kit, wrong)).toMatchObject({ hasContent: true });

    later();
    await step(kit, 'resident', asked.id, 'SUPPLEMENT', { attachments: [offer] });
    await kit.advance(8 * DAY);
    const due = await purge();
    expect(due.references).toContain(asked.reference);
    expect(await stored(kit, wrong)).toMatchObject({ hasContent: false });
    expect(await stored(kit, offer)).toMatchObject({ hasContent: true, purgedAt: null });
    expect((await download(kit, offer, kit.cookies.assessor)).status).toBe(200);
    expect((await download(kit, wrong, kit.cookies.assessor)).status).toBe(404);
    expect(await listed(kit, asked.id, kit.cookies.assessor)).toEqual(['offerte.pdf']);
  });

  test('a form file a sent answer names is kept, even after the form dropped it', async () => {
    const asked = await infoRequestedOnV2(kit);
    const quote = await uploaded(kit, kit.app, asked.id, 'offerte.pdf', quotes);
    later();
    await nameInForm(kit, asked.id, [quote]);
    later();
    await nameInForm(kit, asked.id, []); // out of the form: by attachments.held, not held
    later();
    await step(kit, 'resident', asked.id, 'SUPPLEMENT', {
      message: 'De offerte zit bij dit antwoord.',
      attachments: [quote],
    });
    await kit.advance(30 * DAY);
    await purge();
    expect(await stored(kit, quote)).toMatchObject({ hasContent: true, purgedAt: null });
  });
});

describe('the purge in the retention job', () => {
  // Needs a second connection to hold the lock: PostgreSQL (TEST_DATABASE_URL), not PGlite.
  test.skipIf(!process.env.TEST_DATABASE_URL)(
    'skips an application someone holds locked, and takes it on the next run',
    async () => {
      const draft = await createDraft(kit);
      const gone = await uploaded(kit, kit.app, draft.id, 'weg.pdf', quotes);
      later();
      await nameInForm(kit, draft.id, []);
      await kit.advance(8 * DAY);
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked = () => {};
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holder = kit.t.db.transaction().execute(async (trx) => {
        await sql`select id from applications where id = ${draft.id} for update`.execute(trx);
        locked();
        await released;
      });
      await isLocked;
      try {
        const busy = await purge();
        expect(busy.references).not.toContain(draft.reference);
        expect(await stored(kit, gone)).toMatchObject({ hasContent: true });
      } finally {
        release();
        await holder;
      }
      expect((await purge()).references).toEqual([draft.reference]);
      expect(await stored(kit, gone)).toMatchObject({ hasContent: false });
    },
  );

  test('runs with the retention pass, by RETENTION_REMOVED_FILES_DAYS', async () => {
    const draft = await createDraft(kit);
    const gone = await uploaded(kit, kit.app, draft.id, 'weg.pdf', quotes);
    later();
    await nameInForm(kit, draft.id, []);
    await kit.advance(3 * DAY);
    await kit.t.db
      .updateTable('scheduled_jobs')
      .set({ next_attempt_at: kit.clock(), claimed_by: null, lease_until: null, attempts: 0 })
      .where('name', '=', RETENTION_JOB)
      .execute();
    const config = { ...kit.app.deps.config, retentionRemovedFilesDays: 2 };
    const deps = { ...kit.app.deps, config, clock: kit.clock, logger: silentLogger() };
    const loop = startClaimLoop(retentionSource(deps, 3_600_000), {
      logger: silentLogger(),
      clock: kit.clock,
      loop: false,
      batchSize: 1,
      leaseMs: 15 * 60_000,
      backoffBaseMs: 60_000,
      backoffMaxMs: 3_600_000,
    });
    try {
      expect(await loop.drain()).toBe(1);
    } finally {
      await loop.stop();
    }
    expect(await stored(kit, gone)).toMatchObject({ hasContent: false });
    const res = await call(kit.app, 'GET', `/api/attachments/${gone}`, {
      cookie: kit.cookies.resident,
    });
    expect(res.status).toBe(404);
  });
});
