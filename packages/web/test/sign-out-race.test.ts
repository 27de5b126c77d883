/**
 * Signing out while the page still waits for an answer. The server ends the session before it
 * answers the logout, so a read of the page that reaches it meanwhile is refused with 401; the
 * page must not take that for a session that ran out, and the person ends on "U bent uitgelogd",
 * never on the login page saying the session expired. A session that really ends mid-visit
 * (the server refuses a read while nobody signed out) still says so on the login page.
 *
 * The ordering is made, not waited for: a script in the page holds the page's read until the
 * server has answered the logout, hands the page the server's 401 for that read, and gives the
 * app the logout's answer right after the next render is on screen (before React runs that
 * render's effects), as a slow machine sometimes did by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, expectHeading, login, openBrowser, screenshotOnFailure } from './browser';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;

/** Set in localStorage: the next read of the resident's list is held until the logout. */
const ARM = 'test:hold-list-until-logout';

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser();
  await browser.page.addInitScript((arm: string) => {
    const realFetch = window.fetch.bind(window);
    const w = window as unknown as { heldRead?: boolean };
    let held: { input: RequestInfo | URL; init?: RequestInit; resolve(r: Response): void } | null =
      null;
    const urlOf = (input: RequestInfo | URL) =>
      new URL(input instanceof Request ? input.url : String(input), window.location.href);
    window.fetch = async (input, init) => {
      const url = urlOf(input);
      const method = (init?.method ?? 'GET').toUpperCase();
      if (localStorage.getItem(arm) && method === 'GET' && url.pathname === '/api/applications') {
        localStorage.removeItem(arm);
        w.heldRead = true;
        return new Promise<Response>((resolve) => {
          held = { input, init, resolve };
        });
      }
      const read = held;
      if (read && method === 'POST' && /^\/api\/auth\/(oidc\/)?logout$/.test(url.pathname)) {
        held = null;
        // The server ends the session and answers.
        const answer = await realFetch(input, init);
        const body = await answer.text();
        // The page's read reaches the server after that: refused, 401.
        const refused = await realFetch(read.input, read.init);
        // The app reads the 401 first, and the logout's answer just after the next render.
        const rendered = new Promise<void>((done) => {
          const observer = new MutationObserver(() => {
            observer.disconnect();
            done();
          });
          observer.observe(document.body, {
            subtree: true,
            childList: true,
            attributes: true,
            characterData: true,
          });
          setTimeout(() => {
            observer.disconnect();
            done();
          }, 2000);
        });
        read.resolve(refused);
        await rendered;
        const late = new Response(body, { status: answer.status, headers: answer.headers });
        // Read at once, so the app continues before the render's effects run (a task later).
        late.json = () => Promise.resolve(JSON.parse(body));
        late.text = () => Promise.resolve(body);
        return late;
      }
      return realFetch(input, init);
    };
  }, ARM);
});
screenshotOnFailure(() => browser?.page);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('signing out while the page waits for an answer', () => {
  it('ends on the signed-out page, not on the login page saying the session expired', async () => {
    const { page } = browser;
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.evaluate((arm) => localStorage.setItem(arm, '1'), ARM);
    await page.goto(`${server.url}/aanvragen`);
    await page.waitForFunction(() => (window as { heldRead?: boolean }).heldRead === true);

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expectHeading(page, 'U bent uitgelogd', false);
    // Whatever the app does after the last answers, it stays there.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe('/uitgelogd');
    await expect(page.getByText('Uw sessie is verlopen', { exact: false }).count()).resolves.toBe(
      0,
    );
    await page.getByRole('heading', { level: 1, name: 'U bent uitgelogd' }).waitFor();
  });

  it('still says the session expired when the server refuses a read nobody signed out for', async () => {
    const { page } = browser;
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/regelingen`);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await page.waitForLoadState('networkidle');

    // The session ends elsewhere (another tab logs out, or it times out on the server).
    await server.deps.db
      .deleteFrom('sessions')
      .where('user_id', '=', server.users.resident.id)
      .execute();

    await page.getByRole('link', { name: 'Mijn aanvragen' }).click();
    await expectHeading(page, 'Inloggen', false);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/inloggen');
    expect(url.searchParams.get('verlopen')).toBe('1');
    expect(url.searchParams.get('next')).toBe('/aanvragen');
    await page
      .getByRole('status')
      .filter({ hasText: 'Uw sessie is verlopen; log opnieuw in.' })
      .waitFor();
  });
});
