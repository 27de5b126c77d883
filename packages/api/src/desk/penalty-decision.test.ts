/**
 * The penalty of a notice of default set by decision, with its letter (Awb 4:18), through the real
 * API: the assessor sets it, the resident who gets her post by e-mail receives the decision as a
 * PDF over a real SMTP conversation, read back with PDF.js: the amount, how it was counted, and
 * the objection clause. A resident who gets her post on paper finds the letter in the print queue,
 * and the penalty counts as set on the day it is posted.
 */
import {
  addDays,
  formatDate,
  objectionDeadline,
  PENALTY_MAX_CENTS,
  toAmsterdamDate,
} from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type AnyJson,
  ASSESS_GRANT,
  applicationIn,
  type Kit,
  lettersByPost,
  readJson,
  setupKit,
  step,
} from '../applications/lifecycle.test-kit';
import { testConfig } from '../config';
import { pdfText } from '../letters/pdf-text';
import { createRenderPool, type RenderPool } from '../letters/render.pool';
import { silentLogger } from '../logging/logger';
import { messageIdFor } from '../messaging/mail.compose';
import { createSmtpTransport } from '../messaging/mail.transport';
import { startOutboxWorker } from '../messaging/outbox.worker';
import { type SmtpSink, startSmtpSink } from '../messaging/smtp-sink';
import { createPrintBatch, markBatchPosted } from '../print/print.service';
import { call } from '../test/test-app';
import { PENALTY_LETTER } from './penalty-decision';

const DAY = 86_400_000;
let kit: Kit;
let sink: SmtpSink;
let pool: RenderPool;
beforeAll(async () => {
  kit = await setupKit();
  sink = await startSmtpSink({ parse: true });
  pool = createRenderPool({ size: 1 });
});
afterAll(async () => {
  await pool?.close();
  await sink?.close();
  await kit?.close();
});

const today = () => toAmsterdamDate(kit.clock());

/** An application decided 20 days into the penalty of a notice given the day after its term. */
async function decidedLate(): Promise<{ id: string; reference: string }> {
  const app: AnyJson = await applicationIn(kit, 'submitted');
  const dueOn = app.clock.decisionDueOn as string;
  kit.clock.set(`${addDays(dueOn, 1)}T09:00:00Z`);
  await kit.advance(0);
  const notice = await call(kit.app, 'POST', `/api/applications/${app.id}/notice-of-default`, {
    cookie: kit.cookies.clerk,
    json: { receivedOn: today() },
  });
  expect(notice.status).toBe(201);
  const firstDay = (await readJson(notice)).firstDay as string;
  kit.clock.set(`${addDays(firstDay, 31)}T09:00:00Z`);
  await kit.advance(0);
  await step(kit, 'assessor', app.id, 'ASSESS', ASSESS_GRANT);
  await step(kit, 'approver', app.id, 'GRANT', {});
  await kit.advance(DAY);
  return { id: app.id, reference: app.reference };
}

function decide(as: 'assessor' | 'resident' | 'clerk', id: string) {
  return call(kit.app, 'POST', `/api/applications/${id}/notice-of-default/penalty-decision`, {
    cookie: kit.cookies[as],
  });
}

async function deliver(): Promise<void> {
  const worker = startOutboxWorker(
    { db: kit.t.db, config: testConfig(), logger: silentLogger(), clock: kit.clock },
    {
      loop: false,
      renderPool: pool,
      transport: createSmtpTransport(`smtp://127.0.0.1:${sink.port}`, {
        ignoreTLS: true,
        connectionTimeoutMs: 2_000,
      }),
    },
  );
  try {
    await worker.drain();
  } finally {
    await worker.stop();
  }
}

describe('the penalty set by decision', () => {
  test('by e-mail: the decision letter as a PDF, with how it was counted and how to object', async () => {
    const app = await decidedLate();
    expect((await decide('resident', app.id)).status).toBe(403);
    expect((await decide('clerk', app.id)).status).toBe(403);
    const res = await decide('assessor', app.id);
    expect(res.status, await res.clone().text()).toBe(201);
    // 31 days: 14 × € 23, 14 × € 35 and 3 × € 45.
    const cents = 14 * 2300 + 14 * 3500 + 3 * 4500;
    expect(await readJson(res)).toMatchObject({ days: 31, cents, setOn: today() });
    expect(cents).toBeLessThan(PENALTY_MAX_CENTS);
    expect((await decide('assessor', app.id)).status).toBe(409);

    const letter = await kit.t.db
      .selectFrom('documents')
      .where('application_id', '=', app.id)
      .where('kind', '=', 'penalty')
      .select(['id', 'channel', 'objection_deadline', 'template_key'])
      .executeTakeFirstOrThrow();
    expect(letter).toMatchObject({
      channel: 'email',
      template_key: PENALTY_LETTER,
      objection_deadline: objectionDeadline(today()).date,
    });

    const before = sink.count();
    await deliver();
    await sink.waitFor(before + 1);
    const mailRow = await kit.t.db
      .selectFrom('outbox')
      .where('document_id', '=', letter.id)
      .where('kind', '=', 'mail')
      .select(['message_id', 'status', 'variables'])
      .executeTakeFirstOrThrow();
    expect(mailRow.status).toBe('done');
    // The sender was kept when the mail was written: the team of the version it is pinned to.
    expect(mailRow.variables).toEqual({
      senderDepartment: 'Team Bewonersinitiatieven',
      senderOrganisation: 'Gemeente Rotterdam',
    });
    const mail = sink.messages.find(
      (m) => m.messageId === messageIdFor(mailRow.message_id, testConfig().mailFrom),
    )!;
    expect(mail.subject).toBe(`Besluit over uw dwangsom – ${app.reference}`);
    expect(mail.from?.value[0]?.name).toBe('Team Bewonersinitiatieven, Gemeente Rotterdam');
    expect(mail.to).toMatchObject({ value: [{ address: kit.users.resident.email }] });
    const attachment = mail.attachments[0]!;
    expect(attachment.filename).toBe(`besluit-dwangsom-${app.reference}.pdf`);
    const text = (await pdfText(attachment.content)).replace(/\s+/g, ' ');
    expect(text).toContain(`Besluit: dwangsom voor ons late besluit op ${app.reference}`);
    expect(text).toContain('Wij stellen de dwangsom vast op € 947,00');
    expect(text).toContain('14 dagen × € 23,00, 14 dagen × € 35,00 en 3 dagen × € 45,00');
    expect(text).toContain('binnen zes weken na de datum van deze brief');
    expect(text).toContain('Bezwaar maken');
    expect(text).toContain(formatDate(objectionDeadline(today()).date, 'nl'));
    expect(text).not.toMatch(/shell\.|\d{4}-\d{2}-\d{2}|undefined/);

    // Her page lists the letter, and the history says it was set with a letter.
    const history = await call(kit.app, 'GET', `/api/applications/${app.id}/history`, {
      cookie: kit.cookies.resident,
    });
    const set = ((await readJson(history)).items as AnyJson[]).find(
      (h) => h.event === 'shell.penalty_set',
    );
    expect(set.payload).toEqual({ setOn: today(), days: 31, cents, letter: true });
  });

  test('on paper: the letter waits in the print queue, and the penalty is set on its posting day', async () => {
    await lettersByPost(kit);
    const app = await decidedLate();
    const res = await decide('assessor', app.id);
    expect(res.status, await res.clone().text()).toBe(201);
    const letter = await kit.t.db
      .selectFrom('documents')
      .where('application_id', '=', app.id)
      .where('kind', '=', 'penalty')
      .select(['id', 'channel', 'posted_on'])
      .executeTakeFirstOrThrow();
    expect(letter).toMatchObject({ channel: 'paper', posted_on: null });
    expect(
      await kit.t.db
        .selectFrom('outbox')
        .where('document_id', '=', letter.id)
        .select('id')
        .execute(),
    ).toEqual([]);

    // Posted two days later: that is the day the decision was made known.
    await kit.advance(2 * DAY);
    const actor = { id: kit.users.clerk.id, roles: ['clerk' as const] };
    const batch = await createPrintBatch(kit.t.db, { now: kit.clock(), actor });
    await markBatchPosted(kit.t.db, { id: batch.id, now: kit.clock(), actor });
    const detail = await call(kit.app, 'GET', `/api/applications/${app.id}`, {
      cookie: kit.cookies.assessor,
    });
    expect((await readJson(detail)).noticeOfDefault.setOn).toBe(today());
  });

  test('none owed (Awb 4:17 lid 6): on a ground, with reasons, in a letter of its own', async () => {
    const app = await decidedLate();
    const send = (body: unknown) =>
      call(kit.app, 'POST', `/api/applications/${app.id}/notice-of-default/penalty-decision`, {
        cookie: kit.cookies.assessor,
        json: body,
      });
    const short = await send({ notOwed: { ground: 'manifest', motivation: 'Nee.' } });
    expect(short.status).toBe(422);
    expect((await readJson(short)).invalidParams[0].name).toBe('notOwed.motivation');
    expect((await send({ notOwed: { ground: 'overmacht', motivation: MOTIVATION } })).status).toBe(
      422,
    );

    const res = await send({ notOwed: { ground: 'manifest', motivation: MOTIVATION } });
    expect(res.status, await res.clone().text()).toBe(201);
    const set = await readJson(res);
    expect(set).toMatchObject({ waived: 'manifest', cents: 0, days: 31, setOn: today() });
    expect(set.explanation.nl).toBe(
      `Geen dwangsom verschuldigd, vastgesteld bij besluit op ${formatDate(today(), 'nl')}: de aanvraag was kennelijk niet-ontvankelijk of kennelijk ongegrond (artikel 4:17, zesde lid, onder c, Awb).`,
    );
    const hers = await call(kit.app, 'GET', `/api/applications/${app.id}`, {
      cookie: kit.cookies.resident,
    });
    expect((await readJson(hers)).noticeOfDefault.forApplicant.nl).toContain(
      'hebben wij besloten dat u geen dwangsom van ons krijgt, omdat uw aanvraag was kennelijk',
    );
    const letter = await kit.t.db
      .selectFrom('documents')
      .where('application_id', '=', app.id)
      .where('kind', '=', 'penalty')
      .select(['subject', 'content'])
      .executeTakeFirstOrThrow();
    expect(letter.subject).toBe(`Besluit: geen dwangsom voor ons late besluit op ${app.reference}`);
    const words = letter.content.paragraphs.join(' ');
    expect(words).toContain(
      'Wij besluiten toch dat u geen dwangsom van ons krijgt, omdat uw aanvraag',
    );
    expect(words).toContain(MOTIVATION);
    expect(letter.content.objection).not.toBeNull();
    // Set, it is no longer a penalty to set.
    const list = await call(kit.app, 'GET', '/api/queue/penalties', {
      cookie: kit.cookies.assessor,
    });
    expect(((await readJson(list)).items as AnyJson[]).some((i) => i.id === app.id)).toBe(false);
  });
});

const MOTIVATION =
  'De aanvraag ging over een activiteit buiten Rotterdam, waarvoor deze regeling geen subsidie geeft.';
