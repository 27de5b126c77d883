import { createRoute, z } from '@hono/zod-openapi';
import { applyConditions, toAmsterdamDate } from '@initiatief/engine';
import { IdParams } from '../applications/applications.schemas';
import { requireRole } from '../auth/auth.middleware';
import { STAFF_ROLES } from '../auth/roles';
import { budgetOverview } from '../budget/budget.repository';
import type { AppDeps } from '../context';
import { loadDefinition } from '../definitions/definitions.repository';
import { AppError } from '../errors';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import {
  findRegulation,
  isOpenOn,
  listAllRegulations,
  listOpenRegulations,
  type Regulation,
} from './regulations.repository';
import { registerRegulationPostcodeRoute } from './regulations-postcode.routes';

/** How supporters may confirm their support: with DigiD only, or DigiD or the mailed code. */
const Localized = z.object({ nl: z.string(), en: z.string() });

export const SupporterConfirmationSchema = z.enum(['digid', 'digid_or_code']).openapi({
  description:
    "How supporters confirm: 'digid' (DigiD only) or 'digid_or_code' (DigiD or the code from the invitation mail)",
});

export const RegulationSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    district: z.string(),
    year: z.number().int(),
    ceilingCents: z.number().int(),
    maxAmountCents: z.number().int(),
    directSettlementThresholdCents: z.number().int(),
    decisionTermWeeks: z.number().int(),
    reportDueWeeks: z.number().int(),
    settlementFourEyesAboveCents: z.number().int().nullable(),
    supporterConfirmation: SupporterConfirmationSchema,
    opensOn: z.string(),
    closesOn: z.string(),
    workflow: z.object({ key: z.string(), version: z.number().int() }),
    budget: z.object({
      reservedCents: z.number().int(),
      committedCents: z.number().int(),
      remainingCents: z.number().int(),
    }),
    /**
     * When a second policy officer approved it; null (policy pages only): a new regulation that
     * waits for that approval or was rejected, not open for applications.
     */
    approvedAt: z.string().nullable(),
    open: z.boolean(),
    /** The workflow's name and what it is for, in both languages (from its definition). */
    scheme: z.object({ title: Localized, description: Localized.nullable() }),
    conditions: z.array(Localized).openapi({
      description:
        "What a resident must meet to apply, in words, read from the rules of the workflow version new applications start on (its submit rules and the statements its form asks to tick): a policy officer's change of a rule changes these words",
    }),
  })
  .openapi('Regulation');

/** A regulation as the public lists show it: open today or not, its scheme and conditions. */
async function publicRegulation(deps: AppDeps, r: Regulation, today: string) {
  const def = await loadDefinition(deps.db, r.workflow.key, r.workflow.version);
  return {
    ...r,
    open: isOpenOn(r, today),
    scheme: { title: def.title, description: def.description ?? null },
    conditions: applyConditions(def, { district: r.district, maxAmountCents: r.maxAmountCents }),
  };
}

export const BudgetSchema = z
  .object({
    regulationId: z.uuid(),
    code: z.string(),
    title: z.string(),
    district: z.string(),
    year: z.number().int(),
    ceilingCents: z.number().int(),
    reservedCents: z.number().int(),
    committedCents: z.number().int(),
    remainingCents: z.number().int(),
    applications: z.object({
      total: z.number().int(),
      awaitingDecision: z.number().int(),
      granted: z.number().int(),
    }),
    requestedPendingCents: z.number().int(),
  })
  .openapi('DistrictBudget');

const listRoute = createRoute({
  method: 'get',
  path: '/api/regulations',
  tags: ['Regulations'],
  summary:
    'Open regulations with district, maximum, ceiling and remaining budget (public; approved ones only)',
  request: {
    query: z.object({
      all: z.enum(['true', 'false']).optional().openapi({ description: 'true: also closed ones' }),
    }),
  },
  responses: {
    200: {
      description: 'Regulations',
      content: { 'application/json': { schema: z.object({ items: z.array(RegulationSchema) }) } },
    },
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/regulations/{id}',
  tags: ['Regulations'],
  summary: 'One regulation with its remaining budget',
  request: { params: IdParams },
  responses: {
    200: {
      description: 'Regulation',
      content: { 'application/json': { schema: RegulationSchema } },
    },
    ...problemResponses(404),
  },
});

const budgetsRoute = createRoute({
  method: 'get',
  path: '/api/budgets',
  tags: ['Regulations'],
  security: [{ session: [] }],
  summary: 'Budget per district and year: ceiling, reserved, committed, remaining (staff)',
  middleware: [requireRole(...STAFF_ROLES)] as const,
  request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) },
  responses: {
    200: {
      description: 'Budgets',
      content: { 'application/json': { schema: z.object({ items: z.array(BudgetSchema) }) } },
    },
    ...problemResponses(401, 403, 422),
  },
});

export function registerRegulationRoutes(app: App, deps: AppDeps): void {
  app.openapi(listRoute, async (c) => {
    const today = toAmsterdamDate(deps.clock());
    const { all } = c.req.valid('query');
    const rows =
      all === 'true'
        ? await listAllRegulations(deps.db, { approvedOnly: true })
        : await listOpenRegulations(deps.db, today);
    const items = await Promise.all(rows.map((r) => publicRegulation(deps, r, today)));
    return c.json({ items }, 200);
  });

  registerRegulationPostcodeRoute(app, deps);

  app.openapi(getRoute, async (c) => {
    const reg = await findRegulation(deps.db, c.req.valid('param').id);
    // A new regulation no second policy officer approved is not public yet.
    if (!reg?.approvedAt) throw new AppError('not_found', 'No regulation with this id.');
    return c.json(await publicRegulation(deps, reg, toAmsterdamDate(deps.clock())), 200);
  });

  app.openapi(budgetsRoute, async (c) => {
    const { year } = c.req.valid('query');
    return c.json({ items: await budgetOverview(deps.db, year) }, 200);
  });
}
