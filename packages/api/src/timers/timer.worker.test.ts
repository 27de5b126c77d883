import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applicationIn, type Kit, setupKit, step } from '../applications/lifecycle.test-kit';
import { openPostgres } from '../db/database';
import { runDueTimers, startTimerWorker } from './timer.worker';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

const DAY = 86_400_000;

async function timersOf(id: string) {
  return kit.t.db
    .selectFrom('timers')
    .select(['timer_key', 'event', 'status', 'due_at'])
    .where('application_id', '=', id)
    .orderBy('created_at')
    .execute();
}

describe('timer worker', () => {
  test('a lapsed supplement period fires once with two workers: not considered', async () => {
    const app = await applicationIn(kit, 'info_requested');
    const pending = (await timersOf(app.id)).filter((t) => t.status === 'pending');
    expect(pending.map((t) => t.timer_key)).toContain(
      pending.find((t) => t.event.includes('supplementPeriod'))?.timer_key,
    );
    await kit.advance(30 * DAY);

    // Two workers on separate connections (PostgreSQL) or the one PGlite connection.
    let second = kit.t.db;
    let close = async () => {};
    if (kit.t.kind === 'postgres' && kit.t.url) {
      const other = openPostgres(kit.t.url, 2);
      second = other.db;
      close = () => other.close();
    }
    try {
      const [a, b] = await Promise.all([
        runDueTimers({ db: kit.t.db, clock: kit.clock }),
        runDueTimers({ db: second, clock: kit.clock }),
      ]);
      expect(a.fired + b.fired).toBeGreaterThanOrEqual(1);
    } finally {
      await close();
    }
    const row = await kit.t.db
      .selectFrom('applications')
      .select('state')
      .where('id', '=', app.id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('not_considered');
    const history = await kit.t.db
      .selectFrom('application_history')
      .select(['event', 'actor_id', 'actor_roles'])
      .where('application_id', '=', app.id)
      .where('event', 'like', 'xstate.after.supplementPeriod%')
      .execute();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ actor_id: 'system', actor_roles: ['system'] });
    // Leaving info_requested cancelled nothing else twice; no timer is left pending for it.
    const after = await timersOf(app.id);
    expect(
      after.filter((t) => t.event.includes('supplementPeriod') && t.status === 'fired'),
    ).toHaveLength(1);
    // A second pass finds nothing more to do for it.
    const count = async () =>
      (
        await kit.t.db
          .selectFrom('application_history')
          .select('id')
          .where('application_id', '=', app.id)
          .execute()
      ).length;
    const before = await count();
    await runDueTimers({ db: kit.t.db, clock: kit.clock });
    expect(await count()).toBe(before);
  });

  test('timers are cancelled when the state is left', async () => {
    const app = await applicationIn(kit, 'info_requested');
    await step(kit, 'resident', app.id, 'SUPPLEMENT', { message: 'Hierbij.' });
    const timers = await timersOf(app.id);
    const supplement = timers.filter((t) => t.event.includes('supplementPeriod'));
    expect(supplement.map((t) => t.status)).toEqual(['cancelled']);
    await kit.advance(30 * DAY);
    await runDueTimers({ db: kit.t.db, clock: kit.clock });
    const row = await kit.t.db
      .selectFrom('applications')
      .select('state')
      .where('id', '=', app.id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('submitted');
  });

  test('the decision warning notifies staff as actor system and keeps the state', async () => {
    const app = await applicationIn(kit, 'submitted');
    await kit.advance(60 * DAY);
    await runDueTimers({ db: kit.t.db, clock: kit.clock });
    const rows = await kit.t.db
      .selectFrom('application_history')
      .select(['event', 'from_state', 'to_state'])
      .where('application_id', '=', app.id)
      .where('actor_id', '=', 'system')
      .orderBy('seq')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.every((r) => r.to_state === 'submitted')).toBe(true);
    const timers = await timersOf(app.id);
    expect(
      timers.filter((t) => t.status === 'pending' && new Date(t.due_at) <= kit.clock()),
    ).toEqual([]);
  });

  test('startTimerWorker polls and stops cleanly', async () => {
    const app = await applicationIn(kit, 'info_requested');
    await kit.advance(30 * DAY);
    const worker = startTimerWorker({ ...kit.app.deps, clock: kit.clock }, { maxSleepMs: 20 });
    const deadline = Date.now() + 10_000;
    let state = '';
    while (Date.now() < deadline) {
      const row = await kit.t.db
        .selectFrom('applications')
        .select('state')
        .where('id', '=', app.id)
        .executeTakeFirstOrThrow();
      state = row.state;
      if (state === 'not_considered') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await worker.stop();
    expect(state).toBe('not_considered');
  });
});
