import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createUser,
  readBody,
  TEST_ORIGIN,
  type TestApp,
  testClock,
} from '../test/test-app';
import { createTestDatabase, type TestDatabase } from '../test/test-database';

const PASSWORD = 'correct horse battery';
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

function cookieFrom(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  const match = /sid=([^;]*)/.exec(header);
  if (!match) throw new Error(`no sid cookie in ${header}`);
  return `sid=${match[1]}`;
}

function login(
  app: TestApp,
  email: string,
  password: string,
  headers: Record<string, string> = {},
) {
  return call(app, 'POST', '/api/auth/login', { json: { email, password }, headers });
}

describe('register, login, me, logout', () => {
  it('registers an applicant who logs in after following the mailed link', async () => {
    const app = createTestApp({ db: t.db });
    const response = await call(app, 'POST', '/api/auth/register', {
      json: { email: 'New.Resident@Example.org', password: PASSWORD, name: 'Nieuwe Bewoner' },
    });
    expect(response.status).toBe(202);
    const mail = await t.db
      .selectFrom('outbox')
      .select('body')
      .where('recipient_email', '=', 'new.resident@example.org')
      .executeTakeFirstOrThrow();
    const token = /account-bevestigen\?token=([\w-]+)/.exec(mail.body!)![1];
    const confirmed = await call(app, 'POST', '/api/auth/confirm', { json: { token } });
    expect(await readBody(confirmed)).toMatchObject({
      email: 'new.resident@example.org',
      roles: ['applicant'],
    });
    const me = await call(app, 'GET', '/api/me', { cookie: cookieFrom(confirmed) });
    expect(await readBody(me)).toMatchObject({ name: 'Nieuwe Bewoner', roles: ['applicant'] });
  });

  it('stores passwords as argon2id', async () => {
    const user = await createUser(t.db, { password: PASSWORD });
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('logs in, shows me, and logout revokes the session server-side', async () => {
    const app = createTestApp({ db: t.db });
    const user = await createUser(t.db, { roles: ['assessor', 'approver'], password: PASSWORD });
    const response = await login(app, user.email!, PASSWORD);
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const cookie = cookieFrom(response);

    const me = await call(app, 'GET', '/api/me', { cookie });
    expect(me.status).toBe(200);
    expect(await readBody(me)).toMatchObject({
      id: user.id,
      email: user.email,
      roles: ['assessor', 'approver'],
    });

    const rows = await t.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', user.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(cookie.slice(4));

    expect((await call(app, 'POST', '/api/auth/logout', { cookie })).status).toBe(204);
    // The same cookie, replayed after logout, no longer works.
    expect((await call(app, 'GET', '/api/me', { cookie })).status).toBe(401);
  });

  it('sets a Secure cookie when PUBLIC_URL is https', async () => {
    const app = createTestApp({ db: t.db, config: { publicUrl: 'https://initiatief.example' } });
    const user = await createUser(t.db, { password: PASSWORD });
    const response = await login(app, user.email!, PASSWORD, {
      origin: 'https://initiatief.example',
    });
    expect(response.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('lets a user change name, language and address', async () => {
    const app = createTestApp({ db: t.db });
    const user = await createUser(t.db, { password: PASSWORD });
    const cookie = cookieFrom(await login(app, user.email!, PASSWORD));
    const response = await call(app, 'PATCH', '/api/me', {
      cookie,
      json: {
        locale: 'en',
        street: 'Witte de Withstraat 1',
        postcode: '3012bl',
        city: 'Rotterdam',
      },
    });
    expect(await readBody(response)).toMatchObject({ locale: 'en', postcode: '3012 BL' });
    const bad = await call(app, 'PATCH', '/api/me', { cookie, json: { postcode: 'ABC' } });
    expect(bad.status).toBe(422);
    expect((await readBody(bad)).invalidParams[0].name).toBe('postcode');
  });
});

describe('login failures', () => {
  it('gives the same 401 for an unknown e-mail and a wrong password', async () => {
    const app = createTestApp({ db: t.db });
    const user = await createUser(t.db, { password: PASSWORD });
    const unknown = await login(app, 'nobody@example.org', PASSWORD);
    const wrong = await login(app, user.email!, 'wrong password!!');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const a = await readBody(unknown);
    const b = await readBody(wrong);
    expect({ ...a, instance: '' }).toEqual({ ...b, instance: '' });
  });

  it('takes the same time for an unknown e-mail and a wrong password', async () => {
    // Throttling is another test's subject; here it would answer before any hash is checked.
    const app = createTestApp({ db: t.db, config: { loginMaxAttemptsPerAccount: 100 } });
    const user = await createUser(t.db, { password: PASSWORD });
    const time = async (email: string) => {
      const started = performance.now();
      const response = await login(app, email, 'wrong password!!');
      expect(response.status).toBe(401);
      return performance.now() - started;
    };
    await time('warm-up@example.org');
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 9; i++) {
      unknown.push(await time(`nobody${i}@example.org`));
      wrong.push(await time(user.email!));
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknown) / median(wrong);
    // Both paths verify an argon2id hash (tens of ms); without the dummy hash the unknown
    // e-mail would answer in a tenth of the time. The bounds leave room for a busy machine.
    expect(ratio).toBeGreaterThan(0.45);
    expect(ratio).toBeLessThan(2.2);
  });

  it('after the free attempts per account, waits that double (429, Retry-After), across addresses', async () => {
    const clock = testClock();
    const app = createTestApp({
      db: t.db,
      clock,
      config: {
        loginMaxAttemptsPerAccount: 5,
        loginDelaySeconds: 30,
        loginMaxDelaySeconds: 240,
        trustProxy: true,
      },
    });
    const user = await createUser(t.db, { password: PASSWORD });
    const from = (i: number) => ({ 'x-forwarded-for': `10.0.0.${i}` });
    for (let i = 0; i < 5; i++) {
      expect((await login(app, user.email!, 'wrong password!!', from(i))).status).toBe(401);
    }
    // The sixth attempt, even with the right password and from elsewhere, waits 30 s.
    const limited = await login(app, user.email!, PASSWORD, from(9));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(limited.headers.get('retry-after'))).toBe(30);
    expect((await readBody(limited)).code).toBe('rate_limited');
    // Knocking while waiting does not make the wait longer.
    clock.advance(10_000);
    const knock = await login(app, user.email!, 'wrong password!!', from(8));
    expect(Number(knock.headers.get('retry-after'))).toBe(20);

    // Each further failure doubles the wait: 60, 120, 240, then no longer than the maximum.
    const waits: number[] = [];
    clock.advance(20_000);
    for (let i = 0; i < 5; i++) {
      expect((await login(app, user.email!, 'wrong password!!', from(i))).status).toBe(401);
      const r = await login(app, user.email!, 'wrong password!!', from(i));
      expect(r.status).toBe(429);
      const wait = Number(r.headers.get('retry-after'));
      waits.push(wait);
      clock.advance(wait * 1000);
    }
    expect(waits).toEqual([60, 120, 240, 240, 240]);

    // After the wait the owner gets in, and that clears the account's count.
    expect((await login(app, user.email!, PASSWORD)).status).toBe(200);
    expect((await login(app, user.email!, 'wrong password!!')).status).toBe(401);
    expect((await login(app, user.email!, PASSWORD)).status).toBe(200);
  });

  it('never locks an account: the wait is bounded, and forgotten after a quiet window', async () => {
    const clock = testClock();
    const app = createTestApp({
      db: t.db,
      clock,
      config: {
        loginMaxAttemptsPerAccount: 5,
        loginDelaySeconds: 30,
        loginMaxDelaySeconds: 900,
        loginWindowMinutes: 15,
        trustProxy: true,
      },
    });
    const user = await createUser(t.db, { password: PASSWORD });
    // An attacker keeps trying as fast as the waits allow, from a thousand addresses.
    for (let i = 0; i < 40; i++) {
      const r = await login(app, user.email!, 'wrong password!!', {
        'x-forwarded-for': `198.51.100.${i % 250}`,
      });
      if (r.status === 429) clock.advance(Number(r.headers.get('retry-after')) * 1000);
    }
    // One more failure as soon as the wait is over: the owner now waits, but not for long.
    let attack = await login(app, user.email!, 'wrong password!!');
    if (attack.status === 429) {
      clock.advance(Number(attack.headers.get('retry-after')) * 1000);
      attack = await login(app, user.email!, 'wrong password!!');
    }
    expect(attack.status).toBe(401);
    const owner = await login(app, user.email!, PASSWORD);
    expect(owner.status).toBe(429);
    expect(Number(owner.headers.get('retry-after'))).toBeLessThanOrEqual(900);
    clock.advance(900_000);
    expect((await login(app, user.email!, PASSWORD)).status).toBe(200);

    // Five failures, then quiet for the window after the wait: counting starts afresh.
    const quiet = { 'x-forwarded-for': '198.51.100.251' };
    for (let i = 0; i < 5; i++) await login(app, user.email!, 'wrong password!!', quiet);
    clock.advance(30_000 + 15 * 60_000);
    for (let i = 0; i < 5; i++) {
      expect((await login(app, user.email!, 'wrong password!!', quiet)).status).toBe(401);
    }
  });

  it('throttles per client address across accounts; a success does not count there', async () => {
    const clock = testClock();
    const app = createTestApp({
      db: t.db,
      clock,
      config: { loginMaxAttemptsPerAddress: 4, loginDelaySeconds: 30, trustProxy: true },
    });
    const headers = { 'x-forwarded-for': '192.0.2.77' };
    const user = await createUser(t.db, { password: PASSWORD });
    for (let i = 0; i < 10; i++) {
      expect((await login(app, user.email!, PASSWORD, headers)).status).toBe(200);
    }
    for (let i = 0; i < 4; i++) {
      expect((await login(app, `someone${i}@example.org`, 'x', headers)).status).toBe(401);
    }
    const limited = await login(app, 'someone-else@example.org', 'x', headers);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBe(30);
    // Another address is not affected.
    expect(
      (await login(app, 'someone@example.org', 'x', { 'x-forwarded-for': '192.0.2.78' })).status,
    ).toBe(401);
    clock.advance(30_000);
    expect((await login(app, 'someone-else@example.org', 'x', headers)).status).toBe(401);
    const doubled = await login(app, 'someone-else@example.org', 'x', headers);
    expect(Number(doubled.headers.get('retry-after'))).toBe(60);
  });
});

describe('session expiry', () => {
  it('expires after the idle time, and activity keeps it alive', async () => {
    const clock = testClock();
    const app = createTestApp({
      db: t.db,
      clock,
      config: { sessionIdleMinutes: 30, sessionAbsoluteHours: 12 },
    });
    const user = await createUser(t.db, { password: PASSWORD });
    const cookie = cookieFrom(await login(app, user.email!, PASSWORD));

    clock.advance(29 * 60_000);
    expect((await call(app, 'GET', '/api/me', { cookie })).status).toBe(200);
    clock.advance(29 * 60_000); // 58 minutes after login, 29 after the last request
    expect((await call(app, 'GET', '/api/me', { cookie })).status).toBe(200);
    clock.advance(30 * 60_000);
    expect((await call(app, 'GET', '/api/me', { cookie })).status).toBe(401);
  });

  it('expires after the absolute time even when active', async () => {
    const clock = testClock();
    const app = createTestApp({
      db: t.db,
      clock,
      config: { sessionIdleMinutes: 60, sessionAbsoluteHours: 2 },
    });
    const user = await createUser(t.db, { password: PASSWORD });
    const cookie = cookieFrom(await login(app, user.email!, PASSWORD));
    for (let minutes = 50; minutes < 120; minutes += 50) {
      clock.advance(50 * 60_000);
      expect((await call(app, 'GET', '/api/me', { cookie })).status).toBe(200);
    }
    clock.advance(20 * 60_000); // exactly two hours after login
    expect((await call(app, 'GET', '/api/me', { cookie })).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request from a foreign origin', async () => {
    const app = createTestApp({ db: t.db });
    const user = await createUser(t.db, { password: PASSWORD });
    const cookie = cookieFrom(await login(app, user.email!, PASSWORD));
    const foreign = await call(app, 'POST', '/api/auth/logout', {
      cookie,
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const problem = await readBody(foreign);
    expect(problem.code).toBe('forbidden');
    // The person is told which address works, not only that they may not.
    expect(problem.invalidParams[0].reason).toBe(
      `Deze pagina is geopend via https://evil.example, niet via het adres van deze dienst. Open ${TEST_ORIGIN} en probeer het daar opnieuw.`,
    );
    // The session survived the attempt.
    expect((await call(app, 'GET', '/api/me', { cookie })).status).toBe(200);
  });

  it('refuses a cookie-bearing state-changing request without Origin', async () => {
    const app = createTestApp({ db: t.db });
    const user = await createUser(t.db, { password: PASSWORD });
    const cookie = cookieFrom(await login(app, user.email!, PASSWORD));
    const response = await app.request('/api/me', {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Changed' }),
    });
    expect(response.status).toBe(403);
  });

  it('accepts a request without Origin and without cookie (scripts), and GETs from anywhere', async () => {
    const app = createTestApp({ db: t.db });
    const user = await createUser(t.db, { password: PASSWORD });
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    const get = await app.request('/api/me', {
      headers: { cookie: cookieFrom(response), origin: 'https://evil.example' },
    });
    expect(get.status).toBe(200);
    expect(TEST_ORIGIN).toBe('http://localhost:3000');
  });
});
