import { createRoute, z } from '@hono/zod-openapi';
import {
  eventHistoryLabel,
  eventLabel,
  stateLabel,
  type WorkflowDefinition,
  workflowDefinitionJsonSchema,
} from '@initiatief/engine';
import { requireUser } from '../auth/auth.middleware';
import type { AppDeps } from '../context';
import { AppError } from '../errors';
import { problemResponses } from '../errors/problem.schema';
import { versionParam } from '../http/pg-integer';
import type { App } from '../http/router';

const tags = ['Definitions'];
const security = [{ session: [] }];
const Localized = z.object({ nl: z.string(), en: z.string() });

/**
 * What a screen needs to name the states and events of one version: labels, tags and the
 * definition's own order. Screens render from this, never from names written into the web.
 */
const VocabularySchema = z
  .object({
    key: z.string(),
    version: z.number().int(),
    status: z.enum(['published', 'retired']),
    title: Localized,
    initial: z.string(),
    states: z.array(
      z.object({
        name: z.string(),
        label: Localized,
        tags: z.array(z.string()),
        final: z.boolean(),
      }),
    ),
    events: z.array(
      z.object({
        type: z.string(),
        label: Localized,
        /** How a history names the step once taken: its historyLabel, else its label. */
        historyLabel: Localized,
        outcome: Localized.nullable(),
      }),
    ),
  })
  .openapi('DefinitionVocabulary');

const VersionParams = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .openapi({ param: { name: 'key', in: 'path' }, example: 'bewonersinitiatief' }),
  version: versionParam().openapi({ param: { name: 'version', in: 'path' }, example: 1 }),
});

const vocabularyRoute = createRoute({
  method: 'get',
  path: '/api/definitions',
  operationId: 'listDefinitionVocabularies',
  tags,
  security,
  summary: 'State and event labels, tags and order of every published or retired version',
  middleware: [requireUser()] as const,
  responses: {
    200: {
      description: 'One entry per version',
      content: {
        'application/json': { schema: z.object({ items: z.array(VocabularySchema) }) },
      },
    },
    ...problemResponses(401),
  },
});

const definitionRoute = createRoute({
  method: 'get',
  path: '/api/definitions/{key}/versions/{version}',
  operationId: 'getDefinitionVersion',
  tags,
  security,
  summary: 'One published or retired version, to render its forms',
  description:
    'The whole definition, in the shape the engine validates at publishing (drafts, which need ' +
    'not be valid yet, are read through the policy API).',
  middleware: [requireUser()] as const,
  request: { params: VersionParams },
  responses: {
    200: {
      description: 'The definition',
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/WorkflowDefinition' } },
      },
    },
    ...problemResponses(401, 404),
  },
});

function vocabulary(def: WorkflowDefinition, status: 'published' | 'retired') {
  return {
    key: def.key,
    version: def.version,
    status,
    title: def.title,
    initial: def.initial,
    states: Object.entries(def.states).map(([name, s]) => ({
      name,
      label: stateLabel(def, name),
      tags: s.tags ?? [],
      final: s.type === 'final',
    })),
    events: Object.entries(def.events).map(([type, e]) => ({
      type,
      label: eventLabel(def, type),
      historyLabel: eventHistoryLabel(def, type),
      outcome: (e as { outcome?: { nl: string; en: string } }).outcome ?? null,
    })),
  };
}

/** The engine's own JSON Schema of a definition (zod's, draft 2020-12 as OpenAPI 3.1 reads it). */
function definitionComponent(): Record<string, unknown> {
  const { $schema: _dialect, ...schema } = workflowDefinitionJsonSchema() as Record<
    string,
    unknown
  >;
  return schema;
}

export function registerDefinitionRoutes(app: App, deps: AppDeps): void {
  app.openAPIRegistry.registerComponent('schemas', 'WorkflowDefinition', definitionComponent());
  app.openapi(vocabularyRoute, async (c) => {
    const rows = await deps.db
      .selectFrom('workflow_definitions')
      .select(['definition', 'status'])
      .where('status', 'in', ['published', 'retired'])
      .orderBy('key')
      .orderBy('version')
      .execute();
    const items = rows.map((r) =>
      vocabulary(r.definition as WorkflowDefinition, r.status as 'published' | 'retired'),
    );
    c.header('cache-control', 'private, no-cache');
    return c.json({ items }, 200);
  });

  app.openapi(definitionRoute, async (c) => {
    const { key, version } = c.req.valid('param');
    const row = await deps.db
      .selectFrom('workflow_definitions')
      .select(['definition', 'status'])
      .where('key', '=', key)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row || row.status === 'draft') {
      throw new AppError('not_found', `No workflow definition ${key} version ${version}.`);
    }
    // A published or retired version never changes again.
    c.header('cache-control', 'private, max-age=86400, immutable');
    // Typed by the engine's JSON Schema in the document, not by a zod schema of the route.
    return c.json(row.definition as never, 200);
  });
}
