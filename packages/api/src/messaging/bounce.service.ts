import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { SYSTEM_ACTOR } from '../applications/applications.access';
import { insertHistory } from '../applications/applications.repository';
import { SHELL_EVENTS } from '../applications/shell-events';
import type { DB } from '../db/schema';
import type { OutboxRow } from './messaging.table';

/**
 * Awb 2:14: a letter mailed to a resident whose address is refused for good (a permanent SMTP
 * reply) has not reached her, and she has no working address for electronic decisions. The
 * letter goes into the print queue as a paper copy (dated by its posting, like any paper
 * letter, so its objection period runs from then) and her channel becomes paper, so later
 * letters do not try the dead address again. Returns the paper letter's id, or null when the
 * failed mail carried no letter of hers.
 */
export async function fallBackToPaper(
  trx: Transaction<DB>,
  row: Pick<OutboxRow, 'kind' | 'audience' | 'document_id'>,
  now: Date,
): Promise<string | null> {
  if (row.kind !== 'mail' || row.audience !== 'applicant' || !row.document_id) return null;
  const letter = await trx
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', row.document_id)
    .executeTakeFirst();
  if (letter?.channel !== 'email') return null;
  const app = await trx
    .selectFrom('applications')
    .select('applicant_id')
    .where('id', '=', letter.application_id)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('users')
    .set({ letter_channel: 'paper', updated_at: now })
    .where('id', '=', app.applicant_id)
    .execute();
  // One paper copy per letter, however often staff retry the mail.
  const copy = await trx
    .selectFrom('documents')
    .select('id')
    .where('application_id', '=', letter.application_id)
    .where('channel', '=', 'paper')
    .where('template_key', '=', letter.template_key)
    .where((eb) =>
      letter.history_id === null
        ? eb('history_id', 'is', null)
        : eb('history_id', '=', letter.history_id),
    )
    .executeTakeFirst();
  if (copy) return copy.id;
  const id = randomUUID();
  await trx
    .insertInto('documents')
    .values({
      id,
      application_id: letter.application_id,
      history_id: letter.history_id,
      kind: letter.kind,
      template_key: letter.template_key,
      definition_key: letter.definition_key,
      definition_version: letter.definition_version,
      language: letter.language,
      reference: letter.reference,
      subject: letter.subject,
      content: JSON.stringify(letter.content),
      sent_on: letter.sent_on,
      objection_deadline: letter.objection_deadline,
      channel: 'paper',
      created_at: now,
    })
    .execute();
  return id;
}

/**
 * Notes the bounce in the application's history, so the resident and staff see that a mail did
 * not arrive and whether its letter went by post. The application row is locked first, as every
 * command does before it adds a history row.
 */
export async function recordBounce(
  trx: Transaction<DB>,
  row: Pick<OutboxRow, 'application_id' | 'subject'>,
  paperLetterId: string | null,
  now: Date,
): Promise<void> {
  if (!row.application_id) return;
  const app = await trx
    .selectFrom('applications')
    .select(['id', 'state'])
    .where('id', '=', row.application_id)
    .forUpdate()
    .executeTakeFirst();
  if (!app) return;
  await insertHistory(trx, {
    applicationId: app.id,
    event: SHELL_EVENTS.mailBounced,
    fromState: app.state,
    toState: app.state,
    actorId: SYSTEM_ACTOR.id,
    actorRoles: SYSTEM_ACTOR.roles,
    onBehalfOf: null,
    payload: { subject: row.subject ?? '', byPost: paperLetterId !== null },
    at: now,
  });
}
