import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

describe('GET /api/session', () => {
  test('a visitor gets 200 and no user, so anonymous pages log no error', async () => {
    const res = await call(kit.app, 'GET', '/api/session');
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ user: null, actingFor: null });
  });

  test('a logged-in resident gets herself', async () => {
    const res = await call(kit.app, 'GET', '/api/session', { cookie: kit.cookies.resident });
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.user.id).toBe(kit.users.resident.id);
    expect(body.user.roles).toEqual(['applicant']);
  });
});
