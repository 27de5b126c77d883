import type { ColumnType, Generated, Selectable } from 'kysely';

export const ACCOUNT_ACTIONS = [
  'created',
  'roles_changed',
  'deactivated',
  'reactivated',
  'password_reset',
] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

/** What an administrator changed on an account; rows are never changed afterwards. */
export interface AccountAuditTable {
  id: Generated<string>;
  actor_id: string;
  target_id: string;
  action: AccountAction;
  details: ColumnType<Record<string, unknown>, string, never>;
  at: ColumnType<Date, Date | string, never>;
}

export interface AdminTables {
  account_audit: AccountAuditTable;
}

export type AccountAudit = Selectable<AccountAuditTable>;
