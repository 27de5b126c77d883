import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { filesClosedText, type WorkflowDefinition } from '@initiatief/engine';
import { applicantOnly, canEditAsApplicant, canSee } from '../applications/applications.access';
import { type ApplicationRecord, findApplication } from '../applications/applications.repository';
import { IdParams } from '../applications/applications.schemas';
import { notFound } from '../applications/applications.service';
import { currentUser, requireUser } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { loadDefinition } from '../definitions/definitions.repository';
import { actsForApplicant } from '../desk/authorisations.repository';
import { AppError } from '../errors';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { isUuid } from '../regulations/regulations.repository';
import {
  contentDisposition,
  MAX_ATTACHMENT_BYTES,
  safeFilename,
  sniffType,
} from './attachments.content';
import { isTheApplications } from './attachments.held';
import { refuseOverLimits } from './attachments.quota';
import { refuseUnfitForEvent, refuseUnfitForField } from './attachments.refs';

const tags = ['Attachments'];
const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const security = [{ session: [] }];

const AttachmentSchema = z
  .object({
    id: z.uuid(),
    applicationId: z.uuid(),
    filename: z.string(),
    contentType: z.enum(ATTACHMENT_TYPES),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.uuid(),
    createdAt: z.string(),
    field: z.string().nullable().openapi({
      description:
        "The attachments field the file was uploaded for: one of the form's, or with `event` one of that event's payload; null for a file of the application page (a supplement, report photos). A form's file is listed while its field names it; taken out of the form, it is not.",
    }),
    event: z.string().nullable().openapi({
      description:
        'The event whose payload the file was uploaded for (the answer to a request for information). It is listed once a recorded event of that type names it: not while the answer is still to be sent.',
    }),
  })
  .openapi('Attachment');

const uploadRoute = createRoute({
  method: 'post',
  path: '/api/applications/{id}/attachments',
  tags,
  security,
  summary: 'Upload a PDF, JPEG or PNG (10 MB at most; the type is checked by content)',
  // No `middleware` here: this route is only documented (registerPath), and the key would leak
  // into the document. The handler below runs requireUser() itself.
  request: {
    params: IdParams,
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({
            file: z.any().openapi({ type: 'string', format: 'binary' }),
            field: z.string().optional().openapi({
              description:
                "The form's attachments field the file is for: it must take this kind of file. With `event`: that event's payload field (x-widget attachments)",
            }),
            event: z.string().optional().openapi({
              description:
                "The event whose answer the file goes with (its payload field in `field`): the file is the application's once that answer is sent",
            }),
          }),
        },
      },
    },
  },
  responses: {
    201: { description: 'Stored', content: { 'application/json': { schema: AttachmentSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/applications/{id}/attachments',
  tags,
  security,
  summary:
    'The attachments of an application: not the files taken out of the form, nor those of an answer that is not sent yet',
  middleware: [requireUser()] as const,
  request: { params: IdParams },
  responses: {
    200: {
      description: 'Attachments',
      content: {
        'application/json': { schema: z.object({ items: z.array(AttachmentSchema) }) },
      },
    },
    ...problemResponses(401, 404),
  },
});

const downloadRoute = createRoute({
  method: 'get',
  path: '/api/attachments/{id}',
  tags,
  security,
  summary:
    'Download an attachment (404 also for a file taken out of the application whose contents the retention job deleted)',
  middleware: [requireUser()] as const,
  request: { params: IdParams },
  responses: {
    200: {
      description: 'The file (Content-Disposition: attachment), of the type found in its bytes',
      content: Object.fromEntries(
        ATTACHMENT_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
      ),
    },
    ...problemResponses(401, 404),
  },
});

type Row = {
  id: string;
  application_id: string;
  filename: string;
  content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  created_at: Date;
  field: string | null;
  event: string | null;
};

function toJson(r: Row) {
  return {
    id: r.id,
    applicationId: r.application_id,
    filename: r.filename,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    createdAt: new Date(r.created_at).toISOString(),
    field: r.field,
    event: r.event,
  };
}

const META = [
  'id',
  'application_id',
  'filename',
  'content_type',
  'size_bytes',
  'sha256',
  'uploaded_by',
  'created_at',
  'field',
  'event',
] as const;

/**
 * Files are added while the applicant can still change the application (a draft, or information
 * was requested) or owes a report; never to a decided or closed one. Read from the state's
 * meta and tags in the definition, not from state names.
 */
async function refuseUnlessOpenForFiles(
  deps: AppDeps,
  app: ApplicationRecord,
): Promise<WorkflowDefinition> {
  const def = await loadDefinition(deps.db, app.definition_key, app.definition_version);
  const spec = def.states[app.state];
  const tags = spec?.tags ?? [];
  if (spec?.meta?.editable === true || tags.includes('suspended') || tags.includes('report_due')) {
    return def;
  }
  // The state by its label, in both languages, for the person to read (`detail` is its English).
  const text = filesClosedText(def, app.state);
  throw new AppError('event_not_allowed', text.en, { extra: { text } });
}

export function registerAttachmentRoutes(app: App, deps: AppDeps): void {
  // Multipart is parsed by hand (documented through the registry): the type comes from the
  // bytes, never from the client's claims.
  app.openAPIRegistry.registerPath(uploadRoute);
  app.post('/api/applications/:id/attachments', requireUser(), async (c) => {
    const user = currentUser(c);
    const id = c.req.param('id');
    if (!isUuid(id)) throw notFound();
    const application = await findApplication(deps.db, id);
    if (!application) throw notFound();
    const agent = await actsForApplicant(deps.db, user, application);
    if (!canSee(user, application, agent)) throw notFound();
    if (!canEditAsApplicant(user, application, agent)) {
      throw applicantOnly('files');
    }
    const definition = await refuseUnlessOpenForFiles(deps, application);
    const contentType = c.req.header('content-type') ?? '';
    if (!contentType.startsWith('multipart/form-data')) {
      throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data.');
    }
    const length = Number(c.req.header('content-length') ?? '0');
    if (length > MAX_ATTACHMENT_BYTES + 64 * 1024) {
      throw new AppError('payload_too_large', 'A file may be 10 MB at most.');
    }
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      throw new AppError('malformed_request', 'The multipart body could not be read.');
    }
    const file = form.get('file');
    if (!(file instanceof File)) {
      throw new AppError('validation_failed', 'Attach the file in the field "file".', {
        invalidParams: [
          {
            name: 'file',
            reason: 'required',
            text: { nl: 'Kies een bestand.', en: 'Choose a file.' },
          },
        ],
      });
    }
    if (file.size > MAX_ATTACHMENT_BYTES) {
      throw new AppError('payload_too_large', 'A file may be 10 MB at most.');
    }
    if (file.size === 0) {
      throw new AppError('validation_failed', 'The file is empty.', {
        invalidParams: [
          {
            name: 'file',
            reason: 'empty',
            text: { nl: 'Het bestand is leeg.', en: 'The file is empty.' },
          },
        ],
      });
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const type = sniffType(bytes);
    if (!type) {
      throw new AppError('unsupported_media_type', 'Only PDF, JPEG and PNG files are accepted.');
    }
    const fieldKey = form.get('field');
    const eventKey = form.get('event');
    // Whoever uploads for the applicant (the desk, a helper) reads the field by its staff label.
    const reader = application.applicant_id === user.id ? 'applicant' : 'staff';
    if (eventKey === null) refuseUnfitForField(definition, fieldKey, type, reader);
    else refuseUnfitForEvent(definition, eventKey, fieldKey);
    // The quota and the ceiling are counted under the application's row lock, so parallel
    // uploads cannot pass them.
    const row = await deps.db.transaction().execute(async (trx) => {
      await trx
        .selectFrom('applications')
        .select('id')
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      await refuseOverLimits(trx, deps.config, id, bytes.byteLength);
      return trx
        .insertInto('attachments')
        .values({
          application_id: id,
          filename: safeFilename(file.name, type),
          content_type: type,
          size_bytes: bytes.byteLength,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          content: bytes,
          uploaded_by: user.id,
          created_at: deps.clock(),
          field: typeof fieldKey === 'string' ? fieldKey : null,
          event: typeof eventKey === 'string' ? eventKey : null,
        })
        .returning(META)
        .executeTakeFirstOrThrow();
    });
    c.header('Location', `/api/attachments/${row.id}`);
    return c.json(toJson(row), 201);
  });

  app.openapi(listRoute, async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    if (!isUuid(id)) throw notFound();
    const application = await findApplication(deps.db, id);
    if (!application) throw notFound();
    if (!canSee(user, application, await actsForApplicant(deps.db, user, application))) {
      throw notFound();
    }
    const rows = await deps.db
      .selectFrom('attachments as f')
      .innerJoin('applications as a', 'a.id', 'f.application_id')
      .select(META.map((c) => `f.${c}` as const))
      .where('f.application_id', '=', id)
      .where('f.purged_at', 'is', null)
      .where(isTheApplications())
      .orderBy('f.created_at')
      .execute();
    return c.json({ items: rows.map(toJson) }, 200);
  });

  app.openapi(downloadRoute, async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    const notThere = () => new AppError('not_found', 'No attachment with this id.');
    if (!isUuid(id)) throw notThere();
    const row = await deps.db
      .selectFrom('attachments as f')
      .innerJoin('applications as a', 'a.id', 'f.application_id')
      .select([
        'f.filename',
        'f.content_type',
        'f.content',
        'f.sha256',
        'f.purged_at',
        'a.id as application_id',
        'a.applicant_id',
      ])
      .where('f.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notThere();
    const app = { id: row.application_id, applicant_id: row.applicant_id };
    if (!canSee(user, app, await actsForApplicant(deps.db, user, app))) throw notThere();
    // Taken out of the application long enough ago that the retention job deleted its contents.
    if (row.content === null || row.purged_at !== null) {
      throw new AppError('not_found', 'This file was removed from the application and deleted.');
    }
    return c.body(new Uint8Array(row.content), 200, {
      'Content-Type': row.content_type,
      'Content-Disposition': contentDisposition(row.filename),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      ETag: `"${row.sha256}"`,
    });
  });
}
