import type { Effect, WorkflowDefinition } from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../config';
import { silentLogger } from '../logging/logger';
import { createUser, testClock } from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import { messageIdFor } from './mail.compose';
import { parseMailFrom } from './mail.sender';
import { createSmtpTransport } from './mail.transport';
import {
  createFixtureApplication,
  type FixtureApplication,
  type MessagingFixture,
  setUpMessagingFixture,
} from './messaging.fixture';
import { type MailFrom, mailRow } from './messaging.plan';
import { enqueueMessaging, insertMails } from './messaging.service';
import { startOutboxWorker } from './outbox.worker';
import { type SmtpSink, startSmtpSink } from './smtp-sink';

/**
 * Who a mail comes from, over a real SMTP conversation: the team of the definition version the
 * application is pinned to, in the recipient's language, at MAIL_FROM's address (mail.sender.ts).
 */

let t: TestDatabase;
let sink: SmtpSink;
let initiatives: MessagingFixture;
let budget: MessagingFixture;
const clock = testClock();
const PUBLIC_URL = 'http://localhost:3000';
const ADDRESS = 'noreply@rotterdam.example';

beforeAll(async () => {
  t = await createTestDatabase();
  // The newest shipped versions: both name the team that sends their letters.
  initiatives = await setUpMessagingFixture(t.db, clock(), { newest: true });
  budget = await setUpMessagingFixture(t.db, clock(), { key: 'klein-buurtbudget', newest: true });
  sink = await startSmtpSink({ parse: true });
});

afterAll(async () => {
  await sink?.close();
  await t?.close();
});

type Mail = SmtpSink['messages'][number];

const BOTH: Effect[] = [
  { type: 'notice', template: 'acknowledgement', audience: 'applicant' },
  { type: 'notice', template: 'new_application', audience: 'staff' },
];

/** An application whose applicant and assessor both read `locale`. */
async function application(fixture: MessagingFixture, locale: 'nl' | 'en') {
  const app = await createFixtureApplication(t.db, fixture, clock(), { locale });
  const assessor = await createUser(t.db, {
    roles: ['assessor'],
    name: 'Ayşe Yıldız-Çelik',
    locale,
  });
  await t.db
    .updateTable('applications')
    .set({ assignee_id: assessor.id })
    .where('id', '=', app.applicationId)
    .execute();
  return app;
}

/** Plans the step's mails in a transaction, as a command does; returns the rows' Message-IDs. */
async function plan(app: FixtureApplication, definition: WorkflowDefinition, effects = BOTH) {
  const planned = await t.db.transaction().execute((trx) =>
    enqueueMessaging(trx, {
      applicationId: app.applicationId,
      historyId: app.historyId,
      definition,
      effects,
      now: clock(),
    }),
  );
  return messageIds(planned.outboxIds);
}

async function messageIds(ids: string[]): Promise<string[]> {
  const rows = await t.db
    .selectFrom('outbox')
    .select(['id', 'message_id'])
    .where('id', 'in', ids)
    .execute();
  return ids.map((id) => rows.find((r) => r.id === id)!.message_id!);
}

/** Sends everything due over SMTP with MAIL_FROM `from`; the mails as received, in `ids` order. */
async function send(ids: string[], from = ADDRESS): Promise<Mail[]> {
  const transport = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`, { ignoreTLS: true });
  const worker = startOutboxWorker(
    {
      db: t.db,
      config: testConfig({ publicUrl: PUBLIC_URL, mailFrom: from }),
      logger: silentLogger(),
      clock,
    },
    { loop: false, transport },
  );
  const before = sink.count();
  try {
    await worker.drain();
  } finally {
    await worker.stop();
    transport.close();
  }
  await sink.waitFor(before + ids.length);
  return ids.map((id) => {
    const mail = sink.messages.find((m) => m.messageId === messageIdFor(id, from));
    if (!mail) throw new Error(`mail ${id} not received`);
    return mail;
  });
}

function fromOf(mail: Mail) {
  return mail.from?.value[0];
}

function rawHeader(mail: Mail, key: string): string {
  return mail.headerLines.find((h) => h.key === key.toLowerCase())?.line ?? '';
}

describe('the sender of a mail about an application', () => {
  it.each([
    {
      workflow: 'bewonersinitiatief',
      locale: 'nl' as const,
      from: 'Team Bewonersinitiatieven, Gemeente Rotterdam',
      footer: 'Dit is een automatisch bericht voor medewerkers van Team Bewonersinitiatieven.',
    },
    {
      workflow: 'bewonersinitiatief',
      locale: 'en' as const,
      from: 'Resident Initiatives team, City of Rotterdam (Gemeente Rotterdam)',
      footer: 'This is an automatic message for staff of the Resident Initiatives team.',
    },
    {
      workflow: 'klein-buurtbudget',
      locale: 'nl' as const,
      from: 'Team Buurtbudget, Gemeente Rotterdam',
      footer: 'Dit is een automatisch bericht voor medewerkers van Team Buurtbudget.',
    },
    {
      workflow: 'klein-buurtbudget',
      locale: 'en' as const,
      from: 'Neighbourhood Budget team, City of Rotterdam (Gemeente Rotterdam)',
      footer: 'This is an automatic message for staff of the Neighbourhood Budget team.',
    },
  ])('$workflow in $locale: From "$from", and the staff footer names the team', async (c) => {
    const fixture = c.workflow === 'klein-buurtbudget' ? budget : initiatives;
    const app = await application(fixture, c.locale);
    const [resident, staff] = await send(await plan(app, fixture.definition));
    for (const mail of [resident!, staff!]) {
      expect(fromOf(mail)).toEqual({ name: c.from, address: ADDRESS });
      expect(mail.headers.get('content-language')).toBe(c.locale);
    }
    expect(staff!.text).toContain(`-- \n${c.footer}`);
    expect(staff!.html).toContain(c.footer);
    if (c.workflow === 'klein-buurtbudget') {
      for (const mail of [resident!, staff!]) {
        expect(rawHeader(mail, 'From')).not.toMatch(/Bewonersinitiatieven|Resident Initiatives/);
        expect(mail.text).not.toMatch(/team Bewonersinitiatieven|Resident Initiatives team/i);
      }
    }
  });

  it('keeps the sender it was planned with when its application moves to a new version', async () => {
    const app = await application(budget, 'nl');
    const before = await plan(app, budget.definition);

    // A new version with another team (a name with a non-ASCII letter), and the application
    // moved to it before the worker sends the mails planned above.
    const next = structuredClone(budget.definition) as WorkflowDefinition & { version: number };
    const newest = await t.db
      .selectFrom('workflow_definitions')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('key', '=', budget.definition.key)
      .executeTakeFirstOrThrow();
    next.version = Number(newest.version) + 1;
    next.sender = {
      department: {
        nl: 'Team Wijkbudget Noord-Çelik',
        en: 'Neighbourhood Budget North-Çelik team',
      },
    };
    await t.db
      .insertInto('workflow_definitions')
      .values({
        key: next.key,
        version: next.version,
        status: 'published',
        definition: JSON.stringify(next),
        created_at: clock(),
        published_at: clock(),
      })
      .execute();
    await t.db
      .updateTable('applications')
      .set({ definition_version: next.version })
      .where('id', '=', app.applicationId)
      .execute();
    const after = await plan(app, next, [BOTH[1]!]);

    const [resident, staff, later] = await send([...before, ...after]);
    for (const mail of [resident!, staff!]) {
      expect(fromOf(mail)).toEqual({
        name: 'Team Buurtbudget, Gemeente Rotterdam',
        address: ADDRESS,
      });
    }
    expect(staff!.text).toContain('medewerkers van Team Buurtbudget.');

    // The new team's name: RFC 2047 encoded by nodemailer, read back exactly.
    const name = 'Team Wijkbudget Noord-Çelik, Gemeente Rotterdam';
    expect(fromOf(later!)).toEqual({ name, address: ADDRESS });
    const raw = rawHeader(later!, 'From');
    expect(raw).toMatch(/^From: =\?UTF-8\?[BQ]\?/);
    expect(/^[\x20-\x7e\r\n\t]*$/.test(raw)).toBe(true);
    expect(raw).toContain(`<${ADDRESS}>`);
    expect(later!.text).toContain('medewerkers van Team Wijkbudget Noord-Çelik.');
  });

  it('a row written before senders were kept: the pinned version’s team; about no application: the municipality', async () => {
    const app = await application(budget, 'en');
    // As rows were written before every writer kept its sender (old rows in a database).
    const oldRow = (language: 'nl' | 'en', applicationId: string | null) => ({
      ...mailRow({
        applicationId,
        to: { email: 'medewerker@rotterdam.example', name: null },
        audience: applicationId ? 'staff' : 'applicant',
        language,
        template: applicationId ? 'shell.test_notice' : 'account_password_reset',
        text: { subject: 'Bericht', body: 'Een bericht.' },
        from: initiatives.definition,
        now: clock(),
      }),
      variables: null,
    });
    const rows = [oldRow('en', app.applicationId), oldRow('nl', null), oldRow('en', null)];
    await t.db.insertInto('outbox').values(rows).execute();
    const [pinned, nl, en] = await send(rows.map((r) => r.message_id));
    expect(fromOf(pinned!)).toEqual({
      name: 'Neighbourhood Budget team, City of Rotterdam (Gemeente Rotterdam)',
      address: ADDRESS,
    });
    expect(pinned!.text).toContain('for staff of the Neighbourhood Budget team.');
    expect(fromOf(nl!)).toEqual({ name: 'Gemeente Rotterdam', address: ADDRESS });
    expect(fromOf(en!)).toEqual({
      name: 'City of Rotterdam (Gemeente Rotterdam)',
      address: ADDRESS,
    });
  });

  it('mailRow keeps the sender with every mail: the pinned team, or the municipality alone', async () => {
    const app = await application(budget, 'nl');
    const row = (language: 'nl' | 'en', from: MailFrom, applicationId: string | null) =>
      mailRow({
        applicationId,
        to: { email: 'bewoner@rotterdam.example', name: 'Ayşe Yıldız-Çelik' },
        audience: 'applicant',
        language,
        template: applicationId ? 'shell.test_notice' : 'account_password',
        text: { subject: 'Bericht', body: 'Een bericht.' },
        from,
        now: clock(),
      });
    const rows = [
      row('nl', budget.definition, app.applicationId),
      row('en', budget.definition, app.applicationId),
      row('en', 'municipality', null),
    ];
    expect(rows.map((r) => r.variables)).toEqual([
      { senderDepartment: 'Team Buurtbudget', senderOrganisation: 'Gemeente Rotterdam' },
      {
        senderDepartment: 'Neighbourhood Budget team',
        senderOrganisation: 'City of Rotterdam (Gemeente Rotterdam)',
      },
      { senderOrganisation: 'City of Rotterdam (Gemeente Rotterdam)' },
    ]);
    await t.db.transaction().execute((trx) => insertMails(trx, rows));
    // The row's own sender, not the pinned version's: move the application to another workflow's.
    await t.db
      .updateTable('applications')
      .set({
        definition_key: initiatives.definition.key,
        definition_version: (initiatives.definition as unknown as { version: number }).version,
      })
      .where('id', '=', app.applicationId)
      .execute();
    const [nl, en, account] = await send(rows.map((r) => r.message_id));
    expect(fromOf(nl!)).toEqual({ name: 'Team Buurtbudget, Gemeente Rotterdam', address: ADDRESS });
    expect(fromOf(en!)).toEqual({
      name: 'Neighbourhood Budget team, City of Rotterdam (Gemeente Rotterdam)',
      address: ADDRESS,
    });
    expect(fromOf(account!)).toEqual({
      name: 'City of Rotterdam (Gemeente Rotterdam)',
      address: ADDRESS,
    });
  });
});

describe('MAIL_FROM', () => {
  it('a display name configured in MAIL_FROM is every mail’s; the footer still names the team', async () => {
    const app = await application(budget, 'nl');
    const configured = '"TEST, Gemeente Rotterdam" <noreply@test.rotterdam.example>';
    const [resident, staff] = await send(await plan(app, budget.definition), configured);
    for (const mail of [resident!, staff!]) {
      expect(fromOf(mail)).toEqual({
        name: 'TEST, Gemeente Rotterdam',
        address: 'noreply@test.rotterdam.example',
      });
    }
    expect(staff!.text).toContain('medewerkers van Team Buurtbudget.');
  });

  it('reads an address with and without a display name', () => {
    expect(parseMailFrom('noreply@rotterdam.nl')).toEqual({
      name: null,
      address: 'noreply@rotterdam.nl',
    });
    expect(parseMailFrom('Gemeente Rotterdam <noreply@rotterdam.nl>')).toEqual({
      name: 'Gemeente Rotterdam',
      address: 'noreply@rotterdam.nl',
    });
    expect(parseMailFrom('"Team \\"Noord\\", Rotterdam" <a@b.nl>')).toEqual({
      name: 'Team "Noord", Rotterdam',
      address: 'a@b.nl',
    });
    expect(parseMailFrom(' <a@b.nl> ')).toEqual({ name: null, address: 'a@b.nl' });
    expect(parseMailFrom('Gemeente Rotterdam')).toBeNull();
  });
});
