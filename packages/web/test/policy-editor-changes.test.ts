/**
 * The workflow editor keeps what the officer typed and says what changes in words: a number of
 * days that is not a whole number is refused at its box and keeps the check from passing (never
 * read as another number, never dropped), a new question must have English too, the diagram's
 * text names a step that stays in its status, a whole number (of the form or of a step) can be
 * marked as a code (a year) and back, and the list before publishing says questions by
 * their labels, texts in both languages and a letter's added sentence as added — never JSON.
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
import { newestShippedVersion } from './versions';

let server: TestServer;
let page: Page;
const OFFICER = { email: 'beleid1@example.org', name: 'Pim Beleid' };
const NEWEST = await newestShippedVersion('bewonersinitiatief');
const ADDED = 'Wij nemen binnen acht weken een besluit.';

setUpPolicyTest([OFFICER], (started) => {
  ({ server, page } = started);
});

const draftJson = (): Promise<Json> => draftOf(page);
const problemsText = async () => (await page.locator('.policy-problems').textContent()) ?? '';

describe('the editor keeps typed values and says changes in words', () => {
  it('opens a new draft', async () => {
    await openNewDraft(page, server, OFFICER.email);
    await expectNoProblems(page);
  });

  it('refuses days that are not a whole number, keeping the box and the previous value', async () => {
    await page.locator('summary', { hasText: 'Termijnen' }).click();
    const group = page.getByRole('group', { name: '7 dagen vóór de uiterste beslisdatum' });
    const days = group.getByLabel('Dagen ten opzichte van die datum (negatief is ervoor)');
    const offset = async () => {
      const delays = (await draftJson()).delays as Json;
      return Object.values(delays).find((d) => d.params?.offsetDays !== undefined)?.params
        .offsetDays;
    };
    expect(await offset()).toBe(-7);
    for (const typed of ['1,5', '1.5', 'abc', '']) {
      await days.fill(typed);
      expect(await days.inputValue()).toBe(typed);
      await group.getByText('Vul een heel aantal dagen in, bijvoorbeeld 14.').waitFor();
      // The definition keeps its last valid value: not 15, not 1, not gone.
      expect(await offset()).toBe(-7);
      await page.getByText('1 probleem gevonden.').waitFor();
      expect(await problemsText()).toContain('Vul een heel aantal dagen in, bijvoorbeeld 14.');
    }
    await days.fill('400');
    await group.getByText('Vul een aantal dagen in van -366 tot en met 366.').waitFor();
    await checkA11y(page, 'editor-days-invalid');
    // Publishing is refused while a box holds an invalid value.
    await page.getByRole('button', { name: 'Publiceren…' }).click();
    await page.getByText('Los eerst de problemen op voordat u publiceert.').waitFor();
    await days.fill('-10');
    await expectNoProblems(page);
    await expect.poll(offset).toBe(-10);
    await page.locator('summary', { hasText: 'Termijnen' }).click();
  });

  it('asks for the English question of a new question, naming it by its label', async () => {
    await page.locator('summary', { hasText: 'Het aanvraagformulier' }).click();
    await page.getByLabel('De nieuwe vraag (Nederlands)').fill('Aantal vrijwilligers');
    await page.getByLabel('Soort antwoord').selectOption({ label: 'Getal' });
    await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
    const question = page.getByRole('group', { name: 'Vraag: Aantal vrijwilligers' });
    // Not a copy of the Dutch: empty, so the check asks for it.
    expect(await question.getByLabel('Vraag (Engels)').inputValue()).toBe('');
    const problem = page
      .locator('.policy-problems')
      .getByRole('link', { name: 'Vraag ‘Aantal vrijwilligers’: de Engelse tekst ontbreekt.' });
    await problem.waitFor();
    await problem.click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toMatch(/^def-form-fields-\d+-label-en$/);
    await question.getByLabel('Vraag (Engels)').fill('Number of volunteers');
    await expectNoProblems(page);
    // A whole number may be a code (a year): ticked, the definition says so; unticked, it is a
    // quantity again and the key is gone. Only whole numbers offer the choice.
    const code = question.getByLabel(
      'Toon als code, zonder scheidingsteken (bijvoorbeeld een jaartal of huisnummer)',
    );
    const added = async () =>
      ((await draftJson()).form as { fields: Json[] }).fields.find(
        (f) => f.key === 'aantalVrijwilligers',
      );
    expect(await code.isChecked()).toBe(false);
    await code.check();
    await expect.poll(async () => (await added())?.display).toBe('code');
    await expectNoProblems(page);
    await code.uncheck();
    await expect.poll(async () => added().then((f) => f && 'display' in f)).toBe(false);
    const text = page.getByRole('group', { name: /^Vraag: / }).first();
    expect(await text.getByLabel(/^Toon als code/).count()).toBe(0);
    await page.locator('summary', { hasText: 'Het aanvraagformulier' }).click();

    // A step's whole number offers the same choice, kept as x-display on its payload field.
    await page.locator('summary', { hasText: 'Wie mag welke stap zetten' }).click();
    const period = page
      .locator('#def-section-events')
      .getByRole('group', { name: 'Om aanvulling vragen', exact: true })
      .getByRole('group', { name: 'Termijn voor de aanvulling (dagen)', exact: true });
    const periodCode = period.getByLabel(/^Toon als code/);
    const periodDays = async () =>
      (await draftJson()).events.REQUEST_INFO.payload.properties.periodDays as Json;
    expect(await periodCode.isChecked()).toBe(false);
    await periodCode.check();
    await expect.poll(async () => (await periodDays())['x-display']).toBe('code');
    await expectNoProblems(page);
    await periodCode.uncheck();
    await expect.poll(async () => 'x-display' in (await periodDays())).toBe(false);
    await checkA11y(page, 'editor-payload-code');
    await page.locator('summary', { hasText: 'Wie mag welke stap zetten' }).click();
  });

  it('adds a sentence at the end of a mail', async () => {
    await page.locator('summary', { hasText: 'Teksten van brieven en mails' }).click();
    const mail = page.locator('#def-templates-mails-acknowledgement');
    await mail.locator('> summary').click();
    const body = mail.getByLabel('Tekst (Nederlands)');
    await body.fill(`${await body.inputValue()}\n\n${ADDED}`);
    await expectNoProblems(page);
  });

  it('names a step that stays in its status in the diagram’s text', async () => {
    const details = page.locator('details.policy-diagram__text').first();
    await details.locator('summary', { hasText: 'Het schema als tekst' }).click();
    const row = details.getByRole('row', { name: /^Verleend/ });
    await row.getByText(/Voorschot betalen \(blijft in Verleend\)/).waitFor();
  });

  it('lists the changes in words before publishing', async () => {
    await page.getByRole('button', { name: 'Publiceren…' }).click();
    const summary = page.getByRole('region', { name: 'Publiceren: wat verandert er?' });
    await summary.getByText(`Vergeleken met versie ${NEWEST}.`).waitFor();
    await summary
      .getByText(
        /^Nieuwe vraag ‘Aantal vrijwilligers’ \(getal, niet verplicht\) op de pagina ‘.+’$/,
      )
      .waitFor();
    const mail = summary.getByText(/^De mail ‘.+’, tekst \(Nederlands\):/);
    await mail.waitFor();
    // The added sentence, marked as added (also for a screen reader); nothing removed.
    const added = mail.locator('ins');
    expect((await added.textContent())?.trim()).toBe(`toegevoegd: ${ADDED}`);
    expect(await mail.locator('del').count()).toBe(0);
    const text = (await summary.textContent()) ?? '';
    expect(text).not.toMatch(/[{}[\]]"|\{"|"key"|aantalVrijwilligers|acknowledgement/);
    await checkA11y(page, 'policy-publish-words');
  });
});
