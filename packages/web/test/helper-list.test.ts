/**
 * Someone authorised to act for a resident (a daughter, a volunteer of a wijkhub) finds that
 * resident's application in "Mijn aanvragen", between their own: each such row says for whom it
 * is, or the helper cannot tell their neighbour's street party from their own. And the resident
 * who takes the mandate back with the keyboard keeps her place on the page. Once the application
 * has ended (withdrawn), no one new is authorised on it: the panel only lists who was.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { createUser } from '../../api/src/test/test-app';
import { apiAs } from './api-as';
import { checkA11y, expectHeading, login, logout } from './browser';
import { setUpBrowserTest } from './kit';
import { PASSWORD, type TestServer } from './server';

let server: TestServer;
let page: Page;
let theirsId = '';
const HELPER = { email: 'zeynep@example.org', name: 'Zeynep Yıldız' };

setUpBrowserTest(async (started) => {
  ({ server, page } = started);
  await createUser(server.deps.db, { ...HELPER, roles: ['applicant'], password: PASSWORD });
  const helper = await apiAs(server, HELPER.email);
  await helper('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: demoFormData(server.deps.clock(), { title: 'Repair café Bospolder' }),
  });
  const resident = await apiAs(server, server.users.resident.email);
  const theirs = await resident('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: demoFormData(server.deps.clock(), { title: 'Straatfeest Mathenesserlaan' }),
  });
  theirsId = theirs.id;
  await resident('POST', `/api/applications/${theirs.id}/authorisations`, {
    email: HELPER.email,
  });
});

describe('a helper’s list of applications', () => {
  it('names the resident of an application the helper acts on, in Dutch and English', async () => {
    await login(page, server.url, HELPER.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen`);
    await expectHeading(page, 'Mijn aanvragen', false);
    const row = (title: string) =>
      page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    await row('Straatfeest Mathenesserlaan')
      .getByText(`Namens ${server.users.resident.name}`)
      .waitFor();
    // Their own application says nothing of the kind.
    expect(await row('Repair café Bospolder').getByText('Namens').count()).toBe(0);
    await checkA11y(page, 'helper-list');

    await page.getByRole('button', { name: 'English' }).click();
    await expectHeading(page, 'My applications', false);
    await row('Straatfeest Mathenesserlaan')
      .getByText(`On behalf of ${server.users.resident.name}`)
      .waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  it('the resident revokes the mandate with the keyboard; the focus stays in the panel', async () => {
    await logout(page);
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${theirsId}`);
    await expectHeading(page, 'Straatfeest Mathenesserlaan', false);
    const revoke = page.getByRole('button', { name: `Machtiging intrekken van ${HELPER.name}` });
    await revoke.focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `De machtiging van ${HELPER.name} is ingetrokken.` })
      .waitFor();
    // The button went with its row: the focus moves to the panel's heading, not the page's start.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Iemand machtigen');
    await checkA11y(page, 'mandate-revoked');
  });

  it('a withdrawn application offers no one new to authorise; the mandates stay, read-only', async () => {
    const resident = await apiAs(server, server.users.resident.email);
    await resident('POST', `/api/applications/${theirsId}/authorisations`, {
      email: HELPER.email,
    });
    await resident('POST', `/api/applications/${theirsId}/events`, {
      type: 'WITHDRAW',
      payload: {},
    });
    await page.goto(`${server.url}/aanvragen/${theirsId}`);
    await expectHeading(page, 'Straatfeest Mathenesserlaan', false);
    await page.getByRole('cell', { name: HELPER.name, exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Machtigen' }).count()).toBe(0);
    expect(await page.getByLabel('E-mailadres van het account van die persoon').count()).toBe(0);
    expect(await page.getByText('Iemand machtigen').count()).toBe(0);
    // Revoking stays: the helper can still read the closed application until she does.
    expect(
      await page.getByRole('button', { name: `Machtiging intrekken van ${HELPER.name}` }).count(),
    ).toBe(1);
    await page
      .getByRole('region', { name: 'Machtigingen' })
      .getByRole('cell', { name: HELPER.name, exact: true })
      .waitFor();
    await checkA11y(page, 'mandate-ended');
  });
});
