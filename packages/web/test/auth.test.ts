import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  checkA11y,
  expectHeading,
  expectNoHorizontalScroll,
  login,
  logout,
  openBrowser,
  screenshotOnFailure,
} from './browser';
import { mailedTo } from './mail-drop';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser();
});
screenshotOnFailure(() => browser?.page);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * The one-time link in the mail to an address, read from the mail drop the outbox worker writes
 * (the outbox itself keeps no working link once the mail is sent).
 */
async function mailedLink(email: string, page: string): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s"<]*${page}\\?token=[\\w-]+`);
  const url = new URL((await mailedTo(server, email, pattern)).match[0]);
  return `${server.url}${url.pathname}${url.search}`;
}

describe('accounts in the browser', () => {
  it('shows the home page with a skip link, header, nav and main landmark', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await expectHeading(page, 'Subsidie voor uw bewonersinitiatief', false);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await expect(page.getByRole('main').count()).resolves.toBe(1);
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).resolves.toBe(1);
    // Someone not logged in is asked in correct Dutch, each half a link.
    await page
      .getByRole('main')
      .getByText('Log in of maak een account aan', { exact: true })
      .waitFor();
    await page.getByRole('link', { name: 'Log in', exact: true }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Direct naar de inhoud' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await checkA11y(page, 'home');
  });

  it('refuses a wrong password with an alert and a focused error summary for empty fields', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/inloggen`);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is iets niet goed ingevuld' });
    await summary.waitFor();
    await expect
      .poll(() => summary.evaluate((el) => el === document.activeElement), { timeout: 5000 })
      .toBe(true);
    await summary.getByRole('link', { name: 'Vul uw e-mailadres in.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-email');
    await checkA11y(page, 'login-empty');

    await page.getByRole('textbox', { name: 'E-mailadres' }).fill(server.users.resident.email);
    await page.getByLabel('Wachtwoord').fill('not-the-password');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('alert').filter({ hasText: 'klopt niet' }).waitFor();
    await checkA11y(page, 'login-failed');
  });

  it('logs in, shows who is logged in with which roles, and logs out', async () => {
    const { page } = browser;
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await expectHeading(page, 'Werkvoorraad');
    await page.getByRole('link', { name: 'Mijn gegevens' }).click();
    await expectHeading(page, 'Mijn gegevens');
    const main = page.getByRole('main');
    await expect(main.getByText(server.users.assessor.name).count()).resolves.toBe(1);
    await expect(main.getByText(server.users.assessor.email).count()).resolves.toBe(1);
    await expect(main.getByText('Behandelaar', { exact: true }).count()).resolves.toBe(1);
    await checkA11y(page, 'me-assessor');

    await logout(page);
    await checkA11y(page, 'logged-out');
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);
    await page.goto(`${server.url}/mijn-gegevens`);
    await expectHeading(page, 'Inloggen', false);
  });

  it('registers a resident, who confirms by mail, and switches to English, remembered after a reload', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/registreren`);
    await page.getByRole('textbox', { name: 'Naam' }).fill('Jan de Vries');
    await page.getByRole('textbox', { name: 'E-mailadres' }).fill('jan@example.org');
    await page.getByLabel('Wachtwoord').fill('een-lang-wachtwoord');
    await checkA11y(page, 'register');
    await page.getByRole('button', { name: 'Account aanmaken' }).last().click();
    // The same words whether or not the address was known: the mail says what comes next.
    const sent = page.getByRole('status').filter({ hasText: 'Kijk in uw mailbox' });
    await sent.waitFor();
    // The form and its button are gone: the focus is on the confirmation, not lost to the page.
    expect(
      await sent.evaluate(
        (status) =>
          document.activeElement !== document.body && !!document.activeElement?.contains(status),
      ),
    ).toBe(true);
    await checkA11y(page, 'register-sent');
    const link = await mailedLink('jan@example.org', '/account-bevestigen');
    await page.goto(link);
    await expectHeading(page, 'Mijn aanvragen');
    await page.goto(`${server.url}/regelingen`);
    await expectHeading(page, 'Subsidieregelingen', false);
    await checkA11y(page, 'regulations');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Grant schemes' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Grant schemes' }).waitFor();
    await checkA11y(page, 'regulations-en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Subsidieregelingen' }).waitFor();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
  });

  it('claims an account made at the desk through forgot password: a mailed link, then a password', async () => {
    const { page } = browser;
    const email = 'aan-de-balie@example.org';
    await server.deps.db
      .insertInto('users')
      .values({ email, name: 'Aan de Balie', roles: ['applicant'], password_hash: null })
      .execute();
    await page.goto(`${server.url}/inloggen`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await expectHeading(page, 'Wachtwoord vergeten');
    await checkA11y(page, 'forgot-password');
    await page.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    const sent = page.getByRole('status').filter({ hasText: 'onderweg' });
    await sent.waitFor();
    expect(
      await sent.evaluate(
        (status) =>
          document.activeElement !== document.body && !!document.activeElement?.contains(status),
      ),
    ).toBe(true);
    await checkA11y(page, 'forgot-password-sent');

    const link = await mailedLink(email, '/wachtwoord-instellen');
    await page.goto(link);
    await expectHeading(page, 'Wachtwoord instellen', false);
    await page.getByLabel('Nieuw wachtwoord').fill('Zwaanshals-straatfeest-2026');
    await checkA11y(page, 'set-password');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expectHeading(page, 'Mijn aanvragen');
    await logout(page);

    // The link worked once: a second time it says so, and where to get a new one.
    await page.goto(link);
    await page.getByLabel('Nieuw wachtwoord').fill('Nog-een-ander-wachtwoord-7');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByRole('alert').filter({ hasText: 'link' }).waitFor();
    await expect(
      page.getByRole('link', { name: 'Vraag een nieuwe link aan' }).count(),
    ).resolves.toBe(1);
    await checkA11y(page, 'set-password-used');
    await login(page, server.url, email, 'Zwaanshals-straatfeest-2026');
    await expectHeading(page, 'Mijn aanvragen');
    await logout(page);
  });

  it('holds its layout at 320 CSS pixels wide', async () => {
    const narrow = await openBrowser({ width: 320, height: 640 });
    try {
      const { page } = narrow;
      for (const path of [
        '/',
        '/inloggen',
        '/registreren',
        '/wachtwoord-vergeten',
        '/wachtwoord-instellen?token=x',
        '/regelingen',
      ]) {
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await expectNoHorizontalScroll(page);
      }
      await checkA11y(page, 'regulations-320');
    } finally {
      await narrow.close();
    }
  });
});
