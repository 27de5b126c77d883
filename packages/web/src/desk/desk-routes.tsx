import type { ReactNode } from 'react';
import type { Role } from '../api/client';
import { lazyPage } from '../router/lazy-page';

// Loaded when opened: a resident's first page carries none of the staff pages' code.
const AdminPage = lazyPage(async () => ({ default: (await import('./admin-page')).AdminPage }));
const ApprovalsPage = lazyPage(async () => ({
  default: (await import('./approvals-page')).ApprovalsPage,
}));
const ConfirmSupportPage = lazyPage(async () => ({
  default: (await import('./confirm-support-page')).ConfirmSupportPage,
}));

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
