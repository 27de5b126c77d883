import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';

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
  assignee_id: string | null;
  assigned_at: Date | null;
  submitted_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

// Dates are read as text: pg and PGlite turn `date` into Date objects in different time zones.
function selectApplication<O>(qb: SelectQueryBuilder<DB, 'applications', O>) {
  return qb.select([
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
    'applications.assignee_id',
    'applications.assigned_at',
    'applications.submitted_at',
    'applications.created_at',
    'applications.updated_at',
  ]);
}

export async function findApplication(
  db: Db,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ApplicationRecord | undefined> {
  let q = selectApplication(db.selectFrom('applications')).where('applications.id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return (await q.executeTakeFirst()) as ApplicationRecord | undefined;
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

/** The next readable reference of a year, e.g. BI-2026-000123. */
export async function nextReference(trx: Transaction<DB>, year: number): Promise<string> {
  const { rows } = await sql<{
    n: number;
  }>`select nextval(${`application_reference_${year}`}::regclass)::int as n`.execute(trx);
  return `BI-${year}-${String(rows[0]!.n).padStart(6, '0')}`;
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
  suspended: boolean;
  awaitingDecision: boolean;
  submittedAt: Date | null;
}

export async function insertApplication(
  trx: Transaction<DB>,
  values: ApplicationColumns & {
    reference: string;
    regulationId: string;
    applicantId: string;
    createdBy: string;
    definitionKey: string;
    definitionVersion: number;
    now: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto('applications')
    .values({
      reference: values.reference,
      regulation_id: values.regulationId,
      applicant_id: values.applicantId,
      created_by: values.createdBy,
      definition_key: values.definitionKey,
      definition_version: values.definitionVersion,
      state: values.state,
      snapshot: JSON.stringify(values.snapshot),
      data: JSON.stringify(values.data),
      version: 1,
      title: values.title,
      district: values.district,
      requested_cents: values.requestedCents,
      granted_cents: values.grantedCents,
      received_on: values.receivedOn,
      decision_due_on: values.decisionDueOn,
      suspended: values.suspended,
      awaiting_decision: values.awaitingDecision,
      submitted_at: values.submittedAt,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes the new snapshot and its derived columns; version + 1 (the ETag). */
export async function updateApplication(
  trx: Transaction<DB>,
  id: string,
  expectedVersion: number,
  values: ApplicationColumns & { now: Date },
): Promise<number> {
  const row = await trx
    .updateTable('applications')
    .set({
      state: values.state,
      snapshot: JSON.stringify(values.snapshot),
      data: JSON.stringify(values.data),
      version: sql`version + 1`,
      title: values.title,
      district: values.district,
      requested_cents: values.requestedCents,
      granted_cents: values.grantedCents,
      received_on: values.receivedOn,
      decision_due_on: values.decisionDueOn,
      suspended: values.suspended,
      awaiting_decision: values.awaitingDecision,
      submitted_at: values.submittedAt,
      updated_at: values.now,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  // The row is locked FOR UPDATE, so a miss here is a bug, not a race.
  if (!row) throw new Error(`application ${id} changed under its lock`);
  return row.version;
}

export async function insertHistory(
  trx: Transaction<DB>,
  h: {
    applicationId: string;
    event: string;
    fromState: string;
    toState: string;
    actorId: string;
    actorRoles: string[];
    onBehalfOf: string | null;
    payload: unknown;
    at: Date;
  },
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
      'u.name as actor_name',
    ])
    .where('h.application_id', '=', applicationId)
    .orderBy('h.seq')
    .execute();
}
