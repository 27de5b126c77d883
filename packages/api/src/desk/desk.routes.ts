import { createRoute, z } from '@hono/zod-openapi';
import { IdParams, NoticeOfDefaultSchema } from '../applications/applications.schemas';
import { NOTICE_WAIVERS } from '../applications/notice-waiver';
import { currentUser, requireRole, requireUser } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { authorise, listAuthorisations, revokeAuthorisation } from './authorisations.service';
import { CONTACT_CHANNELS, logContact } from './contacts.service';
import {
  issuePenaltyDecision,
  recordNoticeOfDefault,
  recordPenaltySet,
} from './notice-of-default.service';

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

const noticeOfDefaultRoute = createRoute({
  method: 'post',
  path: '/api/applications/{id}/notice-of-default',
  tags,
  security,
  summary: 'Give or record a notice of default (ingebrekestelling, Awb 4:17)',
  description:
    'While a decision is awaited and its term has run out: from two weeks after the day the notice ' +
    'came in, a penalty (dwangsom) runs for each day without a decision. The applicant, or someone ' +
    'acting for her, gives it online: it comes in today, so receivedOn may be left out (and if ' +
    'given, must be today); she gets a receipt by e-mail when she receives mail, and the assessor ' +
    '(or the staff mailbox) is told. The desk and the assessors record a notice that came by post ' +
    'or at the desk with the day it came in (receivedOn required). Only the first notice counts ' +
    '(409 after it); a notice given before the term ended does not count (422, said in words).',
  middleware: [requireUser()],
  request: {
    params: IdParams,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ receivedOn: z.iso.date().optional() }).strict(),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Recorded, with the penalty it makes owed',
      content: { 'application/json': { schema: NoticeOfDefaultSchema } },
    },
    ...problemResponses(401, 403, 404, 409, 422),
  },
});

const penaltySetRoute = createRoute({
  method: 'post',
  path: '/api/applications/{id}/notice-of-default/penalty-set',
  tags,
  security,
  summary: 'Record the day the penalty of a notice of default was set by decision (Awb 4:18)',
  description:
    'Once the penalty has ended with days owed (the decision came late, or 42 days ran out), and ' +
    'only after its last day. 409 when there is nothing to set or it was set already.',
  middleware: [requireRole('assessor', 'approver', 'admin')],
  request: {
    params: IdParams,
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ setOn: z.iso.date() }).strict() } },
    },
  },
  responses: {
    200: {
      description: 'Recorded',
      content: { 'application/json': { schema: NoticeOfDefaultSchema } },
    },
    ...problemResponses(401, 403, 404, 409, 422),
  },
});

const penaltyDecisionRoute = createRoute({
  method: 'post',
  path: '/api/applications/{id}/notice-of-default/penalty-decision',
  tags,
  security,
  summary:
    'Set the penalty of a notice of default by decision today, and send the letter (Awb 4:18)',
  description:
    'Once the penalty has ended with days owed, and after its last day: records today as the day ' +
    'it was set and issues the decision letter, with the amount, how it was counted and the ' +
    'objection clause, by e-mail with the PDF or into the print queue for a resident who gets her ' +
    'post on paper. 409 when there is nothing to set or it was set already.',
  middleware: [requireRole('assessor', 'approver', 'admin')],
  request: {
    params: IdParams,
    body: {
      required: false,
      content: {
        'application/json': {
          schema: z
            .object({
              notOwed: z
                .object({
                  ground: z.enum(NOTICE_WAIVERS),
                  motivation: z.string().trim().min(10).max(2000),
                })
                .strict()
                .optional()
                .openapi({
                  description:
                    "Awb 4:17 lid 6: no penalty is owed, on this ground; the motivation is the letter's own paragraph of reasons",
                }),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Set, and the letter issued',
      content: { 'application/json': { schema: NoticeOfDefaultSchema } },
    },
    ...problemResponses(401, 403, 404, 409, 422),
  },
});

const AuthorisationSchema = z
  .object({
    id: z.uuid(),
    agent: z.object({ id: z.uuid(), name: z.string(), email: z.string().nullable() }),
    source: z.enum(['resident', 'machtigen']),
    createdAt: z.string(),
  })
  .openapi('Authorisation');

const listAuthorisationsRoute = createRoute({
  method: 'get',
  path: '/api/applications/{id}/authorisations',
  tags,
  security,
  summary: 'Who the resident authorised to act on this application',
  middleware: [requireUser()],
  request: { params: IdParams },
  responses: {
    200: {
      description: 'Active authorisations',
      content: {
        'application/json': { schema: z.object({ items: z.array(AuthorisationSchema) }) },
      },
    },
    ...problemResponses(401, 403, 404),
  },
});

const authoriseRoute = createRoute({
  method: 'post',
  path: '/api/applications/{id}/authorisations',
  tags,
  security,
  summary: 'The resident authorises someone with an account to act for them (in the history)',
  middleware: [requireUser()],
  request: {
    params: IdParams,
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ email: z.email().max(254) }) } },
    },
  },
  responses: {
    201: {
      description: 'Authorised',
      content: {
        'application/json': {
          schema: z.object({
            agent: z.object({ id: z.uuid(), name: z.string(), email: z.string().nullable() }),
          }),
        },
      },
    },
    ...problemResponses(401, 403, 404, 409, 422),
  },
});

const revokeRoute = createRoute({
  method: 'delete',
  path: '/api/applications/{id}/authorisations/{authorisationId}',
  tags,
  security,
  summary: 'The resident withdraws an authorisation',
  middleware: [requireUser()],
  request: { params: z.object({ id: z.uuid(), authorisationId: z.uuid() }) },
  responses: {
    204: { description: 'Withdrawn' },
    ...problemResponses(401, 403, 404),
  },
});

export function registerDeskRoutes(app: App, deps: AppDeps): void {
  app.openapi(listAuthorisationsRoute, async (c) => {
    const items = await listAuthorisations(deps, currentUser(c), c.req.valid('param').id);
    return c.json({ items }, 200);
  });
  app.openapi(authoriseRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await authorise(deps, currentUser(c), id, c.req.valid('json').email), 201);
  });
  app.openapi(revokeRoute, async (c) => {
    const { id, authorisationId } = c.req.valid('param');
    await revokeAuthorisation(deps, currentUser(c), id, authorisationId);
    return c.body(null, 204);
  });

  app.openapi(noticeOfDefaultRoute, async (c) => {
    const { id } = c.req.valid('param');
    const notice = await recordNoticeOfDefault(deps, currentUser(c), id, c.req.valid('json'));
    return c.json(notice, 201);
  });

  app.openapi(penaltySetRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await recordPenaltySet(deps, currentUser(c), id, c.req.valid('json')), 200);
  });

  app.openapi(penaltyDecisionRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.header('content-type') ? c.req.valid('json') : {};
    return c.json(await issuePenaltyDecision(deps, currentUser(c), id, body.notOwed), 201);
  });

  app.openapi(contactRoute, async (c) => {
    const { id } = c.req.valid('param');
    const contact = await logContact(deps, currentUser(c), id, c.req.valid('json'));
    return c.json(contact, 201);
  });
}
