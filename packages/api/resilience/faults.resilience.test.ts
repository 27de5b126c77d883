/**
 * The fault suite: real processes, broken on purpose. Run with `pnpm test:resilience`.
 * Each scenario has its own database on one private PostgreSQL cluster (never the shared
 * server on 5432) and prints a `RESULT {...}` line that docs/reliability.md records.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CountingSink,
  cleanup,
  logDirectory,
  type PrivatePostgres,
  type ServerEnv,
  sleep,
  startApi,
  startCountingSink,
  startPrivatePostgres,
  startWorker,
  waitUntil,
} from './harness';
import {
  checkHistory,
  createDrafts,
  deliveriesOfAcked,
  Ledger,
  makeTimersDue,
  request,
  runChains,
  seedWorld,
  systemSteps,
  type World,
  waitForOutbox,
  waitForTimers,
} from './world';

const SESSION_SECRET = 'resilience-suite-session-secret-0123456789abcdef';
let pg: PrivatePostgres;
let sink: CountingSink;
let logDir: string;

function result(scenario: string, data: Record<string, unknown>) {
  process.stdout.write(`RESULT ${JSON.stringify({ scenario, ...data })}\n`);
}

async function newEnv(): Promise<ServerEnv> {
  return {
    databaseUrl: await pg.createDatabase(),
    smtpPort: sink.port,
    logDir,
    sessionSecret: SESSION_SECRET,
  };
}

beforeAll(async () => {
  logDir = logDirectory();
  pg = await startPrivatePostgres();
  sink = await startCountingSink();
});

afterAll(async () => {
  await cleanup();
});

describe('faults', () => {
  it('SIGKILL of the server under a load of transitions loses nothing and doubles nothing', async () => {
    const started = Date.now();
    const env = await newEnv();
    let api = await startApi('kill-api', env);
    const port = Number(new URL(api.url).port);
    const world: World = await seedWorld(env);
    const base = () => api.url;
    try {
      const loadApps = await createDrafts(world, [api.url], 18);
      const timerApps = await createDrafts(world, [api.url], 6);
      const ledger = new Ledger();
      // Timers: submitted applications whose decision timers fall due around the crash.
      await runChains(world, ledger, base, timerApps, { steps: 1 });
      const timers = await makeTimersDue(world, timerApps, 4);

      const load = runChains(world, ledger, base, loadApps, { lanes: 3 });
      await waitUntil(
        'some transitions acknowledged',
        async () => ledger.acked.length >= 12,
        240_000,
        100,
      );
      const ackedBeforeKill = ledger.acked.length;
      await api.kill('SIGKILL');
      const killedAt = Date.now();
      await sleep(2000);
      // The crashed process held outbox leases (5 minutes by default); let them run out now
      // instead of waiting, as the lease would.
      const leased = await world.db
        .updateTable('outbox')
        .set({ next_attempt_at: sql`now()`, locked_until: sql`now()` })
        .where('status', '=', 'processing')
        .returning('id')
        .execute();
      // Timers it had claimed wait for their lease (a minute) the same way.
      const timersLeased = await world.db
        .updateTable('timers')
        .set({ next_attempt_at: sql`now()`, lease_until: sql`now()` })
        .where('status', '=', 'pending')
        .where('claimed_by', 'is not', null)
        .returning('id')
        .execute();
      api = await startApi('kill-api-2', env, port);
      const downMs = Date.now() - killedAt;
      await load;

      const history = await checkHistory(world, ledger, [...loadApps, ...timerApps]);
      const fired = await waitForTimers(
        world,
        timers.map((t) => t.id),
        180_000,
      );
      const steps = await systemSteps(world, timerApps);
      const outbox = await waitForOutbox(world, [...loadApps, ...timerApps], 300_000);
      await sleep(1000);
      const mail = await deliveriesOfAcked(world, ledger, sink.deliveries);
      const timerDuplicates = steps.filter((s) => Number(s.n) > 1);
      result('sigkill', {
        transitionsAcked: history.acked,
        ackedBeforeKill,
        missing: history.missing.length,
        twice: history.twice.length,
        answers: ledger.summary(),
        unexpected: ledger.unexpected.length,
        restartMs: downMs,
        leasesExpired: leased.length,
        timerLeasesExpired: timersLeased.length,
        timersDue: timers.length,
        timers: Object.fromEntries(
          ['fired', 'cancelled', 'failed', 'pending'].map((s) => [
            s,
            fired.filter((t) => t.status === s).length,
          ]),
        ),
        timerStepsTwice: timerDuplicates.length,
        mailsForAcked: mail.expected,
        undelivered: mail.undelivered.length,
        duplicateDeliveries: mail.duplicates,
        outboxOpen: outbox.open.length,
        outboxFailed: outbox.rows.filter((r) => r.status === 'failed').length,
        seconds: Math.round((Date.now() - started) / 1000),
      });
      expect(history.acked).toBeGreaterThanOrEqual(loadApps.length * 3 + timerApps.length - 3);
      expect(history.missing).toEqual([]);
      expect(history.twice).toEqual([]);
      expect(ledger.unexpected).toEqual([]);
      expect(fired.filter((t) => t.status === 'pending' || t.status === 'failed')).toEqual([]);
      expect(timerDuplicates).toEqual([]);
      expect(outbox.open).toEqual([]);
      expect(mail.undelivered).toEqual([]);
    } finally {
      await api.kill('SIGKILL');
      await world.close();
    }
  });

  it('two API processes and two workers on one PostgreSQL: timers once, mails once, one claim wins', async () => {
    const started = Date.now();
    const env = await newEnv();
    const apiA = await startApi('multi-api-a', env);
    const apiB = await startApi('multi-api-b', env);
    const workers = [
      await startWorker('multi-worker-1', env),
      await startWorker('multi-worker-2', env),
    ];
    const world = await seedWorld(env);
    const bases = [apiA.url, apiB.url];
    let turn = 0;
    const roundRobin = () => bases[turn++ % 2]!;
    try {
      const before = sink.total();
      const loadApps = await createDrafts(world, bases, 16);
      const timerApps = await createDrafts(world, bases, 8);
      const claimApps = await createDrafts(world, bases, 8);
      const ledger = new Ledger();
      await runChains(world, ledger, roundRobin, timerApps, { steps: 1 });
      await runChains(world, ledger, roundRobin, claimApps, { steps: 1 });
      const timers = await makeTimersDue(world, timerApps, 2);
      await runChains(world, ledger, roundRobin, loadApps, { lanes: 4 });

      // Two assessors claim each application at the same moment, through different processes.
      const claims = await Promise.all(
        claimApps.map(async (id) => {
          const [a, b] = await Promise.all([
            request(apiA.url, 'POST', `/api/applications/${id}/claim`, {
              cookie: world.cookies.assessor,
            }),
            request(apiB.url, 'POST', `/api/applications/${id}/claim`, {
              cookie: world.cookies.assessor2,
            }),
          ]);
          const row = await world.db
            .selectFrom('applications')
            .select('assignee_id')
            .where('id', '=', id)
            .executeTakeFirstOrThrow();
          const winner =
            a.status === 200
              ? world.users.assessor
              : b.status === 200
                ? world.users.assessor2
                : null;
          return { statuses: [a.status, b.status].sort(), consistent: row.assignee_id === winner };
        }),
      );

      const fired = await waitForTimers(
        world,
        timers.map((t) => t.id),
        180_000,
      );
      const steps = await systemSteps(world, timerApps);
      const all = [...loadApps, ...timerApps, ...claimApps];
      const outbox = await waitForOutbox(world, all, 300_000);
      await sleep(1500);
      const history = await checkHistory(world, ledger, all);
      const mails = outbox.rows.filter((r) => r.kind === 'mail');
      const counts = mails.map((m) => sink.deliveries.get(m.message_id ?? '') ?? 0);
      const timerCounts = await world.db
        .selectFrom('timers')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where(
          'id',
          'in',
          timers.map((t) => t.id),
        )
        .groupBy('status')
        .execute();
      result('two-apis-two-workers', {
        transitionsAcked: history.acked,
        missing: history.missing.length,
        twice: history.twice.length,
        answers: ledger.summary(),
        timersDue: timers.length,
        timers: Object.fromEntries(timerCounts.map((r) => [r.status, Number(r.n)])),
        timerStepsTwice: steps.filter((s) => Number(s.n) > 1).length,
        mails: mails.length,
        sentOnce: counts.filter((n) => n === 1).length,
        sentTwice: counts.filter((n) => n > 1).length,
        notSent: counts.filter((n) => n === 0).length,
        sinkDelta: sink.total() - before,
        claims: claims.map((c) => c.statuses.join('/')),
        claimsConsistent: claims.every((c) => c.consistent),
        seconds: Math.round((Date.now() - started) / 1000),
      });
      expect(history.missing).toEqual([]);
      expect(history.twice).toEqual([]);
      expect(ledger.unexpected).toEqual([]);
      expect(fired.every((t) => t.status === 'fired' || t.status === 'cancelled')).toBe(true);
      expect(steps.filter((s) => Number(s.n) > 1)).toEqual([]);
      expect(outbox.open).toEqual([]);
      expect(counts.every((n) => n === 1)).toBe(true);
      for (const c of claims) {
        expect(c.statuses).toEqual([200, 409]);
        expect(c.consistent).toBe(true);
      }
    } finally {
      await Promise.all([apiA, apiB, ...workers].map((p) => p.kill('SIGKILL')));
      await world.close();
    }
  });

  it('SMTP down under load: nothing lost, everything sent once it is back', async () => {
    const started = Date.now();
    const env = await newEnv();
    const api = await startApi('smtp-api', env);
    const world = await seedWorld(env);
    try {
      const apps = await createDrafts(world, [api.url], 12);
      const ledger = new Ledger();
      await sink.stop();
      const stoppedAt = Date.now();
      await runChains(world, ledger, () => api.url, apps, { lanes: 3 });
      // Let the worker try (and fail) against the missing server.
      await waitUntil(
        'a failed delivery attempt',
        async () =>
          (
            await world.db
              .selectFrom('outbox')
              .select('id')
              .where('kind', '=', 'mail')
              .where('last_error', 'is not', null)
              .execute()
          ).length > 0,
        120_000,
      );
      const failedWhileDown = await world.db
        .selectFrom('outbox')
        .select('id')
        .where('application_id', 'in', apps)
        .where('last_error', 'is not', null)
        .execute();
      const downMs = Date.now() - stoppedAt;
      await sink.start();
      const backAt = Date.now();
      const outbox = await waitForOutbox(world, apps, 420_000);
      const drainedMs = Date.now() - backAt;
      await sleep(1000);
      const mail = await deliveriesOfAcked(world, ledger, sink.deliveries);
      const history = await checkHistory(world, ledger, apps);
      result('smtp-outage', {
        transitionsAcked: history.acked,
        answers: ledger.summary(),
        smtpDownMs: downMs,
        mailsWithFailedAttempt: failedWhileDown.length,
        drainedAfterBackMs: drainedMs,
        mailsForAcked: mail.expected,
        undelivered: mail.undelivered.length,
        duplicateDeliveries: mail.duplicates,
        outboxFailed: outbox.rows.filter((r) => r.status === 'failed').length,
        maxAttempts: Math.max(...outbox.rows.map((r) => r.attempts)),
        seconds: Math.round((Date.now() - started) / 1000),
      });
      expect(history.acked).toBe(apps.length * 3);
      expect(history.missing).toEqual([]);
      expect(failedWhileDown.length).toBeGreaterThan(0);
      expect(outbox.open).toEqual([]);
      expect(outbox.rows.filter((r) => r.status === 'failed')).toEqual([]);
      expect(mail.undelivered).toEqual([]);
    } finally {
      await sink.start();
      await api.kill('SIGKILL');
      await world.close();
    }
  });

  it('PostgreSQL restart under load: 503 problem+json while down, recovers by itself, nothing acknowledged lost', async () => {
    const started = Date.now();
    const env = await newEnv();
    const api = await startApi('pg-api', env);
    const world = await seedWorld(env);
    const pid = api.child.pid;
    try {
      const apps = await createDrafts(world, [api.url], 15);
      const ledger = new Ledger();
      const load = runChains(world, ledger, () => api.url, apps, { lanes: 3 });
      await waitUntil(
        'some transitions acknowledged',
        async () => ledger.acked.length >= 8,
        240_000,
        100,
      );
      await world.close(); // the test's own pool would hold the cluster up
      const probes = new Ledger();
      pg.stop();
      const stoppedAt = Date.now();
      // While it is down: what do clients get?
      const whileDown: number[] = [];
      for (let i = 0; i < 8; i++) {
        const reply = await request(api.url, 'GET', '/api/me', {
          cookie: world.cookies.resident,
          timeoutMs: 20_000,
        });
        probes.note(reply, 'GET /api/me while down');
        whileDown.push(reply.status);
        await sleep(500);
      }
      const ready = await request(api.url, 'GET', '/readyz');
      pg.start();
      const startedAgainAt = Date.now();
      await waitUntil(
        'the API answering again',
        async () =>
          (await request(api.url, 'GET', '/api/me', { cookie: world.cookies.resident })).status ===
          200,
        180_000,
      );
      const recoveredMs = Date.now() - startedAgainAt;
      await load;
      const reopened = await seedWorldless(env);
      const history = await checkHistory({ ...world, db: reopened.db }, ledger, apps);
      // Jobs claimed when the database vanished could not record their failure: they wait for
      // their lease (5 minutes) to run out.
      const leased = await reopened.db
        .selectFrom('outbox')
        .select('id')
        .where('application_id', 'in', apps)
        .where('status', '=', 'processing')
        .execute();
      const drainFrom = Date.now();
      const outbox = await waitForOutbox({ ...world, db: reopened.db }, apps, 420_000);
      const outboxDrainedMs = Date.now() - drainFrom;
      await sleep(1000);
      const mail = await deliveriesOfAcked({ ...world, db: reopened.db }, ledger, sink.deliveries);
      await reopened.close();
      result('postgres-restart', {
        transitionsAcked: history.acked,
        missing: history.missing.length,
        twice: history.twice.length,
        answers: ledger.summary(),
        unexpected: ledger.unexpected.length + probes.unexpected.length,
        whileDown,
        readyzWhileDown: ready.status,
        pgDownMs: startedAgainAt - stoppedAt,
        recoveredAfterStartMs: recoveredMs,
        sameProcess: api.child.pid === pid && api.child.exitCode === null,
        mailsForAcked: mail.expected,
        undelivered: mail.undelivered.length,
        outboxOpen: outbox.open.length,
        outboxLeasedAtRecovery: leased.length,
        outboxDrainedMs,
        seconds: Math.round((Date.now() - started) / 1000),
      });
      expect(whileDown.every((s) => s === 503)).toBe(true);
      expect(probes.unexpected).toEqual([]);
      expect(ledger.unexpected).toEqual([]);
      expect(ready.status).toBe(503);
      expect(api.child.exitCode).toBeNull();
      expect(history.acked).toBe(apps.length * 3);
      expect(history.missing).toEqual([]);
      expect(history.twice).toEqual([]);
      expect(outbox.open).toEqual([]);
      expect(mail.undelivered).toEqual([]);
    } finally {
      await api.kill('SIGKILL');
    }
  });
});

/** A fresh pool on the scenario's database (after the cluster restarted). */
async function seedWorldless(env: ServerEnv) {
  const { openPostgres } = await import('../src/db/database');
  return openPostgres(env.databaseUrl, 2);
}
