import { createRoute, z } from '@hono/zod-openapi';
import { IdParams } from '../applications/applications.schemas';
import { currentUser, requireUser } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { SupporterConfirmationSchema } from '../regulations/regulations.routes';
import { PostcodeSchema } from '../users/users.schemas';
import { confirmationInfo, confirmSupport, confirmWithDigid } from './supporters.confirm';
import { SUPPORTER_VERDICTS } from './supporters.counting';
import { addSupporter, listSupporters } from './supporters.service';

const tags = ['Supporters'];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const SupporterSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    postcode: z.string().nullable().openapi({
      description:
        'The postcode the supporter gave; null when not given, and always null for a reader who is not staff (a supporter gives it to the municipality, not to the applicant)',
    }),
    age: z.number().int().nullable().openapi({
      description:
        'The age the supporter gave; null when not given, and always null for a reader who is not staff',
    }),
    invitedAt: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    confirmedHow: z.enum(['code', 'digid', 'paper']).nullable(),
    inMunicipality: z.boolean().nullable(),
    isApplicant: z.boolean(),
    counts: z.boolean(),
  })
  .openapi('Supporter');

const ListedSupporterSchema = SupporterSchema.extend({
  verdict: z.enum(SUPPORTER_VERDICTS).nullable().openapi({
    description:
      "Whether the workflow's supporters rule counts this supporter now (null) or why not: not confirmed yet, the applicant, no age, too young, no postcode, or a postcode outside the district",
  }),
}).openapi('ListedSupporter');

const listRoute = createRoute({
  method: 'get',
  path: '/api/applications/{id}/supporters',
  tags,
  security: [{ session: [] }],
  summary: 'Supporters of an application: who confirmed, how and when; postcode outside flagged',
  middleware: [requireUser()],
  request: { params: IdParams },
  responses: {
    200: json(
      z.object({
        items: z.array(ListedSupporterSchema),
        confirmed: z
          .number()
          .int()
          .openapi({ description: 'Invited supporters who confirmed (the applicant never)' }),
        counted: z.number().int().nullable().openapi({
          description:
            'Supporters on record the rule counts now (confirmed, old enough, of the district); null without a rule',
        }),
        district: z
          .object({ name: z.string(), label: z.object({ nl: z.string(), en: z.string() }) })
          .nullable()
          .openapi({
            description:
              "The district whose residents count (the rule's table); null without a table, or while the district is not known",
          }),
        onForm: z.number().int().openapi({
          description: "Supporters named in the application form's own list",
        }),
        counting: z.enum(['confirmed', 'form']).openapi({
          description:
            "Which number the rules count now: `form` while nobody was invited (the form's list), `confirmed` once anyone was",
        }),
        rule: z.object({ count: z.number().int(), minAge: z.number().int() }).nullable().openapi({
          description:
            "How many supporters the application's workflow asks for, and from what age; null when it asks for none",
        }),
      }),
      'Supporters, with the number that counts',
    ),
    ...problemResponses(401, 404),
  },
});

const addRoute = createRoute({
  method: 'post',
  path: '/api/applications/{id}/supporters',
  tags,
  security: [{ session: [] }],
  summary: 'Invite a supporter by e-mail (link and code), or record a paper signature (clerk)',
  middleware: [requireUser()],
  request: {
    params: IdParams,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            name: z.string().trim().min(1).max(200),
            email: z.email().max(254).nullable().optional(),
            paper: z.boolean().optional(),
            postcode: PostcodeSchema.nullable().optional(),
            age: z.number().int().min(0).max(130).nullable().optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: json(SupporterSchema, 'Invited (or recorded)'),
    ...problemResponses(401, 403, 404, 409, 422),
  },
});

const TokenQuery = z.object({ token: z.string().min(10).max(100) });

const infoRoute = createRoute({
  method: 'get',
  path: '/api/supporters/confirm',
  tags,
  summary:
    'What the invited supporter is asked to support (by the link token), and how they may confirm',
  request: { query: TokenQuery },
  responses: {
    200: json(
      z.object({
        reference: z.string(),
        title: z.string(),
        description: z.string().nullable(),
        district: z.string(),
        applicantName: z.string(),
        supporterName: z.string(),
        confirmedAt: z.string().nullable(),
        confirmation: SupporterConfirmationSchema,
        digid: z.object({
          available: z.boolean().openapi({ description: 'A DigiD broker is configured' }),
          signedInAs: z.string().nullable().openapi({
            description: 'The name of the account when this session was started with DigiD',
          }),
        }),
      }),
      'The initiative',
    ),
    ...problemResponses(404, 422),
  },
});

const confirmRoute = createRoute({
  method: 'post',
  path: '/api/supporters/confirm',
  tags,
  summary:
    'The supporter confirms with the mailed code, their postcode and age (refused with 422 when the regulation asks for DigiD)',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            token: z.string().min(10).max(100),
            code: z.string().trim().min(1).max(12),
            postcode: PostcodeSchema,
            age: z.number().int().min(0).max(130),
          }),
        },
      },
    },
  },
  responses: {
    200: json(z.object({ confirmedAt: z.string() }), 'Confirmed'),
    ...problemResponses(404, 409, 422, 429),
  },
});

const confirmDigidRoute = createRoute({
  method: 'post',
  path: '/api/supporters/confirm/digid',
  tags,
  security: [{ session: [] }],
  summary:
    'The supporter, signed in with DigiD through the broker, confirms with their postcode and age',
  description:
    'Start the sign-in at GET /api/auth/oidc/resident/login?returnTo=/steunen?token=…; one person (account or DigiD identity) supports an application once (409), the applicant never (422).',
  middleware: [requireUser()],
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            token: z.string().min(10).max(100),
            postcode: PostcodeSchema,
            age: z.number().int().min(0).max(130),
          }),
        },
      },
    },
  },
  responses: {
    200: json(z.object({ confirmedAt: z.string() }), 'Confirmed'),
    ...problemResponses(401, 403, 404, 409, 422),
  },
});

export function registerSupporterRoutes(app: App, deps: AppDeps): void {
  app.openapi(listRoute, async (c) =>
    c.json(await listSupporters(deps, currentUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(addRoute, async (c) => {
    const s = await addSupporter(
      deps,
      currentUser(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(s, 201);
  });
  app.openapi(infoRoute, async (c) =>
    c.json(
      await confirmationInfo(deps, c.req.valid('query').token, {
        user: c.get('user'),
        sessionId: c.get('sessionId'),
      }),
      200,
    ),
  );
  app.openapi(confirmRoute, async (c) =>
    c.json(await confirmSupport(deps, c.get('user'), c.req.valid('json')), 200),
  );
  app.openapi(confirmDigidRoute, async (c) =>
    c.json(
      await confirmWithDigid(
        deps,
        { user: c.get('user'), sessionId: c.get('sessionId') },
        c.req.valid('json'),
      ),
      200,
    ),
  );
}
