/**
 * The policy calls (`/api/policy/...`), through the one typed client (src/api/http.ts); errors are
 * its ApiError. The types are the API document's, named for the policy pages.
 */
import { type Answer, http, type Schemas, type Sends } from '../api/http';

export type DefinitionSummary = Schemas['DefinitionSummary'];
export type DefinitionStatus = DefinitionSummary['status'];
export type DefinitionDetail = Schemas['DefinitionDetail'];
export type DefinitionProblem = DefinitionDetail['validation']['problems'][number];
/** A workflow definition as JSON; the engine's type is used where it is known to be valid. */
export type DefinitionJson = DefinitionDetail['definition'];
export type DefinitionDiff = Answer<'/api/policy/definitions/{key}/diff'>;
export type KeyedChanges = DefinitionDiff['summary']['states'];
export type MigrationPlan = Schemas['MigrationPlan'];
export type MigrationItem = MigrationPlan['items'][number];
export type MigrationDeadline = MigrationItem['deadlines'][number];
export type MigrationRequest = Schemas['MigrationRequest'];
/** A regulation on the policy pages; `opening` says where its four-eyes opening stands. */
export type PolicyRegulation = Schemas['PolicyRegulation'];
export type Proposal = Schemas['PolicyProposal'];
export type ProposalStatus = Proposal['status'];
/** What the regulation form sends for both a new and a changed regulation. */
export type RegulationInput = Omit<
  Schemas['NewRegulation'],
  'code' | 'district' | 'year' | 'comment'
>;
export type StateCount = Answer<'/api/policy/reports/states'>['items'][number];
export type BudgetUse = Answer<'/api/policy/reports/budget'>['items'][number];
export type LeadTime = Answer<'/api/policy/reports/lead-times'>['total'];
export type OverdueItem = Answer<'/api/policy/reports/overdue'>['items'][number];
export type TemplatePreviewInput = Omit<Sends<'/api/policy/templates/preview', 'post'>, 'format'>;
type PreviewAnswer = Answer<'/api/policy/templates/preview', 'post'>;
export type TemplatePreview = Extract<PreviewAnswer, { subject: string }>;
type PreviewLink = Extract<PreviewAnswer, { url: string }>;

const def = (key: string, version: number) => ({ path: { key, version } });

export const policyApi = {
  definitions: async () => (await http.get('/api/policy/definitions')).items,
  definition: (key: string, version: number) =>
    http.get('/api/policy/definitions/{key}/versions/{version}', def(key, version)),
  createDraft: (key: string, fromVersion: number) =>
    http.post('/api/policy/definitions/{key}/drafts', { path: { key }, body: { fromVersion } }),
  /**
   * Saves a draft on the revision it was read at (If-Match, which the API requires): a save over
   * someone else's newer save is refused (ApiError 412 whose problem has `savedBy`, `savedAt`,
   * `revision`): no lost edits.
   */
  saveDraft: (key: string, version: number, definition: DefinitionJson, revision: number) =>
    http.put('/api/policy/definitions/{key}/versions/{version}', {
      ...def(key, version),
      header: { 'if-match': `"r${revision}"` },
      body: { definition },
    }),
  discardDraft: (key: string, version: number) =>
    http.delete('/api/policy/definitions/{key}/versions/{version}', def(key, version)),
  /** Proposes publishing; a second policy officer approves (four eyes). */
  publish: (key: string, version: number, comment: string) =>
    http.post('/api/policy/definitions/{key}/versions/{version}/publish', {
      ...def(key, version),
      body: { comment },
    }),
  proposals: async (status?: ProposalStatus) =>
    (await http.get('/api/policy/proposals', { query: { status } })).items,
  approveProposal: (id: string, comment: string) =>
    http.post('/api/policy/proposals/{id}/approve', { path: { id }, body: { comment } }),
  rejectProposal: (id: string, comment: string) =>
    http.post('/api/policy/proposals/{id}/reject', { path: { id }, body: { comment } }),
  withdrawProposal: (id: string) =>
    http.post('/api/policy/proposals/{id}/withdraw', { path: { id }, body: {} }),
  retire: (key: string, version: number) =>
    http.post('/api/policy/definitions/{key}/versions/{version}/retire', def(key, version)),
  diff: (key: string, from: number, to: number) =>
    http.get('/api/policy/definitions/{key}/diff', { path: { key }, query: { from, to } }),
  dryRun: (key: string, req: MigrationRequest) =>
    http.post('/api/policy/definitions/{key}/migrations/dry-run', { path: { key }, body: req }),
  migrate: (key: string, req: MigrationRequest) =>
    http.post('/api/policy/definitions/{key}/migrations', { path: { key }, body: req }),
  regulations: async () => (await http.get('/api/policy/regulations')).items,
  /** Created closed: it opens for applications when a second officer approves (four eyes). */
  createRegulation: (input: Schemas['NewRegulation']) =>
    http.post('/api/policy/regulations', { body: input }),
  /** Proposes again to open a new regulation whose opening was rejected or withdrawn. */
  proposeOpening: (id: string, comment: string) =>
    http.post('/api/policy/regulations/{id}/opening', { path: { id }, body: { comment } }),
  /** A change of workflow version, ceiling or maximum answers a proposal instead (four eyes). */
  updateRegulation: (id: string, input: Schemas['RegulationPatch']) =>
    http.patch('/api/policy/regulations/{id}', { path: { id }, body: input }),
  states: async (year?: number) =>
    (await http.get('/api/policy/reports/states', { query: { year } })).items,
  budget: async (year?: number) =>
    (await http.get('/api/policy/reports/budget', { query: { year } })).items,
  leadTimes: (year?: number) => http.get('/api/policy/reports/lead-times', { query: { year } }),
  overdue: () => http.get('/api/policy/reports/overdue'),
  previewTemplate: async (input: TemplatePreviewInput): Promise<TemplatePreview> =>
    (await http.post('/api/policy/templates/preview', {
      body: { ...input, format: 'json' },
    })) as TemplatePreview,
  /** The letter as the real renderer prints it: a URL of the PDF, kept a few minutes. */
  previewTemplatePdf: async (input: TemplatePreviewInput): Promise<PreviewLink> =>
    (await http.post('/api/policy/templates/preview', {
      body: { ...input, format: 'link' },
    })) as PreviewLink,
  /** A download in the UI's language: `csv` (;-separated, for Dutch Excel) or `xlsx`. */
  exportUrl: (
    what: 'applications' | 'budget-ledger',
    format: 'csv' | 'xlsx',
    lang: 'nl' | 'en',
    year?: number,
  ) => http.href(`/api/policy/reports/${what}.${format}`, { query: { lang, year } }),
};
