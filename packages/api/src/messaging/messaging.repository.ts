import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { SUPPORTER_INVITATION } from './mail.compose';
import type { DocumentRow, OutboxRow, OutboxStatus } from './messaging.table';

type Db = Kysely<DB> | Transaction<DB>;

/** Document columns without the PDF bytes (lists, metadata). */
const DOCUMENT_META = [
  'id',
  'application_id',
  'history_id',
  'kind',
  'template_key',
  'definition_key',
  'definition_version',
  'language',
  'reference',
  'subject',
  'sent_on',
  'objection_deadline',
  'sha256',
  'byte_size',
  'created_at',
  'rendered_at',
  'channel',
  'posted_on',
  'withheld_at',
  'withheld_reason',
] as const;

export type DocumentMeta = Pick<DocumentRow, (typeof DOCUMENT_META)[number]>;

export async function listDocumentsOfApplication(
  db: Db,
  applicationId: string,
): Promise<DocumentMeta[]> {
  return db
    .selectFrom('documents')
    .select(DOCUMENT_META)
    .where('application_id', '=', applicationId)
    .orderBy('seq', 'asc')
    .execute();
}

export async function findDocumentMeta(db: Db, id: string): Promise<DocumentMeta | undefined> {
  return db.selectFrom('documents').select(DOCUMENT_META).where('id', '=', id).executeTakeFirst();
}

export async function findDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Stores a rendered PDF once. A document that already has its bytes keeps them (a retried
 * render after a crash never replaces an issued letter); returns whether this call stored them.
 */
export async function storeRenderedPdf(
  db: Db,
  id: string,
  pdf: Uint8Array,
  sha256: string,
  now: Date,
): Promise<boolean> {
  const row = await db
    .updateTable('documents')
    .set({ pdf, sha256, byte_size: pdf.byteLength, rendered_at: now })
    .where('id', '=', id)
    .where('sha256', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export interface ClaimOptions {
  now: Date;
  limit: number;
  /** How long the claim holds; after it a crashed worker's rows are claimed again. */
  leaseMs: number;
  /** The claiming worker (claimed_by); a late worker records no failure over another's claim. */
  workerId?: string;
}

/** A claimed outbox job; takenOver: another worker had claimed it and let its lease run out. */
export type ClaimedJob = OutboxRow & { takenOver: boolean };

/** Open jobs that can run: a mail that carries a letter only once that letter has its PDF. */
function runnable(eb: ExpressionBuilder<DB, 'outbox'>) {
  return eb.and([
    eb('outbox.status', 'in', ['pending', 'processing']),
    eb.or([
      eb('outbox.kind', '=', 'render'),
      eb('outbox.document_id', 'is', null),
      eb.exists(
        eb
          .selectFrom('documents as d')
          .select(sql.lit(1).as('one'))
          .whereRef('d.id', '=', 'outbox.document_id')
          .where('d.sha256', 'is not', null),
      ),
    ]),
  ]);
}

/**
 * Claims due jobs in one short transaction (FOR UPDATE SKIP LOCKED, so workers never wait on
 * each other): marks them processing, counts the attempt and sets the lease. A row still
 * processing whose lease ran out (next_attempt_at is the lease's end) is taken over.
 */
export async function claimDueJobs(db: Kysely<DB>, options: ClaimOptions): Promise<ClaimedJob[]> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('outbox')
      .select(['outbox.id', 'outbox.status'])
      .where(runnable)
      .where('outbox.next_attempt_at', '<=', options.now)
      .orderBy('outbox.next_attempt_at')
      .limit(options.limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    const rows = await trx
      .updateTable('outbox')
      .set((eb) => ({
        status: 'processing',
        attempts: eb('attempts', '+', 1),
        locked_until: leaseUntil,
        claimed_by: options.workerId ?? null,
        next_attempt_at: leaseUntil,
        updated_at: options.now,
      }))
      .where(
        'id',
        'in',
        due.map((r) => r.id),
      )
      .returningAll()
      .execute();
    const before = new Map(due.map((r) => [r.id, r.status]));
    return rows.map((row) => ({ ...row, takenOver: before.get(row.id) === 'processing' }));
  });
}

/** Moves the lease of jobs this worker still holds (a slow round keeps its claims). */
export async function renewJobLeases(
  db: Db,
  ids: readonly string[],
  options: { workerId: string; leaseUntil: Date },
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ locked_until: options.leaseUntil, next_attempt_at: options.leaseUntil })
    .where('id', 'in', ids)
    .where('status', '=', 'processing')
    .where('claimed_by', '=', options.workerId)
    .execute();
}

/** When the next outbox job becomes claimable (null: none waiting). */
export async function nextJobAt(db: Db): Promise<Date | null> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.min('outbox.next_attempt_at').as('at'))
    .where(runnable)
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : null;
}

/**
 * Records finished jobs, one statement for a whole round. A sent account mail (auth/account-links)
 * keeps no working link, and a sent invitation to a supporter neither its link nor its six-digit
 * code (supporters.service.ts writes "Uw code: 123456" and "with code 123456"): both are stored
 * only hashed, and a copy in the outbox would let whoever reads the table use them.
 */
export async function markDone(db: Db, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({
      status: 'done',
      done_at: now,
      locked_until: null,
      claimed_by: null,
      last_error: null,
      updated_at: now,
      body: sql<string>`case
        when template_key like 'account\\_%'
          then regexp_replace(body, '([?&]token=)[A-Za-z0-9_-]+', '\\1(verstuurd/sent)', 'g')
        when template_key = ${SUPPORTER_INVITATION}
          then regexp_replace(
            regexp_replace(body, '([?&]token=)[A-Za-z0-9_-]+', '\\1(verstuurd/sent)', 'g'),
            '(code:? )[0-9]{6}', '\\1(verstuurd/sent)', 'g')
        else body end`,
    })
    .where('id', 'in', [...ids])
    .execute();
}

/**
 * Records a failed attempt: back to pending at `retryAt`, or failed for good. With a workerId,
 * only while the row is still that worker's claim.
 */
export async function markAttemptFailed(
  db: Db,
  id: string,
  outcome: { now: Date; error: string; retryAt: Date | null; workerId?: string },
): Promise<boolean> {
  let query = db
    .updateTable('outbox')
    .set({
      status: outcome.retryAt ? 'pending' : 'failed',
      next_attempt_at: outcome.retryAt ?? outcome.now,
      locked_until: null,
      claimed_by: null,
      last_error: outcome.error.slice(0, 2000),
      updated_at: outcome.now,
    })
    .where('id', '=', id);
  if (outcome.workerId) {
    query = query.where('status', '=', 'processing').where('claimed_by', '=', outcome.workerId);
  }
  // False when the claim was lost (another worker holds the row now): nothing was recorded.
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** For a render job: whom its letter is addressed to, its channel and when it was posted. */
export interface OutboxLetterFields {
  letter_recipient: string | null;
  letter_channel: 'email' | 'paper' | null;
  letter_posted_on: string | null;
  /** The letter's own subject, as its addressee reads it. */
  letter_subject: string | null;
  /** The language the letter is in (its subject's). */
  letter_language: 'nl' | 'en' | null;
}
export type OutboxListItem = Omit<OutboxRow, 'body' | 'variables' | 'claimed_by'> &
  Partial<OutboxLetterFields>;

/** Outbox rows for staff: failed first, then the most recently changed. */
export async function listOutbox(
  db: Db,
  options: { status?: OutboxStatus; kind?: 'mail' | 'render'; limit: number },
): Promise<OutboxListItem[]> {
  let query = db
    .selectFrom('outbox')
    .select([
      'id',
      'kind',
      'application_id',
      'history_id',
      'document_id',
      'message_id',
      'recipient_email',
      'recipient_name',
      'audience',
      'language',
      'template_key',
      'subject',
      'status',
      'attempts',
      'max_attempts',
      'next_attempt_at',
      'locked_until',
      'last_error',
      'created_at',
      'updated_at',
      'done_at',
    ])
    .select((eb) => {
      const letter = () =>
        eb.selectFrom('documents as d').whereRef('d.id', '=', 'outbox.document_id');
      return [
        letter()
          .select(sql<string>`d.content #>> '{recipient,name}'`.as('n'))
          .as('letter_recipient'),
        letter().select('d.channel').as('letter_channel'),
        letter().select('d.posted_on').as('letter_posted_on'),
        letter().select('d.subject').as('letter_subject'),
        letter().select('d.language').as('letter_language'),
      ];
    });
  if (options.status) query = query.where('status', '=', options.status);
  if (options.kind) query = query.where('kind', '=', options.kind);
  return query
    .orderBy(
      sql`CASE status WHEN 'failed' THEN 0 WHEN 'processing' THEN 1 WHEN 'pending' THEN 2 ELSE 3 END`,
    )
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(options.limit)
    .execute();
}

export async function findOutbox(db: Db, id: string): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Puts a failed job back in the queue with a fresh set of attempts; undefined if not failed. */
/** Puts a failed message back in the queue and wakes the workers (see 0007_outbox_notify.sql). */
export async function retryFailed(db: Db, id: string, now: Date): Promise<OutboxRow | undefined> {
  const row = await db
    .updateTable('outbox')
    .set({
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      locked_until: null,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returningAll()
    .executeTakeFirst();
  if (row) await sql`select pg_notify('outbox', '')`.execute(db);
  return row;
}

export async function countByStatus(db: Db): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<OutboxStatus, number> = { pending: 0, processing: 0, done: 0, failed: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}
