import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';
import { OPEN_QUERY } from './known-query.middleware';
import { HTTP_METHODS } from './openapi.complete';
import { servedDocument } from './openapi.test-kit';

// Issue 16: a query parameter an operation does not document was silently ignored, so a typo
// (`?sate=submitted`) looked like a filter and was none.

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(async () => {
  await kit?.close();
});

const names = (body: { invalidParams?: { name: string }[] }) =>
  (body.invalidParams ?? []).map((p) => p.name);

describe('unknown query parameters', () => {
  test.each([
    ['assessor', '/api/applications?sate=submitted', ['query.sate']],
    ['assessor', '/api/queue?limit=5&overdue=true&order=desc', ['query.order']],
    ['resident', '/api/regulations?all=true&year=2026&x=1', ['query.year', 'query.x']],
    ['resident', '/api/me?debug', ['query.debug']],
    ['policy', '/api/policy/reports/states?year=2026&district=Noord', ['query.district']],
  ] as const)('%s GET %s: 400 naming %j', async (persona, path, expected) => {
    const res = await call(kit.app, 'GET', path, { cookie: kit.cookies[persona] });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = await readJson(res);
    expect(body.code).toBe('malformed_request');
    expect(names(body)).toEqual(expected);
    for (const name of expected) expect(body.detail).toContain(name.slice('query.'.length));
  });

  test('the reason is given in the asker’s language, with what the request does take', async () => {
    const reason = async (path: string, persona: 'assessor' | 'resident', language: string) => {
      const res = await call(kit.app, 'GET', path, {
        cookie: kit.cookies[persona],
        headers: { 'accept-language': language },
      });
      return ((await readJson(res)).invalidParams as { reason: string }[])[0]?.reason;
    };
    expect(await reason('/api/applications?sate=submitted', 'assessor', 'nl')).toMatch(
      /^wordt hier niet gebruikt\. Deze vraag kent alleen: .*\bstate\b/,
    );
    expect(await reason('/api/applications?sate=submitted', 'assessor', 'en')).toMatch(
      /^is not used here\. This request only takes: .*\bstate\b/,
    );
    expect(await reason('/api/me?debug', 'resident', 'nl')).toBe(
      'wordt hier niet gebruikt. Deze vraag neemt geen parameters.',
    );
  });

  test('a POST with a query parameter it does not take is refused too', async () => {
    const res = await call(kit.app, 'POST', '/api/applications?dryRun=true', {
      cookie: kit.cookies.resident,
      json: { regulationId: kit.regulationId },
    });
    expect(res.status).toBe(400);
    expect(names(await readJson(res))).toEqual(['query.dryRun']);
  });

  test.each([
    ['assessor', '/api/applications?state=submitted&sort=deadline&limit=5'],
    ['assessor', '/api/queue?overdue=false&limit=5'],
    ['resident', '/api/regulations?all=true'],
    ['policy', '/api/policy/reports/states?year=2026'],
    ['resident', '/api/me'],
  ] as const)('%s GET %s: documented parameters still answer 200', async (persona, path) => {
    const res = await call(kit.app, 'GET', path, { cookie: kit.cookies[persona] });
    expect(res.status).toBe(200);
  });

  test('an address no operation answers stays a 404, whatever its query', async () => {
    const res = await call(kit.app, 'GET', '/api/nothing-here?x=1');
    expect(res.status).toBe(404);
  });

  test("the identity provider's redirect back is documented as open-ended, and only it", async () => {
    const doc = await servedDocument();
    const open: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of HTTP_METHODS) {
        if (item[method]?.[OPEN_QUERY] === true) open.push(`${method} ${path}`);
      }
    }
    expect(open).toEqual(['get /api/auth/oidc/{provider}/callback']);
    // Its extra parameters reach the route, which answers for itself (no provider set up: 404
    // to a client asking for JSON; a browser is sent to the refusal page).
    const res = await call(kit.app, 'GET', '/api/auth/oidc/resident/callback?code=c&iss=x', {
      headers: { accept: 'application/json' },
    });
    expect(res.status).toBe(404);
    expect(names(await readJson(res))).not.toContain('query.iss');
  });
});
