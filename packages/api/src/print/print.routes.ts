import { createRoute, z } from '@hono/zod-openapi';
import { toAmsterdamDate } from '@initiatief/engine';
import { currentUser, requireRole } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { addressLinesOf } from '../letters/letter.content';
import { documentSubjects } from '../messaging/document.subjects';
import type { BatchRow } from './print.repository';
import { createPrintBatch, markBatchPosted, printBatchPdf, printQueue } from './print.service';
import { isWithholdable, withholdLetter } from './print.withhold';

const tags = ['Print queue'];
const security = [{ session: [] }];
/** Who handles the outgoing post. */
const post = [requireRole('clerk', 'assessor', 'approver', 'admin')];
const IdParams = z.object({ id: z.uuid() });

const BatchSchema = z
  .object({
    id: z.string(),
    postingDate: z
      .string()
      .openapi({ description: 'The day the batch is posted: its letters’ date' }),
    status: z.enum(['open', 'posted']),
    letters: z.number().int(),
    createdAt: z.string(),
    postedAt: z.string().nullable(),
    links: z.object({ pdf: z.string() }),
  })
  .openapi('PrintBatch');

const WaitingSchema = z
  .object({
    documentId: z.string(),
    applicationId: z.string(),
    applicantId: z.string().nullable(),
    reference: z.string(),
    kind: z.string(),
    subject: z.string(),
    language: z.enum(['nl', 'en']).openapi({
      description: 'The language the letter is written in, and so its `subject`',
    }),
    subjects: z.object({ nl: z.string().optional(), en: z.string().optional() }).openapi({
      description:
        "The subject in each language the letter's workflow words it in (as a document's `subjects`); the letter itself stays in `language`.",
    }),
    recipient: z.object({ name: z.string(), addressLines: z.array(z.string()) }),
    addressMissing: z.boolean().openapi({
      description:
        'The resident has no complete postal address: the letter waits for one instead of going in the batch',
    }),
    issuedAt: z.string(),
    batchId: z.string().nullable(),
    withholdable: z.boolean().openapi({
      description:
        'The letter may be withheld when events overtook it; a decision never (Awb 3:41: it takes effect when sent)',
    }),
    overtaken: z.boolean().openapi({
      description:
        'The application changed state after the letter was issued: read it again before it goes',
    }),
  })
  .openapi('WaitingLetter');

function batchJson(b: BatchRow) {
  return {
    id: b.id,
    postingDate: String(b.posting_date),
    status: b.status,
    letters: b.letters,
    createdAt: new Date(b.created_at).toISOString(),
    postedAt: b.posted_at ? new Date(b.posted_at).toISOString() : null,
    links: { pdf: `/api/print-batches/${b.id}/pdf` },
  };
}

const queueRoute = createRoute({
  method: 'get',
  path: '/api/print-queue',
  tags,
  security,
  summary: 'Paper letters waiting for the post, and the recent print batches',
  middleware: post,
  responses: {
    200: {
      description: 'The print queue',
      content: {
        'application/json': {
          schema: z.object({
            today: z.string().openapi({
              description:
                "Today's posting date (Europe/Amsterdam): one batch a day, and an open batch of an earlier day can no longer be posted",
            }),
            waiting: z.array(WaitingSchema),
            batches: z.array(BatchSchema),
          }),
        },
      },
    },
    ...problemResponses(401, 403),
  },
});

const createBatchRoute = createRoute({
  method: 'post',
  path: '/api/print-batches',
  tags,
  security,
  summary: "Put every waiting paper letter in today's batch, dated today",
  middleware: post,
  responses: {
    201: { description: "Today's batch", content: { 'application/json': { schema: BatchSchema } } },
    ...problemResponses(401, 403, 409),
  },
});

const withholdRoute = createRoute({
  method: 'post',
  path: '/api/print-queue/{id}/withhold',
  tags,
  security,
  summary:
    'Withhold a waiting paper letter that events overtook, with the reason (never a decision)',
  middleware: post,
  request: {
    params: IdParams,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              reason: z.string().trim().min(1).max(1000).openapi({
                description: 'Why the letter does not go, for the history (staff only)',
              }),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The letter is withheld',
      content: {
        'application/json': {
          schema: z.object({
            documentId: z.string(),
            applicationId: z.string(),
            batchId: z.string().nullable().openapi({
              description:
                'The open batch the letter was taken out of, when letters remain in it: print it again. Null when the letter was in no batch, or was the only one (the batch is gone)',
            }),
          }),
        },
      },
    },
    ...problemResponses(401, 403, 404, 409, 422),
  },
});

const batchPdfRoute = createRoute({
  method: 'get',
  path: '/api/print-batches/{id}/pdf',
  tags,
  security,
  summary: 'The batch as one PDF to print, each address in the envelope window',
  middleware: post,
  request: { params: IdParams },
  responses: {
    200: {
      description: 'The letters of the batch',
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...problemResponses(401, 403, 404),
  },
});

const postedRoute = createRoute({
  method: 'post',
  path: '/api/print-batches/{id}/posted',
  tags,
  security,
  summary: 'Record that the batch was posted today: its letters count as sent from today',
  middleware: post,
  request: { params: IdParams },
  responses: {
    200: {
      description: 'The posted batch',
      content: { 'application/json': { schema: BatchSchema } },
    },
    ...problemResponses(401, 403, 404, 409),
  },
});

export function registerPrintRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;

  app.openapi(queueRoute, async (c) => {
    const { waiting, batches, overtaken } = await printQueue(db);
    const subjects = await documentSubjects(
      db,
      waiting.map(({ letter }) => ({ ...letter, subject: letter.content.subject })),
    );
    return c.json(
      {
        today: toAmsterdamDate(deps.clock()),
        waiting: waiting.map(({ letter, applicantId, address }) => ({
          documentId: letter.id,
          applicationId: letter.application_id,
          applicantId,
          reference: letter.reference,
          kind: letter.kind,
          subject: letter.content.subject,
          language: letter.language,
          subjects: subjects.get(letter.id) ?? { [letter.language]: letter.content.subject },
          recipient: {
            name: address?.name ?? letter.content.recipient.name,
            addressLines: address ? addressLinesOf(address) : [],
          },
          addressMissing: address === null,
          issuedAt: new Date(letter.created_at).toISOString(),
          batchId: letter.print_batch_id,
          withholdable: isWithholdable(letter.kind),
          overtaken: overtaken.has(letter.id),
        })),
        batches: batches.map(batchJson),
      },
      200,
    );
  });

  app.openapi(createBatchRoute, async (c) => {
    const user = currentUser(c);
    const batch = await createPrintBatch(db, {
      now: deps.clock(),
      actor: { id: user.id, name: user.name, roles: user.roles },
    });
    return c.json(batchJson(batch), 201);
  });

  app.openapi(withholdRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const done = await withholdLetter(db, {
      documentId: id,
      reason,
      now: deps.clock(),
      user: currentUser(c),
    });
    return c.json({ documentId: id, ...done }, 200);
  });

  app.openapi(batchPdfRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { pdf, batch } = await printBatchPdf(db, id, deps.config.publicUrl);
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="postbatch-${batch.posting_date}.pdf"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  app.openapi(postedRoute, async (c) => {
    const { id } = c.req.valid('param');
    const user = currentUser(c);
    await markBatchPosted(db, {
      id,
      now: deps.clock(),
      actor: { id: user.id, name: user.name, roles: user.roles },
    });
    // The render jobs' insert wakes the outbox workers (0007_outbox_notify.sql).
    const { batches } = await printQueue(db);
    const batch = batches.find((b) => b.id === id)!;
    return c.json(batchJson(batch), 200);
  });
}
