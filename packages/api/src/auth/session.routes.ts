import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../context';
import type { App } from '../http/router';
import { findUserById, publicUser } from '../users/users.repository';
import { UserSchema } from '../users/users.schemas';

/**
 * Who is logged in, if anyone: 200 with `user: null` for a visitor. The web asks this on every
 * page; `/api/me` answers a visitor 401, which browsers log as an error on anonymous pages.
 */
const sessionRoute = createRoute({
  method: 'get',
  path: '/api/session',
  operationId: 'getSession',
  tags: ['auth'],
  summary: 'The logged-in user, or null for a visitor (never 401)',
  security: [],
  responses: {
    200: {
      description: 'The session',
      content: {
        'application/json': {
          schema: z.object({
            user: UserSchema.nullable(),
            actingFor: z.object({ id: z.uuid(), name: z.string() }).nullable().openapi({
              description: 'Signed in through DigiD Machtigen: the resident this session acts for',
            }),
          }),
        },
      },
    },
  },
});

export function registerSessionRoutes(app: App, deps: AppDeps): void {
  app.openapi(sessionRoute, async (c) => {
    const current = c.get('user');
    const user = current ? await findUserById(deps.db, current.id) : undefined;
    c.header('cache-control', 'private, no-store');
    return c.json(
      { user: user ? publicUser(user) : null, actingFor: (user && current?.actingFor) || null },
      200,
    );
  });
}
