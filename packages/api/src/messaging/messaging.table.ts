import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { LetterContent, LetterKind } from '../letters/letter.types';

/** jsonb: read as a value, written as a JSON string (works the same on pg and PGlite). */
type Json<T> = ColumnType<T, string, string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type OutboxKind = 'mail' | 'render';
export type OutboxStatus = 'pending' | 'processing' | 'done' | 'failed';
export type Language = 'nl' | 'en';

/** An issued letter (brief / beschikking); immutable once its PDF is set (trigger). */
export interface DocumentTable {
  id: string;
  /** Issue order. */
  seq: Generated<number>;
  application_id: string;
  history_id: string | null;
  kind: LetterKind;
  template_key: string;
  definition_key: string;
  definition_version: number;
  language: Language;
  reference: string;
  subject: string;
  content: Json<LetterContent>;
  sent_on: ColumnType<string, string, string>;
  objection_deadline: ColumnType<string | null, string | null, string | null>;
  pdf: Uint8Array | null;
  sha256: string | null;
  byte_size: number | null;
  created_at: DefaultTimestamp;
  rendered_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  /** How the letter reaches its addressee; a paper letter waits in the print queue. */
  channel: ColumnType<'email' | 'paper', 'email' | 'paper' | undefined, never>;
  print_batch_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The day a paper letter was posted: its date, and the start of the objection period. */
  posted_on: ColumnType<string | null, string | null | undefined, string | null>;
  /**
   * A paper letter withheld before the post because events overtook it, with who did it and why
   * (migration 0045); never a decision.
   */
  withheld_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  withheld_by: ColumnType<string | null, string | null | undefined, string | null>;
  withheld_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A day's print run of paper letters. */
export interface PrintBatchTable {
  id: string;
  posting_date: ColumnType<string, string, string>;
  status: ColumnType<'open' | 'posted', 'open' | 'posted' | undefined, 'open' | 'posted'>;
  created_at: DefaultTimestamp;
  created_by: string | null;
  posted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  posted_by: string | null;
}

/** One job of the transactional outbox: render a document, or send one mail. */
export interface OutboxTable {
  id: string;
  kind: OutboxKind;
  application_id: string | null;
  history_id: string | null;
  document_id: string | null;
  message_id: string | null;
  recipient_email: string | null;
  recipient_name: string | null;
  audience: 'applicant' | 'staff' | null;
  language: Language | null;
  template_key: string | null;
  subject: string | null;
  body: string | null;
  variables: ColumnType<Record<string, string> | null, string | null, string | null>;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  next_attempt_at: DefaultTimestamp;
  locked_until: ColumnType<Date | null, Date | string | null, Date | string | null>;
  /** The worker holding the lease (locked_until). */
  claimed_by: string | null;
  last_error: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  done_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface MessagingTables {
  documents: DocumentTable;
  outbox: OutboxTable;
  print_batches: PrintBatchTable;
}

export type DocumentRow = Selectable<DocumentTable>;
export type NewDocument = Insertable<DocumentTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type NewOutbox = Insertable<OutboxTable>;
