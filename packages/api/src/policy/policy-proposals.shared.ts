import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { AppError, refusedIn } from '../errors';
import { findRegulation, type Regulation } from '../regulations/regulations.repository';
import { withPolicyTables } from './policy.table';
import type { RegulationChanges } from './policy-regulations.service';

// What the proposals' services share (policy-proposals.service.ts, policy-opening.service.ts):
// reading a proposal as the API shows it, and the refusals every kind of proposal makes alike.

export type Db = Kysely<DB> | Transaction<DB>;

/** Publish a definition version, change a regulation's guarded fields, or open a new regulation. */
export type ProposalKind = 'publish_definition' | 'change_regulation' | 'open_regulation';

export type ProposalStatus = 'open' | 'approved' | 'rejected' | 'withdrawn';

export interface Proposal {
  id: string;
  kind: ProposalKind;
  status: ProposalStatus;
  definition: { key: string; version: number } | null;
  regulation: {
    id: string;
    code: string;
    title: string;
    district: string;
    year: number;
    opensOn: string;
    closesOn: string;
    /** The values now, to show beside the proposed ones (or, opening it, the values it opens with). */
    current: {
      ceilingCents: number;
      maxAmountCents: number;
      settlementFourEyesAboveCents: number | null;
      supporterConfirmation: Regulation['supporterConfirmation'];
      workflow: { key: string; version: number };
    };
  } | null;
  changes: RegulationChanges;
  proposedBy: { id: string; name: string };
  proposedAt: string;
  comment: string;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  decisionComment: string | null;
}

function proposalsQuery(db: Db) {
  return withPolicyTables(db)
    .selectFrom('policy_proposals as p')
    .innerJoin('users as pu', 'pu.id', 'p.proposed_by')
    .leftJoin('users as du', 'du.id', 'p.decided_by')
    .selectAll('p')
    .select(['pu.name as proposer_name', 'du.name as decider_name']);
}

type Row = Awaited<ReturnType<ReturnType<typeof proposalsQuery>['executeTakeFirstOrThrow']>>;

async function toProposal(db: Db, r: Row): Promise<Proposal> {
  const reg = r.regulation_id ? await findRegulation(db, r.regulation_id) : undefined;
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    definition:
      r.definition_key && r.definition_version
        ? { key: r.definition_key, version: r.definition_version }
        : null,
    regulation: reg
      ? {
          id: reg.id,
          code: reg.code,
          title: reg.title,
          district: reg.district,
          year: reg.year,
          opensOn: reg.opensOn,
          closesOn: reg.closesOn,
          current: {
            ceilingCents: reg.ceilingCents,
            maxAmountCents: reg.maxAmountCents,
            settlementFourEyesAboveCents: reg.settlementFourEyesAboveCents,
            supporterConfirmation: reg.supporterConfirmation,
            workflow: reg.workflow,
          },
        }
      : null,
    changes: r.changes as RegulationChanges,
    proposedBy: { id: r.proposed_by, name: r.proposer_name ?? '' },
    proposedAt: new Date(r.proposed_at).toISOString(),
    comment: r.comment,
    decidedBy: r.decided_by ? { id: r.decided_by, name: r.decider_name ?? '' } : null,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    decisionComment: r.decision_comment,
  };
}

/** Proposals, newest first; `open` only, or every one on record. */
export async function listProposals(db: Db, status?: ProposalStatus): Promise<Proposal[]> {
  let q = proposalsQuery(db).orderBy('p.proposed_at', 'desc').limit(200);
  if (status) q = q.where('p.status', '=', status);
  const rows = await q.execute();
  return Promise.all(rows.map((r) => toProposal(db, r)));
}

export async function getProposal(db: Db, id: string): Promise<Proposal> {
  const row = await proposalsQuery(db).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No proposal with this id.');
  return toProposal(db, row);
}

export function requireComment(comment: string | undefined): string {
  const c = comment?.trim() ?? '';
  if (c === '') {
    const reason = {
      nl: 'Vul een toelichting in: de tweede beleidsmedewerker leest die.',
      en: 'Enter a comment: the second policy officer reads it.',
    };
    // The problem writer puts the reason in the reader's language next to the field.
    throw new AppError('validation_failed', 'Say why in a comment.', {
      invalidParams: [{ name: 'comment', reason: reason.en, text: reason }],
    });
  }
  return c;
}

export function alreadyOpen(): AppError {
  return refusedIn('conflict', {
    nl: 'Hiervoor ligt al een voorstel klaar; keur dat eerst goed of af.',
    en: 'A proposal for this is already waiting; approve or reject it first.',
  });
}

export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === '23505';
}
