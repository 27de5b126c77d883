/**
 * A list question's own questions in the editor without JSON: the budget's "Omschrijving" and
 * "Bedrag", a supporter's name and age, each in its own group inside the list's, with its texts
 * in both languages (a label for staff too), its limits, required and display; a new one added
 * by its Dutch label, its missing English named by its label in the check and leading to its box;
 * one removed, but never the last one, nor one the definition counts on, with the reason in words.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y } from './browser';
import {
  draftJson as draftOf,
  expectNoProblems,
  type Json,
  openNewDraft,
  setUpPolicyTest,
} from './policy-kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;
const OFFICER = { email: 'beleid1@example.org', name: 'Pim Beleid' };

setUpPolicyTest([OFFICER], (started) => {
  ({ server, page } = started);
});

const draftJson = (): Promise<Json> => draftOf(page);
/** A question of the draft's form by its key, with its place among the form's questions. */
const questionOf = async (key: string): Promise<{ field: Json; index: number }> => {
  const fields: Json[] = (await draftJson()).form.fields;
  const index = fields.findIndex((f) => f.key === key);
  return { field: fields[index]!, index };
};
const problemLink = (name: string) =>
  page.locator('.policy-problems').getByRole('link', { name, exact: true });
/** A question's group in the editor by its legend. */
const question = (label: string) =>
  page.getByRole('group', { name: `Vraag: ${label}`, exact: true });
const inList = (label: string) => ({ name: `Vraag in de lijst: ${label}`, exact: true });

describe('a list’s own questions', () => {
  it('opens a new draft', async () => {
    await openNewDraft(page, server, OFFICER.email);
    await expectNoProblems(page);
  });

  it('shows the budget’s own questions and names one for staff, in both languages', async () => {
    await page.locator('summary', { hasText: 'Het aanvraagformulier' }).click();
    const budget = question('Begroting');
    await budget.getByRole('heading', { name: 'Vragen bij elke regel van Begroting' }).waitFor();
    const description = budget.getByRole('group', inList('Omschrijving'));
    const box = (label: string) => description.getByLabel(label, { exact: true });
    expect(await box('Vraag in de lijst (Nederlands)').inputValue()).toBe('Omschrijving');
    expect(await box('Vraag in de lijst (Engels)').inputValue()).toBe('Description');
    expect(await box('Maximaal aantal tekens').inputValue()).toBe('200');
    expect(await budget.getByRole('group', inList('Bedrag')).count()).toBe(1);

    await box('Vraag in de lijst voor medewerkers (Nederlands)').fill('Kostenpost');
    // Until it has its English, the check names it by the list's label and its own.
    const missing = problemLink(
      'Vraag ‘Begroting’ › Vraag ‘Omschrijving’, vraag voor medewerkers: de Engelse tekst ontbreekt.',
    );
    await missing.waitFor();
    await box('Vraag in de lijst voor medewerkers (Engels)').fill('Cost item');
    await missing.waitFor({ state: 'detached' });
    await box('Maximaal aantal tekens').fill('150');
    await box('Uitleg bij de vraag in de lijst (Nederlands)').fill('Waar gaat het geld heen?');
    await box('Uitleg bij de vraag in de lijst (Engels)').fill('What is the money for?');

    await expect
      .poll(async () => (await questionOf('budgetLines')).field.fields[0].maxLength)
      .toBe(150);
    const lines = (await questionOf('budgetLines')).field;
    expect(lines.fields[0]).toEqual({
      key: 'description',
      type: 'text',
      label: { nl: 'Omschrijving', en: 'Description' },
      staffLabel: { nl: 'Kostenpost', en: 'Cost item' },
      help: { nl: 'Waar gaat het geld heen?', en: 'What is the money for?' },
      minLength: 2,
      maxLength: 150,
    });
    // The list's own texts are untouched.
    expect(lines.label).toEqual({ nl: 'Begroting', en: 'Budget' });
    expect(lines.staffLabel).toBeUndefined();
    await expectNoProblems(page);
  });

  it('keeps a question the requested amount or the supporters’ condition counts on, and says why', async () => {
    const amount = question('Begroting').getByRole('group', inList('Bedrag'));
    expect(await amount.getByRole('button').count()).toBe(0);
    await amount
      .getByText(
        'Bedrag kan niet weg: het aangevraagde bedrag is de optelsom van Bedrag over alle regels van Begroting.',
        { exact: true },
      )
      .waitFor();
    const supporters = question('Ondersteuners uit de buurt');
    const age = supporters.getByRole('group', inList('Leeftijd'));
    expect(await age.getByRole('button').count()).toBe(0);
    await age.getByText(/^Leeftijd kan niet weg: .* van 12 jaar of ouder/).waitFor();
    // A whole number may be shown as a code.
    expect(await age.getByLabel(/^Toon als code/).isChecked()).toBe(false);
    // The condition counts only residents of the district, by the postcode on each row.
    const postcode = supporters.getByRole('group', inList('Postcode'));
    await postcode
      .getByText(/^Postcode kan niet weg: .* volgens hun postcode in de wijk/)
      .waitFor();
    expect(await postcode.getByRole('button').count()).toBe(0);
    // Another of its questions can go.
    await supporters
      .getByRole('group', inList('Naam'))
      .getByRole('button', { name: 'Vraag Naam uit de lijst verwijderen' })
      .waitFor();
  });

  it('sets an amount’s limits in euro: read as typed, kept in cents, taken away when emptied', async () => {
    const amount = question('Begroting').getByRole('group', inList('Bedrag'));
    const min = amount.getByLabel('Minimaal bedrag', { exact: true });
    const max = amount.getByLabel('Maximaal bedrag', { exact: true });
    // The shipped limits, in euro as a person writes them: never in cents.
    expect(await min.inputValue()).toBe('0,01');
    expect(await max.inputValue()).toBe('20.000,00');
    const amountField = async () => (await questionOf('budgetLines')).field.fields[1];

    await max.fill('5.000');
    await expect.poll(async () => (await amountField()).max).toBe(500_000);
    // An amount that cannot be read is named in the check and never reaches the definition.
    await max.fill('5.000,5x');
    await page
      .locator('.policy-problems')
      .getByText(/Maximaal bedrag: /)
      .first()
      .waitFor();
    expect((await amountField()).max).toBe(500_000);
    await max.fill('2.500,50');
    await expect.poll(async () => (await amountField()).max).toBe(250_050);
    await expectNoProblems(page);

    // A minimum above the maximum is refused in words.
    await min.fill('3000');
    await expect.poll(async () => (await amountField()).min).toBe(300_000);
    await page
      .locator('.policy-problems')
      .getByText('het minimum is groter dan het maximum', { exact: false })
      .waitFor();
    // Emptied, the minimum is taken away (the form's own floor, € 0,00, holds again).
    await min.fill('');
    await expect.poll(async () => 'min' in (await amountField())).toBe(false);
    await expectNoProblems(page);
    await checkA11y(page, 'editor-money-limits');
  });

  it('marks a text question as a number of digits only, and takes it back', async () => {
    const description = question('Begroting').getByRole('group', inList('Omschrijving'));
    const digits = description.getByLabel(/^Alleen cijfers: een nummer dat met een 0 kan beginnen/);
    const firstOwn = async () => (await questionOf('budgetLines')).field.fields[0];
    expect(await digits.isChecked()).toBe(false);
    await digits.check();
    await expect.poll(async () => (await firstOwn()).pattern).toBe('^[0-9]+$');
    await digits.uncheck();
    await expect.poll(async () => 'pattern' in (await firstOwn())).toBe(false);
    // An amount has no such choice: it is a number that is counted with.
    const amount = question('Begroting').getByRole('group', inList('Bedrag'));
    expect(await amount.getByLabel(/^Alleen cijfers/).count()).toBe(0);
  });

  it('keeps the questions of the form the definition counts on, and says why', async () => {
    const form = page.locator('#def-section-form');
    const kept = {
      Begroting:
        'Begroting kan niet weg: het aangevraagde bedrag is de optelsom van Bedrag over alle regels van Begroting.',
      'Datum van de activiteit':
        'Datum van de activiteit kan niet weg: de voorwaarde ‘Minimale tijd vóór de activiteit’ rekent met deze datum, en zonder de vraag kan niemand meer indienen.',
      'Naam van uw initiatief':
        'Naam van uw initiatief kan niet weg: het is de naam van de aanvraag in lijsten, brieven en e-mails.',
    };
    for (const [label, why] of Object.entries(kept)) {
      await form.getByText(why, { exact: true }).waitFor();
      expect(
        await form.getByRole('button', { name: `Vraag ${label} verwijderen`, exact: true }).count(),
        label,
      ).toBe(0);
    }
    await form
      .getByText(/^Ondersteuners uit de buurt kan niet weg: de voorwaarde ‘.+’ telt de regels/)
      .waitFor();
    // A question nothing counts on can go.
    await form.getByRole('button', { name: 'Vraag Locatie verwijderen', exact: true }).waitFor();
  });

  it('adds a question to the budget: its English is asked for by its label and leads to its box', async () => {
    const budget = question('Begroting');
    const newLabel = budget.getByLabel('Nieuwe vraag in de lijst Begroting (Nederlands)');
    const add = budget.getByRole('button', { name: 'Vraag aan Begroting toevoegen' });
    // A list holds no list or files of its own.
    const kinds = await budget
      .getByLabel('Soort invoer van de nieuwe vraag in Begroting')
      .locator('option')
      .allTextContents();
    expect(kinds).toEqual(expect.arrayContaining(['Korte tekst', 'Getal', 'Bedrag in euro']));
    expect(kinds).not.toContain('Lijst met regels');
    expect(kinds).not.toContain('Bestanden (bijlagen)');
    expect(await add.isDisabled()).toBe(true);

    await newLabel.fill('Naam van de leverancier');
    await add.click();
    const supplier = budget.getByRole('group', inList('Naam van de leverancier'));
    await supplier.waitFor();
    expect(await newLabel.inputValue()).toBe('');
    const { field: lines, index } = await questionOf('budgetLines');
    expect(lines.fields).toHaveLength(3);
    expect(lines.fields[2]).toEqual({
      key: 'naamVanDeLeverancier',
      type: 'text',
      label: { nl: 'Naam van de leverancier', en: '' },
      required: false,
    });

    // The check names its missing English by its label; the link lands in the English box.
    const missing = problemLink(
      'Vraag ‘Begroting’ › Vraag ‘Naam van de leverancier’: de Engelse tekst ontbreekt.',
    );
    await missing.click();
    const english = `def-form-fields-${index}-fields-2-label-en`;
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(english);
    expect(
      await supplier.getByLabel('Vraag in de lijst (Engels)', { exact: true }).getAttribute('id'),
    ).toBe(english);
    await page.locator(`#${english}`).fill('Name of the supplier');
    await missing.waitFor({ state: 'detached' });

    // The same name again is refused, with the reason at the box.
    await newLabel.fill('Naam van de leverancier');
    await budget
      .getByText('De lijst Begroting heeft al een vraag met deze naam. Kies een andere naam.')
      .waitFor();
    expect(await add.isDisabled()).toBe(true);
    await newLabel.fill('');

    await supplier.getByLabel('Verplicht (Korte tekst)').check();
    await expect
      .poll(async () => 'required' in (await questionOf('budgetLines')).field.fields[2])
      .toBe(false);
    await expectNoProblems(page);
    await checkA11y(page, 'editor-list-questions');
  });

  it('removes a question of a list, but never its last one', async () => {
    await page.getByLabel('De nieuwe vraag (Nederlands)').fill('Vrijwilligers');
    await page.getByLabel('Soort antwoord', { exact: true }).selectOption('list');
    await page.getByRole('button', { name: 'Vraag toevoegen', exact: true }).click();
    const volunteers = question('Vrijwilligers');
    await volunteers.getByLabel('Vraag (Engels)', { exact: true }).fill('Volunteers');
    // A new list comes with one question of its own: the only one cannot go.
    const name = volunteers.getByRole('group', inList('Naam'));
    expect(await name.getByRole('button').count()).toBe(0);
    await name
      .getByText(
        'Naam is de enige vraag van de lijst Vrijwilligers en kan daarom niet weg. Voeg eerst een andere vraag toe.',
      )
      .waitFor();

    // With a second one, the first can go; the second is then the only one.
    await volunteers
      .getByLabel('Nieuwe vraag in de lijst Vrijwilligers (Nederlands)')
      .fill('Leeftijd');
    await volunteers.getByLabel('Soort invoer van de nieuwe vraag in Vrijwilligers').selectOption({
      label: 'Getal',
    });
    await volunteers.getByRole('button', { name: 'Vraag aan Vrijwilligers toevoegen' }).click();
    const age = volunteers.getByRole('group', inList('Leeftijd'));
    await age.getByLabel('Vraag in de lijst (Engels)', { exact: true }).fill('Age');
    await age.getByLabel('Minimaal', { exact: true }).fill('16');
    await age.getByLabel(/^Toon als code/).check();
    await volunteers.getByRole('button', { name: 'Vraag Naam uit de lijst verwijderen' }).click();
    await name.waitFor({ state: 'detached' });
    expect(await age.getByRole('button').count()).toBe(0);
    await age.getByText(/^Leeftijd is de enige vraag van de lijst Vrijwilligers/).waitFor();

    const { field: list } = await questionOf('vrijwilligers');
    expect(list.fields).toEqual([
      {
        key: 'leeftijd',
        type: 'integer',
        label: { nl: 'Leeftijd', en: 'Age' },
        required: false,
        min: 16,
        display: 'code',
      },
    ]);
    await expectNoProblems(page);
  });

  it('in English, a list’s own questions go by their English words', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    const budget = page.getByRole('group', { name: 'Question: Budget', exact: true });
    const description = budget.getByRole('group', {
      name: 'Question in the list: Description',
      exact: true,
    });
    expect(
      await description.getByLabel('Question in the list for staff (English)').inputValue(),
    ).toBe('Cost item');
    await budget
      .getByRole('group', { name: 'Question in the list: Amount', exact: true })
      .getByText(
        'Amount cannot be removed: the requested amount is the sum of Amount over all rows of Budget.',
      )
      .waitFor();
    await budget.getByRole('button', { name: 'Add a question to Budget' }).waitFor();
    await checkA11y(page, 'editor-list-questions-en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });
});
