import type { ColumnType, Generated } from 'kysely';

export interface AuthorisationsTable {
  id: Generated<string>;
  application_id: string;
  resident_id: string;
  agent_id: string;
  source: ColumnType<'resident' | 'machtigen', 'resident' | 'machtigen' | undefined, never>;
  created_at: ColumnType<Date, Date | string, never>;
  revoked_at: Date | null;
}

export interface AuthorisationTables {
  authorisations: AuthorisationsTable;
}
