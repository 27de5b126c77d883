/**
 * A tester pasted text with a NUL character into a text field of the form: the API refuses that
 * field at its input boundary. The other changes must still be saved, the refused field stays in
 * the form marked with the reason, and leaving the page asks first until it is saved too.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import type { ApiAs } from './api-as';
import { checkA11y, expectHeading } from './browser';
import { setUpResidentForm } from './kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;
let as: ApiAs;
let id: string;

// Before the resident logs in: one application of theirs, to open in the form.
setUpResidentForm(async (started) => {
  ({ server, page, as } = started);
  const created = await as('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: demoFormData(server.deps.clock(), { title: 'Buurtfeest Spangen', participants: 40 }),
  });
  id = created.id;
});

const stored = async () => (await as('GET', `/api/applications/${id}`)).data;

describe('a field the API refuses does not stop the rest from being saved', () => {
  it('saves the other changes, marks the refused field and asks before leaving', async () => {
    await page.goto(`${server.url}/aanvragen/${id}/bewerken`);
    await expectHeading(page, /^Stap 1 van \d: Uw initiatief$/, false);
    const before = (await stored()).description;

    await page.getByLabel('Beschrijving').fill('Een middag\u0000 met muziek, geplakt uit een pdf.');
    await page.getByLabel('Verwacht aantal deelnemers').fill('80');
    await page.getByLabel('Naam van uw initiatief').fill('Buurtfeest Spangen-Noord');

    // The rest is saved; the stored description is the one from before.
    await expect
      .poll(async () => {
        const data = await stored();
        return [data.title, data.expectedParticipants, data.description];
      })
      .toEqual(['Buurtfeest Spangen-Noord', 80, before]);

    // Said at the top, with a link to the field, and at the field itself.
    const alert = page.getByRole('alert').filter({ hasText: 'Dit is niet opgeslagen' });
    await alert.getByRole('link', { name: /^Beschrijving: bevat een teken/ }).waitFor();
    const field = page.getByLabel('Beschrijving');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    const error = page.locator(
      `[id="${describedBy.split(' ').find((x) => x.endsWith('-error'))}"]`,
    );
    expect(await error.textContent()).toContain('Beschrijving: bevat een teken');
    // The text with the NUL character stays in the form, for the person to correct.
    expect(await field.inputValue()).toContain('geplakt uit een pdf');
    await checkA11y(page, 'autosave-refused-field');

    // Leaving the wizard asks, in the app and for the browser's own leaving (beforeunload).
    await page.getByRole('link', { name: 'Mijn aanvragen' }).first().click();
    const dialog = page.getByRole('alertdialog', { name: 'Pagina verlaten?' });
    await dialog.getByText('Niet al uw wijzigingen zijn opgeslagen.').waitFor();
    await dialog.getByRole('button', { name: 'Op deze pagina blijven' }).click();
    await expectHeading(page, /^Stap 1 van \d: Uw initiatief$/, false);
    expect(await page.getByLabel('Verwacht aantal deelnemers').inputValue()).toBe('80');
    const asks = () =>
      page.evaluate(() => {
        const e = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      });
    expect(await asks()).toBe(true);

    // Moving between the wizard's own steps does not ask: nothing is left behind.
    await page
      .getByRole('navigation', { name: 'Stappen van de aanvraag' })
      .getByRole('link', { name: /^2\. / })
      .click();
    await expectHeading(page, /^Stap 2 van \d: /);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await page
      .getByRole('navigation', { name: 'Stappen van de aanvraag' })
      .getByRole('link', { name: /^1\. / })
      .click();
    await expectHeading(page, /^Stap 1 van \d: Uw initiatief$/);

    // Typed again without the character: saved, and leaving no longer asks.
    await page.getByLabel('Beschrijving').fill('Een middag met muziek, opnieuw getypt.');
    await expect
      .poll(async () => (await stored()).description)
      .toBe('Een middag met muziek, opnieuw getypt.');
    await expect.poll(() => alert.count()).toBe(0);
    await expect.poll(() => field.getAttribute('aria-invalid')).not.toBe('true');
    expect(await asks()).toBe(false);
    await page.getByRole('link', { name: 'Mijn aanvragen' }).first().click();
    await expectHeading(page, 'Mijn aanvragen', false);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
  });

  it('a field refused by a rule of the form is held back the same way, in English too', async () => {
    await page.goto(`${server.url}/aanvragen/${id}/bewerken`);
    await expectHeading(page, /^Stap 1 van \d: Uw initiatief$/, false);
    await page.getByRole('button', { name: 'English' }).click();
    await expectHeading(page, /^Step 1 of \d: /, false);
    const before = (await stored()).expectedParticipants;
    // Over the field's own maximum (the definition's), refused by the API with 422.
    await page.getByLabel('Expected number of participants').fill('999999999');
    await page.getByLabel('Location').fill('Het pleintje achter de school');
    await expect
      .poll(async () => {
        const data = await stored();
        return [data.location, data.expectedParticipants];
      })
      .toEqual(['Het pleintje achter de school', before]);
    await page
      .getByRole('alert')
      .filter({ hasText: 'This has not been saved' })
      .getByRole('link', { name: /Expected number of participants/ })
      .waitFor();
    await page.getByRole('link', { name: 'My applications' }).first().click();
    await page
      .getByRole('alertdialog')
      .getByText('Not all of your changes have been saved.')
      .waitFor();
    await page.getByRole('button', { name: 'Leave the page' }).click();
    await page.getByRole('heading', { level: 1, name: 'My applications' }).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  it('a refused field corrected and at once "Volgende stap": goes on, no old error', async () => {
    await page.goto(`${server.url}/aanvragen/${id}/bewerken/payment`);
    await expectHeading(page, /^Stap \d van \d: Betaalgegevens$/, false);
    const iban = page.getByLabel('IBAN-rekeningnummer');
    // A typo in the check digits: the API refuses the field.
    await iban.fill('NL91 ABNA 0417 1643 01');
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    // Refused: said once, in the error summary; above it, the save indicator says in one line
    // that the rest was saved and this was not (it does not list the same error again).
    await page
      .getByText('Uw andere wijzigingen zijn opgeslagen. Wat hieronder niet goed is ingevuld', {
        exact: false,
      })
      .waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Er is iets niet goed ingevuld' })
      .getByRole('link', { name: /geen geldig IBAN-nummer/ })
      .waitFor();
    expect(await page.getByRole('link', { name: /geen geldig IBAN-nummer/ }).count()).toBe(1);
    // Corrected, and on at once, before the pause after typing has saved it.
    await iban.fill('NL91 ABNA 0417 1643 00');
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await expectHeading(page, /^Stap \d van \d: Controleren en versturen$/);
    expect(await page.getByText('geen geldig IBAN-nummer').count()).toBe(0);
    expect((await stored()).iban).toBe('NL91ABNA0417164300');
  });
});
