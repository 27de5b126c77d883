import { latePenalty } from '@initiatief/engine';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { SessionUser } from '../context';
import type { DB } from '../db/schema';
import { knownStates } from '../definitions/definitions.repository';
import { AppError } from '../errors';
import { isUuid } from '../regulations/regulations.repository';
import { matchesEveryWord } from '../users/users.repository';
import { isStaff } from './applications.access';
import {
  type EnteredStep,
  enteredSteps,
  type ListDeadline,
  nextDeadlines,
} from './applications.list-extras';

export type ListSort = 'deadline' | 'submitted' | 'updated';

export interface ListFilters {
  state?: string[];
  district?: string;
  regulation?: string;
  overdue?: boolean;
  assignedTo?: 'me' | 'unassigned' | 'anyone';
  /** Only applications that owe a decision (the work queue). */
  awaitingDecision?: boolean;
  /** Only applications in a state tagged `awaiting_approval`: a proposal waits for a decision. */
  awaitingApproval?: boolean;
  q?: string;
  sort?: ListSort;
  limit?: number;
  cursor?: string;
}

export interface ListItem {
  id: string;
  reference: string;
  title: string;
  state: string;
  district: string;
  regulationId: string;
  applicantId: string;
  applicantName: string | null;
  requestedCents: number;
  grantedCents: number | null;
  receivedOn: string | null;
  decisionDueOn: string | null;
  /** Calendar days from today (Europe/Amsterdam) to the decision due date; negative when late. */
  daysLeft: number | null;
  overdue: boolean;
  suspended: boolean;
  awaitingDecision: boolean;
  /** A decision is still due and its last day falls after the activity. */
  decisionAfterActivity: boolean;
  assignee: { id: string; name: string } | null;
  submittedAt: string | null;
  updatedAt: string;
  version: number;
  /** The definition version the application is pinned to (its states' labels and tags). */
  definition: { key: string; version: number };
  /**
   * The next of the application's deadlines as its page lists them (decision, information,
   * objection, report): the earliest still to come, else the one that passed last; null: none.
   */
  nextDeadline: ListDeadline | null;
  /**
   * While a decision is awaited after a notice of default (Awb 4:17): the day it came in and the
   * first day of the penalty (the engine's latePenalty); null otherwise.
   */
  noticeOfDefault: { receivedOn: string; penaltyFrom: string } | null;
  /**
   * Only with `awaitingApproval` (staff): the step that brought the application into its state
   * awaiting approval, i.e. the proposal, with what it recorded.
   */
  proposal?: EnteredStep | null;
}

interface Cursor {
  k: string | null;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

const DATE_KEY = /^(\d{4})-\d{2}-\d{2}$/;
const TIME_PART =
  /^[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-](0\d|1[0-4])(:?[0-5]\d)?|Z)?$/;

/** A calendar date PostgreSQL accepts: real (no 30 February) and from year 1 on. */
function isRealDate(d: string): boolean {
  const m = DATE_KEY.exec(d);
  if (!m || Number(m[1]) < 1) return false;
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(-24, -14) === d;
}

/** A cursor as handed out: a real uuid, and a sort key of the sort's type (or null). */
function decodeCursor(s: string, isDate: boolean): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if (typeof c !== 'object' || c === null) throw new Error('shape');
    if (typeof c.id !== 'string' || !isUuid(c.id)) throw new Error('id');
    if (c.k !== null) {
      if (typeof c.k !== 'string' || c.k.length > 40) throw new Error('k');
      const ok = isDate
        ? isRealDate(c.k)
        : isRealDate(c.k.slice(0, 10)) && TIME_PART.test(c.k.slice(10));
      if (!ok) throw new Error('k');
    }
    return c;
  } catch {
    throw new AppError('validation_failed', 'The cursor is not valid.', {
      invalidParams: [{ name: 'cursor', reason: 'not a cursor this API handed out' }],
    });
  }
}

// "3083 AB 12", "3083ab 12" and "3083AB12": the letters end the postcode, so a space is optional.
const POSTCODE_HOUSE = /^([1-9][0-9]{3})\s?([a-z]{2})(?:\s*(\d+)\s*([a-z]{0,4}))?$/i;

/**
 * The desk's search: a reference, a title or (for staff) the resident's name, or a postcode with
 * an optional house number ("3083 AB 12") matched against the resident's address. A title and a
 * name match as the desk's resident search does (matchesEveryWord): every word typed, anywhere,
 * ignoring case and diacritics, so "yildiz" finds "Buurtfeest bij Ayşe Yıldız" (migration 0056).
 */
function searchCondition(
  eb: ExpressionBuilder<DB & { a: DB['applications']; applicant: DB['users'] }, 'a' | 'applicant'>,
  raw: string,
  staff: boolean,
): Expression<SqlBool> {
  const term = raw.trim();
  const address = POSTCODE_HOUSE.exec(term);
  if (address && staff) {
    const postcode = `${address[1]} ${address[2]!.toUpperCase()}`;
    const conditions = [
      sql<SqlBool>`upper(replace(applicant.postcode, ' ', '')) = ${postcode.replace(' ', '')}`,
    ];
    if (address[3]) {
      // The house number ends the street line: "Wolphaertsbocht 12", "Kade 3-b", "Laan 7 A".
      conditions.push(
        sql<SqlBool>`applicant.street ~* ${`(^|\\s)${address[3]}(\\s*-?\\s*${address[4] || '[a-z]{0,4}'})?\\s*$`}`,
      );
    }
    return eb.and(conditions);
  }
  const options: Expression<SqlBool>[] = [
    eb('a.reference', '=', term.toUpperCase()),
    matchesEveryWord(term, 'a.title_search'),
  ];
  // The applicant as the desk's resident search finds them: "ozturk" finds "Mehmet Öztürk".
  if (staff) options.push(matchesEveryWord(term, 'applicant.search_text'));
  return eb.or(options);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Lists applications with filters and keyset pagination. Applicants see only their own; staff
 * all. The deadline order rides on an index per sort key, so the first page stays fast at
 * millions of rows.
 */
/** A `?state=` naming no state of any published definition is a mistake, not an empty list. */
async function checkStates(db: Kysely<DB>, states: string[]): Promise<void> {
  const known = await knownStates(db);
  const unknown = states.filter((s) => !known.has(s));
  if (unknown.length === 0) return;
  throw new AppError('validation_failed', `Unknown state: ${unknown.join(', ')}.`, {
    invalidParams: [
      {
        name: 'state',
        reason: `${unknown.join(', ')} is not a state of any published workflow`,
      },
    ],
  });
}

export async function listApplications(
  db: Kysely<DB>,
  user: SessionUser,
  filters: ListFilters,
  today: string,
): Promise<{ items: ListItem[]; nextCursor: string | null }> {
  if (filters.state?.length) await checkStates(db, filters.state);
  const limit = Math.min(Math.max(filters.limit ?? 25, 1), 100);
  const sort: ListSort = filters.sort ?? (isStaff(user) ? 'deadline' : 'updated');
  const queueOnly = filters.awaitingDecision === true;

  let q = db
    .selectFrom('applications as a')
    .leftJoin('users as assignee', 'assignee.id', 'a.assignee_id')
    .leftJoin('users as applicant', 'applicant.id', 'a.applicant_id')
    .select([
      'a.id',
      'a.reference',
      'a.title',
      'a.state',
      'a.district',
      'a.regulation_id',
      'a.applicant_id',
      'applicant.name as applicant_name',
      'a.requested_cents',
      'a.granted_cents',
      sql<string | null>`a.received_on::text`.as('received_on'),
      sql<string | null>`a.decision_due_on::text`.as('decision_due_on'),
      'a.suspended',
      'a.awaiting_decision',
      'a.decision_after_activity',
      sql<string | null>`a.notice_of_default_on::text`.as('notice_of_default_on'),
      sql<string | null>`a.notice_term_ended_on::text`.as('notice_term_ended_on'),
      'a.assignee_id',
      'assignee.name as assignee_name',
      'a.submitted_at',
      'a.updated_at',
      'a.version',
      'a.definition_key',
      'a.definition_version',
    ]);

  if (!isStaff(user)) {
    // Their own, and those a resident authorised them to act on.
    const actingFor = user.actingFor?.id;
    q = q.where((eb) =>
      eb.or([
        eb('a.applicant_id', '=', user.id),
        // A DigiD Machtigen session: all of the resident's, also those made since sign-in.
        ...(actingFor ? [eb('a.applicant_id', '=', actingFor)] : []),
        eb(
          'a.id',
          'in',
          eb
            .selectFrom('authorisations')
            .select('application_id')
            .where('agent_id', '=', user.id)
            .where('revoked_at', 'is', null),
        ),
      ]),
    );
  }
  if (filters.state?.length) q = q.where('a.state', 'in', filters.state);
  if (filters.district) q = q.where('a.district', '=', filters.district);
  if (filters.regulation) {
    const reg = filters.regulation;
    q = isUuid(reg)
      ? q.where('a.regulation_id', '=', reg)
      : q.where('a.regulation_id', 'in', (eb) =>
          eb.selectFrom('regulations').select('id').where('code', '=', reg),
        );
  }
  if (filters.overdue !== undefined) {
    q = filters.overdue
      ? q
          .where('a.awaiting_decision', '=', true)
          .where(sql<SqlBool>`a.decision_due_on < ${today}::date`)
      : q.where(sql<SqlBool>`not (a.awaiting_decision and a.decision_due_on < ${today}::date)`);
  }
  if (filters.assignedTo === 'me') q = q.where('a.assignee_id', '=', user.id);
  if (filters.assignedTo === 'unassigned') q = q.where('a.assignee_id', 'is', null);
  if (filters.q) q = q.where((eb) => searchCondition(eb, filters.q!, isStaff(user)));
  const approvals = filters.awaitingApproval === true;
  // "Te beslissen": a state the definition tags awaiting_approval (contract C3; kept beside the
  // snapshot with every step, migration 0040), whether or not a decision on the application is
  // still owed: a settlement proposal for four eyes waits here too. No state name is written here.
  if (approvals) {
    q = q.where('a.awaiting_approval', '=', true);
    // Not the viewer's own proposals: four eyes means somebody else decides them, so they do not
    // wait for the viewer's decision (someone with both roles would see them listed, and counted,
    // and be refused at the button). The proposal is the step that entered the state, as shown.
    q = q.where(
      sql<SqlBool>`coalesce((
        select h.actor_id from application_history h
        where h.application_id = a.id and h.to_state = a.state and h.from_state <> h.to_state
        order by h.seq desc limit 1
      ), '') <> ${user.id}`,
    );
  }

  // One sort key per order, matching an index: (key, id).
  let key: Expression<unknown>;
  let dir: 'asc' | 'desc';
  if (approvals) {
    // applications_approval_idx
    key = sql`coalesce(a.decision_due_on, DATE '9999-12-31')`;
    dir = 'asc';
  } else if (queueOnly) {
    q = q.where('a.awaiting_decision', '=', true);
    key = sql.ref('a.decision_due_on');
    dir = 'asc';
  } else if (sort === 'deadline') {
    // applications_next_deadline_idx: the next deadline as each page shows it (migration 0041).
    key = sql`coalesce(a.next_deadline_on, DATE '9999-12-31')`;
    dir = 'asc';
  } else if (sort === 'submitted') {
    key = sql`coalesce(a.submitted_at, to_timestamp(0))`;
    dir = 'desc';
  } else {
    key = sql.ref('a.updated_at');
    dir = 'desc';
  }
  const isDate = approvals || queueOnly || sort === 'deadline';
  if (filters.cursor) {
    const c = decodeCursor(filters.cursor, isDate);
    const cast = isDate ? sql`${c.k}::date` : sql`${c.k}::timestamptz`;
    const op = sql.raw(dir === 'asc' ? '>' : '<');
    q = q.where(sql<SqlBool>`(${key}, a.id) ${op} (${cast}, ${c.id}::uuid)`);
  }
  q = q
    .orderBy(key as never, dir)
    .orderBy('a.id', dir)
    .limit(limit + 1);
  const rows = await q.select(sql<string | null>`(${key})::text`.as('sort_key')).execute();

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ k: last.sort_key, id: last.id }) : null;
  const ids = page.map((r) => r.id);
  const deadlines = await nextDeadlines(db, ids, today);
  const proposals = approvals && isStaff(user) ? await enteredSteps(db, ids) : null;
  return {
    items: page.map((r): ListItem => {
      const daysLeft = r.decision_due_on ? daysBetween(today, r.decision_due_on) : null;
      return {
        id: r.id,
        reference: r.reference,
        title: r.title,
        state: r.state,
        district: r.district,
        regulationId: r.regulation_id,
        applicantId: r.applicant_id,
        applicantName: r.applicant_name ?? null,
        requestedCents: r.requested_cents,
        grantedCents: r.granted_cents,
        receivedOn: r.received_on,
        decisionDueOn: r.decision_due_on,
        daysLeft: r.awaiting_decision ? daysLeft : null,
        overdue: r.awaiting_decision && daysLeft !== null && daysLeft < 0,
        suspended: r.suspended,
        awaitingDecision: r.awaiting_decision,
        decisionAfterActivity: r.awaiting_decision && r.decision_after_activity,
        assignee:
          r.assignee_id && r.assignee_name ? { id: r.assignee_id, name: r.assignee_name } : null,
        submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
        updatedAt: new Date(r.updated_at).toISOString(),
        version: r.version,
        definition: { key: r.definition_key, version: r.definition_version },
        nextDeadline: deadlines.get(r.id) ?? null,
        noticeOfDefault: awaitedNotice(r, today),
        ...(proposals ? { proposal: proposals.get(r.id) ?? null } : {}),
      };
    }),
    nextCursor,
  };
}

/** A notice of default while its decision is still awaited: when the penalty runs from. */
function awaitedNotice(
  r: {
    awaiting_decision: boolean;
    notice_of_default_on: string | null;
    notice_term_ended_on: string | null;
  },
  today: string,
): ListItem['noticeOfDefault'] {
  if (!r.awaiting_decision || !r.notice_of_default_on || !r.notice_term_ended_on) return null;
  const penalty = latePenalty({
    dueOn: r.notice_term_ended_on,
    noticeOn: r.notice_of_default_on,
    decidedOn: null,
    today,
  });
  if (penalty.kind === 'premature') return null;
  return { receivedOn: r.notice_of_default_on, penaltyFrom: penalty.firstDay };
}
