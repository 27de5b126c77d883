import { randomUUID } from 'node:crypto';
import {
  formatDate,
  objectionDeadline,
  paymentDeadline,
  renderTemplate,
  toAmsterdamDate,
  type WorkflowDefinition,
  withTidyFreeText,
} from '@initiatief/engine';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import { AppError } from '../errors';
import { buildLetterContent } from '../letters/letter.content';
import { applicationsWithLogin, finishedLetter } from '../letters/letter.links';
import type { LetterContent, LetterKind } from '../letters/letter.types';
import { paperNoticeOf, templateOf } from '../messaging/messaging.service';
import { postDecisionLetter } from './print.decision';
import {
  batchOfAnotherDay,
  batchPostedAlready,
  nothingToPrint,
  postedToday,
} from './print.refusals';
import {
  type BatchRow,
  findBatch,
  lettersOfBatch,
  listBatches,
  openBatchOf,
  type PostalAddress,
  postalAddresses,
  type WaitingLetter,
  waitingLetters,
} from './print.repository';
import { type PostingActor, postSupplementRequest } from './print.supplement';
import { overtakenLetters } from './print.withhold';

/** A letter can go in the envelope only with a street, a postcode and a city to show. */
export function isPostable(address: PostalAddress | undefined): address is PostalAddress {
  return Boolean(address?.street?.trim() && address.postcode?.trim() && address.city?.trim());
}

/**
 * A paper letter dated for its posting day: the same template and variables as when it was
 * issued, with today's date and the objection deadline that runs from the day after posting
 * (Awb 3:41, 6:8), addressed to where the resident lives now (she may have moved, or given an
 * address only after her e-mail bounced).
 */
export function redateLetter(
  letter: WaitingLetter,
  definition: WorkflowDefinition,
  postingDate: string,
  address: PostalAddress,
  /** A request to supplement's period counted from the posting day (print.supplement.ts). */
  supplementDueOn?: string,
): LetterContent {
  const content = letter.content;
  const objection = objectionDeadline(postingDate);
  if (letter.template_key.startsWith('shell.') || content.wordsAsSent) {
    // A letter of the shell's own (the penalty decision, src/desk/) has no template in the
    // workflow, and a notice whose mail bounced keeps the mail's words (bounce.service.ts): the
    // words and sign-off stay as issued, the date and objection day become the posting day's.
    const { closing, onBehalfOf, role } = content.signature;
    const signOff = [closing, onBehalfOf, role].filter(Boolean).join('\n');
    const built = buildLetterContent({
      kind: letter.kind as LetterKind,
      language: content.language,
      reference: letter.reference,
      sentOn: postingDate,
      objectionLastDay: objection.date,
      recipient: address,
      subject: content.subject,
      body: [content.salutation, ...content.paragraphs, signOff].join('\n\n'),
      variables: content.variables,
      conditions: content.conditions,
      sender: content.sender,
    });
    return content.wordsAsSent ? { ...built, wordsAsSent: true } : built;
  }
  // A notice that the workflow only mails is printed from the mail's text, signed as a letter
  // (messaging.plan.ts, paperNoticeOf).
  const { text, language } =
    letter.kind === 'notice'
      ? paperNoticeOf(definition, letter.template_key, letter.language)
      : templateOf(definition, 'letters', letter.template_key, letter.language);
  // Free text is stored tidied (messaging.texts.ts); a letter issued before that is tidied now.
  const variables = withTidyFreeText({
    ...content.variables,
    today: formatDate(postingDate, language),
    objectionDeadline: formatDate(objection.date, language),
    ...(supplementDueOn ? { supplementDueDate: formatDate(supplementDueOn, language) } : {}),
    // Money to pay back: six weeks from the posting day (Awb 4:87), as the objection period.
    ...(content.variables.reclaimDueDate
      ? { reclaimDueDate: formatDate(paymentDeadline(postingDate).date, language) }
      : {}),
  });
  const built = buildLetterContent({
    kind: letter.kind as LetterKind,
    language,
    reference: letter.reference,
    sentOn: postingDate,
    objectionLastDay: objection.date,
    recipient: address,
    subject: renderTemplate(text.subject, variables, content.conditions),
    body: renderTemplate(text.body, variables, content.conditions),
    variables,
    conditions: content.conditions,
    // The letterhead it was issued with: a letter's sender never changes (letterhead.ts).
    sender: content.sender,
  });
  return built;
}

/**
 * One batch a day: once today's batch is posted, letters that came after it wait for tomorrow's
 * (dated tomorrow, when they go in the post), not a second batch the same day.
 */
async function refuseSecondPostingToday(trx: Transaction<DB>, postingDate: string): Promise<void> {
  const posted = await trx
    .selectFrom('print_batches')
    .select('id')
    .where('posting_date', '=', postingDate)
    .where('status', '=', 'posted')
    .executeTakeFirst();
  if (posted) {
    throw postedToday();
  }
}

/**
 * Puts every waiting paper letter whose resident has a postal address in today's batch, each
 * dated today with its objection deadline from today. Letters from an earlier day's batch that
 * was never posted move along and are dated again. A letter without an address waits (the queue
 * says so) rather than go in an envelope with only a name on it. Answers the batch; a conflict
 * when no letter can go.
 */
export async function createPrintBatch(
  db: Kysely<DB>,
  args: { now: Date; actor: PostingActor },
): Promise<BatchRow> {
  const postingDate = toAmsterdamDate(args.now);
  const batchId = await db.transaction().execute(async (trx) => {
    await refuseSecondPostingToday(trx, postingDate);
    const waiting = await waitingLetters(trx, { before: postingDate, forUpdate: true });
    const addresses = await postalAddresses(
      trx,
      waiting.map((l) => l.application_id),
    );
    const letters = waiting.filter((l) => isPostable(addresses.get(l.application_id)));
    const id = await openBatchOf(trx, postingDate, {
      id: randomUUID(),
      now: args.now,
      actorId: args.actor.id,
    });
    if (letters.length === 0) {
      const already = await lettersOfBatch(trx, id);
      if (already.length === 0) {
        throw nothingToPrint(waiting.length);
      }
      return id;
    }
    // A request to supplement's period runs from its posting day; the letters of that step
    // (the request and a notice printed beside it) state the new last day.
    const supplementDue = new Map<string, string>();
    for (const letter of letters) {
      const due = await postSupplementRequest(trx, letter, {
        postingDate,
        now: args.now,
        actor: args.actor,
      });
      if (due && letter.history_id) supplementDue.set(letter.history_id, due);
    }
    const left = new Set<string>();
    for (const letter of letters) {
      const definition = await loadDefinition(
        trx,
        letter.definition_key,
        letter.definition_version,
      );
      const address = addresses.get(letter.application_id) as PostalAddress;
      const content = redateLetter(
        letter,
        definition,
        postingDate,
        address,
        letter.history_id ? supplementDue.get(letter.history_id) : undefined,
      );
      if (letter.print_batch_id) left.add(letter.print_batch_id);
      await trx
        .updateTable('documents')
        .set({
          content: JSON.stringify(content),
          subject: content.subject,
          sent_on: postingDate,
          objection_deadline: content.objection ? content.objection.lastDay : null,
          print_batch_id: id,
        })
        .where('id', '=', letter.id)
        .execute();
    }
    // An earlier day's batch that was never posted and is now empty goes away.
    for (const old of left) {
      const rest = await lettersOfBatch(trx, old);
      if (rest.length === 0) {
        await trx
          .deleteFrom('print_batches')
          .where('id', '=', old)
          .where('status', '=', 'open')
          .execute();
      }
    }
    return id;
  });
  const [batch] = (await listBatches(db, 100)).filter((b) => b.id === batchId);
  if (!batch) throw new Error(`print batch ${batchId} vanished`);
  return batch;
}

/** The batch as one PDF to print (rendered on request; its letters never change once posted). */
export async function printBatchPdf(
  db: Kysely<DB>,
  id: string,
  publicUrl: string,
): Promise<{ pdf: Uint8Array; batch: Omit<BatchRow, 'letters'> }> {
  const batch = await findBatch(db, id);
  if (!batch) throw new AppError('not_found', 'There is no such print batch.');
  const letters = await lettersOfBatch(db, id);
  const withLogin = await applicationsWithLogin(
    db,
    letters.map((l) => l.application_id),
  );
  const contents = letters.map((letter) =>
    finishedLetter(letter, publicUrl, withLogin.has(letter.application_id)),
  );
  // react-pdf is loaded with the first batch, not at start-up (half a second to import).
  const { renderPrintBatchPdf } = await import('./print.pdf');
  const pdf = await renderPrintBatchPdf(contents, `Postbatch ${batch.posting_date}`);
  return { pdf, batch };
}

/**
 * Records that the batch went into the post today: its letters are sent as of its posting
 * date, and each letter's own PDF is rendered (after commit) with that date. A batch of an
 * earlier day cannot be marked posted: its letters would carry the wrong date; print today's.
 */
export async function markBatchPosted(
  db: Kysely<DB> | Transaction<DB>,
  args: { id: string; now: Date; actor: PostingActor },
): Promise<void> {
  const today = toAmsterdamDate(args.now);
  await (db as Kysely<DB>).transaction().execute(async (trx) => {
    const batch = await findBatch(trx, args.id, { forUpdate: true });
    if (!batch) throw new AppError('not_found', 'There is no such print batch.');
    if (batch.status === 'posted') {
      throw batchPostedAlready();
    }
    if (String(batch.posting_date) !== today) {
      throw batchOfAnotherDay(String(batch.posting_date));
    }
    await trx
      .updateTable('print_batches')
      .set({ status: 'posted', posted_at: args.now, posted_by: args.actor.id })
      .where('id', '=', args.id)
      .execute();
    const letters = await trx
      .updateTable('documents')
      .set({ posted_on: today })
      .where('print_batch_id', '=', args.id)
      .returning(['id', 'application_id', 'history_id', 'kind', 'objection_deadline', 'created_at'])
      .execute();
    // A decision takes effect when it is sent: its application now counts from today.
    for (const letter of letters) {
      if (letter.objection_deadline === null) continue;
      if (letter.kind === 'penalty') {
        // The penalty's decision is the shell's, not the workflow's: it is set on its posting day.
        await trx
          .updateTable('applications')
          .set({ notice_penalty_set_on: today })
          .where('id', '=', letter.application_id)
          .execute();
        continue;
      }
      await postDecisionLetter(trx, letter, {
        postingDate: today,
        now: args.now,
        actor: args.actor,
      });
    }
    if (letters.length > 0) {
      await trx
        .insertInto('outbox')
        .values(
          letters.map((letter) => ({
            id: randomUUID(),
            kind: 'render' as const,
            application_id: letter.application_id,
            history_id: letter.history_id,
            document_id: letter.id,
            next_attempt_at: args.now,
            created_at: args.now,
            updated_at: args.now,
          })),
        )
        .execute();
    }
  });
}

/**
 * Waiting letters with where each goes now (`address` null: no complete postal address yet) and
 * whose letter it is, and the batches.
 */
export async function printQueue(db: Kysely<DB>) {
  const [waiting, batches] = await Promise.all([waitingLetters(db), listBatches(db)]);
  const [addresses, overtaken] = await Promise.all([
    postalAddresses(
      db,
      waiting.map((l) => l.application_id),
    ),
    overtakenLetters(db, waiting),
  ]);
  return {
    overtaken,
    waiting: waiting.map((letter) => {
      const address = addresses.get(letter.application_id);
      return {
        letter,
        applicantId: address?.applicantId ?? null,
        address: isPostable(address) ? address : null,
      };
    }),
    batches,
  };
}
