/**
 * A new status, step, question, choice, time limit or mail gets the Dutch name the officer typed
 * and an empty English one, never a copy of the Dutch: the check names each missing English text
 * by the item's label, its link lands in the English box, publishing waits until it is filled,
 * and the English interface meanwhile names the item by its Dutch name, not its code.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { draftJson, expectNoProblems, openNewDraft, setUpPolicyTest } from './policy-kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;
const OFFICER = { email: 'beleid1@example.org', name: 'Pim Beleid' };
const CAN_PUBLISH = 'Geen problemen gevonden. Deze versie kan gepubliceerd worden.';
const STEP = 'Advies wijkraad vragen';
const QUESTION = 'Soort advies';
const PAYLOAD = 'events.ADVIES_WIJKRAAD_VRAGEN.payload.properties.soortAdvies';

setUpPolicyTest([OFFICER], (started) => {
  ({ server, page } = started);
});

/** Each new item: the problem's sentence, the path of its English box, and the English to fill. */
const MISSING = [
  {
    problem: 'Status ‘Advies wijkraad’: de Engelse tekst ontbreekt.',
    path: 'states.advies_wijkraad.meta.label.en',
    english: 'District advice',
  },
  {
    problem: `Stap ‘${STEP}’: de Engelse tekst ontbreekt.`,
    path: 'events.ADVIES_WIJKRAAD_VRAGEN.label.en',
    english: 'Ask the district council',
  },
  {
    problem: `Stap ‘${STEP}’, vraag ‘${QUESTION}’: de Engelse tekst ontbreekt.`,
    path: `${PAYLOAD}.x-label.en`,
    english: 'Kind of advice',
  },
  {
    problem: `Stap ‘${STEP}’, vraag ‘${QUESTION}’, keuze ‘Positief’: de Engelse tekst ontbreekt.`,
    path: `${PAYLOAD}.x-enumLabels.positief.en`,
    english: 'In favour',
  },
  {
    problem: 'Termijn ‘Herinnering beslissing’: de Engelse tekst ontbreekt.',
    path: 'delays.herinneringBeslissing.label.en',
    english: 'Decision reminder',
  },
  {
    problem:
      'Mail ‘Herinnering beslissing ({{reference}})’, onderwerp: de Engelse tekst ontbreekt.',
    path: 'templates.mails.herinnering_beslissing.en.subject',
    english: 'We decide soon on {{reference}}',
  },
];

const problemLink = (name: string) =>
  page.locator('.policy-problems').getByRole('link', { name, exact: true });
/** The DOM id of a definition path's box, as the editor makes it. */
const boxId = (path: string) => `def-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

describe('a new item asks for its English text', () => {
  it('opens a new draft', async () => {
    await openNewDraft(page, server, OFFICER.email);
    await expectNoProblems(page, CAN_PUBLISH);
  });

  it('a new status, step, question, choice, time limit and mail: Dutch only', async () => {
    await page.locator('summary', { hasText: 'Statussen en overgangen' }).click();
    await page.getByLabel('Naam van de nieuwe status (Nederlands)').fill('Advies wijkraad');
    await page.getByRole('button', { name: 'Nieuwe status' }).click();

    await page.locator('summary', { hasText: 'Wie mag welke stap zetten' }).click();
    await page.getByLabel('Naam van de nieuwe stap (Nederlands)').fill(STEP);
    await page.getByRole('button', { name: 'Stap maken' }).click();
    const step = page.getByRole('group', { name: STEP, exact: true });
    await step.locator('#def-new-field-ADVIES_WIJKRAAD_VRAGEN').fill(QUESTION);
    await step.getByLabel('Soort', { exact: true }).selectOption('select');
    await step.getByRole('button', { name: 'Gegeven toevoegen' }).click();
    const choices = step.getByRole('group', { name: `Keuzes bij ${QUESTION}` });
    await choices.getByLabel('Nieuwe keuze (Nederlands)').fill('Positief');
    await choices.getByRole('button', { name: 'Keuze toevoegen' }).click();

    await page.locator('summary', { hasText: 'Termijnen' }).click();
    await page.getByLabel('Naam van de nieuwe termijn (Nederlands)').fill('Herinnering beslissing');
    await page.locator('#def-new-delay-kind').selectOption('decisionDue');
    await page.getByRole('button', { name: 'Termijn maken' }).click();

    await page.locator('summary', { hasText: 'Teksten van brieven en mails' }).click();
    await page.locator('#def-new-template-group').selectOption('mails');
    await page.getByLabel('Naam van de nieuwe tekst (Nederlands)').fill('Herinnering beslissing');
    await page.getByRole('button', { name: 'Tekst maken' }).click();

    // Each is named by its label, in words, in the list of problems.
    for (const { problem } of MISSING) await problemLink(problem).waitFor();
    // The definition holds the Dutch and an empty English: nothing Dutch in English.
    const def = await draftJson(page);
    expect(def.states.advies_wijkraad.meta.label).toEqual({ nl: 'Advies wijkraad', en: '' });
    expect(def.events.ADVIES_WIJKRAAD_VRAGEN.label).toEqual({ nl: STEP, en: '' });
    const soort = def.events.ADVIES_WIJKRAAD_VRAGEN.payload.properties.soortAdvies;
    expect(soort['x-label']).toEqual({ nl: QUESTION, en: '' });
    expect(soort['x-enumLabels'].positief).toEqual({ nl: 'Positief', en: '' });
    expect(def.delays.herinneringBeslissing.label).toEqual({
      nl: 'Herinnering beslissing',
      en: '',
    });
    expect(def.templates.mails.herinnering_beslissing.en.subject).toBe('');
    expect(def.templates.mails.herinnering_beslissing.nl.subject).toBe(
      'Herinnering beslissing ({{reference}})',
    );
  });

  it('in English, the problems and the items go by their Dutch names, never their codes', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await problemLink('Status ‘Advies wijkraad’: the English text is missing.').waitFor();
    await problemLink(
      'Mail ‘Herinnering beslissing ({{reference}})’, subject: the English text is missing.',
    ).waitFor();
    await page.getByRole('group', { name: 'Advies wijkraad', exact: true }).waitFor();
    await page.getByRole('group', { name: STEP, exact: true }).waitFor();
    await page
      .locator('#def-templates-mails-herinnering_beslissing > summary')
      .getByText('Herinnering beslissing ({{reference}})', { exact: true })
      .waitFor();
    // Everything the page says, its options too, but not the JSON of the expert view.
    const words = await page.locator('main').evaluate((main) => {
      const copy = main.cloneNode(true) as HTMLElement;
      for (const json of copy.querySelectorAll('textarea')) json.remove();
      return copy.textContent ?? '';
    });
    expect(words).toContain('Advies wijkraad');
    expect(words).not.toMatch(/advies_wijkraad|ADVIES_WIJKRAAD|herinnering_beslissing|positief/);
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  it('publishing waits until the English texts are there', async () => {
    await page.getByRole('button', { name: 'Publiceren…' }).click();
    await page.getByText('Los eerst de problemen op voordat u publiceert.').waitFor();
    expect(await page.locator('#publish-title').count()).toBe(0);
  });

  it('each problem leads to its English box; filled in, the problem is gone', async () => {
    for (const { problem, path, english } of MISSING) {
      await problemLink(problem).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(boxId(path));
      const box = page.locator(`#${boxId(path)}`);
      expect(await box.inputValue()).toBe('');
      await box.fill(english);
      await problemLink(problem).waitFor({ state: 'detached' });
    }
    const def = await draftJson(page);
    expect(def.states.advies_wijkraad.meta.label).toEqual({
      nl: 'Advies wijkraad',
      en: 'District advice',
    });
    expect(def.templates.mails.herinnering_beslissing.en.subject).toBe(
      'We decide soon on {{reference}}',
    );
    // The status no application reaches goes again; then nothing stands in the way.
    await page.getByRole('button', { name: 'Status Advies wijkraad verwijderen' }).click();
    await expectNoProblems(page, CAN_PUBLISH);
  });
});
