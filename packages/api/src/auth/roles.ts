/** Roles a person can hold; `system` is only for timers and never stored on a user. */
export const USER_ROLES = [
  'applicant',
  'clerk',
  'assessor',
  'approver',
  'policy',
  'admin',
] as const;
export type UserRole = (typeof USER_ROLES)[number];
/** The engine's Role: the user roles plus `system` (timers). */
export type Role = UserRole | 'system';
/** Roles that see other people's applications. */
export const STAFF_ROLES: readonly UserRole[] = [
  'clerk',
  'assessor',
  'approver',
  'policy',
  'admin',
];
