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

// A type alias (not an interface) so it satisfies withTables' index-signature constraint.
export type PolicyTables = {
  definition_migrations: DefinitionMigrationsTable;
};

export type PolicyDB = DB & PolicyTables;

/** The database with the policy tables added, without touching the shared schema. */
export function withPolicyTables(db: Kysely<DB> | Transaction<DB>): Kysely<PolicyDB> {
  return (db as Kysely<DB>).withTables<PolicyTables>();
}
