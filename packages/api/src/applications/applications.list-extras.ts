/**
 * What a list page adds to its rows from each application's snapshot and history, read for the
 * rows of the page only (by id), so the list's keyset query keeps riding on its index.
 */
import { type NextDeadline, nextDeadline } from '@initiatief/engine';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { viewColumns, viewOfRow } from './applications.views';

/** A list row's next deadline (engine nextDeadline): what its page lists first. */
export type ListDeadline = NextDeadline;

/** The step that brought an application into its current state, and what it recorded. */
export interface EnteredStep {
  event: string;
  payload: Record<string, unknown>;
  at: string;
  actorName: string | null;
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
    .select(viewColumns(db))
    .where('a.id', 'in', ids)
    .execute();
  // Noon UTC is the same calendar day in Amsterdam: the view's "today".
  const now = new Date(`${today}T12:00:00Z`);
  for (const row of rows) {
    const view = await viewOfRow(db, row, now);
    out.set(row.id, view ? nextDeadline(view.deadlines, today) : null);
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
