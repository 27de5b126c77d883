import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { LetterContent } from '../letters/letter.types';

type Db = Kysely<DB> | Transaction<DB>;

export interface WaitingLetter {
  id: string;
  application_id: string;
  history_id: string | null;
  kind: string;
  template_key: string;
  definition_key: string;
  definition_version: number;
  language: 'nl' | 'en';
  reference: string;
  content: LetterContent;
  print_batch_id: string | null;
  created_at: Date;
}

const LETTER_COLUMNS = [
  'documents.id',
  'documents.application_id',
  'documents.history_id',
  'documents.kind',
  'documents.template_key',
  'documents.definition_key',
  'documents.definition_version',
  'documents.language',
  'documents.reference',
  'documents.content',
  'documents.print_batch_id',
  'documents.created_at',
] as const;

/**
 * Paper letters not yet posted, oldest first: those in no batch and those in an open batch of
 * an earlier day that was never posted (they are dated again when printed today).
 */
export async function waitingLetters(
  db: Db,
  options: { before?: string; forUpdate?: boolean } = {},
): Promise<WaitingLetter[]> {
  let query = db
    .selectFrom('documents')
    .leftJoin('print_batches as b', 'b.id', 'documents.print_batch_id')
    .select(LETTER_COLUMNS)
    .where('documents.channel', '=', 'paper')
    .where('documents.posted_on', 'is', null)
    .where('documents.withheld_at', 'is', null);
  if (options.before) {
    const before = options.before;
    query = query.where((eb) =>
      eb.or([eb('documents.print_batch_id', 'is', null), eb('b.posting_date', '<', before)]),
    );
  }
  if (options.forUpdate) query = query.forUpdate(['documents']);
  return (await query.orderBy('documents.seq').execute()) as WaitingLetter[];
}

export async function lettersOfBatch(db: Db, batchId: string): Promise<WaitingLetter[]> {
  return (await db
    .selectFrom('documents')
    .select(LETTER_COLUMNS)
    .where('documents.print_batch_id', '=', batchId)
    .orderBy('documents.seq')
    .execute()) as WaitingLetter[];
}

export interface BatchRow {
  id: string;
  posting_date: string;
  status: 'open' | 'posted';
  created_at: Date;
  posted_at: Date | null;
  letters: number;
}

export async function listBatches(db: Db, limit = 30): Promise<BatchRow[]> {
  return db
    .selectFrom('print_batches as b')
    .select(['b.id', 'b.posting_date', 'b.status', 'b.created_at', 'b.posted_at'])
    .select((eb) =>
      eb
        .selectFrom('documents as d')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('d.print_batch_id', '=', 'b.id')
        .as('letters'),
    )
    .orderBy('b.posting_date', 'desc')
    .orderBy('b.created_at', 'desc')
    .limit(limit)
    .execute() as Promise<BatchRow[]>;
}

export async function findBatch(
  db: Db,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Omit<BatchRow, 'letters'> | undefined> {
  let query = db
    .selectFrom('print_batches')
    .select(['id', 'posting_date', 'status', 'created_at', 'posted_at'])
    .where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The open batch of a posting day, created when there is none (one per day: partial index). */
export async function openBatchOf(
  db: Db,
  postingDate: string,
  create: { id: string; now: Date; actorId: string | null },
): Promise<string> {
  await db
    .insertInto('print_batches')
    .values({
      id: create.id,
      posting_date: postingDate,
      created_at: create.now,
      created_by: create.actorId,
    })
    .onConflict((oc) => oc.column('posting_date').where('status', '=', 'open').doNothing())
    .execute();
  const row = await db
    .selectFrom('print_batches')
    .select('id')
    .where('posting_date', '=', postingDate)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Where a resident's letters go by post now: her current name and postal address. */
export interface PostalAddress {
  /** The resident, whose details a clerk completes when the address is missing. */
  applicantId: string;
  name: string;
  street: string | null;
  postcode: string | null;
  city: string | null;
}

/** The current postal address of each application's resident (moved house: the new one). */
export async function postalAddresses(
  db: Db,
  applicationIds: string[],
): Promise<Map<string, PostalAddress>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('users as u', 'u.id', 'a.applicant_id')
    .select(['a.id', 'a.applicant_id', 'u.name', 'u.street', 'u.postcode', 'u.city'])
    .where('a.id', 'in', [...new Set(applicationIds)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        applicantId: r.applicant_id,
        name: r.name,
        street: r.street,
        postcode: r.postcode,
        city: r.city,
      },
    ]),
  );
}
