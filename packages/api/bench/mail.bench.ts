/**
 * Mails per second from the outbox to a local SMTP sink (smtp-server), through the real outbox
 * worker: claim with FOR UPDATE SKIP LOCKED, compose, send over pooled SMTP, record.
 * On the local PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres,
 * a fresh database cloned per run); BENCH_DATABASE=pglite runs it on embedded PGlite instead.
 * Goal: >= 200/s.
 * Run: pnpm --filter @initiatief/api exec tsx bench/mail.bench.ts
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { testConfig } from '../src/config';
import { startTsWorker } from '../src/letters/ts-worker';
import { silentLogger } from '../src/logging/logger';
import { createSmtpTransport } from '../src/messaging/mail.transport';
import {
  createFixtureApplication,
  setUpMessagingFixture,
} from '../src/messaging/messaging.fixture';
import { MESSAGE_ID_DOMAIN } from '../src/messaging/messaging.service';
import { startOutboxWorker } from '../src/messaging/outbox.worker';
import { createTestDatabase } from '../src/test/test-database';

const MAILS = Number(process.env.BENCH_MAILS ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_SMTP_CONNECTIONS ?? 5);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);

const BODY = [
  'Beste Fatima el Amrani,',
  'Op 2 maart 2026 hebben wij uw aanvraag voor een subsidie bewonersinitiatief ontvangen. Uw aanvraag heeft het kenmerk BI-2026-000042.',
  'Wij nemen uiterlijk op 27 april 2026 een besluit over uw aanvraag. U kunt uw aanvraag volgen op {{applicationUrl}}.',
  'Met vriendelijke groet,\n\nTeam Bewonersinitiatieven',
].join('\n\n');

interface ThreadSink {
  port: number;
  waitFor(count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

async function startThreadSink(): Promise<ThreadSink> {
  const worker = startTsWorker(new URL('./smtp-sink.worker.ts', import.meta.url));
  const next = (type: string) =>
    new Promise<{ port?: number; count?: number }>((resolve) => {
      const listener = (message: { type: string; port?: number; count?: number }) => {
        if (message.type !== type) return;
        worker.off('message', listener);
        resolve(message);
      };
      worker.on('message', listener);
    });
  const { port } = await next('ready');
  return {
    port: port!,
    async waitFor(count, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const reply = next('count');
        worker.postMessage({ type: 'count' });
        if ((await reply).count! >= count) return;
        if (Date.now() > deadline) throw new Error('sink timed out');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async close() {
      const closed = next('closed');
      worker.postMessage({ type: 'close' });
      await closed;
      await worker.terminate();
    },
  };
}

async function main() {
  if (process.env.BENCH_DATABASE === 'pglite') delete process.env.TEST_DATABASE_URL;
  else {
    process.env.TEST_DATABASE_URL =
      process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  }
  const database = await createTestDatabase();
  const { db } = database;
  const now = new Date();
  const fixture = await setUpMessagingFixture(db, now);
  const app = await createFixtureApplication(db, fixture, now);

  const rows = Array.from({ length: MAILS }, (_, i) => ({
    id: randomUUID(),
    kind: 'mail' as const,
    application_id: app.applicationId,
    message_id: `<${randomUUID()}@${MESSAGE_ID_DOMAIN}>`,
    recipient_email: `bewoner-${i}@example.test`,
    recipient_name: `Bewoner ${i}`,
    audience: 'applicant' as const,
    language: 'nl' as const,
    template_key: 'acknowledgement',
    subject: `Wij hebben uw aanvraag ontvangen (BI-2026-${String(i).padStart(6, '0')})`,
    body: BODY,
    variables: JSON.stringify({ reference: 'BI-2026-000042' }),
    next_attempt_at: now,
    created_at: now,
    updated_at: now,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('outbox')
      .values(rows.slice(i, i + 500))
      .execute();
  }

  const sink = await startThreadSink();
  const transport = createSmtpTransport(`smtp://127.0.0.1:${sink.port}`, {
    ignoreTLS: true,
    maxConnections: CONNECTIONS,
  });
  const start = performance.now();
  const worker = startOutboxWorker(
    {
      db,
      config: testConfig({ publicUrl: 'http://localhost:3000' }),
      logger: silentLogger(),
      clock: () => new Date(),
    },
    { transport, batchSize: BATCH, pollMs: 50 },
  );
  await sink.waitFor(MAILS, 600_000);
  const delivered = performance.now();
  // Wait until the last results are recorded too.
  for (;;) {
    const left = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '!=', 'done')
      .executeTakeFirstOrThrow();
    if (Number(left.n) === 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const recorded = performance.now();
  await worker.stop();
  transport.close();
  await sink.close();
  await database.close();

  const deliveredSeconds = (delivered - start) / 1000;
  const recordedSeconds = (recorded - start) / 1000;
  const perSecond = Number((MAILS / recordedSeconds).toFixed(1));
  const result = {
    benchmark: 'mail',
    at: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    loadAverage: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    database: database.kind,
    mails: MAILS,
    smtpConnections: CONNECTIONS,
    batchSize: BATCH,
    secondsToDeliver: Number(deliveredSeconds.toFixed(2)),
    secondsToRecord: Number(recordedSeconds.toFixed(2)),
    deliveredPerSecond: Number((MAILS / deliveredSeconds).toFixed(1)),
    perSecond,
    goal: {
      rule: '>= 200 mails/s, outbox to SMTP sink, recorded done',
      perSecond: 200,
      met: perSecond >= 200,
    },
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  // The goal is measured on PostgreSQL (mail.json); an embedded run is kept beside it.
  const file = database.kind === 'pglite' ? './results/mail-pglite.json' : './results/mail.json';
  writeFileSync(new URL(file, import.meta.url), `${JSON.stringify(result, null, 2)}\n`);

  console.log(
    `\nmails/second, outbox -> pooled SMTP (${CONNECTIONS} connections) -> local sink, ${database.kind}`,
  );
  console.table({
    [`${MAILS} mails delivered`]: {
      seconds: result.secondsToDeliver,
      'mails/s': result.deliveredPerSecond,
    },
    [`${MAILS} mails delivered and recorded`]: {
      seconds: result.secondsToRecord,
      'mails/s': perSecond,
    },
    goal: { seconds: '', 'mails/s': `200 (${result.goal.met ? 'met' : 'NOT met'})` },
  });
}

await main();
