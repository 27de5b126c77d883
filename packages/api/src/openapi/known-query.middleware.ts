import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';
import { AppError, type InvalidParam } from '../errors';
import { HTTP_METHODS, type OpenApiDocument } from './openapi.complete';

/**
 * An operation that reads query parameters nobody can list in advance (an identity provider's
 * redirect back carries what the provider adds: `iss`, `session_state`, ...) says so with this
 * extension in the document; every other operation takes only the query parameters it documents.
 */
export const OPEN_QUERY = 'x-open-query';

interface QueryRule {
  method: string;
  path: RegExp;
  /** Path parameters: fewer means a more specific path (`/users/me` before `/users/{id}`). */
  params: number;
  names: Set<string>;
  open: boolean;
}

function rulesOf(doc: OpenApiDocument): QueryRule[] {
  const rules: QueryRule[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const source = path
      .split(/(\{[^}]+\})/)
      .map((part) => (/^\{.+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
      .join('');
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const names = new Set(
        (operation.parameters ?? [])
          .map((p) => p as { in?: string; name?: string })
          .filter((p) => p.in === 'query' && typeof p.name === 'string')
          .map((p) => p.name as string),
      );
      rules.push({
        method: method.toUpperCase(),
        path: new RegExp(`^${source}$`),
        params: (path.match(/\{/g) ?? []).length,
        names,
        open: operation[OPEN_QUERY] === true,
      });
    }
  }
  return rules.sort((a, b) => a.params - b.params);
}

/**
 * Refuses a query parameter that the operation does not document: 400 problem+json naming each
 * one (`query.sate`), instead of a silently ignored typo that seems to filter and does not.
 * Requests no documented operation answers are left to the routes (404, 405).
 */
export function knownQueryParameters(document: () => OpenApiDocument): MiddlewareHandler<AppEnv> {
  let rules: QueryRule[] | undefined;
  return async function knownQuery(c, next) {
    const url = new URL(c.req.url);
    if (url.search.length > 1) {
      // The document is built once, on the first request, when every route is registered.
      rules ??= rulesOf(document());
      const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
      const rule = rules.find((r) => r.method === method && r.path.test(url.pathname));
      if (rule && !rule.open) {
        const unknown: InvalidParam[] = [];
        const takes = [...rule.names].join(', ');
        for (const name of new Set(url.searchParams.keys())) {
          if (!rule.names.has(name)) {
            unknown.push({
              name: `query.${name}`,
              reason: 'is not a parameter of this operation',
              text: {
                nl: takes
                  ? `wordt hier niet gebruikt. Deze vraag kent alleen: ${takes}.`
                  : 'wordt hier niet gebruikt. Deze vraag neemt geen parameters.',
                en: takes
                  ? `is not used here. This request only takes: ${takes}.`
                  : 'is not used here. This request takes no parameters.',
              },
            });
          }
        }
        if (unknown.length > 0) {
          const list = unknown.map((p) => p.name.slice('query.'.length)).join(', ');
          const known = [...rule.names].join(', ') || 'none';
          throw new AppError(
            'malformed_request',
            `Unknown query parameter: ${list} (this operation takes: ${known}).`,
            { invalidParams: unknown },
          );
        }
      }
    }
    await next();
  };
}
