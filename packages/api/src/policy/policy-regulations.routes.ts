import { createRoute, z } from '@hono/zod-openapi';
import { toAmsterdamDate } from '@initiatief/engine';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { AppError } from '../errors';
import { problemResponses } from '../errors/problem.schema';
import { versionNumber } from '../http/pg-integer';
import type { App } from '../http/router';
import { isOpenOn, isUuid, listAllRegulations } from '../regulations/regulations.repository';
import { RegulationSchema, SupporterConfirmationSchema } from '../regulations/regulations.routes';
import { StoredRegulationSchema } from './policy-answers.schemas';
import {
  changeClosedRegulation,
  openingsOf,
  proposeNewRegulation,
  proposeOpening,
} from './policy-opening.service';
import { CommentBody, ProposalSchema } from './policy-proposals.routes';
import { proposeRegulationChange, touchesGuardedFields } from './policy-proposals.service';
import { updateRegulation } from './policy-regulations.service';
import { json, policyOnly, security, tags } from './policy-route-kit';

// Policy staff's regulations: a district's year with its ceiling, maximum, dates and workflow
// version. A new regulation opens for applications, and a change of version, ceiling or maximum
// takes effect, only when a second officer approves (four eyes).

const isoDate = z.iso.date();

const RegulationFields = {
  title: z.string().min(1).max(300),
  ceilingCents: z.number().int().min(0).max(2_000_000_000),
  maxAmountCents: z.number().int().min(1).max(2_000_000_000),
  directSettlementThresholdCents: z.number().int().min(0).max(2_000_000_000),
  decisionTermWeeks: z.number().int().min(1).max(52),
  reportDueWeeks: z.number().int().min(1).max(104),
  /** Settlement above this amount takes a second person; null: never. */
  settlementFourEyesAboveCents: z.number().int().min(0).max(2_000_000_000).nullable(),
  supporterConfirmation: SupporterConfirmationSchema,
  opensOn: isoDate,
  closesOn: isoDate,
  workflowKey: z.string().min(1).max(60),
  workflowVersion: versionNumber(),
};
const NewRegulationBody = z
  .object({
    code: z
      .string()
      .min(1)
      .max(60)
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/),
    district: z.string().min(1).max(100),
    year: z.number().int().min(2000).max(2100),
    ...RegulationFields,
    directSettlementThresholdCents: RegulationFields.directSettlementThresholdCents.optional(),
    decisionTermWeeks: RegulationFields.decisionTermWeeks.optional(),
    reportDueWeeks: RegulationFields.reportDueWeeks.optional(),
    settlementFourEyesAboveCents: RegulationFields.settlementFourEyesAboveCents.optional(),
    supporterConfirmation: RegulationFields.supporterConfirmation.optional(),
    /** Why: the second policy officer, who approves opening it, reads this. Required. */
    comment: z.string().max(2000).optional(),
  })
  .strict()
  .openapi('NewRegulation');
const RegulationPatch = z
  .object({
    ...RegulationFields,
    /** Why: required when the patch changes the workflow version, ceiling or maximum. */
    comment: z.string().max(2000),
  })
  .partial()
  .strict()
  .openapi('RegulationPatch');

const Person = z.object({ id: z.string(), name: z.string() });
/** A regulation on the policy pages: with, until a second officer approved it, its opening. */
const PolicyRegulationSchema = RegulationSchema.omit({ scheme: true, conditions: true })
  .extend({
    /** The latest proposal to open it; null once approved (or for one written directly). */
    opening: z
      .object({
        proposalId: z.string(),
        status: z.enum(['open', 'approved', 'rejected', 'withdrawn']),
        proposedBy: Person,
        decidedBy: Person.nullable(),
        decisionComment: z.string().nullable(),
      })
      .nullable(),
  })
  .openapi('PolicyRegulation');
const IdParams = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

const r = {
  regulations: createRoute({
    method: 'get',
    path: '/api/policy/regulations',
    tags,
    security,
    summary:
      'All regulations (open or not, approved or not) with ceiling, budget and workflow version',
    middleware: policyOnly,
    responses: {
      200: json(z.object({ items: z.array(PolicyRegulationSchema) }), 'Regulations'),
      ...problemResponses(401, 403),
    },
  }),
  createRegulation: createRoute({
    method: 'post',
    path: '/api/policy/regulations',
    tags,
    security,
    summary:
      'A regulation for a district and year: ceiling, maximum, dates, workflow version; closed for applications until another policy officer approves the proposal to open it (four eyes)',
    middleware: policyOnly,
    request: {
      body: { required: true, content: { 'application/json': { schema: NewRegulationBody } } },
    },
    responses: {
      201: json(
        StoredRegulationSchema.extend({ proposal: ProposalSchema }).openapi('CreatedRegulation'),
        'Created, closed; the proposal to open it waits for a second officer',
      ),
      ...problemResponses(401, 403, 409, 422),
    },
  }),
  proposeOpening: createRoute({
    method: 'post',
    path: '/api/policy/regulations/{id}/opening',
    tags,
    security,
    summary:
      'Propose again to open a new regulation whose opening was rejected or withdrawn; another policy officer approves',
    middleware: policyOnly,
    request: {
      params: IdParams,
      body: { required: true, content: { 'application/json': { schema: CommentBody } } },
    },
    responses: {
      202: json(z.object({ proposal: ProposalSchema }), 'Proposed; waits for a second officer'),
      ...problemResponses(401, 403, 404, 409, 422),
    },
  }),
  updateRegulation: createRoute({
    method: 'patch',
    path: '/api/policy/regulations/{id}',
    tags,
    security,
    summary:
      'Change a regulation; a change of workflow version, ceiling or maximum of an approved one becomes a proposal (202) another policy officer approves. One not approved yet changes at once, but not while its opening waits (409)',
    middleware: policyOnly,
    request: {
      params: IdParams,
      body: { required: true, content: { 'application/json': { schema: RegulationPatch } } },
    },
    responses: {
      200: json(StoredRegulationSchema, 'Updated'),
      202: json(z.object({ proposal: ProposalSchema }), 'Proposed; waits for a second officer'),
      ...problemResponses(401, 403, 404, 409, 422),
    },
  }),
};

/** The regulations' routes, registered by registerPolicyRoutes in its order. */
export function registerPolicyRegulationRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;

  app.openapi(r.regulations, async (c) => {
    const today = toAmsterdamDate(deps.clock());
    const all = await listAllRegulations(db);
    const openings = await openingsOf(
      db,
      all.filter((reg) => reg.approvedAt === null).map((reg) => reg.id),
    );
    const items = all.map((reg) => ({
      ...reg,
      open: isOpenOn(reg, today),
      opening: reg.approvedAt === null ? (openings.get(reg.id) ?? null) : null,
    }));
    return c.json({ items }, 200);
  });

  app.openapi(r.createRegulation, async (c) => {
    const { comment, ...input } = c.req.valid('json');
    const { regulation, proposal } = await proposeNewRegulation(
      db,
      input,
      currentUser(c),
      comment,
      deps.clock(),
    );
    // Where it is public once a second officer approved it.
    c.header('Location', `/api/regulations/${regulation.id}`);
    return c.json({ ...regulation, proposal } as never, 201);
  });

  app.openapi(r.proposeOpening, async (c) => {
    const { id } = c.req.valid('param');
    if (!isUuid(id)) throw new AppError('not_found', 'No regulation with this id.');
    const { comment } = c.req.valid('json');
    const proposal = await proposeOpening(db, id, currentUser(c), comment, deps.clock());
    return c.json({ proposal } as never, 202);
  });

  app.openapi(r.updateRegulation, async (c) => {
    const { id } = c.req.valid('param');
    if (!isUuid(id)) throw new AppError('not_found', 'No regulation with this id.');
    const { comment, ...changes } = c.req.valid('json');
    const user = currentUser(c);
    // Not approved yet: nothing is open on it, so a change waits for the approval of its opening.
    const closed = await changeClosedRegulation(db, id, changes);
    if (closed) return c.json(closed as never, 200);
    if (await touchesGuardedFields(db, id, changes)) {
      const proposal = await proposeRegulationChange(db, id, changes, user, comment, deps.clock());
      return c.json({ proposal } as never, 202);
    }
    return c.json((await updateRegulation(db, id, changes, deps.clock())) as never, 200);
  });
}
