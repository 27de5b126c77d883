import type { Facts } from '@initiatief/engine';
import { type Expression, type Kysely, sql, type Transaction } from 'kysely';
import type { SupporterConfirmation } from '../applications/applications.table';
import { compiledOnce } from '../db/compiled-once';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

export interface Regulation {
  id: string;
  code: string;
  title: string;
  district: string;
  year: number;
  ceilingCents: number;
  maxAmountCents: number;
  directSettlementThresholdCents: number;
  decisionTermWeeks: number;
  reportDueWeeks: number;
  /** Settlement above this amount takes a second person (four-eyes); null: never. */
  settlementFourEyesAboveCents: number | null;
  /** How supporters may confirm: with DigiD only, or DigiD or the mailed code. */
  supporterConfirmation: SupporterConfirmation;
  opensOn: string;
  closesOn: string;
  workflow: { key: string; version: number };
  budget: { reservedCents: number; committedCents: number; remainingCents: number };
  /**
   * When a second policy officer approved it (ISO); null: a new regulation waiting for that
   * approval (or rejected): not listed publicly, no application starts on it.
   */
  approvedAt: string | null;
}

/** Open for new applications on `today` (Amsterdam date): approved, and between its dates. */
export function isOpenOn(reg: Regulation, today: string): boolean {
  return reg.approvedAt !== null && reg.opensOn <= today && today <= reg.closesOn;
}

function baseQuery(db: Db) {
  return db
    .selectFrom('regulations as r')
    .innerJoin('budgets as b', 'b.regulation_id', 'r.id')
    .select([
      'r.id',
      'r.code',
      'r.title',
      'r.district',
      'r.year',
      'b.ceiling_cents',
      'r.max_amount_cents',
      'r.direct_settlement_threshold_cents',
      'r.decision_term_weeks',
      'r.report_due_weeks',
      'r.settlement_four_eyes_above_cents',
      'r.supporter_confirmation',
      sql<string>`r.opens_on::text`.as('opens_on'),
      sql<string>`r.closes_on::text`.as('closes_on'),
      'r.workflow_key',
      'r.workflow_version',
      'b.reserved_cents',
      'b.committed_cents',
      'r.approved_at',
    ]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

/**
 * The regulation of the row in `outer` as one jsonb value, for a query that reads an application
 * and its regulation in one round trip (read it back with regulationFromJson).
 */
export function regulationJson(db: Db, regulationId: Expression<string>) {
  return sql<Record<string, unknown> | null>`(select to_jsonb(reg) from (${baseQuery(db).where(
    'r.id',
    '=',
    regulationId,
  )}) as reg)`;
}

export function regulationFromJson(json: Record<string, unknown>): Regulation {
  return toRegulation(json as unknown as BaseRow);
}

function toRegulation(r: BaseRow): Regulation {
  const ceiling = Number(r.ceiling_cents);
  const reserved = Number(r.reserved_cents);
  const committed = Number(r.committed_cents);
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    district: r.district,
    year: r.year,
    ceilingCents: ceiling,
    maxAmountCents: r.max_amount_cents,
    directSettlementThresholdCents: r.direct_settlement_threshold_cents,
    decisionTermWeeks: r.decision_term_weeks,
    reportDueWeeks: r.report_due_weeks,
    settlementFourEyesAboveCents: r.settlement_four_eyes_above_cents ?? null,
    // A row read back as jsonb from before migration 0033 has no value: today's behaviour.
    supporterConfirmation: r.supporter_confirmation ?? 'digid_or_code',
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    workflow: { key: r.workflow_key, version: r.workflow_version },
    budget: {
      reservedCents: reserved,
      committedCents: committed,
      remainingCents: Math.max(0, ceiling - reserved - committed),
    },
    // Read back as jsonb (regulationJson) it is a string.
    approvedAt: r.approved_at ? new Date(r.approved_at).toISOString() : null,
  };
}

/** Regulations open on `today` (Amsterdam date), by district: approved ones only. */
export async function listOpenRegulations(db: Db, today: string): Promise<Regulation[]> {
  const rows = await baseQuery(db)
    .where('r.approved_at', 'is not', null)
    .where(sql<boolean>`r.opens_on <= ${today}::date`)
    .where(sql<boolean>`r.closes_on >= ${today}::date`)
    .orderBy('r.district')
    .orderBy('r.year')
    .orderBy('r.code')
    .execute();
  return rows.map(toRegulation);
}

/** Every regulation, or (`approvedOnly`, the public list) those a second officer approved. */
export async function listAllRegulations(
  db: Db,
  options: { approvedOnly?: boolean } = {},
): Promise<Regulation[]> {
  let q = baseQuery(db);
  if (options.approvedOnly) q = q.where('r.approved_at', 'is not', null);
  const rows = await q.orderBy('r.year', 'desc').orderBy('r.district').orderBy('r.code').execute();
  return rows.map(toRegulation);
}

// Every create reads its regulation: built and compiled once (see compiledOnce).
const regulationById = compiledOnce((db, id: string) => baseQuery(db).where('r.id', '=', id));

export async function findRegulation(db: Db, id: string): Promise<Regulation | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await regulationById(db, id);
  return row ? toRegulation(row) : undefined;
}

export interface NewRegulation {
  code: string;
  title: string;
  district: string;
  year: number;
  ceilingCents: number;
  maxAmountCents: number;
  directSettlementThresholdCents?: number;
  decisionTermWeeks?: number;
  reportDueWeeks?: number;
  /** Default 500000 (EUR 5,000) from the column; null: never a second person. */
  settlementFourEyesAboveCents?: number | null;
  /** Default 'digid_or_code' from the column. */
  supporterConfirmation?: SupporterConfirmation;
  opensOn: string;
  closesOn: string;
  workflowKey: string;
  workflowVersion: number;
}

/** The row of a new regulation; approved_at is left to the column (now) unless set. */
export function regulationValues(r: NewRegulation) {
  return {
    code: r.code,
    title: r.title,
    district: r.district,
    year: r.year,
    ceiling_cents: r.ceilingCents,
    max_amount_cents: r.maxAmountCents,
    direct_settlement_threshold_cents: r.directSettlementThresholdCents ?? 0,
    decision_term_weeks: r.decisionTermWeeks ?? 8,
    report_due_weeks: r.reportDueWeeks ?? 8,
    ...(r.settlementFourEyesAboveCents !== undefined
      ? { settlement_four_eyes_above_cents: r.settlementFourEyesAboveCents }
      : {}),
    ...(r.supporterConfirmation ? { supporter_confirmation: r.supporterConfirmation } : {}),
    opens_on: r.opensOn,
    closes_on: r.closesOn,
    workflow_key: r.workflowKey,
    workflow_version: r.workflowVersion,
  };
}

/**
 * Inserts a regulation (its budget row follows by trigger); an existing code is kept. Written
 * directly (seeds, tests), it is approved at once; the policy API's create is not (four eyes).
 */
export async function upsertRegulation(db: Db, r: NewRegulation): Promise<string> {
  await db
    .insertInto('regulations')
    .values(regulationValues(r))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const row = await db
    .selectFrom('regulations')
    .select('id')
    .where('code', '=', r.code)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What the engine may know about a regulation and its budget (read inside the command). */
export function factsFor(reg: Regulation): Facts {
  return {
    regulation: {
      maxAmountCents: reg.maxAmountCents,
      decisionTermWeeks: reg.decisionTermWeeks,
      directSettlementThresholdCents: reg.directSettlementThresholdCents,
      reportDueWeeks: reg.reportDueWeeks,
      settlementFourEyesAboveCents: reg.settlementFourEyesAboveCents,
      title: reg.title,
      district: reg.district,
      closesOn: reg.closesOn,
    },
    budgetRemainingCents: reg.budget.remainingCents,
  };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(s: string): boolean {
  return UUID_RE.test(s);
}
