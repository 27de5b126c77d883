/**
 * What the scheme and migration pages said keeps following the interface's language: a refusal of
 * the API (a maximum above the ceiling) at its field and above the form, the scheme created, the
 * applications moved. Switching to English after it was said shows it in English, not the Dutch
 * sentence it was first made in.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { apiAs } from './api-as';
import { checkA11y, expectHeading, fillDate, login } from './browser';
import { setUpPolicyTest } from './policy-kit';
import { PASSWORD, type TestServer } from './server';
import { newestShippedVersion } from './versions';

let server: TestServer;
let page: Page;
const OFFICER = { email: 'beleid-zeggen@example.org', name: 'Pim Zeggen' };
const NEWEST = await newestShippedVersion('bewonersinitiatief');

setUpPolicyTest([OFFICER], (started) => {
  ({ server, page } = started);
});

const language = (name: 'English' | 'Nederlands') =>
  page.getByRole('button', { name, exact: true }).click();

describe('the schemes page', () => {
  it('says the API’s refusal and the scheme created in the language switched to', async () => {
    await login(page, server.url, OFFICER.email, PASSWORD);
    await page.goto(`${server.url}/beleid/regelingen`);
    const section = page.getByRole('region', { name: 'Nieuwe regeling' });
    await section.waitFor();
    await section.getByLabel('Naam van de regeling').fill('Bewonersinitiatief West 2027');
    await section.getByLabel('Code').fill('BI-WEST-2027');
    await section.getByLabel('Wijk').fill('West');
    await section.getByRole('textbox', { name: 'Jaar', exact: true }).first().fill('2027');
    // A ceiling below the maximum per application (10.000 euro): only the API refuses that.
    await section.getByLabel('Subsidieplafond (euro)').fill('5000');
    await fillDate(section, 'Open vanaf', '2027-01-01');
    await fillDate(section, 'Open tot en met', '2027-12-31');
    await section.getByLabel('Werkproces voor nieuwe aanvragen').selectOption({ index: 1 });
    await section.getByLabel(/^Toelichting voor de tweede beleidsmedewerker/).fill('Voor West.');
    await section.getByRole('button', { name: 'Regeling aanmaken' }).click();

    const field = 'Het maximum per aanvraag mag niet hoger zijn dan het subsidieplafond.';
    await section.getByText(field).waitFor();
    const alert = section.getByRole('alert');
    expect(await alert.textContent()).toBe(
      'Niet alles is goed ingevuld; zie de gemarkeerde velden.',
    );

    await language('English');
    const english = page.getByRole('region', { name: 'New scheme' });
    await english
      .getByText('The maximum per application must not be higher than the budget ceiling.')
      .waitFor();
    expect(await english.getByRole('alert').textContent()).toBe(
      'Not everything is filled in correctly; see the fields marked.',
    );
    expect(await english.textContent()).not.toContain(field);
    await checkA11y(page, 'scheme-refused-in-english');

    // Mended, in English: the scheme is created; the notice follows the switch back to Dutch.
    await english.getByLabel('Budget ceiling (euro)').fill('20000');
    await english.getByRole('button', { name: 'Create scheme' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Bewonersinitiatief West 2027' });
    await expect
      .poll(() => status.textContent())
      .toBe(
        'Bewonersinitiatief West 2027 has been created. It opens for applications only once a second policy officer approves it.',
      );
    await language('Nederlands');
    await expect
      .poll(() => status.textContent())
      .toBe(
        'Bewonersinitiatief West 2027 is aangemaakt. Zij is pas open voor aanvragen als een tweede beleidsmedewerker haar goedkeurt.',
      );
    await checkA11y(page, 'scheme-created-in-dutch');
  });
});

describe('the migration page', () => {
  it('says the applications moved in the language switched to', async () => {
    // One submitted application on the scheme's version 1: something to move.
    const resident = await apiAs(server, server.users.resident.email);
    const draft = await resident('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: demoFormData(server.deps.clock()),
    });
    await resident('POST', `/api/applications/${draft.id}/events`, { type: 'SUBMIT' });

    await page.goto(`${server.url}/beleid/werkprocessen/bewonersinitiatief/migratie?van=1`);
    await expectHeading(page, 'Lopende aanvragen overzetten naar een nieuwe versie', false);
    expect(await page.getByLabel('Naar versie').inputValue()).toBe(String(NEWEST));
    await page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
    await page.getByRole('table', { name: /^Proefdraai: / }).waitFor();
    await page.getByLabel('Alle aanvragen die een plek hebben').uncheck();
    await page.getByLabel(`Zet ${draft.reference} over`).check();
    await page.getByRole('button', { name: 'Zet 1 gekozen aanvraag over' }).click();
    const status = page.getByRole('status').filter({ hasText: `${NEWEST}.` });
    await expect
      .poll(() => status.textContent())
      .toBe(
        `1 aanvraag staat nu op versie ${NEWEST}. Dit staat in de geschiedenis van de aanvraag.`,
      );

    await language('English');
    await expect
      .poll(() => status.textContent())
      .toBe(`1 application is now on version ${NEWEST}. Its history says so.`);
    await checkA11y(page, 'migration-done-in-english');
    await language('Nederlands');
  });
});
