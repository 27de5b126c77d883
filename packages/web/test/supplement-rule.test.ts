/**
 * An answer to a request for information that gives nothing (Awb 4:5) must not end the request
 * and restart the decision clock (4:15). Version 2 of the shipped workflow declares, as
 * data, that the supplement needs an explanation or a file (`x-atLeastOneOf`) and takes files
 * with the event; the resident's form then says so before sending, in Dutch and English, and
 * nothing changes until an explanation or a file is given.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData, onlyFormFields } from '../../api/src/applications/applications.fixtures';
import { supplementRuleVersion } from '../../api/src/applications/supplement-rule.fixture';
import { type ApiAs, apiAs } from './api-as';
import {
  type Browser,
  checkA11y,
  expectHeading,
  login,
  openBrowser,
  screenshotOnFailure,
} from './browser';
import { delfshavenRegulationOn, pngBuffer } from './fixtures';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;
let page: Page;
let resident: ApiAs;
let applicationId = '';
const TITLE = 'Buurtmoestuin Spangen';
const sentence = 'Minstens één hiervan is nodig: Toelichting of Bijlagen.';

screenshotOnFailure(() => page);

beforeAll(async () => {
  server = await startTestServer();
  const db = server.deps.db;
  const now = server.deps.clock();
  // Version 2 declares the rule; version 1 is published and never changes.
  const next = await supplementRuleVersion(db, 'bewonersinitiatief', now);
  const regulationId = await delfshavenRegulationOn(db, 'BI-DELFSHAVEN-2026-V2', next);

  resident = await apiAs(server, server.users.resident.email);
  const assessor = await apiAs(server, server.users.assessor.email);
  const created = await resident('POST', '/api/applications', {
    regulationId,
    data: { ...onlyFormFields(next.definition, demoFormData(now)), title: TITLE },
  });
  applicationId = created.id;
  await resident('POST', `/api/applications/${applicationId}/events`, { type: 'SUBMIT' });
  const asked = await assessor('POST', `/api/applications/${applicationId}/events`, {
    type: 'REQUEST_INFO',
    payload: { message: 'Stuur een offerte voor de plantenbakken mee.', periodDays: 14 },
  });
  expect(asked.state).toBe('info_requested');

  browser = await openBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function current() {
  return resident('GET', `/api/applications/${applicationId}`);
}

describe('an empty answer to a request for information', () => {
  it('is refused by the form with a sentence naming both fields; nothing changes', async () => {
    const before = await current();
    expect(before.clock.suspended).toBe(true);
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${applicationId}`);
    await expectHeading(page, TITLE, false);
    await page.getByText('Stuur een offerte voor de plantenbakken mee.').first().waitFor();
    // The files go with the answer: one file input, the definition's own.
    await expect(page.getByLabel('Bijlagen bij uw aanvulling').count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Aanvullen', exact: true }).click();
    await page.getByRole('link', { name: sentence }).waitFor();
    await expect(page.getByText(sentence).count()).resolves.toBeGreaterThan(1);
    await checkA11y(page, 'supplement-empty-refused');

    // Blank text is nothing either.
    await page.getByLabel('Toelichting').fill('   ');
    await page.getByRole('button', { name: 'Aanvullen', exact: true }).click();
    await page.getByRole('link', { name: sentence }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Supplement', exact: true }).click();
    await page
      .getByRole('link', { name: 'At least one of these is needed: Explanation or Attachments.' })
      .waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();

    const after = await current();
    expect(after.state).toBe('info_requested');
    expect(after.version).toBe(before.version);
    expect(after.clock).toEqual(before.clock);
  });

  it('asks before leaving with unsent input; a file added is ready, not sent', async () => {
    const dialog = page.getByRole('alertdialog', { name: 'Pagina verlaten?' });
    await page.getByLabel('Toelichting').fill('De offerte volgt.');
    await page.getByRole('link', { name: 'Mijn aanvragen' }).first().click();
    await dialog.getByText('U heeft dit formulier nog niet verstuurd.', { exact: false }).waitFor();
    await checkA11y(page, 'supplement-leave-asks');
    await dialog.getByRole('button', { name: 'Op deze pagina blijven' }).click();
    await expectHeading(page, TITLE, false);
    expect(await page.getByLabel('Toelichting').inputValue()).toBe('De offerte volgt.');

    // Chosen with the keyboard: focus stays at the input, and the status says it is not sent.
    const files = page
      .getByLabel('Bijlagen', { exact: true })
      .and(page.locator('input[type=file]'));
    await files.focus();
    await files.setInputFiles({ name: 'schets.png', mimeType: 'image/png', buffer: pngBuffer() });
    await page
      .getByRole('status')
      .filter({
        hasText:
          'schets.png staat klaar. Het is nog niet verstuurd: dat gebeurt met de knop ‘Aanvullen’.',
      })
      .waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('type')))
      .toBe('file');
    await checkA11y(page, 'supplement-file-ready');

    // Taken out again and the text emptied: nothing unsent, leaving does not ask.
    await page.getByRole('button', { name: /^schets\.png verwijderen bij / }).click();
    await page.getByLabel('Toelichting').fill('');
    expect(
      await page.evaluate(() => {
        const e = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      }),
    ).toBe(false);
  });

  it('a file alone answers the request, and the clock runs again', async () => {
    await page.getByLabel('Toelichting').fill('');
    const files = page
      .getByLabel('Bijlagen', { exact: true })
      .and(page.locator('input[type=file]'));
    await files.setInputFiles({
      name: 'offerte-plantenbakken.png',
      mimeType: 'image/png',
      buffer: pngBuffer(),
    });
    await page.getByRole('link', { name: 'offerte-plantenbakken.png' }).waitFor();
    // The file answers the rule: its message goes at once, not only after sending.
    await expect.poll(() => page.getByText(sentence).count()).toBe(0);
    await page.getByRole('button', { name: 'Aanvullen', exact: true }).click();
    await page.getByText('Uw aanvulling is verstuurd.').waitFor();
    const after = await current();
    expect(after.state).toBe('submitted');
    expect(after.clock.suspended).toBe(false);
    // The history names the file that came with the answer, for the resident…
    const withAnswer = 'Bijlagen: offerte-plantenbakken.png';
    await page.getByText(withAnswer, { exact: true }).waitFor();

    // …and for the assessor, on the case: by its name, never by its id.
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${applicationId}`);
    await expectHeading(page, TITLE, false);
    await page.getByText(withAnswer, { exact: true }).first().waitFor();
    const ids = await resident('GET', `/api/applications/${applicationId}/attachments`);
    const main = (await page.getByRole('main').textContent()) ?? '';
    for (const file of (ids as { items: { id: string }[] }).items) {
      expect(main).not.toContain(file.id);
    }
  });
});
