import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { UserRole } from './roles';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface UsersTable {
  id: Generated<string>;
  /** Lower-cased; null for a resident a clerk registered without e-mail (letters go by post). */
  email: string | null;
  name: string;
  roles: ColumnType<UserRole[], UserRole[] | undefined, UserRole[]>;
  locale: ColumnType<'nl' | 'en', 'nl' | 'en' | undefined, 'nl' | 'en'>;
  street: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
  /** How letters reach this resident (Awb 2:14); 'email' needs an address. See messaging/channels.ts. */
  letter_channel: ColumnType<'email' | 'paper', 'email' | 'paper' | undefined, 'email' | 'paper'>;
  /** argon2id; null when the account cannot log in with a password (clerk-created). */
  password_hash: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Set by an administrator: the account can no longer log in (its sessions were revoked). */
  deactivated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Registered but the mailed link not yet followed: cannot log in (see account-links). */
  confirmation_pending: ColumnType<boolean, boolean | undefined, boolean>;
}

/** A one-time link mailed to an account's address; only its SHA-256 is stored. */
export interface AccountTokensTable {
  id: Generated<string>;
  user_id: string;
  purpose: 'confirm' | 'password';
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface SessionsTable {
  id: Generated<string>;
  /** HMAC-SHA256 of the cookie token with SESSION_SECRET; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  /** The absolute expiry; the idle expiry is last_seen_at + SESSION_IDLE_MINUTES. */
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  user_agent: string | null;
  client_address: string | null;
}

/** Fixed-window counters (login attempts per account and per address), shared by all processes. */
export interface RateLimitsTable {
  key: string;
  window_start: Timestamp;
  count: number;
}

export interface AccountTables {
  users: UsersTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  account_tokens: AccountTokensTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Session = Selectable<SessionsTable>;
