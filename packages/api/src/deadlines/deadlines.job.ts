/**
 * The deadlines job: works out again the next deadline of the applications whose stored one time
 * has overtaken (migration 0041). A step stores it with the day from which it may be out of date
 * (engine deadlineSchedule): the day after the end of the objection period, when the report's
 * date becomes the next one; every day of a suspension, while the decision's date moves.
 */
import { deadlineSchedule, toAmsterdamDate } from '@initiatief/engine';
import { type Kysely, sql } from 'kysely';
import { viewColumns, viewOfRow } from '../applications/applications.views';
import type { DB } from '../db/schema';

export interface DeadlinesRun {
  recomputed: number;
}

/**
 * One run: batches of due rows, each batch in a transaction of its own under FOR UPDATE SKIP
 * LOCKED (a row a command holds is that command's to write; its step stores a fresh schedule).
 */
export async function recomputeDeadlines(
  db: Kysely<DB>,
  now: Date,
  options: { batchSize?: number } = {},
): Promise<DeadlinesRun> {
  const batchSize = options.batchSize ?? 500;
  const today = toAmsterdamDate(now);
  let recomputed = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('applications as a')
        .select(viewColumns(trx))
        .where('a.deadlines_recompute_on', '<=', today)
        .orderBy('a.deadlines_recompute_on')
        .limit(batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return 0;
      const ids: string[] = [];
      const next: (string | null)[] = [];
      const recompute: (string | null)[] = [];
      const known: boolean[] = [];
      for (const row of rows) {
        const view = await viewOfRow(trx, row, now);
        // A snapshot its definition no longer knows keeps its date, and is not taken again.
        const schedule = view ? deadlineSchedule(view, today) : null;
        ids.push(row.id);
        next.push(schedule ? schedule.nextOn : null);
        recompute.push(schedule ? schedule.recomputeOn : null);
        known.push(schedule !== null);
      }
      await sql`
        update applications a
           set next_deadline_on = case when v.known then v.next else a.next_deadline_on end,
               deadlines_recompute_on = v.recompute
          from unnest(${ids}::uuid[], ${next}::date[], ${recompute}::date[], ${known}::boolean[])
            as v(id, next, recompute, known)
         where a.id = v.id`.execute(trx);
      return rows.length;
    });
    recomputed += n;
    if (n < batchSize) return { recomputed };
  }
}
