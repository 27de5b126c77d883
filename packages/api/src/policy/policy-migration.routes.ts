import { createRoute, z } from '@hono/zod-openapi';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { problemResponses } from '../errors/problem.schema';
import { versionNumber } from '../http/pg-integer';
import type { App } from '../http/router';
import { applyMigration, dryRunMigration } from './policy-migration.service';
import { json, KeyParams, Localized, policyOnly, security, tags } from './policy-route-kit';

// Policy staff's migrations: running applications moved to a newer version of their workflow,
// first as a dry run that changes nothing, then for real.

const MigrationBody = z
  .object({
    fromVersion: versionNumber(),
    toVersion: versionNumber(),
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
  // overtaken: a reminder already due that a later one, also due, replaces; it does not go off.
  change: z.enum(['kept', 'moved', 'started', 'stopped', 'rule_applied', 'overtaken']),
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
  droppedFields: z
    .array(
      z.object({
        path: z.string(),
        label: Localized,
        value: z.unknown().openapi({ description: 'What the field held; kept in the history' }),
        text: Localized,
      }),
    )
    .openapi({
      description:
        "Form fields the target version does not have, and answers that are no longer one of a choice list's choices: taken out of the data, named by label",
    }),
  missingAnswers: z
    .array(
      z.object({
        path: z.string(),
        label: Localized,
        asked: z.enum(['now', 'later', 'never']),
        steps: z.array(z.string()),
        text: Localized,
      }),
    )
    .openapi({
      description:
        'Questions the target version requires that the application does not answer, named by label. The move is not refused for them: asked now (a step of its new state waits for the answer), later (only a state it can still get to asks) or never (it carries on without)',
    }),
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

const r = {
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
};

/** The migrations' routes, registered by registerPolicyRoutes in its order. */
export function registerPolicyMigrationRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;

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
}
