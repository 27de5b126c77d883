/**
 * Issue 19: someone registers a staff member's address with their own password. The account
 * waits for its confirmation link; when the staff member then signs in through the
 * municipality's IdP (which vouches for the address), that stranger's password must not come
 * along, not even if the staff member follows the confirmation link afterwards.
 */
import { describe, expect, it } from 'vitest';
import { call, type TestApp } from '../test/test-app';
import type { TestDatabase } from '../test/test-database';
import { setUpOidcApp } from './oidc-test-app';
import { CookieJar, dance, TEST_PUBLIC_URL as TEST_ORIGIN } from './oidc-test-kit';

let t: TestDatabase;
let app: TestApp;

setUpOidcApp((made) => {
  ({ t, app } = made);
});

const STRANGER_PASSWORD = 'Aanvaller-wachtwoord-2026';

describe('a registration on a staff address, never confirmed', () => {
  it('loses its password when the IdP links the account', async () => {
    const email = 'anouk@rotterdam.example';
    const registered = await call(app, 'POST', '/api/auth/register', {
      json: { email, password: STRANGER_PASSWORD, name: 'Vreemde' },
    });
    expect(registered.status).toBe(202);
    const mail = await t.db
      .selectFrom('outbox')
      .select('body')
      .where('recipient_email', '=', email)
      .executeTakeFirstOrThrow();
    const token = /account-bevestigen\?token=([\w-]+)/.exec(mail.body ?? '')![1];

    const jar = new CookieJar();
    await dance(app, jar, '/api/auth/oidc/staff/login', { account: 'anouk' });
    const me = await app.request('/api/me', { headers: { cookie: jar.header(TEST_ORIGIN) } });
    const body = (await me.json()) as { email: string; roles: string[] };
    expect(body.email).toBe(email);
    expect(body.roles).toContain('assessor');

    const confirm = await call(app, 'POST', '/api/auth/confirm', { json: { token } });
    expect(confirm.status).toBe(422);
    const login = await call(app, 'POST', '/api/auth/login', {
      json: { email, password: STRANGER_PASSWORD },
    });
    expect(login.status).toBe(401);
  });
});
