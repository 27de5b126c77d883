/**
 * Bounce → paper (issue 18, Awb 2:14): a decision mailed to a resident whose mailbox the SMTP
 * server refuses for good (550 in the real SMTP conversation) goes into the print queue, and her
 * channel becomes paper.
 */
import type { Effect } from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../config';
import { createRenderPool, type RenderPool } from '../letters/render.pool';
import { silentLogger } from '../logging/logger';
import { waitingLetters } from '../print/print.repository';
import { call, createTestApp, createUser, loginAs, readBody, testClock } from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import { createSmtpTransport } from './mail.transport';
import {
  createFixtureApplication,
  type MessagingFixture,
  setUpMessagingFixture,
} from './messaging.fixture';
import { enqueueMessaging } from './messaging.service';
import { startOutboxWorker } from './outbox.worker';
import { type SmtpSink, startSmtpSink } from './smtp-sink';

let t: TestDatabase;
let fixture: MessagingFixture;
let pool: RenderPool;
let sink: SmtpSink;
const clock = testClock();

const grantEffects: Effect[] = [
  { type: 'document', kind: 'grant', template: 'grant' },
  { type: 'notice', template: 'decision', audience: 'applicant' },
];

beforeAll(async () => {
  t = await createTestDatabase();
  fixture = await setUpMessagingFixture(t.db, clock());
  pool = createRenderPool({ size: 1 });
  sink = await startSmtpSink({ parse: true, rejectRecipient: (a) => a.startsWith('gone') });
});
afterAll(async () => {
  await sink?.close();
  await pool?.close();
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
    { loop: false, renderPool: pool, transport, random: () => 0.5 },
  );
  try {
    await worker.drain();
  } finally {
    await worker.stop();
    transport.close();
  }
}

describe('a decision mail that bounces', () => {
  it('puts the letter into the print queue and notes the resident’s channel as paper', async () => {
    const app = await createFixtureApplication(t.db, fixture, clock(), {
      email: 'gone.fatima@example.test',
    });
    const { documentIds } = await t.db.transaction().execute((trx) =>
      enqueueMessaging(trx, {
        applicationId: app.applicationId,
        historyId: app.historyId,
        definition: fixture.definition,
        effects: grantEffects,
        now: clock(),
      }),
    );
    await drainThroughSmtp();

    const mail = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('application_id', '=', app.applicationId)
      .where('kind', '=', 'mail')
      .executeTakeFirstOrThrow();
    expect(mail.status).toBe('failed');
    expect(mail.last_error).toMatch(/550/);
    expect(sink.count()).toBe(0);

    const user = await t.db
      .selectFrom('users')
      .select('letter_channel')
      .where('id', '=', app.applicant.id)
      .executeTakeFirstOrThrow();
    expect(user.letter_channel).toBe('paper');

    const waiting = (await waitingLetters(t.db)).filter(
      (l) => l.application_id === app.applicationId,
    );
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ kind: 'grant', template_key: 'grant' });
    expect(waiting[0]!.id).not.toBe(documentIds[0]);

    // The bounce is in the application's history, with the mail's subject and the post.
    const bounces = () =>
      t.db
        .selectFrom('application_history')
        .select(['event', 'payload', 'actor_id'])
        .where('application_id', '=', app.applicationId)
        .where('event', '=', 'shell.mail_bounced')
        .execute();
    expect(await bounces()).toEqual([
      {
        event: 'shell.mail_bounced',
        payload: { subject: mail.subject, byPost: true },
        actor_id: 'system',
      },
    ]);

    // Staff see the paper letter waiting, not sent; the e-mailed one as it went.
    const http = createTestApp({ db: t.db, clock });
    // …and so does the resident, in her own timeline.
    const mine = await readBody(
      await call(http, 'GET', `/api/applications/${app.applicationId}/history`, {
        cookie: await loginAs(http, app.applicant.email!),
      }),
    );
    expect(mine.items.map((h: { event: string }) => h.event)).toContain('shell.mail_bounced');
    const clerk = await createUser(t.db, { roles: ['clerk'] });
    const cookie = await loginAs(http, clerk.email!);
    const list = await readBody(
      await call(http, 'GET', `/api/applications/${app.applicationId}/documents`, { cookie }),
    );
    expect(list.items.map((d: { channel: string }) => d.channel).sort()).toEqual([
      'email',
      'paper',
    ]);
    expect(list.items.find((d: { channel: string }) => d.channel === 'paper')).toMatchObject({
      sent: false,
      postedOn: null,
    });

    // Staff retrying the mail does not print the letter twice.
    const staff = await createUser(t.db, { roles: ['assessor'] });
    const staffCookie = await loginAs(http, staff.email!);
    const retried = await call(http, 'POST', `/api/outbox/${mail.id}/retry`, {
      cookie: staffCookie,
    });
    expect(retried.status).toBe(200);
    await drainThroughSmtp();
    expect(
      (await waitingLetters(t.db)).filter((l) => l.application_id === app.applicationId),
    ).toHaveLength(1);
    // The retry bounced too: that is noted as well.
    expect(await bounces()).toHaveLength(2);
  });

  it('leaves a working address on e-mail', async () => {
    const app = await createFixtureApplication(t.db, fixture, clock(), {
      email: 'fine.jan@example.test',
    });
    await t.db.transaction().execute((trx) =>
      enqueueMessaging(trx, {
        applicationId: app.applicationId,
        historyId: app.historyId,
        definition: fixture.definition,
        effects: grantEffects,
        now: clock(),
      }),
    );
    await drainThroughSmtp();
    await sink.waitFor(1);
    const user = await t.db
      .selectFrom('users')
      .select('letter_channel')
      .where('id', '=', app.applicant.id)
      .executeTakeFirstOrThrow();
    expect(user.letter_channel).toBe('email');
    expect(
      (await waitingLetters(t.db)).filter((l) => l.application_id === app.applicationId),
    ).toEqual([]);
  });
});
