/**
 * The penalties of notices of default (Awb 4:17) that are owed and not yet set by decision: Awb
 * 4:18 gives two weeks from the last day owed. Once the decision is made the application leaves
 * the work queue, so without this list the day would pass unseen. Read through a partial index
 * (migration 0051) that holds only the applications with such a notice.
 */
import { diffDays, toAmsterdamDate } from '@initiatief/engine';
import { type Kysely, sql } from 'kysely';
import { noticeOfDefaultOf } from '../applications/notice-of-default.view';
import type { DB } from '../db/schema';

export interface PenaltyToSet {
  id: string;
  reference: string;
  title: string | null;
  applicantName: string;
  receivedOn: string;
  /** Null when the 42 days ran out with no decision yet. */
  decidedOn: string | null;
  days: number;
  cents: number;
  lastDay: string;
  /** The last day to set it by decision (4:18). */
  settleBy: string;
  /** Calendar days from today to settleBy; below 0 when it is late. */
  daysLeft: number;
}

/** Penalties owed and not yet set, the first to be set first. */
export async function penaltiesToSet(db: Kysely<DB>, now: Date): Promise<PenaltyToSet[]> {
  const today = toAmsterdamDate(now);
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('users as ap', 'ap.id', 'a.applicant_id')
    .where('a.notice_of_default_on', 'is not', null)
    .where('a.notice_penalty_set_on', 'is', null)
    .select([
      'a.id',
      'a.reference',
      'a.title',
      'ap.name as applicant_name',
      sql<string | null>`a.notice_of_default_on::text`.as('notice_of_default_on'),
      sql<string | null>`a.notice_term_ended_on::text`.as('notice_term_ended_on'),
      sql<string | null>`a.notice_decided_on::text`.as('notice_decided_on'),
      sql<string | null>`null::text`.as('notice_penalty_set_on'),
      sql<null>`null`.as('notice_penalty_waived'),
    ])
    .execute();
  const owed: PenaltyToSet[] = [];
  for (const row of rows) {
    const notice = noticeOfDefaultOf(row, today);
    if (notice?.kind !== 'ended' || notice.days === 0 || !notice.lastDay || !notice.settleBy) {
      continue;
    }
    owed.push({
      id: row.id,
      reference: row.reference,
      title: row.title,
      applicantName: row.applicant_name,
      receivedOn: notice.receivedOn,
      decidedOn: notice.decidedOn,
      days: notice.days,
      cents: notice.cents,
      lastDay: notice.lastDay,
      settleBy: notice.settleBy,
      daysLeft: diffDays(today, notice.settleBy),
    });
  }
  return owed.sort(
    (a, b) => a.settleBy.localeCompare(b.settleBy) || a.reference.localeCompare(b.reference),
  );
}
