import { type Kysely, sql, type Transaction } from 'kysely';
import type { SessionUser } from '../context';
import type { DB } from '../db/schema';
import { AppError, refusedIn } from '../errors';
import {
  findRegulation,
  type NewRegulation,
  type Regulation,
  regulationValues,
} from '../regulations/regulations.repository';
import { withPolicyTables } from './policy.table';
import {
  alreadyOpen,
  type Db,
  getProposal,
  isUniqueViolation,
  type Proposal,
  type ProposalStatus,
  requireComment,
} from './policy-proposals.shared';
import {
  checkNewRegulation,
  checkOpenable,
  codeTaken,
  type RegulationChanges,
  updateRegulation,
} from './policy-regulations.service';

// Four eyes on a new regulation: one policy officer creates it with its ceiling and maximum, and
// it opens for applications only when another one approves the proposal of the kind
// 'open_regulation' (regulations.approved_at, migrations/0047). While that proposal waits, the
// regulation is frozen (what the second officer approves is what was proposed); rejected or
// withdrawn, it stays closed: it can then be changed at once (nothing is open on it) and proposed
// again. It is never deleted: its proposals stay on record.

/** The latest proposal to open a regulation that no second officer approved (yet). */
export interface Opening {
  proposalId: string;
  status: ProposalStatus;
  proposedBy: { id: string; name: string };
  decidedBy: { id: string; name: string } | null;
  decisionComment: string | null;
}

async function insertOpening(
  db: Db,
  regulationId: string,
  user: SessionUser,
  comment: string,
  now: Date,
): Promise<string> {
  try {
    const inserted = await withPolicyTables(db)
      .insertInto('policy_proposals')
      .values({
        kind: 'open_regulation',
        definition_key: null,
        definition_version: null,
        regulation_id: regulationId,
        proposed_by: user.id,
        proposed_at: now,
        comment,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  } catch (err) {
    if (isUniqueViolation(err)) throw alreadyOpen();
    throw err;
  }
}

/**
 * Creates a regulation closed for applications, with the proposal to open it that a second
 * policy officer approves or rejects. Refusals (dates, maximum, version, code) come now.
 */
export async function proposeNewRegulation(
  db: Kysely<DB>,
  input: NewRegulation,
  user: SessionUser,
  comment: string | undefined,
  now: Date,
): Promise<{ regulation: Regulation; proposal: Proposal }> {
  const c = requireComment(comment);
  await checkNewRegulation(db, input);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('regulations')
      .values({ ...regulationValues(input), approved_at: null })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('id')
      .executeTakeFirst();
    // The same code, created meanwhile.
    if (!row) throw codeTaken(input.code);
    const proposalId = await insertOpening(trx, row.id, user, c, now);
    return {
      regulation: (await findRegulation(trx, row.id))!,
      proposal: await getProposal(trx, proposalId),
    };
  });
}

/** The regulation, locked for this transaction: approving, changing and proposing take turns. */
async function lockRegulation(trx: Transaction<DB>, id: string): Promise<Regulation> {
  const locked = await trx
    .selectFrom('regulations')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  const reg = locked ? await findRegulation(trx, id) : undefined;
  if (!reg) throw new AppError('not_found', 'No regulation with this id.');
  return reg;
}

async function openingWaits(db: Db, regulationId: string): Promise<boolean> {
  const row = await withPolicyTables(db)
    .selectFrom('policy_proposals')
    .select('id')
    .where('kind', '=', 'open_regulation')
    .where('regulation_id', '=', regulationId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return row !== undefined;
}

function alreadyApproved(): AppError {
  return refusedIn('conflict', {
    nl: 'Deze regeling is al goedgekeurd.',
    en: 'This scheme has been approved already.',
  });
}

/** Proposes again to open a regulation whose opening was rejected or withdrawn. */
export async function proposeOpening(
  db: Kysely<DB>,
  regulationId: string,
  user: SessionUser,
  comment: string | undefined,
  now: Date,
): Promise<Proposal> {
  return db.transaction().execute(async (trx) => {
    const reg = await lockRegulation(trx, regulationId);
    if (reg.approvedAt !== null) throw alreadyApproved();
    const c = requireComment(comment);
    await checkOpenable(trx, reg);
    return getProposal(trx, await insertOpening(trx, regulationId, user, c, now));
  });
}

/**
 * A change of a regulation that no second officer approved: made at once (nothing is open on
 * it; the change is approved with the opening), but not while the opening waits for approval.
 * Undefined when the regulation is approved (or unknown): the caller's four-eyes rules apply.
 */
export async function changeClosedRegulation(
  db: Kysely<DB>,
  id: string,
  changes: RegulationChanges,
): Promise<Regulation | undefined> {
  const current = await findRegulation(db, id);
  if (!current || current.approvedAt !== null) return undefined;
  return db.transaction().execute(async (trx) => {
    await lockRegulation(trx, id);
    if (await openingWaits(trx, id)) {
      throw refusedIn('conflict', {
        nl: 'Deze regeling wacht op goedkeuring door een tweede beleidsmedewerker. Trek het voorstel in om haar te wijzigen.',
        en: 'This scheme is waiting for approval by a second policy officer. Withdraw the proposal to change it.',
      });
    }
    return updateRegulation(trx, id, changes);
  });
}

/** The second officer approves: the regulation opens for applications (on its dates) now. */
export async function openRegulation(
  trx: Transaction<DB>,
  id: string,
  now: Date,
): Promise<Regulation> {
  const reg = await lockRegulation(trx, id);
  if (reg.approvedAt !== null) throw alreadyApproved();
  // Its version must still be published (it cannot be retired while the regulation names it).
  await checkOpenable(trx, reg);
  await trx.updateTable('regulations').set({ approved_at: now }).where('id', '=', id).execute();
  return (await findRegulation(trx, id))!;
}

/** The latest opening proposal of each regulation no second officer approved, by regulation id. */
export async function openingsOf(db: Db, regulationIds: string[]): Promise<Map<string, Opening>> {
  const out = new Map<string, Opening>();
  if (regulationIds.length === 0) return out;
  const rows = await withPolicyTables(db)
    .selectFrom('policy_proposals as p')
    .innerJoin('users as pu', 'pu.id', 'p.proposed_by')
    .leftJoin('users as du', 'du.id', 'p.decided_by')
    .select([
      'p.id',
      'p.regulation_id',
      'p.status',
      'p.proposed_by',
      'p.decided_by',
      'p.decision_comment',
      'pu.name as proposer_name',
      'du.name as decider_name',
    ])
    .where('p.kind', '=', 'open_regulation')
    .where('p.regulation_id', 'in', regulationIds)
    // The waiting one if any (there is at most one), else the latest.
    .orderBy(sql`p.status = 'open'`, 'desc')
    .orderBy('p.proposed_at', 'desc')
    .orderBy('p.decided_at', 'desc')
    .execute();
  for (const r of rows) {
    if (!r.regulation_id || out.has(r.regulation_id)) continue;
    out.set(r.regulation_id, {
      proposalId: r.id,
      status: r.status,
      proposedBy: { id: r.proposed_by, name: r.proposer_name ?? '' },
      decidedBy: r.decided_by ? { id: r.decided_by, name: r.decider_name ?? '' } : null,
      decisionComment: r.decision_comment,
    });
  }
  return out;
}
