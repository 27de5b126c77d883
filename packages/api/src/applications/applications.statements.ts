import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { Statement } from '../db/statement';
import type { MessagingPlan } from '../messaging/messaging.service';
import { messagingCtes } from '../messaging/messaging.statements';
import { type TimerChanges, timerCtes } from '../timers/timers.repository';
import {
  type ApplicationColumns,
  type ApplicationRecord,
  type NewHistory,
  storedSnapshot,
  withFormData,
} from './applications.repository';

/**
 * The step's writes besides the snapshot and its history row, as CTEs the statement runs first
 * in its WITH list. None of the statement's own parts reads them: PostgreSQL runs every
 * data-modifying CTE once, to completion, whether the main query reads it or not, and checks
 * foreign keys (a letter's history row, a mail's letter) at the end of the whole statement.
 */
function stepWriteCtes(
  statement: Statement,
  applicationId: string,
  now: Date,
  extra: { timers?: TimerChanges; messages?: MessagingPlan },
): string[] {
  const ctes: string[] = [];
  if (extra.timers) {
    const { cancelled, scheduled } = timerCtes(statement, applicationId, extra.timers, now);
    ctes.push(`timers_cancelled as (${cancelled})`, `timers_scheduled as (${scheduled})`);
  }
  if (extra.messages) ctes.push(...messagingCtes(statement, extra.messages));
  return ctes;
}

/** The snapshot's derived columns, in the order both statements write them. */
function applicationValues(s: Statement, values: ApplicationColumns): [string, string][] {
  return [
    ['state', s.param(values.state, 'text')],
    ['snapshot', s.param(JSON.stringify(storedSnapshot(values.snapshot)), 'jsonb')],
    ['data', s.param(JSON.stringify(values.data), 'jsonb')],
    ['title', s.param(values.title, 'text')],
    ['district', s.param(values.district, 'text')],
    ['requested_cents', s.param(values.requestedCents, 'int')],
    ['granted_cents', s.param(values.grantedCents, 'int')],
    ['received_on', s.param(values.receivedOn, 'date')],
    ['decision_due_on', s.param(values.decisionDueOn, 'date')],
    ['next_deadline_on', s.param(values.nextDeadlineOn, 'date')],
    ['deadlines_recompute_on', s.param(values.deadlinesRecomputeOn, 'date')],
    ['suspended', s.param(values.suspended, 'boolean')],
    ['awaiting_decision', s.param(values.awaitingDecision, 'boolean')],
    ['awaiting_approval', s.param(values.awaitingApproval, 'boolean')],
    ['decision_after_activity', s.param(values.decisionAfterActivity, 'boolean')],
    ['submitted_at', s.param(values.submittedAt, 'timestamptz')],
  ];
}

/** `insert into application_history ... select <application>, <seq>, ... from <source>`. */
function historyInsert(
  s: Statement,
  h: Omit<NewHistory, 'applicationId'>,
  parts: { application: string; seq: string; source: string; id?: string },
): string {
  return `insert into application_history
      (application_id, seq, event, from_state, to_state, actor_id, actor_name, actor_roles,
       on_behalf_of, payload, at${parts.id ? ', id' : ''})
    select ${parts.application}, ${parts.seq},
      ${s.param(h.event, 'text')}, ${s.param(h.fromState, 'text')},
      ${s.param(h.toState, 'text')}, ${s.param(h.actorId, 'text')},
      ${s.param(h.actorName ?? null, 'text')},
      ${s.param(h.actorRoles, 'text[]')}, ${s.param(h.onBehalfOf, 'uuid')},
      ${s.param(JSON.stringify(h.payload ?? {}), 'jsonb')}, ${s.param(h.at, 'timestamptz')}
      ${parts.id ? `, ${s.param(parts.id, 'uuid')}` : ''}
    from ${parts.source}
    returning id, seq`;
}

/**
 * Inserts a new application with the next reference of `year` (PREFIX-YYYY-NNNNNN: the
 * workflow's prefix, the number from the year's sequence, shared by all workflows) and its first
 * history row, in one statement; returns the row as findApplication would.
 */
export async function insertApplicationWithHistory(
  trx: Transaction<DB>,
  values: ApplicationColumns & {
    year: number;
    /** The workflow's reference prefix (engine referencePrefix): two to five capitals. */
    referencePrefix: string;
    regulationId: string;
    applicantId: string;
    createdBy: string;
    definitionKey: string;
    definitionVersion: number;
    now: Date;
  },
  h: Omit<NewHistory, 'applicationId'>,
): Promise<{ app: ApplicationRecord; historyId: string }> {
  if (!Number.isInteger(values.year)) throw new Error(`bad year ${values.year}`);
  if (!/^[A-Z]{2,5}$/.test(values.referencePrefix)) {
    throw new Error(`bad reference prefix ${values.referencePrefix}`);
  }
  const s = new Statement();
  const prefix = s.param(`${values.referencePrefix}-${values.year}-`, 'text');
  const sequence = s.param(`application_reference_${values.year}`, 'regclass');
  const columns: [string, string][] = [
    ['reference', `${prefix} || lpad(nextval(${sequence})::text, 6, '0')`],
    ['regulation_id', s.param(values.regulationId, 'uuid')],
    ['applicant_id', s.param(values.applicantId, 'uuid')],
    ['created_by', s.param(values.createdBy, 'uuid')],
    ['definition_key', s.param(values.definitionKey, 'text')],
    ['definition_version', s.param(values.definitionVersion, 'int')],
    ...applicationValues(s, values),
    ['version', '1'],
    ['created_at', s.param(values.now, 'timestamptz')],
    ['updated_at', s.param(values.now, 'timestamptz')],
  ];
  const history = historyInsert(s, h, { application: 'inserted.id', seq: '1', source: 'inserted' });
  // `date` columns come back as 'YYYY-MM-DD' from both drivers (db/database.ts), as
  // findApplication reads them.
  const [row] = await s.run<ApplicationRecord & { history_id: string }>(
    trx,
    `with inserted as (insert into applications (${columns.map(([c]) => c).join(', ')})
      values (${columns.map(([, v]) => v).join(', ')})
      returning *),
    history as (${history})
    select inserted.*, history.id as history_id from inserted, history`,
  );
  if (!row) throw new Error('insert into applications returned no row');
  const { history_id, ...app } = row;
  return { app: withFormData(app), historyId: history_id };
}

/**
 * The snapshot's update, its history row and the step's other writes in one statement (one round
 * trip): the history row is inserted from the update's RETURNING, so it exists exactly when the
 * update hit. Written as SQL text rather than built by Kysely on every command: the text depends
 * only on which kinds of writes the step has (timers, letters, outbox rows), never on their
 * number, so there are eight texts in all and PostgreSQL prepares each once per connection.
 */
export async function updateApplicationWithHistory(
  trx: Transaction<DB>,
  id: string,
  expectedVersion: number,
  values: ApplicationColumns & { now: Date; assignTo?: string | null },
  h: NewHistory & { id?: string },
  /**
   * What the step writes beside its snapshot, in the same statement: its timer changes (see
   * timerCtes) and its letters and notices (see planMessaging, made with `h.id`).
   */
  extra: { timers?: TimerChanges; messages?: MessagingPlan } = {},
): Promise<{ version: number; historyId: string; seq: number }> {
  const s = new Statement();
  const ctes = stepWriteCtes(s, id, values.now, extra);
  const set = applicationValues(s, values).map(([c, v]) => `${c} = ${v}`);
  const definitionVersion = s.param(values.definitionVersion ?? null, 'int');
  // A handler for a case nobody handles (claims.service.ts assignOnStep); always in the text, so
  // the statement's text stays one of the eight.
  const assignTo = s.param(values.assignTo ?? null, 'uuid');
  const assignedAt = s.param(values.now, 'timestamptz');
  ctes.push(`updated as (update applications set ${set.join(', ')},
      assigned_at = case when assignee_id is null and ${assignTo} is not null
        then ${assignedAt} else assigned_at end,
      assignee_id = coalesce(assignee_id, ${assignTo}),
      definition_version = coalesce(${definitionVersion}, definition_version),
      version = version + 1,
      updated_at = ${s.param(values.now, 'timestamptz')}
    where id = ${s.param(id, 'uuid')} and version = ${s.param(expectedVersion, 'int')}
    returning version)`);
  const application = s.param(h.applicationId, 'uuid');
  const seq = `(select coalesce(max(seq), 0) + 1 from application_history
      where application_id = ${application})`;
  const history = historyInsert(s, h, {
    application,
    seq,
    source: 'updated',
    id: h.id ?? randomUUID(),
  });
  ctes.push(`history as (${history})`);
  const [row] = await s.run<{ version: number; id: string; seq: number }>(
    trx,
    `with ${ctes.join(',\n')}
    select updated.version, history.id, history.seq from updated, history`,
  );
  // The row is locked FOR UPDATE, so a miss here is a bug, not a race.
  if (!row) throw new Error(`application ${id} changed under its lock`);
  return { version: row.version, historyId: row.id, seq: row.seq };
}
