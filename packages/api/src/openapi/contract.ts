/**
 * Checks an answer of the API against its own OpenAPI document: the status is documented for
 * the operation, the content type is one documented for that status, and a JSON body matches
 * its schema (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses it). The test app runs every
 * response through this (src/test/contract-check.ts).
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
  HTTP_METHODS,
  MIDDLEWARE_RESPONSES,
  type OpenApiDocument,
  type OpenApiOperation,
} from './openapi.complete';

type Json = Record<string, unknown>;

/** What a path the document does not have may answer: 404/405, or a middleware's refusal. */
const UNROUTED_STATUSES = new Set([
  404,
  405,
  ...MIDDLEWARE_RESPONSES.filter((r) => r.status !== 422).map((r) => r.status),
]);

interface PathMatcher {
  template: string;
  pattern: RegExp;
  literals: number;
}

export interface Answer {
  method: string;
  /** The path without query, e.g. /api/applications/1f…/events. */
  path: string;
  response: Response;
}

export interface ContractChecker {
  /** What is wrong with the answer; empty when the document describes it. */
  check(answer: Answer): Promise<string[]>;
}

const pointer = (...parts: string[]) =>
  `#/${parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;

function matchers(doc: OpenApiDocument): PathMatcher[] {
  return Object.keys(doc.paths)
    .map((template) => {
      const segments = template.split('/');
      const source = segments
        .map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/');
      return {
        template,
        pattern: new RegExp(`^${source}$`),
        literals: segments.filter((s) => !s.startsWith('{')).length,
      };
    })
    .sort((a, b) => b.literals - a.literals); // a literal segment wins over a parameter
}

function mediaType(header: string | null): string | null {
  return header ? header.split(';')[0]!.trim().toLowerCase() : null;
}

function isJson(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}

/** A checker for one document; validators are compiled on first use and kept. */
export function contractChecker(doc: OpenApiDocument): ContractChecker {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(doc as Json, 'openapi');
  const validators = new Map<string, ValidateFunction>();
  const validator = (ref: string) => {
    let validate = validators.get(ref);
    if (!validate) {
      validate = ajv.getSchema(`openapi${ref}`);
      if (!validate) throw new Error(`No schema at ${ref}`);
      validators.set(ref, validate);
    }
    return validate;
  };
  const paths = matchers(doc);
  const problemRef = pointer('components', 'schemas', 'Problem');

  async function checkProblem(answer: Answer, why: string): Promise<string[]> {
    const { response } = answer;
    const type = mediaType(response.headers.get('content-type'));
    if (type !== 'application/problem+json') {
      return [`${why}; it answered ${response.status} ${type ?? 'without a body'}.`];
    }
    return checkBody(answer, problemRef, type);
  }

  async function checkBody(answer: Answer, ref: string, type: string): Promise<string[]> {
    const text = await bodyText(answer.response);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [`the ${type} body is not JSON: ${text.slice(0, 120)}`];
    }
    const problems: string[] = [];
    const validate = validator(ref);
    if (!validate(body)) {
      const errors = (validate.errors ?? [])
        .slice(0, 8)
        .map((e) => `${e.instancePath || '(body)'} ${e.message}`)
        .join('; ');
      problems.push(`the ${type} body does not match ${ref.replace('#/', '')}: ${errors}`);
    }
    if (type === 'application/problem+json' && body && typeof body === 'object') {
      const p = body as { type?: unknown; code?: unknown; status?: unknown };
      if (p.type !== `/api/problems/${String(p.code)}`) {
        problems.push(`problem type ${String(p.type)} is not /api/problems/${String(p.code)}`);
      }
      if (p.status !== answer.response.status) {
        problems.push(`problem status ${String(p.status)} is not ${answer.response.status}`);
      }
    }
    return problems;
  }

  async function checkOperation(
    answer: Answer,
    template: string,
    method: string,
    operation: OpenApiOperation,
  ): Promise<string[]> {
    const { response } = answer;
    const status = String(response.status);
    const documented = operation.responses[status] ? status : 'default';
    const described = operation.responses[documented] as
      | { content?: Record<string, { schema?: unknown }> }
      | undefined;
    const name = `${operation.operationId} (${method.toUpperCase()} ${template})`;
    if (!described) {
      const statuses = Object.keys(operation.responses).join(', ');
      return [`${name} answered ${status}, which is not documented (documented: ${statuses}).`];
    }
    const type = mediaType(response.headers.get('content-type'));
    const content = described.content ?? {};
    const types = Object.keys(content);
    const hasBody = method !== 'head' && response.body !== null && response.status !== 204;
    if (types.length === 0) {
      if (hasBody && (await bodyText(response)).length > 0) {
        return [`${name} ${status} has a body (${type}), but none is documented.`];
      }
      return [];
    }
    if (!hasBody) return [];
    const match = types.find(
      (t) => t === type || t === '*/*' || (t.endsWith('/*') && type?.startsWith(t.slice(0, -1))),
    );
    if (!type || !match) {
      return [`${name} ${status} is ${type ?? 'without a content type'}; documented: ${types}.`];
    }
    if (!isJson(type) || content[match]?.schema === undefined) return [];
    const ref = pointer('paths', template, method, 'responses', documented, 'content', match);
    const problems = await checkBody(answer, `${ref}/schema`, type);
    return problems.map((p) => `${name} ${status}: ${p}`);
  }

  return {
    async check(answer) {
      const method = answer.method.toLowerCase() === 'head' ? 'get' : answer.method.toLowerCase();
      const found = paths.find((p) => p.pattern.test(answer.path));
      if (!found) {
        // Routing answers 404, but the middleware in front of it may answer first.
        if (UNROUTED_STATUSES.has(answer.response.status)) {
          return checkProblem(answer, 'an unknown path');
        }
        return [
          `${answer.method} ${answer.path} answered ${answer.response.status}, but the document has no such path.`,
        ];
      }
      const item = doc.paths[found.template]!;
      const operation = HTTP_METHODS.includes(method) ? item[method] : undefined;
      if (!operation) {
        if (answer.response.status === 405 || UNROUTED_STATUSES.has(answer.response.status)) {
          return checkProblem(answer, `${answer.method} ${found.template} is not an operation`);
        }
        return [
          `${answer.method} ${found.template} answered ${answer.response.status}, but the document has no such operation (only 405 may answer it).`,
        ];
      }
      return checkOperation(answer, found.template, method, operation);
    },
  };
}

/** The body as text, unzipped when the server gzipped it (see http/compress-json.middleware). */
async function bodyText(response: Response): Promise<string> {
  const copy = response.clone();
  if (copy.body && copy.headers.get('Content-Encoding') === 'gzip') {
    return new Response(copy.body.pipeThrough(new DecompressionStream('gzip'))).text();
  }
  return copy.text();
}
