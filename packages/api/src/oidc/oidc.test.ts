import { beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createTestApp, createUser, type TestApp } from '../test/test-app';
import type { TestDatabase } from '../test/test-database';
import {
  bsnHash,
  looksLikeBsn,
  mapStaffRoles,
  openIdToken,
  safeReturnTo,
  sealIdToken,
} from './oidc.service';
import { setUpOidcApp } from './oidc-test-app';
import {
  ACR_DIGID_MIDDEN,
  CLIENTS,
  CookieJar,
  dance,
  foreignKey,
  oidcConfig,
  ROLE_MAP,
  resign,
  startTestProvider,
  TEST_PUBLIC_URL,
  type TestProvider,
} from './oidc-test-kit';

let t: TestDatabase;
let idp: TestProvider;
let app: TestApp;

setUpOidcApp((made) => {
  ({ t, idp, app } = made);
});
beforeEach(() => {
  idp.tamper = null;
});

const origin = TEST_PUBLIC_URL;

async function me(jar: CookieJar) {
  const response = await app.request('/api/me', { headers: { cookie: jar.header(origin) } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function sessionCount(): Promise<number> {
  const row = await t.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('the ways in', () => {
  it('lists the configured providers, and none without configuration', async () => {
    const response = await app.request('/api/auth/providers');
    expect(await response.json()).toEqual([
      { id: 'resident', label: 'Inloggen met DigiD', loginUrl: '/api/auth/oidc/resident/login' },
      { id: 'staff', label: 'Inloggen voor medewerkers', loginUrl: '/api/auth/oidc/staff/login' },
    ]);
    const bare = createTestApp({ db: t.db });
    expect(await (await bare.request('/api/auth/providers')).json()).toEqual([]);
    expect((await bare.request('/api/auth/oidc/resident/login')).status).toBe(404);
    expect((await app.request('/api/auth/oidc/nobody/login')).status).toBe(404);
  });

  it('redirects to the provider with PKCE S256, state and nonce in a short-lived HttpOnly cookie', async () => {
    const response = await app.request('/api/auth/oidc/resident/login?returnTo=/aanvragen');
    expect(response.status).toBe(302);
    const url = new URL(response.headers.get('location')!);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('client_id')).toBe(CLIENTS.resident.id);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get('redirect_uri')).toBe(`${origin}/api/auth/oidc/resident/callback`);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('oidc_login='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=600/);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/);
    // Neither the state nor the verifier is in the cookie; only a handle to the row.
    expect(cookie).not.toContain(url.searchParams.get('state')!);
  });
});

describe('residents', () => {
  it('first DigiD sign-in asks for name and e-mail, then links the subject; BSN only hashed', async () => {
    const jar = new CookieJar();
    const { response } = await dance(
      app,
      jar,
      '/api/auth/oidc/resident/login?returnTo=/aanvragen',
      {
        account: 'fatima',
      },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/inloggen/aanvullen?returnTo=%2Faanvragen');
    expect(jar.get(origin, 'sid')).toBeUndefined();

    const pending = await app.request('/api/auth/oidc/pending', {
      headers: { cookie: jar.header(origin) },
    });
    expect(await pending.json()).toEqual({ provider: 'resident', name: null, email: null });

    const complete = await app.request('/api/auth/oidc/complete', {
      method: 'POST',
      headers: { cookie: jar.header(origin), origin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Fatima El Amrani', email: 'Fatima@Example.org' }),
    });
    expect(complete.status).toBe(200);
    jar.store(origin, complete);
    const body = (await complete.json()) as { user: { roles: string[] }; returnTo: string };
    expect(body.returnTo).toBe('/aanvragen');
    expect(body.user.roles).toEqual(['applicant']);
    expect((await me(jar)).body).toMatchObject({
      email: 'fatima@example.org',
      roles: ['applicant'],
    });

    const identity = await t.db
      .selectFrom('external_identities')
      .selectAll()
      .where('subject', '=', 'fatima')
      .executeTakeFirstOrThrow();
    expect(identity).toMatchObject({
      provider: 'resident',
      issuer: idp.issuer,
      level_of_assurance: ACR_DIGID_MIDDEN,
      bsn_hash: bsnHash(app.deps.config, '999993653'),
    });
    // The BSN is nowhere in clear: not in the identity, the user, or any OIDC table.
    for (const table of [
      'external_identities',
      'users',
      'oidc_sessions',
      'oidc_pending_accounts',
      'oidc_login_states',
    ] as const) {
      const rows = await t.db.selectFrom(table).selectAll().execute();
      expect(JSON.stringify(rows), table).not.toContain('999993653');
    }
    expect(await t.db.selectFrom('oidc_pending_accounts').selectAll().execute()).toEqual([]);

    // The second time, straight in: the subject is linked.
    const again = new CookieJar();
    const second = await dance(app, again, '/api/auth/oidc/resident/login?returnTo=/aanvragen', {
      account: 'fatima',
    });
    expect(second.response.headers.get('location')).toBe('/aanvragen');
    expect((await me(again)).body).toMatchObject({ email: 'fatima@example.org' });
  });

  it('creates the account at once when the provider sends name and e-mail', async () => {
    const jar = new CookieJar();
    const { response } = await dance(app, jar, '/api/auth/oidc/resident/login', {
      account: 'stichting',
    });
    expect(response.headers.get('location')).toBe('/');
    expect((await me(jar)).body).toMatchObject({
      name: 'Stichting Buurtkracht',
      email: 'info@buurtkracht.example',
      roles: ['applicant'],
    });
    const identity = await t.db
      .selectFrom('external_identities')
      .selectAll()
      .where('subject', '=', 'stichting')
      .executeTakeFirstOrThrow();
    expect(identity.pseudonym).toBe('eh-pseudo-4711');
    expect(identity.level_of_assurance).toBe('urn:etoegang:core:assurance-class:loa3');
  });

  it('refuses completing with an e-mail address another account has', async () => {
    await createUser(t.db, { email: 'taken@example.org' });
    const accounts = (await import('./oidc-test-kit')).TEST_ACCOUNTS;
    const other = await startTestProvider(TEST_PUBLIC_URL, [
      { ...accounts[0]!, id: 'someone-else', claims: {} },
    ]);
    try {
      const otherApp = createTestApp({ db: t.db, config: oidcConfig(other.issuer) });
      const jar = new CookieJar();
      await dance(otherApp, jar, '/api/auth/oidc/resident/login', { account: 'someone-else' });
      const complete = await otherApp.request('/api/auth/oidc/complete', {
        method: 'POST',
        headers: { cookie: jar.header(origin), origin, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'X', email: 'taken@example.org' }),
      });
      expect(complete.status).toBe(409);
      expect(
        ((await complete.json()) as { invalidParams: { name: string }[] }).invalidParams[0]!.name,
      ).toBe('email');
      expect(jar.get(origin, 'sid')).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('follows only same-origin relative returnTo paths (no open redirect)', async () => {
    for (const evil of [
      '//evil.example/x',
      'https://evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      const jar = new CookieJar();
      const { response } = await dance(
        app,
        jar,
        `/api/auth/oidc/resident/login?returnTo=${encodeURIComponent(evil)}`,
        { account: 'stichting' },
      );
      expect(response.headers.get('location'), evil).toBe('/');
    }
    expect(safeReturnTo('/aanvragen/12?tab=2#x', origin)).toBe('/aanvragen/12?tab=2#x');
    expect(safeReturnTo('/a\tb', origin)).toBe('/');
    expect(safeReturnTo('/%2F%2Fevil', origin)).toBe('/%2F%2Fevil');
  });
});

describe('staff', () => {
  it('signs in with roles mapped from the groups claim', async () => {
    const jar = new CookieJar();
    const { response } = await dance(
      app,
      jar,
      '/api/auth/oidc/staff/login?returnTo=/werkvoorraad',
      {
        account: 'anouk',
      },
    );
    expect(response.headers.get('location')).toBe('/werkvoorraad');
    expect((await me(jar)).body).toMatchObject({
      email: 'anouk@rotterdam.example',
      name: 'Anouk Behandelaar',
      roles: ['assessor'],
    });
  });

  it('links an existing account by verified e-mail and takes the roles from the IdP', async () => {
    const existing = await createUser(t.db, {
      email: 'kees@rotterdam.example',
      roles: ['assessor'],
    });
    const jar = new CookieJar();
    await dance(app, jar, '/api/auth/oidc/staff/login', { account: 'kees' });
    expect((await me(jar)).body).toMatchObject({ id: existing.id, roles: ['clerk'] });
  });

  it('refuses a staff member whose claim maps to no role, with a clear page and no session', async () => {
    const before = await sessionCount();
    const jar = new CookieJar();
    const { response } = await dance(app, jar, '/api/auth/oidc/staff/login', {
      account: 'stagiair',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/inloggen/geweigerd?reden=no_role');
    expect(jar.get(origin, 'sid')).toBeUndefined();
    expect(await sessionCount()).toBe(before);
    const user = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'sam@rotterdam.example')
      .executeTakeFirst();
    expect(user).toBeUndefined();
  });

  it('maps role claims: strings, arrays, dotted paths; unknown values give nothing', () => {
    expect(mapStaffRoles({ groups: 'sub-desk' }, 'groups', ROLE_MAP)).toEqual(['clerk']);
    expect(
      mapStaffRoles({ groups: ['sub-desk', 'sub-approvers', 'x'] }, 'groups', ROLE_MAP).sort(),
    ).toEqual(['approver', 'clerk']);
    expect(
      mapStaffRoles({ realm_access: { roles: ['sub-assessors'] } }, 'realm_access.roles', ROLE_MAP),
    ).toEqual(['assessor']);
    expect(mapStaffRoles({ groups: ['toString', 'constructor'] }, 'groups', ROLE_MAP)).toEqual([]);
    expect(mapStaffRoles({}, 'groups', ROLE_MAP)).toEqual([]);
  });
});

describe('refused', () => {
  async function toCallback(provider: 'resident' | 'staff' = 'staff', account = 'anouk') {
    const jar = new CookieJar();
    const { callbackUrl } = await dance(app, jar, `/api/auth/oidc/${provider}/login`, {
      account,
      stopAtCallback: true,
    });
    return { jar, callback: new URL(callbackUrl!) };
  }

  async function callback(jar: CookieJar, url: URL) {
    const response = await app.request(url.pathname + url.search, {
      headers: { cookie: jar.header(origin) },
    });
    jar.store(origin, response);
    return response;
  }

  async function expectRefused(response: Response, jar: CookieJar, reason = 'failed') {
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/inloggen/geweigerd?reden=${reason}`);
    expect(response.headers.getSetCookie().filter((c) => /^sid=[^;]/.test(c))).toEqual([]);
    void jar;
  }

  it('accepts an untouched (re-signed) ID token: the tampering itself breaks nothing', async () => {
    idp.tamper = async (body) => ({
      ...body,
      id_token: await resign(body.id_token!, {}, idp.signingKey),
    });
    const { jar, callback: url } = await toCallback();
    const response = await callback(jar, url);
    expect(response.headers.get('location')).toBe('/');
    expect(jar.get(origin, 'sid')).toBeDefined();
  });

  it('a wrong state', async () => {
    const before = await sessionCount();
    const { jar, callback: url } = await toCallback();
    url.searchParams.set('state', 'not-the-state-we-sent');
    await expectRefused(await callback(jar, url), jar);
    expect(await sessionCount()).toBe(before);
    // The login in progress is used up: the right state does not work after a wrong one.
    const original = new URL(url);
    await expectRefused(await callback(jar, original), jar, 'expired');
  });

  it('a callback without the login cookie (another browser)', async () => {
    const { callback: url } = await toCallback();
    await expectRefused(await callback(new CookieJar(), url), new CookieJar(), 'expired');
  });

  it('a replayed code: the same callback again, and the code under a fresh login', async () => {
    const { jar, callback: url } = await toCallback();
    const first = await callback(jar, url);
    expect(first.headers.get('location')).toBe('/');
    // The same redirect again (browser back, or an attacker who saw the URL).
    await expectRefused(await callback(jar, url), jar, 'expired');
    // The old code under a fresh, valid login (state and cookie right): the provider refuses it.
    const fresh = new CookieJar();
    const start = await app.request('/api/auth/oidc/staff/login');
    fresh.store(origin, start);
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const replay = new URL(url);
    replay.searchParams.set('state', state);
    await expectRefused(await callback(fresh, replay), fresh);
  });

  it('an expired ID token', async () => {
    idp.tamper = async (body) => {
      const now = Math.floor(Date.now() / 1000);
      return {
        ...body,
        id_token: await resign(
          body.id_token!,
          { iat: now - 7200, exp: now - 3600 },
          idp.signingKey,
        ),
      };
    };
    const { jar, callback: url } = await toCallback();
    await expectRefused(await callback(jar, url), jar);
  });

  it('a wrongly signed ID token (another key, same kid)', async () => {
    const other = await foreignKey(idp.signingKey.kid!);
    idp.tamper = async (body) => ({ ...body, id_token: await resign(body.id_token!, {}, other) });
    const { jar, callback: url } = await toCallback();
    await expectRefused(await callback(jar, url), jar);
  });

  it('an ID token for another audience', async () => {
    idp.tamper = async (body) => ({
      ...body,
      id_token: await resign(body.id_token!, { aud: 'some-other-client' }, idp.signingKey),
    });
    const { jar, callback: url } = await toCallback();
    await expectRefused(await callback(jar, url), jar);
  });

  it('an ID token from another issuer, or with another nonce', async () => {
    for (const change of [{ iss: 'https://evil.example' }, { nonce: 'other-nonce' }]) {
      idp.tamper = async (body) => ({
        ...body,
        id_token: await resign(body.id_token!, change, idp.signingKey),
      });
      const { jar, callback: url } = await toCallback();
      await expectRefused(await callback(jar, url), jar);
    }
  });

  it('a person who cancels at the provider', async () => {
    const jar = new CookieJar();
    const start = await app.request('/api/auth/oidc/resident/login');
    jar.store(origin, start);
    const provider = new URL(start.headers.get('location')!).origin;
    let response = await fetch(start.headers.get('location')!, { redirect: 'manual' });
    jar.store(provider, response);
    const interaction = new URL(response.headers.get('location')!, provider);
    response = await fetch(`${interaction.href}/abort`, {
      method: 'POST',
      headers: { cookie: jar.header(provider) },
      redirect: 'manual',
    });
    jar.store(provider, response);
    response = await fetch(new URL(response.headers.get('location')!, provider), {
      headers: { cookie: jar.header(provider) },
      redirect: 'manual',
    });
    const url = new URL(response.headers.get('location')!);
    expect(url.searchParams.get('error')).toBe('access_denied');
    await expectRefused(await callback(jar, url), jar, 'cancelled');
  });
});

describe('logout', () => {
  it('ends the session here and returns the URL that ends it at the provider', async () => {
    const jar = new CookieJar();
    await dance(app, jar, '/api/auth/oidc/staff/login', { account: 'anouk' });
    const response = await app.request('/api/auth/oidc/logout', {
      method: 'POST',
      headers: { cookie: jar.header(origin), origin },
    });
    expect(response.status).toBe(200);
    jar.store(origin, response);
    const { logoutUrl } = (await response.json()) as { logoutUrl: string };
    const url = new URL(logoutUrl);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${origin}/uitgelogd`);
    expect(jar.get(origin, 'sid')).toBeUndefined();
    // The provider accepts the hint and asks to confirm.
    const confirm = await fetch(url, { headers: { cookie: jar.header(idp.issuer) } });
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('op.logoutForm');
  });

  it('gives no logoutUrl for a password session, and still logs out', async () => {
    const user = await createUser(t.db, {});
    const { loginAs } = await import('../test/test-app');
    const cookie = await loginAs(app, user.email!);
    const response = await app.request('/api/auth/oidc/logout', {
      method: 'POST',
      headers: { cookie, origin },
    });
    expect(await response.json()).toEqual({ logoutUrl: null });
    expect((await app.request('/api/me', { headers: { cookie } })).status).toBe(401);
  });
});

describe('secrets and configuration', () => {
  it('recognises a BSN by the eleven test and hashes it with the key', () => {
    expect(looksLikeBsn('999993653')).toBe(true);
    expect(looksLikeBsn('123456789')).toBe(false);
    expect(looksLikeBsn('fatima')).toBe(false);
    const a = bsnHash({ bsnHashKey: 'k'.repeat(32) }, '999993653');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(bsnHash({ bsnHashKey: 'j'.repeat(32) }, '999993653'));
  });

  it('seals stored ID tokens', () => {
    const config = { sessionSecret: 's'.repeat(40) };
    const sealed = sealIdToken(config, 'eyJ.header.sig');
    expect(sealed).not.toContain('eyJ');
    expect(openIdToken(config, sealed)).toBe('eyJ.header.sig');
    expect(openIdToken({ sessionSecret: 't'.repeat(40) }, sealed)).toBeNull();
  });

  it('reads the OIDC variables and names the wrong one', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      OIDC_STAFF_ISSUER: 'https://idp.rotterdam.example',
      OIDC_STAFF_CLIENT_ID: 'initiatief',
      OIDC_STAFF_CLIENT_SECRET: 'secret',
      OIDC_STAFF_ROLE_MAP: 'groups:sub-assessors=assessor, groups:sub-approvers=approver,x=admin',
    });
    expect(config.oidcResident).toBeUndefined();
    expect(config.oidcStaff).toMatchObject({
      issuer: 'https://idp.rotterdam.example',
      scopes: 'openid profile email',
      roleClaim: 'groups',
      roleMap: {
        'groups:sub-assessors': ['assessor'],
        'groups:sub-approvers': ['approver'],
        x: ['admin'],
      },
    });
    expect(() => loadConfig({ NODE_ENV: 'test', OIDC_STAFF_ROLE_MAP: 'a=applicant' })).toThrow(
      /OIDC_STAFF_ROLE_MAP/,
    );
    expect(() => loadConfig({ OIDC_RESIDENT_ISSUER: 'https://broker.example' })).toThrow(
      /OIDC_RESIDENT_CLIENT_ID/,
    );
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(40),
        OIDC_RESIDENT_ISSUER: 'https://broker.example',
        OIDC_RESIDENT_CLIENT_ID: 'c',
      }),
    ).toThrow(/BSN_HASH_KEY/);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DEMO_OIDC: '1' }),
    ).toThrow(/DEMO_OIDC/);
  });
});
