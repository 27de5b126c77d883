import type { ColumnType, Generated, Selectable } from 'kysely';

export type ConfirmedHow = 'code' | 'digid' | 'paper';

export interface SupportersTable {
  id: Generated<string>;
  application_id: string;
  name: string;
  email: string | null;
  postcode: string | null;
  age: number | null;
  token_hash: string | null;
  code_hash: string | null;
  failed_attempts: Generated<number>;
  invited_at: Date | null;
  confirmed_at: Date | null;
  confirmed_how: ConfirmedHow | null;
  confirmed_user_id: string | null;
  /** DigiD: `bsn:<keyed hash>` or `oidc:<external identity id>`; one per application. */
  confirmed_identity: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: ColumnType<Date, Date | string, never>;
}

export interface SupporterTables {
  supporters: SupportersTable;
}

export type Supporter = Selectable<SupportersTable>;
