import type { Effect } from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../letters/pdf-text';
import { createPrintBatch, printBatchPdf } from '../print/print.service';
import { testClock } from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import {
  createFixtureApplication,
  type FixtureApplication,
  type MessagingFixture,
  setUpMessagingFixture,
} from './messaging.fixture';
import { enqueueMessaging } from './messaging.service';

// A step that only mails the applicant (an advance paid, a withdrawal confirmed) left a resident
// who gets her letters by post without a word: the mail was skipped and no letter was issued.

let t: TestDatabase;
let fixture: MessagingFixture;
const clock = testClock('2026-06-01T08:00:00.000Z'); // a Monday

beforeAll(async () => {
  t = await createTestDatabase();
  fixture = await setUpMessagingFixture(t.db, clock());
});
afterAll(async () => {
  await t?.close();
});

async function step(app: FixtureApplication, effects: Effect[]) {
  return t.db.transaction().execute((trx) =>
    enqueueMessaging(trx, {
      applicationId: app.applicationId,
      historyId: app.historyId,
      definition: fixture.definition,
      effects,
      now: clock(),
    }),
  );
}

const advancePaid: Effect = { type: 'notice', template: 'advance_paid', audience: 'applicant' };

async function documentsOf(app: FixtureApplication) {
  return t.db
    .selectFrom('documents')
    .select(['kind', 'channel', 'subject', 'template_key'])
    .where('application_id', '=', app.applicationId)
    .execute();
}

describe('a notice the workflow only mails', () => {
  it('goes on paper to a resident without e-mail, and is printed in the batch', async () => {
    const app = await createFixtureApplication(t.db, fixture, clock());
    await t.db
      .updateTable('users')
      .set({ email: null, letter_channel: 'paper' })
      .where('id', '=', app.applicant.id)
      .execute();
    await step(app, [advancePaid]);
    const docs = await documentsOf(app);
    expect(docs).toEqual([
      {
        kind: 'notice',
        channel: 'paper',
        template_key: 'advance_paid',
        subject: expect.stringMatching(/^Wij betalen een voorschot/),
      },
    ]);
    const mails = await t.db
      .selectFrom('outbox')
      .select('id')
      .where('application_id', '=', app.applicationId)
      .where('kind', '=', 'mail')
      .execute();
    expect(mails).toHaveLength(0);

    const batch = await createPrintBatch(t.db, {
      now: clock(),
      actor: { id: null, roles: ['system'] },
    });
    const { pdf } = await printBatchPdf(t.db, batch.id, 'http://localhost:3000');
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Wij betalen een voorschot');
    expect(text).toContain('Fatima el Amrani');
    // The mail's own greeting and closing are the letter's, printed once.
    expect(text.match(/Met vriendelijke groet/g)).toHaveLength(1);
  });

  it('is mailed, not printed, to a resident who reads e-mail; a step with a letter adds none', async () => {
    const byMail = await createFixtureApplication(t.db, fixture, clock(), {
      email: 'fatima@example.org',
    });
    await step(byMail, [advancePaid]);
    expect(await documentsOf(byMail)).toEqual([]);

    const paper = await createFixtureApplication(t.db, fixture, clock());
    await t.db
      .updateTable('users')
      .set({ email: null, letter_channel: 'paper' })
      .where('id', '=', paper.applicant.id)
      .execute();
    await step(paper, [
      { type: 'document', kind: 'grant', template: 'grant' },
      { type: 'notice', template: 'decision', audience: 'applicant' },
    ]);
    expect((await documentsOf(paper)).map((d) => d.kind)).toEqual(['grant']);
  });
});
