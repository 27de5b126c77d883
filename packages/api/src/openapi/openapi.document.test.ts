/**
 * The served document is valid for independent tools: swagger-parser validates it, Redocly's
 * recommended rules find no error. Both run from packages installed with the project and read
 * nothing but the document (no network).
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors';
import { HTTP_METHODS, MIDDLEWARE_RESPONSES, type OpenApiDocument } from './openapi.complete';
import { servedDocument } from './openapi.test-kit';

let doc: OpenApiDocument;
beforeAll(async () => {
  doc = await servedDocument({ publicUrl: 'https://initiatief.example.nl' });
});

function operations() {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method]! })),
  );
}

describe('the served OpenAPI document', () => {
  it('is valid for swagger-parser', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('has no errors under Redocly’s recommended rules, and no warnings but the redirects', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: '/openapi.json',
      config,
    });
    const errors = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
    // Warnings too, but one kind: the sign-in through the municipality's broker only ever
    // redirects (302 to the broker, 302 back into the app), so those two have no 2xx to list.
    const warnings = problems
      .filter((p) => p.severity === 'warn')
      .map((p) => `${p.ruleId} at ${p.location[0]?.pointer}`);
    expect(warnings).toEqual([
      'operation-2xx-response at #/paths/~1api~1auth~1oidc~1{provider}~1login/get/responses',
      'operation-2xx-response at #/paths/~1api~1auth~1oidc~1{provider}~1callback/get/responses',
    ]);
  });

  it('names its server from PUBLIC_URL', () => {
    expect(doc.servers).toEqual([
      expect.objectContaining({ url: 'https://initiatief.example.nl' }),
    ]);
  });

  it('gives every operation a unique operationId and a security requirement', () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of operations()) {
      expect(Array.isArray(op.security), `${method} ${path} names no security`).toBe(true);
    }
    const login = doc.paths['/api/auth/login']?.post;
    expect(login?.security).toEqual([]);
    expect(doc.paths['/api/me']?.get?.security).toEqual([{ session: [] }]);
  });

  it('documents what the middleware answers on every operation it applies to', () => {
    const missing: string[] = [];
    for (const { path, method, op } of operations()) {
      const needsSession = (op.security ?? []).some((s) => Object.keys(s).length > 0);
      for (const row of MIDDLEWARE_RESPONSES) {
        if (row.when({ path, method, operation: op, needsSession }) && !op.responses[row.status]) {
          missing.push(`${method} ${path} ${row.status}`);
        }
      }
    }
    expect(missing).toEqual([]);
    const patch = doc.paths['/api/applications/{id}']?.patch;
    expect(Object.keys(patch?.responses ?? {})).toEqual(
      expect.arrayContaining(['400', '403', '413', '415', '428', '503']),
    );
    const ifMatch = patch?.parameters?.find((p) => p.name === 'if-match');
    expect(ifMatch?.required).toBe(true);
  });

  it('describes every error answer as a problem with a documented type', () => {
    for (const { path, method, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        const content = response.content as Record<string, { schema?: { $ref?: string } }>;
        expect(
          content?.['application/problem+json']?.schema?.$ref,
          `${method} ${path} ${status}`,
        ).toBe('#/components/schemas/Problem');
      }
    }
    const problem = doc.components?.schemas?.Problem as { properties: Record<string, unknown> };
    expect(problem.properties.code).toMatchObject({ enum: Object.keys(ERROR_CODES) });
    expect(doc.paths['/api/problems/{code}']?.get).toBeDefined();
  });

  it('gives files and letters their real content types', () => {
    const file = doc.paths['/api/attachments/{id}']?.get?.responses['200']?.content;
    expect(Object.keys(file ?? {}).sort()).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
    const letter = doc.paths['/api/documents/{id}']?.get?.responses['200']?.content;
    expect(Object.keys(letter ?? {})).toEqual(
      expect.arrayContaining(['application/pdf', 'text/html']),
    );
  });
});
