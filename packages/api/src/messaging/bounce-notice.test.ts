/**
 * A notice the workflow only mails (an advance paid: no letter of its own) that bounces hard: its
 * words go by post as a paper notice, signed as the workflow's letters, once; without a postal
 * address staff are told, so someone phones her. Real PostgreSQL, a real SMTP conversation (550).
 */
import type { Effect } from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../config';
import { pdftotext, popplerOrSkip } from '../letters/poppler';
import { silentLogger } from '../logging/logger';
import { waitingLetters } from '../print/print.repository';
import { createPrintBatch, printBatchPdf } from '../print/print.service';
import { testClock } from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import { BOUNCE_STAFF_MAIL, handleBounce } from './bounce.service';
import { createSmtpTransport } from './mail.transport';
import {
  createFixtureApplication,
  type FixtureApplication,
  type MessagingFixture,
  setUpMessagingFixture,
} from './messaging.fixture';
import { enqueueMessaging } from './messaging.service';
import { letterSignOff } from './messaging.texts';
import { startOutboxWorker } from './outbox.worker';
import { type SmtpSink, startSmtpSink } from './smtp-sink';

let t: TestDatabase;
let fixture: MessagingFixture;
let sink: SmtpSink;
const clock = testClock('2026-06-01T08:00:00.000Z'); // a Monday

const advancePaid: Effect[] = [
  { type: 'payment', kind: 'advance', amountCents: 30_000 },
  { type: 'notice', template: 'advance_paid', audience: 'applicant' },
];

beforeAll(async () => {
  t = await createTestDatabase();
  fixture = await setUpMessagingFixture(t.db, clock());
  sink = await startSmtpSink({ parse: true, rejectRecipient: (a) => a.startsWith('gone') });
});
afterAll(async () => {
  await sink?.close();
  await t?.close();
});

async function drainThroughSmtp() {
  const transport = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`, {
    ignoreTLS: true,
    connectionTimeoutMs: 2_000,
  });
  const worker = startOutboxWorker(
    {
      db: t.db,
      config: testConfig({ publicUrl: 'http://localhost:3000' }),
      logger: silentLogger(),
      clock,
    },
    { loop: false, transport, random: () => 0.5 },
  );
  try {
    await worker.drain();
  } finally {
    await worker.stop();
    transport.close();
  }
}

async function step(app: FixtureApplication, effects: Effect[]) {
  await t.db.transaction().execute((trx) =>
    enqueueMessaging(trx, {
      applicationId: app.applicationId,
      historyId: app.historyId,
      definition: fixture.definition,
      effects,
      now: clock(),
    }),
  );
}

async function applicantMail(app: FixtureApplication) {
  return t.db
    .selectFrom('outbox')
    .selectAll()
    .where('application_id', '=', app.applicationId)
    .where('kind', '=', 'mail')
    .where('audience', '=', 'applicant')
    .executeTakeFirstOrThrow();
}

async function paperOf(app: FixtureApplication) {
  return (await waitingLetters(t.db)).filter((l) => l.application_id === app.applicationId);
}

async function staffMailsOf(app: FixtureApplication) {
  return t.db
    .selectFrom('outbox')
    .selectAll()
    .where('application_id', '=', app.applicationId)
    .where('template_key', '=', BOUNCE_STAFF_MAIL)
    .execute();
}

async function bounces(app: FixtureApplication) {
  return t.db
    .selectFrom('application_history')
    .select('payload')
    .where('application_id', '=', app.applicationId)
    .where('event', '=', 'shell.mail_bounced')
    .execute();
}

/** A second report of the same bounce: the mail back to pending (a staff retry) and bounced again. */
async function bounceAgain(app: FixtureApplication) {
  await t.db
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: clock() })
    .where('id', '=', (await applicantMail(app)).id)
    .execute();
  await drainThroughSmtp();
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('a notice mail without a letter that bounces', () => {
  it('goes into the print queue as a paper notice with the mail’s words, signed as a letter, once', async () => {
    const app = await createFixtureApplication(t.db, fixture, clock(), {
      email: 'gone.fatima@example.test',
    });
    await step(app, advancePaid);
    await drainThroughSmtp();

    const mail = await applicantMail(app);
    expect(mail.status).toBe('failed');
    expect(mail.last_error).toMatch(/550/);
    expect(mail.body).toContain('€ 300,00');

    const paper = await paperOf(app);
    expect(paper).toHaveLength(1);
    expect(paper[0]).toMatchObject({
      kind: 'notice',
      template_key: 'advance_paid',
      history_id: app.historyId,
    });
    expect(paper[0]!.content.subject).toBe(mail.subject);
    const signOff = letterSignOff(fixture.definition, 'nl');
    expect(signOff).toMatch(/namens dezen/);
    const content = paper[0]!.content;
    expect(content.signature.onBehalfOf ?? '').toMatch(/namens dezen/);
    expect(content.signature.role).not.toBe('Team Bewonersinitiatieven');
    // The mail's words, the value it was filled with (€ 300,00 paid now) included.
    expect(content.paragraphs.join('\n\n')).toContain('€ 300,00');

    const user = await t.db
      .selectFrom('users')
      .select('letter_channel')
      .where('id', '=', app.applicant.id)
      .executeTakeFirstOrThrow();
    expect(user.letter_channel).toBe('paper');
    expect(await bounces(app)).toEqual([{ payload: { subject: mail.subject, byPost: true } }]);
    expect(await staffMailsOf(app)).toEqual([]);

    // A second bounce report adds no second paper notice, nor word to staff.
    await bounceAgain(app);
    expect((await applicantMail(app)).status).toBe('failed');
    expect(await paperOf(app)).toHaveLength(1);
    await t.db.transaction().execute(async (trx) => {
      await handleBounce(trx, await applicantMail(app), clock());
    });
    expect(await paperOf(app)).toHaveLength(1);
    expect(await staffMailsOf(app)).toEqual([]);

    // Dated for the post and printed: the mail's words and the letters' sign-off, read back.
    if (!popplerOrSkip()) return;
    const batch = await createPrintBatch(t.db, {
      now: clock(),
      actor: { id: null, roles: ['system'] },
    });
    const { pdf } = await printBatchPdf(t.db, batch.id, 'http://localhost:3000');
    const text = flat(pdftotext(pdf));
    const [, ...words] = (mail.body ?? '').split(/\n\n+/);
    const mailWords = words.filter((p) => !/^Met vriendelijke groet|^Team Bewoners/.test(p));
    expect(mailWords.length).toBeGreaterThan(0);
    for (const paragraph of mailWords) expect(text).toContain(flat(paragraph));
    expect(text).toContain(flat(mail.subject ?? ''));
    expect(text).toContain('Fatima el Amrani');
    for (const line of (signOff ?? '').split(/\n+/)) expect(text).toContain(flat(line));
    expect(text.match(/Met vriendelijke groet/g)).toHaveLength(1);
    expect(text).not.toMatch(/deze e-mail/i);
  });

  it('without a postal address tells staff, once, so they can phone her', async () => {
    const app = await createFixtureApplication(t.db, fixture, clock(), {
      email: 'gone.anh@example.test',
    });
    await t.db
      .updateTable('users')
      .set({ street: null, postcode: null, phone: '06 1234 5678' })
      .where('id', '=', app.applicant.id)
      .execute();
    await step(app, advancePaid);
    await drainThroughSmtp();

    const mail = await applicantMail(app);
    expect(mail.status).toBe('failed');
    expect(await paperOf(app)).toEqual([]);
    const told = await staffMailsOf(app);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ audience: 'staff', recipient_email: null, language: 'nl' });
    expect(told[0]!.subject).toContain(app.reference);
    expect(told[0]!.body).toContain('Fatima el Amrani');
    expect(told[0]!.body).toContain('06 1234 5678');
    expect(told[0]!.body).toContain(mail.subject);
    expect(told[0]!.body).toMatch(/geen volledig postadres/);
    expect(await bounces(app)).toEqual([{ payload: { subject: mail.subject, byPost: false } }]);
    // It reached the staff mailbox.
    expect((await staffMailsOf(app))[0]!.status).toBe('done');

    await bounceAgain(app);
    expect(await staffMailsOf(app)).toHaveLength(1);
    expect(await paperOf(app)).toEqual([]);
  });
});
