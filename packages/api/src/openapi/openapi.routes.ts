import { createRoute, z } from '@hono/zod-openapi';
import type { Config } from '../config';
import { AppError, ERROR_CODES, ERROR_DESCRIPTIONS, type ErrorCode, isErrorCode } from '../errors';
import { problemResponses } from '../errors/problem.schema';
import type { App } from '../http/router';
import { docsAsset, docsPage } from './docs-ui';
import { completeDocument, type OpenApiDocument } from './openapi.complete';

const tags = ['Documentation'];

const documentRoute = createRoute({
  method: 'get',
  path: '/api/openapi.json',
  tags,
  operationId: 'getOpenApiDocument',
  summary: 'This document (OpenAPI 3.1)',
  responses: {
    200: {
      description: 'The OpenAPI document',
      content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
    },
  },
});

const docsRoute = createRoute({
  method: 'get',
  path: '/api/docs',
  tags,
  operationId: 'getApiDocs',
  summary: 'Browsable API documentation (Swagger UI, served from this installation)',
  responses: { 200: { description: 'An HTML page', content: { 'text/html': { schema: {} } } } },
});

const docsAssetRoute = createRoute({
  method: 'get',
  path: '/api/docs/{file}',
  tags,
  operationId: 'getApiDocsAsset',
  summary: 'A script, style sheet or icon of the documentation page',
  request: { params: z.object({ file: z.string() }) },
  responses: {
    200: {
      description: 'The file',
      content: {
        'text/javascript': { schema: { type: 'string' } },
        'text/css': { schema: { type: 'string' } },
        'image/png': { schema: { type: 'string', format: 'binary' } },
      },
    },
    ...problemResponses(404),
  },
});

const codes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

export const ProblemTypeSchema = z
  .object({
    code: z.enum(codes),
    status: z.number().int(),
    title: z.string(),
    description: z.string(),
  })
  .openapi('ProblemType', {
    description: 'What a problem `type` means; every problem `type` is the address of one.',
  });

const problemTypeRoute = createRoute({
  method: 'get',
  path: '/api/problems/{code}',
  tags,
  operationId: 'getProblemType',
  summary: 'The meaning of a problem type (the target of every problem `type`)',
  request: {
    params: z.object({ code: z.string().openapi({ enum: codes, example: 'validation_failed' }) }),
  },
  responses: {
    200: {
      description: 'The problem type',
      content: { 'application/json': { schema: ProblemTypeSchema } },
    },
    ...problemResponses(404),
  },
});

/** The document as served: generated from the routes, then completed (openapi.complete.ts). */
export function apiDocument(app: App, config: Pick<Config, 'publicUrl'>): OpenApiDocument {
  const generated = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Initiatief API',
      version: '1',
      license: {
        name: 'EUPL-1.2',
        url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12',
      },
      description:
        'Subsidy workflow for resident initiatives. Errors are application/problem+json ' +
        '(RFC 9457); the `type` of each is the address of its explanation, /api/problems/{code}.',
    },
  });
  return completeDocument(generated as unknown as OpenApiDocument, config.publicUrl);
}

/** The document, its browsable documentation (no other hosts) and the problem types. */
export function registerOpenApiRoutes(app: App, config: Config): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'sid',
    description: 'The session cookie set by login (HttpOnly).',
  });
  app.openAPIRegistry.register('ProblemType', ProblemTypeSchema);
  for (const route of [documentRoute, docsRoute, docsAssetRoute, problemTypeRoute]) {
    app.openAPIRegistry.registerPath(route);
  }
  app.get('/api/openapi.json', (c) => c.json(apiDocument(app, config)));
  app.get('/api/docs', (c) => c.html(docsPage()));
  app.get('/api/docs/:file', (c) => {
    const asset = docsAsset(c.req.param('file'));
    if (!asset) throw new AppError('not_found', 'No such file of the documentation page.');
    c.header('content-type', asset.contentType);
    c.header('cache-control', 'public, max-age=3600');
    return c.body(asset.body);
  });
  app.get('/api/problems/:code', (c) => {
    const code = c.req.param('code');
    if (!isErrorCode(code)) throw new AppError('not_found', `No problem type ${code}.`);
    const { status, title } = ERROR_CODES[code];
    return c.json({ code, status, title, description: ERROR_DESCRIPTIONS[code] });
  });
}
