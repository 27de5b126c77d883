import { ROLES, type WorkflowDefinition } from '@initiatief/engine';
import { http, type Operation, type Schemas } from './http';

/**
 * The calls the resident, desk and assessor pages make, named for the screens. Every request
 * goes through `http` (./http.ts), typed by the API's OpenAPI document; the types below are the
 * document's schemas, not copies. Every error answer is RFC 9457 problem+json: an ApiError.
 */

export {
  ApiError,
  http,
  type InvalidParam,
  onUnauthorized,
  type Problem,
  type Schemas,
} from './http';

/**
 * Roles, defined once: the engine's list, whose type client.contract.ts holds equal to the
 * document's role enum. People hold every role but `system` (the timers); staff are every role
 * a person holds but the applicant.
 */
export type Role = Schemas['Role'];
export type ActorRole = Schemas['ActorRole'];
export const USER_ROLES: readonly Role[] = ROLES.filter((r): r is Role => r !== 'system');
export const STAFF_ROLES: readonly Role[] = USER_ROLES.filter((r) => r !== 'applicant');

export type Me = Schemas['User'];
export type User = Schemas['User'];
export type Regulation = Schemas['Regulation'];
export type Attachment = Schemas['Attachment'];
export type HistoryEntry = Schemas['HistoryEntry'];
export type ApplicationSummary = Schemas['ApplicationListItem'];
export type DefinitionVocabulary = Schemas['DefinitionVocabulary'];
export type DocumentSummary = Schemas['Document'];
export type LetterChannelState = Schemas['LetterChannel'];
export type PrintBatch = Schemas['PrintBatch'];
export type WaitingLetter = Schemas['WaitingLetter'];
export type OutboxItem = Schemas['OutboxItem'];
export type OutboxStatus = OutboxItem['status'];
export type MailFile = Schemas['MailFile'];

/** The application's form data: whatever fields its workflow definition declares. */
export type ApplicationData = Schemas['Application']['data'];
export type AllowedEvent = Schemas['Application']['allowedEvents'][number];
export type Application = Schemas['Application'] & {
  /** The ETag header of the response this came from (for If-Match). */
  etag: string;
};
export type ApplicationQuery = NonNullable<
  Operation<'/api/applications', 'get'>['parameters']['query']
>;
type QueueQuery = NonNullable<Operation<'/api/queue', 'get'>['parameters']['query']>;
type OutboxQuery = NonNullable<Operation<'/api/outbox', 'get'>['parameters']['query']>;

/** A JSON Schema as the web reads payload schemas (the document leaves them open). */
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

/** An application answer with the ETag it came with (the version when there is none). */
async function application(
  call: Promise<{ data: Schemas['Application']; response: Response }>,
): Promise<Application> {
  const { data, response } = await call;
  return { ...data, etag: response.headers.get('etag') ?? `"${data.version}"` };
}

export const api = {
  // accounts (foundation)
  me: () => http.get('/api/me'),
  /** Who is logged in, or null: never a 401, so anonymous pages log no console error. */
  session: async () => {
    const answer = await http.get('/api/session');
    return { me: answer.user, actingFor: answer.actingFor };
  },
  login: (email: string, password: string) =>
    http.post('/api/auth/login', { body: { email, password } }),
  // Also ends a DigiD/IdP session at the provider (pages/oidc); same as /auth/logout otherwise.
  logout: async () => {
    const { logoutUrl } = await http.post('/api/auth/oidc/logout');
    if (logoutUrl) window.location.assign(logoutUrl);
  },
  /** Answers the same for a known address: the account logs in after the mailed link. */
  register: (input: { email: string; password: string; name: string; locale: 'nl' | 'en' }) =>
    http.post('/api/auth/register', { body: input }),
  confirmAccount: (token: string) => http.post('/api/auth/confirm', { body: { token } }),
  requestPasswordLink: (email: string) => http.post('/api/auth/password-link', { body: { email } }),
  setPassword: (token: string, password: string) =>
    http.post('/api/auth/password', { body: { token, password } }),

  // clerk: residents
  searchUsers: async (q: string) =>
    (await http.get('/api/users', { query: { q, role: 'applicant' } })).items,
  createUser: (input: {
    name: string;
    email?: string;
    letterChannel?: LetterChannelState['channel'];
    street?: string;
    postcode?: string;
    city?: string;
    phone?: string;
  }) => http.post('/api/users', { body: input }),
  /**
   * The resident corrects their own postal address (where letters by post go), or removes it
   * with all three null (refused while letters go by post).
   */
  setMyPostalAddress: (address: {
    street: string | null;
    postcode: string | null;
    city: string | null;
  }) => http.patch('/api/me', { body: address }),

  // lifecycle
  regulations: async (all = false) =>
    (await http.get('/api/regulations', { query: { all: all ? 'true' : undefined } })).items,
  listApplications: (query: ApplicationQuery = {}) => http.get('/api/applications', { query }),
  getApplication: (id: string) =>
    application(http.withResponse.get('/api/applications/{id}', { path: { id } })),
  createApplication: (input: {
    regulationId: string;
    data?: ApplicationData;
    applicantId?: string;
  }) => application(http.withResponse.post('/api/applications', { body: input })),
  patchApplication: (id: string, etag: string, data: ApplicationData) =>
    application(
      http.withResponse.patch('/api/applications/{id}', {
        path: { id },
        header: { 'if-match': etag },
        body: { data },
      }),
    ),
  sendEvent: (
    id: string,
    event: { type: string; payload?: unknown },
    opts: { etag?: string; idempotencyKey?: string } = {},
  ) =>
    application(
      http.withResponse.post('/api/applications/{id}/events', {
        path: { id },
        header: { 'if-match': opts.etag, 'idempotency-key': opts.idempotencyKey },
        body: event,
      }),
    ),
  history: async (id: string) =>
    (await http.get('/api/applications/{id}/history', { path: { id } })).items,
  /** The work queue: applications that owe a decision, by legal deadline. */
  queue: (query: QueueQuery = {}) => http.get('/api/queue', { query }),
  /** The applicant, or her helper, gives notice of default online: it comes in today. */
  giveNoticeOfDefault: (id: string) =>
    http.post('/api/applications/{id}/notice-of-default', { path: { id }, body: {} }),
  /** Penalties of notices of default owed and not yet set by decision (Awb 4:18). */
  penaltiesToSet: async () => (await http.get('/api/queue/penalties')).items,
  claim: (id: string) => http.post('/api/applications/{id}/claim', { path: { id } }),
  release: (id: string) => http.post('/api/applications/{id}/release', { path: { id } }),

  // definitions: what screens render from
  definitionVocabularies: async () => (await http.get('/api/definitions')).items,
  definition: async (key: string, version: number) =>
    (await http.get('/api/definitions/{key}/versions/{version}', {
      path: { key, version },
    })) as unknown as WorkflowDefinition,

  // attachments
  attachments: async (id: string) =>
    (await http.get('/api/applications/{id}/attachments', { path: { id } })).items,
  /**
   * `field`: the form's attachments field the file is for; with `event`, that event's payload
   * field (a file of an answer, the application's once the answer is sent).
   */
  uploadAttachment: (id: string, file: File, target: { field?: string; event?: string } = {}) => {
    const form = new FormData();
    form.set('file', file);
    if (target.field) form.set('field', target.field);
    if (target.event) form.set('event', target.event);
    return http.post('/api/applications/{id}/attachments', { path: { id }, body: form });
  },
  attachmentUrl: (id: string) => http.href('/api/attachments/{id}', { path: { id } }),

  // letters (messaging)
  documents: async (id: string) =>
    (await http.get('/api/applications/{id}/documents', { path: { id } })).items,
  document: (id: string) =>
    http.get('/api/documents/{id}', { path: { id }, query: { format: 'json' } }),
  documentHtml: (id: string) =>
    http.text('text/html', '/api/documents/{id}', { path: { id }, query: { format: 'html' } }),
  documentPdfUrl: (id: string) =>
    http.href('/api/documents/{id}', { path: { id }, query: { format: 'pdf' } }),

  // outbox (staff): failed first, then the most recently changed
  outbox: async (query: OutboxQuery = {}) => (await http.get('/api/outbox', { query })).items,
  retryOutbox: (id: string) => http.post('/api/outbox/{id}/retry', { path: { id } }),
  /** `transport: 'smtp'` means mail really goes out and there are no files to show. */
  mailFiles: (limit = 100) => http.get('/api/mail-files', { query: { limit } }),
  /** A mail file's text (development, no SMTP server). */
  mailFile: (name: string) =>
    http.text('message/rfc822', '/api/mail-files/{name}', { path: { name } }),

  // letters: the resident's channel and the print queue (issue #18)
  letterChannel: () => http.get('/api/me/letter-channel'),
  setLetterChannel: (channel: LetterChannelState['channel']) =>
    http.put('/api/me/letter-channel', { body: { channel } }),
  userLetterChannel: (id: string) => http.get('/api/users/{id}/letter-channel', { path: { id } }),
  setUserLetterChannel: (id: string, channel: LetterChannelState['channel']) =>
    http.put('/api/users/{id}/letter-channel', { path: { id }, body: { channel } }),
  printQueue: () => http.get('/api/print-queue'),
  /** A clerk completes a resident's postal address (letters by post need one). */
  setPostalAddress: (id: string, address: { street: string; postcode: string; city: string }) =>
    http.patch('/api/users/{id}', { path: { id }, body: address }),
  createPrintBatch: () => http.post('/api/print-batches'),
  markBatchPosted: (id: string) => http.post('/api/print-batches/{id}/posted', { path: { id } }),
  /** A waiting paper letter that events overtook does not go (never a decision). */
  withholdLetter: (id: string, reason: string) =>
    http.post('/api/print-queue/{id}/withhold', { path: { id }, body: { reason } }),
};

/** Maps a dotted server name (`data.budgetLines.0.amountCents`) to a DOM id. */
export function fieldId(name: string): string {
  return `f-${name.replace(/^(data|payload)\./, '').replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
