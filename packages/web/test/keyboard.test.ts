/**
 * A resident's whole application with the keyboard only: no clicks, no fills; Tab, typing and
 * Enter, as someone who cannot use a mouse would do it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  checkA11y,
  expectHeading,
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
  browser = await openBrowser();
  page = browser.page;
});
screenshotOnFailure(() => browser?.page);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The name a person hears for the focused element: its label, else its text. */
function focusedName(p: Page): Promise<string> {
  return p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const input = el as HTMLInputElement;
    const label = input.labels?.[0]?.textContent;
    return (label ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  });
}

/** Presses Tab until the element with this name has focus. */
async function tabTo(name: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${name}" (last: "${await focusedName(page)}")`);
}

async function typeInto(name: string, text: string) {
  await tabTo(name);
  await page.keyboard.type(text);
}

describe('keyboard only', () => {
  it('a resident applies and submits without a mouse', async () => {
    await page.goto(`${server.url}/inloggen`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await typeInto('E-mailadres', server.users.resident.email);
    await typeInto('Wachtwoord', PASSWORD);
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Mijn aanvragen');

    await tabTo('Nieuwe aanvraag starten');
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Subsidieregelingen');
    await tabTo('Aanvraag starten');
    await page.keyboard.press('Enter');

    await expectHeading(page, 'Stap 1 van 5: Uw initiatief');
    await typeInto('Naam van uw initiatief', 'Repaircafé Charlois');
    await typeInto(
      'Beschrijving',
      'Elke maand repareren buren samen kapotte spullen in het buurthuis, met koffie erbij.',
    );
    await tabTo('Wijk');
    await page.keyboard.type('Charlois');
    expect(await page.getByLabel('Wijk').inputValue()).toBe('Charlois');
    // The date is three boxes, day, month and year, in that order whatever the browser's language.
    const [y, m, d] = addDays(server.today(), 63).split('-') as [string, string, string];
    await typeInto('Dag', String(Number(d)));
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Maand');
    await page.keyboard.type(String(Number(m)));
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Jaar');
    await page.keyboard.type(y);
    const date = page.getByRole('group', { name: 'Datum van de activiteit' });
    expect(await date.getByLabel('Dag').inputValue()).toBe(String(Number(d)));
    expect(await date.getByLabel('Jaar').inputValue()).toBe(y);
    await typeInto('Locatie', 'Buurthuis De Brug, Charlois');
    await typeInto('Verwacht aantal deelnemers', '40');
    await page.keyboard.press('Enter');

    await expectHeading(page, 'Stap 2 van 5: Begroting');
    await tabTo('Regel toevoegen aan Begroting');
    await page.keyboard.press('Enter');
    // Focus moves to the new line's first field.
    await expect.poll(() => focusedName(page)).toBe('Omschrijving');
    await page.keyboard.type('Gereedschap en onderdelen');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Bedrag');
    await page.keyboard.type('325,75');
    await page.getByText('Totaal aangevraagd: € 325,75').waitFor();
    await page.keyboard.press('Enter');

    await expectHeading(page, 'Stap 3 van 5: Handtekeningen van buurtbewoners');
    const people = [
      ['Ayse Yilmaz', '3083 AB', '52'],
      ['Henk Jansen', '3083 AC', '71'],
      ['Noor Bakker', '3083 AD', '13'],
      ['Sem de Wit', '3083 AE', '29'],
    ];
    for (const [name, postcode, age] of people) {
      await tabTo('Regel toevoegen aan Handtekeningen van buurtbewoners');
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page)).toBe('Naam');
      await page.keyboard.type(name!);
      await page.keyboard.press('Tab');
      await page.keyboard.type(postcode!);
      await page.keyboard.press('Tab');
      await page.keyboard.type(age!);
    }
    await page.keyboard.press('Enter');

    await expectHeading(page, 'Stap 4 van 5: Betaalgegevens');
    await typeInto('IBAN-rekeningnummer', 'NL91ABNA0417164300');
    await page.keyboard.press('Enter');

    await expectHeading(page, 'Stap 5 van 5: Controleren en versturen');
    await page.getByText('€ 325,75').first().waitFor();
    await tabTo('Aanvraag versturen');
    await page.keyboard.press('Enter');

    await expectHeading(page, 'Repaircafé Charlois');
    await page.getByText(/Uw aanvraag is ingediend/).waitFor();
    await checkA11y(page, 'keyboard-submitted');
  });
});
