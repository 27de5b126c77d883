import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Effect, formatDate, objectionDeadline } from '@initiatief/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../config';
import type { LetterContent } from '../letters/letter.types';
import { pdfText } from '../letters/pdf-text';
import { createRenderPool, type RenderPool } from '../letters/render.pool';
import { silentLogger } from '../logging/logger';
import {
  createFixtureApplication,
  type FixtureApplication,
  type MessagingFixture,
  setUpMessagingFixture,
} from '../messaging/messaging.fixture';
import { enqueueMessaging } from '../messaging/messaging.service';
import { startOutboxWorker } from '../messaging/outbox.worker';
import { call, createTestApp, createUser, loginAs, readBody, testClock } from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';

let t: TestDatabase;
let fixture: MessagingFixture;
let pool: RenderPool;
const clock = testClock('2026-03-02T08:00:00.000Z'); // a Monday
const DAY = 24 * 60 * 60 * 1000;
const PUBLIC_URL = 'http://localhost:3000';

const grantEffects: Effect[] = [
  { type: 'document', kind: 'grant', template: 'grant' },
  { type: 'notice', template: 'decision', audience: 'applicant' },
  { type: 'notice', template: 'new_application', audience: 'staff' },
];

beforeAll(async () => {
  t = await createTestDatabase();
  fixture = await setUpMessagingFixture(t.db, clock());
  pool = createRenderPool({ size: 1 });
});

afterAll(async () => {
  await pool?.close();
  await t?.close();
});

async function issue(app: FixtureApplication) {
  return t.db.transaction().execute((trx) =>
    enqueueMessaging(trx, {
      applicationId: app.applicationId,
      historyId: app.historyId,
      definition: fixture.definition,
      effects: grantEffects,
      now: clock(),
    }),
  );
}

/** A resident filed at the desk without e-mail (letters by post). */
async function paperApplicant(locale: 'nl' | 'en' = 'nl') {
  const app = await createFixtureApplication(t.db, fixture, clock(), { locale });
  await t.db
    .updateTable('users')
    .set({ email: null, letter_channel: 'paper' })
    .where('id', '=', app.applicant.id)
    .execute();
  return app;
}

function document(id: string) {
  return t.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

function outboxOf(applicationId: string) {
  return t.db
    .selectFrom('outbox')
    .selectAll()
    .where('application_id', '=', applicationId)
    .execute();
}

describe('a channel per resident (Awb 2:14)', () => {
  it('sends a letter to a resident without e-mail into the print queue: no render, no mail, not sent', async () => {
    const app = await paperApplicant();
    const { documentIds } = await issue(app);
    const letter = await document(documentIds[0]!);
    expect(letter.channel).toBe('paper');
    expect(letter.posted_on).toBeNull();
    const jobs = await outboxOf(app.applicationId);
    expect(jobs.map((j) => [j.kind, j.audience])).toEqual([['mail', 'staff']]);

    const http = createTestApp({ db: t.db, clock, config: { publicUrl: PUBLIC_URL } });
    const clerk = await createUser(t.db, { roles: ['clerk'] });
    const cookie = await loginAs(http, clerk.email!);
    const list = await readBody(
      await call(http, 'GET', `/api/applications/${app.applicationId}/documents`, { cookie }),
    );
    expect(list.items[0]).toMatchObject({ channel: 'paper', sent: false, postedOn: null });
    const pdf = await call(http, 'GET', `/api/documents/${letter.id}?format=pdf`, { cookie });
    expect(pdf.status).toBe(409);
    // Said in words, in both languages, as any refusal a person meets.
    const refusal = await readBody(pdf);
    expect(refusal.text).toEqual({
      nl: 'Deze brief gaat per post en krijgt zijn datum als hij verstuurd wordt; lees hem tot dan als webpagina.',
      en: 'This letter goes by post and gets its date when it is posted; read it as a web page until then.',
    });
    expect(refusal.detail).toBe(refusal.text.en);
    const outbox = await readBody(await call(http, 'GET', '/api/outbox', { cookie }));
    const shown = outbox.items.filter(
      (item: { applicationId: string }) => item.applicationId === app.applicationId,
    );
    // Nothing of this letter is shown as sent: only the staff notice is in the outbox.
    expect(shown.map((item: { kind: string }) => item.kind)).toEqual(['mail']);
  });

  it('sends no e-mail to a resident with an address who chose paper, and e-mail to one who chose it', async () => {
    const paper = await createFixtureApplication(t.db, fixture, clock());
    await t.db
      .updateTable('users')
      .set({ letter_channel: 'paper' })
      .where('id', '=', paper.applicant.id)
      .execute();
    const byPaper = await issue(paper);
    expect((await document(byPaper.documentIds[0]!)).channel).toBe('paper');
    expect((await outboxOf(paper.applicationId)).map((j) => j.audience)).toEqual(['staff']);

    const email = await createFixtureApplication(t.db, fixture, clock());
    const byMail = await issue(email);
    expect((await document(byMail.documentIds[0]!)).channel).toBe('email');
    expect((await outboxOf(email.applicationId)).map((j) => j.kind).sort()).toEqual([
      'mail',
      'mail',
      'render',
    ]);
  });

  it('lets a resident choose post or e-mail, and a clerk record it; e-mail needs an address', async () => {
    const http = createTestApp({ db: t.db, clock });
    const resident = await createUser(t.db);
    const cookie = await loginAs(http, resident.email!);
    expect(await readBody(await call(http, 'GET', '/api/me/letter-channel', { cookie }))).toEqual({
      channel: 'email',
      email: resident.email,
      effective: 'email',
    });
    const chosen = await call(http, 'PUT', '/api/me/letter-channel', {
      cookie,
      json: { channel: 'paper' },
    });
    expect(await readBody(chosen)).toMatchObject({ channel: 'paper', effective: 'paper' });

    const clerk = await createUser(t.db, { roles: ['clerk'] });
    const clerkCookie = await loginAs(http, clerk.email!);
    const app = await paperApplicant();
    const path = `/api/users/${app.applicant.id}/letter-channel`;
    expect(await readBody(await call(http, 'GET', path, { cookie: clerkCookie }))).toEqual({
      channel: 'paper',
      email: null,
      effective: 'paper',
    });
    const refused = await call(http, 'PUT', path, {
      cookie: clerkCookie,
      json: { channel: 'email' },
    });
    expect(refused.status).toBe(422);
    expect((await readBody(refused)).invalidParams[0].name).toBe('channel');
    expect((await call(http, 'GET', path, { cookie })).status).toBe(403);
  });

  it('gives a resident inserted without e-mail the paper channel', async () => {
    const row = await t.db
      .insertInto('users')
      .values({ email: null, name: 'Ayşe Yıldız-Çelik', roles: ['applicant'] })
      .returning('letter_channel')
      .executeTakeFirstOrThrow();
    expect(row.letter_channel).toBe('paper');
  });
});

describe('the print queue', () => {
  it('dates the letters by the posting day, moves an unposted batch to the next day, and sends them when posted', async () => {
    const app = await paperApplicant();
    const { documentIds } = await issue(app);
    const http = createTestApp({ db: t.db, clock, config: { publicUrl: PUBLIC_URL } });
    const clerk = await createUser(t.db, { roles: ['clerk'] });
    let cookie = await loginAs(http, clerk.email!);

    const queue = await readBody(await call(http, 'GET', '/api/print-queue', { cookie }));
    expect(queue.waiting.map((w: { documentId: string }) => w.documentId)).toContain(
      documentIds[0],
    );

    // Wednesday: a batch is printed but not posted.
    clock.advance(2 * DAY);
    cookie = await loginAs(http, clerk.email!);
    const first = await call(http, 'POST', '/api/print-batches', { cookie });
    expect(first.status).toBe(201);
    const wednesday = await readBody(first);
    expect(wednesday).toMatchObject({ postingDate: '2026-03-04', status: 'open' });
    expect((await document(documentIds[0]!)).sent_on).toBe('2026-03-04');

    // Thursday: Wednesday's batch can no longer be marked posted; today's batch takes its letters.
    clock.advance(DAY);
    cookie = await loginAs(http, clerk.email!);
    const late = await call(http, 'POST', `/api/print-batches/${wednesday.id}/posted`, { cookie });
    expect(late.status).toBe(409);
    // The date written out, in both languages: no ISO date for a person to read.
    const lateBody = await readBody(late);
    expect(lateBody.text.nl).toContain('Deze postbatch is van 4 maart 2026;');
    expect(lateBody.text.en).toContain('This batch is dated 4 March 2026;');
    expect(lateBody.detail).toBe(lateBody.text.en);
    const thursday = await readBody(await call(http, 'POST', '/api/print-batches', { cookie }));
    expect(thursday.postingDate).toBe('2026-03-05');
    expect(thursday.letters).toBeGreaterThanOrEqual(1);
    const deadline = objectionDeadline('2026-03-05').date;
    let letter = await document(documentIds[0]!);
    expect(letter).toMatchObject({ sent_on: '2026-03-05', objection_deadline: deadline });
    const content = letter.content as LetterContent;
    expect(content.date).toBe('2026-03-05');
    expect(content.objection?.lastDay).toBe(deadline);

    const batchPdf = await call(http, 'GET', `/api/print-batches/${thursday.id}/pdf`, { cookie });
    expect(batchPdf.status).toBe(200);
    expect(batchPdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(new Uint8Array(await batchPdf.arrayBuffer()))).replace(/\s+/g, ' ');
    expect(text).toContain('Mathenesserlaan 214');
    expect(text).toContain(app.reference);
    expect(text).toContain('5 maart 2026');
    expect(text).toContain(formatDate(deadline, 'nl'));
    expect(text).not.toContain(formatDate(objectionDeadline('2026-03-02').date, 'nl'));

    const posted = await call(http, 'POST', `/api/print-batches/${thursday.id}/posted`, { cookie });
    expect(posted.status).toBe(200);
    expect(await readBody(posted)).toMatchObject({ status: 'posted' });
    letter = await document(documentIds[0]!);
    expect(letter.posted_on).toBe('2026-03-05');

    // The letter's own PDF is rendered with the posting date; it is then sent, and immutable.
    const worker = startOutboxWorker(
      {
        db: t.db,
        config: testConfig({
          publicUrl: PUBLIC_URL,
          mailDir: mkdtempSync(join(tmpdir(), 'print-mail-')),
        }),
        logger: silentLogger(),
        clock,
      },
      { loop: false, renderPool: pool },
    );
    await worker.drain();
    await worker.stop();
    letter = await document(documentIds[0]!);
    expect(letter.pdf).not.toBeNull();
    const own = await pdfText(letter.pdf!);
    expect(own).toContain(formatDate(deadline, 'nl'));
    const list = await readBody(
      await call(http, 'GET', `/api/applications/${app.applicationId}/documents`, { cookie }),
    );
    expect(list.items[0]).toMatchObject({
      channel: 'paper',
      sent: true,
      postedOn: '2026-03-05',
      sentOn: '2026-03-05',
      objectionDeadline: deadline,
    });
    const outbox = await readBody(await call(http, 'GET', '/api/outbox?kind=render', { cookie }));
    const render = outbox.items.find((i: { documentId: string }) => i.documentId === letter.id);
    expect(render).toMatchObject({
      recipient: 'Fatima el Amrani',
      channel: 'paper',
      postedOn: '2026-03-05',
    });
    await expect(
      sql`update documents set sent_on = '2026-03-06' where id = ${letter.id}`.execute(t.db),
    ).rejects.toThrow(/immutable/);
    const again = await call(http, 'POST', '/api/print-batches', { cookie });
    expect(again.status).toBe(409);
  }, 60_000);

  it('holds a letter whose resident has no postal address, and posts it to the address she gives', async () => {
    const app = await paperApplicant();
    await t.db
      .updateTable('users')
      .set({ street: null, postcode: null, city: null })
      .where('id', '=', app.applicant.id)
      .execute();
    const { documentIds } = await issue(app);
    const http = createTestApp({ db: t.db, clock, config: { publicUrl: PUBLIC_URL } });
    const clerk = await createUser(t.db, { roles: ['clerk'] });
    let cookie = await loginAs(http, clerk.email!);

    const queue = await readBody(await call(http, 'GET', '/api/print-queue', { cookie }));
    const mine = queue.waiting.find((w: { documentId: string }) => w.documentId === documentIds[0]);
    expect(mine).toMatchObject({ addressMissing: true, recipient: { addressLines: [] } });
    // Nothing can go in an envelope with only a name on it. A new day: today's batch, posted by
    // the test before, would otherwise refuse first and for another reason.
    clock.advance(DAY);
    cookie = await loginAs(http, clerk.email!);
    const refused = await call(http, 'POST', '/api/print-batches', { cookie });
    expect(refused.status).toBe(409);
    const said = await readBody(refused);
    expect(said.text.nl).toMatch(
      /^Er wacht(en)? \d+ brie(f|ven), maar van de bewoners? is nog geen postadres bekend\.$/,
    );
    expect(said.text.en).toMatch(
      /^\d+ letters? waits?, but (its|their) residents? ha(s|ve) no postal address yet\.$/,
    );
    expect(said.detail).toBe(said.text.en);
    expect((await document(documentIds[0]!)).print_batch_id).toBeNull();

    // She gives her address at the desk; the next batch takes the letter, addressed there.
    await t.db
      .updateTable('users')
      .set({ street: 'Kruiskade 55', postcode: '3012 EE', city: 'Rotterdam' })
      .where('id', '=', app.applicant.id)
      .execute();
    const after = await readBody(await call(http, 'GET', '/api/print-queue', { cookie }));
    expect(
      after.waiting.find((w: { documentId: string }) => w.documentId === documentIds[0]),
    ).toMatchObject({
      addressMissing: false,
      recipient: { addressLines: ['Kruiskade 55', '3012 EE  ROTTERDAM'] },
    });
    const batch = await call(http, 'POST', '/api/print-batches', { cookie });
    expect(batch.status).toBe(201);
    const letter = await document(documentIds[0]!);
    expect(letter.print_batch_id).toBe((await readBody(batch)).id);
    expect((letter.content as LetterContent).recipient.addressLines).toEqual([
      'Kruiskade 55',
      '3012 EE  ROTTERDAM',
    ]);
  });

  it('is for staff only', async () => {
    const http = createTestApp({ db: t.db, clock });
    const resident = await createUser(t.db);
    const cookie = await loginAs(http, resident.email!);
    expect((await call(http, 'GET', '/api/print-queue', { cookie })).status).toBe(403);
    expect((await call(http, 'POST', '/api/print-batches', { cookie })).status).toBe(403);
  });
});

describe('a waiting letter’s language', () => {
  it('is said with its subject, and the subject in the other language where the workflow words it', async () => {
    const { documentIds } = await issue(await paperApplicant());
    const englishIds = (await issue(await paperApplicant('en'))).documentIds;
    const http = createTestApp({ db: t.db, clock, config: { publicUrl: PUBLIC_URL } });
    const clerk = await createUser(t.db, { roles: ['clerk'] });
    const cookie = await loginAs(http, clerk.email!);
    const queue = await readBody(await call(http, 'GET', '/api/print-queue', { cookie }));
    type Waiting = {
      documentId: string;
      subject: string;
      language: string;
      subjects: { nl?: string; en?: string };
    };
    const dutch = queue.waiting.find((w: Waiting) => w.documentId === documentIds[0]) as Waiting;
    expect(dutch.language).toBe('nl');
    expect(dutch.subject).toMatch(/^Besluit: subsidie verleend voor /);
    expect(dutch.subjects).toEqual({
      nl: dutch.subject,
      en: expect.stringMatching(/^Decision: grant awarded for .*\(BI-/),
    });
    const en = queue.waiting.find((w: Waiting) => w.documentId === englishIds[0]) as Waiting;
    expect(en.language).toBe('en');
    expect(en.subject).toMatch(/^Decision: grant awarded for /);
    expect(en.subjects.nl).toMatch(/^Besluit: subsidie verleend voor /);
  });
});
