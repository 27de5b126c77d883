import type { Kysely } from 'kysely';
import { findApplication } from '../applications/applications.repository';
import { SHELL_EVENTS } from '../applications/shell-events';
import type { SessionUser } from '../context';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { DECISION_KINDS, type LetterKind } from '../letters/letter.types';
import { recordShellEvent } from '../queue/claims.service';
import {
  decisionNeverWithheld,
  letterPostedAlready,
  letterWithheldAlready,
} from './print.refusals';
import { lettersOfBatch } from './print.repository';

/** Whether a waiting paper letter may be withheld: anything but a decision. */
export function isWithholdable(kind: string): boolean {
  return !DECISION_KINDS.has(kind as LetterKind);
}

/**
 * Withholds a paper letter that events overtook before it was posted: the supplement it asks for
 * came in at the desk, the application was withdrawn. The letter leaves the queue (and the open
 * batch it was in, which must then be printed again), keeps its text, and a history row for staff
 * says who withheld it and why. A decision is never withheld: it takes effect only once it is
 * sent (Awb 3:41), and a later decision is what changes it.
 */
export async function withholdLetter(
  db: Kysely<DB>,
  args: { documentId: string; reason: string; now: Date; user: SessionUser },
): Promise<{
  /** The open batch the letter was taken out of, when it still has letters: print it again. */
  batchId: string | null;
  applicationId: string;
}> {
  return db.transaction().execute(async (trx) => {
    const letter = await trx
      .selectFrom('documents')
      .select([
        'id',
        'application_id',
        'kind',
        'subject',
        'channel',
        'posted_on',
        'withheld_at',
        'print_batch_id',
      ])
      .where('id', '=', args.documentId)
      .forUpdate()
      .executeTakeFirst();
    if (letter?.channel !== 'paper') {
      throw new AppError('not_found', 'There is no paper letter with this id.');
    }
    if (letter.withheld_at) throw letterWithheldAlready();
    if (letter.posted_on) throw letterPostedAlready();
    if (!isWithholdable(letter.kind)) throw decisionNeverWithheld();
    await trx
      .updateTable('documents')
      .set({
        withheld_at: args.now,
        withheld_by: args.user.id,
        withheld_reason: args.reason,
        print_batch_id: null,
      })
      .where('id', '=', letter.id)
      .execute();
    // An open batch the letter was in: printed again without it, or gone when it was the last.
    let batchId = letter.print_batch_id;
    if (batchId && (await lettersOfBatch(trx, batchId)).length === 0) {
      await trx
        .deleteFrom('print_batches')
        .where('id', '=', batchId)
        .where('status', '=', 'open')
        .execute();
      batchId = null;
    }
    const app = await findApplication(trx, letter.application_id, { forUpdate: true });
    if (!app) throw new Error(`application of letter ${letter.id} missing`);
    await recordShellEvent(trx, app, args.user, SHELL_EVENTS.letterWithheld, args.now, {
      documentId: letter.id,
      kind: letter.kind,
      subject: letter.subject,
      reason: args.reason,
    });
    return { batchId, applicationId: letter.application_id };
  });
}

/**
 * Of the given waiting letters, those whose application is no longer in the state the letter's
 * step brought it to (a request for information answered, an application withdrawn): a hint for
 * whoever handles the post to read the letter again before it goes. An acknowledgement of an
 * application that is back in assessment after a supplement still holds, and is not marked.
 */
export async function overtakenLetters(
  db: Kysely<DB>,
  letters: { id: string; history_id: string | null }[],
): Promise<Set<string>> {
  const ids = letters.filter((l) => l.history_id !== null).map((l) => l.id);
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('documents as d')
    .innerJoin('application_history as issued', 'issued.id', 'd.history_id')
    .innerJoin('applications as a', 'a.id', 'd.application_id')
    .select('d.id')
    .where('d.id', 'in', ids)
    .whereRef('a.state', '<>', 'issued.to_state')
    .execute();
  return new Set(rows.map((r) => r.id));
}
