/**
 * The authorization matrix for the routes outside the application lifecycle (that one lives in
 * applications.security.test.ts), from one table of routes and the roles they admit, plus the
 * session attacks the auth tests do not already cover (fixation). "Admitted" means the request
 * got past authentication and authorization: any status but 401 and 403.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import { applicationIn, type Kit, setupKit } from '../applications/lifecycle.test-kit';
import { STAFF_ROLES, type UserRole } from '../auth/roles';
import { createUser, TEST_ORIGIN } from '../test/test-app';

type Who = 'anonymous' | UserRole;
const WHO: Who[] = ['anonymous', 'applicant', 'clerk', 'assessor', 'approver', 'policy', 'admin'];
type Admits = 'everyone' | 'users' | readonly UserRole[];

interface Route {
  method: string;
  path: (ids: Ids) => string;
  admits: Admits;
  json?: unknown;
}
interface Ids {
  application: string;
  resident: string;
}

const ROUTES: Route[] = [
  { method: 'GET', path: () => '/metrics', admits: 'everyone' },
  { method: 'GET', path: () => '/api/auth/providers', admits: 'everyone' },
  { method: 'GET', path: () => '/api/regulations', admits: 'everyone' },
  { method: 'GET', path: () => '/api/me', admits: 'users' },
  { method: 'PATCH', path: () => '/api/me', admits: 'users', json: { locale: 'xx' } },
  { method: 'GET', path: (i) => `/api/applications/${i.application}/documents`, admits: 'users' },
  { method: 'GET', path: () => `/api/documents/${randomUUID()}`, admits: 'users' },
  { method: 'GET', path: () => '/api/users?q=a', admits: ['clerk', 'admin'] },
  { method: 'POST', path: () => '/api/users', admits: ['clerk', 'admin'], json: {} },
  { method: 'GET', path: (i) => `/api/users/${i.resident}`, admits: ['clerk', 'admin'] },
  {
    method: 'PATCH',
    path: (i) => `/api/users/${i.resident}`,
    admits: ['clerk', 'admin'],
    json: { roles: 'x' },
  },
  { method: 'GET', path: () => '/api/outbox', admits: STAFF_ROLES },
  { method: 'POST', path: () => `/api/outbox/${randomUUID()}/retry`, admits: STAFF_ROLES },
  { method: 'GET', path: () => '/api/mail-files', admits: STAFF_ROLES },
  { method: 'GET', path: () => '/api/policy/definitions', admits: ['policy'] },
  { method: 'GET', path: () => '/api/policy/regulations', admits: ['policy'] },
  {
    method: 'POST',
    path: () => `/api/policy/regulations/${randomUUID()}/opening`,
    admits: ['policy'],
    json: { comment: 'Open.' },
  },
  { method: 'GET', path: () => '/api/policy/reports/states', admits: ['policy'] },
  { method: 'GET', path: () => '/api/policy/reports/budget', admits: ['policy'] },
];

function expected(admits: Admits, who: Who): 'admitted' | 401 | 403 {
  if (admits === 'everyone') return 'admitted';
  if (who === 'anonymous') return 401;
  if (admits === 'users') return 'admitted';
  return admits.includes(who) ? 'admitted' : 403;
}

let kit: Kit;
let ids: Ids;
const cookies: Partial<Record<Who, string>> = {};

beforeAll(async () => {
  kit = await setupKit();
  const submitted = await applicationIn(kit, 'submitted');
  ids = { application: submitted.id, resident: kit.users.resident.id };
  cookies.applicant = kit.cookies.resident;
  for (const role of ['clerk', 'assessor', 'approver', 'policy', 'admin'] as const) {
    cookies[role] = kit.cookies[role];
  }
});
afterAll(() => kit.close());

describe('authorization matrix: routes outside the lifecycle', () => {
  const cases = ROUTES.flatMap((route) =>
    WHO.map((who) => ({
      name: `${route.method} ${route.path({ application: '{id}', resident: '{id}' }).replace(/[0-9a-f-]{36}/, '{id}')}`,
      route,
      who,
      expect: expected(route.admits, who),
    })),
  );
  test.each(cases)('$name as $who -> $expect', async ({ route, who, expect: want }) => {
    const headers: Record<string, string> = { origin: TEST_ORIGIN };
    const cookie = cookies[who];
    if (cookie) headers.cookie = cookie;
    if (route.json !== undefined) headers['content-type'] = 'application/json';
    const res = await kit.app.request(route.path(ids), {
      method: route.method,
      headers,
      body: route.json === undefined ? undefined : JSON.stringify(route.json),
    });
    const text = await res.text();
    expect(res.status, text).toBeLessThan(500);
    if (want === 'admitted') expect([401, 403], text).not.toContain(res.status);
    else expect(res.status, text).toBe(want);
  });
});

describe('session attacks', () => {
  it('fixation: a planted session cookie is replaced at login and stops working', async () => {
    const password = 'een lang en sterk wachtwoord 42';
    const victim = await createUser(kit.t.db, { password });
    const attacker = kit.cookies.resident2; // a valid session of the attacker's own account
    const login = await kit.app.request('/api/auth/login', {
      method: 'POST',
      headers: { origin: TEST_ORIGIN, 'content-type': 'application/json', cookie: attacker },
      body: JSON.stringify({ email: victim.email, password }),
    });
    expect(login.status, await login.clone().text()).toBe(200);
    const issued = /sid=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    expect(issued).toBeTruthy();
    expect(`sid=${issued}`).not.toBe(attacker);
    const me = await kit.app.request('/api/me', { headers: { cookie: `sid=${issued}` } });
    expect(((await me.json()) as { email: string }).email).toBe(victim.email);
    const planted = await kit.app.request('/api/me', { headers: { cookie: attacker } });
    expect(planted.status).toBe(401);

    // An invented token is never adopted either.
    const invented = 'sid=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const again = await kit.app.request('/api/auth/login', {
      method: 'POST',
      headers: { origin: TEST_ORIGIN, 'content-type': 'application/json', cookie: invented },
      body: JSON.stringify({ email: victim.email, password }),
    });
    expect(again.status).toBe(200);
    expect(again.headers.get('set-cookie')).not.toContain(invented);
    expect((await kit.app.request('/api/me', { headers: { cookie: invented } })).status).toBe(401);
  });

  it('a session cookie sent to another path, method or with a forged value gives nothing', async () => {
    const forged = `${kit.cookies.clerk}x`;
    expect((await kit.app.request('/api/me', { headers: { cookie: forged } })).status).toBe(401);
    const cross = await kit.app.request(`/api/applications/${ids.application}/events`, {
      method: 'POST',
      headers: {
        origin: 'https://evil.example',
        'content-type': 'text/plain',
        cookie: kit.cookies.resident,
      },
      body: JSON.stringify({ type: 'WITHDRAW' }),
    });
    expect(cross.status).toBe(403);
  });
});
