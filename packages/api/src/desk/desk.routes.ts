import { createRoute, z } from '@hono/zod-openapi';
import { IdParams } from '../applications/applications.schemas';
import { currentUser, requireRole } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { CONTACT_CHANNELS, logContact } from './contacts.service';

const tags = ['Desk'];
const security = [{ session: [] }];

const ContactSchema = z
  .object({
    historyId: z.uuid(),
    seq: z.number().int(),
    channel: z.enum(CONTACT_CHANNELS),
    summary: z.string(),
    at: z.string(),
  })
  .openapi('ContactMoment');

const contactRoute = createRoute({
  method: 'post',
  path: '/api/applications/{id}/contacts',
  tags,
  security,
  summary: 'Log a phone or desk contact (klantcontact) in the application history',
  middleware: [requireRole('clerk', 'assessor', 'approver', 'admin')],
  request: {
    params: IdParams,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            channel: z.enum(CONTACT_CHANNELS),
            summary: z.string().trim().min(1).max(2000),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Logged',
      content: { 'application/json': { schema: ContactSchema } },
    },
    ...problemResponses(401, 403, 404, 422),
  },
});

export function registerDeskRoutes(app: App, deps: AppDeps): void {
  app.openapi(contactRoute, async (c) => {
    const { id } = c.req.valid('param');
    const contact = await logContact(deps, currentUser(c), id, c.req.valid('json'));
    return c.json(contact, 201);
  });
}
