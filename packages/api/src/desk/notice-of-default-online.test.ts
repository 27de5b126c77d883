/**
 * The applicant gives notice of default (ingebrekestelling, Awb 4:17) herself, online, through the
 * real API: it comes in the day she sends it, she gets a receipt (by e-mail, or by post when she
 * chose paper), and staff are told at once, since the two weeks before the penalty runs start that day.
 * Someone she authorised can give it for her; the desk records one that came by post.
 */
import { addDays, formatDate, toAmsterdamDate } from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type AnyJson,
  applicationIn,
  type Kit,
  type Persona,
  readJson,
  setupKit,
} from '../applications/lifecycle.test-kit';
import { composeMail } from '../messaging/mail.compose';
import { call } from '../test/test-app';
import { NOTICE_RECEIPT_MAIL, NOTICE_STAFF_MAIL } from './notice-of-default.mail';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

const today = () => toAmsterdamDate(kit.clock());

function give(as: Persona, id: string, body: Record<string, unknown> = {}) {
  return call(kit.app, 'POST', `/api/applications/${id}/notice-of-default`, {
    cookie: kit.cookies[as],
    json: body,
  });
}

async function detail(as: Persona, id: string): Promise<AnyJson> {
  const res = await call(kit.app, 'GET', `/api/applications/${id}`, { cookie: kit.cookies[as] });
  expect(res.status).toBe(200);
  return readJson(res);
}

function mailsOf(id: string) {
  return kit.t.db
    .selectFrom('outbox')
    .where('application_id', '=', id)
    .where('template_key', 'in', [NOTICE_RECEIPT_MAIL, NOTICE_STAFF_MAIL])
    .selectAll()
    .orderBy('audience')
    .execute();
}

async function historyOf(id: string) {
  const res = await call(kit.app, 'GET', `/api/applications/${id}/history`, {
    cookie: kit.cookies.resident,
  });
  return ((await readJson(res)).items as AnyJson[]).filter(
    (h) => h.event === 'shell.notice_of_default',
  );
}

/** A submitted application of the resident's whose decision term ran out days ago. */
async function overdue(): Promise<{ id: string; reference: string; dueOn: string }> {
  const app: AnyJson = await applicationIn(kit, 'submitted');
  const dueOn = app.clock.decisionDueOn as string;
  kit.clock.set(`${addDays(dueOn, 2)}T09:00:00Z`);
  await kit.advance(0);
  return { id: app.id, reference: app.reference, dueOn };
}

describe('a notice of default given online', () => {
  test('comes in today, with a receipt to the applicant and word to staff', async () => {
    const app = await overdue();
    expect((await detail('resident', app.id)).noticeOfDefaultRecordable).toBe(true);
    // Online it can only come in today, said at the field.
    const yesterday = await give('resident', app.id, { receivedOn: addDays(today(), -1) });
    expect(yesterday.status).toBe(422);
    expect((await readJson(yesterday)).invalidParams).toEqual([
      expect.objectContaining({ name: 'receivedOn', reason: expect.stringContaining('vandaag') }),
    ]);

    const res = await give('resident', app.id);
    expect(res.status, await res.clone().text()).toBe(201);
    const given = await readJson(res);
    expect(given).toMatchObject({ receivedOn: today(), termEndedOn: app.dueOn, days: 0 });
    const hers = await detail('resident', app.id);
    expect(hers.noticeOfDefaultRecordable).toBe(false);
    expect(hers.noticeOfDefault.forApplicant.nl).toContain('Wij hebben uw ingebrekestelling');

    const [entry] = await historyOf(app.id);
    expect(entry.payload).toEqual({ receivedOn: today(), termEndedOn: app.dueOn, online: true });
    expect(entry.actor.id).toBe(kit.users.resident.id);

    const [toHer, toStaff] = await mailsOf(app.id);
    expect(toHer).toMatchObject({
      audience: 'applicant',
      recipient_email: kit.users.resident.email,
      language: 'nl',
      subject: `Ingebrekestelling ontvangen – ${app.reference}`,
    });
    expect(toHer!.body).toContain(`ontvangen op ${formatDate(today(), 'nl')}`);
    expect(toHer!.body).toContain(
      `Hebben wij uiterlijk op ${formatDate(given.firstDay, 'nl')} nog niet besloten`,
    );
    expect(toHer!.body).toContain('€ 1.442,00');
    // Given online, the receipt is the acknowledgement the law asks for (Awb 4:17 lid 4, 4:3a).
    expect(toHer!.body).toContain('Hiermee bevestigen wij de ontvangst van uw ingebrekestelling');
    // Nobody has the case yet: the staff mailbox (an address of null) hears of it.
    expect(toStaff).toMatchObject({ audience: 'staff', recipient_email: null });
    expect(toStaff!.subject).toBe(`Ingebrekestelling online ontvangen – ${app.reference}`);
    expect(toStaff!.body).toContain(`Komt het besluit niet uiterlijk op`);
    // Both kept their sender when they were written (the team of the application's version),
    // and are sent from it.
    for (const row of [toHer!, toStaff!]) {
      expect(row.variables).toEqual({
        senderDepartment: 'Team Bewonersinitiatieven',
        senderOrganisation: 'Gemeente Rotterdam',
      });
      const mail = composeMail(row, null, {
        from: 'noreply@initiatief.example',
        publicUrl: kit.app.deps.config.publicUrl,
        staffMailbox: 'staff@initiatief.example',
        attachLetters: false,
      });
      expect(mail.from).toEqual({
        name: 'Team Bewonersinitiatieven, Gemeente Rotterdam',
        address: 'noreply@initiatief.example',
      });
    }

    // Only the first counts, for her too.
    expect((await give('resident', app.id)).status).toBe(409);
  });

  test('by someone she authorised, on her behalf; the receipt by post to a resident who chose paper', async () => {
    const app = await overdue();
    const authorised = await call(kit.app, 'POST', `/api/applications/${app.id}/authorisations`, {
      cookie: kit.cookies.resident,
      json: { email: kit.users.resident2.email },
    });
    expect(authorised.status).toBe(201);
    await kit.t.db
      .updateTable('users')
      .set({ letter_channel: 'paper' })
      .where('id', '=', kit.users.resident.id)
      .execute();
    try {
      expect((await detail('resident2', app.id)).noticeOfDefaultRecordable).toBe(true);
      const res = await give('resident2', app.id);
      expect(res.status, await res.clone().text()).toBe(201);
      const [entry] = await historyOf(app.id);
      expect(entry.actor.id).toBe(kit.users.resident2.id);
      expect(entry.onBehalfOf).toBe(kit.users.resident.id);
      // No e-mail to her: the receipt waits in the print queue; staff get their mail.
      expect((await mailsOf(app.id)).map((m) => m.audience)).toEqual(['staff']);
      const receipt = await kit.t.db
        .selectFrom('documents')
        .where('application_id', '=', app.id)
        .where('template_key', '=', NOTICE_RECEIPT_MAIL)
        .select(['kind', 'channel', 'posted_on', 'objection_deadline', 'content'])
        .executeTakeFirstOrThrow();
      expect(receipt).toMatchObject({
        kind: 'notice',
        channel: 'paper',
        posted_on: null,
        objection_deadline: null,
      });
      expect(receipt.content.paragraphs.join(' ')).toContain(
        `ontvangen op ${formatDate(today(), 'nl')}`,
      );
    } finally {
      await kit.t.db
        .updateTable('users')
        .set({ letter_channel: 'email' })
        .where('id', '=', kit.users.resident.id)
        .execute();
    }
  });

  test('by post: the desk records its day, the applicant gets a receipt, the assessors are told', async () => {
    const app = await overdue();
    expect((await detail('clerk', app.id)).noticeOfDefaultRecordable).toBe(true);
    const missing = await give('clerk', app.id);
    expect(missing.status).toBe(422);
    expect((await readJson(missing)).invalidParams[0]).toMatchObject({
      name: 'receivedOn',
      reason: 'Vul de dag in waarop de ingebrekestelling binnenkwam.',
    });
    const receivedOn = addDays(app.dueOn, 1);
    const res = await give('clerk', app.id, { receivedOn });
    expect(res.status, await res.clone().text()).toBe(201);
    const [entry] = await historyOf(app.id);
    expect(entry.payload).toEqual({ receivedOn, termEndedOn: app.dueOn });
    const [toHer, toStaff] = await mailsOf(app.id);
    expect(toHer!.audience).toBe('applicant');
    expect(toHer!.body).toContain(`ontvangen op ${formatDate(receivedOn, 'nl')}`);
    // Nobody has the case: the staff mailbox hears who recorded it, and from when it would cost.
    expect(toStaff).toMatchObject({
      audience: 'staff',
      recipient_email: null,
      subject: `Ingebrekestelling ontvangen – ${app.reference}`,
    });
    expect(toStaff!.body).toContain(
      `${kit.users.clerk.name} heeft een ingebrekestelling van ${kit.users.resident.name} vastgelegd, ontvangen op ${formatDate(receivedOn, 'nl')}`,
    );
    expect(toHer!.body).not.toContain('via onze website');
  });

  test('recorded by the assessor who has the case: no mail to herself', async () => {
    const app = await overdue();
    const claimed = await call(kit.app, 'POST', `/api/applications/${app.id}/claim`, {
      cookie: kit.cookies.assessor,
    });
    expect(claimed.status).toBe(200);
    const res = await give('assessor', app.id, { receivedOn: addDays(app.dueOn, 1) });
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await mailsOf(app.id)).map((m) => m.audience)).toEqual(['applicant']);
  });
});
