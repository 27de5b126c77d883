/**
 * What staff read of a notice of default (ingebrekestelling, Awb 4:17) on an application: the
 * dates kept with it (migration 0049) and what the engine's latePenalty reads off them.
 */
import { type LatePenalty, latePenalty } from '@initiatief/engine';
import type { UserRole } from '../auth/roles';
import type { SessionUser } from '../context';
import type { ApplicationRecord } from './applications.repository';
import { type NoticeWaiver, waiverWords } from './notice-waiver';

/** What staff read of a notice of default on an application's page. */
export type NoticeOfDefault = {
  receivedOn: string;
  /** Set with no penalty owed, on this ground of Awb 4:17 lid 6; null otherwise. */
  waived: NoticeWaiver | null;
  /** The last day of the decision term the notice was given against. */
  termEndedOn: string;
  /** The day the decision that ended the wait was made known; null while it is awaited. */
  decidedOn: string | null;
} & Exclude<LatePenalty, { kind: 'premature' }>;

/** The notice on this application with what it has made owed by `today`; null without one. */
export function noticeOfDefaultOf(
  app: Pick<
    ApplicationRecord,
    | 'notice_of_default_on'
    | 'notice_term_ended_on'
    | 'notice_decided_on'
    | 'notice_penalty_set_on'
    | 'notice_penalty_waived'
  >,
  today: string,
): NoticeOfDefault | null {
  if (!app.notice_of_default_on || !app.notice_term_ended_on) return null;
  const penalty = latePenalty({
    dueOn: app.notice_term_ended_on,
    noticeOn: app.notice_of_default_on,
    decidedOn: app.notice_decided_on,
    today,
    setOn: app.notice_penalty_set_on,
  });
  // The database refuses a notice that is not after the term (migration 0049).
  if (penalty.kind === 'premature') return null;
  const notice = {
    receivedOn: app.notice_of_default_on,
    waived: app.notice_penalty_waived,
    termEndedOn: app.notice_term_ended_on,
    decidedOn: app.notice_decided_on,
    ...penalty,
  };
  // The decision found none owed (4:17 lid 6): the days stay as counted, the amount is nil.
  if (app.notice_penalty_waived && penalty.setOn) {
    return {
      ...notice,
      cents: 0,
      ...waiverWords(app.notice_penalty_waived, penalty.setOn),
    };
  }
  return notice;
}

/** Staff who record a notice of default that came by post or at the desk. */
export const NOTICE_RECORDERS: readonly UserRole[] = ['clerk', 'assessor', 'approver', 'admin'];

/**
 * The detail's fields: the notice with what it made owed, for everyone who may read the
 * application (the applicant is owed the penalty), and whether this reader can give or record
 * one now: the applicant or her helper online, the desk and the assessors for one that came by
 * post.
 */
export function noticeOfDefaultFields(
  app: ApplicationRecord,
  today: string,
  reader: Pick<SessionUser, 'id' | 'roles'>,
  agent: boolean,
) {
  const may =
    app.applicant_id === reader.id ||
    agent ||
    reader.roles.some((r) => NOTICE_RECORDERS.includes(r));
  return {
    noticeOfDefault: noticeOfDefaultOf(app, today),
    noticeOfDefaultRecordable:
      may &&
      !app.notice_of_default_on &&
      app.awaiting_decision &&
      app.decision_due_on !== null &&
      app.decision_due_on < today,
  };
}
