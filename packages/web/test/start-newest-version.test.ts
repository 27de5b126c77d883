/**
 * Starting an application on a regulation of the newest shipped workflow version, as a resident
 * and at the desk. Version 2 has no district field (the regulation decides it); the web named
 * that field when it started an application, so on version 2 every start was refused ("Het veld
 * district hoort niet bij dit formulier"). At the desk the questions speak of the initiative
 * ("Naam van het initiatief"), not to the clerk. Version 6 asks the applicant to state she is 18
 * or older, Rotterdam's rule: the application is not sent until she ticks it. The other web tests
 * start on version 1.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData, onlyFormFields } from '../../api/src/applications/applications.fixtures';
import {
  newestShipped,
  readShippedDefinitions,
} from '../../api/src/definitions/definitions.repository';
import { upsertRegulation } from '../../api/src/regulations/regulations.repository';
import { apiAs } from './api-as';
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
import { newestShippedVersion } from './versions';

let server: TestServer;
let browser: Browser;
let page: Page;
const TITLE = 'Bewonersinitiatieven Feijenoord 2026';
let regulationId = '';

beforeAll(async () => {
  server = await startTestServer();
  regulationId = await upsertRegulation(server.deps.db, {
    code: 'BI-FEIJENOORD-2026',
    title: TITLE,
    district: 'Feijenoord',
    year: 2026,
    ceilingCents: 25_000_000,
    maxAmountCents: 1_000_000,
    directSettlementThresholdCents: 0,
    decisionTermWeeks: 8,
    reportDueWeeks: 12,
    opensOn: '2026-01-01',
    closesOn: '2026-12-31',
    workflowKey: 'bewonersinitiatief',
    workflowVersion: await newestShippedVersion('bewonersinitiatief'),
  });
  browser = await openBrowser();
  page = browser.page;
});
screenshotOnFailure(() => browser?.page);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Types the application's name into its question, as the resident or the desk reads it. */
const savedTitle = async (title: string, label = 'Naam van uw initiatief') => {
  await page.getByLabel(label, { exact: true }).fill(title);
  await page
    .getByRole('status')
    .filter({ hasText: /Opgeslagen om/ })
    .first()
    .waitFor();
};

describe('an application on the newest version of the workflow', () => {
  it('a resident starts one from the regulations page', async () => {
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/regelingen`);
    await expectHeading(page, 'Subsidieregelingen', false);
    await page
      .getByRole('region', { name: TITLE })
      .getByRole('button', { name: 'Aanvraag starten' })
      .click();
    await expectHeading(page, /^Stap 1 van \d+: /);
    await page.getByText(`Voor de regeling ${TITLE}, wijk Feijenoord`).waitFor();
    expect(await page.getByLabel('Wijk').count()).toBe(0);
    await savedTitle('Buurtkeuken Afrikaanderwijk');
    await checkA11y(page, 'start-newest-version');
    await logout(page);
  });

  it('a clerk starts one for a resident at the desk', async () => {
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await expectHeading(page, 'Aanvraag namens een bewoner');
    await page.getByLabel('Naam of e-mailadres').fill('Fatima');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('button', { name: `Kies ${server.users.resident.name}` }).click();
    const regulation = page.getByLabel('Regeling');
    const option = regulation.locator('option', { hasText: TITLE });
    await regulation.selectOption((await option.getAttribute('value'))!);
    await page.getByRole('button', { name: 'Aanvraag starten' }).click();
    await expectHeading(page, /^Stap 1 van \d+: /);
    await page.getByText(`Voor de regeling ${TITLE}, wijk Feijenoord`).waitFor();
    // The desk fills it in for her: the question speaks of the initiative, not to the clerk.
    await savedTitle('Taalcafé Katendrecht', 'Naam van het initiatief');
    expect(await page.getByLabel('Naam van uw initiatief', { exact: true }).count()).toBe(0);
    await logout(page);
  });

  it('is sent only once the resident states she is 18 or older', async () => {
    const newest = newestShipped(await readShippedDefinitions(), 'bewonersinitiatief')!;
    const { adult: _, ...unticked } = onlyFormFields(
      newest,
      demoFormData(server.deps.clock(), { district: 'Feijenoord' }),
    );
    const resident = await apiAs(server, server.users.resident.email);
    const app = await resident('POST', '/api/applications', {
      regulationId,
      data: { ...unticked, title: 'Buurtfeest Bloemhof' },
    });
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${app.id}/bewerken/controleren`);
    await expectHeading(page, /^Stap \d+ van \d+: Controleren en versturen$/, false);
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    // The summary names the statement in her words and leads to the box on its page.
    await page.getByRole('link', { name: 'Vink aan: Ik ben 18 jaar of ouder.' }).click();
    await expectHeading(page, /^Stap \d+ van \d+: Betaalgegevens$/, false);
    await page
      .getByText(
        'Daarna verklaart u dat u 18 jaar of ouder bent: dat is een voorwaarde van de regeling.',
      )
      .waitFor();
    const adult = page.getByRole('checkbox', { name: 'Ik ben 18 jaar of ouder.' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 5000 })
      .toBe(await adult.getAttribute('id'));
    await adult.check();
    await page
      .getByRole('status')
      .filter({ hasText: /Opgeslagen om/ })
      .first()
      .waitFor();
    await checkA11y(page, 'newest-version-adult');
    await page.goto(`${server.url}/aanvragen/${app.id}/bewerken/controleren`);
    await page.getByText('Ik ben 18 jaar of ouder.').first().waitFor();
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await expectHeading(page, 'Buurtfeest Bloemhof');
    await page.getByText(/Het kenmerk van uw aanvraag is BI-/).waitFor();
    await logout(page);
  });

  it('sent at the desk, the clerk reads what happened as the history names it', async () => {
    const newest = newestShipped(await readShippedDefinitions(), 'bewonersinitiatief')!;
    const clerk = await apiAs(server, server.users.clerk.email);
    const app = await clerk('POST', '/api/applications', {
      regulationId,
      applicantId: server.users.resident.id,
      data: {
        ...onlyFormFields(newest, demoFormData(server.deps.clock(), { district: 'Feijenoord' })),
        title: 'Buurtsoep',
      },
    });
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${app.id}/bewerken/controleren`);
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await expectHeading(page, 'Buurtsoep');
    // Not "de stap ‘Indienen’": the button read "Aanvraag versturen".
    await page
      .getByText(`Gelukt, namens ${server.users.resident.name}: Aanvraag verstuurd.`)
      .waitFor();
    await checkA11y(page, 'newest-version-sent-at-desk');
    await logout(page);
  });
});
