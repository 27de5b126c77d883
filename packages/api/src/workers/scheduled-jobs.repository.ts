import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema';

/** A periodic job claimed by one worker of the installation at a time (scheduled_jobs). */
export interface ClaimedRun {
  id: string;
  attempts: number;
  takenOver: boolean;
}

/**
 * Claims the named job when its run is due, under a lease, in one short transaction (SKIP LOCKED:
 * another worker claiming it at the same moment gets nothing). The run is not due again before
 * the lease ends, so a worker that died in the middle of a run leaves it to the next one.
 */
export async function claimScheduledJob(
  db: Kysely<DB>,
  name: string,
  options: { now: Date; workerId: string; leaseUntil: Date },
): Promise<ClaimedRun[]> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('scheduled_jobs')
      .select(['name', 'claimed_by'])
      .where('name', '=', name)
      .where('next_attempt_at', '<=', options.now)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!due) return [];
    const row = await trx
      .updateTable('scheduled_jobs')
      .set({
        attempts: sql`attempts + 1`,
        claimed_by: options.workerId,
        lease_until: options.leaseUntil,
        next_attempt_at: options.leaseUntil,
      })
      .where('name', '=', name)
      .returning(['name', 'attempts'])
      .executeTakeFirstOrThrow();
    return [{ id: row.name, attempts: row.attempts, takenOver: due.claimed_by !== null }];
  });
}

/** Moves the lease of a run this worker still holds: a long run is not taken over. */
export async function renewScheduledJob(
  db: Kysely<DB>,
  name: string,
  options: { workerId: string; leaseUntil: Date },
): Promise<void> {
  await db
    .updateTable('scheduled_jobs')
    .set({ lease_until: options.leaseUntil, next_attempt_at: options.leaseUntil })
    .where('name', '=', name)
    .where('claimed_by', '=', options.workerId)
    .execute();
}

/** Records a finished run and schedules the next one; false when the claim was no longer ours. */
export async function finishScheduledJob(
  db: Kysely<DB>,
  name: string,
  options: { now: Date; workerId: string; nextRunAt: Date },
): Promise<boolean> {
  const row = await db
    .updateTable('scheduled_jobs')
    .set({
      attempts: 0,
      claimed_by: null,
      lease_until: null,
      last_error: null,
      last_done_at: options.now,
      next_attempt_at: options.nextRunAt,
    })
    .where('name', '=', name)
    .where('claimed_by', '=', options.workerId)
    .returning('name')
    .executeTakeFirst();
  return row !== undefined;
}

/** Records a failed run: tried again at retryAt (a periodic job never gives up for good). */
export async function failScheduledJob(
  db: Kysely<DB>,
  name: string,
  options: { workerId: string; error: string; retryAt: Date },
): Promise<void> {
  await db
    .updateTable('scheduled_jobs')
    .set({
      claimed_by: null,
      lease_until: null,
      last_error: options.error.slice(0, 2000),
      next_attempt_at: options.retryAt,
    })
    .where('name', '=', name)
    .where('claimed_by', '=', options.workerId)
    .execute();
}

export async function nextScheduledAt(db: Kysely<DB>, name: string): Promise<Date | null> {
  const row = await db
    .selectFrom('scheduled_jobs')
    .select('next_attempt_at')
    .where('name', '=', name)
    .executeTakeFirst();
  return row ? new Date(row.next_attempt_at) : null;
}
