import type { Effect } from '@initiatief/engine';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';

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

/**
 * Writes the command's budget effects to the ledger; a trigger moves the budget's sums and the
 * budgets CHECK refuses anything beyond the ceiling (raised as a check violation, see
 * isBudgetCeilingViolation).
 */
export async function applyBudgetEffects(
  trx: Transaction<DB>,
  args: {
    regulationId: string;
    applicationId: string;
    historyId: string;
    effects: Effect[];
    at: Date;
  },
): Promise<void> {
  const rows = args.effects.filter(isBudgetEffect).filter((e) => e.amountCents > 0);
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

/** How much the effects add to reserved + committed (a commit only moves a reservation). */
export function budgetGrowthCents(effects: Effect[]): number {
  let growth = 0;
  for (const e of effects.filter(isBudgetEffect)) {
    if (e.type === 'budget.reserve') growth += e.amountCents;
    if (e.type === 'budget.release') growth -= e.amountCents;
  }
  return growth;
}

/**
 * Locks the regulation's budget row up to commit and says what is left of its ceiling, so a
 * refusal can name both amounts (after the CHECK fails the transaction can read nothing more).
 */
export async function lockRemainingCents(
  trx: Transaction<DB>,
  regulationId: string,
): Promise<number | null> {
  const row = await trx
    .selectFrom('budgets')
    .select(['ceiling_cents', 'reserved_cents', 'committed_cents'])
    .where('regulation_id', '=', regulationId)
    .forUpdate()
    .executeTakeFirst();
  return row ? row.ceiling_cents - row.reserved_cents - row.committed_cents : null;
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
