/**
 * The desk, administration and claim calls. Requests and errors go through the one typed client
 * (src/api/http.ts); the types are the API document's schemas.
 */
import {
  ApiError,
  type Application,
  http,
  type Role,
  type Schemas,
  type User,
} from '../api/client';
import type { Sends } from '../api/http';

export type Account = Schemas['Account'];
export type AuditEntry = Schemas['AccountAuditEntry'];
export type Assignment = Schemas['Assignment'];
export type ContactChannel = Schemas['ContactMoment']['channel'];
export const CONTACT_CHANNELS = [
  'phone',
  'desk',
  'email',
  'letter',
] as const satisfies readonly ContactChannel[];

/** The application as the API sends it, with the fields the desk pages read. */
export type DeskApplication = Application;
/** One field of the resident's report, labelled by the workflow definition. */
export type ReportEntry = Application['report'][number];
/** A supporter on record, with whether the supporters' rule counts him now (`verdict`). */
export type SupporterRow = Schemas['ListedSupporter'];
export type Authorisation = Schemas['Authorisation'];
/** The district a postcode lies in and the open regulations of that district. */
export type PostcodeRegulations = Schemas['RegulationsForPostcode'];

/** A resident who looks like the one being registered (a 409's `candidates`), and what matched. */
export type Lookalike = User & { matchedOn: ('email' | 'address' | 'phone')[] };

/** The residents a refused registration names (409 `candidates`), or null for another failure. */
export function lookalikesOf(err: unknown): Lookalike[] | null {
  if (!(err instanceof ApiError) || err.status !== 409) return null;
  const list = err.problem.candidates;
  return Array.isArray(list) && list.length > 0 ? (list as Lookalike[]) : null;
}

export const deskApi = {
  /** Which open regulations' district holds the postcode, by their workflows' district tables. */
  regulationsForPostcode: (postcode: string) =>
    http.get('/api/regulations/by-postcode', { query: { postcode } }),
  /**
   * Registers a resident (POST /api/users). Refused with 409 and `candidates` when residents who
   * look the same exist; `confirmedDifferent: true` registers anyway, recorded.
   */
  registerResident: (input: Sends<'/api/users', 'post'>) =>
    http.post('/api/users', { body: input }),
  authorisations: async (id: string) =>
    (await http.get('/api/applications/{id}/authorisations', { path: { id } })).items,
  authorise: (id: string, email: string) =>
    http.post('/api/applications/{id}/authorisations', { path: { id }, body: { email } }),
  revokeAuthorisation: (id: string, authorisationId: string) =>
    http.delete('/api/applications/{id}/authorisations/{authorisationId}', {
      path: { id, authorisationId },
    }),
  supporters: (id: string) => http.get('/api/applications/{id}/supporters', { path: { id } }),
  addSupporter: (
    id: string,
    input: { name: string; email?: string; paper?: boolean; postcode?: string; age?: number },
  ) => http.post('/api/applications/{id}/supporters', { path: { id }, body: input }),
  invitation: (token: string) => http.get('/api/supporters/confirm', { query: { token } }),
  confirmSupport: (input: { token: string; code: string; postcode: string; age: number }) =>
    http.post('/api/supporters/confirm', { body: input }),
  /** Confirms as the person signed in with DigiD in this session. */
  confirmWithDigid: (input: { token: string; postcode: string; age: number }) =>
    http.post('/api/supporters/confirm/digid', { body: input }),
  /** Signing in with DigiD, back to the confirmation page at its address in `local` (the router's href). */
  digidLoginHref: (token: string, local: (to: string) => string) =>
    http.href('/api/auth/oidc/{provider}/login', {
      path: { provider: 'resident' },
      query: { returnTo: local(`/steunen?token=${encodeURIComponent(token)}`) },
    }),
  accounts: async (q?: string) => (await http.get('/api/admin/accounts', { query: { q } })).items,
  createAccount: (input: { name: string; email: string; roles: Role[] }) =>
    http.post('/api/admin/accounts', { body: input }),
  setRoles: (id: string, roles: Role[]) =>
    http.put('/api/admin/accounts/{id}/roles', { path: { id }, body: { roles } }),
  setActive: (id: string, active: boolean) =>
    http.put('/api/admin/accounts/{id}/active', { path: { id }, body: { active } }),
  resetPassword: (id: string) =>
    http.post('/api/admin/accounts/{id}/password-reset', { path: { id } }),
  audit: async (targetId?: string) =>
    (await http.get('/api/admin/audit', { query: { targetId } })).items,
  /** What waits for an approver: states tagged `awaiting_approval`, by legal deadline. */
  approvals: () => http.get('/api/queue', { query: { awaitingApproval: 'true', limit: 100 } }),
  /** The desk's search: reference, resident's name, or postcode and house number. */
  findApplications: (q: string) => http.get('/api/applications', { query: { q, limit: 50 } }),
  takeOver: (id: string, reason?: string) =>
    http.post('/api/applications/{id}/take-over', {
      path: { id },
      body: reason ? { reason } : {},
    }),
  logContact: (id: string, input: { channel: ContactChannel; summary: string }) =>
    http.post('/api/applications/{id}/contacts', { path: { id }, body: input }),
  recordNoticeOfDefault: (id: string, receivedOn: string) =>
    http.post('/api/applications/{id}/notice-of-default', { path: { id }, body: { receivedOn } }),
  /** Sets the penalty by decision today and sends the letter (Awb 4:18). */
  issuePenaltyDecision: (
    id: string,
    notOwed?: { ground: 'late_notice' | 'not_interested' | 'manifest'; motivation: string },
  ) =>
    http.post('/api/applications/{id}/notice-of-default/penalty-decision', {
      path: { id },
      body: notOwed ? { notOwed } : {},
    }),
  recordPenaltySet: (id: string, setOn: string) =>
    http.post('/api/applications/{id}/notice-of-default/penalty-set', {
      path: { id },
      body: { setOn },
    }),
};
