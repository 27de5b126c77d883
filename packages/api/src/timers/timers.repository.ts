import type { Effect } from '@initiatief/engine';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Applies the engine's timer effects inside the command transaction (two statements at most):
 * a cancel marks the pending timer cancelled; a schedule replaces a pending timer of the same
 * key, so a step which leaves and re-enters a state ends with the new timer.
 */
export async function applyTimerEffects(
  trx: Transaction<DB>,
  applicationId: string,
  effects: Effect[],
  now: Date,
): Promise<void> {
  const schedules = effects.filter(
    (e): e is Extract<Effect, { type: 'timer.schedule' }> => e.type === 'timer.schedule',
  );
  // A schedule replaces a pending timer of the same key, so both kinds are cancelled first.
  const keys = [
    ...new Set(
      effects.flatMap((e) =>
        e.type === 'timer.cancel' || e.type === 'timer.schedule' ? [e.timerId] : [],
      ),
    ),
  ];
  if (keys.length === 0) return;
  const cancel = trx
    .updateTable('timers')
    .set({ status: 'cancelled', finished_at: now })
    .where('application_id', '=', applicationId)
    .where('timer_key', 'in', keys)
    .where('status', '=', 'pending');
  if (schedules.length === 0) {
    await cancel.execute();
    return;
  }
  // One round trip: the cancel runs as a CTE which the insert waits for (the scalar subquery
  // is evaluated before the first row is inserted), so the one-pending-timer-per-key index
  // sees the old timer cancelled before the new one arrives.
  const rows = sql.join(
    schedules.map(
      (e) =>
        sql`(${applicationId}::uuid, ${e.timerId}::text, ${e.event}::text, ${new Date(e.dueAt)}::timestamptz, ${now}::timestamptz)`,
    ),
  );
  await sql`
    with cancelled as (${cancel.returning('id')})
    insert into timers (application_id, timer_key, event, due_at, created_at)
    select v.application_id, v.timer_key, v.event, v.due_at, v.created_at
    from (values ${rows}) as v(application_id, timer_key, event, due_at, created_at)
    where (select count(*) from cancelled) >= 0
  `.execute(trx);
}

/**
 * Claims one due timer for this transaction. SKIP LOCKED lets several workers run side by side:
 * each sees only rows no other worker holds. `exclude` skips timers this pass already gave up on.
 */
export async function claimDueTimer(trx: Transaction<DB>, now: Date, exclude: string[]) {
  let q = trx
    .selectFrom('timers')
    .select(['id', 'application_id', 'timer_key', 'event', 'due_at', 'attempts'])
    .where('status', '=', 'pending')
    .where('due_at', '<=', now)
    .orderBy('due_at')
    .limit(1)
    .forUpdate()
    .skipLocked();
  if (exclude.length > 0) q = q.where('id', 'not in', exclude);
  return q.executeTakeFirst();
}

export async function finishTimer(
  trx: Db,
  id: string,
  status: 'fired' | 'cancelled' | 'failed',
  now: Date,
  error?: string,
): Promise<void> {
  await trx
    .updateTable('timers')
    .set({
      status,
      finished_at: now,
      last_error: error ?? null,
      attempts: sql`attempts + 1`,
    })
    .where('id', '=', id)
    .execute();
}

/** Records a failed attempt; the timer stays pending and is tried again on a later pass. */
export async function recordTimerAttempt(
  db: Db,
  id: string,
  error: string,
  maxAttempts: number,
  now: Date,
): Promise<void> {
  await db
    .updateTable('timers')
    .set((eb) => ({
      attempts: sql`attempts + 1`,
      last_error: error,
      status: eb
        .case()
        .when('attempts', '>=', maxAttempts - 1)
        .then(sql.lit('failed'))
        .else(sql.lit('pending'))
        .end() as never,
      finished_at: eb
        .case()
        .when('attempts', '>=', maxAttempts - 1)
        .then(now)
        .else(null)
        .end() as never,
    }))
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}
