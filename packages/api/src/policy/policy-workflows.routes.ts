import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { problemResponses } from '../errors/problem.schema';
import { versionNumber } from '../http/pg-integer';
import type { App } from '../http/router';
import { DefinitionDetailSchema } from './policy.routes';
import { createWorkflow } from './policy-workflows.service';

const Localized = z.object({ nl: z.string().min(1).max(200), en: z.string().min(1).max(200) });
const NewWorkflowBody = z
  .object({
    key: z.string().min(2).max(60).openapi({ example: 'wijkfeest' }),
    title: Localized,
    from: z
      .object({ key: z.string().min(1).max(60), version: versionNumber() })
      .strict()
      .optional()
      .openapi({ description: 'A published version to copy; absent: a minimal skeleton.' }),
  })
  .strict()
  .openapi('NewWorkflow');

const route = createRoute({
  method: 'post',
  path: '/api/policy/definitions',
  tags: ['Policy'],
  security: [{ session: [] }],
  summary: 'Start a new workflow key: draft version 1, empty or copied from a published version',
  middleware: [requireRole('policy')],
  request: {
    body: { required: true, content: { 'application/json': { schema: NewWorkflowBody } } },
  },
  responses: {
    201: {
      description: 'The draft version 1 of the new workflow',
      content: { 'application/json': { schema: DefinitionDetailSchema } },
    },
    ...problemResponses(401, 403, 404, 409, 422),
  },
});

/** Policy staff start new workflows (issue 13): a new key, from a skeleton or a copy. */
export function registerPolicyWorkflowRoutes(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const created = await createWorkflow(deps.db, c.req.valid('json'), deps.clock());
    c.header('Location', `/api/policy/definitions/${created.key}/versions/1`);
    return c.json(created as never, 201);
  });
}
