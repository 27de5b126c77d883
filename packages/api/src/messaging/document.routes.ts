/**
 * The letters issued for an application: listed per application, and one letter as PDF,
 * accessible HTML or JSON, for whoever may read the application (the applicant, staff, or a
 * person authorised to act for the applicant).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { canSee, isStaff } from '../applications/applications.access';
import { currentUser, requireUser } from '../auth/auth.middleware';
import type { AppDeps, SessionUser } from '../context';
import { actsForApplicant } from '../desk/authorisations.repository';
import { AppError, refusedIn } from '../errors';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { renderLetterHtml } from '../letters/letter.html';
import type { LetterContent } from '../letters/letter.types';
import { documentSubjects, type Subjects } from './document.subjects';
import { letterFileName } from './mail.compose';
import {
  type DocumentMeta,
  findDocument,
  listDocumentsOfApplication,
} from './messaging.repository';
import { IdParams, iso, security, UUID } from './messaging.route-kit';

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
    subjects: z.object({ nl: z.string().optional(), en: z.string().optional() }).openapi({
      description:
        "The subject in each language the letter's workflow words it in: its own (`subject`, in `language`) and, for a page in another language, the same template's subject in that one (left out when it would need a value formatted per language). The letter itself stays in `language`.",
    }),
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
    withheld: z.object({ at: z.string(), reason: z.string() }).nullable().openapi({
      description:
        'A paper letter withheld before the post because events overtook it (staff only: the resident never sees it)',
    }),
    rendered: z.boolean(),
    sha256: z.string().nullable(),
    byteSize: z.number().int().nullable(),
    createdAt: z.string(),
    links: z.object({ pdf: z.string(), html: z.string() }),
  })
  .openapi('Document');

function documentJson(d: DocumentMeta, subjects: Subjects | undefined) {
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
    subjects: subjects ?? { [d.language]: d.subject },
    sentOn: String(d.sent_on),
    channel: d.channel,
    postedOn: d.posted_on === null ? null : String(d.posted_on),
    sent: d.channel === 'email' || d.posted_on !== null,
    objectionDeadline: d.objection_deadline === null ? null : String(d.objection_deadline),
    withheld:
      d.withheld_at === null
        ? null
        : { at: iso(d.withheld_at)!, reason: String(d.withheld_reason ?? '') },
    rendered: d.sha256 !== null,
    sha256: d.sha256,
    byteSize: d.byte_size,
    createdAt: iso(d.created_at)!,
    links: { pdf: `${base}?format=pdf`, html: `${base}?format=html` },
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
  middleware: [requireUser({ loginPageForBrowsers: true })] as const,
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
    303: {
      description:
        'A browser opening the link without a session (Sec-Fetch-Mode: navigate): to the login page, and back here after',
    },
    304: { description: 'Not modified: the PDF still has the ETag sent in If-None-Match' },
    ...problemResponses(401, 404, 409, 503),
  },
});

export function registerDocumentRoutes(app: App, deps: AppDeps): void {
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
    // Someone else's letter does not exist for you (404, not 403); nor, for the resident, a
    // letter that was withheld before the post.
    const user = currentUser(c);
    if (!application || !(await mayRead(user, application))) throw notThere();
    if (document.withheld_at !== null && !isStaff(user)) throw notThere();
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
    const shown = isStaff(currentUser(c))
      ? documents
      : documents.filter((d) => d.withheld_at === null);
    const subjects = await documentSubjects(db, shown);
    return c.json({ items: shown.map((d) => documentJson(d, subjects.get(d.id))) }, 200);
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
          throw refusedIn('conflict', {
            nl: 'Deze brief gaat per post en krijgt zijn datum als hij verstuurd wordt; lees hem tot dan als webpagina.',
            en: 'This letter goes by post and gets its date when it is posted; read it as a web page until then.',
          });
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
    const subjects = await documentSubjects(db, [document]);
    return c.json(documentJson(document, subjects.get(document.id)), 200);
  });
}
