/**
 * What a list page adds to its rows from each application's snapshot and history, read for the
 * rows of the page only (by id), so the list's keyset query keeps riding on its index.
 */
import { applicationView, type PersistedSnapshot } from '@initiatief/engine';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import { withFormData } from './applications.repository';

type Localized = { nl: string; en: string };

/** One of the application's deadlines, as its page lists them under "Belangrijke data". */
interface Deadline {
  key: string;
  date: string;
  explanation: Localized;
}

/** A deadline with the calendar days from today (Europe/Amsterdam) to it; negative: passed. */
export interface ListDeadline extends Deadline {
  daysLeft: number;
}

/** The step that brought an application into its current state, and what it recorded. */
export interface EnteredStep {
  event: string;
  payload: Record<string, unknown>;
  at: string;
  actorName: string | null;
}

/**
 * The deadline that comes next: the earliest one still to come (today included), else the one
 * that passed last; null when the application has none.
 */
export function nextDeadline(deadlines: Deadline[], today: string): ListDeadline | null {
  const byDate = [...deadlines].sort((a, b) => a.date.localeCompare(b.date));
  const next = byDate.find((d) => d.date >= today) ?? byDate.at(-1);
  if (!next) return null;
  const daysLeft = Math.round(
    (Date.parse(`${next.date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  return { key: next.key, date: next.date, explanation: next.explanation, daysLeft };
}

/**
 * Each application's next deadline, computed by the engine from its snapshot and the terms of
 * its regulation exactly as its own page computes "Belangrijke data" (decision, information,
 * objection, report).
 */
export async function nextDeadlines(
  db: Kysely<DB>,
  ids: string[],
  today: string,
): Promise<Map<string, ListDeadline | null>> {
  const out = new Map<string, ListDeadline | null>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('regulations as r', 'r.id', 'a.regulation_id')
    .select([
      'a.id',
      'a.snapshot',
      'a.data',
      'a.definition_key',
      'a.definition_version',
      'r.max_amount_cents',
      'r.decision_term_weeks',
      'r.direct_settlement_threshold_cents',
      'r.report_due_weeks',
      'r.settlement_four_eyes_above_cents',
    ])
    .where('a.id', 'in', ids)
    .execute();
  // Noon UTC is the same calendar day in Amsterdam: the view's "today".
  const now = new Date(`${today}T12:00:00Z`);
  for (const row of rows) {
    const { snapshot } = withFormData(row);
    try {
      const def = await loadDefinition(db, row.definition_key, row.definition_version);
      const view = applicationView(def, snapshot as PersistedSnapshot, now, {
        regulation: {
          maxAmountCents: row.max_amount_cents,
          decisionTermWeeks: row.decision_term_weeks,
          directSettlementThresholdCents: row.direct_settlement_threshold_cents,
          reportDueWeeks: row.report_due_weeks,
          settlementFourEyesAboveCents: row.settlement_four_eyes_above_cents,
        },
        // The view reads the regulation's terms only, never the budget.
        budgetRemainingCents: 0,
      });
      out.set(row.id, nextDeadline(view.deadlines, today));
    } catch {
      // A snapshot its definition no longer knows: the list still shows the row.
      out.set(row.id, null);
    }
  }
  return out;
}

/**
 * The step that brought each application into the state it is in now (the newest change of
 * state into it), with its payload: for a state awaiting approval, the proposal. Staff only:
 * residents do not read the assessor's advice (history.visibility.ts).
 */
export async function enteredSteps(
  db: Kysely<DB>,
  ids: string[],
): Promise<Map<string, EnteredStep>> {
  const out = new Map<string, EnteredStep>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('application_history as h')
    .innerJoin('applications as a', (join) =>
      join.onRef('a.id', '=', 'h.application_id').onRef('a.state', '=', 'h.to_state'),
    )
    .distinctOn('h.application_id')
    .select([
      'h.application_id',
      'h.event',
      'h.payload',
      'h.at',
      // Written with every history row (migrations 0011, 0035): no join on users, whose key
      // a text comparison would not use.
      'h.actor_name',
    ])
    .where('h.application_id', 'in', ids)
    .whereRef('h.from_state', '<>', 'h.to_state')
    .orderBy('h.application_id')
    .orderBy('h.seq', 'desc')
    .execute();
  for (const r of rows) {
    const payload = r.payload as unknown;
    out.set(r.application_id, {
      event: r.event,
      payload:
        payload && typeof payload === 'object' && !Array.isArray(payload)
          ? (payload as Record<string, unknown>)
          : {},
      at: new Date(r.at).toISOString(),
      actorName: r.actor_name ?? null,
    });
  }
  return out;
}
