import type { Effect } from '@initiatief/engine';
import { type Kysely, sql, type Transaction } from 'kysely';
import { execScript } from '../db/database';
import type { DB } from '../db/schema';
import { isUuid } from '../regulations/regulations.repository';

type Db = Kysely<DB> | Transaction<DB>;

type BudgetEffect = Extract<
  Effect,
  { type: 'budget.reserve' | 'budget.release' | 'budget.commit' }
>;

const KIND = {
  'budget.reserve': 'reserve',
  'budget.release': 'release',
  'budget.commit': 'commit',
} as const;

export function isBudgetEffect(e: Effect): e is BudgetEffect {
  return e.type === 'budget.reserve' || e.type === 'budget.release' || e.type === 'budget.commit';
}

/** The effects that become ledger rows, in the step's order (the CHECK looks at each row's sums). */
function ledgerEffects(effects: Effect[]): BudgetEffect[] {
  return effects.filter(isBudgetEffect).filter((e) => e.amountCents > 0);
}

/** A step's budget effects, with the rows they are recorded against. */
export interface LedgerWrite {
  regulationId: string;
  applicationId: string;
  historyId: string;
  effects: Effect[];
  at: Date;
}

/**
 * Writes the command's budget effects to the ledger; a trigger moves the budget's sums and the
 * budgets CHECK refuses anything beyond the ceiling (raised as a check violation, see
 * isBudgetCeilingViolation).
 */
export async function applyBudgetEffects(trx: Transaction<DB>, args: LedgerWrite): Promise<void> {
  const rows = ledgerEffects(args.effects);
  if (rows.length === 0) return;
  await trx
    .insertInto('budget_ledger')
    .values(
      rows.map((e) => ({
        regulation_id: args.regulationId,
        application_id: args.applicationId,
        history_id: args.historyId,
        kind: KIND[e.type],
        amount_cents: e.amountCents,
        at: args.at,
      })),
    )
    .execute();
}

/**
 * For effects that grow the budget's use: locks the regulation's budget row, and writes the
 * ledger rows only when what is left of the ceiling covers `growthCents`, in one statement.
 * Answers what was left before (null without a budget row, then the rows are written) and
 * whether the rows were written, so a refusal can name both amounts (after a failed CHECK the
 * transaction can read nothing more). The ledger's trigger and the budgets CHECK still guard
 * the ceiling behind this.
 */
export async function reserveWithinCeiling(
  trx: Transaction<DB>,
  args: LedgerWrite & { growthCents: number },
): Promise<{ remainingCents: number | null; written: boolean }> {
  const rows = ledgerEffects(args.effects);
  const values = sql.join(
    rows.map(
      (e) =>
        sql`(${args.regulationId}::uuid, ${args.applicationId}::uuid, ${args.historyId}::uuid,
          ${KIND[e.type]}::text, ${e.amountCents}::bigint, ${args.at}::timestamptz)`,
    ),
  );
  const { rows: result } = await sql<{ remaining: string | number | null; written: number }>`
    with left_over as (
      select ceiling_cents - reserved_cents - committed_cents as remaining
      from budgets where regulation_id = ${args.regulationId} for update
    ), written as (
      insert into budget_ledger (regulation_id, application_id, history_id, kind, amount_cents, at)
      select v.regulation_id, v.application_id, v.history_id, v.kind, v.amount_cents, v.at
      from (values ${values}) as v(regulation_id, application_id, history_id, kind, amount_cents, at)
      where coalesce((select remaining from left_over) >= ${args.growthCents}, true)
      returning 1
    )
    select (select remaining from left_over) as remaining, (select count(*) from written)::int as written
  `.execute(trx);
  const row = result[0];
  const remaining = row?.remaining ?? null;
  return {
    remainingCents: remaining === null ? null : Number(remaining),
    written: Number(row?.written ?? 0) > 0,
  };
}

function uuidLiteral(value: string): string {
  if (!isUuid(value)) throw new Error(`not a uuid: ${JSON.stringify(value)}`);
  return `'${value}'::uuid`;
}

/**
 * The ledger rows of a step's budget effects as one INSERT with its values written out (uuids,
 * a kind from a fixed list, whole cents and an instant, each checked), so it can travel in one
 * message with COMMIT (commitWith). Null when the step has no budget effects. The ledger's
 * trigger moves the budget's sums and the budgets CHECK refuses anything beyond the ceiling.
 */
export function ledgerInsertText(args: LedgerWrite): string | null {
  const rows = ledgerEffects(args.effects);
  if (rows.length === 0) return null;
  const at = args.at.toISOString();
  const values = rows.map((e) => {
    if (!Number.isSafeInteger(e.amountCents)) throw new Error(`not whole cents: ${e.amountCents}`);
    return `(${uuidLiteral(args.regulationId)}, ${uuidLiteral(args.applicationId)}, ${uuidLiteral(
      args.historyId,
    )}, '${KIND[e.type]}', ${e.amountCents}, '${at}'::timestamptz)`;
  });
  return `insert into budget_ledger (regulation_id, application_id, history_id, kind, amount_cents, at)
    values ${values.join(',\n      ')}`;
}

/**
 * Sends `statement` and COMMIT in one message, then opens an empty transaction for the caller's
 * own COMMIT to end. A lock the statement takes (a grant's budget row) then ends as soon as
 * PostgreSQL has committed, instead of after the statement's answer has waited its turn in a
 * busy event loop and COMMIT has come back. If the statement fails, PostgreSQL skips the rest
 * of the message and the caller's transaction rolls back as usual.
 */
export async function commitWith(trx: Transaction<DB>, statement: string): Promise<void> {
  await execScript(trx, `${statement};\ncommit;\nbegin`);
}

/** What is left of a regulation's budget; null without a budget row. */
export async function remainingBudgetCents(db: Db, regulationId: string): Promise<number | null> {
  const row = await db
    .selectFrom('budgets')
    .select(sql<string>`ceiling_cents - reserved_cents - committed_cents`.as('remaining'))
    .where('regulation_id', '=', regulationId)
    .executeTakeFirst();
  return row ? Number(row.remaining) : null;
}

/** How much the effects add to reserved + committed (a commit only moves a reservation). */
export function budgetGrowthCents(effects: Effect[]): number {
  let growth = 0;
  for (const e of effects.filter(isBudgetEffect)) {
    if (e.type === 'budget.reserve') growth += e.amountCents;
    if (e.type === 'budget.release') growth -= e.amountCents;
  }
  return growth;
}

/** True for the database's refusal of a budget beyond its ceiling (Awb 4:25). */
export function isBudgetCeilingViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: string; constraint?: string; message?: string };
  return (
    e.code === '23514' &&
    (e.constraint === 'budgets_within_ceiling' ||
      (e.message ?? '').includes('budgets_within_ceiling'))
  );
}

export interface DistrictBudget {
  regulationId: string;
  code: string;
  title: string;
  district: string;
  year: number;
  ceilingCents: number;
  reservedCents: number;
  committedCents: number;
  remainingCents: number;
  applications: { total: number; awaitingDecision: number; granted: number };
  requestedPendingCents: number;
}

/** Budget per regulation (district and year) with the applications against it, for staff. */
export async function budgetOverview(db: Db, year?: number): Promise<DistrictBudget[]> {
  let q = db
    .selectFrom('regulations as r')
    .innerJoin('budgets as b', 'b.regulation_id', 'r.id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('applications')
          .select([
            'regulation_id',
            sql<number>`count(*)::int`.as('total'),
            sql<number>`(count(*) filter (where awaiting_decision))::int`.as('awaiting'),
            sql<number>`(count(*) filter (where granted_cents is not null))::int`.as('granted'),
            sql<number>`coalesce(sum(requested_cents) filter (where awaiting_decision), 0)::int`.as(
              'requested_pending',
            ),
          ])
          .groupBy('regulation_id')
          .as('a'),
      (join) => join.onRef('a.regulation_id', '=', 'r.id'),
    )
    .select([
      'r.id',
      'r.code',
      'r.title',
      'r.district',
      'r.year',
      'b.ceiling_cents',
      'b.reserved_cents',
      'b.committed_cents',
      'a.total',
      'a.awaiting',
      'a.granted',
      'a.requested_pending',
    ])
    // A new regulation waiting for a second policy officer is not in force: no budget yet.
    .where('r.approved_at', 'is not', null)
    .orderBy('r.year', 'desc')
    .orderBy('r.district');
  if (year !== undefined) q = q.where('r.year', '=', year);
  const rows = await q.execute();
  return rows.map((r) => {
    const ceiling = Number(r.ceiling_cents);
    const reserved = Number(r.reserved_cents);
    const committed = Number(r.committed_cents);
    return {
      regulationId: r.id,
      code: r.code,
      title: r.title,
      district: r.district,
      year: r.year,
      ceilingCents: ceiling,
      reservedCents: reserved,
      committedCents: committed,
      remainingCents: ceiling - reserved - committed,
      applications: {
        total: Number(r.total ?? 0),
        awaitingDecision: Number(r.awaiting ?? 0),
        granted: Number(r.granted ?? 0),
      },
      requestedPendingCents: Number(r.requested_pending ?? 0),
    };
  });
}
