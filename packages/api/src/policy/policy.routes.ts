import { createRoute, z } from '@hono/zod-openapi';
import { TEMPLATE_VARIABLES, VOCABULARY, workflowDefinitionJsonSchema } from '@initiatief/engine';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { problemResponses } from '../errors/problem.schema';
import { PG_INTEGER_MAX, versionNumber, versionParam } from '../http/pg-integer';
import type { App } from '../http/router';
import { DefinitionDiffSchema } from './policy-answers.schemas';
import {
  definitionEtag,
  diffVersions,
  getDefinition,
  listDefinitions,
  revisionFromIfMatch,
} from './policy-definitions.service';
import { createDraft, deleteDraft, saveDraft } from './policy-drafts.service';
import { registerPolicyMigrationRoutes } from './policy-migration.routes';
import {
  CommentBody,
  ProposalSchema,
  registerPolicyProposalRoutes,
} from './policy-proposals.routes';
import { proposePublish } from './policy-proposals.service';
import { retireVersion } from './policy-publishing.service';
import { registerPolicyRegulationRoutes } from './policy-regulations.routes';
import { registerPolicyReportRoutes } from './policy-reports.routes';
import { json, KeyParams, Localized, policyOnly, security, tags } from './policy-route-kit';

const Any = z.record(z.string(), z.unknown());

/**
 * The revision an If-Match names; one beyond any a draft can have is no ETag of this draft
 * (NaN: 412), not a number for the query to choke on.
 */
function ifMatchRevision(header: string | undefined): number | null {
  const revision = revisionFromIfMatch(header);
  return revision !== null && revision > PG_INTEGER_MAX ? Number.NaN : revision;
}

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
    regulations: z.number().int().openapi({
      description: 'Regulations open for applications (approved) that start on this version',
    }),
    regulationsNotApproved: z.number().int().openapi({
      description: 'Regulations on this version no second officer approved: waiting or rejected',
    }),
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

const VersionParams = KeyParams.extend({
  version: versionParam().openapi({ param: { name: 'version', in: 'path' }, example: 1 }),
});
const _isoDate = z.iso.date();

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
          'application/json': { schema: z.object({ fromVersion: versionNumber() }) },
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
        from: versionParam(),
        to: versionParam(),
      }),
    },
    responses: {
      200: json(DefinitionDiffSchema, 'The diff'),
      ...problemResponses(401, 403, 404, 422),
    },
  }),
};

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
      ifRevision: ifMatchRevision(c.req.header('if-match')),
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

  registerPolicyMigrationRoutes(app, deps);

  registerPolicyRegulationRoutes(app, deps);

  registerPolicyReportRoutes(app, deps);

  registerPolicyProposalRoutes(app, deps);
}
