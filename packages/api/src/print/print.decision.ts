import { decisionLetterSent, type PersistedSnapshot, toAmsterdamDate } from '@initiatief/engine';
import type { Transaction } from 'kysely';
import { findApplicationWithRegulation } from '../applications/applications.repository';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import { type PostingActor, persistPosting } from './print.supplement';

/**
 * A decision whose paper letter was posted later than the decision was made: the application
 * records the posting day (engine `decisionLetterSent`), so its page, the work queue and the
 * history give the same last day for objection as the letter in the envelope (Awb 3:41, 6:8).
 * Inside the transaction that marks the batch posted, through the command path.
 */
export async function postDecisionLetter(
  trx: Transaction<DB>,
  letter: { application_id: string; created_at: Date },
  args: { postingDate: string; now: Date; actor: PostingActor },
): Promise<void> {
  const found = await findApplicationWithRegulation(trx, letter.application_id, {
    forUpdate: true,
  });
  if (!found) return;
  const { app } = found;
  const decidedOn = toAmsterdamDate(new Date(letter.created_at));
  const result = decisionLetterSent(app.snapshot as PersistedSnapshot, {
    decidedOn,
    sentOn: args.postingDate,
    now: args.now,
    actor: { id: args.actor.id ?? 'system', roles: args.actor.roles },
  });
  if (!result) return;
  const definition = await loadDefinition(trx, app.definition_key, app.definition_version);
  await persistPosting(trx, found, definition, result, args);
  // A notice of default's penalty runs until the decision is made known: its posting day.
  if (app.notice_decided_on === decidedOn && args.postingDate > decidedOn) {
    await trx
      .updateTable('applications')
      .set({ notice_decided_on: args.postingDate })
      .where('id', '=', app.id)
      .execute();
  }
}
