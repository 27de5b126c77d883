/** The outbox for staff: its jobs (mails and letter renders) listed, and a failed one retried. */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../context';
import { AppError } from '../errors';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { messageIdFor } from './mail.compose';
import { findOutbox, listOutbox, type OutboxListItem, retryFailed } from './messaging.repository';
import { IdParams, iso, security, staff, UUID } from './messaging.route-kit';

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
    language: z.string().nullable().openapi({
      description: "A mail: its language. A render job: its letter's (that of `subject`)",
    }),
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
    language: r.language ?? (r.kind === 'render' ? (r.letter_language ?? null) : null),
    template: r.template_key,
    // A render job has no mail subject: its letter's own.
    subject: r.subject ?? (r.kind === 'render' ? (r.letter_subject ?? null) : null),
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    nextAttemptAt: iso(r.next_attempt_at)!,
    lastError: r.last_error,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    doneAt: iso(r.done_at),
  };
}

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

export function registerOutboxRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;

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
}
