/**
 * The case page tells the assessor how the applicant is reached before she writes to her: a
 * resident the desk filed for without e-mail gets her letters by post at the address shown, has
 * a phone number to call, and does not see the application online. The resident's own page
 * shows none of it. Read in Chromium, with axe on both pages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { apiAs } from './api-as';
import {
  type Browser,
  checkA11y,
  expectHeading,
  login,
  openBrowser,
  screenshotOnFailure,
} from './browser';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;
let page: Page;

screenshotOnFailure(() => page);

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The overview's value for a key, as the page shows it. */
async function overview(key: string): Promise<string> {
  const item = page.locator('.utrecht-data-list__item', {
    has: page.locator('.utrecht-data-list__item-key', { hasText: key }),
  });
  return ((await item.locator('.utrecht-data-list__item-value').textContent()) ?? '').trim();
}

describe('the case page: how the applicant is reached', () => {
  it('names post and address, her phone, and that she is not online; the resident sees none', async () => {
    const clerk = await apiAs(server, server.users.clerk.email);
    const ayse = await clerk('POST', '/api/users', {
      name: 'Ayşe Yıldız-Çelik',
      street: 'Zwart Janstraat 12b',
      postcode: '3035 AT',
      city: 'Rotterdam',
      phone: '06 12 34 56 78',
    });
    const app = await clerk('POST', '/api/applications', {
      regulationId: server.regulationId,
      applicantId: ayse.id,
      data: { ...demoFormData(server.deps.clock()), title: 'Buurtfeest Afrikaanderwijk' },
    });
    await clerk('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });

    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${app.id}`);
    await expectHeading(page, 'Buurtfeest Afrikaanderwijk', false);
    await page.getByText('Brieven en besluiten', { exact: true }).waitFor();
    expect(await overview('Brieven en besluiten')).toBe(
      'Per post naar Zwart Janstraat 12b, 3035 AT Rotterdam',
    );
    expect(await overview('Telefoon')).toBe('06 12 34 56 78');
    expect(await page.getByRole('link', { name: '06 12 34 56 78' }).getAttribute('href')).toBe(
      'tel:0612345678',
    );
    expect(await overview('Online')).toBe(
      'Kan niet inloggen (geen e-mailadres of DigiD) en ziet de aanvraag niet online',
    );
    await checkA11y(page, 'case-applicant-contact');

    // In English the same rows read in English.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByText('Letters and decisions', { exact: true }).waitFor();
    expect(await overview('Letters and decisions')).toBe(
      'By post to Zwart Janstraat 12b, 3035 AT Rotterdam',
    );
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
    await page.getByText('Brieven en besluiten', { exact: true }).waitFor();
  });

  it('shows a resident with e-mail as reached by e-mail and online; her own page has no such rows', async () => {
    const resident = await apiAs(server, server.users.resident.email);
    await resident('PUT', '/api/me/letter-channel', { channel: 'email' });
    const app = await resident('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: { ...demoFormData(server.deps.clock()), title: 'Speeltuindag Spangen' },
    });
    await resident('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });

    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${app.id}`);
    await expectHeading(page, 'Speeltuindag Spangen', false);
    await page.getByText('Brieven en besluiten', { exact: true }).waitFor();
    expect(await overview('Brieven en besluiten')).toBe(
      `Per e-mail naar ${server.users.resident.email}`,
    );
    expect(await overview('Online')).toBe('Kan inloggen en volgt de aanvraag online');
    const keys = page.locator('.utrecht-data-list__item-key');
    expect(await keys.filter({ hasText: 'Telefoon' }).count()).toBe(0);

    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${app.id}`);
    await expectHeading(page, 'Speeltuindag Spangen', false);
    expect(await page.getByText('Brieven en besluiten', { exact: true }).count()).toBe(0);
    expect(await page.getByText('Kan inloggen en volgt', { exact: false }).count()).toBe(0);
    await checkA11y(page, 'resident-no-contact');
  });
});
