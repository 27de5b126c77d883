import type { ReactNode } from 'react';
import type { Role } from '../api/client';
import { AdminPage } from './admin-page';
import { ApprovalsPage } from './approvals-page';
import { ConfirmSupportPage } from './confirm-support-page';

/** The administration and approval pages, spread into the app's route table (src/app.tsx). */
export const DESK_ROUTES: {
  path: string;
  roles?: Role[];
  render(params: Record<string, string>): ReactNode;
}[] = [
  { path: '/beheer', roles: ['admin'], render: () => <AdminPage /> },
  { path: '/te-beslissen', roles: ['approver'], render: () => <ApprovalsPage /> },
  // Public: a supporter opens it from the invitation mail, without an account.
  { path: '/steunen', render: () => <ConfirmSupportPage /> },
];

/** Menu items for these pages, by role (src/shell/layout.tsx). */
export const DESK_NAV: { href: string; roles: Role[]; label: 'nav.admin' | 'nav.approvals' }[] = [
  { href: '/te-beslissen', roles: ['approver'], label: 'nav.approvals' },
  { href: '/beheer', roles: ['admin'], label: 'nav.admin' },
];
