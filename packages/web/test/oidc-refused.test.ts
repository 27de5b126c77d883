/**
 * The identity provider's redirect back with an address the API refuses (odd bytes, a parameter
 * twice), reached as a browser reaches it: a top-level navigation. The person lands on the
 * refusal page, which says in words that signing in did not work and offers to try again, in
 * Dutch, or in English when that is their language; never JSON in the window.
 */
import { describe, expect, it } from 'vitest';
import { type Browser, checkA11y, expectHeading } from './browser';
import { setUpOidcBrowser } from './oidc-kit';
import type { TestServer } from './server';

let server: TestServer;
let browser: Browser;

setUpOidcBrowser((rig) => {
  ({ server, browser } = rig);
});

describe('the callback with a hostile address, in the browser', () => {
  it('a NUL as the code: the refusal page in Dutch, with a way to try again, nobody logged in', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/api/auth/oidc/resident/callback?code=%00&state=x`);
    await expectHeading(page, 'Inloggen is niet gelukt', false);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/inloggen/geweigerd');
    expect(url.searchParams.get('reden')).toBe('unreadable');
    await page
      .getByRole('alert')
      .filter({ hasText: 'Het antwoord van de inlogdienst kon niet worden gelezen' })
      .waitFor();
    const again = page.getByRole('link', { name: 'Opnieuw inloggen' });
    expect(await again.getAttribute('href')).toBe('/inloggen');
    await checkA11y(page, 'oidc-refused-unreadable');
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
  });

  it('in English for a person who chose English: a lone surrogate, then the state twice', async () => {
    const { page } = browser;
    await page.evaluate(() => localStorage.setItem('initiatief.locale', 'en'));
    for (const query of ['code=c&state=%ED%A0%80', 'code=c&state=x&state=y']) {
      await page.goto(`${server.url}/api/auth/oidc/staff/callback?${query}`);
      await expectHeading(page, 'Logging in did not succeed', false);
      expect(new URL(page.url()).searchParams.get('reden')).toBe('unreadable');
      await page
        .getByRole('alert')
        .filter({ hasText: 'The answer from the login service could not be read' })
        .waitFor();
      await page.getByRole('link', { name: 'Log in again' }).waitFor();
    }
    // A script that asks for JSON gets the problem, not the page.
    const asked = await page.evaluate(async () => {
      const res = await fetch('/api/auth/oidc/staff/callback?code=%00&state=x', {
        headers: { accept: 'application/json' },
        redirect: 'manual',
      });
      return { status: res.status, type: res.headers.get('content-type') };
    });
    expect(asked).toEqual({ status: 400, type: expect.stringMatching(/problem\+json/) });
    await page.evaluate(() => localStorage.removeItem('initiatief.locale'));
  });
});
