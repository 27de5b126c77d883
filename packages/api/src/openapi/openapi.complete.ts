/**
 * Completes the document that @hono/zod-openapi generates from the routes, in one place instead
 * of in every route: operationIds, `security: []` for public operations, `servers`, and the
 * statuses that the middleware in front of every route can answer (app.ts). A route that adds
 * its own operationId or response keeps it; a new route gets all of this without doing anything.
 */
import { PROBLEM_CONTENT_TYPE } from '../errors';

// The document is plain JSON; its parts are read and written loosely here.
type Json = Record<string, unknown>;
export interface OpenApiOperation extends Json {
  operationId?: string;
  security?: Record<string, string[]>[];
  requestBody?: Json;
  parameters?: Json[];
  responses: Record<string, Json>;
}
export interface OpenApiDocument extends Json {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: Json & { schemas?: Record<string, Json> };
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const UNSAFE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

interface OperationFacts {
  method: string;
  path: string;
  operation: OpenApiOperation;
  /** The operation names a session security requirement. */
  needsSession: boolean;
}

/**
 * What the middleware answers, and on which operations. One row per status; `when` says which
 * operations the middleware applies to. Keep in step with createApp() in app.ts.
 */
export const MIDDLEWARE_RESPONSES: {
  status: number;
  why: string;
  when: (op: OperationFacts) => boolean;
}[] = [
  {
    status: 400,
    why: 'Malformed request: unreadable JSON, odd bytes in the address, a malformed id or a query parameter the operation does not take.',
    when: () => true,
  },
  {
    status: 401,
    why: 'Not logged in: the session is missing, expired or revoked.',
    when: (op) => op.needsSession,
  },
  {
    status: 403,
    why: 'Forbidden: a state-changing request from a foreign origin.',
    when: (op) => UNSAFE_METHODS.has(op.method),
  },
  {
    status: 413,
    why: 'The request body is larger than the server accepts.',
    when: (op) => UNSAFE_METHODS.has(op.method),
  },
  {
    status: 415,
    why: 'The body is not sent with a content type this operation reads.',
    when: (op) => op.operation.requestBody !== undefined,
  },
  {
    status: 422,
    why: 'Validation failed: see invalidParams.',
    when: (op) =>
      op.operation.requestBody !== undefined || (op.operation.parameters ?? []).length > 0,
  },
  {
    status: 503,
    why: 'The database is not reachable; try again after Retry-After.',
    when: () => true,
  },
];

const problemContent = {
  [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } },
};

/** A stable operationId from method and path: `GET /api/applications/{id}/history` -> `getApplicationsByIdHistory`. */
export function operationIdFor(method: string, path: string): string {
  const words = path
    .replace(/^\/api(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return param ? `By-${param[1]}` : segment;
    })
    .flatMap((segment) => segment.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/**
 * zod-to-openapi writes a nullable registered schema (`UserSchema.nullable()`) as
 * `allOf: [{ $ref }, { type: ['object', 'null'] }]`, which null can never match (it fails the
 * $ref). Rewritten as `anyOf: [{ $ref }, { type: 'null' }]`, what it means, everywhere.
 */
function fixNullableRefs(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) fixNullableRefs(item);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  const allOf = schema.allOf as Json[] | undefined;
  if (
    Array.isArray(allOf) &&
    allOf.length === 2 &&
    typeof allOf[0]?.$ref === 'string' &&
    Array.isArray(allOf[1]?.type) &&
    (allOf[1].type as string[]).includes('null') &&
    Object.keys(allOf[1]).length === 1
  ) {
    delete schema.allOf;
    schema.anyOf = [allOf[0], { type: 'null' }];
    return;
  }
  for (const value of Object.values(schema)) fixNullableRefs(value);
}

/** Adds servers, security, operationIds and the middleware's statuses; returns the document. */
export function completeDocument(doc: OpenApiDocument, publicUrl: string): OpenApiDocument {
  fixNullableRefs(doc.paths);
  fixNullableRefs(doc.components);
  doc.servers = [{ url: new URL(publicUrl).origin, description: 'This installation' }];
  const taken = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const needsSession = (operation.security ?? []).some((s) => Object.keys(s).length > 0);
      // No requirement named: the operation answers without a session (login, regulations, ...).
      if (!operation.security) operation.security = [];
      operation.operationId ??= operationIdFor(method, path);
      if (taken.has(operation.operationId)) {
        throw new Error(`Two operations are called ${operation.operationId}; set operationId.`);
      }
      taken.add(operation.operationId);
      const facts = { method, path, operation, needsSession };
      for (const row of MIDDLEWARE_RESPONSES) {
        const key = String(row.status);
        if (!row.when(facts) || operation.responses[key]) continue;
        operation.responses[key] = { description: row.why, content: problemContent };
      }
    }
  }
  return doc;
}
