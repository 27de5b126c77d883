import type { ColumnType, Generated, Selectable } from 'kysely';
import type { UserRole } from '../auth/roles';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** The two ways in; each is one OpenID Connect client configuration. */
export type OidcProviderId = 'resident' | 'staff';

export interface ExternalIdentitiesTable {
  id: Generated<string>;
  provider: OidcProviderId;
  issuer: string;
  /** The `sub` claim; a subject that is a BSN is stored as `bsn:<keyed hash>`. */
  subject: string;
  user_id: string;
  level_of_assurance: string | null;
  pseudonym: string | null;
  /** HMAC-SHA256 of the BSN with BSN_HASH_KEY; never the BSN. */
  bsn_hash: string | null;
  created_at: Timestamp;
  last_login_at: Timestamp;
}

export interface OidcLoginStatesTable {
  /** Keyed hash of the cookie handle. */
  id: string;
  provider: OidcProviderId;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface OidcPendingAccountsTable {
  id: string;
  provider: OidcProviderId;
  issuer: string;
  subject: string;
  level_of_assurance: string | null;
  pseudonym: string | null;
  bsn_hash: string | null;
  /** DigiD Machtigen: whom the person acts for, carried to the completed sign-in. */
  represented_bsn_hash: ColumnType<string | null, string | null | undefined, string | null>;
  roles: ColumnType<UserRole[], UserRole[], UserRole[]>;
  name: string | null;
  email: string | null;
  return_to: string;
  id_token_enc: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface OidcSessionsTable {
  session_id: string;
  provider: OidcProviderId;
  id_token_enc: string;
  created_at: Timestamp;
  /** DigiD Machtigen: the resident this session acts for (migration 0034). */
  acting_for: Generated<string | null>;
}

export interface OidcTables {
  external_identities: ExternalIdentitiesTable;
  oidc_login_states: OidcLoginStatesTable;
  oidc_pending_accounts: OidcPendingAccountsTable;
  oidc_sessions: OidcSessionsTable;
}

export type ExternalIdentity = Selectable<ExternalIdentitiesTable>;
export type PendingAccount = Selectable<OidcPendingAccountsTable>;
