/**
 * The contract check itself: an answer the document does not describe makes the test app's
 * request() reject, naming the operation and what is wrong. Wired into createTestApp, so every
 * API test that goes through it is covered.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemResponses } from '../errors/problem.schema';
import { ContractError, withContractCheck } from '../test/contract-check';
import { call, createTestApp, type TestApp } from '../test/test-app';
import { createTestDatabase } from '../test/test-database';
import { appWithoutDatabase } from './openapi.test-kit';

/** Adds one documented route whose handler answers whatever the test asks of it. */
function addProbe<T extends ReturnType<typeof appWithoutDatabase>>(app: T): T {
  const route = createRoute({
    method: 'get',
    path: '/api/probe/{kind}',
    operationId: 'getProbe',
    request: { params: z.object({ kind: z.string() }) },
    responses: {
      200: {
        description: 'A count',
        content: { 'application/json': { schema: z.object({ count: z.number().int() }) } },
      },
      ...problemResponses(404),
    },
  });
  // biome-ignore lint/suspicious/noExplicitAny: the probe answers off-contract on purpose
  app.openapi(route, (c): any => {
    const kind = c.req.param('kind');
    if (kind === 'good') return c.json({ count: 3 }, 200);
    if (kind === 'teapot') return c.json({ count: 3 }, 418);
    if (kind === 'shape') return c.json({ count: 'three' }, 200);
    if (kind === 'text') return c.text('3', 200);
    return c.json({ type: 'about:blank', title: 'x', status: 404 }, 404);
  });
  app.get('/api/undocumented', (c) => c.json({ ok: true }));
  return app;
}

describe('the contract check', () => {
  const app = withContractCheck(addProbe(appWithoutDatabase()));
  const get = (path: string) => Promise.resolve(app.request(path));

  it('lets a documented answer through untouched', async () => {
    const response = await get('/api/probe/good');
    expect(await response.json()).toEqual({ count: 3 });
  });

  it('fails on an undocumented status, naming the operation', async () => {
    await expect(get('/api/probe/teapot')).rejects.toThrow(
      /getProbe \(GET \/api\/probe\/\{kind\}\) answered 418, which is not documented/,
    );
    await expect(get('/api/probe/teapot')).rejects.toBeInstanceOf(ContractError);
  });

  it('fails on a body that does not match the schema', async () => {
    await expect(get('/api/probe/shape')).rejects.toThrow(/\/count must be integer/);
  });

  it('fails on an undocumented content type', async () => {
    await expect(get('/api/probe/text')).rejects.toThrow(
      /text\/plain; documented: application\/json/,
    );
  });

  it('fails on a problem that is not a problem', async () => {
    await expect(get('/api/probe/missing')).rejects.toThrow(/application\/json; documented/);
  });

  it('fails on a path or method the document does not have', async () => {
    await expect(get('/api/undocumented')).rejects.toThrow(/the document has no such path/);
    // The app's own answers to those are documented problems: 404 and 405.
    expect((await get('/api/nothing-here')).status).toBe(404);
    const deleted = await app.request('/api/probe/good', { method: 'DELETE' });
    expect(deleted.status).toBe(405);
  });
});

describe('createTestApp', () => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  beforeAll(async () => {
    t = await createTestDatabase();
    app = createTestApp({ db: t.db });
  });
  afterAll(() => t.close());

  it('checks every answer, so an API test fails on an undocumented one', async () => {
    addProbe(app); // no second wrapper: the one createTestApp put on is what fails
    await expect(call(app, 'GET', '/api/probe/teapot')).rejects.toThrow(ContractError);
    expect((await call(app, 'GET', '/api/regulations')).status).toBe(200);
  });
});
