import { createRoute, z } from '@hono/zod-openapi';
import { LETTER_KINDS } from '@initiatief/engine';
import { currentUser, requireRole } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { AppError } from '../errors';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import {
  previewLetterPdf,
  previewText,
  storedPreview,
  storePreview,
} from './policy-preview.service';

const PreviewBody = z.object({
  group: z.enum(['letters', 'mails']),
  kind: z
    .enum(LETTER_KINDS as unknown as [string, ...string[]])
    .optional()
    .openapi({ description: 'The kind of letter (decisions get the objection clause)' }),
  language: z.enum(['nl', 'en']),
  subject: z.string().max(1000),
  body: z.string().max(50_000),
  referencePrefix: z
    .string()
    .regex(/^[A-Z]{2,5}$/)
    .optional()
    .openapi({ description: 'The workflow’s reference prefix, for the sample reference' }),
  sender: z
    .object({ department: z.object({ nl: z.string().max(200), en: z.string().max(200) }) })
    .optional()
    .openapi({
      description:
        'The workflow’s sending team (its definition’s `sender`), for the letterhead; absent: the default team',
    }),
  online: z.boolean().default(true).openapi({
    description:
      'Whether the sample applicant can log in: decides the text’s {{#online}} and {{^online}} parts',
  }),
  sections: z.record(z.string().max(40), z.boolean()).optional().openapi({
    description:
      'The sections that follow from a letter’s values ({{#reclaim}}), each shown (true) or left out; the sample values agree. Absent: the sample case without them',
  }),
  format: z
    .enum(['json', 'pdf', 'link'])
    .default('json')
    .openapi({ description: 'link: the PDF is kept ten minutes and its URL answered' }),
});

const previewRoute = createRoute({
  method: 'post',
  path: '/api/policy/templates/preview',
  operationId: 'previewTemplate',
  tags: ['Policy'],
  security: [{ session: [] }],
  summary: 'A letter or mail template filled with sample data: as text, or as the real PDF letter',
  middleware: [requireRole('policy')],
  request: { body: { content: { 'application/json': { schema: PreviewBody } }, required: true } },
  responses: {
    200: {
      description: 'The filled-in template (JSON), or the letter as PDF',
      content: {
        'application/json': {
          schema: z.union([
            z.object({
              subject: z.string(),
              body: z.string(),
              variables: z.record(z.string(), z.string()),
              unknown: z.array(z.string()),
              malformed: z.array(z.string()),
            }),
            z
              .object({ url: z.string() })
              .openapi({ description: 'format=link: where the PDF is kept ten minutes' }),
          ]),
        },
        'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...problemResponses(400, 401, 403, 422),
  },
});

const storedRoute = createRoute({
  method: 'get',
  path: '/api/policy/templates/preview/{id}',
  operationId: 'getTemplatePreview',
  tags: ['Policy'],
  security: [{ session: [] }],
  summary: 'A rendered preview PDF, for ten minutes, for the officer who asked for it',
  middleware: [requireRole('policy')],
  request: { params: z.object({ id: z.string().max(100) }) },
  responses: {
    200: {
      description: 'The letter as PDF',
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...problemResponses(401, 403, 404),
  },
});

const pdfHeaders = {
  'Content-Type': 'application/pdf',
  'Content-Disposition': 'inline; filename="voorbeeld.pdf"',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

/** Policy staff: preview of a template with sample data, through the real letter renderer. */
export function registerPolicyPreviewRoutes(app: App, deps: AppDeps): void {
  app.openapi(previewRoute, async (c) => {
    const { format, ...input } = c.req.valid('json');
    const typed = input as Parameters<typeof previewText>[0];
    const now = deps.clock();
    if (format === 'pdf') {
      const pdf = await previewLetterPdf(typed, now, deps.config.publicUrl);
      return c.body(pdf as never, 200, pdfHeaders) as never;
    }
    if (format === 'link') {
      const pdf = await previewLetterPdf(typed, now, deps.config.publicUrl);
      const id = storePreview(currentUser(c).id, pdf, now);
      return c.json({ url: `/api/policy/templates/preview/${id}` } as never, 200);
    }
    return c.json(previewText(typed, now, deps.config.publicUrl), 200);
  });

  app.openapi(storedRoute, (c) => {
    const pdf = storedPreview(currentUser(c).id, c.req.valid('param').id, deps.clock());
    if (!pdf) throw new AppError('not_found', 'This preview is no longer available.');
    return c.body(pdf as never, 200, pdfHeaders) as never;
  });
}
