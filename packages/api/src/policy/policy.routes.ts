import { createRoute, z } from '@hono/zod-openapi';
import {
  TEMPLATE_VARIABLES,
  toAmsterdamDate,
  VOCABULARY,
  workflowDefinitionJsonSchema,
} from '@initiatief/engine';
import { currentUser, requireRole } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { AppError } from '../errors';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { isUuid, listAllRegulations } from '../regulations/regulations.repository';
import { RegulationSchema, SupporterConfirmationSchema } from '../regulations/regulations.routes';
import {
  BudgetUseSchema,
  DefinitionDiffSchema,
  LeadTimesSchema,
  OverdueItemSchema,
  StateCountSchema,
  StoredRegulationSchema,
} from './policy-answers.schemas';
import {
  createDraft,
  definitionEtag,
  deleteDraft,
  diffVersions,
  getDefinition,
  listDefinitions,
  retireVersion,
  revisionFromIfMatch,
  saveDraft,
} from './policy-definitions.service';
import {
  applicationsTable,
  ExportQuery,
  exportName,
  ledgerTable,
  tableToCsv,
} from './policy-exports.service';
import { applyMigration, dryRunMigration } from './policy-migration.service';
import {
  CommentBody,
  ProposalSchema,
  registerPolicyProposalRoutes,
} from './policy-proposals.routes';
import {
  proposePublish,
  proposeRegulationChange,
  touchesGuardedFields,
} from './policy-proposals.service';
import { createRegulation, updateRegulation } from './policy-regulations.service';
import {
  applicationsPerState,
  budgetUse,
  leadTimes,
  overdueApplications,
} from './policy-reports.service';

const tags = ['Policy'];
const security = [{ session: [] }];
const policyOnly = [requireRole('policy')];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const Any = z.record(z.string(), z.unknown());

const Localized = z.object({ nl: z.string(), en: z.string() });
const Problem = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  text: Localized.optional(),
});
const Summary = z
  .object({
    key: z.string(),
    version: z.number().int(),
    status: z.enum(['draft', 'published', 'retired']),
    title: Localized.nullable(),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
    regulations: z.number().int(),
    applications: z.number().int(),
    activeApplications: z.number().int(),
  })
  .openapi('DefinitionSummary');
export const DefinitionDetailSchema = Summary.extend({
  definition: Any,
  validation: z.object({ ok: z.boolean(), problems: z.array(Problem) }),
  revision: z.number().int(),
  savedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  savedAt: z.string().nullable(),
}).openapi('DefinitionDetail');

const KeyParams = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .openapi({ param: { name: 'key', in: 'path' }, example: 'bewonersinitiatief' }),
});
const VersionParams = KeyParams.extend({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'version', in: 'path' }, example: 1 }),
});
const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
const isoDate = z.iso.date();

const MigrationBody = z
  .object({
    fromVersion: z.number().int().min(1),
    toVersion: z.number().int().min(1),
    stateMap: z.record(z.string(), z.string()).optional(),
    applicationIds: z.array(z.uuid()).max(10_000).optional(),
    applyNewRules: z.boolean().optional(),
  })
  .openapi('MigrationRequest');
const MigrationDeadline = z.object({
  delay: z.string(),
  label: Localized,
  before: z.string().nullable(),
  after: z.string().nullable(),
  change: z.enum(['kept', 'moved', 'started', 'stopped', 'rule_applied']),
  text: Localized,
});
const MigrationItem = z.object({
  applicationId: z.string(),
  reference: z.string(),
  title: z.string(),
  district: z.string(),
  fromState: z.string(),
  fromLabel: Localized,
  toState: z.string().nullable(),
  toLabel: Localized.nullable(),
  outcome: z.enum(['same_state', 'mapped', 'stranded']),
  reason: Localized.nullable(),
  events: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  deadlines: z.array(MigrationDeadline),
  budget: z
    .object({
      reservedCents: z.number().int(),
      change: z.enum(['none', 'kept', 'released']),
      text: Localized,
    })
    .nullable(),
  text: z.array(Localized),
});
const MigrationPlan = z
  .object({
    key: z.string(),
    fromVersion: z.number().int(),
    toVersion: z.number().int(),
    stateMap: z.record(z.string(), z.string()),
    applyNewRules: z.boolean(),
    items: z.array(MigrationItem),
    summary: z.object({
      total: z.number().int(),
      sameState: z.number().int(),
      mapped: z.number().int(),
      stranded: z.number().int(),
    }),
    migrationId: z.string().optional(),
  })
  .openapi('MigrationPlan');

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
  list: createRoute({
    method: 'get',
    path: '/api/policy/definitions',
    tags,
    security,
    summary: 'Every version of every workflow definition',
    middleware: policyOnly,
    responses: {
      200: json(z.object({ items: z.array(Summary) }), 'Definitions'),
      ...problemResponses(401, 403),
    },
  }),
  schema: createRoute({
    method: 'get',
    path: '/api/policy/definitions/schema',
    tags,
    security,
    summary: 'JSON Schema of a definition, the guard/action/delay vocabulary, template variables',
    middleware: policyOnly,
    responses: { 200: json(Any, 'Schema and vocabulary'), ...problemResponses(401, 403) },
  }),
  get: createRoute({
    method: 'get',
    path: '/api/policy/definitions/{key}/versions/{version}',
    tags,
    security,
    summary: 'One version with its validation result',
    middleware: policyOnly,
    request: { params: VersionParams },
    responses: {
      200: json(DefinitionDetailSchema, 'The version'),
      ...problemResponses(401, 403, 404),
    },
  }),
  createDraft: createRoute({
    method: 'post',
    path: '/api/policy/definitions/{key}/drafts',
    tags,
    security,
    summary: 'A new draft (highest version + 1) copied from a published or retired version',
    middleware: policyOnly,
    request: {
      params: KeyParams,
      body: {
        required: true,
        content: {
          'application/json': { schema: z.object({ fromVersion: z.number().int().min(1) }) },
        },
      },
    },
    responses: {
      201: json(DefinitionDetailSchema, 'The draft'),
      ...problemResponses(401, 403, 404, 409, 422),
    },
  }),
  save: createRoute({
    method: 'put',
    path: '/api/policy/definitions/{key}/versions/{version}',
    tags,
    security,
    summary:
      'Save a draft (also when invalid); answered with the full validation result. If-Match (the ETag of GET or of the last save) is required: without it 428, and a save over someone else’s newer save is 412 and says who saved when.',
    middleware: policyOnly,
    request: {
      params: VersionParams,
      headers: z.object({
        // Optional for zod so that a missing header is 428 (the service says so), not 422;
        // required for clients, which is what the document tells them.
        'if-match': z
          .string()
          .optional()
          .openapi({
            param: { required: true },
            description: 'The ETag of the draft you loaded, e.g. "r3"',
          }),
      }),
      body: {
        required: true,
        content: { 'application/json': { schema: z.object({ definition: Any }) } },
      },
    },
    responses: {
      200: json(DefinitionDetailSchema, 'Saved'),
      ...problemResponses(401, 403, 404, 409, 412, 422, 428),
    },
  }),
  discard: createRoute({
    method: 'delete',
    path: '/api/policy/definitions/{key}/versions/{version}',
    tags,
    security,
    summary: 'Discard a draft',
    middleware: policyOnly,
    request: { params: VersionParams },
    responses: { 204: { description: 'Discarded' }, ...problemResponses(401, 403, 404, 409) },
  }),
  publish: createRoute({
    method: 'post',
    path: '/api/policy/definitions/{key}/versions/{version}/publish',
    tags,
    security,
    summary:
      'Propose to publish a valid draft; another policy officer approves it (four eyes, POST /api/policy/proposals/{id}/approve)',
    middleware: policyOnly,
    request: {
      params: VersionParams,
      body: { required: true, content: { 'application/json': { schema: CommentBody } } },
    },
    responses: {
      202: json(z.object({ proposal: ProposalSchema }), 'Proposed; waits for a second officer'),
      ...problemResponses(401, 403, 404, 409, 422),
    },
  }),
  retire: createRoute({
    method: 'post',
    path: '/api/policy/definitions/{key}/versions/{version}/retire',
    tags,
    security,
    summary: 'Retire a published version no regulation starts applications on',
    middleware: policyOnly,
    request: { params: VersionParams },
    responses: {
      200: json(DefinitionDetailSchema, 'Retired'),
      ...problemResponses(401, 403, 404, 409),
    },
  }),
  diff: createRoute({
    method: 'get',
    path: '/api/policy/definitions/{key}/diff',
    tags,
    security,
    summary: 'Differences between two versions: per path and summarised by section',
    middleware: policyOnly,
    request: {
      params: KeyParams,
      query: z.object({
        from: z.coerce.number().int().min(1),
        to: z.coerce.number().int().min(1),
      }),
    },
    responses: {
      200: json(DefinitionDiffSchema, 'The diff'),
      ...problemResponses(401, 403, 404, 422),
    },
  }),
  dryRun: createRoute({
    method: 'post',
    path: '/api/policy/definitions/{key}/migrations/dry-run',
    tags,
    security,
    summary: 'What moving running applications to a newer version would do; changes nothing',
    middleware: policyOnly,
    request: {
      params: KeyParams,
      body: { required: true, content: { 'application/json': { schema: MigrationBody } } },
    },
    responses: {
      200: json(MigrationPlan, 'The plan'),
      ...problemResponses(401, 403, 404, 409, 422),
    },
  }),
  migrate: createRoute({
    method: 'post',
    path: '/api/policy/definitions/{key}/migrations',
    tags,
    security,
    summary: 'Move running applications to a newer version; refused when one would be stranded',
    middleware: policyOnly,
    request: {
      params: KeyParams,
      body: { required: true, content: { 'application/json': { schema: MigrationBody } } },
    },
    responses: {
      200: json(MigrationPlan, 'Migrated'),
      ...problemResponses(401, 403, 404, 409, 422),
    },
  }),
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

/** Policy staff: workflow definitions, regulations and budgets, migrations, reports. */
export function registerPolicyRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;

  app.openapi(r.list, async (c) => c.json({ items: await listDefinitions(db) }, 200));

  app.openapi(r.schema, (c) =>
    c.json(
      {
        jsonSchema: workflowDefinitionJsonSchema(),
        vocabulary: VOCABULARY,
        templateVariables: TEMPLATE_VARIABLES,
      } as never,
      200,
    ),
  );

  app.openapi(r.get, async (c) => {
    const { key, version } = c.req.valid('param');
    const detail = await getDefinition(db, key, version);
    c.header('ETag', definitionEtag(detail.revision));
    return c.json(detail as never, 200);
  });

  app.openapi(r.createDraft, async (c) => {
    const { key } = c.req.valid('param');
    const draft = await createDraft(db, key, c.req.valid('json').fromVersion, deps.clock());
    c.header('Location', `/api/policy/definitions/${key}/versions/${draft.version}`);
    c.header('ETag', definitionEtag(draft.revision));
    return c.json(draft as never, 201);
  });

  app.openapi(r.save, async (c) => {
    const { key, version } = c.req.valid('param');
    const saved = await saveDraft(db, key, version, c.req.valid('json').definition, {
      by: currentUser(c),
      at: deps.clock(),
      ifRevision: revisionFromIfMatch(c.req.header('if-match')),
    });
    c.header('ETag', definitionEtag(saved.revision));
    return c.json(saved as never, 200);
  });

  app.openapi(r.discard, async (c) => {
    const { key, version } = c.req.valid('param');
    await deleteDraft(db, key, version);
    return c.body(null, 204);
  });

  app.openapi(r.publish, async (c) => {
    const { key, version } = c.req.valid('param');
    const { comment } = c.req.valid('json');
    const proposal = await proposePublish(db, key, version, currentUser(c), comment, deps.clock());
    return c.json({ proposal } as never, 202);
  });

  app.openapi(r.retire, async (c) => {
    const { key, version } = c.req.valid('param');
    return c.json((await retireVersion(db, key, version)) as never, 200);
  });

  app.openapi(r.diff, async (c) => {
    const { key } = c.req.valid('param');
    const { from, to } = c.req.valid('query');
    return c.json((await diffVersions(db, key, from, to)) as never, 200);
  });

  app.openapi(r.dryRun, async (c) => {
    const { key } = c.req.valid('param');
    const plan = await dryRunMigration(db, key, c.req.valid('json'), currentUser(c), deps.clock());
    return c.json(plan as never, 200);
  });

  app.openapi(r.migrate, async (c) => {
    const { key } = c.req.valid('param');
    const result = await applyMigration(db, key, c.req.valid('json'), currentUser(c), deps.clock());
    return c.json(result as never, 200);
  });

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

  registerPolicyProposalRoutes(app, deps);
}
