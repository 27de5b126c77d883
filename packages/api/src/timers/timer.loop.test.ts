/**
 * Timers on the shared claim loop (workers/claim-loop.ts): on time while the loop sleeps, taken
 * over after a dead worker's lease, and retried with growing backoff.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applicationIn, type Kit, setupKit } from '../applications/lifecycle.test-kit';
import { openPostgres } from '../db/database';
import { silentLogger } from '../logging/logger';
import { startClaimLoop } from '../workers/claim-loop';
import { runDueTimers, startTimerWorker, timerSource } from './timer.worker';
import { claimDueTimers } from './timers.repository';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

const DAY = 86_400_000;

/** The supplement-period timer of a fresh application in info_requested. */
async function supplementTimer() {
  const app = await applicationIn(kit, 'info_requested');
  const timer = await kit.t.db
    .selectFrom('timers')
    .select(['id', 'event', 'due_at'])
    .where('application_id', '=', app.id)
    .where('status', '=', 'pending')
    .where('event', 'like', '%supplementPeriod%')
    .executeTakeFirstOrThrow();
  return { app, timer };
}

async function timerRow(id: string) {
  return kit.t.db.selectFrom('timers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function stepsOf(applicationId: string, event: string) {
  return kit.t.db
    .selectFrom('application_history')
    .select('id')
    .where('application_id', '=', applicationId)
    .where('event', '=', event)
    .execute();
}

async function waitFor(what: string, fn: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A clock that runs in real time from the kit's instant: the loop really sleeps on it. */
function runningClock() {
  const offset = kit.clock().getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

describe('a timer due while the loop sleeps', () => {
  // The loop polls only every minute here: firing within a few seconds can only come from
  // waking at the earliest due time. It fires well within a second on a quiet machine; the margin
  // is for a machine busy with other test files (CI measured 1.8 s once), and stays far below
  // the minute a loop that missed the due time would wait.
  const SLEEP_CAP_MS = 60_000;
  const WOKEN_WITHIN_MS = 5_000;

  test('scheduled while the loop sleeps: the NOTIFY wakes it, it sleeps until due_at and fires within seconds', async () => {
    const { app, timer } = await supplementTimer();
    const clock = runningClock();
    const worker = startTimerWorker(
      { ...kit.app.deps, clock, notifications: kit.t.notifications },
      { maxSleepMs: SLEEP_CAP_MS },
    );
    try {
      await new Promise((r) => setTimeout(r, 300)); // its first round finds nothing due
      const dueAt = new Date(clock().getTime() + 1_500);
      await kit.t.db
        .updateTable('timers')
        .set({ due_at: dueAt })
        .where('id', '=', timer.id)
        .execute();
      await waitFor(
        'the timer to fire',
        async () => (await timerRow(timer.id)).status !== 'pending',
      );
      const row = await timerRow(timer.id);
      expect(row.status).toBe('fired');
      const late = new Date(row.finished_at!).getTime() - dueAt.getTime();
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThan(WOKEN_WITHIN_MS);
      expect(await stepsOf(app.id, timer.event)).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  });

  test('already waiting when the loop goes to sleep, without notifications: fires within seconds of due_at', async () => {
    const { timer } = await supplementTimer();
    const clock = runningClock();
    const dueAt = new Date(clock().getTime() + 1_200);
    await kit.t.db
      .updateTable('timers')
      .set({ due_at: dueAt })
      .where('id', '=', timer.id)
      .execute();
    const worker = startTimerWorker(
      { ...kit.app.deps, clock, notifications: undefined },
      { maxSleepMs: SLEEP_CAP_MS },
    );
    try {
      await waitFor(
        'the timer to fire',
        async () => (await timerRow(timer.id)).status !== 'pending',
      );
      const row = await timerRow(timer.id);
      expect(row.status).toBe('fired');
      const late = new Date(row.finished_at!).getTime() - dueAt.getTime();
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThan(WOKEN_WITHIN_MS);
    } finally {
      await worker.stop();
    }
  });
});

describe('a worker that dies with a claim', () => {
  test('its lease runs out and another worker fires the timer exactly once', async () => {
    const { app, timer } = await supplementTimer();
    await kit.advance(30 * DAY);
    const now = kit.clock();
    const leaseUntil = new Date(now.getTime() + 60_000);

    // The dying worker: its own connection (on PostgreSQL), claims the timer, starts firing it
    // and dies before its transaction commits.
    const other = kit.t.kind === 'postgres' && kit.t.url ? openPostgres(kit.t.url, 1) : null;
    const dyingDb = other?.db ?? kit.t.db;
    const claimed = await claimDueTimers(dyingDb, {
      now,
      limit: 100,
      workerId: 'dead',
      leaseUntil,
    });
    expect(claimed.map((c) => c.id)).toContain(timer.id);
    if (other) {
      const dying = dyingDb.transaction().execute(async (trx) => {
        await trx
          .updateTable('timers')
          .set({ status: 'fired', finished_at: now })
          .where('id', '=', timer.id)
          .execute();
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(kit.t.db);
        await sql`select 1`.execute(trx); // never answers: the backend is gone
      });
      await expect(dying).rejects.toThrow();
      await other.close();
    }
    const abandoned = await timerRow(timer.id);
    expect(abandoned).toMatchObject({ status: 'pending', claimed_by: 'dead', attempts: 1 });

    // While the lease holds, nobody takes it.
    await runDueTimers({ db: kit.t.db, clock: kit.clock });
    expect(await stepsOf(app.id, timer.event)).toHaveLength(0);
    expect((await timerRow(timer.id)).claimed_by).toBe('dead');

    // After it, a live worker takes it over and fires it once.
    await kit.advance(61_000);
    const after = await runDueTimers({ db: kit.t.db, clock: kit.clock });
    expect(after.fired).toBeGreaterThanOrEqual(1);
    const fired = await timerRow(timer.id);
    expect(fired).toMatchObject({ status: 'fired', claimed_by: null, attempts: 2 });
    expect(await stepsOf(app.id, timer.event)).toHaveLength(1);

    // The dead worker's process, had it lived on, would find the timer no longer its own.
    const zombie = timerSource({ db: kit.t.db, clock: kit.clock });
    const outcome = await zombie.process(claimed.find((c) => c.id === timer.id)!, {
      workerId: 'dead',
      until: () => leaseUntil,
    });
    expect(outcome).toBe('gone');
    expect(await stepsOf(app.id, timer.event)).toHaveLength(1);
  });
});

describe('a timer whose step keeps failing', () => {
  test('is retried with a backoff that doubles, then fires once the cause is gone', async () => {
    const { app, timer } = await supplementTimer();
    // A real failure inside the step's transaction: the history insert of this application.
    await sql`create table if not exists failing_applications (id uuid primary key)`.execute(
      kit.t.db,
    );
    await sql`
      create or replace function fail_history_for_test() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from failing_applications f where f.id = new.application_id) then
          raise exception 'history refused for this test';
        end if;
        return new;
      end $$`.execute(kit.t.db);
    await sql`
      create or replace trigger fail_history_for_test before insert on application_history
      for each row execute function fail_history_for_test()`.execute(kit.t.db);
    await sql`insert into failing_applications values (${app.id})`.execute(kit.t.db);

    await kit.advance(30 * DAY);
    const loop = startClaimLoop(timerSource({ db: kit.t.db, clock: kit.clock }), {
      logger: silentLogger(),
      clock: kit.clock,
      loop: false,
      backoffBaseMs: 10_000,
      backoffMaxMs: 15 * 60_000,
      random: () => 0.5,
    });
    const delays: number[] = [];
    try {
      for (let attempt = 1; attempt <= 3; attempt++) {
        const triedAt = kit.clock().getTime();
        await loop.drain();
        const row = await timerRow(timer.id);
        expect(row).toMatchObject({ status: 'pending', attempts: attempt, claimed_by: null });
        expect(row.last_error).toContain('history refused');
        const next = new Date(row.next_attempt_at!).getTime();
        delays.push(next - triedAt);
        // Not due before its backoff: a drain just before it does nothing.
        kit.clock.set(new Date(next - 1));
        await loop.drain();
        expect((await timerRow(timer.id)).attempts).toBe(attempt);
        kit.clock.set(new Date(next));
      }
      // [d/2, d] with the jitter pinned at 0.5: 3/4 of 10 s, 20 s, 40 s.
      expect(delays).toEqual([7_500, 15_000, 30_000]);

      await sql`delete from failing_applications`.execute(kit.t.db);
      await loop.drain();
      const row = await timerRow(timer.id);
      expect(row).toMatchObject({ status: 'fired', attempts: 4 });
      expect(await stepsOf(app.id, timer.event)).toHaveLength(1);
    } finally {
      await loop.stop();
    }
  });
});
