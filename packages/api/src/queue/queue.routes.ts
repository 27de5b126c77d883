import { createRoute, z } from '@hono/zod-openapi';
import { toAmsterdamDate } from '@initiatief/engine';
import { QUEUE_ROLES } from '../applications/applications.access';
import { listApplications } from '../applications/applications.list';
import { IdParams, ListResponse, QueueQuery } from '../applications/applications.schemas';
import { currentUser, requireRole } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { claim, release, takeOver } from './claims.service';
import { penaltiesToSet } from './penalties';

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

const PenaltyToSetSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    title: z.string().nullable(),
    applicantName: z.string(),
    receivedOn: z.iso.date().openapi({ description: 'The day the notice of default came in' }),
    decidedOn: z.iso.date().nullable().openapi({
      description: 'The day the decision was made known; null when the 42 days ran out before it',
    }),
    days: z.number().int().openapi({ description: 'Days the penalty is owed for (at most 42)' }),
    cents: z.number().int().openapi({ description: 'The penalty owed, in cents' }),
    lastDay: z.iso.date(),
    settleBy: z.iso.date().openapi({
      description: 'The last day to set the penalty by decision (Awb 4:18)',
    }),
    daysLeft: z.number().int().openapi({
      description: "Calendar days from today (the server's) to settleBy; below 0 when it is late",
    }),
  })
  .openapi('PenaltyToSet');

const penaltiesRoute = createRoute({
  method: 'get',
  path: '/api/queue/penalties',
  tags,
  security,
  summary:
    'Penalties of notices of default owed and not yet set by decision, by the day to set them',
  description:
    'Awb 4:18: a penalty owed for a late decision is set by decision within two weeks of its last ' +
    'day. A decided application has left the work queue; this list keeps the day in sight.',
  middleware: [requireRole(...QUEUE_ROLES)] as const,
  responses: {
    200: {
      description: 'Every penalty still to set (few: no paging)',
      content: {
        'application/json': { schema: z.object({ items: z.array(PenaltyToSetSchema) }) },
      },
    },
    ...problemResponses(401, 403),
  },
});

const claimRoute = createRoute({
  method: 'post',
  path: '/api/applications/{id}/claim',
  tags,
  security,
  summary:
    'Take an application from the queue (409 when someone else has it, or when it is closed: a final state of its definition)',
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

const takeOverRoute = createRoute({
  method: 'post',
  path: '/api/applications/{id}/take-over',
  tags,
  security,
  summary:
    'Take a claimed application over from another assessor (recorded in the history; 409 when it is closed)',
  middleware: [requireRole('assessor', 'admin')] as const,
  request: {
    params: IdParams,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ reason: z.string().trim().max(500).optional() }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Taken over',
      content: { 'application/json': { schema: AssignmentSchema } },
    },
    ...problemResponses(401, 403, 404, 409, 422),
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

  app.openapi(penaltiesRoute, async (c) => {
    return c.json({ items: await penaltiesToSet(deps.db, deps.clock()) }, 200);
  });

  app.openapi(claimRoute, async (c) => {
    return c.json(await claim(deps, currentUser(c), c.req.valid('param').id), 200);
  });

  app.openapi(releaseRoute, async (c) => {
    return c.json(await release(deps, currentUser(c), c.req.valid('param').id), 200);
  });

  app.openapi(takeOverRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    return c.json(await takeOver(deps, currentUser(c), id, reason), 200);
  });
}
