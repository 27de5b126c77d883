/**
 * The policy endpoints (`/api/policy/...`). Errors are the client module's ApiError, parsed from
 * problem+json the same way; this file only adds the calls the policy pages need.
 */
import { ApiError, type Problem } from '../api/client';

export type DefinitionStatus = 'draft' | 'published' | 'retired';

export interface DefinitionProblem {
  path: string;
  code: string;
  message: string;
  /** The problem as a sentence naming the state, event or template by its label. */
  text?: { nl: string; en: string };
}

export interface DefinitionSummary {
  key: string;
  version: number;
  status: DefinitionStatus;
  title: { nl: string; en: string } | null;
  createdAt: string;
  publishedAt: string | null;
  regulations: number;
  applications: number;
  activeApplications: number;
}

/** A workflow definition as JSON; the engine's type is used where it is known to be valid. */
export type DefinitionJson = Record<string, unknown>;

export interface DefinitionDetail extends DefinitionSummary {
  definition: DefinitionJson;
  validation: { ok: boolean; problems: DefinitionProblem[] };
  /** The draft's revision (ETag `"r<revision>"`); send it back when saving. */
  revision: number;
  savedBy: { id: string; name: string } | null;
  savedAt: string | null;
}

export interface KeyedChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

export interface DefinitionDiff {
  changes: {
    path: string;
    kind: 'added' | 'removed' | 'changed';
    before?: unknown;
    after?: unknown;
  }[];
  summary: {
    states: KeyedChanges;
    transitions: KeyedChanges;
    events: KeyedChanges;
    roles: { event: string; before: string[]; after: string[] }[];
    delays: KeyedChanges;
    letters: KeyedChanges;
    mails: KeyedChanges;
    form: boolean;
    other: string[];
  };
}

type Localized = { nl: string; en: string };

export interface MigrationDeadline {
  delay: string;
  label: Localized;
  before: string | null;
  after: string | null;
  change: 'kept' | 'moved' | 'started' | 'stopped' | 'rule_applied';
  text: Localized;
}

export interface MigrationItem {
  applicationId: string;
  reference: string;
  title: string;
  district: string;
  fromState: string;
  fromLabel: Localized;
  toState: string | null;
  toLabel: Localized | null;
  outcome: 'same_state' | 'mapped' | 'stranded';
  reason: Localized | null;
  events: { added: string[]; removed: string[] };
  deadlines: MigrationDeadline[];
  budget: { reservedCents: number; change: 'none' | 'kept' | 'released'; text: Localized } | null;
  /** Everything that happens to it, sentence by sentence. */
  text: Localized[];
}

export interface MigrationPlan {
  key: string;
  fromVersion: number;
  toVersion: number;
  stateMap: Record<string, string>;
  applyNewRules: boolean;
  items: MigrationItem[];
  summary: { total: number; sameState: number; mapped: number; stranded: number };
  migrationId?: string;
}

export interface MigrationRequest {
  fromVersion: number;
  toVersion: number;
  stateMap?: Record<string, string>;
  applicationIds?: string[];
  applyNewRules?: boolean;
}

export interface PolicyRegulation {
  id: string;
  code: string;
  title: string;
  district: string;
  year: number;
  ceilingCents: number;
  maxAmountCents: number;
  directSettlementThresholdCents: number;
  decisionTermWeeks: number;
  reportDueWeeks: number;
  opensOn: string;
  closesOn: string;
  workflow: { key: string; version: number };
  budget: { reservedCents: number; committedCents: number; remainingCents: number };
  open: boolean;
}

export type ProposalStatus = 'open' | 'approved' | 'rejected' | 'withdrawn';

/** A change of the rules waiting for (or decided by) a second policy officer. */
export interface Proposal {
  id: string;
  kind: 'publish_definition' | 'change_regulation';
  status: ProposalStatus;
  definition: { key: string; version: number } | null;
  regulation: {
    id: string;
    code: string;
    title: string;
    current: {
      ceilingCents: number;
      maxAmountCents: number;
      workflow: { key: string; version: number };
    };
  } | null;
  changes: RegulationInput;
  proposedBy: { id: string; name: string };
  proposedAt: string;
  comment: string;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  decisionComment: string | null;
}

export type RegulationInput = Partial<{
  code: string;
  title: string;
  district: string;
  year: number;
  ceilingCents: number;
  maxAmountCents: number;
  directSettlementThresholdCents: number;
  decisionTermWeeks: number;
  reportDueWeeks: number;
  opensOn: string;
  closesOn: string;
  workflowKey: string;
  workflowVersion: number;
}>;

export interface StateCount {
  district: string;
  state: string;
  count: number;
}

export interface BudgetUse {
  regulationId: string;
  code: string;
  title: string;
  district: string;
  year: number;
  ceilingCents: number;
  reservedCents: number;
  committedCents: number;
  remainingCents: number;
  usedCents: number;
  usedShare: number;
}

export interface LeadTime {
  district: string | null;
  decided: number;
  averageDays: number | null;
  medianDays: number | null;
  maxDays: number | null;
  withinTerm: number;
  withinTermShare: number | null;
}

export interface OverdueItem {
  id: string;
  reference: string;
  title: string;
  district: string;
  state: string;
  decisionDueOn: string;
  daysOverdue: number;
  assignee: string | null;
}

export interface TemplatePreviewInput {
  group: 'letters' | 'mails';
  kind?: string;
  language: 'nl' | 'en';
  subject: string;
  body: string;
}
export interface TemplatePreview {
  subject: string;
  body: string;
  variables: Record<string, string>;
  unknown: string[];
  malformed: string[];
}

async function call<T>(
  path: string,
  method = 'GET',
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/api/policy${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new ApiError({ status: 0, code: 'network', detail: (err as Error).message });
  }
  if (!res.ok) {
    const text = await res.text();
    let problem: Problem;
    try {
      const parsed = JSON.parse(text) as Partial<Problem>;
      problem = { ...parsed, status: parsed.status ?? res.status };
    } catch {
      problem = { status: res.status, title: res.statusText, detail: text.slice(0, 200) };
    }
    throw new ApiError(problem);
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

const year = (y?: number) => (y ? `?year=${y}` : '');
const defPath = (key: string, version: number) =>
  `/definitions/${encodeURIComponent(key)}/versions/${version}`;

export const policyApi = {
  definitions: async () => (await call<{ items: DefinitionSummary[] }>('/definitions')).items,
  definition: (key: string, version: number) => call<DefinitionDetail>(defPath(key, version)),
  createDraft: (key: string, fromVersion: number) =>
    call<DefinitionDetail>(`/definitions/${encodeURIComponent(key)}/drafts`, 'POST', {
      fromVersion,
    }),
  /**
   * Saves a draft. With the revision it was read at, a save over someone else's newer save is
   * refused (ApiError 412 whose problem has `savedBy`, `savedAt`, `revision`): no lost edits.
   */
  saveDraft: (key: string, version: number, definition: DefinitionJson, revision?: number) =>
    call<DefinitionDetail>(
      defPath(key, version),
      'PUT',
      { definition },
      revision === undefined ? {} : { 'if-match': `"r${revision}"` },
    ),
  discardDraft: (key: string, version: number) => call<void>(defPath(key, version), 'DELETE'),
  /** Proposes publishing; a second policy officer approves (four eyes). */
  publish: (key: string, version: number, comment: string) =>
    call<{ proposal: Proposal }>(`${defPath(key, version)}/publish`, 'POST', { comment }),
  proposals: async (status?: ProposalStatus) =>
    (await call<{ items: Proposal[] }>(`/proposals${status ? `?status=${status}` : ''}`)).items,
  approveProposal: (id: string, comment: string) =>
    call<{ proposal: Proposal; result: unknown }>(`/proposals/${id}/approve`, 'POST', { comment }),
  rejectProposal: (id: string, comment: string) =>
    call<{ proposal: Proposal }>(`/proposals/${id}/reject`, 'POST', { comment }),
  withdrawProposal: (id: string) =>
    call<{ proposal: Proposal }>(`/proposals/${id}/withdraw`, 'POST', {}),
  retire: (key: string, version: number) =>
    call<DefinitionDetail>(`${defPath(key, version)}/retire`, 'POST'),
  diff: (key: string, from: number, to: number) =>
    call<DefinitionDiff>(`/definitions/${encodeURIComponent(key)}/diff?from=${from}&to=${to}`),
  dryRun: (key: string, req: MigrationRequest) =>
    call<MigrationPlan>(`/definitions/${encodeURIComponent(key)}/migrations/dry-run`, 'POST', req),
  migrate: (key: string, req: MigrationRequest) =>
    call<MigrationPlan>(`/definitions/${encodeURIComponent(key)}/migrations`, 'POST', req),
  regulations: async () => (await call<{ items: PolicyRegulation[] }>('/regulations')).items,
  createRegulation: (input: RegulationInput) =>
    call<PolicyRegulation>('/regulations', 'POST', input),
  /** A change of workflow version, ceiling or maximum answers a proposal instead (four eyes). */
  updateRegulation: (id: string, input: RegulationInput & { comment?: string }) =>
    call<PolicyRegulation | { proposal: Proposal }>(`/regulations/${id}`, 'PATCH', input),
  states: async (y?: number) =>
    (await call<{ items: StateCount[] }>(`/reports/states${year(y)}`)).items,
  budget: async (y?: number) =>
    (await call<{ items: BudgetUse[] }>(`/reports/budget${year(y)}`)).items,
  leadTimes: (y?: number) =>
    call<{ items: LeadTime[]; total: LeadTime }>(`/reports/lead-times${year(y)}`),
  overdue: () => call<{ today: string; items: OverdueItem[] }>('/reports/overdue'),
  previewTemplate: (input: TemplatePreviewInput) =>
    call<TemplatePreview>('/templates/preview', 'POST', { ...input, format: 'json' }),
  /** The letter as the real renderer prints it: a URL of the PDF, kept a few minutes. */
  previewTemplatePdf: (input: TemplatePreviewInput) =>
    call<{ url: string }>('/templates/preview', 'POST', { ...input, format: 'link' }),
  /** A download in the UI's language: `csv` (;-separated, for Dutch Excel) or `xlsx`. */
  exportUrl: (
    what: 'applications' | 'budget-ledger',
    format: 'csv' | 'xlsx',
    lang: string,
    y?: number,
  ) => `/api/policy/reports/${what}.${format}?lang=${lang}${y ? `&year=${y}` : ''}`,
};
