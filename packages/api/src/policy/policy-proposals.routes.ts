import { createRoute, z } from '@hono/zod-openapi';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { AppError } from '../errors';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { isUuid } from '../regulations/regulations.repository';
import { SupporterConfirmationSchema } from '../regulations/regulations.routes';
import { approveProposal, closeProposal } from './policy-proposals.service';
import { listProposals } from './policy-proposals.shared';
import { json, policyOnly, security, tags } from './policy-route-kit';

const Person = z.object({ id: z.string(), name: z.string() });
export const ProposalSchema = z
  .object({
    id: z.string(),
    /** open_regulation: a new regulation opens for applications (it is closed until approved). */
    kind: z.enum(['publish_definition', 'change_regulation', 'open_regulation']),
    status: z.enum(['open', 'approved', 'rejected', 'withdrawn']),
    definition: z.object({ key: z.string(), version: z.number().int() }).nullable(),
    regulation: z
      .object({
        id: z.string(),
        code: z.string(),
        title: z.string(),
        district: z.string(),
        year: z.number().int(),
        opensOn: z.string(),
        closesOn: z.string(),
        current: z.object({
          ceilingCents: z.number().int(),
          maxAmountCents: z.number().int(),
          settlementFourEyesAboveCents: z.number().int().nullable(),
          supporterConfirmation: SupporterConfirmationSchema,
          workflow: z.object({ key: z.string(), version: z.number().int() }),
        }),
      })
      .nullable(),
    /** The regulation's fields as proposed (a publication proposes none). */
    changes: z
      .object({
        ceilingCents: z.number().int().optional(),
        maxAmountCents: z.number().int().optional(),
        workflowKey: z.string().optional(),
        workflowVersion: z.number().int().optional(),
        settlementFourEyesAboveCents: z.number().int().nullable().optional(),
        supporterConfirmation: SupporterConfirmationSchema.optional(),
      })
      .catchall(z.unknown()),
    proposedBy: Person,
    proposedAt: z.string(),
    comment: z.string(),
    decidedBy: Person.nullable(),
    decidedAt: z.string().nullable(),
    decisionComment: z.string().nullable(),
  })
  .openapi('PolicyProposal');
export const CommentBody = z
  .object({ comment: z.string().max(2000).optional() })
  .strict()
  .openapi('ProposalComment');

const IdParams = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const commentBody = {
  required: false,
  content: { 'application/json': { schema: CommentBody } },
};

const r = {
  list: createRoute({
    method: 'get',
    path: '/api/policy/proposals',
    tags,
    security,
    summary: 'Proposed changes of the rules, newest first (open only with ?status=open)',
    middleware: policyOnly,
    request: {
      query: z.object({ status: z.enum(['open', 'approved', 'rejected', 'withdrawn']).optional() }),
    },
    responses: {
      200: json(z.object({ items: z.array(ProposalSchema) }), 'Proposals'),
      ...problemResponses(401, 403, 422),
    },
  }),
  approve: createRoute({
    method: 'post',
    path: '/api/policy/proposals/{id}/approve',
    tags,
    security,
    summary: 'Approve another officer’s proposal: the change is made now (four eyes)',
    middleware: policyOnly,
    request: { params: IdParams, body: commentBody },
    responses: {
      200: json(z.object({ proposal: ProposalSchema, result: z.unknown() }), 'Approved and done'),
      ...problemResponses(401, 403, 404, 409, 422),
    },
  }),
  reject: createRoute({
    method: 'post',
    path: '/api/policy/proposals/{id}/reject',
    tags,
    security,
    summary: 'Reject another officer’s proposal, saying why',
    middleware: policyOnly,
    request: { params: IdParams, body: commentBody },
    responses: {
      200: json(z.object({ proposal: ProposalSchema }), 'Rejected'),
      ...problemResponses(401, 403, 404, 409, 422),
    },
  }),
  withdraw: createRoute({
    method: 'post',
    path: '/api/policy/proposals/{id}/withdraw',
    tags,
    security,
    summary: 'Withdraw one’s own open proposal',
    middleware: policyOnly,
    request: { params: IdParams, body: commentBody },
    responses: {
      200: json(z.object({ proposal: ProposalSchema }), 'Withdrawn'),
      ...problemResponses(401, 403, 404, 409, 422),
    },
  }),
};

function proposalId(c: { req: { valid(t: 'param'): { id: string } } }): string {
  const { id } = c.req.valid('param');
  if (!isUuid(id)) throw new AppError('not_found', 'No proposal with this id.');
  return id;
}

async function commentOf(c: { req: { json(): Promise<unknown> } }): Promise<string | undefined> {
  const body = (await c.req.json().catch(() => ({}))) as { comment?: unknown };
  return typeof body?.comment === 'string' ? body.comment : undefined;
}

/** Four eyes on the rules: proposals to publish a definition, change or open a regulation. */
export function registerPolicyProposalRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;

  app.openapi(r.list, async (c) =>
    c.json({ items: (await listProposals(db, c.req.valid('query').status)) as never[] }, 200),
  );

  app.openapi(r.approve, async (c) => {
    const id = proposalId(c);
    const out = await approveProposal(db, id, currentUser(c), await commentOf(c), deps.clock());
    return c.json(out as never, 200);
  });

  app.openapi(r.reject, async (c) => {
    const id = proposalId(c);
    const comment = await commentOf(c);
    const proposal = await closeProposal(db, id, currentUser(c), 'rejected', comment, deps.clock());
    return c.json({ proposal } as never, 200);
  });

  app.openapi(r.withdraw, async (c) => {
    const id = proposalId(c);
    const comment = await commentOf(c);
    const proposal = await closeProposal(
      db,
      id,
      currentUser(c),
      'withdrawn',
      comment,
      deps.clock(),
    );
    return c.json({ proposal } as never, 200);
  });
}
