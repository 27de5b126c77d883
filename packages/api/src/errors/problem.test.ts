import { Writable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireRole, requireUser } from '../auth/auth.middleware';
import {
  createTestApp,
  createUser,
  loginAs,
  readBody,
  TEST_ORIGIN,
  type TestApp,
} from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import { AppError } from './app-error';
import { ERROR_CODES, type ErrorCode } from './error-codes';
import { problemBody, STANDARD_PROBLEM_MEMBERS } from './problem';

let t: TestDatabase;
let app: TestApp;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _encoding, done) {
        logLines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
  app = createTestApp({
    db: t.db,
    config: { bodyLimitBytes: 1024 },
    logger,
    // The /api/test routes below exist only in this test; the rest of the API is checked.
    contract: { undocumented: /^\/api\/test\// },
  });
  // Routes only this test registers, to reach every error class.
  app.get('/api/test/throw/:code', (c) => {
    throw new AppError(c.req.param('code') as ErrorCode, 'thrown on purpose');
  });
  app.get('/api/test/boom', () => {
    throw new TypeError('cannot read properties of undefined');
  });
  app.get('/api/test/user', requireUser(), (c) => c.json({ ok: true }));
  app.get('/api/test/admin', requireRole('admin'), (c) => c.json({ ok: true }));
  app.openapi(
    {
      method: 'post',
      path: '/api/test/nested',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({
                contact: z.object({ email: z.email() }),
                items: z.array(z.object({ amount: z.number().int() })),
              }),
            },
          },
        },
      },
      responses: { 200: { description: 'ok' } },
    },
    (c) => c.json({ ok: true }, 200),
  );
});
afterAll(() => t.close());

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = await readBody(response);
  expect(body).toMatchObject({ status, code, type: `/api/problems/${code}` });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(body.instance).toBe(response.headers.get('x-request-id'));
  return body;
}

describe('problem+json', () => {
  it.each(Object.entries(ERROR_CODES))(
    'renders AppError %s with its status',
    async (code, { status }) => {
      const response = await app.request(`/api/test/throw/${code}`);
      await expectProblem(response, status, code);
    },
  );

  it('404 for an unknown route', async () => {
    await expectProblem(await app.request('/api/does-not-exist'), 404, 'not_found');
  });

  it('405 with Allow for a known route and another method', async () => {
    const response = await app.request('/api/me', {
      method: 'DELETE',
      headers: { origin: TEST_ORIGIN },
    });
    await expectProblem(response, 405, 'method_not_allowed');
    expect(response.headers.get('allow')).toContain('GET');
    expect(response.headers.get('allow')).toContain('PATCH');
  });

  it('400 for malformed JSON', async () => {
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { origin: TEST_ORIGIN, 'content-type': 'application/json' },
      body: '{"email": ',
    });
    await expectProblem(response, 400, 'malformed_request');
  });

  it('413 for a body over the limit', async () => {
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { origin: TEST_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x'.repeat(2000), password: 'y' }),
    });
    await expectProblem(response, 413, 'payload_too_large');
  });

  it('415 for a body that is not JSON', async () => {
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { origin: TEST_ORIGIN, 'content-type': 'text/plain' },
      body: 'email=a',
    });
    await expectProblem(response, 415, 'unsupported_media_type');
  });

  it('422 with invalidParams as dotted paths', async () => {
    const response = await app.request('/api/test/nested', {
      method: 'POST',
      headers: { origin: TEST_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ contact: { email: 'nope' }, items: [{ amount: 1 }, { amount: 1.5 }] }),
    });
    const body = await expectProblem(response, 422, 'validation_failed');
    const names = body.invalidParams.map((p: { name: string }) => p.name).sort();
    expect(names).toEqual(['contact.email', 'items.1.amount']);
    // zod's English is for developers: a person reads the reason in their own language.
    expect(body.invalidParams.map((p: { reason: string }) => p.reason)).toEqual([
      'Dit heeft niet de goede vorm.',
      'Deze waarde klopt niet.',
    ]);
  });

  it('401 and 403 from requireUser and requireRole', async () => {
    await expectProblem(await app.request('/api/test/user'), 401, 'unauthenticated');
    const user = await createUser(t.db, { roles: ['assessor'] });
    const cookie = await loginAs(app, user.email!);
    expect((await app.request('/api/test/user', { headers: { cookie } })).status).toBe(200);
    await expectProblem(
      await app.request('/api/test/admin', { headers: { cookie } }),
      403,
      'forbidden',
    );
  });

  it('500 for an unexpected error, logged with stack and the same request id', async () => {
    const response = await app.request('/api/test/boom');
    const body = await expectProblem(response, 500, 'internal');
    expect(body.detail).not.toContain('cannot read');
    const line = logLines.find((l) => l.msg === 'unhandled error' && l.requestId === body.instance);
    expect(line).toBeDefined();
    expect((line!.err as { stack: string }).stack).toContain('cannot read properties');
  });

  it('keeps a request id the client sent', async () => {
    const response = await app.request('/api/nothing', { headers: { 'x-request-id': 'abc-123' } });
    expect((await readBody(response)).instance).toBe('abc-123');
  });

  it('serves a description of each problem type', async () => {
    const response = await app.request('/api/problems/rate_limited');
    expect(await readBody(response)).toMatchObject({ code: 'rate_limited', status: 429 });
  });
});

describe('health', () => {
  it('/healthz and /readyz answer 200 on a migrated database', async () => {
    expect((await app.request('/healthz')).status).toBe(200);
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
  });

  it('serves the OpenAPI document', async () => {
    const doc = await readBody(await app.request('/api/openapi.json'));
    expect(doc.paths['/api/auth/login']).toBeDefined();
  });
});

describe('extra members of a problem', () => {
  it('keeps an extra of its own name beside the standard members', () => {
    const body = problemBody('conflict', 'Decided already.', 'req-1', {
      extra: { proposalStatus: 'approved' },
    });
    expect(body).toMatchObject({ status: 409, proposalStatus: 'approved' });
  });

  it.each(STANDARD_PROBLEM_MEMBERS)(
    'refuses an extra named %s, which would be overwritten',
    (name) => {
      expect(() =>
        problemBody('conflict', 'Decided already.', 'req-1', { extra: { [name]: 'approved' } }),
      ).toThrow(new RegExp(`extra member\\(s\\) ${name} would overwrite`));
    },
  );
});
