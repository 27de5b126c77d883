import { beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../test/test-app';
import type { TestDatabase } from '../test/test-database';
import { callbackQueryProblems, MAX_CALLBACK_VALUE, wantsPage } from './oidc-callback-refusal';
import { setUpOidcApp } from './oidc-test-app';
import { CookieJar, dance, TEST_PUBLIC_URL, type TestProvider } from './oidc-test-kit';

// The identity provider's redirect back with a hostile address. The browser arrives by a
// top-level navigation, so a refusal is the web app's page that says so in words, not JSON in
// the window; only a client that asks for JSON gets the problem. Either way nothing is
// exchanged at the provider, no session starts, and the login in progress is left as it was.

let t: TestDatabase;
let idp: TestProvider;
let app: TestApp;
/** Successful code exchanges at the provider's token endpoint. */
let exchanges = 0;

setUpOidcApp((made) => {
  ({ t, idp, app } = made);
});
beforeEach(() => {
  exchanges = 0;
  idp.tamper = (body) => {
    exchanges++;
    return body;
  };
});

const origin = TEST_PUBLIC_URL;
const REFUSED = '/inloggen/geweigerd?reden=unreadable';
const BROWSER = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'sec-fetch-mode': 'navigate',
};

async function sessionCount(): Promise<number> {
  const row = await t.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A login in progress, stopped right before the provider's redirect back. */
async function toCallback() {
  const jar = new CookieJar();
  const { callbackUrl } = await dance(app, jar, '/api/auth/oidc/staff/login', {
    account: 'anouk',
    stopAtCallback: true,
  });
  const url = new URL(callbackUrl!);
  return {
    jar,
    url,
    code: url.searchParams.get('code')!,
    state: url.searchParams.get('state')!,
  };
}

function get(jar: CookieJar, pathAndQuery: string, headers: Record<string, string>) {
  return app.request(pathAndQuery, { headers: { cookie: jar.header(origin), ...headers } });
}

const sessionCookies = (response: Response) =>
  response.headers.getSetCookie().filter((c) => /^sid=[^;]/.test(c));

const path = '/api/auth/oidc/staff/callback';
const hostile: [string, (code: string, state: string) => string][] = [
  ['a NUL as the code', (_code, state) => `code=%00&state=${state}`],
  ['a lone surrogate in the state', (code) => `code=${code}&state=x%ED%A0%80`],
  ['an escape character', (code, state) => `code=${code}%1B%5B2J&state=${state}`],
  ['broken percent-encoding', (code, state) => `code=${code}%ZZ&state=${state}`],
  ['the state twice', (code, state) => `code=${code}&state=${state}&state=${state}`],
  ['the code twice', (code, state) => `code=${code}&code=${code}&state=${state}`],
  [
    'an overlong code',
    (_code, state) => `code=${'a'.repeat(MAX_CALLBACK_VALUE + 1)}&state=${state}`,
  ],
];

describe('a browser arriving with a hostile address', () => {
  it.each(hostile)('%s: to the refusal page, no exchange, no session', async (_what, query) => {
    const before = await sessionCount();
    const { jar, code, state, url } = await toCallback();
    const response = await get(jar, `${path}?${query(code, state)}`, BROWSER);
    expect(response.status, await response.clone().text()).toBe(302);
    expect(response.headers.get('location')).toBe(REFUSED);
    expect(response.headers.get('content-type') ?? '').not.toMatch(/json/);
    expect(sessionCookies(response)).toEqual([]);
    expect(exchanges).toBe(0);
    expect(await sessionCount()).toBe(before);
    // Nothing of the login in progress was used: the provider's real answer still signs in.
    const real = await get(jar, url.pathname + url.search, BROWSER);
    expect(real.headers.get('location')).toBe('/');
    expect(sessionCookies(real)).toHaveLength(1);
    expect(exchanges).toBe(1);
  });

  it('without a login in progress too (Accept: text/html alone, no Sec-Fetch-Mode)', async () => {
    for (const query of ['code=%00&state=x', 'code=c&state=%ED%A0%80', 'code=c&state=x&state=y']) {
      const response = await get(new CookieJar(), `${path}?${query}`, { accept: 'text/html' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(REFUSED);
      expect(sessionCookies(response)).toEqual([]);
    }
  });

  it('a provider not configured (any more): the page that says signing in failed, not JSON', async () => {
    const response = await get(
      new CookieJar(),
      '/api/auth/oidc/nope/callback?code=c&state=x',
      BROWSER,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/inloggen/geweigerd?reden=failed');
    expect(sessionCookies(response)).toEqual([]);
    const api = await get(new CookieJar(), '/api/auth/oidc/nope/callback?code=c&state=x', {
      accept: 'application/json',
    });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('a client without any Accept gets the redirect, as for every other refusal here', async () => {
    const response = await get(new CookieJar(), `${path}?code=%00&state=x`, {});
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(REFUSED);
  });
});

describe('a client that asks for JSON', () => {
  const JSON_ONLY = { accept: 'application/json' };

  it.each([
    ['code=%00&state=x', 'query.code'],
    ['code=c&state=%ED%A0%80', 'query.state'],
    ['code=c&state=x&state=y', 'query.state'],
    [`code=${'a'.repeat(MAX_CALLBACK_VALUE + 1)}&state=x`, 'query.code'],
  ])('%s: 400 problem+json naming %s', async (query, field) => {
    const { jar } = await toCallback();
    const response = await get(jar, `${path}?${query}`, JSON_ONLY);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as { code: string; invalidParams: { name: string }[] };
    expect(body.code).toBe('malformed_request');
    expect(body.invalidParams.map((p) => p.name)).toContain(field);
    expect(sessionCookies(response)).toEqual([]);
    expect(exchanges).toBe(0);
  });

  it('a navigation is a navigation, whatever its Accept says', async () => {
    const response = await get(new CookieJar(), `${path}?code=%00&state=x`, {
      ...JSON_ONLY,
      'sec-fetch-mode': 'navigate',
    });
    expect(response.headers.get('location')).toBe(REFUSED);
  });
});

describe('what the callback still takes', () => {
  it("the provider's extra parameters, once each, and an error it reports", async () => {
    const { jar, url } = await toCallback();
    const response = await get(jar, `${url.pathname}${url.search}&session_state=abc.def`, BROWSER);
    expect(response.headers.get('location')).toBe('/');
    const cancelled = await get(new CookieJar(), `${path}?error=access_denied&state=x`, BROWSER);
    // No login in progress in a fresh browser: the reason is that, not the address.
    expect(cancelled.headers.get('location')).toBe('/inloggen/geweigerd?reden=expired');
  });

  it('callbackQueryProblems and wantsPage', () => {
    expect(callbackQueryProblems('?code=a&state=b&iss=https%3A%2F%2Fidp')).toEqual([]);
    expect(callbackQueryProblems('?a=1&b=2&a=3&a=4').map((p) => p.name)).toEqual(['query.a']);
    expect(callbackQueryProblems(`?${'x'.repeat(101)}=1`).map((p) => p.name)).toEqual([
      'query.(name)',
    ]);
    const many = Array.from({ length: 31 }, (_, i) => `p${i}=1`).join('&');
    expect(callbackQueryProblems(`?${many}`).map((p) => p.name)).toEqual(['query']);
    const page = (headers: Record<string, string>) =>
      wantsPage({ req: { header: (n: string) => headers[n] } } as never);
    expect(page({ accept: 'application/json' })).toBe(false);
    expect(page({ accept: 'application/problem+json, text/html;q=0' })).toBe(false);
    expect(page({ accept: 'application/json, text/html;q=0.5' })).toBe(true);
    expect(page({ accept: '*/*' })).toBe(true);
    expect(page({})).toBe(true);
  });
});
