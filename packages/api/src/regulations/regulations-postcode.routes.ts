import { createRoute, z } from '@hono/zod-openapi';
import { toAmsterdamDate } from '@initiatief/engine';
import { requireRole } from '../auth/auth.middleware';
import { STAFF_ROLES } from '../auth/roles';
import type { AppDeps } from '../context';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { PostcodeSchema } from '../users/users.schemas';
import { regulationsForPostcode } from './regulations-postcode.service';

export const RegulationsForPostcodeSchema = z
  .object({
    postcode: z.string().openapi({ description: "The postcode as read: '3074ab' is '3074 AB'" }),
    district: z.string().nullable().openapi({
      description:
        'The district the postcode lies in, by the district table of the workflow of an open regulation (its supporters rule); null when no such table names it',
    }),
    regulationIds: z.array(z.uuid()).openapi({
      description:
        "Open regulations whose district holds the postcode, each by its own workflow's district table; a workflow without one matches no postcode",
    }),
  })
  .openapi('RegulationsForPostcode');

const forPostcodeRoute = createRoute({
  method: 'get',
  path: '/api/regulations/by-postcode',
  tags: ['Regulations'],
  security: [{ session: [] }],
  summary: "The open regulations of a resident's district, found by postcode (staff)",
  description:
    'For the desk, which files an application for a resident: the regulation of the district the ' +
    "resident's postcode lies in, so it can be chosen for them. The postcodes of a district come " +
    'from the workflow definitions, not from a table of the API.',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  request: {
    query: z.object({
      postcode: PostcodeSchema.openapi({ example: '3074 AB' }),
    }),
  },
  responses: {
    200: {
      description: 'The district and the regulations that hold the postcode',
      content: { 'application/json': { schema: RegulationsForPostcodeSchema } },
    },
    ...problemResponses(401, 403, 422),
  },
});

/**
 * GET /api/regulations/by-postcode. Registered before `/api/regulations/{id}`, which would
 * otherwise take `by-postcode` for an id.
 */
export function registerRegulationPostcodeRoute(app: App, deps: AppDeps): void {
  app.openapi(forPostcodeRoute, async (c) => {
    const { postcode } = c.req.valid('query');
    const found = await regulationsForPostcode(deps.db, postcode, toAmsterdamDate(deps.clock()));
    return c.json({ postcode, ...found }, 200);
  });
}
