import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createRoute, z } from '@hono/zod-openapi';
import { canSee } from '../applications/applications.access';
import { currentUser, requireRole, requireUser } from '../auth/auth.middleware';
import { STAFF_ROLES } from '../auth/roles';
import type { AppDeps, SessionUser } from '../context';
import { actsForApplicant } from '../desk/authorisations.repository';
import { AppError } from '../errors';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { renderLetterHtml } from '../letters/letter.html';
import type { LetterContent } from '../letters/letter.types';
import { letterFileName, messageIdFor, PRIVATE_MAIL_HEADER } from './mail.compose';
import {
  type DocumentMeta,
  findDocument,
  findOutbox,
  listDocumentsOfApplication,
  listOutbox,
  type OutboxListItem,
  retryFailed,
} from './messaging.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IdParams = z.object({ id: z.string().openapi({ format: 'uuid' }) });
const security = [{ session: [] }];
const staff = [requireRole(...STAFF_ROLES)];

const DocumentSchema = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    kind: z.string(),
    templateKey: z.string(),
    definitionKey: z.string(),
    definitionVersion: z.number().int(),
    language: z.enum(['nl', 'en']),
    reference: z.string(),
    subject: z.string(),
    sentOn: z.string().openapi({
      description:
        'The letter date (Europe/Amsterdam); for a paper letter that waits for the post, provisional until its batch is posted',
    }),
    channel: z
      .enum(['email', 'paper'])
      .openapi({ description: 'How the letter reaches its addressee' }),
    postedOn: z.string().nullable().openapi({ description: 'The day a paper letter was posted' }),
    sent: z.boolean().openapi({
      description: 'Sent: an e-mail letter when issued, a paper letter once its batch is posted',
    }),
    objectionDeadline: z.string().nullable(),
    rendered: z.boolean(),
    sha256: z.string().nullable(),
    byteSize: z.number().int().nullable(),
    createdAt: z.string(),
    links: z.object({ pdf: z.string(), html: z.string() }),
  })
  .openapi('Document');

const OutboxItemSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['mail', 'render']),
    status: z.enum(['pending', 'processing', 'done', 'failed']),
    applicationId: z.string().nullable(),
    documentId: z.string().nullable(),
    messageId: z.string().nullable(),
    recipient: z.string().nullable(),
    channel: z.enum(['email', 'paper']).nullable().openapi({
      description: "A mail: 'email'. A render job: the channel of its letter",
    }),
    postedOn: z.string().nullable().openapi({
      description: 'A render job of a paper letter: the day its batch was posted',
    }),
    audience: z.string().nullable(),
    language: z.string().nullable(),
    template: z.string().nullable(),
    subject: z.string().nullable(),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    doneAt: z.string().nullable(),
  })
  .openapi('OutboxItem');

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function documentJson(d: DocumentMeta) {
  const base = `/api/documents/${d.id}`;
  return {
    id: d.id,
    applicationId: d.application_id,
    kind: d.kind,
    templateKey: d.template_key,
    definitionKey: d.definition_key,
    definitionVersion: d.definition_version,
    language: d.language,
    reference: d.reference,
    subject: d.subject,
    sentOn: String(d.sent_on),
    channel: d.channel,
    postedOn: d.posted_on === null ? null : String(d.posted_on),
    sent: d.channel === 'email' || d.posted_on !== null,
    objectionDeadline: d.objection_deadline === null ? null : String(d.objection_deadline),
    rendered: d.sha256 !== null,
    sha256: d.sha256,
    byteSize: d.byte_size,
    createdAt: iso(d.created_at)!,
    links: { pdf: `${base}?format=pdf`, html: `${base}?format=html` },
  };
}

function outboxJson(r: OutboxListItem, mailFrom: string) {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    applicationId: r.application_id,
    documentId: r.document_id,
    messageId: messageIdFor(r.message_id, mailFrom) ?? null,
    // A render job's letter goes to its addressee: by e-mail with the notice, or by post.
    recipient: r.recipient_email ?? (r.kind === 'render' ? (r.letter_recipient ?? null) : null),
    channel: r.kind === 'render' ? (r.letter_channel ?? null) : 'email',
    postedOn: r.letter_posted_on ? String(r.letter_posted_on) : null,
    audience: r.audience,
    language: r.language,
    template: r.template_key,
    subject: r.subject,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    nextAttemptAt: iso(r.next_attempt_at)!,
    lastError: r.last_error,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    doneAt: iso(r.done_at),
  };
}

const listDocumentsRoute = createRoute({
  method: 'get',
  path: '/api/applications/{id}/documents',
  tags: ['documents'],
  summary: 'The letters issued for an application (the applicant: own only; staff: all)',
  security,
  middleware: [requireUser()] as const,
  request: { params: IdParams },
  responses: {
    200: {
      description: 'Letters, oldest first',
      content: { 'application/json': { schema: z.object({ items: z.array(DocumentSchema) }) } },
    },
    ...problemResponses(401, 404),
  },
});

const getDocumentRoute = createRoute({
  method: 'get',
  path: '/api/documents/{id}',
  tags: ['documents'],
  summary:
    'One letter: PDF (?format=pdf or Accept: application/pdf), accessible HTML (?format=html), else JSON',
  security,
  middleware: [requireUser()] as const,
  request: {
    params: IdParams,
    query: z.object({ format: z.enum(['pdf', 'html', 'json']).optional() }),
  },
  responses: {
    200: {
      description: 'The letter as PDF, as an accessible HTML page, or its metadata',
      content: {
        'application/json': { schema: DocumentSchema },
        'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
        'text/html': { schema: z.string() },
      },
    },
    304: { description: 'Not modified: the PDF still has the ETag sent in If-None-Match' },
    ...problemResponses(401, 404, 409, 503),
  },
});

const listOutboxRoute = createRoute({
  method: 'get',
  path: '/api/outbox',
  tags: ['outbox'],
  summary: 'Outbox jobs (staff): failed first, then the most recently changed',
  security,
  middleware: staff,
  request: {
    query: z.object({
      status: z.enum(['pending', 'processing', 'done', 'failed']).optional(),
      kind: z.enum(['mail', 'render']).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: {
    200: {
      description: 'Outbox jobs',
      content: { 'application/json': { schema: z.object({ items: z.array(OutboxItemSchema) }) } },
    },
    ...problemResponses(401, 403, 422),
  },
});

const retryOutboxRoute = createRoute({
  method: 'post',
  path: '/api/outbox/{id}/retry',
  tags: ['outbox'],
  summary: 'Queue a failed job again with a fresh set of attempts (staff)',
  security,
  middleware: staff,
  request: { params: IdParams },
  responses: {
    200: {
      description: 'Queued again',
      content: { 'application/json': { schema: OutboxItemSchema } },
    },
    ...problemResponses(401, 403, 404, 409),
  },
});

const MailFileSchema = z
  .object({
    name: z.string(),
    size: z.number().int(),
    modifiedAt: z.string(),
    subject: z.string().nullable(),
    to: z.string().nullable(),
    messageId: z.string().nullable(),
    href: z.string(),
  })
  .openapi('MailFile');

const listMailFilesRoute = createRoute({
  method: 'get',
  path: '/api/mail-files',
  tags: ['outbox'],
  summary: 'Development: the .eml files written when no SMTP_URL is set (staff), newest first',
  security,
  middleware: staff,
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: {
    200: {
      description: 'Mail files',
      content: {
        'application/json': {
          schema: z.object({ transport: z.enum(['smtp', 'file']), items: z.array(MailFileSchema) }),
        },
      },
    },
    ...problemResponses(401, 403),
  },
});

const getMailFileRoute = createRoute({
  method: 'get',
  path: '/api/mail-files/{name}',
  tags: ['outbox'],
  summary: 'Development: one .eml file as message/rfc822 (staff)',
  security,
  middleware: staff,
  request: { params: z.object({ name: z.string() }) },
  responses: {
    200: { description: 'The raw message', content: { 'message/rfc822': { schema: z.string() } } },
    ...problemResponses(401, 403, 404),
  },
});

/** The first occurrence of a header in a raw message (unfolded; encoded words left as they are). */
function header(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return match?.[1] ? match[1].replace(/\r?\n[ \t]+/g, ' ').trim() : null;
}

function decodeWords(value: string | null): string | null {
  if (!value) return value;
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text
            .replace(/_/g, ' ')
            .replace(/=([0-9a-f]{2})/gi, (_m, h: string) =>
              String.fromCharCode(Number.parseInt(h, 16)),
            ),
          'latin1',
        ).toString('utf8'),
  );
}

export function registerMessagingRoutes(app: App, deps: AppDeps): void {
  const { db, config } = deps;

  /** The applicant, staff, or whoever acts for the applicant reads an application's letters. */
  const mayRead = async (user: SessionUser, application: { id: string; applicant_id: string }) =>
    canSee(user, application, await actsForApplicant(db, user, application));

  async function visibleDocument(c: Parameters<typeof currentUser>[0], id: string) {
    const notThere = () => new AppError('not_found', 'No document with this id.');
    if (!UUID.test(id)) throw notThere();
    const document = await findDocument(db, id);
    if (!document) throw notThere();
    const application = await db
      .selectFrom('applications')
      .select(['id', 'applicant_id'])
      .where('id', '=', document.application_id)
      .executeTakeFirst();
    // Someone else's letter does not exist for you (404, not 403).
    if (!application || !(await mayRead(currentUser(c), application))) throw notThere();
    return document;
  }

  app.openapi(listDocumentsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const notThere = () => new AppError('not_found', 'No application with this id.');
    if (!UUID.test(id)) throw notThere();
    const application = await db
      .selectFrom('applications')
      .select(['id', 'applicant_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!application || !(await mayRead(currentUser(c), application))) throw notThere();
    const documents = await listDocumentsOfApplication(db, id);
    return c.json({ items: documents.map(documentJson) }, 200);
  });

  app.openapi(getDocumentRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const document = await visibleDocument(c, id);
    const accept = c.req.header('accept') ?? '';
    const wanted =
      format ??
      (accept.includes('application/pdf') ? 'pdf' : accept.includes('text/html') ? 'html' : 'json');
    c.header('Vary', 'Accept');
    if (wanted === 'pdf') {
      if (!document.pdf || !document.sha256) {
        if (document.channel === 'paper' && document.posted_on === null) {
          throw new AppError(
            'conflict',
            'This letter goes by post and gets its date when it is posted; read it as a web page until then.',
          );
        }
        throw new AppError('unavailable', 'The letter is being prepared; try again shortly.', {
          headers: { 'Retry-After': '5' },
        });
      }
      const etag = `"${document.sha256}"`;
      const headers = {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="${letterFileName(document, document.language)}"`,
        'X-Content-Type-Options': 'nosniff',
        // An issued letter never changes: its sha256 is a strong validator.
        'Cache-Control': 'private, max-age=31536000, immutable',
        ETag: etag,
      };
      if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
      return c.body(new Uint8Array(document.pdf), 200, headers);
    }
    if (wanted === 'html') {
      const html = renderLetterHtml(document.content as LetterContent, {
        documentId: document.id,
        applicationId: document.application_id,
        publicUrl: config.publicUrl,
      });
      return c.html(html, 200, { 'Cache-Control': 'private, no-cache' });
    }
    return c.json(documentJson(document), 200);
  });

  app.openapi(listOutboxRoute, async (c) => {
    const query = c.req.valid('query');
    const items = await listOutbox(db, query);
    return c.json({ items: items.map((item) => outboxJson(item, deps.config.mailFrom)) }, 200);
  });

  app.openapi(retryOutboxRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!UUID.test(id)) throw new AppError('not_found', 'No outbox job with this id.');
    const row = await retryFailed(db, id, deps.clock());
    if (row) return c.json(outboxJson(row, deps.config.mailFrom), 200);
    const existing = await findOutbox(db, id);
    if (!existing) throw new AppError('not_found', 'No outbox job with this id.');
    throw new AppError(
      'conflict',
      `Only a failed job can be retried; this one is ${existing.status}.`,
    );
  });

  app.openapi(listMailFilesRoute, async (c) => {
    const { limit } = c.req.valid('query');
    const transport = config.smtpUrl ? 'smtp' : 'file';
    let names: string[] = [];
    try {
      names = (await readdir(config.mailDir)).filter((n) => n.endsWith('.eml'));
    } catch {
      names = [];
    }
    const read = await Promise.all(
      names.map(async (name) => {
        const path = join(config.mailDir, name);
        const [info, raw] = await Promise.all([stat(path), readFile(path, 'utf8')]);
        // Someone's one-time link is not for staff to read.
        if (header(raw, PRIVATE_MAIL_HEADER)) return null;
        return {
          name,
          size: info.size,
          modifiedAt: info.mtime.toISOString(),
          subject: decodeWords(header(raw, 'Subject')),
          to: decodeWords(header(raw, 'To')),
          messageId: header(raw, 'Message-ID'),
          href: `/api/mail-files/${encodeURIComponent(name)}`,
        };
      }),
    );
    const files = read.filter((f) => f !== null);
    files.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
    return c.json({ transport, items: files.slice(0, limit) }, 200);
  });

  app.openapi(getMailFileRoute, async (c) => {
    const { name } = c.req.valid('param');
    if (!/^[A-Za-z0-9._@-]+\.eml$/.test(name))
      throw new AppError('not_found', 'No such mail file.');
    let raw: Buffer;
    try {
      raw = await readFile(join(config.mailDir, name));
    } catch {
      throw new AppError('not_found', 'No such mail file.');
    }
    if (header(raw.toString('utf8'), PRIVATE_MAIL_HEADER))
      throw new AppError('not_found', 'No such mail file.');
    return c.body(new Uint8Array(raw), 200, {
      'Content-Type': 'message/rfc822',
      'Content-Disposition': `attachment; filename="${name}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
  });
}
