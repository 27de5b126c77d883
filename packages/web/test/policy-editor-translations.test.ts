/**
 * A new status, step, question, choice, time limit or mail gets the Dutch name the officer typed
 * and an empty English one, never a copy of the Dutch: the check names each missing English text
 * by the item's label, its link lands in the English box, publishing waits until it is filled,
 * and the English interface meanwhile names the item by its Dutch name, not its code.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y } from './browser';
import {
  draftJson,
  expectNoProblems,
  openNewDraft,
  setDefinitionJson,
  setUpPolicyTest,
} from './policy-kit';
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
    // A mail by its subject with its placeholders in words, never the codes it is written with.
    problem: 'Mail ‘Herinnering beslissing («kenmerk»)’, onderwerp: de Engelse tekst ontbreekt.',
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
      'Mail ‘Herinnering beslissing («reference»)’, subject: the English text is missing.',
    ).waitFor();
    await page.getByRole('group', { name: 'Advies wijkraad', exact: true }).waitFor();
    await page.getByRole('group', { name: STEP, exact: true }).waitFor();
    await page
      .locator('#def-templates-mails-herinnering_beslissing > summary')
      .getByText('Herinnering beslissing («reference»)', { exact: true })
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
      // The empty box is marked, its error read out with it.
      expect(await box.getAttribute('aria-invalid')).toBe('true');
      expect(await box.getAttribute('aria-describedby')).toContain(`${boxId(path)}-error`);
      expect(await page.locator(`#${boxId(path)}-error`).textContent()).toContain(problem);
      await box.fill(english);
      await problemLink(problem).waitFor({ state: 'detached' });
      expect(await box.getAttribute('aria-invalid')).not.toBe('true');
    }
    const def = await draftJson(page);
    expect(def.states.advies_wijkraad.meta.label).toEqual({
      nl: 'Advies wijkraad',
      en: 'District advice',
    });
    expect(def.templates.mails.herinnering_beslissing.en.subject).toBe(
      'We decide soon on {{reference}}',
    );
    // The status no application reaches goes again, after a question that no transition goes
    // there; then nothing stands in the way.
    await page.getByRole('button', { name: 'Status Advies wijkraad verwijderen' }).click();
    await page
      .getByRole('alert')
      .getByText('Status ‘Advies wijkraad’ verwijderen? Geen overgang gaat naar deze status.')
      .waitFor();
    await page.getByRole('button', { name: 'Ja, bevestigen' }).click();
    await expectNoProblems(page, CAN_PUBLISH);
  });
});

describe('a text the Dutch screen cannot show or the server cannot store', () => {
  it('a question without Dutch goes by its place, never by its English text', async () => {
    await page.locator('summary', { hasText: 'Het aanvraagformulier' }).click();
    const path = 'form.fields.0.label.nl';
    const box = page.locator(`#${boxId(path)}`);
    const dutch = await box.inputValue();
    const english = await page.locator(`#${boxId('form.fields.0.label.en')}`).inputValue();
    expect(english).not.toBe('');
    // The "required" box has its label right beside it, not at the far side of the form.
    const required = page.locator(`#${boxId('form.fields.0.required')}`);
    const tick = (await required.boundingBox())!;
    const label = (await page
      .locator(`label[for="${boxId('form.fields.0.required')}"]`)
      .boundingBox())!;
    expect(label.x - (tick.x + tick.width)).toBeGreaterThanOrEqual(0);
    expect(label.x - (tick.x + tick.width)).toBeLessThan(24);
    await box.fill('');
    await page.getByRole('group', { name: 'Vraag 1 (nog zonder Nederlandse tekst)' }).waitFor();
    const problem = 'Vraag 1: de Nederlandse tekst ontbreekt.';
    await problemLink(problem).waitFor();
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await box.getAttribute('aria-describedby')).toContain(`${boxId(path)}-error`);
    expect(await page.locator(`#${boxId(path)}-error`).textContent()).toContain(problem);
    // Nothing the Dutch page says is the English label (the boxes' values aside).
    const words = await page.locator('main').evaluate((main) => {
      const copy = main.cloneNode(true) as HTMLElement;
      for (const json of copy.querySelectorAll('textarea')) json.remove();
      return copy.textContent ?? '';
    });
    expect(words).not.toContain(english);
    await box.fill(dutch);
    await expectNoProblems(page, CAN_PUBLISH);
    await page.locator('summary', { hasText: 'Het aanvraagformulier' }).click();
  });

  it('a NUL in a mail’s subject is named in words by the check, and nothing claims a save', async () => {
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    const saved = page.getByText(/^Concept opgeslagen om /);
    await saved.waitFor();
    const def = await draftJson(page);
    const subject: string = def.templates.mails.acknowledgement.nl.subject;
    const named = subject.replace('{{reference}}', '«kenmerk»');
    expect(named).not.toContain('{{');
    def.templates.mails.acknowledgement.nl.subject = `${subject}\u0000`;
    await setDefinitionJson(page, def);
    const problem = `Mail ‘${named}’ (onderwerp, Nederlandse tekst) bevat een teken dat niet kan worden opgeslagen (een NUL-teken). Typ de tekst opnieuw in plaats van hem te plakken.`;
    // The check finds it before anything is sent: it never says there are no problems.
    await problemLink(problem).waitFor();
    expect(await page.getByText(/^Geen problemen gevonden/).count()).toBe(0);
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Het concept is niet opgeslagen.' });
    await refused.getByText(problem, { exact: false }).waitFor();
    const said = (await refused.textContent()) ?? '';
    expect(said).not.toMatch(/Laad de pagina opnieuw|Het verzoek kon niet/);
    // The earlier "saved at" is gone: the draft on the screen is not the one stored.
    await saved.waitFor({ state: 'detached' });
    await page.getByText('Er zijn wijzigingen die nog niet zijn opgeslagen.').waitFor();
    // The link leads to the subject's box; typed again, the problem is gone and the draft saves.
    await problemLink(problem).click();
    const box = page.locator(`#${boxId('templates.mails.acknowledgement.nl.subject')}`);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe(boxId('templates.mails.acknowledgement.nl.subject'));
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    // The insert button and the preview button below it do not touch.
    const mail = page.locator('#def-templates-mails-acknowledgement');
    const insert = (await mail
      .getByRole('button', { name: 'Invoegen in de tekst (Nederlands)' })
      .boundingBox())!;
    const preview = (await mail
      .getByRole('button', { name: 'Voorbeeld (Nederlands)' })
      .boundingBox())!;
    expect(preview.y - (insert.y + insert.height)).toBeGreaterThanOrEqual(8);
    await box.fill(subject);
    await expectNoProblems(page, CAN_PUBLISH);
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await saved.waitFor();
    await checkA11y(page, 'editor-translations');
  });
});
