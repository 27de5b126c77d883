/**
 * A channel per resident (issue 18, Awb 2:14) in Chromium: a resident chooses post or e-mail on
 * "Mijn gegevens", a clerk records the choice at the desk, and the server keeps what they chose.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  checkA11y,
  expectHeading,
  login,
  logout,
  openBrowser,
  screenshotOnFailure,
} from './browser';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser();
  page = browser.page;
});
screenshotOnFailure(() => browser?.page);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The channel the server keeps for the resident. */
async function storedChannel(): Promise<string> {
  const row = await server.deps.db
    .selectFrom('users')
    .select('letter_channel')
    .where('id', '=', server.users.resident.id)
    .executeTakeFirstOrThrow();
  return row.letter_channel;
}

describe('letters by post or by e-mail', () => {
  it('a resident chooses post on her profile, and e-mail again', async () => {
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.getByRole('link', { name: 'Mijn gegevens' }).click();
    await expectHeading(page, 'Mijn gegevens');
    const choice = page.getByRole('group', { name: 'Hoe wilt u brieven en besluiten ontvangen?' });
    // She applied online with an address: e-mail until she says otherwise.
    expect(await choice.getByRole('radio', { name: 'Per e-mail' }).isChecked()).toBe(true);
    await checkA11y(page, 'profile-channel');

    // With the keyboard: the focus stays on the button, not thrown back to the page's start.
    await choice.getByRole('radio', { name: 'Per post' }).check();
    const save = page.getByRole('button', { name: 'Keuze opslaan' });
    await save.focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: 'Opgeslagen: brieven gaan voortaan per post.' })
      .waitFor();
    expect(await storedChannel()).toBe('paper');
    expect(await save.evaluate((el) => el === document.activeElement)).toBe(true);
    await checkA11y(page, 'profile-channel-paper');

    // After a reload the page shows what the server kept.
    await page.reload();
    await expectHeading(page, 'Mijn gegevens', false);
    const again = page.getByRole('group', { name: 'Hoe wilt u brieven en besluiten ontvangen?' });
    await again.getByRole('radio', { name: 'Per post' }).waitFor();
    await expect.poll(() => again.getByRole('radio', { name: 'Per post' }).isChecked()).toBe(true);

    await again.getByRole('radio', { name: 'Per e-mail' }).check();
    await page.getByRole('button', { name: 'Keuze opslaan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Opgeslagen: brieven gaan voortaan per e-mail.' })
      .waitFor();
    expect(await storedChannel()).toBe('email');
    await logout(page);
  });

  it('a clerk records at the desk that the resident wants letters by post', async () => {
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await expectHeading(page, 'Aanvraag namens een bewoner');
    await page.getByLabel('Naam of e-mailadres').fill('Fatima');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('button', { name: `Kies ${server.users.resident.name}` }).click();
    const choice = page.getByRole('group', {
      name: 'Hoe ontvangt de bewoner brieven en besluiten?',
    });
    await choice.getByRole('radio', { name: 'Per e-mail' }).waitFor();
    await expect
      .poll(() => choice.getByRole('radio', { name: 'Per e-mail' }).isChecked())
      .toBe(true);
    await choice.getByRole('radio', { name: 'Per post' }).check();
    await page.getByRole('button', { name: 'Keuze opslaan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Opgeslagen: brieven gaan voortaan per post.' })
      .waitFor();
    expect(await storedChannel()).toBe('paper');
    await checkA11y(page, 'desk-channel-paper');
    await logout(page);

    // The resident sees the clerk's record on her own profile.
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/mijn-gegevens`);
    await expectHeading(page, 'Mijn gegevens', false);
    const own = page.getByRole('group', { name: 'Hoe wilt u brieven en besluiten ontvangen?' });
    await own.getByRole('radio', { name: 'Per post' }).waitFor();
    await expect.poll(() => own.getByRole('radio', { name: 'Per post' }).isChecked()).toBe(true);
  });
});
