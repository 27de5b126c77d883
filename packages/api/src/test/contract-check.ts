import type { App } from '../http/router';
import { type ContractChecker, contractChecker } from '../openapi/contract';
import type { OpenApiDocument } from '../openapi/openapi.complete';

/** Thrown from app.request() when the API answered something its document does not describe. */
export class ContractError extends Error {
  override name = 'ContractError';
}

export interface ContractOptions {
  /**
   * Paths a test adds to the app itself (e.g. /api/test/...), which are no part of the API.
   * Everything else under /api is checked.
   */
  undocumented?: RegExp;
}

// One compiled checker per distinct document (apps with another PUBLIC_URL differ in `servers`).
const checkers = new Map<string, ContractChecker>();

async function checkerFor(request: App['request']): Promise<ContractChecker> {
  const response = await request('/api/openapi.json');
  const text = await response.text();
  if (response.status !== 200) throw new ContractError(`/api/openapi.json answered ${text}`);
  let checker = checkers.get(text);
  if (!checker) {
    checker = contractChecker(JSON.parse(text) as OpenApiDocument);
    checkers.set(text, checker);
  }
  return checker;
}

/**
 * Makes app.request() check every answer under /api against the app's own /api/openapi.json;
 * a mismatch rejects the call, so the test that caused it fails and says what is undocumented.
 */
export function withContractCheck<T extends App>(app: T, options: ContractOptions = {}): T {
  const request = app.request.bind(app);
  let checker: Promise<ContractChecker> | undefined;
  app.request = async (input, init, env, executionCtx) => {
    const response = await request(input, init, env, executionCtx);
    const url =
      input instanceof Request ? new URL(input.url) : new URL(String(input), 'http://localhost');
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const path = url.pathname;
    if (path !== '/api' && !path.startsWith('/api/')) return response;
    if (options.undocumented?.test(path)) return response;
    checker ??= checkerFor(request);
    const problems = await (await checker).check({ method, path, response });
    if (problems.length > 0) {
      throw new ContractError(
        `The API answered what /api/openapi.json does not describe:\n- ${problems.join('\n- ')}\n` +
          'Document it in the route (createRoute responses; statuses every route can answer ' +
          'go in MIDDLEWARE_RESPONSES, src/openapi/openapi.complete.ts), or fix the answer.',
      );
    }
    return response;
  };
  return app;
}
