import { recordColumns, rowsAsJson, type Statement } from '../db/statement';
import type { MessagingPlan } from './messaging.types';

/** A document row as planMessaging makes it, typed as jsonb_to_recordset reads it. */
const DOCUMENT_COLUMNS = {
  id: 'uuid',
  application_id: 'uuid',
  history_id: 'uuid',
  kind: 'text',
  template_key: 'text',
  definition_key: 'text',
  definition_version: 'int',
  language: 'text',
  reference: 'text',
  subject: 'text',
  content: 'jsonb',
  sent_on: 'date',
  objection_deadline: 'date',
  channel: 'text',
  created_at: 'timestamptz',
} as const;

/** An outbox row as planMessaging makes it; a render job has no mail columns. */
const OUTBOX_COLUMNS = {
  id: 'uuid',
  kind: 'text',
  application_id: 'uuid',
  history_id: 'uuid',
  document_id: 'uuid',
  message_id: 'text',
  recipient_email: 'text',
  recipient_name: 'text',
  audience: 'text',
  language: 'text',
  template_key: 'text',
  subject: 'text',
  body: 'text',
  variables: 'jsonb',
  next_attempt_at: 'timestamptz',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
} as const;

/** Outbox columns without a default that a render job leaves out (NULL, as on insert). */
const OUTBOX_OPTIONAL = new Set([
  'document_id',
  'message_id',
  'recipient_email',
  'recipient_name',
  'audience',
  'language',
  'template_key',
  'subject',
  'body',
  'variables',
]);
const DOCUMENT_OPTIONAL = new Set(['objection_deadline']);

/** Where each kind of a plan's rows goes: its CTE's name, its table and columns. */
const TARGETS = [
  {
    cte: 'issued',
    table: 'documents',
    rows: (plan: MessagingPlan): readonly object[] => plan.documentRows,
    columns: DOCUMENT_COLUMNS,
    optional: DOCUMENT_OPTIONAL,
  },
  {
    cte: 'queued',
    table: 'outbox',
    rows: (plan: MessagingPlan): readonly object[] => plan.outboxRows,
    columns: OUTBOX_COLUMNS,
    optional: OUTBOX_OPTIONAL,
  },
] as const;

/**
 * A MessagingPlan's letters and outbox rows as common table expressions (`issued`, `queued`) of a
 * larger statement. Any number of rows is one jsonb parameter each, so the text depends only on
 * whether there are letters and whether there are outbox rows. Foreign keys (a mail's letter, a
 * letter's history row) are checked at the end of the whole statement.
 */
export function messagingCtes(statement: Statement, plan: MessagingPlan): string[] {
  return TARGETS.filter((t) => t.rows(plan).length > 0).map((t) => {
    const names = Object.keys(t.columns);
    const json = rowsAsJson(t.rows(plan) as Record<string, unknown>[], t.columns, t.optional);
    return `${t.cte} as (insert into ${t.table} (${names.join(', ')})
      select ${names.map((c) => `r.${c}`).join(', ')}
      from jsonb_to_recordset(${statement.param(json, 'jsonb')})
        as r(${recordColumns(t.columns)}))`;
  });
}
