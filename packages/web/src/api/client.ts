import { ROLES, type Role, type WorkflowDefinition } from '@initiatief/engine';

/**
 * The one place the web app talks to the API (`/api`, same origin, session cookie).
 * Every error response is RFC 9457 problem+json; it is parsed into an ApiError.
 */

// Roles are defined once, in the engine; staff are every role but the applicant and the timers.
export type { Role };
export const STAFF_ROLES: readonly Role[] = ROLES.filter(
  (r) => r !== 'applicant' && r !== 'system',
);

export interface InvalidParam {
  name: string;
  reason: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  invalidParams?: InvalidParam[];
  allowed?: string[];
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
  get code(): string | undefined {
    return this.problem.code;
  }
  get invalidParams(): InvalidParam[] {
    return this.problem.invalidParams ?? [];
  }
}

export interface Me {
  id: string;
  email: string | null;
  name: string;
  roles: Role[];
  locale: 'nl' | 'en';
  street?: string | null;
  postcode?: string | null;
  city?: string | null;
  phone?: string | null;
}

export interface Regulation {
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

export interface BudgetLine {
  description: string;
  amountCents: number;
}

export interface Supporter {
  name: string;
  postcode: string;
  age: number | null;
}

/** The application form as the shipped workflow asks for it (issue 3). */
export interface ApplicationData {
  title?: string;
  description?: string;
  district?: string;
  activityDate?: string;
  location?: string;
  expectedParticipants?: number | null;
  budgetLines?: BudgetLine[];
  supporters?: Supporter[];
  iban?: string;
  [key: string]: unknown;
}

export interface Amounts {
  requestedCents: number;
  grantedCents: number | null;
  advanceCents: number;
  settledCents: number | null;
  reclaimCents: number;
}

export interface Deadline {
  key: string;
  date: string;
  explanation: { nl: string; en: string };
}

export interface AllowedEvent {
  type: string;
  roles?: Role[];
  payloadSchema: JsonSchema;
}

export interface UserRef {
  id: string;
  name: string;
}

export interface User extends Me {}

export interface Attachment {
  id: string;
  applicationId: string;
  filename: string;
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  createdAt: string;
}

export interface Application {
  id: string;
  reference: string;
  state: string;
  stateLabel: { nl: string; en: string } | null;
  data: ApplicationData;
  editable: boolean;
  amounts: Amounts;
  clock: {
    receivedOn: string | null;
    decisionDueOn: string | null;
    suspended: boolean;
    suspendedDays: number;
    extended: boolean;
  };
  deadlines: Deadline[];
  allowedEvents: AllowedEvent[];
  definition: { key: string; version: number };
  regulation: { id: string; code: string; title: string; district: string; year: number };
  applicantId: string;
  createdBy: string;
  assigneeId: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** The ETag header of the response this came from (for If-Match). */
  etag: string;
}

/** A version's states and events as screens name them (GET /api/definitions). */
export interface DefinitionVocabulary {
  key: string;
  version: number;
  status: 'published' | 'retired';
  title: { nl: string; en: string };
  initial: string;
  states: { name: string; label: { nl: string; en: string }; tags: string[]; final: boolean }[];
  events: {
    type: string;
    label: { nl: string; en: string };
    outcome: { nl: string; en: string } | null;
  }[];
}

export interface ApplicationSummary {
  id: string;
  reference: string;
  title: string;
  state: string;
  district: string;
  regulationId: string;
  applicantId: string;
  applicantName: string | null;
  requestedCents: number;
  grantedCents: number | null;
  receivedOn: string | null;
  decisionDueOn: string | null;
  daysLeft: number | null;
  overdue: boolean;
  suspended: boolean;
  awaitingDecision: boolean;
  assignee: UserRef | null;
  submittedAt: string | null;
  updatedAt: string;
  version: number;
  definition: { key: string; version: number };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface HistoryEntry {
  id: string;
  seq: number;
  event: string;
  fromState: string;
  toState: string;
  actor: { id: string; name: string | null; roles: Role[] };
  onBehalfOf: string | null;
  payload: unknown;
  at: string;
}

export interface DocumentSummary {
  id: string;
  applicationId: string;
  kind: string;
  templateKey: string;
  language: 'nl' | 'en';
  reference: string;
  subject: string;
  /** The letter date (Europe/Amsterdam). */
  sentOn: string;
  objectionDeadline: string | null;
  rendered: boolean;
  /** How the letter reaches the resident; a paper letter is sent once its batch is posted. */
  channel?: 'email' | 'paper';
  postedOn?: string | null;
  sent?: boolean;
  createdAt: string;
  links: { pdf: string; html: string };
}

/** How a resident receives letters (Awb 2:14): their choice, and what takes effect. */
export interface LetterChannelState {
  channel: 'email' | 'paper';
  email: string | null;
  effective: 'email' | 'paper';
}

/** A day's print run of paper letters. */
export interface PrintBatch {
  id: string;
  postingDate: string;
  status: 'open' | 'posted';
  letters: number;
  createdAt: string;
  postedAt: string | null;
  links: { pdf: string };
}

export interface WaitingLetter {
  documentId: string;
  applicationId: string;
  reference: string;
  kind: string;
  subject: string;
  recipient: { name: string; addressLines: string[] };
  issuedAt: string;
  batchId: string | null;
}

export type JsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: JsonSchema;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  [key: string]: unknown;
};

export type OutboxStatus = 'pending' | 'processing' | 'done' | 'failed';

/** One outbox job: a mail to send or a letter to render (staff only). */
export interface OutboxItem {
  id: string;
  kind: 'mail' | 'render';
  status: OutboxStatus;
  applicationId: string | null;
  documentId: string | null;
  messageId: string | null;
  recipient: string | null;
  /** A render job: the channel of its letter, and for paper the day it was posted. */
  channel?: 'email' | 'paper' | null;
  postedOn?: string | null;
  audience: string | null;
  language: string | null;
  template: string | null;
  subject: string | null;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
}

/** A mail written to disk in development (no SMTP server configured). */
export interface MailFile {
  name: string;
  size: number;
  modifiedAt: string;
  subject: string | null;
  to: string | null;
  messageId: string | null;
  href: string;
}

export interface ApplicationQuery {
  state?: string;
  district?: string;
  regulation?: string;
  overdue?: boolean;
  assignedTo?: 'me' | 'unassigned' | 'anyone';
  q?: string;
  sort?: 'deadline' | 'submitted' | 'updated';
  cursor?: string;
  limit?: number;
}

interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

async function parseProblem(res: Response): Promise<Problem> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    return { ...body, status: body.status ?? res.status };
  } catch {
    return { status: res.status, title: res.statusText, detail: text.slice(0, 200) || undefined };
  }
}

/**
 * Told when an API call answers 401: the session ran out (or was ended elsewhere) mid-visit.
 * The login call itself and the session probe (`/me`) are not reported: there a 401 is an answer.
 */
let unauthorizedListener: (() => void) | null = null;
export function onUnauthorized(listener: (() => void) | null): void {
  unauthorizedListener = listener;
}

async function send(path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) {
    body = opts.body;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method: opts.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError({ status: 0, code: 'network', detail: (err as Error).message });
  }
  if (res.status === 401 && path !== '/me' && !path.startsWith('/auth/')) unauthorizedListener?.();
  if (!res.ok) throw new ApiError(await parseProblem(res));
  return res;
}

async function json<T>(path: string, opts?: RequestOptions): Promise<T> {
  const res = await send(path, opts);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

function qs(params: Record<string, string | number | boolean | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== '' && v !== false) sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/** Lists come as `{items}` per the contract; tolerate a bare array too. */
function items<T>(body: T[] | { items: T[] }): T[] {
  return Array.isArray(body) ? body : body.items;
}

async function application(res: Response): Promise<Application> {
  const body = (await res.json()) as Omit<Application, 'etag'>;
  const etag = res.headers.get('etag') ?? `"${body.version}"`;
  return { ...body, etag };
}

export const api = {
  // accounts (foundation)
  me: () => json<Me>('/me'),
  /** Who is logged in, or null: never a 401, so anonymous pages log no console error. */
  session: async () => (await json<{ user: Me | null }>('/session')).user,
  login: (email: string, password: string) =>
    json<Me>('/auth/login', { method: 'POST', body: { email, password } }),
  // Also ends a DigiD/IdP session at the provider (pages/oidc); same as /auth/logout otherwise.
  logout: async () => {
    const { logoutUrl } = await json<{ logoutUrl: string | null }>('/auth/oidc/logout', {
      method: 'POST',
    });
    if (logoutUrl) window.location.assign(logoutUrl);
  },
  register: (input: { email: string; password: string; name: string }) =>
    json<Me>('/auth/register', { method: 'POST', body: input }),

  // clerk: residents
  searchUsers: async (q: string) =>
    items(await json<{ items: User[] }>(`/users${qs({ q, role: 'applicant' })}`)),
  createUser: (input: {
    name: string;
    email?: string;
    street?: string;
    postcode?: string;
    city?: string;
    phone?: string;
  }) => json<User>('/users', { method: 'POST', body: input }),

  // lifecycle
  regulations: async (all = false) =>
    items(await json<{ items: Regulation[] }>(`/regulations${all ? '?all=true' : ''}`)),
  listApplications: (query: ApplicationQuery = {}) =>
    json<Page<ApplicationSummary>>(`/applications${qs({ ...query })}`),
  getApplication: async (id: string) => application(await send(`/applications/${id}`)),
  createApplication: async (input: {
    regulationId: string;
    data?: ApplicationData;
    applicantId?: string;
  }) => application(await send('/applications', { method: 'POST', body: input })),
  patchApplication: async (id: string, etag: string, data: ApplicationData) =>
    application(
      await send(`/applications/${id}`, {
        method: 'PATCH',
        body: { data },
        headers: { 'if-match': etag },
      }),
    ),
  sendEvent: async (
    id: string,
    event: { type: string; payload?: unknown },
    opts: { etag?: string; idempotencyKey?: string } = {},
  ) => {
    const headers: Record<string, string> = {};
    if (opts.etag) headers['if-match'] = opts.etag;
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    return application(
      await send(`/applications/${id}/events`, { method: 'POST', body: event, headers }),
    );
  },
  history: async (id: string) =>
    items(await json<HistoryEntry[] | { items: HistoryEntry[] }>(`/applications/${id}/history`)),
  /** The work queue: applications that owe a decision, by legal deadline. */
  queue: (query: Omit<ApplicationQuery, 'state' | 'q' | 'sort'> = {}) =>
    json<Page<ApplicationSummary>>(`/queue${qs({ ...query })}`),
  claim: (id: string) =>
    json<{ id: string; assignee: UserRef | null }>(`/applications/${id}/claim`, { method: 'POST' }),
  release: (id: string) =>
    json<{ id: string; assignee: UserRef | null }>(`/applications/${id}/release`, {
      method: 'POST',
    }),

  // definitions: what screens render from
  definitionVocabularies: async () =>
    items(await json<{ items: DefinitionVocabulary[] }>('/definitions')),
  definition: (key: string, version: number) =>
    json<WorkflowDefinition>(
      `/definitions/${encodeURIComponent(key)}/versions/${encodeURIComponent(String(version))}`,
    ),

  // attachments
  attachments: async (id: string) =>
    items(await json<Attachment[] | { items: Attachment[] }>(`/applications/${id}/attachments`)),
  uploadAttachment: (id: string, file: File) => {
    const form = new FormData();
    form.set('file', file);
    return json<Attachment>(`/applications/${id}/attachments`, { method: 'POST', body: form });
  },
  attachmentUrl: (attachmentId: string) => `/api/attachments/${attachmentId}`,

  // letters (messaging)
  documents: async (id: string) =>
    items(
      await json<DocumentSummary[] | { items: DocumentSummary[] }>(`/applications/${id}/documents`),
    ),
  document: (documentId: string) => json<DocumentSummary>(`/documents/${documentId}?format=json`),
  documentHtml: async (documentId: string) => {
    const res = await send(`/documents/${documentId}?format=html`, {
      headers: { accept: 'text/html' },
    });
    return res.text();
  },
  documentPdfUrl: (documentId: string) => `/api/documents/${documentId}?format=pdf`,

  // outbox (staff): failed first, then the most recently changed
  outbox: async (query: { status?: OutboxStatus; kind?: 'mail' | 'render'; limit?: number } = {}) =>
    items(await json<{ items: OutboxItem[] }>(`/outbox${qs({ ...query })}`)),
  retryOutbox: (id: string) =>
    json<OutboxItem>(`/outbox/${encodeURIComponent(id)}/retry`, { method: 'POST' }),
  /** `transport: 'smtp'` means mail really goes out and there are no files to show. */
  mailFiles: (limit = 100) =>
    json<{ transport: 'smtp' | 'file'; items: MailFile[] }>(`/outbox/mail-files${qs({ limit })}`),

  // letters: the resident's channel and the print queue (issue #18)
  letterChannel: () => json<LetterChannelState>('/me/letter-channel'),
  setLetterChannel: (channel: 'email' | 'paper') =>
    json<LetterChannelState>('/me/letter-channel', { method: 'PUT', body: { channel } }),
  userLetterChannel: (userId: string) =>
    json<LetterChannelState>(`/users/${userId}/letter-channel`),
  setUserLetterChannel: (userId: string, channel: 'email' | 'paper') =>
    json<LetterChannelState>(`/users/${userId}/letter-channel`, {
      method: 'PUT',
      body: { channel },
    }),
  printQueue: () => json<{ waiting: WaitingLetter[]; batches: PrintBatch[] }>('/print-queue'),
  createPrintBatch: () => json<PrintBatch>('/print-batches', { method: 'POST' }),
  markBatchPosted: (id: string) =>
    json<PrintBatch>(`/print-batches/${id}/posted`, { method: 'POST' }),
};

/** Maps a dotted server name (`data.budgetLines.0.amountCents`) to a DOM id. */
export function fieldId(name: string): string {
  return `f-${name.replace(/^(data|payload)\./, '').replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** For feature modules (desk, administration) that add their own calls beside `api`. */
export { json as apiJson, qs as apiQuery };
