/** Issue 19, findings 3 and 8: clerks manage residents only; weak passwords are refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createUser, loginAs, type TestApp } from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import { isCommonPassword } from './password-policy';

let t: TestDatabase;
let app: TestApp;
beforeAll(async () => {
  t = await createTestDatabase();
  app = createTestApp({ db: t.db });
});
afterAll(() => t.close());

describe('passwords (finding 8)', () => {
  it.each([
    ['twelve spaces', '            '],
    ['spaces around a short word', '     abc    '],
    ['one character repeated', 'aaaaaaaaaaaaaaaa'],
    ['a common password', 'qwerty123456'],
    ['a common password in capitals', 'Q1W2E3R4T5Y6'],
  ])('%s is refused at registration', async (_label, password) => {
    const res = await call(app, 'POST', '/api/auth/register', {
      json: { email: `weak-${Math.random()}@example.org`, password, name: 'Bewoner' },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { invalidParams: { name: string }[] };
    expect(body.invalidParams[0]?.name).toBe('password');
  });

  it('the list comes from a maintained package and is large', () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('Zwaanshals-straatfeest-2026')).toBe(false);
  });
});

describe('accounts (finding 3)', () => {
  it('a clerk edits a resident, not an approver or an admin', async () => {
    const clerk = await createUser(t.db, { roles: ['clerk'] });
    const resident = await createUser(t.db, { roles: ['applicant'] });
    const approver = await createUser(t.db, { roles: ['approver'] });
    const admin = await createUser(t.db, { roles: ['admin'] });
    const cookie = await loginAs(app, clerk.email!);
    const ok = await call(app, 'PATCH', `/api/users/${resident.id}`, {
      cookie,
      json: { name: 'Nieuwe Naam' },
    });
    expect(ok.status).toBe(200);
    for (const staff of [approver, admin]) {
      const res = await call(app, 'PATCH', `/api/users/${staff.id}`, {
        cookie,
        json: { name: 'Gekaapt' },
      });
      expect(res.status).toBe(403);
    }
    const adminCookie = await loginAs(app, admin.email!);
    const byAdmin = await call(app, 'PATCH', `/api/users/${approver.id}`, {
      cookie: adminCookie,
      json: { name: 'Andere Naam' },
    });
    expect(byAdmin.status).toBe(200);
  });
});
