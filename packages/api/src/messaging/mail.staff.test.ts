import type { Effect } from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../config';
import { createRenderPool, type RenderPool } from '../letters/render.pool';
import { silentLogger } from '../logging/logger';
import { testClock } from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import { composeMail, mailDomain, messageIdFor, SIGNATURE_SEPARATOR } from './mail.compose';
import { createSmtpTransport } from './mail.transport';
import {
  createFixtureApplication,
  type MessagingFixture,
  setUpMessagingFixture,
} from './messaging.fixture';
import { enqueueMessaging } from './messaging.service';
import type { OutboxRow } from './messaging.table';
import { startOutboxWorker } from './outbox.worker';
import { type SmtpSink, startSmtpSink } from './smtp-sink';

let t: TestDatabase;
let fixture: MessagingFixture;
let pool: RenderPool;
let sink: SmtpSink;
const clock = testClock();
const PUBLIC_URL = 'http://localhost:3000';
const FROM = 'Gemeente Rotterdam <bewonersinitiatieven@rotterdam.example>';

beforeAll(async () => {
  t = await createTestDatabase();
  fixture = await setUpMessagingFixture(t.db, clock());
  pool = createRenderPool({ size: 1 });
  sink = await startSmtpSink({ parse: true });
});

afterAll(async () => {
  await sink?.close();
  await pool?.close();
  await t?.close();
});

async function deliver(effects: Effect[]) {
  const app = await createFixtureApplication(t.db, fixture, clock());
  await t.db.transaction().execute((trx) =>
    enqueueMessaging(trx, {
      applicationId: app.applicationId,
      historyId: app.historyId,
      definition: fixture.definition,
      effects,
      now: clock(),
    }),
  );
  const transport = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`, { ignoreTLS: true });
  const worker = startOutboxWorker(
    {
      db: t.db,
      config: testConfig({ publicUrl: PUBLIC_URL, mailFrom: FROM }),
      logger: silentLogger(),
      clock,
    },
    { loop: false, renderPool: pool, transport },
  );
  const before = sink.count();
  try {
    await worker.drain();
  } finally {
    await worker.stop();
    transport.close();
  }
  await sink.waitFor(before + effects.filter((e) => e.type === 'notice').length);
  return app;
}

function headerLine(mail: SmtpSink['messages'][number], key: string): string {
  return mail.headerLines.find((h) => h.key === key.toLowerCase())?.line ?? '';
}

describe('mails to staff', () => {
  it('link to the case page in staff words; Message-IDs in the From domain; a real signature separator', async () => {
    const app = await deliver([
      { type: 'notice', template: 'new_application', audience: 'staff' },
      { type: 'notice', template: 'acknowledgement', audience: 'applicant' },
    ]);
    const staff = sink.messages.find((m) =>
      m.subject?.startsWith(`Nieuwe aanvraag ${app.reference}`),
    );
    const resident = sink.messages.find(
      (m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === app.applicant.email,
    );
    expect(staff).toBeDefined();
    expect(resident).toBeDefined();

    const caseUrl = `${PUBLIC_URL}/behandeling/${app.applicationId}`;
    expect(staff!.text).toContain(caseUrl);
    expect(staff!.text).not.toContain(`${PUBLIC_URL}/aanvragen/`);
    expect(staff!.text).not.toMatch(/uw aanvraag/i);
    expect(staff!.text).toContain('Open de aanvraag in de behandelomgeving');
    expect(staff!.html).toContain(`href="${caseUrl}"`);
    expect(resident!.text).toContain(`${PUBLIC_URL}/aanvragen/${app.applicationId}`);
    expect(resident!.text).toContain('Bekijk uw aanvraag');

    for (const mail of [staff!, resident!]) {
      expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@rotterdam\.example>$/);
      // RFC 3676: "-- " alone on its line, the footer after it.
      expect(mail.text).toMatch(/\n-- \n\S/);
      expect(mail.text!.split('\n').filter((line) => line.startsWith('--'))).toEqual(['-- ']);
    }
  });
});

describe('headers', () => {
  it('encodes a non-ASCII Subject (RFC 2047) and it reads back exactly', async () => {
    const subject = 'Besluit voor Ayşe Yıldız-Çelik Ğ – € 6.000,00';
    const row = {
      id: 'x',
      kind: 'mail',
      application_id: null,
      document_id: null,
      message_id: '<11111111-2222-4333-8444-555555555555@initiatief.local>',
      recipient_email: 'ayse@example.org',
      recipient_name: 'Ayşe Yıldız-Çelik',
      audience: 'applicant',
      language: 'nl',
      subject,
      body: 'Beste Ayşe,\n\nUw aanvraag is ontvangen.',
    } as unknown as OutboxRow;
    const message = composeMail(row, null, {
      from: FROM,
      publicUrl: PUBLIC_URL,
      staffMailbox: 'subsidies@rotterdam.example',
      attachLetters: true,
    });
    const transport = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`, { ignoreTLS: true });
    const before = sink.count();
    try {
      await transport.send(message);
    } finally {
      transport.close();
    }
    await sink.waitFor(before + 1);
    const mail = sink.messages.at(-1)!;
    const raw = headerLine(mail, 'Subject');
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/);
    expect(/^[\x20-\x7e\r\n\t]*$/.test(raw)).toBe(true);
    expect(mail.subject).toBe(subject);
    expect(mail.messageId).toBe('<11111111-2222-4333-8444-555555555555@rotterdam.example>');
    expect(headerLine(mail, 'To')).not.toMatch(/[^\x20-\x7e\r\n\t]/);
  });

  it('derives the Message-ID domain from the From address', () => {
    expect(mailDomain('Bewonersinitiatieven <noreply@Rotterdam.NL>')).toBe('rotterdam.nl');
    expect(mailDomain('noreply@initiatief.example')).toBe('initiatief.example');
    expect(mailDomain('no address')).toBeNull();
    expect(messageIdFor('<a@initiatief.local>', 'x <y@gemeente.nl>')).toBe('<a@gemeente.nl>');
    expect(messageIdFor(null, 'x <y@gemeente.nl>')).toBeUndefined();
    expect(SIGNATURE_SEPARATOR).toBe('-- ');
  });
});
