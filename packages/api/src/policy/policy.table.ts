import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

/** A run of `POST /api/policy/definitions/{key}/migrations` (migrations/0005_policy.sql). */
export type DefinitionMigrationsTable = {
  id: Generated<string>;
  key: string;
  from_version: number;
  to_version: number;
  state_map: ColumnType<Record<string, string>, string, never>;
  application_ids: ColumnType<string[], string[], never>;
  actor_id: string;
  at: ColumnType<Date, Date, never>;
};

/** A change of the rules waiting for a second policy officer (migrations/0018_policy_proposals.sql). */
export type PolicyProposalsTable = {
  id: Generated<string>;
  /** open_regulation: a new regulation opens for applications (migrations/0047). */
  kind: 'publish_definition' | 'change_regulation' | 'open_regulation';
  definition_key: string | null;
  definition_version: number | null;
  regulation_id: string | null;
  changes: ColumnType<Record<string, unknown>, string | undefined, never>;
  status: ColumnType<
    'open' | 'approved' | 'rejected' | 'withdrawn',
    'open' | undefined,
    'approved' | 'rejected' | 'withdrawn'
  >;
  proposed_by: string;
  proposed_at: ColumnType<Date, Date, never>;
  comment: string;
  decided_by: ColumnType<string | null, never, string>;
  decided_at: ColumnType<Date | null, never, Date>;
  decision_comment: ColumnType<string | null, never, string | null>;
};

// A type alias (not an interface) so it satisfies withTables' index-signature constraint.
export type PolicyTables = {
  definition_migrations: DefinitionMigrationsTable;
  policy_proposals: PolicyProposalsTable;
};

export type PolicyDB = DB & PolicyTables;

/** The database with the policy tables added, without touching the shared schema. */
export function withPolicyTables(db: Kysely<DB> | Transaction<DB>): Kysely<PolicyDB> {
  return (db as Kysely<DB>).withTables<PolicyTables>();
}
