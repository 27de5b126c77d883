import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A `date` column: written as 'YYYY-MM-DD'; read it through `::text` (see applications.repository). */
type DateColumn = ColumnType<string, string, string>;
type NullableDateColumn = ColumnType<string | null, string | null | undefined, string | null>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface WorkflowDefinitionsTable {
  key: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  definition: Json;
  created_at: CreatedAt;
  published_at: Date | null;
  /** Raised by every save of a draft: the ETag of the policy editor (migrations/0019). */
  revision: Generated<number>;
  saved_by: ColumnType<string | null, string | null | undefined, string | null>;
  saved_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** How a regulation lets supporters confirm their support. */
export type SupporterConfirmation = 'digid' | 'digid_or_code';

/** subsidieregeling: one district, one year, one ceiling (subsidieplafond). */
export interface RegulationsTable {
  id: Generated<string>;
  code: string;
  title: string;
  district: string;
  year: number;
  ceiling_cents: number;
  max_amount_cents: number;
  direct_settlement_threshold_cents: Generated<number>;
  decision_term_weeks: Generated<number>;
  report_due_weeks: Generated<number>;
  settlement_four_eyes_above_cents: Generated<number | null>;
  /** How supporters may confirm (migrations/0033): DigiD only, or DigiD or the mailed code. */
  supporter_confirmation: Generated<SupporterConfirmation>;
  opens_on: DateColumn;
  closes_on: DateColumn;
  workflow_key: string;
  workflow_version: number;
  created_at: CreatedAt;
  /**
   * When a second policy officer approved it (migrations/0047); null: not open for applications.
   * Defaults to now() for a regulation written directly (seeds, tests).
   */
  approved_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface BudgetsTable {
  regulation_id: string;
  ceiling_cents: number;
  reserved_cents: Generated<number>;
  committed_cents: Generated<number>;
}

export interface ApplicationsTable {
  id: Generated<string>;
  reference: string;
  regulation_id: string;
  applicant_id: string;
  created_by: string;
  definition_key: string;
  definition_version: number;
  state: string;
  snapshot: Json;
  data: Json<Record<string, unknown>>;
  version: Generated<number>;
  title: Generated<string>;
  district: string;
  requested_cents: Generated<number>;
  granted_cents: number | null;
  received_on: NullableDateColumn;
  decision_due_on: NullableDateColumn;
  /** The next deadline as the application's page shows it: what "by deadline" sorts by. */
  next_deadline_on: NullableDateColumn;
  /** From this day `next_deadline_on` may be out of date without a step (the deadlines job). */
  deadlines_recompute_on: NullableDateColumn;
  suspended: Generated<boolean>;
  awaiting_decision: Generated<boolean>;
  /** In a state tagged awaiting_approval: a second person decides ("Te beslissen"). */
  awaiting_approval: Generated<boolean>;
  decision_after_activity: Generated<boolean>;
  /** A notice of default (ingebrekestelling): the day it came in (migration 0049). */
  notice_of_default_on: NullableDateColumn;
  /** The last day of the decision term the notice was given against. */
  notice_term_ended_on: NullableDateColumn;
  /** The day the decision that ended the wait was made known. */
  notice_decided_on: NullableDateColumn;
  /** The day the penalty was set by decision (Awb 4:18; migration 0050). */
  notice_penalty_set_on: NullableDateColumn;
  /** Set with no penalty owed, on this ground of Awb 4:17 lid 6 (migration 0053). */
  notice_penalty_waived: ColumnType<
    'late_notice' | 'not_interested' | 'manifest' | null,
    'late_notice' | 'not_interested' | 'manifest' | null | undefined,
    'late_notice' | 'not_interested' | 'manifest' | null
  >;
  assignee_id: string | null;
  assigned_at: Date | null;
  submitted_at: Date | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ApplicationHistoryTable {
  id: Generated<string>;
  application_id: string;
  seq: number;
  event: string;
  from_state: string;
  to_state: string;
  actor_id: string;
  actor_roles: string[];
  /** The actor's name as it was when they acted (NULL on rows older than migration 0010). */
  actor_name: string | null;
  on_behalf_of: string | null;
  payload: Json;
  at: ColumnType<Date, Date | string, never>;
}

export interface BudgetLedgerTable {
  id: Generated<string>;
  regulation_id: string;
  application_id: string;
  history_id: string | null;
  kind: 'reserve' | 'release' | 'commit';
  amount_cents: number;
  at: ColumnType<Date, Date | string | undefined, never>;
}

export interface TimersTable {
  id: Generated<string>;
  application_id: string;
  timer_key: string;
  event: string;
  due_at: ColumnType<Date, Date | string, Date | string>;
  status: ColumnType<
    'pending' | 'fired' | 'cancelled' | 'failed',
    'pending' | undefined,
    'pending' | 'fired' | 'cancelled' | 'failed'
  >;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: CreatedAt;
  finished_at: Date | null;
  /** NULL: due at due_at; else the end of a claim's lease or of a failed attempt's backoff. */
  next_attempt_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  claimed_by: string | null;
  lease_until: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

/** A periodic job of the whole installation (retention), claimed by one worker at a time. */
export interface ScheduledJobsTable {
  name: string;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  claimed_by: string | null;
  lease_until: ColumnType<Date | null, Date | string | null, Date | string | null>;
  attempts: Generated<number>;
  last_error: string | null;
  last_done_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  request_hash: string;
  status: number;
  headers: Json<Record<string, string>>;
  body: Json | null;
  created_at: CreatedAt;
}

export interface AttachmentsTable {
  id: Generated<string>;
  application_id: string;
  filename: string;
  content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  /** The file's bytes; null once purged (migration 0046). */
  content: Uint8Array | null;
  uploaded_by: string;
  created_at: CreatedAt;
  /**
   * The attachments field the upload was for: of the form, or with `event` of that event's
   * payload; null for a file of the application page (a supplement, report photos).
   */
  field: string | null;
  /** The event whose payload (an answer) the upload was for (migration 0044). */
  event: string | null;
  /**
   * When the retention job deleted the bytes of a file the application no longer held
   * (migration 0046, src/retention/removed-files.ts); null while the file is stored.
   */
  purged_at: Date | null;
}

/** The lifecycle's tables, merged into the database schema in src/db/schema.ts. */
export interface ApplicationTables {
  workflow_definitions: WorkflowDefinitionsTable;
  regulations: RegulationsTable;
  budgets: BudgetsTable;
  applications: ApplicationsTable;
  application_history: ApplicationHistoryTable;
  budget_ledger: BudgetLedgerTable;
  timers: TimersTable;
  scheduled_jobs: ScheduledJobsTable;
  idempotency_keys: IdempotencyKeysTable;
  attachments: AttachmentsTable;
}

export type ApplicationRow = Selectable<ApplicationsTable>;
export type NewApplication = Insertable<ApplicationsTable>;
export type RegulationRow = Selectable<RegulationsTable>;
export type HistoryRow = Selectable<ApplicationHistoryTable>;
export type TimerRow = Selectable<TimersTable>;
