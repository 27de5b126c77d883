import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import { compiledOnce } from '../db/compiled-once';
import type { DB } from '../db/schema';
import type { MessagingPeople } from '../messaging/messaging.service';
import {
  type Regulation,
  regulationFromJson,
  regulationJson,
} from '../regulations/regulations.repository';
import type { SupporterFacts } from '../supporters/supporters.shared';

type Db = Kysely<DB> | Transaction<DB>;

/** An application row as the service works with it (dates as 'YYYY-MM-DD'). */
export interface ApplicationRecord {
  id: string;
  reference: string;
  regulation_id: string;
  applicant_id: string;
  created_by: string;
  definition_key: string;
  definition_version: number;
  state: string;
  snapshot: unknown;
  data: Record<string, unknown>;
  version: number;
  title: string;
  district: string;
  requested_cents: number;
  granted_cents: number | null;
  received_on: string | null;
  decision_due_on: string | null;
  suspended: boolean;
  awaiting_decision: boolean;
  decision_after_activity: boolean;
  /** A notice of default: see migration 0049 and noticeOfDefault.service. */
  notice_of_default_on: string | null;
  notice_term_ended_on: string | null;
  notice_decided_on: string | null;
  notice_penalty_set_on: string | null;
  notice_penalty_waived: 'late_notice' | 'not_interested' | 'manifest' | null;
  assignee_id: string | null;
  assigned_at: Date | null;
  submitted_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * The form data is kept once, in the `data` column (migration 0038). The stored snapshot's
 * context leaves it out: it was 0.8 kB of every 3 kB row, written, logged and read twice per
 * command. `storedSnapshot` takes it out before a write, `withFormData` puts it back after a
 * read, so the engine always sees the whole snapshot.
 */
export function storedSnapshot(snapshot: unknown): unknown {
  const context = (snapshot as { context?: Record<string, unknown> } | null)?.context;
  if (!context || !('data' in context)) return snapshot;
  const { data: _kept, ...rest } = context;
  return { ...(snapshot as object), context: rest };
}

/** A row read from `applications` with its snapshot whole again (see storedSnapshot). */
export function withFormData<R extends { snapshot: unknown; data: unknown }>(row: R): R {
  const context = (row.snapshot as { context?: Record<string, unknown> } | null)?.context;
  if (context && typeof context === 'object') context.data = row.data;
  return row;
}

// Dates are read as text: pg and PGlite turn `date` into Date objects in different time zones.
function selectApplication<O>(qb: SelectQueryBuilder<DB, 'applications', O>) {
  return qb.select(applicationColumns);
}

const applicationColumns = [
  'applications.id',
  'applications.reference',
  'applications.regulation_id',
  'applications.applicant_id',
  'applications.created_by',
  'applications.definition_key',
  'applications.definition_version',
  'applications.state',
  'applications.snapshot',
  'applications.data',
  'applications.version',
  'applications.title',
  'applications.district',
  'applications.requested_cents',
  'applications.granted_cents',
  sql<string | null>`applications.received_on::text`.as('received_on'),
  sql<string | null>`applications.decision_due_on::text`.as('decision_due_on'),
  'applications.suspended',
  'applications.awaiting_decision',
  'applications.decision_after_activity',
  sql<string | null>`applications.notice_of_default_on::text`.as('notice_of_default_on'),
  sql<string | null>`applications.notice_term_ended_on::text`.as('notice_term_ended_on'),
  sql<string | null>`applications.notice_decided_on::text`.as('notice_decided_on'),
  sql<string | null>`applications.notice_penalty_set_on::text`.as('notice_penalty_set_on'),
  'applications.notice_penalty_waived',
  'applications.assignee_id',
  'applications.assigned_at',
  'applications.submitted_at',
  'applications.created_at',
  'applications.updated_at',
] as const;

export async function findApplication(
  db: Db,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ApplicationRecord | undefined> {
  let q = selectApplication(db.selectFrom('applications')).where('applications.id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  const row = (await q.executeTakeFirst()) as ApplicationRecord | undefined;
  return row && withFormData(row);
}

type LockShape = { forUpdate?: boolean; supporters?: boolean };

/** The application with its regulation and people, in the shape `opts` asks for. */
function applicationWithRegulation(db: Kysely<DB>, id: string, opts: LockShape) {
  let q = selectApplication(db.selectFrom('applications'))
    .select((eb) => regulationJson(db, eb.ref('applications.regulation_id')).as('regulation_json'))
    .select(
      sql<MessagingPeople>`(
        select jsonb_build_object(
          'applicant', jsonb_build_object('email', ap.email, 'name', ap.name, 'locale', ap.locale,
            'street', ap.street, 'postcode', ap.postcode, 'city', ap.city,
            'letterChannel', ap.letter_channel, 'phone', ap.phone,
            'canLogIn', ap.deactivated_at is null and (ap.email is not null or exists (
              select 1 from external_identities x
              where x.user_id = ap.id and x.provider = 'resident'))),
          'assignee', (select jsonb_build_object('email', asg.email, 'name', asg.name, 'locale', asg.locale)
            from users asg where asg.id = applications.assignee_id))
        from users ap where ap.id = applications.applicant_id)`.as('people_json'),
    )
    .where('applications.id', '=', id);
  if (opts.supporters) {
    // Read with the lock, not in a statement of its own: a command makes one round trip less.
    q = q.select(
      sql<SupporterFacts[] | null>`(
        select jsonb_agg(jsonb_build_object('name', s.name, 'email', s.email,
          'confirmed_user_id', s.confirmed_user_id, 'confirmed', s.confirmed_at is not null,
          'age', s.age, 'postcode', s.postcode))
        from supporters s where s.application_id = applications.id)`.as('supporters_json'),
    );
  }
  if (opts.forUpdate) q = q.forUpdate(['applications']);
  return q;
}

// One compiled statement per shape (see compiledOnce): it runs at the start of every command.
const byShape = new Map<string, ReturnType<typeof compileShape>>();
const compileShape = (opts: LockShape) =>
  compiledOnce((db, id: string) => applicationWithRegulation(db, id, opts));

/**
 * An application (locked when asked) together with its regulation and budget, in one round trip:
 * every command needs both. The budget figures are as committed when the statement started;
 * the budgets CHECK, not this read, is what keeps grants within the ceiling.
 */
export async function findApplicationWithRegulation(
  db: Db,
  id: string,
  opts: LockShape = {},
): Promise<
  | {
      app: ApplicationRecord;
      regulation: Regulation;
      people: MessagingPeople;
      /** With `supporters`: what the engine's supporter rules need, null when there are none. */
      supporters?: SupporterFacts[] | null;
    }
  | undefined
> {
  const shape = `${opts.forUpdate === true}/${opts.supporters === true}`;
  let run = byShape.get(shape);
  if (!run) {
    run = compileShape({
      forUpdate: opts.forUpdate === true,
      supporters: opts.supporters === true,
    });
    byShape.set(shape, run);
  }
  const [row] = await run(db, id);
  if (!row) return undefined;
  const { regulation_json, people_json, supporters_json, ...app } = row as typeof row & {
    regulation_json: Record<string, unknown> | null;
    supporters_json?: SupporterFacts[] | null;
  };
  if (!regulation_json) throw new Error(`regulation of application ${id} missing`);
  return {
    app: withFormData(app as unknown as ApplicationRecord),
    regulation: regulationFromJson(regulation_json),
    people: people_json,
    ...(opts.supporters ? { supporters: supporters_json ?? null } : {}),
  };
}

// Per database handle: tests open many databases in one process.
const knownSequences = new WeakMap<object, Set<number>>();

/**
 * Makes sure the reference sequence of a year exists; call it before the transaction that takes
 * a number. A sequence hands out numbers without holding a lock until commit, so creates never
 * queue behind each other (a rolled-back create leaves a gap, never a duplicate).
 */
export async function ensureReferenceSequence(db: Kysely<DB>, year: number): Promise<void> {
  const known = knownSequences.get(db) ?? new Set<number>();
  knownSequences.set(db, known);
  if (known.has(year)) return;
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new Error(`bad year ${year}`);
  try {
    await sql`create sequence if not exists ${sql.raw(`application_reference_${year}`)}`.execute(
      db,
    );
  } catch (err) {
    // Two processes creating it at once: the loser sees a unique violation; the sequence exists.
    if ((err as { code?: string }).code !== '23505') throw err;
  }
  known.add(year);
}

export interface ApplicationColumns {
  state: string;
  snapshot: unknown;
  data: Record<string, unknown>;
  title: string;
  district: string;
  requestedCents: number;
  grantedCents: number | null;
  receivedOn: string | null;
  decisionDueOn: string | null;
  /** engine deadlineSchedule: the next deadline, and the day it must be worked out again. */
  nextDeadlineOn: string | null;
  deadlinesRecomputeOn: string | null;
  suspended: boolean;
  awaitingDecision: boolean;
  /** In a state tagged `awaiting_approval`: what "Te beslissen" lists. */
  awaitingApproval: boolean;
  decisionAfterActivity: boolean;
  submittedAt: Date | null;
  /** Only a migration to a newer workflow version sets it. */
  definitionVersion?: number;
}

/** The history row of a command (its `seq` is the next of the application's). */
export interface NewHistory {
  applicationId: string;
  event: string;
  fromState: string;
  toState: string;
  actorId: string;
  /**
   * The actor's name as the command knows it (the session's user). Without it the history's
   * trigger reads it from users by `actorId` (migration 0035), a query inside every insert.
   */
  actorName?: string | null;
  actorRoles: string[];
  onBehalfOf: string | null;
  payload: unknown;
  at: Date;
}

export async function insertHistory(
  trx: Transaction<DB>,
  h: NewHistory,
): Promise<{ id: string; seq: number }> {
  return trx
    .insertInto('application_history')
    .values((eb) => ({
      application_id: h.applicationId,
      seq: eb
        .selectFrom('application_history')
        .select(sql<number>`coalesce(max(seq), 0) + 1`.as('seq'))
        .where('application_id', '=', h.applicationId),
      event: h.event,
      from_state: h.fromState,
      to_state: h.toState,
      actor_id: h.actorId,
      actor_name: h.actorName ?? null,
      actor_roles: sql`${sql.val(h.actorRoles)}::text[]`,
      on_behalf_of: h.onBehalfOf,
      payload: JSON.stringify(h.payload ?? {}),
      at: h.at,
    }))
    .returning(['id', 'seq'])
    .executeTakeFirstOrThrow();
}

export async function listHistory(db: Db, applicationId: string) {
  return db
    .selectFrom('application_history as h')
    .leftJoin('users as u', (join) => join.on(sql<boolean>`u.id::text = h.actor_id`))
    .select([
      'h.id',
      'h.seq',
      'h.event',
      'h.from_state',
      'h.to_state',
      'h.actor_id',
      'h.actor_roles',
      'h.on_behalf_of',
      'h.payload',
      'h.at',
      // The name as it was when they acted; rows older than migration 0011 fall back to today's.
      sql<string | null>`coalesce(h.actor_name, u.name)`.as('actor_name'),
    ])
    .where('h.application_id', '=', applicationId)
    .orderBy('h.seq')
    .execute();
}
