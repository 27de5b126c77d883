/**
 * A choice list's choices in the editor without JSON, and what residents then read: a new choice
 * list on the form starts with one choice whose words the check asks for and whose link leads to
 * its box; choices get their words in Dutch and English, are added (the value from the Dutch
 * words, never the same words twice), moved up and down and removed, but never the last one, with
 * the reason in words, on a question of the form and on a list's own question alike. Published,
 * the resident's form offers each choice by its words and her answer reads so in the review, on
 * her application's page and on the staff's, in Dutch and in English; the value stays the code.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData, onlyFormFields } from '../../api/src/applications/applications.fixtures';
import { loadDefinition } from '../../api/src/definitions/definitions.repository';
import { checkA11y, expectHeading, login, logout } from './browser';
import { httpApi } from './kit';
import {
  cookieOf,
  draftJson as draftOf,
  expectNoProblems,
  type Json,
  openNewDraft,
  publishForRegulation,
  setUpPolicyTest,
} from './policy-kit';
import { PASSWORD, type TestServer } from './server';
import { nextDraftVersion } from './versions';

let server: TestServer;
let page: Page;
const FIRST = { email: 'beleid1@example.org', name: 'Pim Beleid' };
const SECOND = { email: 'beleid2@example.org', name: 'Fatima Goedkeurder' };
const NEXT = await nextDraftVersion('bewonersinitiatief');
let applicationId = '';

setUpPolicyTest([FIRST, SECOND], (started) => {
  ({ server, page } = started);
});

const api = httpApi(() => server);
const draftJson = (): Promise<Json> => draftOf(page);
/** A question of the draft's form by its key, with its place among the form's questions. */
const questionOf = async (key: string): Promise<{ field: Json; index: number }> => {
  const fields: Json[] = (await draftJson()).form.fields;
  const index = fields.findIndex((f) => f.key === key);
  return { field: fields[index]!, index };
};
const problemLink = (name: string) =>
  page.locator('.policy-problems').getByRole('link', { name, exact: true });
const group = (name: string) => ({ name, exact: true });
const activeId = () => page.evaluate(() => document.activeElement?.id);

describe('a choice list’s choices in the editor', () => {
  it('a new choice list starts with one choice whose words the check asks for', async () => {
    await openNewDraft(page, server, FIRST.email);
    await expectNoProblems(page);
    await page.locator('summary', { hasText: 'Het aanvraagformulier' }).click();
    await page.getByLabel('De nieuwe vraag (Nederlands)').fill('Soort activiteit');
    await page.getByLabel('Soort antwoord', { exact: true }).selectOption({ label: 'Keuzelijst' });
    await page.getByRole('button', { name: 'Vraag toevoegen', exact: true }).click();
    const question = page.getByRole('group', group('Vraag: Soort activiteit'));
    const choices = question.getByRole('group', group('Keuzes bij Soort activiteit'));
    await choices.waitFor();
    const { field, index } = await questionOf('soortActiviteit');
    // The add button went disabled with its box emptied: focus is on the new question's words.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe(`def-form-fields-${index}-label-nl`);
    expect(field).toEqual({
      key: 'soortActiviteit',
      type: 'select',
      label: { nl: 'Soort activiteit', en: '' },
      options: ['keuze_1'],
      optionLabels: { keuze_1: { nl: '', en: '' } },
    });
    // The only choice cannot go, and the editor says why.
    expect(await choices.getByRole('button', { name: /verwijderen$/ }).count()).toBe(0);
    await choices
      .getByText(
        'Keuze 1 is de enige keuze van Soort activiteit en kan daarom niet weg. Voeg eerst een andere keuze toe.',
      )
      .waitFor();

    // Its empty words are named by the question and the choice's place, and lead to the box.
    await problemLink('Vraag ‘Soort activiteit’, keuze 1: de Engelse tekst ontbreekt.').waitFor();
    await problemLink('Vraag ‘Soort activiteit’, keuze 1: de Nederlandse tekst ontbreekt.').click();
    const dutch = `def-form-fields-${index}-optionLabels-keuze_1-nl`;
    await expect.poll(activeId).toBe(dutch);
    expect(await choices.getByLabel('Keuze 1 (Nederlands)').getAttribute('id')).toBe(dutch);
    await page.locator(`#${dutch}`).fill('Straatfeest');
    await choices.getByLabel('Keuze 1 (Engels)').fill('Street party');
    await question.getByLabel('Vraag (Engels)', { exact: true }).fill('Kind of activity');
    await expectNoProblems(page);
  });

  it('adds choices by their Dutch words, never the same words twice', async () => {
    const choices = page.getByRole('group', group('Keuzes bij Soort activiteit'));
    const words = choices.getByLabel('Nieuwe keuze bij Soort activiteit (Nederlands)');
    const add = choices.getByRole('button', { name: 'Keuze toevoegen aan Soort activiteit' });
    expect(await add.isDisabled()).toBe(true);
    await words.fill('Moestuin');
    await add.click();
    expect(await words.inputValue()).toBe('');
    expect(await choices.getByLabel('Keuze 2 (Nederlands)').inputValue()).toBe('Moestuin');
    const missing = problemLink(
      'Vraag ‘Soort activiteit’, keuze ‘Moestuin’: de Engelse tekst ontbreekt.',
    );
    await missing.waitFor();
    await choices.getByLabel('Keuze 2 (Engels)').fill('Vegetable garden');
    await missing.waitFor({ state: 'detached' });

    await words.fill('moestuin');
    await choices
      .getByText('Soort activiteit heeft al een keuze met deze woorden. Kies andere woorden.')
      .waitFor();
    expect(await add.isDisabled()).toBe(true);
    await words.fill('Buurt-bbq');
    await add.click();
    await choices.getByLabel('Keuze 3 (Engels)').fill('Neighbourhood barbecue');
    await expectNoProblems(page);
    const { field } = await questionOf('soortActiviteit');
    expect(field.options).toEqual(['keuze_1', 'moestuin', 'buurt_bbq']);
    expect(field.optionLabels.buurt_bbq).toEqual({ nl: 'Buurt-bbq', en: 'Neighbourhood barbecue' });
  });

  it('moves a choice up, announced, with the focus following it, and removes one', async () => {
    const choices = page.getByRole('group', group('Keuzes bij Soort activiteit'));
    await choices.getByRole('button', { name: 'Moestuin omhoog', exact: true }).click();
    await choices.getByText('Moestuin staat nu op plaats 1 van 3.').waitFor();
    await expect
      .poll(async () => (await questionOf('soortActiviteit')).field.options)
      .toEqual(['moestuin', 'keuze_1', 'buurt_bbq']);
    // At the top, the focus went to the button that moves it down; the boxes followed it.
    const down = choices.getByRole('button', { name: 'Moestuin omlaag', exact: true });
    await expect.poll(() => down.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await choices.getByLabel('Keuze 1 (Nederlands)').inputValue()).toBe('Moestuin');

    await choices.getByRole('button', { name: 'Keuze Buurt-bbq verwijderen' }).click();
    await choices.getByLabel('Keuze 3 (Nederlands)').waitFor({ state: 'detached' });
    const { field } = await questionOf('soortActiviteit');
    expect(field).toEqual({
      key: 'soortActiviteit',
      type: 'select',
      label: { nl: 'Soort activiteit', en: 'Kind of activity' },
      options: ['moestuin', 'keuze_1'],
      optionLabels: {
        keuze_1: { nl: 'Straatfeest', en: 'Street party' },
        moestuin: { nl: 'Moestuin', en: 'Vegetable garden' },
      },
    });
    await expectNoProblems(page);
    await checkA11y(page, 'editor-choices');
  });

  it('a list’s own choice list alike: never without a choice', async () => {
    const budget = page.getByRole('group', group('Vraag: Begroting'));
    await budget
      .getByLabel('Nieuwe vraag in de lijst Begroting (Nederlands)')
      .fill('Soort uitgave');
    await budget
      .getByLabel('Soort invoer van de nieuwe vraag in Begroting')
      .selectOption({ label: 'Keuzelijst' });
    await budget.getByRole('button', { name: 'Vraag aan Begroting toevoegen' }).click();
    const kind = budget.getByRole('group', group('Vraag in de lijst: Soort uitgave'));
    await kind.getByLabel('Vraag in de lijst (Engels)', { exact: true }).fill('Kind of expense');
    const choices = kind.getByRole('group', group('Keuzes bij Soort uitgave'));
    await problemLink(
      'Vraag ‘Begroting’ › Vraag ‘Soort uitgave’, keuze 1: de Nederlandse tekst ontbreekt.',
    ).waitFor();
    await choices.getByLabel('Keuze 1 (Nederlands)').fill('Huur');
    await choices.getByLabel('Keuze 1 (Engels)').fill('Rent');
    await choices.getByLabel('Nieuwe keuze bij Soort uitgave (Nederlands)').fill('Inkoop');
    await choices.getByRole('button', { name: 'Keuze toevoegen aan Soort uitgave' }).click();
    await choices.getByLabel('Keuze 2 (Engels)').fill('Purchase');
    await choices.getByRole('button', { name: 'Keuze Huur verwijderen' }).click();
    // The one left cannot go.
    await choices
      .getByText(/^Inkoop is de enige keuze van Soort uitgave en kan daarom niet weg\./)
      .waitFor();
    expect(await choices.getByRole('button', { name: /verwijderen$/ }).count()).toBe(0);
    const { field: lines } = await questionOf('budgetLines');
    expect(lines.fields.at(-1)).toEqual({
      key: 'soortUitgave',
      type: 'select',
      label: { nl: 'Soort uitgave', en: 'Kind of expense' },
      options: ['inkoop'],
      optionLabels: { inkoop: { nl: 'Inkoop', en: 'Purchase' } },
    });
    await expectNoProblems(page);
  });

  it('in English, the choices go by their English words', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    const choices = page.getByRole('group', group('Choices for Kind of activity'));
    expect(await choices.getByLabel('Choice 1 (English)').inputValue()).toBe('Vegetable garden');
    await choices
      .getByRole('button', { name: 'Move Vegetable garden down', exact: true })
      .waitFor();
    await choices.getByRole('button', { name: 'Remove choice Street party' }).waitFor();
    await page
      .getByRole('group', group('Choices for Kind of expense'))
      .getByText(
        'Purchase is the only choice of Kind of expense, so it cannot be removed. Add another choice first.',
      )
      .waitFor();
    await checkA11y(page, 'editor-choices-en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  it('saves the draft; a second officer approves publishing it for the regulation', async () => {
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Concept opgeslagen om/ })
      .waitFor();
    await publishForRegulation(server, {
      first: FIRST.email,
      second: SECOND.email,
      version: NEXT,
      comment: 'Soort activiteit en soort uitgave gevraagd.',
      regulationComment: `Versie ${NEXT} met soort activiteit.`,
    });
  });
});

describe('what residents and staff read of a choice', () => {
  it('the resident’s form offers each choice by its words; the value stored is the choice', async () => {
    const definition = await loadDefinition(server.deps.db, 'bewonersinitiatief', NEXT);
    const data = onlyFormFields(definition, demoFormData(server.deps.clock()));
    data.budgetLines = (data.budgetLines as Json[]).map((l) => ({ ...l, soortUitgave: 'inkoop' }));
    const created = await api('/applications', {
      method: 'POST',
      cookie: await cookieOf(server, server.users.resident.email),
      body: { regulationId: server.regulationId, data },
    });
    expect(created.json.definition.version).toBe(NEXT);
    applicationId = created.json.id;

    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${applicationId}/bewerken/payment`);
    await expectHeading(page, /: Betaalgegevens$/, false);
    const kind = page.getByLabel('Soort activiteit', { exact: true });
    expect(await kind.locator('option').allTextContents()).toEqual([
      'Kies…',
      'Moestuin',
      'Straatfeest',
    ]);
    await kind.selectOption({ label: 'Straatfeest' });
    await page
      .getByRole('status')
      .filter({ hasText: /Opgeslagen om/ })
      .first()
      .waitFor();
    await expect
      .poll(async () => {
        const row = await server.deps.db
          .selectFrom('applications')
          .select('data')
          .where('id', '=', applicationId)
          .executeTakeFirstOrThrow();
        return (row.data as Json).soortActiviteit;
      })
      .toBe('keuze_1');
    await checkA11y(page, 'choices-resident-form');

    await page.getByRole('button', { name: 'English' }).click();
    const english = page.getByLabel('Kind of activity', { exact: true });
    await english.locator('option', { hasText: 'Vegetable garden' }).waitFor({ state: 'attached' });
    expect(await english.locator('option').allTextContents()).toEqual([
      'Choose…',
      'Vegetable garden',
      'Street party',
    ]);
    expect(await english.locator('option:checked').textContent()).toBe('Street party');
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  it('the review and her application’s page name the choice by its words, in either language', async () => {
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await expectHeading(page, /: Controleren en versturen$/);
    const main = page.getByRole('main');
    await main.getByText('Straatfeest', { exact: true }).waitFor();
    await main
      .getByText(/ · Inkoop$/)
      .first()
      .waitFor();
    expect(await main.getByText('keuze_1').count()).toBe(0);
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await expectHeading(page, 'Straatfeest Mathenesserlaan');
    await main.getByText('Straatfeest', { exact: true }).waitFor();
    await main.getByRole('cell', { name: 'Inkoop', exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await main.getByText('Street party', { exact: true }).waitFor();
    await main.getByRole('cell', { name: 'Purchase', exact: true }).first().waitFor();
    expect(await main.getByText('Straatfeest', { exact: true }).count()).toBe(0);
    await checkA11y(page, 'choices-resident-case-en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await logout(page);
  });

  it('staff read the choice by its words on the case page', async () => {
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${applicationId}`);
    await expectHeading(page, 'Straatfeest Mathenesserlaan', false);
    const main = page.getByRole('main');
    await main.getByText('Straatfeest', { exact: true }).waitFor();
    await main.getByRole('cell', { name: 'Inkoop', exact: true }).first().waitFor();
    expect(await main.getByText('keuze_1').count()).toBe(0);
    await logout(page);
  });
});
