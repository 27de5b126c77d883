/**
 * What a list page adds to its rows from each application's snapshot and history, read for the
 * rows of the page only (by id), so the list's keyset query keeps riding on its index.
 */
import { type NextDeadline, nextDeadline } from '@initiatief/engine';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { viewColumns, viewOfRow } from './applications.views';

/**
 * A list row's next deadline (engine nextDeadline): what its page lists first. `pending`: the
 * objection period of a decision whose paper letter waits for the post; it runs from the day
 * after the letter is sent (Awb 6:8), so there is no last day to give yet, and the page says so.
 */
export type ListDeadline = NextDeadline & { pending?: true };

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
  const unposted = await decisionLettersUnposted(db, ids);
  // Noon UTC is the same calendar day in Amsterdam: the view's "today".
  const now = new Date(`${today}T12:00:00Z`);
  for (const row of rows) {
    const view = await viewOfRow(db, row, now);
    const next = view ? nextDeadline(view.deadlines, today) : null;
    out.set(
      row.id,
      next && next.key === 'objection' && unposted.has(row.id) ? { ...next, pending: true } : next,
    );
  }
  return out;
}

/**
 * The applications whose newest letter naming an objection period is on paper and not posted
 * yet, as their page reads their letters (withLetterObjection in the web): until it is, the
 * objection period has no last day.
 */
async function decisionLettersUnposted(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
  const rows = await db
    .selectFrom('documents as d')
    .distinctOn('d.application_id')
    .select(['d.application_id', 'd.channel', 'd.posted_on'])
    .where('d.application_id', 'in', ids)
    .where('d.objection_deadline', 'is not', null)
    .orderBy('d.application_id')
    .orderBy('d.created_at', 'desc')
    .execute();
  return new Set(
    rows.filter((r) => r.channel === 'paper' && r.posted_on === null).map((r) => r.application_id),
  );
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
