/**
 * More of the definition editor without JSON (issue 15): pages of the form (rename, a title for
 * staff, add, move a question), a question's label for staff, a step's data as a date, a choice
 * list and a long text (and the simulator's form for them), the order of a transition's actions
 * changed with the keyboard, and the diagram marking what was removed against the published
 * version, with a legend and in words.
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

describe('the editor without JSON, continued', () => {
  it('opens a new draft', async () => {
    // A copy of version 1: the draft comes after the newest, as every shipped version is published.
    await openNewDraft(page, server, OFFICER.email, { from: 1 });
    await expectNoProblems(page);
  });

  it('renames the scheme and gives its references letters of their own, in words', async () => {
    await page.locator('summary', { hasText: 'Naam, omschrijving, kenmerk en afzender' }).click();
    const general = page.locator('#def-section-general');
    await general.getByLabel('Naam (Nederlands)').fill('Subsidie bewonersinitiatief Zuid');
    const prefix = general.getByLabel('Letters vóór het kenmerk');
    expect(await prefix.inputValue()).toBe('BI');
    await prefix.fill('bz');
    expect(await prefix.inputValue()).toBe('BZ');
    await general.getByText(/kenmerk als BZ-\d{4}-000123\./).waitFor();
    await expectNoProblems(page);
    // Typed key by key with no pause, as a fast typist or a paste by keystrokes does: every
    // key lands, though each one rewrites the whole definition (once, keystrokes got lost).
    const english = general.getByLabel('Naam (Engels)');
    await english.fill('');
    await english.pressSequentially('Resident initiative grant South, Feijenoord', { delay: 0 });
    await expect
      .poll(() => english.inputValue())
      .toBe('Resident initiative grant South, Feijenoord');
    const json = await draftJson();
    expect(json.referencePrefix).toBe('BZ');
    expect(json.title.nl).toBe('Subsidie bewonersinitiatief Zuid');
    expect(json.title.en).toBe('Resident initiative grant South, Feijenoord');
    // Letters the definition does not allow are named, in Dutch, at the field.
    await prefix.fill('B');
    await page
      .locator('.policy-problems')
      .getByText('De letters vóór het kenmerk zijn twee tot vijf hoofdletters, zoals KB.')
      .waitFor();
    await prefix.fill('BZ');
    await expectNoProblems(page);
    await checkA11y(page, 'editor-general');
  });

  it('changes the order of the states with the keyboard, and announces the new place', async () => {
    await page.locator('summary', { hasText: 'Statussen en overgangen' }).click();
    const before = Object.keys((await draftJson()).states);
    expect(before.indexOf('submitted')).toBe(1);
    await page.getByRole('button', { name: 'Ingediend omhoog', exact: true }).click();
    await page.getByText('Ingediend staat nu op plaats 1 van', { exact: false }).waitFor();
    expect(Object.keys((await draftJson()).states).slice(0, 2)).toEqual(['submitted', before[0]]);
    // At the top the up button is disabled; the focus went to the down button.
    const down = page.getByRole('button', { name: 'Ingediend omlaag', exact: true });
    await expect.poll(() => down.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => Object.keys((await draftJson()).states).join(','))
      .toBe(before.join(','));
    await expectNoProblems(page);
    await checkA11y(page, 'editor-state-order');
    await page.locator('summary', { hasText: 'Statussen en overgangen' }).click();
  });

  it('renames a page, adds one, moves questions between pages, and names them for staff', async () => {
    await page.locator('summary', { hasText: 'Het aanvraagformulier' }).click();
    await page.getByRole('heading', { name: 'Pagina’s van het formulier' }).waitFor();
    const budget = page.getByRole('group', { name: 'Pagina 2: Begroting' });
    await budget.getByLabel('Titel (Nederlands)').fill('Begroting en kosten');
    await page
      .getByRole('group', { name: 'Pagina 2: Begroting en kosten' })
      .getByLabel('Titel (Engels)')
      .fill('Budget and costs');

    await page.getByLabel('Titel van de nieuwe pagina (Nederlands)').fill('Deelnemers');
    await page.getByLabel('Titel van de nieuwe pagina (Engels)').fill('Participants');
    await page
      .getByLabel('Eerste vraag op de nieuwe pagina')
      .selectOption({ label: 'Verwacht aantal deelnemers' });
    await page.getByRole('button', { name: 'Pagina maken' }).click();
    const added = page.getByRole('group', { name: 'Pagina 5: Deelnemers' });
    await added.getByText('Vragen op deze pagina: Verwacht aantal deelnemers').waitFor();
    // A second question moves there at the question itself.
    await page
      .getByRole('group', { name: 'Vraag: Locatie' })
      .getByLabel('Pagina', { exact: true })
      .selectOption({ label: 'Deelnemers' });
    await added.getByText('Vragen op deze pagina: Verwacht aantal deelnemers, Locatie').waitFor();

    // The first page speaks to the resident; staff get a title of their own, in both languages.
    const first = page.getByRole('group', { name: 'Pagina 1: Uw initiatief' });
    await first.getByLabel('Titel voor medewerkers (Nederlands)').fill('Het initiatief');
    await page
      .locator('.policy-problems')
      .getByText('Pagina ‘Uw initiatief’, titel voor medewerkers: de Engelse tekst ontbreekt.')
      .waitFor();
    await first.getByLabel('Titel voor medewerkers (Engels)').fill('The initiative');
    // So does its first question: staff read it by a label of their own, in both languages.
    const question = page.getByRole('group', { name: 'Vraag: Naam van uw initiatief' });
    await question
      .getByLabel('Vraag voor medewerkers (Nederlands)')
      .fill('Naam van het initiatief');
    await page
      .locator('.policy-problems')
      .getByText(
        'Vraag ‘Naam van uw initiatief’, vraag voor medewerkers: de Engelse tekst ontbreekt.',
      )
      .waitFor();
    await question.getByLabel('Vraag voor medewerkers (Engels)').fill('Name of the initiative');
    const title = (await draftJson()).form.fields.find((f: Json) => f.key === 'title');
    expect(title.staffLabel).toEqual({
      nl: 'Naam van het initiatief',
      en: 'Name of the initiative',
    });
    expect(title.label).toEqual({ nl: 'Naam van uw initiatief', en: 'Name of your initiative' });

    const pages = (await draftJson()).form.pages;
    expect(pages[0].staffTitle).toEqual({ nl: 'Het initiatief', en: 'The initiative' });
    expect(pages[1].title).toEqual({ nl: 'Begroting en kosten', en: 'Budget and costs' });
    expect(pages.at(-1)).toEqual({
      key: 'deelnemers',
      title: { nl: 'Deelnemers', en: 'Participants' },
      fields: ['expectedParticipants', 'location'],
    });
    expect(pages[0].fields).not.toContain('location');
    await expectNoProblems(page);
    await checkA11y(page, 'editor-pages');
  });

  it('gives a step a date, a choice list and a long text', async () => {
    await page.locator('summary', { hasText: 'Wie mag welke stap zetten' }).click();
    const step = page.getByRole('group', { name: 'Om aanvulling vragen', exact: true });
    // A new question is typed in Dutch; its English is asked for (the check lists it until then).
    const add = async (label: string, kind: string, english: string) => {
      await step.locator('#def-new-field-REQUEST_INFO').fill(label);
      await step.locator('#def-new-field-type-REQUEST_INFO').selectOption(kind);
      await step.getByRole('button', { name: 'Gegeven toevoegen' }).click();
      const question = step.getByRole('group', { name: label, exact: true });
      expect(await question.getByLabel('Vraag (Engels)').inputValue()).toBe('');
      await question.getByLabel('Vraag (Engels)').fill(english);
    };
    // The kinds are offered in words.
    const kinds = await step.locator('#def-new-field-type-REQUEST_INFO option').allTextContents();
    expect(kinds).toEqual(
      expect.arrayContaining(['Korte tekst', 'Lange tekst', 'Datum', 'Keuzelijst']),
    );
    await add('Uiterste datum', 'date', 'Deadline');
    await add('Soort informatie', 'select', 'Kind of information');
    await add('Toelichting voor de aanvrager', 'textarea', 'Explanation for the applicant');

    const choices = step.getByRole('group', { name: 'Keuzes bij Soort informatie' });
    await choices.getByLabel('Keuze 1 (Nederlands)').fill('Offerte');
    await choices.getByLabel('Keuze 1 (Engels)').fill('Quote');
    await choices.getByLabel('Nieuwe keuze (Nederlands)').fill('Begroting');
    await choices.getByRole('button', { name: 'Keuze toevoegen' }).click();
    await choices.getByLabel('Keuze 2 (Engels)').fill('Budget');
    await step
      .getByRole('group', { name: 'Uiterste datum', exact: true })
      .getByLabel('Verplicht')
      .check();

    const props = (await draftJson()).events.REQUEST_INFO.payload.properties;
    expect(props.uitersteDatum).toMatchObject({ type: 'string', format: 'date' });
    expect(props.soortInformatie).toMatchObject({
      type: 'string',
      enum: ['keuze_1', 'begroting'],
      'x-enumLabels': {
        keuze_1: { nl: 'Offerte', en: 'Quote' },
        begroting: { nl: 'Begroting', en: 'Budget' },
      },
    });
    expect(props.toelichtingVoorDeAanvrager).toMatchObject({
      type: 'string',
      'x-widget': 'textarea',
    });
    await expectNoProblems(page);
    await checkA11y(page, 'editor-payload-kinds');

    // The simulator asks for them as a date, a choice in words and a long text.
    await page.getByRole('button', { name: 'Begin een aanvraag' }).click();
    await page.getByRole('button', { name: 'Stap Indienen zetten' }).click();
    await page.getByText('Huidige status: Ingediend').waitFor();
    await page.getByLabel('U bent').selectOption('assessor');
    // A date as three boxes (day, month, year) under its label, as on the resident's form.
    const date = page
      .locator('.policy-sim')
      .getByRole('group', { name: 'Uiterste datum', exact: true });
    expect(await date.getByRole('textbox').count()).toBe(3);
    expect(await date.getByLabel('Dag', { exact: true }).getAttribute('id')).toBe(
      'sim-payload-REQUEST_INFO-uitersteDatum',
    );
    expect(
      await page.locator('#sim-payload-REQUEST_INFO-soortInformatie option').allTextContents(),
    ).toEqual(['–', 'Offerte', 'Begroting']);
    expect(
      await page
        .locator('#sim-payload-REQUEST_INFO-toelichtingVoorDeAanvrager')
        .evaluate((el) => el.tagName),
    ).toBe('TEXTAREA');
  });

  it('changes the order of a transition’s actions with the keyboard', async () => {
    await page.locator('summary', { hasText: 'Statussen en overgangen' }).click();
    const assessed = page.getByRole('group', { name: 'Beoordeeld', exact: true });
    const branch = assessed.locator('details', {
      has: page.locator('summary', { hasText: 'Mogelijkheid 2 van Verlenen' }),
    });
    await branch.locator('> summary').click();
    const before = (await draftJson()).states.assessed.on.GRANT[1].actions.map((a: Json) => a.type);
    const actions = branch.locator('ol.policy-ref-list').nth(1).locator('> li');
    const firstDown = actions.first().getByRole('button', { name: / omlaag$/ });
    const what = (await firstDown.textContent())!.replace(/ omlaag$/, '');
    // The first cannot go up.
    expect(
      await actions
        .first()
        .getByRole('button', { name: / omhoog$/ })
        .isDisabled(),
    ).toBe(true);
    await firstDown.focus();
    await page.keyboard.press('Enter');
    await branch
      .getByRole('status')
      .filter({ hasText: `${what} staat nu op plaats 2 van ${before.length}.` })
      .waitFor();
    const after = (await draftJson()).states.assessed.on.GRANT[1].actions.map((a: Json) => a.type);
    expect(after).toEqual([before[1], before[0], ...before.slice(2)]);
    // Focus went with it: pressing Enter again moves it one further down.
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    await expect.poll(focused).toBe(`${what} omlaag`);
    await page.keyboard.press('Enter');
    await branch.getByRole('status').filter({ hasText: 'op plaats 3' }).waitFor();
    await expect.poll(focused).toBe(`${what} omlaag`);
    // And back up to the top with the other button; at the top focus moves to "down".
    const up = actions.nth(2).getByRole('button', { name: `${what} omhoog` });
    await up.focus();
    await page.keyboard.press('Enter');
    await branch.getByRole('status').filter({ hasText: 'op plaats 2' }).waitFor();
    await expect.poll(focused).toBe(`${what} omhoog`);
    await page.keyboard.press('Enter');
    await branch.getByRole('status').filter({ hasText: 'op plaats 1' }).waitFor();
    await expect.poll(focused).toBe(`${what} omlaag`);
    expect(
      (await draftJson()).states.assessed.on.GRANT[1].actions.map((a: Json) => a.type),
    ).toEqual(before);
    await expectNoProblems(page);
    await checkA11y(page, 'editor-action-order');
  });

  it('the diagram marks what was removed against the published version', async () => {
    const submitted = page.getByRole('group', { name: 'Ingediend', exact: true });
    await submitted.getByRole('button', { name: 'Overgang Intrekken verwijderen' }).click();
    // Removing a status asks first, naming the transition that goes there; "Annuleren" keeps it.
    const remove = page.getByRole('button', { name: 'Status Buiten behandeling verwijderen' });
    await remove.click();
    const question = page.getByRole('alert').filter({ hasText: 'Status ‘Buiten behandeling’' });
    await question
      .getByText(/verwijderen\? Deze overgangen gaan naar deze status: Aanvulling gevraagd › /)
      .waitFor();
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await question.waitFor({ state: 'detached' });
    expect(Object.keys((await draftJson()).states)).toContain('not_considered');
    await remove.click();
    await page.getByRole('button', { name: 'Ja, bevestigen' }).click();
    // The transition that went there says its status is gone, and the check names it.
    const requested = page.getByRole('group', { name: 'Aanvulling gevraagd', exact: true });
    const dangling = requested.locator('summary', { hasText: '→ (status bestaat niet meer)' });
    await dangling.waitFor();
    expect(await requested.locator('summary', { hasText: 'blijft in deze status' }).count()).toBe(
      0,
    );
    await page
      .locator('.policy-problems')
      .getByRole('link', {
        name: /^Aanvulling gevraagd › .*: de status waar de overgang heen gaat bestaat niet\./,
      })
      .waitFor();

    const legend = page.locator('.policy-diagram__legend').first();
    await legend.getByText('Verwijderde statussen: Buiten behandeling.').waitFor();
    await legend
      .getByText(/Verwijderde overgangen: .*Ingediend: Intrekken → Ingetrokken/)
      .waitFor();
    await legend.getByText(/Rood gestreept en doorgehaald met “verwijderd”/).waitFor();
    // In the picture: struck through, with the word, dashed.
    const removed = page.locator('.policy-diagram svg g[data-removed] text', {
      hasText: 'verwijderd: Buiten behandeling',
    });
    await removed.first().waitFor();
    expect(await removed.first().getAttribute('text-decoration')).toBe('line-through');
    expect(
      await page
        .locator('.policy-diagram svg g[data-removed] rect')
        .first()
        .getAttribute('stroke-dasharray'),
    ).toBe('4 4');
    // And in the text version of the diagram.
    const table = page.locator('.policy-diagram__text').first();
    await table.locator('summary').click();
    await table.getByRole('rowheader', { name: /Buiten behandeling .*\(verwijderd\)/ }).waitFor();
    await table
      .getByRole('cell', { name: /verwijderd: Intrekken → Ingetrokken/ })
      .first()
      .waitFor();
    // The image's description says it too.
    const desc = await page.locator('.policy-diagram svg desc').first().textContent();
    expect(desc).toContain('Verwijderde statussen: Buiten behandeling.');
    await checkA11y(page, 'editor-diagram-removed');
  });
});
