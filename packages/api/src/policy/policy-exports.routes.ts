import { createRoute, z } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import {
  applicationsTable,
  ExportQuery,
  exportName,
  ledgerTable,
  tableToXlsx,
} from './policy-exports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const xlsxRoute = (path: string, operationId: string, summary: string) =>
  createRoute({
    method: 'get',
    path,
    operationId,
    tags: ['Policy'],
    security: [{ session: [] }],
    summary,
    middleware: [requireRole('policy')],
    request: { query: ExportQuery },
    responses: {
      200: {
        description: 'An Excel workbook',
        content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...problemResponses(401, 403, 422),
    },
  });

const applicationsXlsx = xlsxRoute(
  '/api/policy/reports/applications.xlsx',
  'exportApplicationsXlsx',
  'The applications as an Excel workbook (amounts in euro, Amsterdam times, labels in the language)',
);
const ledgerXlsx = xlsxRoute(
  '/api/policy/reports/budget-ledger.xlsx',
  'exportBudgetLedgerXlsx',
  'The budget ledger as an Excel workbook',
);

const headers = (name: string) => ({
  'Content-Type': XLSX,
  'Content-Disposition': `attachment; filename="${name}.xlsx"`,
  'Cache-Control': 'no-store',
});

/** Policy staff: the reports as .xlsx workbooks, beside the CSV downloads. */
export function registerPolicyExportRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;
  app.openapi(applicationsXlsx, async (c) => {
    const { year, lang } = c.req.valid('query');
    const locale = lang ?? currentUser(c).locale;
    const body = await tableToXlsx(await applicationsTable(db, locale, year));
    return c.body(body as never, 200, headers(exportName('applications', locale, year))) as never;
  });
  app.openapi(ledgerXlsx, async (c) => {
    const { year, lang } = c.req.valid('query');
    const locale = lang ?? currentUser(c).locale;
    const body = await tableToXlsx(await ledgerTable(db, locale, year));
    return c.body(body as never, 200, headers(exportName('ledger', locale, year))) as never;
  });
}
