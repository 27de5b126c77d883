import { createRoute, z } from '@hono/zod-openapi';
import { toAmsterdamDate } from '@initiatief/engine';
import { currentUser, requireUser } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { loadDefinition } from '../definitions/definitions.repository';
import { actsForApplicant } from '../desk/authorisations.repository';
import { AppError } from '../errors';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { isUuid } from '../regulations/regulations.repository';
import { canSee } from './applications.access';
import { sendEvent } from './applications.events';
import { listApplications } from './applications.list';
import { findApplication, listHistory } from './applications.repository';
import {
  ApplicationDetailSchema,
  CreateApplicationBody,
  EventBody,
  EventHeaders,
  HistoryEntrySchema,
  IdParams,
  IfMatchHeader,
  ListQuery,
  ListResponse,
  PatchApplicationBody,
} from './applications.schemas';
import {
  createApplicationCommand,
  etagOf,
  getApplication,
  notFound,
  patchApplicationData,
} from './applications.service';
import { historyForViewer } from './history.visibility';
import { parseIdempotencyKey, requestHash } from './idempotency.repository';

/** The Idempotency-Key header; one that is no key is refused (400) with the header named. */
function idempotencyKey(header: string | undefined): string | undefined {
  try {
    return parseIdempotencyKey(header);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new AppError(error.code, error.detail, {
      invalidParams: [
        {
          name: 'idempotency-key',
          reason: 'not 1-200 visible ASCII characters',
          text: {
            nl: 'Een Idempotency-Key bestaat uit 1 tot 200 zichtbare ASCII-tekens (zonder spaties).',
            en: 'An Idempotency-Key is 1 to 200 visible ASCII characters (no spaces).',
          },
        },
      ],
    });
  }
}

const tags = ['Applications'];
const security = [{ session: [] }];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const etagHeader = { ETag: { schema: { type: 'string' as const } } };

const createApplicationRoute = createRoute({
  method: 'post',
  path: '/api/applications',
  tags,
  security,
  summary: 'Start an application (a draft) for a regulation',
  middleware: [requireUser()] as const,
  request: {
    body: { required: true, content: { 'application/json': { schema: CreateApplicationBody } } },
  },
  responses: {
    201: { ...json(ApplicationDetailSchema, 'Created'), headers: etagHeader },
    ...problemResponses(400, 401, 403, 409, 415, 422),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/applications',
  tags,
  security,
  summary: 'Applications: residents their own, staff all; filters and cursor pagination',
  middleware: [requireUser()] as const,
  request: { query: ListQuery },
  responses: { 200: json(ListResponse, 'A page'), ...problemResponses(401, 422) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/applications/{id}',
  tags,
  security,
  summary: 'One application with deadlines and the events the caller may send',
  middleware: [requireUser()] as const,
  request: { params: IdParams },
  responses: {
    200: { ...json(ApplicationDetailSchema, 'The application'), headers: etagHeader },
    ...problemResponses(401, 404),
  },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/api/applications/{id}',
  tags,
  security,
  summary: 'Merge form data while the application is editable (If-Match required)',
  middleware: [requireUser()] as const,
  request: {
    params: IdParams,
    headers: IfMatchHeader,
    body: { required: true, content: { 'application/json': { schema: PatchApplicationBody } } },
  },
  responses: {
    200: { ...json(ApplicationDetailSchema, 'Updated'), headers: etagHeader },
    ...problemResponses(400, 401, 403, 404, 409, 412, 415, 422, 428),
  },
});

const eventRoute = createRoute({
  method: 'post',
  path: '/api/applications/{id}/events',
  tags,
  security,
  summary: "Send a workflow event, one of the definition's events",
  description:
    'If-Match is optional (412 when stale). With Idempotency-Key the same key and body replay ' +
    'the first response without a second transition; the same key with another body is 422.',
  middleware: [requireUser()] as const,
  request: {
    params: IdParams,
    headers: EventHeaders,
    body: { required: true, content: { 'application/json': { schema: EventBody } } },
  },
  responses: {
    200: {
      ...json(ApplicationDetailSchema, 'The application after the step'),
      headers: etagHeader,
    },
    ...problemResponses(400, 401, 403, 404, 409, 412, 415, 422),
  },
});

const historyRoute = createRoute({
  method: 'get',
  path: '/api/applications/{id}/history',
  tags,
  security,
  summary: 'The immutable history of an application',
  middleware: [requireUser()] as const,
  request: { params: IdParams },
  responses: {
    200: json(z.object({ items: z.array(HistoryEntrySchema) }), 'History, oldest first'),
    ...problemResponses(401, 404),
  },
});

export function registerApplicationRoutes(app: App, deps: AppDeps): void {
  app.openapi(createApplicationRoute, async (c) => {
    const user = currentUser(c);
    const body = c.req.valid('json');
    const detail = await createApplicationCommand(deps, user, body);
    c.header('Location', `/api/applications/${detail.id}`);
    c.header('ETag', etagOf(detail.version));
    return c.json(detail as never, 201);
  });

  app.openapi(listRoute, async (c) => {
    const user = currentUser(c);
    const query = c.req.valid('query');
    const page = await listApplications(deps.db, user, query, toAmsterdamDate(deps.clock()));
    return c.json(page as never, 200);
  });

  app.openapi(getRoute, async (c) => {
    const detail = await getApplication(deps, currentUser(c), c.req.valid('param').id);
    c.header('ETag', etagOf(detail.version));
    c.header('Cache-Control', 'private, no-cache');
    return c.json(detail as never, 200);
  });

  app.openapi(patchRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const detail = await patchApplicationData(deps, currentUser(c), id, {
      data: body.data,
      ifMatch: c.req.header('if-match'),
    });
    c.header('ETag', etagOf(detail.version));
    return c.json(detail as never, 200);
  });

  app.openapi(eventRoute, async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const key = idempotencyKey(c.req.header('idempotency-key'));
    const result = await sendEvent(deps, user, id, {
      type: body.type,
      payload: body.payload,
      receivedOn: body.receivedOn,
      ifMatch: c.req.header('if-match'),
      idempotency: key ? { key, hash: requestHash('POST', c.req.path, body) } : undefined,
    });
    const headers: Record<string, string> = { ...result.headers };
    if (result.replayed) headers['Idempotent-Replayed'] = 'true';
    return c.json(result.body as never, result.status as 200, headers);
  });

  app.openapi(historyRoute, async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    if (!isUuid(id)) throw notFound();
    const application = await findApplication(deps.db, id);
    if (!application) throw notFound();
    const agent = await actsForApplicant(deps.db, user, application);
    if (!canSee(user, application, agent)) throw notFound();
    const def = await loadDefinition(
      deps.db,
      application.definition_key,
      application.definition_version,
    );
    const rows = historyForViewer(def, await listHistory(deps.db, id), user);
    return c.json(
      {
        items: rows.map((r) => ({
          id: r.id,
          seq: r.seq,
          event: r.event,
          fromState: r.from_state,
          toState: r.to_state,
          actor: { id: r.actor_id, name: r.actor_name ?? null, roles: r.actor_roles },
          onBehalfOf: r.on_behalf_of,
          payload: r.payload,
          at: new Date(r.at).toISOString(),
        })),
      } as never,
      200,
    );
  });
}
