/**
 * The desk, administration and claim endpoints. Requests and errors go through the one client
 * (src/api/client.ts); this file only names the calls these pages need.
 */
import {
  type Application,
  type ApplicationSummary,
  apiJson,
  apiQuery,
  type Page,
  type Role,
} from '../api/client';

export interface Account {
  id: string;
  name: string;
  email: string | null;
  roles: Role[];
  locale: 'nl' | 'en';
  active: boolean;
  deactivatedAt: string | null;
  createdAt: string;
}

export interface AuditEntry {
  id: string;
  action: 'created' | 'roles_changed' | 'deactivated' | 'reactivated' | 'password_reset';
  details: Record<string, unknown>;
  at: string;
  actor: { id: string; name: string };
  target: { id: string; name: string };
}

export interface Assignment {
  id: string;
  reference: string;
  assignee: { id: string; name: string } | null;
  assignedAt: string | null;
}

export type ContactChannel = 'phone' | 'desk' | 'email' | 'letter';
export const CONTACT_CHANNELS: ContactChannel[] = ['phone', 'desk', 'email', 'letter'];

/** The application as the API sends it, with the fields the desk pages read. */
export type DeskApplication = Application & {
  applicantName?: string | null;
  report?: ReportEntry[];
};

/** One field of the resident's report, labelled by the workflow definition. */
export interface ReportEntry {
  key: string;
  label: { nl: string; en: string };
  unit: 'cents' | null;
  value: unknown;
}

export interface SupporterRow {
  id: string;
  name: string;
  email: string | null;
  postcode: string | null;
  age: number | null;
  invitedAt: string | null;
  confirmedAt: string | null;
  confirmedHow: 'code' | 'digid' | 'paper' | null;
  inMunicipality: boolean | null;
  isApplicant: boolean;
  counts: boolean;
}

export interface SupportInvitation {
  reference: string;
  title: string;
  description: string | null;
  district: string;
  applicantName: string;
  supporterName: string;
  confirmedAt: string | null;
}

export interface Authorisation {
  id: string;
  agent: { id: string; name: string; email: string | null };
  source: 'resident' | 'machtigen';
  createdAt: string;
}

export const deskApi = {
  authorisations: (id: string) =>
    apiJson<{ items: Authorisation[] }>(`/applications/${id}/authorisations`).then((b) => b.items),
  authorise: (id: string, email: string) =>
    apiJson<{ agent: { name: string } }>(`/applications/${id}/authorisations`, {
      method: 'POST',
      body: { email },
    }),
  revokeAuthorisation: (id: string, authorisationId: string) =>
    apiJson<void>(`/applications/${id}/authorisations/${authorisationId}`, { method: 'DELETE' }),
  supporters: (id: string) =>
    apiJson<{ items: SupporterRow[]; confirmed: number }>(`/applications/${id}/supporters`),
  addSupporter: (
    id: string,
    input: { name: string; email?: string; paper?: boolean; postcode?: string; age?: number },
  ) => apiJson<SupporterRow>(`/applications/${id}/supporters`, { method: 'POST', body: input }),
  invitation: (token: string) =>
    apiJson<SupportInvitation>(`/supporters/confirm${apiQuery({ token })}`),
  confirmSupport: (input: { token: string; code: string; postcode: string; age: number }) =>
    apiJson<{ confirmedAt: string }>('/supporters/confirm', { method: 'POST', body: input }),
  accounts: (q?: string) =>
    apiJson<{ items: Account[] }>(`/admin/accounts${apiQuery({ q })}`).then((b) => b.items),
  createAccount: (input: { name: string; email: string; roles: Role[] }) =>
    apiJson<{ account: Account; oneTimePassword: string }>('/admin/accounts', {
      method: 'POST',
      body: input,
    }),
  setRoles: (id: string, roles: Role[]) =>
    apiJson<Account>(`/admin/accounts/${id}/roles`, { method: 'PUT', body: { roles } }),
  setActive: (id: string, active: boolean) =>
    apiJson<Account>(`/admin/accounts/${id}/active`, { method: 'PUT', body: { active } }),
  resetPassword: (id: string) =>
    apiJson<{ account: Account; oneTimePassword: string }>(`/admin/accounts/${id}/password-reset`, {
      method: 'POST',
    }),
  audit: (targetId?: string) =>
    apiJson<{ items: AuditEntry[] }>(`/admin/audit${apiQuery({ targetId })}`).then((b) => b.items),
  /** What waits for an approver: states tagged `awaiting_approval`, by legal deadline. */
  approvals: () =>
    apiJson<Page<ApplicationSummary>>(`/queue${apiQuery({ awaitingApproval: true, limit: 100 })}`),
  /** The desk's search: reference, resident's name, or postcode and house number. */
  findApplications: (q: string) =>
    apiJson<Page<ApplicationSummary>>(`/applications${apiQuery({ q, limit: 50 })}`),
  takeOver: (id: string, reason?: string) =>
    apiJson<Assignment>(`/applications/${id}/take-over`, {
      method: 'POST',
      body: reason ? { reason } : {},
    }),
  logContact: (id: string, input: { channel: ContactChannel; summary: string }) =>
    apiJson<{ historyId: string }>(`/applications/${id}/contacts`, { method: 'POST', body: input }),
};
