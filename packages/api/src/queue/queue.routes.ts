import { createRoute, z } from '@hono/zod-openapi';
import { toAmsterdamDate } from '@initiatief/engine';
import { sql } from 'kysely';
import { QUEUE_ROLES } from '../applications/applications.access';
import { listApplications } from '../applications/applications.list';
import { findApplication } from '../applications/applications.repository';
import { IdParams, ListResponse, QueueQuery } from '../applications/applications.schemas';
import { notFound } from '../applications/applications.service';
import { currentUser, requireRole } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { AppError } from '../errors';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { isUuid } from '../regulations/regulations.repository';

const tags = ['Work queue'];
const security = [{ session: [] }];

const AssignmentSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    assignedAt: z.string().nullable(),
  })
  .openapi('Assignment');

const queueRoute = createRoute({
  method: 'get',
  path: '/api/queue',
  tags,
  security,
  summary: 'Applications that owe a decision, by legal deadline (days left, suspension, assignee)',
  middleware: [requireRole(...QUEUE_ROLES, 'clerk')] as const,
  request: { query: QueueQuery },
  responses: {
    200: { description: 'A page', content: { 'application/json': { schema: ListResponse } } },
    ...problemResponses(401, 403, 422),
  },
});

const claimRoute = createRoute({
  method: 'post',
  path: '/api/applications/{id}/claim',
  tags,
  security,
  summary: 'Take an application from the queue (409 when someone else has it)',
  middleware: [requireRole(...QUEUE_ROLES)] as const,
  request: { params: IdParams },
  responses: {
    200: { description: 'Claimed', content: { 'application/json': { schema: AssignmentSchema } } },
    ...problemResponses(401, 403, 404, 409),
  },
});

const releaseRoute = createRoute({
  method: 'post',
  path: '/api/applications/{id}/release',
  tags,
  security,
  summary: 'Give a claimed application back to the queue (the assignee or an admin)',
  middleware: [requireRole(...QUEUE_ROLES)] as const,
  request: { params: IdParams },
  responses: {
    200: { description: 'Released', content: { 'application/json': { schema: AssignmentSchema } } },
    ...problemResponses(401, 403, 404, 409),
  },
});

export function registerQueueRoutes(app: App, deps: AppDeps): void {
  app.openapi(queueRoute, async (c) => {
    const user = currentUser(c);
    const q = c.req.valid('query');
    const page = await listApplications(
      deps.db,
      user,
      { ...q, awaitingDecision: true },
      toAmsterdamDate(deps.clock()),
    );
    return c.json(page as never, 200);
  });

  app.openapi(claimRoute, async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    if (!isUuid(id)) throw notFound();
    const now = deps.clock();
    // One statement: two assessors claiming at once cannot both win.
    const row = await deps.db
      .updateTable('applications')
      .set({ assignee_id: user.id, assigned_at: now })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('assignee_id', 'is', null), eb('assignee_id', '=', user.id)]))
      .returning(['id', 'reference', sql<string>`assigned_at`.as('assigned_at')])
      .executeTakeFirst();
    if (!row) {
      const existing = await findApplication(deps.db, id);
      if (!existing) throw notFound();
      throw new AppError('conflict', 'Someone else is already handling this application.', {
        extra: { assigneeId: existing.assignee_id },
      });
    }
    return c.json(
      {
        id: row.id,
        reference: row.reference,
        assignee: { id: user.id, name: user.name },
        assignedAt: new Date(row.assigned_at).toISOString(),
      },
      200,
    );
  });

  app.openapi(releaseRoute, async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    if (!isUuid(id)) throw notFound();
    const existing = await findApplication(deps.db, id);
    if (!existing) throw notFound();
    if (existing.assignee_id && existing.assignee_id !== user.id && !user.roles.includes('admin')) {
      throw new AppError('forbidden', 'Only the assignee (or an admin) releases an application.');
    }
    await deps.db
      .updateTable('applications')
      .set({ assignee_id: null, assigned_at: null })
      .where('id', '=', id)
      .execute();
    return c.json(
      { id: existing.id, reference: existing.reference, assignee: null, assignedAt: null },
      200,
    );
  });
}
