/**
 * The form is the definition's, not the web's: a regulation pointed at the second shipped
 * workflow (klein buurtbudget) gets that workflow's pages, labels and rules, with no code for it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertRegulation } from '../../api/src/regulations/regulations.repository';
import {
  type Browser,
  checkA11y,
  expectHeading,
  expectNoHorizontalScroll,
  login,
  openBrowser,
  screenshotOnFailure,
} from './browser';
import { addDays } from './fixtures';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  await upsertRegulation(server.deps.db, {
    code: 'KB-FEIJENOORD-2026',
    title: 'Klein buurtbudget Feijenoord 2026',
    district: 'Feijenoord',
    year: 2026,
    ceilingCents: 5_000_000,
    maxAmountCents: 150_000,
    directSettlementThresholdCents: 150_000,
    decisionTermWeeks: 4,
    reportDueWeeks: 12,
    opensOn: '2026-01-01',
    closesOn: '2026-12-31',
    workflowKey: 'klein-buurtbudget',
    workflowVersion: 1,
  });
  browser = await openBrowser();
  page = browser.page;
});
screenshotOnFailure(() => browser?.page);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a second workflow through the same screens', () => {
  it('a resident fills in the klein buurtbudget form its definition declares, and submits', async () => {
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/regelingen`);
    await expectHeading(page, 'Subsidieregelingen', false);
    await page
      .getByRole('region', { name: 'Klein buurtbudget Feijenoord 2026' })
      .getByRole('button', { name: 'Aanvraag starten' })
      .click();
    await expectHeading(page, 'Stap 1 van 6: Uw activiteit');
    await page.getByText('Klein buurtbudget', { exact: false }).first().waitFor();
    await page.getByLabel('Naam van uw initiatief').fill('Buurtbarbecue Afrikaanderwijk');
    await page
      .getByLabel('Beschrijving')
      .fill('Een barbecue op het plein voor alle buren, met muziek en spelletjes.');
    await page.getByLabel('Wijk').selectOption('Feijenoord');
    await page.getByLabel('Datum van de activiteit').fill(addDays(server.today(), 40));
    await checkA11y(page, 'kb-1-activity');
    await page.getByRole('button', { name: 'Volgende stap' }).click();

    await expectHeading(page, 'Stap 2 van 6: Kosten');
    await page.getByRole('button', { name: 'Regel toevoegen aan Begroting' }).click();
    const line = page.getByRole('group', { name: 'Begroting, regel 1' });
    await line.getByLabel('Omschrijving').fill('Houtskool en eten');
    // Over the regulation's maximum: said at once, in euro.
    await line.getByLabel('Bedrag').fill('2.000');
    await page.getByText('Het totaal is hoger dan het maximum van deze regeling.').waitFor();
    await line.getByLabel('Bedrag').fill('1.250,00');
    await page.getByText('Totaal aangevraagd: € 1.250,00').waitFor();
    await page.getByRole('button', { name: 'Volgende stap' }).click();

    // A field the first workflow does not have, found by its label in the definition.
    await expectHeading(page, 'Stap 3 van 6: Betaalgegevens');
    await page.getByLabel('IBAN-rekeningnummer').fill('NL91 ABNA 0417 1643 00');
    await page.getByLabel('Naam van de rekeninghouder').fill('F. el Amrani');
    await page.getByRole('button', { name: 'Volgende stap' }).click();

    await expectHeading(page, 'Stap 4 van 6: Contact');
    await page.getByLabel('Telefoonnummer').fill('010 123 45 67');
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await expectHeading(page, 'Stap 5 van 6: Bijlagen');
    await page.getByRole('button', { name: 'Volgende stap' }).click();

    await expectHeading(page, 'Stap 6 van 6: Controleren en versturen');
    await page.getByText('Naam van de rekeninghouder').waitFor();
    await page.getByText('F. el Amrani').waitFor();
    await checkA11y(page, 'kb-6-review');
    await page.setViewportSize({ width: 320, height: 800 });
    try {
      await expectNoHorizontalScroll(page);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await expectHeading(page, 'Buurtbarbecue Afrikaanderwijk');
    await page.getByText('Uw aanvraag is ingediend', { exact: false }).first().waitFor();
    await page.getByRole('main').getByText('Ingediend', { exact: true }).first().waitFor();
    // The case page lists the data under the second workflow's own page titles.
    await page.getByRole('heading', { name: 'Betaalgegevens' }).waitFor();
    await checkA11y(page, 'kb-submitted');
    expect(page.url()).toContain('/aanvragen/');
  });
});
