import { type Effect, MIGRATE_EVENT } from '@initiatief/engine';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { Statement } from '../db/statement';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Applies the engine's timer effects inside the command transaction, in one statement: a cancel
 * marks the pending timer cancelled; a schedule replaces a pending timer of the same key, so a
 * step which leaves and re-enters a state ends with the new timer. A step's own snapshot
 * update writes them instead where it can (see timerCtes).
 */
export async function applyTimerEffects(
  trx: Transaction<DB>,
  applicationId: string,
  effects: Effect[],
  now: Date,
): Promise<void> {
  const changes = timerChangesOf(effects);
  if (!changes) return;
  const statement = new Statement();
  const { cancelled, scheduled } = timerCtes(statement, applicationId, changes, now);
  await statement.run(trx, `with timers_cancelled as (${cancelled}) ${scheduled}`);
}

/** What a step does to its application's timers, as arrays for one statement of fixed shape. */
export interface TimerChanges {
  /** Keys whose pending timer is cancelled: every cancel and every schedule (it replaces). */
  cancelKeys: string[];
  scheduleKeys: string[];
  scheduleEvents: string[];
  /** ISO instants, one per scheduled key. */
  scheduleDue: string[];
}

/** The timer effects of a step, or undefined when it has none. */
export function timerChangesOf(effects: Effect[]): TimerChanges | undefined {
  const schedules = effects.filter(
    (e): e is Extract<Effect, { type: 'timer.schedule' }> => e.type === 'timer.schedule',
  );
  const cancelKeys = [
    ...new Set(
      effects.flatMap((e) =>
        e.type === 'timer.cancel' || e.type === 'timer.schedule' ? [e.timerId] : [],
      ),
    ),
  ];
  if (cancelKeys.length === 0) return undefined;
  return {
    cancelKeys,
    scheduleKeys: schedules.map((e) => e.timerId),
    scheduleEvents: schedules.map((e) => e.event),
    scheduleDue: schedules.map((e) => new Date(e.dueAt).toISOString()),
  };
}

/**
 * The two common table expressions that apply TimerChanges inside a larger statement (the
 * snapshot's update), so a command's timers cost no round trip of their own. The same text
 * whatever the number of timers, so it is prepared once. `timers_scheduled` waits for
 * `timers_cancelled` through its scalar subquery, as in applyTimerEffects.
 */
export function timerCtes(
  statement: Statement,
  applicationId: string,
  changes: TimerChanges,
  now: Date,
): { cancelled: string; scheduled: string } {
  const application = statement.param(applicationId, 'uuid');
  const at = statement.param(now, 'timestamptz');
  return {
    cancelled: `update timers set status = 'cancelled', finished_at = ${at}
      where application_id = ${application}
        and timer_key = any(${statement.param(changes.cancelKeys, 'text[]')})
        and status = 'pending'
      returning id`,
    scheduled: `insert into timers (application_id, timer_key, event, due_at, created_at)
      select ${application}, v.timer_key, v.event, v.due_at, ${at}
      from unnest(${statement.param(changes.scheduleKeys, 'text[]')},
        ${statement.param(changes.scheduleEvents, 'text[]')},
        ${statement.param(changes.scheduleDue, 'timestamptz[]')}) as v(timer_key, event, due_at)
      where (select count(*) from timers_cancelled) >= 0
      returning id`,
  };
}

/** When a pending timer may be claimed: at due_at, or after its lease or backoff. */
export const timerNextAt = sql<Date>`coalesce(next_attempt_at, due_at)`;

export interface ClaimedTimer {
  id: string;
  attempts: number;
  takenOver: boolean;
}

/**
 * Claims due timers for a worker in one short transaction: FOR UPDATE SKIP LOCKED keeps several
 * workers off each other's rows; the claim counts the attempt and sets the lease, and the timer is
 * not due again before the lease ends, so a dead worker's claims go to another worker after it.
 */
export async function claimDueTimers(
  db: Kysely<DB>,
  options: { now: Date; limit: number; workerId: string; leaseUntil: Date },
): Promise<ClaimedTimer[]> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('timers')
      .select(['id', 'claimed_by'])
      .where('status', '=', 'pending')
      .where(timerNextAt, '<=', options.now)
      .orderBy(timerNextAt)
      .limit(options.limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    const rows = await trx
      .updateTable('timers')
      .set({
        attempts: sql`attempts + 1`,
        claimed_by: options.workerId,
        lease_until: options.leaseUntil,
        next_attempt_at: options.leaseUntil,
      })
      .where(
        'id',
        'in',
        due.map((r) => r.id),
      )
      .returning(['id', 'attempts', 'due_at'])
      .execute();
    const before = new Map(due.map((r) => [r.id, r.claimed_by]));
    return rows
      .sort((a, b) => new Date(a.due_at).getTime() - new Date(b.due_at).getTime())
      .map((r) => ({ id: r.id, attempts: r.attempts, takenOver: before.get(r.id) != null }));
  });
}

/** Moves the lease of timers this worker still holds (a slow round keeps its claims). */
export async function renewTimerLeases(
  db: Kysely<DB>,
  ids: readonly string[],
  options: { workerId: string; leaseUntil: Date },
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('timers')
    .set({ lease_until: options.leaseUntil, next_attempt_at: options.leaseUntil })
    .where('id', 'in', ids)
    .where('status', '=', 'pending')
    .where('claimed_by', '=', options.workerId)
    .execute();
}

/**
 * Locks a claimed timer for firing, only while it is still pending and this worker's claim: a
 * timer cancelled meanwhile, or taken over after the lease ran out, is left alone.
 */
export async function lockClaimedTimer(trx: Transaction<DB>, id: string, workerId: string) {
  return trx
    .selectFrom('timers')
    .select(['id', 'application_id', 'timer_key', 'event', 'due_at', 'attempts'])
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('claimed_by', '=', workerId)
    .forUpdate()
    .executeTakeFirst();
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
      claimed_by: null,
      lease_until: null,
    })
    .where('id', '=', id)
    .execute();
}

/** Gives a claimed timer back without counting the attempt (its application was busy). */
export async function releaseTimer(trx: Db, id: string, retryAt: Date): Promise<void> {
  await trx
    .updateTable('timers')
    .set({
      attempts: sql`greatest(attempts - 1, 0)`,
      claimed_by: null,
      lease_until: null,
      next_attempt_at: retryAt,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Records a failed attempt of this worker's claim: the timer stays pending until retryAt, or
 * fails for good when retryAt is null.
 */
export async function recordTimerAttempt(
  db: Db,
  id: string,
  outcome: { now: Date; error: string; retryAt: Date | null; workerId: string },
): Promise<void> {
  await db
    .updateTable('timers')
    .set({
      status: outcome.retryAt ? 'pending' : 'failed',
      next_attempt_at: outcome.retryAt,
      finished_at: outcome.retryAt ? null : outcome.now,
      last_error: outcome.error.slice(0, 2000),
      claimed_by: null,
      lease_until: null,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('claimed_by', '=', outcome.workerId)
    .execute();
}

/** The earliest time a pending timer becomes claimable. */
export async function nextTimerAt(db: Db): Promise<Date | null> {
  const row = await db
    .selectFrom('timers')
    .select(timerNextAt.as('at'))
    .where('status', '=', 'pending')
    .orderBy(timerNextAt)
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.at) : null;
}

/**
 * The timers of an application's current state that went off in this stay: since its latest
 * history row that changed the state, other than a migration (a migration that maps a renamed
 * state carries the stay over), per timer key the latest row, when that one fired. A key
 * scheduled again since (a step that re-entered the state) has a later row and is left out. For a
 * migration, which must not let a reminder go off twice in one stay.
 */
export async function firedInStay(
  db: Db,
  applicationId: string,
): Promise<{ timer_key: string; event: string; due_at: Date; finished_at: Date }[]> {
  const entered = db
    .selectFrom('application_history')
    .select(sql<Date>`coalesce(max(at), '-infinity'::timestamptz)`.as('at'))
    .where('application_id', '=', applicationId)
    .whereRef('from_state', '<>', 'to_state')
    .where('event', '<>', MIGRATE_EVENT);
  const latest = db
    .selectFrom('timers')
    .distinctOn('timer_key')
    .select(['timer_key', 'event', 'due_at', 'status', 'finished_at'])
    .where('application_id', '=', applicationId)
    .where('created_at', '>=', entered)
    .orderBy('timer_key')
    .orderBy('created_at', 'desc')
    .orderBy(sql`status = 'pending'`, 'desc')
    .orderBy('finished_at', (o) => o.desc().nullsFirst());
  const rows = await db
    .selectFrom(latest.as('t'))
    .select(['timer_key', 'event', 'due_at', 'finished_at'])
    .where('status', '=', 'fired')
    .orderBy('due_at')
    .execute();
  return rows.map((r) => ({ ...r, finished_at: r.finished_at ?? r.due_at }));
}
