import { createRoute, z } from '@hono/zod-openapi';
import { toAmsterdamDate } from '@initiatief/engine';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { AppError } from '../errors';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { isUuid, listAllRegulations } from '../regulations/regulations.repository';
import { RegulationSchema, SupporterConfirmationSchema } from '../regulations/regulations.routes';
import { StoredRegulationSchema } from './policy-answers.schemas';
import { ProposalSchema } from './policy-proposals.routes';
import { proposeRegulationChange, touchesGuardedFields } from './policy-proposals.service';
import { createRegulation, updateRegulation } from './policy-regulations.service';
import { json, policyOnly, security, tags } from './policy-route-kit';

// Policy staff's regulations: a district's year with its ceiling, maximum, dates and workflow
// version. A change of version, ceiling or maximum waits for a second officer (four eyes).

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
  workflowKey: z.string().min(1),
  workflowVersion: z.number().int().min(1),
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

const r = {
  regulations: createRoute({
    method: 'get',
    path: '/api/policy/regulations',
    tags,
    security,
    summary: 'All regulations (open or not) with ceiling, budget and workflow version',
    middleware: policyOnly,
    responses: {
      200: json(z.object({ items: z.array(RegulationSchema) }), 'Regulations'),
      ...problemResponses(401, 403),
    },
  }),
  createRegulation: createRoute({
    method: 'post',
    path: '/api/policy/regulations',
    tags,
    security,
    summary: 'A regulation for a district and year: ceiling, maximum, dates, workflow version',
    middleware: policyOnly,
    request: {
      body: { required: true, content: { 'application/json': { schema: NewRegulationBody } } },
    },
    responses: {
      201: json(StoredRegulationSchema, 'Created'),
      ...problemResponses(401, 403, 409, 422),
    },
  }),
  updateRegulation: createRoute({
    method: 'patch',
    path: '/api/policy/regulations/{id}',
    tags,
    security,
    summary:
      'Change a regulation; a change of workflow version, ceiling or maximum becomes a proposal (202) another policy officer approves',
    middleware: policyOnly,
    request: {
      params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }),
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
    const items = (await listAllRegulations(db)).map((reg) => ({
      ...reg,
      open: reg.opensOn <= today && today <= reg.closesOn,
    }));
    return c.json({ items }, 200);
  });

  app.openapi(r.createRegulation, async (c) => {
    const created = await createRegulation(db, c.req.valid('json'));
    c.header('Location', `/api/regulations/${created.id}`);
    return c.json(created as never, 201);
  });

  app.openapi(r.updateRegulation, async (c) => {
    const { id } = c.req.valid('param');
    if (!isUuid(id)) throw new AppError('not_found', 'No regulation with this id.');
    const { comment, ...changes } = c.req.valid('json');
    if (await touchesGuardedFields(db, id, changes)) {
      const user = currentUser(c);
      const proposal = await proposeRegulationChange(db, id, changes, user, comment, deps.clock());
      return c.json({ proposal } as never, 202);
    }
    return c.json((await updateRegulation(db, id, changes)) as never, 200);
  });
}
