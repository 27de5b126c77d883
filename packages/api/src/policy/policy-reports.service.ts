import { type Kysely, sql, type Transaction } from 'kysely';
import { budgetOverview } from '../budget/budget.repository';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

// The decision date is the day the decision letter went out (the engine's decision.sentOn).
const decidedOn = sql<string | null>`(a.snapshot->'context'->'decision'->>'sentOn')`;

/** Number of applications per district and state. */
export async function applicationsPerState(db: Db, year?: number) {
  let q = db
    .selectFrom('applications as a')
    .innerJoin('regulations as r', 'r.id', 'a.regulation_id')
    .select([
      'a.district',
      'a.state',
      'a.definition_key',
      'a.definition_version',
      sql<number>`count(*)::int`.as('count'),
    ])
    // Per workflow version: two versions may name the same state differently.
    .groupBy(['a.district', 'a.state', 'a.definition_key', 'a.definition_version'])
    .orderBy('a.district')
    .orderBy('a.state')
    .orderBy('a.definition_key')
    .orderBy('a.definition_version');
  if (year !== undefined) q = q.where('r.year', '=', year);
  const rows = await q.execute();
  return rows.map((r) => ({
    district: r.district,
    state: r.state,
    definition: { key: r.definition_key, version: r.definition_version },
    count: Number(r.count),
  }));
}

/** Budget used against the ceiling per district (one regulation per district and year). */
export async function budgetUse(db: Db, year?: number) {
  const rows = await budgetOverview(db, year);
  return rows.map((r) => ({
    ...r,
    usedCents: r.reservedCents + r.committedCents,
    usedShare: r.ceilingCents > 0 ? (r.reservedCents + r.committedCents) / r.ceilingCents : 0,
  }));
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Lead times from receipt to decision (calendar days) and the share decided within the legal
 * term (Awb 4:13, as extended and suspended: the application's decision_due_on), per district.
 */
export async function leadTimes(db: Db, year?: number) {
  let q = db
    .selectFrom('applications as a')
    .innerJoin('regulations as r', 'r.id', 'a.regulation_id')
    .select([
      'a.district',
      sql<string>`a.received_on::text`.as('received_on'),
      sql<string | null>`a.decision_due_on::text`.as('decision_due_on'),
      decidedOn.as('decided_on'),
    ])
    .where('a.received_on', 'is not', null);
  if (year !== undefined) q = q.where('r.year', '=', year);
  const rows = await q.execute();
  const districts = new Map<string, { days: number[]; within: number }>();
  for (const r of rows) {
    if (!r.decided_on) continue;
    const entry = districts.get(r.district) ?? { days: [], within: 0 };
    const days = Math.round((Date.parse(r.decided_on) - Date.parse(r.received_on)) / 86_400_000);
    entry.days.push(days);
    if (r.decision_due_on === null || r.decided_on <= r.decision_due_on) entry.within += 1;
    districts.set(r.district, entry);
  }
  const all = { days: [] as number[], within: 0 };
  const items = [...districts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([district, e]) => {
      all.days.push(...e.days);
      all.within += e.within;
      return summarise(district, e);
    });
  return { items, total: summarise(null, all) };
}

function summarise(district: string | null, e: { days: number[]; within: number }) {
  const n = e.days.length;
  return {
    district,
    decided: n,
    averageDays: n > 0 ? Math.round((e.days.reduce((a, b) => a + b, 0) / n) * 10) / 10 : null,
    medianDays: median(e.days),
    maxDays: n > 0 ? Math.max(...e.days) : null,
    withinTerm: e.within,
    withinTermShare: n > 0 ? e.within / n : null,
  };
}

/** Applications whose decision is owed and whose term has passed, longest overdue first. */
export async function overdueApplications(db: Db, today: string) {
  const rows = await db
    .selectFrom('applications as a')
    .leftJoin('users as u', 'u.id', 'a.assignee_id')
    .select([
      'a.id',
      'a.reference',
      'a.title',
      'a.district',
      'a.state',
      'a.definition_key',
      'a.definition_version',
      sql<string>`a.decision_due_on::text`.as('decision_due_on'),
      sql<number>`(${today}::date - a.decision_due_on)::int`.as('days_overdue'),
      'u.name as assignee_name',
    ])
    .where('a.awaiting_decision', '=', true)
    .where('a.suspended', '=', false)
    .where(sql<boolean>`a.decision_due_on < ${today}::date`)
    .orderBy('a.decision_due_on')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    title: r.title,
    district: r.district,
    state: r.state,
    definition: { key: r.definition_key, version: r.definition_version },
    decisionDueOn: r.decision_due_on,
    daysOverdue: Number(r.days_overdue),
    assignee: r.assignee_name ?? null,
  }));
}
