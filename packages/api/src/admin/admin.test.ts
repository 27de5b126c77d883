import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { call, createUser } from '../test/test-app';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

const login = (email: string, password: string) =>
  call(kit.app, 'POST', '/api/auth/login', { json: { email, password } });

describe('staff administration', () => {
  test('an admin creates a staff account that logs in with its one-time password', async () => {
    const res = await call(kit.app, 'POST', '/api/admin/accounts', {
      cookie: kit.cookies.admin,
      json: { name: 'Bram Behandelaar', email: 'Bram@Example.test', roles: ['assessor'] },
    });
    expect(res.status).toBe(201);
    const body = await readJson(res);
    expect(body.account).toMatchObject({ email: 'bram@example.test', roles: ['assessor'] });
    expect(body.oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect((await login('bram@example.test', body.oneTimePassword)).status).toBe(200);

    const again = await call(kit.app, 'POST', '/api/admin/accounts', {
      cookie: kit.cookies.admin,
      json: { name: 'Bram 2', email: 'bram@example.test', roles: ['clerk'] },
    });
    expect(again.status).toBe(409);
    // Said at the field in the admin's language, for the Dutch page to show as it is.
    expect((await readJson(again)).invalidParams).toEqual([
      { name: 'email', reason: 'Er is al een account met dit e-mailadres.' },
    ]);
  });

  test('only an admin reaches the administration', async () => {
    for (const persona of ['clerk', 'assessor', 'approver', 'resident'] as const) {
      const res = await call(kit.app, 'POST', '/api/admin/accounts', {
        cookie: kit.cookies[persona],
        json: { name: 'X', email: `x-${persona}@example.test`, roles: ['admin'] },
      });
      expect(res.status, persona).toBe(403);
      const list = await call(kit.app, 'GET', '/api/admin/accounts', {
        cookie: kit.cookies[persona],
      });
      expect(list.status, persona).toBe(403);
    }
  });

  test('roles, deactivation and a password reset are recorded and take effect', async () => {
    const created = await readJson(
      await call(kit.app, 'POST', '/api/admin/accounts', {
        cookie: kit.cookies.admin,
        json: { name: 'Carla Clerk', email: 'carla@example.test', roles: ['clerk'] },
      }),
    );
    const id = created.account.id;
    const session = (await login('carla@example.test', created.oneTimePassword)).headers
      .get('set-cookie')!
      .split(';')[0]!;

    kit.clock.advance(1000);
    const roles = await call(kit.app, 'PUT', `/api/admin/accounts/${id}/roles`, {
      cookie: kit.cookies.admin,
      json: { roles: ['clerk', 'assessor'] },
    });
    expect((await readJson(roles)).roles).toEqual(['clerk', 'assessor']);
    // The old session ended with the role change.
    expect((await call(kit.app, 'GET', '/api/me', { cookie: session })).status).toBe(401);

    kit.clock.advance(1000);
    const off = await call(kit.app, 'PUT', `/api/admin/accounts/${id}/active`, {
      cookie: kit.cookies.admin,
      json: { active: false },
    });
    expect(await readJson(off)).toMatchObject({ active: false });
    expect((await login('carla@example.test', created.oneTimePassword)).status).toBe(401);

    kit.clock.advance(1000);
    await call(kit.app, 'PUT', `/api/admin/accounts/${id}/active`, {
      cookie: kit.cookies.admin,
      json: { active: true },
    });
    kit.clock.advance(1000);
    const reset = await readJson(
      await call(kit.app, 'POST', `/api/admin/accounts/${id}/password-reset`, {
        cookie: kit.cookies.admin,
      }),
    );
    expect(reset.oneTimePassword).not.toBe(created.oneTimePassword);
    expect((await login('carla@example.test', created.oneTimePassword)).status).toBe(401);
    expect((await login('carla@example.test', reset.oneTimePassword)).status).toBe(200);

    const audit = await readJson(
      await call(kit.app, 'GET', `/api/admin/audit?targetId=${id}`, { cookie: kit.cookies.admin }),
    );
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual([
      'password_reset',
      'reactivated',
      'deactivated',
      'roles_changed',
      'created',
    ]);
    expect(audit.items[3].details).toEqual({ from: ['clerk'], to: ['clerk', 'assessor'] });
    expect(audit.items[0].actor.id).toBe(kit.users.admin.id);
    expect(JSON.stringify(audit)).not.toContain(reset.oneTimePassword);
  });

  test('an admin cannot lock themselves out', async () => {
    const id = kit.users.admin.id;
    const off = await call(kit.app, 'PUT', `/api/admin/accounts/${id}/active`, {
      cookie: kit.cookies.admin,
      json: { active: false },
    });
    expect(off.status).toBe(409);
    // Said in words: the web's general sentence for a conflict would not say what is wrong.
    expect((await readJson(off)).text.nl).toBe('U kunt uw eigen account niet uitzetten.');
    const roles = await call(kit.app, 'PUT', `/api/admin/accounts/${id}/roles`, {
      cookie: kit.cookies.admin,
      json: { roles: ['clerk'] },
    });
    expect(roles.status).toBe(409);
    expect((await readJson(roles)).text).toEqual({
      nl: 'U kunt uzelf de rol van beheerder niet afnemen.',
      en: 'You cannot take the administrator role from yourself.',
    });
  });

  test('the list shows staff, not residents, unless searched', async () => {
    const list = await readJson(
      await call(kit.app, 'GET', '/api/admin/accounts', { cookie: kit.cookies.admin }),
    );
    const ids = list.items.map((a: { id: string }) => a.id);
    expect(ids).toContain(kit.users.assessor.id);
    expect(ids).not.toContain(kit.users.resident.id);
  });

  test('a search finds a resident whatever the letters typed', async () => {
    const ayse = await createUser(kit.t.db, { name: 'Ayşe Yıldız-Çelik' });
    for (const q of ['yildiz celik', 'AYSE', 'Çelik']) {
      const list = await readJson(
        await call(kit.app, 'GET', `/api/admin/accounts?q=${encodeURIComponent(q)}`, {
          cookie: kit.cookies.admin,
        }),
      );
      expect(
        list.items.map((a: { id: string }) => a.id),
        q,
      ).toContain(ayse.id);
    }
  });
});
