import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createUser, loginAs, readBody, type TestApp } from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';

let t: TestDatabase;
let app: TestApp;
let clerk: string;
let admin: string;
let applicant: string;

beforeAll(async () => {
  t = await createTestDatabase();
  app = createTestApp({ db: t.db });
  clerk = await loginAs(app, (await createUser(t.db, { roles: ['clerk'] })).email!);
  admin = await loginAs(app, (await createUser(t.db, { roles: ['admin'] })).email!);
  applicant = await loginAs(app, (await createUser(t.db)).email!);
  await createUser(t.db, { name: 'Henk Zoekbaar', postcode: '3072 AP', email: 'henk@example.org' });
});
afterAll(() => t.close());

describe('staff user management', () => {
  it('lets a clerk find residents by name, e-mail or postcode', async () => {
    for (const q of ['zoekbaar', 'HENK@example', '3072ap', '3072 AP']) {
      const response = await call(app, 'GET', `/api/users?q=${encodeURIComponent(q)}`, {
        cookie: clerk,
      });
      expect(response.status).toBe(200);
      const { items } = await readBody(response);
      expect(items.map((u: { name: string }) => u.name)).toContain('Henk Zoekbaar');
      expect(items[0]).not.toHaveProperty('password_hash');
    }
  });

  it('refuses the search to an applicant', async () => {
    expect((await call(app, 'GET', '/api/users?q=henk', { cookie: applicant })).status).toBe(403);
    expect((await call(app, 'GET', '/api/users?q=henk')).status).toBe(401);
  });

  it('lets a clerk register a resident without e-mail or password (assisted digital)', async () => {
    const response = await call(app, 'POST', '/api/users', {
      cookie: clerk,
      json: {
        name: 'Mevrouw Zonder Mail',
        street: 'Hoogstraat 1',
        postcode: '3011pn',
        city: 'Rotterdam',
      },
    });
    expect(response.status).toBe(201);
    const user = await readBody(response);
    expect(user).toMatchObject({ email: null, roles: ['applicant'], postcode: '3011 PN' });
    const row = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toBeNull();
    expect(row.created_by).not.toBeNull();
  });

  it('keeps staff accounts and role changes for admins', async () => {
    const byClerk = await call(app, 'POST', '/api/users', {
      cookie: clerk,
      json: { name: 'Nep Beoordelaar', email: 'nep@example.org', roles: ['assessor'] },
    });
    expect(byClerk.status).toBe(403);
    const byAdmin = await call(app, 'POST', '/api/users', {
      cookie: admin,
      json: { name: 'Echte Beoordelaar', email: 'echt@example.org', roles: ['assessor'] },
    });
    expect(byAdmin.status).toBe(201);
    const { id } = await readBody(byAdmin);
    expect(
      (await call(app, 'PATCH', `/api/users/${id}`, { cookie: clerk, json: { roles: ['admin'] } }))
        .status,
    ).toBe(403);
    const promoted = await call(app, 'PATCH', `/api/users/${id}`, {
      cookie: admin,
      json: { roles: ['assessor', 'approver'] },
    });
    expect(await readBody(promoted)).toMatchObject({ roles: ['assessor', 'approver'] });
  });

  it('answers 404 for an unknown user and 422 for a malformed id', async () => {
    const unknown = await call(app, 'GET', '/api/users/00000000-0000-4000-8000-000000000000', {
      cookie: clerk,
    });
    expect(unknown.status).toBe(404);
    const malformed = await call(app, 'GET', '/api/users/not-a-uuid', { cookie: clerk });
    expect(malformed.status).toBe(422);
  });
});
