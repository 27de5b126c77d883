import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Effect, formatDate, objectionDeadline } from '@initiatief/engine';
import { type KyselyPlugin, sql, UpdateQueryNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../config';
import type { AppDeps } from '../context';
import { pdfText } from '../letters/pdf-text';
import { createRenderPool, type RenderPool } from '../letters/render.pool';
import { silentLogger } from '../logging/logger';
import { call, createTestApp, createUser, loginAs, testClock } from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import { composeMail, messageIdFor } from './mail.compose';
import { createFileTransport, createSmtpTransport, type MailTransport } from './mail.transport';
import {
  createFixtureApplication,
  type FixtureApplication,
  type MessagingFixture,
  setUpMessagingFixture,
} from './messaging.fixture';
import { claimDueJobs, storeRenderedPdf } from './messaging.repository';
import { enqueueMessaging } from './messaging.service';
import { startOutboxWorker } from './outbox.worker';
import { type SmtpSink, startSmtpSink } from './smtp-sink';

let t: TestDatabase;
let fixture: MessagingFixture;
let pool: RenderPool;
const clock = testClock();
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

function deps(overrides: Partial<ReturnType<typeof testConfig>> = {}): AppDeps {
  return {
    db: t.db,
    config: testConfig({ publicUrl: PUBLIC_URL, ...overrides }),
    logger: silentLogger(),
    clock,
  };
}

/** The Message-ID a row is sent with: its stored id in the From address's domain. */
const sentId = (stored: string | null) => messageIdFor(stored, testConfig().mailFrom);

function smtpWorker(
  sink: { port: number },
  options: { backoffBaseMs?: number; attachLetters?: boolean } = {},
) {
  const transport = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`, {
    ignoreTLS: true,
    connectionTimeoutMs: 2_000,
  });
  const worker = startOutboxWorker(deps(), {
    loop: false,
    renderPool: pool,
    transport,
    backoffBaseMs: options.backoffBaseMs ?? 60_000,
    backoffMaxMs: 10 * 60_000,
    random: () => 0.5,
    settings: options.attachLetters === undefined ? {} : { attachLetters: options.attachLetters },
  });
  return {
    ...worker,
    async stop() {
      await worker.stop();
      // A pooled connection left open would keep the SMTP server from closing.
      transport.close();
    },
  };
}

async function enqueue(app: FixtureApplication, effects: Effect[]) {
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

async function outboxRow(id: string) {
  return t.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A port nothing listens on (a sink that was started and closed again). */
async function closedPort(): Promise<number> {
  const sink = await startSmtpSink();
  await sink.close();
  return sink.port;
}

describe('enqueueMessagingEffects', () => {
  it('writes a document job and one outbox row per notice, all in the caller transaction', async () => {
    const app = await createFixtureApplication(t.db, fixture, clock());
    const result = await enqueue(app, grantEffects);
    expect(result.documentIds).toHaveLength(1);
    expect(result.outboxIds).toHaveLength(3);

    const document = await t.db
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', result.documentIds[0]!)
      .executeTakeFirstOrThrow();
    expect(document.pdf).toBeNull();
    expect(document.kind).toBe('grant');
    expect(document.definition_key).toBe('bewonersinitiatief');
    expect(document.sent_on).toBe('2026-03-02');
    expect(document.objection_deadline).toBe(objectionDeadline('2026-03-02').date);
    expect(document.content.variables.grantedAmount).toBe('€ 750,00');
    expect(document.content.objection?.lastDayText).toBe(
      formatDate(objectionDeadline('2026-03-02').date, 'nl'),
    );

    const mails = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('application_id', '=', app.applicationId)
      .where('kind', '=', 'mail')
      .orderBy('audience')
      .execute();
    expect(mails.map((m) => m.audience)).toEqual(['applicant', 'staff']);
    expect(mails[0]!.document_id).toBe(result.documentIds[0]);
    expect(mails[0]!.message_id).toMatch(/^<[0-9a-f-]{36}@initiatief\.local>$/);
    expect(mails[0]!.recipient_email).toBe(app.applicant.email);
    expect(mails[0]!.subject).toBe(`Er is een besluit over uw aanvraag (${app.reference})`);
    expect(mails[1]!.recipient_email).toBeNull();
  });

  it('writes nothing when the command transaction rolls back', async () => {
    const app = await createFixtureApplication(t.db, fixture, clock());
    await expect(
      t.db.transaction().execute(async (trx) => {
        await enqueueMessaging(trx, {
          applicationId: app.applicationId,
          historyId: app.historyId,
          definition: fixture.definition,
          effects: grantEffects,
          now: clock(),
        });
        throw new Error('command failed');
      }),
    ).rejects.toThrow('command failed');
    const rows = await t.db
      .selectFrom('outbox')
      .select('id')
      .where('application_id', '=', app.applicationId)
      .execute();
    expect(rows).toHaveLength(0);
  });
});

describe('outbox worker with a real SMTP server', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink({ parse: true });
  });
  afterAll(() => sink?.close());

  it('renders the letter and delivers the notice with it attached, in the applicant language', async () => {
    const app = await createFixtureApplication(t.db, fixture, clock());
    const { documentIds, outboxIds } = await enqueue(app, grantEffects);
    const before = sink.count();
    const worker = smtpWorker(sink);
    try {
      await worker.drain();
    } finally {
      await worker.stop();
    }
    await sink.waitFor(before + 2);

    const statuses = await Promise.all(outboxIds.map(async (id) => (await outboxRow(id)).status));
    expect(statuses).toEqual(['done', 'done', 'done']);

    const mailRow = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('application_id', '=', app.applicationId)
      .where('audience', '=', 'applicant')
      .executeTakeFirstOrThrow();
    const message = sink.messages.find((m) => m.messageId === sentId(mailRow.message_id));
    expect(message).toBeDefined();
    expect(message!.to).toMatchObject({ value: [{ address: app.applicant.email }] });
    expect(message!.subject).toBe(`Er is een besluit over uw aanvraag (${app.reference})`);
    expect(message!.text).toContain('Beste Fatima el Amrani');
    expect(message!.text).toContain(`${PUBLIC_URL}/aanvragen/${app.applicationId}`);
    expect(message!.html).toContain('<html lang="nl">');
    expect(message!.attachments).toHaveLength(1);
    // The mail and the letter both lead to the letter's accessible web page.
    const accessible = `${PUBLIC_URL}/api/documents/${documentIds[0]}?format=html`;
    expect(message!.text).toContain(`Lees de brief als toegankelijke webpagina: ${accessible}`);
    expect(message!.html).toContain(`<a href="${accessible}">`);
    const attachment = message!.attachments[0]!;
    expect(attachment.contentType).toBe('application/pdf');
    expect(attachment.filename).toBe(`verleningsbesluit-${app.reference}.pdf`);

    const stored = await t.db
      .selectFrom('documents')
      .select(['pdf', 'sha256', 'byte_size'])
      .where('id', '=', documentIds[0]!)
      .executeTakeFirstOrThrow();
    expect(Buffer.compare(Buffer.from(stored.pdf!), attachment.content)).toBe(0);
    expect(stored.sha256).toBe(createHash('sha256').update(attachment.content).digest('hex'));

    const text = await pdfText(attachment.content);
    expect(text).toContain(app.reference);
    expect(text).toContain('€ 750,00');
    expect(text).toContain(formatDate(objectionDeadline('2026-03-02').date, 'nl'));
    expect(text).toContain('Mathenesserlaan 214');
    expect(text).toMatch(/Pagina 1 van \d/);
    expect(text.replace(/\s+/g, '')).toContain(accessible);

    const staff = sink.messages.find(
      (m) => m.subject === `Nieuwe aanvraag ${app.reference} in de werkvoorraad`,
    );
    expect(staff?.to).toMatchObject({ value: [{ address: 'subsidies@localhost' }] });
  });

  it('writes English mail and letter for an applicant who chose English', async () => {
    const app = await createFixtureApplication(t.db, fixture, clock(), { locale: 'en' });
    await enqueue(app, grantEffects.slice(0, 2));
    const before = sink.count();
    const worker = smtpWorker(sink);
    await worker.drain();
    await worker.stop();
    await sink.waitFor(before + 1);
    const message = sink.messages.find((m) => m.subject?.includes(app.reference));
    expect(message!.subject).toBe(
      `A decision has been taken on your application (${app.reference})`,
    );
    expect(message!.html).toContain('<html lang="en">');
    expect(message!.attachments[0]!.filename).toBe(`grant-decision-${app.reference}.pdf`);
    const text = await pdfText(message!.attachments[0]!.content);
    expect(text).toContain('€750.00');
    expect(text).toContain(formatDate(objectionDeadline('2026-03-02').date, 'en'));
    expect(text).toMatch(/Page 1 of \d/);
  });

  it('links the letter instead of attaching it when MAIL_ATTACH_LETTERS is off', async () => {
    const app = await createFixtureApplication(t.db, fixture, clock());
    const { documentIds } = await enqueue(app, grantEffects.slice(0, 2));
    const before = sink.count();
    const worker = smtpWorker(sink, { attachLetters: false });
    await worker.drain();
    await worker.stop();
    await sink.waitFor(before + 1);
    const message = sink.messages.find((m) => m.subject?.includes(app.reference));
    expect(message!.attachments).toHaveLength(0);
    expect(message!.text).toContain(`${PUBLIC_URL}/api/documents/${documentIds[0]}?format=pdf`);
    expect(message!.html).toContain(`${PUBLIC_URL}/api/documents/${documentIds[0]}?format=html`);
  });

  it('runs as a background loop: polls, renders, then sends the waiting mail, and stops cleanly', async () => {
    const before = sink.count();
    const transport = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`, { ignoreTLS: true });
    const worker = startOutboxWorker(deps(), { renderPool: pool, transport, pollMs: 50 });
    try {
      const app = await createFixtureApplication(t.db, fixture, clock());
      await enqueue(app, grantEffects.slice(0, 2));
      await sink.waitFor(before + 1, 20_000);
      const message = sink.messages.at(-1)!;
      expect(message.subject).toContain(app.reference);
      expect(message.attachments).toHaveLength(1);
    } finally {
      await worker.stop();
      transport.close();
    }
  });

  it('is woken by the commit of a mail instead of waiting for its next poll', async () => {
    const transport = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`, { ignoreTLS: true });
    // A poll of a minute: only the outbox trigger's NOTIFY can make it deliver within seconds.
    const worker = startOutboxWorker(
      { ...deps(), notifications: t.notifications },
      { pollMs: 60_000, renderPool: pool, transport, random: () => 0.5 },
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // its first round finds nothing
      const app = await createFixtureApplication(t.db, fixture, clock());
      const before = sink.count();
      const started = Date.now();
      const { outboxIds } = await enqueue(app, [
        { type: 'notice', template: 'acknowledgement', audience: 'applicant' },
      ]);
      await sink.waitFor(before + 1);
      expect(Date.now() - started).toBeLessThan(10_000);
      const row = await outboxRow(outboxIds[0]!);
      expect(sink.messages.at(-1)?.messageId).toBe(sentId(row.message_id));
    } finally {
      await worker.stop();
      transport.close();
    }
  }, 20_000);

  it('re-sends with the same Message-ID after a crash between sending and recording', async () => {
    const app = await createFixtureApplication(t.db, fixture, clock());
    const { outboxIds } = await enqueue(app, [
      { type: 'notice', template: 'acknowledgement', audience: 'applicant' },
    ]);
    // A worker claims the row and sends, then dies before it records the result.
    const [claimed] = await claimDueJobs(t.db, { now: clock(), limit: 100, leaseMs: 60_000 });
    expect(claimed?.id).toBe(outboxIds[0]);
    const before = sink.count();
    const crashed = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`, { ignoreTLS: true });
    await crashed.send(
      composeMail(claimed!, null, {
        from: 'noreply@initiatief.example',
        publicUrl: PUBLIC_URL,
        staffMailbox: 'staff@x',
        attachLetters: true,
      }),
    );
    crashed.close();

    const worker = smtpWorker(sink);
    try {
      expect(await worker.drain()).toBe(0); // the lease still holds
      clock.advance(61_000);
      expect(await worker.drain()).toBe(1);
    } finally {
      await worker.stop();
    }
    await sink.waitFor(before + 2);
    const row = await outboxRow(outboxIds[0]!);
    expect(row.status).toBe('done');
    expect(row.attempts).toBe(2);
    const copies = sink.messages.filter((m) => m.messageId === sentId(row.message_id));
    expect(copies).toHaveLength(2);
  });

  it('keeps the claim of a mail whose server takes longer than the lease: no second worker sends it', async () => {
    const app = await createFixtureApplication(t.db, fixture, clock());
    const { outboxIds } = await enqueue(app, [
      { type: 'notice', template: 'acknowledgement', audience: 'applicant' },
    ]);
    const before = sink.count();
    const smtp = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`, { ignoreTLS: true });
    // A mail server that answers only when the test lets it.
    let answer!: () => void;
    let sending!: () => void;
    const started = new Promise<void>((resolve) => {
      sending = resolve;
    });
    const slow: MailTransport = {
      kind: 'smtp',
      close: () => smtp.close(),
      async send(message) {
        sending();
        await new Promise<void>((resolve) => {
          answer = resolve;
        });
        return smtp.send(message);
      },
    };
    const first = startOutboxWorker(deps(), {
      loop: false,
      renderPool: pool,
      transport: slow,
      leaseMs: 60_000,
      renewMs: 20,
    });
    const second = smtpWorker(sink);
    try {
      const round = first.drain();
      await started;
      // Longer than the lease passes while the first worker waits for the server.
      clock.advance(61_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await second.drain()).toBe(0);
      answer();
      expect(await round).toBe(1);
    } finally {
      await first.stop();
      await second.stop();
      smtp.close();
    }
    await sink.waitFor(before + 1);
    const row = await outboxRow(outboxIds[0]!);
    expect(row.status).toBe('done');
    expect(row.attempts).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink.messages.filter((m) => m.messageId === sentId(row.message_id))).toHaveLength(1);
  });
});

describe('recording outcomes while PostgreSQL is away', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink({ parse: true });
  });
  afterAll(() => sink?.close());

  it('records a sent mail once the database answers again: no second copy, no wait for the lease', async () => {
    const app = await createFixtureApplication(t.db, fixture, clock());
    const { outboxIds } = await enqueue(app, [
      { type: 'notice', template: 'acknowledgement', audience: 'applicant' },
    ]);
    // The database drops the first two attempts to record "done" (as during a restart).
    let failures = 2;
    const flaky: KyselyPlugin = {
      transformQuery(args) {
        const text = JSON.stringify(args.node);
        if (
          failures > 0 &&
          UpdateQueryNode.is(args.node) &&
          text.includes('"outbox"') &&
          text.includes('"done"')
        ) {
          failures--;
          throw Object.assign(new Error('Connection terminated unexpectedly'), {
            code: 'ECONNRESET',
          });
        }
        return args.node;
      },
      async transformResult(args) {
        return args.result;
      },
    };
    const transport = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`, { ignoreTLS: true });
    const worker = startOutboxWorker(
      { ...deps(), db: t.db.withPlugin(flaky) },
      { loop: false, renderPool: pool, transport, random: () => 0.5 },
    );
    const before = sink.count();
    try {
      expect(await worker.drain()).toBe(1);
    } finally {
      await worker.stop();
      transport.close();
    }
    expect(failures).toBe(0);
    await sink.waitFor(before + 1);
    const row = await outboxRow(outboxIds[0]!);
    expect(row.status).toBe('done');
    expect(row.attempts).toBe(1);
    expect(sink.messages.filter((m) => m.messageId === sentId(row.message_id))).toHaveLength(1);
  });
});

describe('delivery failures', () => {
  it('keeps messages waiting while the server is down and delivers them once it is back', async () => {
    const port = await closedPort();
    const app = await createFixtureApplication(t.db, fixture, clock());
    const { outboxIds } = await enqueue(app, [
      { type: 'notice', template: 'acknowledgement', audience: 'applicant' },
    ]);
    const worker = smtpWorker({ port });
    try {
      expect(await worker.drain()).toBe(1);
      let row = await outboxRow(outboxIds[0]!);
      expect(row.status).toBe('pending');
      expect(row.attempts).toBe(1);
      expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
      // Backoff: base 60 s, jitter pinned at the middle -> 45 s.
      expect(row.next_attempt_at.getTime() - clock().getTime()).toBe(45_000);

      clock.advance(46_000);
      expect(await worker.drain()).toBe(1);
      row = await outboxRow(outboxIds[0]!);
      expect(row.attempts).toBe(2);
      // Second attempt: 120 s ceiling -> 90 s.
      expect(row.next_attempt_at.getTime() - clock().getTime()).toBe(90_000);
      expect(await worker.drain()).toBe(0);

      const sink = await startSmtpSink({ port, parse: true });
      try {
        clock.advance(91_000);
        expect(await worker.drain()).toBe(1);
        await sink.waitFor(1);
        expect(sink.messages[0]!.subject).toBe(
          `Wij hebben uw aanvraag ontvangen (${app.reference})`,
        );
        row = await outboxRow(outboxIds[0]!);
        expect(row.status).toBe('done');
        expect(row.attempts).toBe(3);
      } finally {
        await worker.stop();
        await sink.close();
      }
    } finally {
      await worker.stop();
    }
  });

  it('marks a message failed after max_attempts', async () => {
    const port = await closedPort();
    const app = await createFixtureApplication(t.db, fixture, clock());
    const { outboxIds } = await enqueue(app, [
      { type: 'notice', template: 'acknowledgement', audience: 'applicant' },
    ]);
    await t.db
      .updateTable('outbox')
      .set({ max_attempts: 2 })
      .where('id', '=', outboxIds[0]!)
      .execute();
    const worker = smtpWorker({ port }, { backoffBaseMs: 1_000 });
    try {
      await worker.drain();
      clock.advance(5_000);
      await worker.drain();
      const row = await outboxRow(outboxIds[0]!);
      expect(row.status).toBe('failed');
      expect(row.attempts).toBe(2);
    } finally {
      await worker.stop();
    }
  });

  it('fails a rejected recipient at once, shows it to staff first, and delivers it after a retry', async () => {
    let reject = true;
    const sink = await startSmtpSink({
      parse: true,
      rejectRecipient: (address) => reject && address.startsWith('bounce'),
    });
    const app = await createFixtureApplication(t.db, fixture, clock(), {
      email: `bounce-${Date.now()}@example.test`,
    });
    const { outboxIds } = await enqueue(app, [
      { type: 'notice', template: 'acknowledgement', audience: 'applicant' },
    ]);
    const worker = smtpWorker(sink);
    const http = createTestApp({ db: t.db, clock });
    try {
      await worker.drain();
      const row = await outboxRow(outboxIds[0]!);
      expect(row.status).toBe('failed');
      expect(row.attempts).toBe(1);
      expect(row.last_error).toMatch(/550|mailbox unavailable/);

      const staffUser = await createUser(t.db, { roles: ['assessor'] });
      const cookie = await loginAs(http, staffUser.email!);
      const list = await call(http, 'GET', '/api/outbox', { cookie });
      expect(list.status).toBe(200);
      const { items } = (await list.json()) as {
        items: { id: string; status: string; lastError: string }[];
      };
      expect(items[0]!.status).toBe('failed');
      expect(items.some((i) => i.id === row.id && /550|unavailable/.test(i.lastError))).toBe(true);

      const applicantCookie = await loginAs(http, app.applicant.email);
      expect((await call(http, 'GET', '/api/outbox', { cookie: applicantCookie })).status).toBe(
        403,
      );
      expect(
        (await call(http, 'POST', `/api/outbox/${row.id}/retry`, { cookie: applicantCookie }))
          .status,
      ).toBe(403);

      const retried = await call(http, 'POST', `/api/outbox/${row.id}/retry`, { cookie });
      expect(retried.status).toBe(200);
      expect(await retried.json()).toMatchObject({ status: 'pending', attempts: 0 });
      const again = await call(http, 'POST', `/api/outbox/${row.id}/retry`, { cookie });
      expect(again.status).toBe(409);

      reject = false;
      await worker.drain();
      await sink.waitFor(1);
      expect((await outboxRow(row.id)).status).toBe('done');
      expect(sink.messages[0]!.messageId).toBe(sentId(row.message_id));
    } finally {
      await worker.stop();
      await sink.close();
    }
  });
});

describe('documents', () => {
  let app: FixtureApplication;
  let documentId: string;

  beforeAll(async () => {
    app = await createFixtureApplication(t.db, fixture, clock());
    const result = await enqueue(app, grantEffects.slice(0, 1));
    documentId = result.documentIds[0]!;
    const worker = startOutboxWorker(deps(), {
      loop: false,
      renderPool: pool,
      transport: createFileTransport(mkdtempSync(join(tmpdir(), 'mail-'))),
    });
    await worker.drain();
    await worker.stop();
  });

  it('are immutable once issued: no update of bytes or content, no delete, no re-render', async () => {
    const before = await t.db
      .selectFrom('documents')
      .select(['sha256'])
      .where('id', '=', documentId)
      .executeTakeFirstOrThrow();
    expect(before.sha256).toMatch(/^[0-9a-f]{64}$/);
    await expect(
      sql`UPDATE documents SET pdf = '\\x00'::bytea, sha256 = 'x' WHERE id = ${documentId}`.execute(
        t.db,
      ),
    ).rejects.toThrow(/immutable/);
    await expect(
      t.db
        .updateTable('documents')
        .set({ subject: 'changed' })
        .where('id', '=', documentId)
        .execute(),
    ).rejects.toThrow(/immutable/);
    await expect(
      t.db.deleteFrom('documents').where('id', '=', documentId).execute(),
    ).rejects.toThrow(/immutable/);
    expect(await storeRenderedPdf(t.db, documentId, new Uint8Array([1]), 'y', clock())).toBe(false);
  });

  it('refuses a content change even before the PDF is rendered', async () => {
    const other = await createFixtureApplication(t.db, fixture, clock());
    const { documentIds } = await enqueue(other, grantEffects.slice(0, 1));
    await expect(
      t.db
        .updateTable('documents')
        .set({ subject: 'changed' })
        .where('id', '=', documentIds[0]!)
        .execute(),
    ).rejects.toThrow(/immutable/);
  });

  it('are listed for their applicant and staff, and hidden (404) from another resident', async () => {
    const http = createTestApp({ db: t.db, clock });
    const own = await loginAs(http, app.applicant.email);
    const res = await call(http, 'GET', `/api/applications/${app.applicationId}/documents`, {
      cookie: own,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      items: { id: string; kind: string; rendered: boolean; links: { pdf: string } }[];
    };
    expect(body.items).toEqual([
      expect.objectContaining({ id: documentId, kind: 'grant', rendered: true }),
    ]);

    const stranger = await createUser(t.db, { roles: ['applicant'] });
    const strangerCookie = await loginAs(http, stranger.email!);
    expect(
      (
        await call(http, 'GET', `/api/applications/${app.applicationId}/documents`, {
          cookie: strangerCookie,
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(http, 'GET', `/api/documents/${documentId}`, { cookie: strangerCookie })).status,
    ).toBe(404);

    const clerk = await createUser(t.db, { roles: ['clerk'] });
    const clerkCookie = await loginAs(http, clerk.email!);
    expect(
      (
        await call(http, 'GET', `/api/applications/${app.applicationId}/documents`, {
          cookie: clerkCookie,
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(http, 'GET', `/api/applications/${app.applicationId}/documents`)).status,
    ).toBe(401);
    // A letter's link opened in a browser with no session: the login page, and back after.
    // The web app's own calls (not navigations) still get the 401.
    const link = `/api/documents/${documentId}?format=html`;
    const opened = await call(http, 'GET', link, { headers: { 'Sec-Fetch-Mode': 'navigate' } });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(`/inloggen?next=${encodeURIComponent(link)}`);
    expect((await call(http, 'GET', link, { headers: { 'Sec-Fetch-Mode': 'cors' } })).status).toBe(
      401,
    );
  });

  it('are served as PDF, as an accessible HTML page, or as JSON', async () => {
    const http = createTestApp({ db: t.db, clock });
    const cookie = await loginAs(http, app.applicant.email);
    const pdf = await call(http, 'GET', `/api/documents/${documentId}?format=pdf`, { cookie });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(pdf.headers.get('etag')).toBe(`"${sha}"`);
    expect(await pdfText(bytes)).toContain(app.reference);

    const byAccept = await call(http, 'GET', `/api/documents/${documentId}`, {
      cookie,
      headers: { accept: 'application/pdf' },
    });
    expect(byAccept.headers.get('content-type')).toBe('application/pdf');
    const notModified = await call(http, 'GET', `/api/documents/${documentId}?format=pdf`, {
      cookie,
      headers: { 'if-none-match': `"${sha}"` },
    });
    expect(notModified.status).toBe(304);

    const html = await call(http, 'GET', `/api/documents/${documentId}?format=html`, { cookie });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await html.text();
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain(app.reference);
    expect(page).toContain(formatDate(objectionDeadline('2026-03-02').date, 'nl'));

    const json = await call(http, 'GET', `/api/documents/${documentId}`, { cookie });
    expect(await json.json()).toMatchObject({
      id: documentId,
      sha256: sha,
      sentOn: '2026-03-02',
      objectionDeadline: objectionDeadline('2026-03-02').date,
    });
  });

  it('answers 503 for a letter that is not rendered yet', async () => {
    const other = await createFixtureApplication(t.db, fixture, clock());
    const { documentIds } = await enqueue(other, grantEffects.slice(0, 1));
    const http = createTestApp({ db: t.db, clock });
    const cookie = await loginAs(http, other.applicant.email);
    const res = await call(http, 'GET', `/api/documents/${documentIds[0]}?format=pdf`, { cookie });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
  });
});

describe('without SMTP_URL', () => {
  it('writes .eml files that staff can list and open', async () => {
    const mailDir = mkdtempSync(join(tmpdir(), 'mail-'));
    const app = await createFixtureApplication(t.db, fixture, clock());
    await enqueue(app, grantEffects.slice(0, 2));
    const worker = startOutboxWorker(deps({ mailDir, smtpUrl: undefined }), {
      loop: false,
      renderPool: pool,
    });
    await worker.drain();
    await worker.stop();
    const files = readdirSync(mailDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/@initiatief\.example\.eml$/);

    const http = createTestApp({ db: t.db, clock, config: { mailDir } });
    const staffUser = await createUser(t.db, { roles: ['admin'] });
    const cookie = await loginAs(http, staffUser.email!);
    const list = await call(http, 'GET', '/api/mail-files', { cookie });
    expect(list.status).toBe(200);
    const body = (await list.json()) as {
      transport: string;
      items: { name: string; subject: string; language: string | null; href: string }[];
    };
    expect(body.transport).toBe('file');
    expect(body.items[0]!.subject).toBe(`Er is een besluit over uw aanvraag (${app.reference})`);
    // The language it was written in, for a page in another one to mark the subject with.
    expect(body.items[0]!.language).toBe('nl');
    const raw = await call(http, 'GET', body.items[0]!.href, { cookie });
    expect(raw.headers.get('content-type')).toBe('message/rfc822');
    expect(await raw.text()).toContain('Content-Type: application/pdf');
    expect(existsSync(join(mailDir, '..'))).toBe(true);
    const applicantCookie = await loginAs(http, app.applicant.email);
    expect((await call(http, 'GET', '/api/mail-files', { cookie: applicantCookie })).status).toBe(
      403,
    );
  });

  it('says a mail file’s language as the mail was written: English for a resident who reads English', async () => {
    const mailDir = mkdtempSync(join(tmpdir(), 'mail-'));
    const app = await createFixtureApplication(t.db, fixture, clock(), { locale: 'en' });
    await enqueue(app, grantEffects.slice(0, 2));
    const worker = startOutboxWorker(deps({ mailDir, smtpUrl: undefined }), {
      loop: false,
      renderPool: pool,
    });
    await worker.drain();
    await worker.stop();
    const http = createTestApp({ db: t.db, clock, config: { mailDir } });
    const staffUser = await createUser(t.db, { roles: ['admin'] });
    const cookie = await loginAs(http, staffUser.email!);
    const body = (await (await call(http, 'GET', '/api/mail-files', { cookie })).json()) as {
      items: { subject: string; language: string | null }[];
    };
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      subject: expect.stringContaining(app.reference),
      language: 'en',
    });
    expect(body.items[0]!.subject).not.toMatch(/besluit/i);
  });
});
