/**
 * A draft not sent while its regulation is about to close: its resident hears it once, in her
 * language, with the last day and the link to her application, over a real SMTP conversation.
 * A resident without e-mail, or who chose paper, gets a letter in the print queue instead, read
 * back from the printed batch. Nobody else hears anything: not an application already received,
 * not a draft of a regulation that closes later.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  applicationIn,
  createDraft,
  createRegulation,
  type Kit,
  readJson,
  setupKit,
} from '../applications/lifecycle.test-kit';
import { pdfText } from '../letters/pdf-text';
import { silentLogger } from '../logging/logger';
import { createSmtpTransport } from '../messaging/mail.transport';
import { startOutboxWorker } from '../messaging/outbox.worker';
import { type SmtpSink, startSmtpSink } from '../messaging/smtp-sink';
import { call, createUser, loginAs } from '../test/test-app';
import {
  CLOSING_REMINDER_LETTER,
  CLOSING_REMINDER_TEMPLATE,
  remindBeforeClosing,
} from './closing-reminder.job';
import { CLOSING_REMINDER_JOB, startClosingReminderWorker } from './closing-reminder.worker';

const DAY = 86_400_000;
let kit: Kit;
let sink: SmtpSink;
beforeAll(async () => {
  // The kit's clock starts on Monday 2 March 2026.
  kit = await setupKit();
  sink = await startSmtpSink({ parse: true });
});
afterAll(async () => {
  await sink.close();
  await kit.close();
});

const remind = () => remindBeforeClosing(kit.t.db, kit.clock(), { days: 14 });

async function deliver(count: number) {
  const transport = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`, { ignoreTLS: true });
  const worker = startOutboxWorker(kit.app.deps, { transport, loop: false });
  try {
    await worker.drain();
  } finally {
    await worker.stop();
    transport.close();
  }
  await sink.waitFor(count);
}

describe('the reminder before a regulation closes', () => {
  test('reaches the resident of a draft once, in her language, with the day and her link', async () => {
    const closing = await createRegulation(kit.t, kit.workflow, { closesOn: '2026-03-20' });
    const later = await createRegulation(kit.t, kit.workflow, { closesOn: '2026-04-30' });
    const draft = await createDraft(kit, 'resident', { regulationId: closing });
    const notYet = await createDraft(kit, 'resident', { regulationId: later });
    const received = await applicationIn(kit, 'submitted');
    await kit.t.db
      .updateTable('applications')
      .set({ regulation_id: closing })
      .where('id', '=', received.id)
      .execute();
    const english = await createUser(kit.t.db, { roles: ['applicant'], locale: 'en' });
    const englishCookie = await loginAs(kit.app, english.email!);
    const theirs = await createDraft(
      { ...kit, cookies: { ...kit.cookies, resident2: englishCookie } },
      'resident2',
      { regulationId: closing },
    );

    // Nineteen days before the last day: outside the fourteen.
    expect(await remind()).toBe(0);
    await kit.advance(5 * DAY); // Saturday 7 March: 14 days to go, the last day included
    expect(await remind()).toBe(2);
    expect(await remind()).toBe(0);
    await deliver(2);

    const rows = await kit.t.db
      .selectFrom('outbox')
      .select(['application_id', 'recipient_email', 'language', 'variables'])
      .where('template_key', '=', CLOSING_REMINDER_TEMPLATE)
      .execute();
    // Each kept its sender when it was written: the team of the version the draft is pinned to.
    expect(rows.find((r) => r.application_id === draft.id)?.variables).toEqual({
      senderDepartment: 'Team Bewonersinitiatieven',
      senderOrganisation: 'Gemeente Rotterdam',
    });
    expect(rows.find((r) => r.application_id === theirs.id)?.variables).toEqual({
      senderDepartment: 'Resident Initiatives team',
      senderOrganisation: 'City of Rotterdam (Gemeente Rotterdam)',
    });
    expect(rows.map((r) => r.application_id).sort()).toEqual([draft.id, theirs.id].sort());
    expect(rows.map((r) => r.application_id)).not.toContain(notYet.id);
    expect(rows.map((r) => r.application_id)).not.toContain(received.id);

    const toHer = sink.messages.find((m) => m.subject?.includes(draft.reference as string))!;
    expect(toHer.subject).toBe(`Uw aanvraag ${draft.reference} is nog niet verstuurd`);
    expect(toHer.text).toContain('De regeling neemt aanvragen aan tot en met 20 maart 2026.');
    expect(toHer.text).toContain('Bewonersinitiatieven Delfshaven 2026');
    expect(toHer.text).toContain(`/aanvragen/${draft.id}`);
    expect(toHer.text).not.toContain('{{');
    expect(toHer.from?.value[0]?.name).toBe('Team Bewonersinitiatieven, Gemeente Rotterdam');
    const toThem = sink.messages.find((m) => m.subject?.includes(theirs.reference as string))!;
    expect(toThem.subject).toBe(`Your application ${theirs.reference} has not been sent yet`);
    expect(toThem.text).toContain('up to and including 20 March 2026');
    expect(toThem.from?.value[0]?.name).toBe(
      'Resident Initiatives team, City of Rotterdam (Gemeente Rotterdam)',
    );
    // Her link in the words of her language (the web's route words, @initiatief/engine).
    expect(toThem.text).toContain(`/applications/${theirs.id}`);
    expect(toThem.text).not.toContain('/aanvragen/');
  });

  test('a resident without e-mail, or who chose paper, gets it once as a letter in the print queue', async () => {
    const closing = await createRegulation(kit.t, kit.workflow, { closesOn: '2026-03-12' });
    const address = { street: 'Schiedamseweg 12', postcode: '3025 AB', city: 'Rotterdam' };
    // Ayşe was registered at the desk without e-mail: she cannot log in, so no web address.
    const hers = await createDraft(kit, 'resident', { regulationId: closing });
    await kit.t.db
      .updateTable('users')
      .set({ email: null, name: 'Ayşe Yıldız-Çelik', ...address })
      .where('id', '=', kit.users.resident.id)
      .execute();
    // The other resident has e-mail but chose letters on paper: the letter names her link.
    const theirs = await createDraft(kit, 'resident2', { regulationId: closing });
    await kit.t.db
      .updateTable('users')
      .set({ letter_channel: 'paper', ...address })
      .where('id', '=', kit.users.resident2.id)
      .execute();
    try {
      expect(await remind()).toBe(2);
      expect(await remind()).toBe(0);
      const mails = await kit.t.db
        .selectFrom('outbox')
        .select('id')
        .where('application_id', 'in', [hers.id, theirs.id])
        .where('template_key', '=', CLOSING_REMINDER_TEMPLATE)
        .execute();
      expect(mails).toHaveLength(0);
      const letters = await kit.t.db
        .selectFrom('documents')
        .select(['application_id', 'channel', 'kind', 'posted_on'])
        .where('template_key', '=', CLOSING_REMINDER_LETTER)
        .execute();
      expect(letters).toHaveLength(2);
      for (const letter of letters) {
        expect(letter).toMatchObject({ channel: 'paper', kind: 'notice', posted_on: null });
      }

      // The desk prints the day's batch: both letters, in words, dated the posting day.
      const batch = await call(kit.app, 'POST', '/api/print-batches', {
        cookie: kit.cookies.clerk,
      });
      expect(batch.status).toBe(201);
      const { id } = await readJson(batch);
      const pdf = await call(kit.app, 'GET', `/api/print-batches/${id}/pdf`, {
        cookie: kit.cookies.clerk,
      });
      expect(pdf.status).toBe(200);
      const text = (await pdfText(new Uint8Array(await pdf.arrayBuffer()))).replace(/\s+/g, ' ');
      expect(text).toContain(`Uw aanvraag ${hers.reference} is nog niet verstuurd`);
      expect(text).toContain('Beste Ayşe Yıldız-Çelik');
      expect(text).toContain('De regeling neemt aanvragen aan tot en met 12 maart 2026.');
      expect(text).toContain('telefonisch of aan de balie');
      expect(text).toContain(`/aanvragen/${theirs.id}`);
      expect(text).not.toContain(`/aanvragen/${hers.id}`);
      expect(text).not.toContain('{{');
      expect(text).toContain('Schiedamseweg 12');
    } finally {
      await kit.t.db
        .updateTable('users')
        .set({ email: kit.users.resident.email })
        .where('id', '=', kit.users.resident.id)
        .execute();
      await kit.t.db
        .updateTable('users')
        .set({ letter_channel: 'email' })
        .where('id', '=', kit.users.resident2.id)
        .execute();
    }
    // With her e-mail address back, she is not reminded a second time.
    expect(await remind()).toBe(0);
  });

  test('runs as the installation’s hourly job, and CLOSING_REMINDER_DAYS=0 switches it off', async () => {
    const closing = await createRegulation(kit.t, kit.workflow, { closesOn: '2026-03-13' });
    const draft = await createDraft(kit, 'resident', { regulationId: closing });
    const reminders = () =>
      kit.t.db
        .selectFrom('outbox')
        .select('id')
        .where('application_id', '=', draft.id)
        .where('template_key', '=', CLOSING_REMINDER_TEMPLATE)
        .execute();
    const run = async (days: number) => {
      await kit.t.db
        .updateTable('scheduled_jobs')
        .set({ next_attempt_at: kit.clock(), claimed_by: null, lease_until: null, attempts: 0 })
        .where('name', '=', CLOSING_REMINDER_JOB)
        .execute();
      const deps = {
        db: kit.t.db,
        clock: kit.clock,
        logger: silentLogger(),
        config: { ...kit.app.deps.config, closingReminderDays: days },
      };
      const worker = startClosingReminderWorker(deps, { loop: false });
      const ran = 'drain' in worker ? await worker.drain() : 0;
      await worker.stop();
      return ran;
    };
    expect(await run(0)).toBe(0);
    expect(await reminders()).toHaveLength(0);
    expect(await run(14)).toBe(1);
    expect(await reminders()).toHaveLength(1);
  });
});
