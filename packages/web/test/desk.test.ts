/**
 * Desk staff (clerk) find or create a resident and start an application on their behalf;
 * the resident sees it under their own account.
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

/** The names of the residents whose name has `part` in it, in order. */
async function namedLike(part: string): Promise<string[]> {
  const rows = await server.deps.db
    .selectFrom('users')
    .select('name')
    .where('name', 'ilike', `%${part}%`)
    .orderBy('name')
    .execute();
  return rows.map((r) => r.name);
}

describe('assisted digital at the desk', () => {
  it('a clerk creates a resident without e-mail, and starts an application for an existing one', async () => {
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await expectHeading(page, 'Aanvraag namens een bewoner');
    await checkA11y(page, 'desk');

    // A new resident, without e-mail (letters go by post).
    const form = page.getByRole('region', { name: 'Nieuwe bewoner' });
    await form.getByRole('button', { name: 'Bewoner aanmaken' }).click();
    await page.getByRole('alert').filter({ hasText: 'Vul de naam van de bewoner in.' }).waitFor();
    await checkA11y(page, 'desk-new-resident-errors');
    await form.getByLabel('Naam').fill('Henk Jansen');
    await form.getByLabel('Straat en huisnummer').fill('Wolphaertsbocht 12');
    await form.getByLabel('Postcode').fill('3083 AB');
    await form.getByRole('button', { name: 'Bewoner aanmaken' }).click();
    await expectHeading(page, 'Aanvraag namens een bewoner', false);
    await page.getByRole('heading', { name: 'Aanvraag starten voor Henk Jansen' }).waitFor();
    // What the desk recorded, to check with him: no e-mail, so post to the address typed.
    const details = page.getByLabel('Gegevens van Henk Jansen');
    await details.getByText('Geen; brieven en besluiten gaan per post').waitFor();
    await details.getByText('Wolphaertsbocht 12, 3083 AB Rotterdam').waitFor();
    // Post is the only way without e-mail: nothing to choose or save.
    expect(await page.getByRole('button', { name: 'Keuze opslaan' }).count()).toBe(0);
    // He says the house number has a letter: corrected before any letter is printed.
    await page.getByRole('button', { name: 'Postadres wijzigen' }).click();
    const street = page.getByLabel('Straat en huisnummer');
    expect(await street.inputValue()).toBe('Wolphaertsbocht 12');
    await street.fill('Wolphaertsbocht 12a');
    await checkA11y(page, 'desk-resident-address');
    await page.getByRole('button', { name: 'Adres vastleggen' }).click();
    await page
      .getByRole('status')
      .filter({
        hasText:
          'Het postadres van Henk Jansen is vastgelegd: Wolphaertsbocht 12a, 3083 AB Rotterdam.',
      })
      .waitFor();
    await details.getByText('Wolphaertsbocht 12a, 3083 AB Rotterdam').waitFor();
    const stored = await server.deps.db
      .selectFrom('users')
      .select(['street', 'postcode', 'city'])
      .where('name', '=', 'Henk Jansen')
      .execute();
    expect(stored).toEqual([
      { street: 'Wolphaertsbocht 12a', postcode: '3083 AB', city: 'Rotterdam' },
    ]);
    await page.getByRole('button', { name: 'Andere bewoner kiezen' }).click();

    // He phones again a week later; a colleague registers him anew, spelt a little differently.
    // The desk is warned, with focus on the warning, and opens the existing resident instead.
    await form.getByLabel('Naam').fill('HENK JANSSEN');
    await form.getByLabel('Straat en huisnummer').fill('Wolphaertsbocht 12 A');
    await form.getByLabel('Postcode').fill('3083ab');
    await form.getByRole('button', { name: 'Bewoner aanmaken' }).click();
    const warning = page.getByRole('region', {
      name: 'Deze bewoner staat misschien al geregistreerd',
    });
    await warning.waitFor();
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-labelledby') === 'lookalikes-title',
    );
    await warning
      .getByRole('alert')
      .getByText('Er is al een bewoner die erg lijkt op de bewoner die u wilt registreren.', {
        exact: false,
      })
      .waitFor();
    const candidates = warning.getByRole('list', { name: 'Bewoners die erop lijken' });
    await candidates.getByText('Wolphaertsbocht 12a, 3083 AB Rotterdam').waitFor();
    await candidates.getByText('Zelfde postcode en huisnummer, naam lijkt erop').waitFor();
    await checkA11y(page, 'desk-lookalike-residents');
    // In English too, in the clerk's words.
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByRole('alert')
      .getByRole('heading', { name: 'This resident may already be registered' })
      .waitFor();
    await page.getByRole('button', { name: 'Register as a new resident anyway' }).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await candidates
      .getByRole('button', {
        name: 'Verder met deze bewoner: Henk Jansen, Wolphaertsbocht 12a, 3083 AB Rotterdam',
      })
      .click();
    await page.getByRole('heading', { name: 'Aanvraag starten voor Henk Jansen' }).waitFor();
    expect(await namedLike('jans')).toEqual(['Henk Jansen']);
    await page.getByRole('button', { name: 'Andere bewoner kiezen' }).click();

    // His son lives there too, with the same initial: told apart by the clerk, and recorded.
    await form.getByLabel('Naam').fill('H. Jansen');
    await form.getByLabel('Straat en huisnummer').fill('Wolphaertsbocht 12a');
    await form.getByLabel('Postcode').fill('3083 AB');
    await form.getByRole('button', { name: 'Bewoner aanmaken' }).click();
    await warning.waitFor();
    await warning.getByRole('button', { name: 'Toch nieuwe bewoner registreren' }).click();
    await page.getByRole('heading', { name: 'Aanvraag starten voor H. Jansen' }).waitFor();
    expect(await namedLike('jans')).toEqual(['H. Jansen', 'Henk Jansen']);
    const recorded = await server.deps.db
      .selectFrom('account_audit')
      .innerJoin('users', 'users.id', 'account_audit.target_id')
      .select(['account_audit.action', 'account_audit.details'])
      .where('users.name', '=', 'H. Jansen')
      .execute();
    expect(recorded).toEqual([
      expect.objectContaining({
        action: 'created',
        details: expect.objectContaining({
          confirmedDifferent: true,
          differentFrom: [expect.objectContaining({ name: 'Henk Jansen', on: ['address'] })],
        }),
      }),
    ]);
    await page.getByRole('button', { name: 'Andere bewoner kiezen' }).click();

    // An existing resident, found by name.
    await page.getByLabel('Naam of e-mailadres').fill('Fatima');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('button', { name: `Kies ${server.users.resident.name}` }).click();
    await page
      .getByRole('heading', { name: `Aanvraag starten voor ${server.users.resident.name}` })
      .waitFor();
    await checkA11y(page, 'desk-resident-chosen');
    // No regulation's workflow places her postcode in a district: the clerk chooses one.
    await page.getByLabel('Regeling').selectOption(server.regulationId);
    await page.getByRole('button', { name: 'Aanvraag starten' }).click();
    await expectHeading(page, 'Stap 1 van 5: Uw initiatief');
    // Saved as the clerk goes, and hers: the page says so, not "uw aanvraag".
    await page
      .getByText(
        `De aanvraag wordt vanzelf opgeslagen. U kunt stoppen en later verder gaan; ${server.users.resident.name} ziet de aanvraag ook in het eigen account.`,
      )
      .waitFor();
    expect(await page.getByText('Uw aanvraag wordt vanzelf opgeslagen').count()).toBe(0);
    await page.getByLabel('Naam van uw initiatief').fill('Buurtmoestuin Tarwewijk');
    await page
      .getByRole('status')
      .filter({ hasText: /Opgeslagen om/ })
      .first()
      .waitFor();
    await logout(page);

    await login(page, server.url, server.users.resident.email, PASSWORD);
    await expectHeading(page, 'Mijn aanvragen');
    await page.getByRole('link', { name: 'Buurtmoestuin Tarwewijk' }).waitFor();
    // The state's name comes with the definitions' words, which may arrive after the list.
    await page.getByRole('main').getByText('Concept', { exact: true }).first().waitFor();
  });
});
