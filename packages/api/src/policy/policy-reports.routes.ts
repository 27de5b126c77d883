import { createRoute, z } from '@hono/zod-openapi';
import { toAmsterdamDate } from '@initiatief/engine';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import {
  BudgetUseSchema,
  LeadTimesSchema,
  OverdueItemSchema,
  StateCountSchema,
} from './policy-answers.schemas';
import {
  applicationsTable,
  ExportQuery,
  exportName,
  ledgerTable,
  tableToCsv,
} from './policy-exports.service';
import {
  applicationsPerState,
  budgetUse,
  leadTimes,
  overdueApplications,
} from './policy-reports.service';
import { json, policyOnly, security, tags } from './policy-route-kit';

// Policy staff's reports: counts per state, budget use, lead times, overdue cases, CSV exports
// (the Excel workbooks are in policy-exports.routes.ts).

const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

const r = {
  states: createRoute({
    method: 'get',
    path: '/api/policy/reports/states',
    tags,
    security,
    summary: 'Applications per state and district',
    middleware: policyOnly,
    request: { query: YearQuery },
    responses: {
      200: json(z.object({ items: z.array(StateCountSchema) }), 'Counts'),
      ...problemResponses(401, 403, 422),
    },
  }),
  budget: createRoute({
    method: 'get',
    path: '/api/policy/reports/budget',
    tags,
    security,
    summary: 'Budget used (reserved + committed) against the ceiling per district',
    middleware: policyOnly,
    request: { query: YearQuery },
    responses: {
      200: json(z.object({ items: z.array(BudgetUseSchema) }), 'Budgets'),
      ...problemResponses(401, 403, 422),
    },
  }),
  leadTimes: createRoute({
    method: 'get',
    path: '/api/policy/reports/lead-times',
    tags,
    security,
    summary: 'Days from receipt to decision and the share decided within the legal term',
    middleware: policyOnly,
    request: { query: YearQuery },
    responses: { 200: json(LeadTimesSchema, 'Lead times'), ...problemResponses(401, 403, 422) },
  }),
  overdue: createRoute({
    method: 'get',
    path: '/api/policy/reports/overdue',
    tags,
    security,
    summary: 'Applications whose decision term has passed without a decision',
    middleware: policyOnly,
    responses: {
      200: json(z.object({ today: z.string(), items: z.array(OverdueItemSchema) }), 'Overdue'),
      ...problemResponses(401, 403),
    },
  }),
  applicationsCsv: createRoute({
    method: 'get',
    path: '/api/policy/reports/applications.csv',
    tags,
    security,
    summary: 'CSV export of the applications (;-separated, UTF-8 with BOM, labels in the language)',
    middleware: policyOnly,
    request: { query: ExportQuery },
    responses: {
      200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
      ...problemResponses(401, 403, 422),
    },
  }),
  ledgerCsv: createRoute({
    method: 'get',
    path: '/api/policy/reports/budget-ledger.csv',
    tags,
    security,
    summary: 'CSV export of the budget ledger (every reservation, release and commitment)',
    middleware: policyOnly,
    request: { query: ExportQuery },
    responses: {
      200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
      ...problemResponses(401, 403, 422),
    },
  }),
};

function csvHeaders(filename: string) {
  return {
    'Content-Type': 'text/csv; charset=utf-8; header=present',
    'Cache-Control': 'no-store',
    'Content-Disposition': `attachment; filename="${filename}"`,
  };
}

/** The reports' routes, registered by registerPolicyRoutes in its order. */
export function registerPolicyReportRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;

  app.openapi(r.states, async (c) =>
    c.json({ items: await applicationsPerState(db, c.req.valid('query').year) }, 200),
  );

  app.openapi(r.budget, async (c) =>
    c.json({ items: (await budgetUse(db, c.req.valid('query').year)) as never[] }, 200),
  );

  app.openapi(r.leadTimes, async (c) =>
    c.json((await leadTimes(db, c.req.valid('query').year)) as never, 200),
  );

  app.openapi(r.overdue, async (c) => {
    const today = toAmsterdamDate(deps.clock());
    return c.json({ today, items: (await overdueApplications(db, today)) as never[] }, 200);
  });

  app.openapi(r.applicationsCsv, async (c) => {
    const { year, lang } = c.req.valid('query');
    const locale = lang ?? currentUser(c).locale;
    const body = tableToCsv(await applicationsTable(db, locale, year), locale);
    return c.body(body, 200, csvHeaders(`${exportName('applications', locale, year)}.csv`));
  });

  app.openapi(r.ledgerCsv, async (c) => {
    const { year, lang } = c.req.valid('query');
    const locale = lang ?? currentUser(c).locale;
    const body = tableToCsv(await ledgerTable(db, locale, year), locale);
    return c.body(body, 200, csvHeaders(`${exportName('ledger', locale, year)}.csv`));
  });
}
