/**
 * What a tester found on the wizard's budget step: a total over the regulation's maximum must be
 * an error at the total and in the error summary (the last step's too); the total names the lines
 * it leaves out; removing a row puts focus somewhere sensible and says so; the error summary
 * follows the order of the form. The supporters step says, while it is filled in, how many count
 * for the workflow's rule and which lines do not.
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

setUpResidentForm((started) => {
  ({ server, page, as } = started);
});

const summary = () => page.getByRole('alert').filter({ hasText: 'Er is iets niet goed ingevuld' });
const summaryTexts = () => summary().getByRole('link').allTextContents();
const steps = () => page.getByRole('navigation', { name: 'Stappen van de aanvraag' });
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
const totalBox = () => page.getByRole('status').filter({ hasText: 'Totaal aangevraagd' });
const line = (n: number) => page.getByRole('group', { name: `Begroting, regel ${n}` });

/** A new draft, filled in but for what the test changes, opened at the wizard's first step. */
async function open(amountsCents = [45_000, 30_000]): Promise<void> {
  const created = await as('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: demoFormData(server.deps.clock(), { amountsCents }),
  });
  await page.goto(`${server.url}/aanvragen/${created.id}/bewerken`);
  await expectHeading(page, /^Stap 1 van \d: Uw initiatief$/, false);
}

async function toStep(name: RegExp) {
  await steps().getByRole('link', { name }).click();
  await expectHeading(page, name);
}

describe('the budget step', () => {
  it('lists the errors in the order of the fields on the page', async () => {
    await open();
    await page.getByLabel('Naam van uw initiatief').fill('');
    await page.getByLabel('Verwacht aantal deelnemers').fill('12a');
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await summary().waitFor();
    const texts = await summaryTexts();
    const title = texts.findIndex((x) => x.startsWith('Naam van uw initiatief'));
    const participants = texts.findIndex((x) => x.startsWith('Verwacht aantal deelnemers'));
    expect(title, texts.join('\n')).toBeGreaterThanOrEqual(0);
    expect(participants, texts.join('\n')).toBeGreaterThan(title);
  });

  it('names a line whose amount is unclear as left out of the total; errors row by row', async () => {
    await open();
    await toStep(/Begroting$/);
    const add = page.getByRole('button', { name: 'Regel toevoegen aan Begroting', exact: true });
    // Seen: "Regel toevoegen"; the list it adds to is said to a screen reader only.
    const seen = await add.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const hidden of copy.querySelectorAll('.app-visually-hidden')) hidden.remove();
      return copy.textContent?.trim();
    });
    expect(seen).toBe('Regel toevoegen');
    await add.click();
    await line(3).getByLabel('Bedrag').fill('1234.56');
    await line(3).getByLabel('Bedrag').press('Tab');
    await line(3).getByText('niet duidelijk welk bedrag', { exact: false }).waitFor();
    const total = totalBox();
    await total.getByText('Totaal aangevraagd: € 750,00').waitFor();
    await total.getByText('Regel 3 telt niet mee: het bedrag is niet duidelijk.').waitFor();

    // Line 3 has no description and an unclear amount: its description's error comes first.
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await summary().waitFor();
    const texts = await summaryTexts();
    const description = texts.findIndex((x) => /regel 3.*Omschrijving/.test(x));
    const amount = texts.findIndex((x) => /regel 3.*Bedrag/.test(x));
    expect(description, texts.join('\n')).toBeGreaterThanOrEqual(0);
    expect(amount, texts.join('\n')).toBeGreaterThan(description);
    await checkA11y(page, 'budget-unclear-line');
  });

  it('a total over the maximum is an error at the total and in the summaries', async () => {
    await open([45_000, 30_000, 100_000]);
    await toStep(/Begroting$/);
    await totalBox().getByText('€ 1.750,00').waitFor();
    await line(3).getByLabel('Bedrag').fill('9.500');
    const over =
      'Het totaal is hoger dan het maximum van deze regeling: u vraagt € 10.250,00 aan, het maximum is € 10.000,00.';
    const total = totalBox();
    await total.getByText(over).waitFor();
    expect(await total.getByText('telt niet mee').count()).toBe(0);

    // Going on lists it with the other errors, linked to the total.
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await summary().getByRole('link', { name: over }).click();
    await expect.poll(focusedId).toBe('f-budgetLines-total');
    await expectHeading(page, /^Stap 2 van \d: Begroting$/, false);
    await checkA11y(page, 'budget-over-max');

    // The last step says it in its error summary, linked to the total on the budget step.
    await steps()
      .getByRole('link', { name: /Controleren en versturen$/ })
      .click();
    await expectHeading(page, /: Controleren en versturen$/);
    const link = summary().getByRole('link', { name: over });
    expect(await link.getAttribute('href')).toMatch(/\/bewerken\/[^/#]+#begroting-totaal$/);
    expect(await page.getByText(over).count()).toBe(1);
    await checkA11y(page, 'review-over-max');

    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', {
        name: /^The total is higher than the maximum of this scheme: you are asking for €\s?10,250\.00, the maximum is €\s?10,000\.00\.$/,
      })
      .waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();

    await summary().getByRole('link', { name: over }).click();
    await expectHeading(page, /^Stap 2 van \d: Begroting$/, false);
    await expect.poll(focusedId).toBe('f-budgetLines-total');
  });

  it('removing a line moves focus to the line now in its place, else the one before', async () => {
    await open([45_000, 30_000, 100_000]);
    await toStep(/Begroting$/);
    const status = page.getByRole('status').filter({ hasText: 'is verwijderd' });
    // Mouse: line 2 of 3; focus on the line that took its place (the former line 3).
    await page.getByRole('button', { name: 'Begroting, regel 2 verwijderen' }).click();
    await expect.poll(focusedId).toBe('f-budgetLines-1-description');
    expect(await page.locator('#f-budgetLines-1-description').inputValue()).toBe('Post 3');
    await expect.poll(() => status.textContent()).toBe('Begroting, regel 2 is verwijderd.');

    // Keyboard: the last line; focus on the line before it.
    await page.getByRole('button', { name: 'Begroting, regel 2 verwijderen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focusedId).toBe('f-budgetLines-0-description');
    await expect.poll(() => status.textContent()).toBe('Begroting, regel 2 is verwijderd.');
  });

  it('removing the only line left moves focus to the button that adds one', async () => {
    await open();
    await toStep(/Handtekeningen van buurtbewoners$/);
    for (const n of [4, 3, 2]) {
      await page
        .getByRole('button', { name: `Handtekeningen van buurtbewoners, regel ${n} verwijderen` })
        .focus();
      await page.keyboard.press('Enter');
      await expect.poll(focusedId).toBe(`f-supporters-${n - 2}-name`);
    }
    await page
      .getByRole('button', { name: 'Handtekeningen van buurtbewoners, regel 1 verwijderen' })
      .click();
    await expect
      .poll(() =>
        page.evaluate(
          () => document.activeElement?.textContent?.trim() ?? document.activeElement?.tagName,
        ),
      )
      .toBe('Regel toevoegen aan Handtekeningen van buurtbewoners');
    await page
      .getByRole('status')
      .filter({ hasText: 'Handtekeningen van buurtbewoners, regel 1 is verwijderd.' })
      .waitFor({ state: 'attached' });
  });

  it('the supporters step counts who counts while it is filled in, and names lines that do not', async () => {
    await open();
    await toStep(/Handtekeningen van buurtbewoners$/);
    const count = page.getByRole('status').filter({ hasText: 'Telt nu mee' });
    // The demo data: four supporters, one of them 15, all of twelve or older.
    await count
      .getByText(
        'Telt nu mee: 4. Dat is genoeg: nodig zijn minstens 4 bewoners van 12 jaar of ouder.',
      )
      .waitFor();
    const row = (n: number) =>
      page.getByRole('group', { name: `Handtekeningen van buurtbewoners, regel ${n}` });
    await row(3).getByLabel('Leeftijd').fill('11');
    await count
      .getByText('Telt nu mee: 3. Nodig: minstens 4 bewoners van 12 jaar of ouder.')
      .waitFor();
    await count.getByText('Regel 3 telt niet mee: jonger dan 12 jaar.').waitFor();
    await page
      .getByRole('button', { name: 'Regel toevoegen aan Handtekeningen van buurtbewoners' })
      .click();
    await row(5).getByLabel('Naam').fill('Ayşe Yıldız-Çelik');
    await count.getByText('Regel 5 telt nog niet mee: de leeftijd is niet ingevuld.').waitFor();
    await row(5).getByLabel('Leeftijd').fill('52');
    await count.getByText('Telt nu mee: 4. Dat is genoeg', { exact: false }).waitFor();
    expect(await count.getByText('leeftijd is niet ingevuld').count()).toBe(0);
    // The regulation asks for other residents: the resident's own name does not count, however
    // she writes it.
    await page
      .getByRole('button', { name: 'Regel toevoegen aan Handtekeningen van buurtbewoners' })
      .click();
    await row(6).getByLabel('Naam').fill(' fatima el  amrani');
    await row(6).getByLabel('Leeftijd').fill('40');
    await count
      .getByText(
        'Regel 6 telt niet mee: dat bent u zelf. Het gaat om de steun van andere bewoners.',
      )
      .waitFor();
    await count.getByText('Telt nu mee: 4. Dat is genoeg', { exact: false }).waitFor();
    await checkA11y(page, 'supporters-count');
  });
});
