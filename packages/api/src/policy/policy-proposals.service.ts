import type { Kysely, Transaction } from 'kysely';
import type { SessionUser } from '../context';
import type { DB } from '../db/schema';
import { AppError, refusedIn } from '../errors';
import { findRegulation } from '../regulations/regulations.repository';
import { withPolicyTables } from './policy.table';
import { openRegulation } from './policy-opening.service';
import {
  alreadyOpen,
  type Db,
  getProposal,
  isUniqueViolation,
  type Proposal,
  requireComment,
} from './policy-proposals.shared';
import { assertPublishable, publishInTransaction } from './policy-publishing.service';
import { type RegulationChanges, updateRegulation } from './policy-regulations.service';

/** Regulation fields that only change with a second policy officer's approval. */
export const GUARDED_REGULATION_FIELDS = [
  'workflowKey',
  'workflowVersion',
  'ceilingCents',
  'maxAmountCents',
  // Raising or clearing it weakens the four-eyes check on settlement: not one person's call.
  'settlementFourEyesAboveCents',
] as const;

/** The open proposal to publish a definition version, if any (its draft is frozen meanwhile). */
export async function openDefinitionProposal(db: Db, key: string, version: number) {
  return withPolicyTables(db)
    .selectFrom('policy_proposals')
    .select(['id', 'proposed_by'])
    .where('kind', '=', 'publish_definition')
    .where('definition_key', '=', key)
    .where('definition_version', '=', version)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

/** Proposes to publish a draft: checked now (422 with the house rules' sentences) and again on approval. */
export async function proposePublish(
  db: Kysely<DB>,
  key: string,
  version: number,
  user: SessionUser,
  comment: string | undefined,
  now: Date,
): Promise<Proposal> {
  const row = await db
    .selectFrom('workflow_definitions')
    .select(['status', 'definition'])
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `No workflow definition ${key} version ${version}.`);
  if (row.status !== 'draft') {
    const said =
      row.status === 'published'
        ? {
            nl: `Versie ${version} is al gepubliceerd: een gepubliceerde versie verandert niet meer.`,
            en: `Version ${version} is published already: a published version does not change any more.`,
          }
        : {
            nl: `Versie ${version} is buiten gebruik gesteld en wordt niet opnieuw gepubliceerd.`,
            en: `Version ${version} has been retired and is not published again.`,
          };
    throw refusedIn('conflict', said, { versionStatus: row.status });
  }
  assertPublishable(key, version, row.definition, user.locale);
  const c = requireComment(comment);
  try {
    const inserted = await withPolicyTables(db)
      .insertInto('policy_proposals')
      .values({
        kind: 'publish_definition',
        definition_key: key,
        definition_version: version,
        regulation_id: null,
        proposed_by: user.id,
        proposed_at: now,
        comment: c,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return getProposal(db, inserted.id);
  } catch (err) {
    if (isUniqueViolation(err)) throw alreadyOpen();
    throw err;
  }
}

/** Whether a regulation patch changes a guarded field (one that needs a second officer). */
export async function touchesGuardedFields(
  db: Db,
  regulationId: string,
  changes: RegulationChanges,
): Promise<boolean> {
  const current = await findRegulation(db, regulationId);
  if (!current) return false;
  const now: Record<(typeof GUARDED_REGULATION_FIELDS)[number], unknown> = {
    workflowKey: current.workflow.key,
    workflowVersion: current.workflow.version,
    ceilingCents: current.ceilingCents,
    maxAmountCents: current.maxAmountCents,
    settlementFourEyesAboveCents: current.settlementFourEyesAboveCents,
  };
  return GUARDED_REGULATION_FIELDS.some((f) => changes[f] !== undefined && changes[f] !== now[f]);
}

/** Proposes a change of a regulation's workflow version, ceiling or maximum (with the rest of the patch). */
export async function proposeRegulationChange(
  db: Kysely<DB>,
  regulationId: string,
  changes: RegulationChanges,
  user: SessionUser,
  comment: string | undefined,
  now: Date,
): Promise<Proposal> {
  const current = await findRegulation(db, regulationId);
  if (!current) throw new AppError('not_found', 'No regulation with this id.');
  const c = requireComment(comment);
  // Try the change inside a transaction that is rolled back: refusals (a draft version, a ceiling
  // below what is used) come now, not only when the second officer approves.
  const probe = new Error('probe');
  await db
    .transaction()
    .execute(async (trx) => {
      await updateRegulation(trx, regulationId, changes);
      throw probe;
    })
    .catch((err) => {
      if (err !== probe) throw err;
    });
  try {
    const inserted = await withPolicyTables(db)
      .insertInto('policy_proposals')
      .values({
        kind: 'change_regulation',
        definition_key: null,
        definition_version: null,
        regulation_id: regulationId,
        changes: JSON.stringify(changes),
        proposed_by: user.id,
        proposed_at: now,
        comment: c,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return getProposal(db, inserted.id);
  } catch (err) {
    if (isUniqueViolation(err)) throw alreadyOpen();
    throw err;
  }
}

async function lockOpen(trx: Transaction<DB>, id: string) {
  const row = await withPolicyTables(trx)
    .selectFrom('policy_proposals')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No proposal with this id.');
  if (row.status !== 'open') {
    throw refusedIn(
      'conflict',
      { nl: 'Over dit voorstel is al besloten.', en: 'This proposal has been decided already.' },
      { proposalStatus: row.status },
    );
  }
  return row;
}

function notYourOwn(): AppError {
  return refusedIn('four_eyes', {
    nl: 'U kunt uw eigen voorstel niet goedkeuren of afkeuren: dat doet een andere beleidsmedewerker.',
    en: 'You cannot approve or reject your own proposal: another policy officer does that.',
  });
}

/** The second officer approves: the change is made now, in the same transaction. */
export async function approveProposal(
  db: Kysely<DB>,
  id: string,
  user: SessionUser,
  comment: string | undefined,
  now: Date,
): Promise<{ proposal: Proposal; result: unknown }> {
  return db.transaction().execute(async (trx) => {
    const row = await lockOpen(trx, id);
    if (row.proposed_by === user.id) throw notYourOwn();
    let result: unknown;
    if (row.kind === 'publish_definition') {
      result = await publishInTransaction(
        trx,
        row.definition_key!,
        row.definition_version!,
        now,
        user.locale,
      );
    } else if (row.kind === 'open_regulation') {
      result = await openRegulation(trx, row.regulation_id!, now);
    } else {
      result = await updateRegulation(
        trx,
        row.regulation_id!,
        row.changes as RegulationChanges,
        now,
      );
    }
    await withPolicyTables(trx)
      .updateTable('policy_proposals')
      .set({
        status: 'approved',
        decided_by: user.id,
        decided_at: now,
        decision_comment: comment?.trim() || null,
      })
      .where('id', '=', id)
      .execute();
    return { proposal: await getProposal(trx, id), result };
  });
}

/** The second officer rejects, saying why; the proposer withdraws (no reason needed). */
export async function closeProposal(
  db: Kysely<DB>,
  id: string,
  user: SessionUser,
  how: 'rejected' | 'withdrawn',
  comment: string | undefined,
  now: Date,
): Promise<Proposal> {
  return db.transaction().execute(async (trx) => {
    const row = await lockOpen(trx, id);
    if (how === 'rejected' && row.proposed_by === user.id) throw notYourOwn();
    if (how === 'withdrawn' && row.proposed_by !== user.id) {
      throw refusedIn('forbidden', {
        nl: 'Alleen wie het voorstel deed, kan het intrekken.',
        en: 'Only the proposer can withdraw a proposal.',
      });
    }
    const reason = how === 'rejected' ? requireComment(comment) : comment?.trim();
    await withPolicyTables(trx)
      .updateTable('policy_proposals')
      .set({
        status: how,
        decided_by: how === 'withdrawn' ? undefined : user.id,
        decided_at: now,
        decision_comment: reason || null,
      })
      .where('id', '=', id)
      .execute();
    return getProposal(trx, id);
  });
}
