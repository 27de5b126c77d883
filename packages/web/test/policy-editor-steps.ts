/**
 * The changes of issue 15, as a policy officer makes them in the editor without opening the JSON
 * view, each with its checks: a reminder mail seven days before the decision deadline (1), five
 * supporters instead of four (2), a new letter with the grant previewed as the real PDF (3), and
 * a new step with a question between two statuses (4); then the draft saved. The editor's own
 * test runs them one test each; the publishing test runs them again to have a draft to publish.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { pdfText } from '../../api/src/letters/pdf-text';
import { checkA11y, expectHeading, expectLooksTicked } from './browser';
import { addAction, draftJson, expectNoProblems, stateGroup } from './policy-kit';
import { nextDraftVersion } from './versions';

export const FIRST = { email: 'beleid1@example.org', name: 'Pim Voorsteller' };
export const SECOND = { email: 'beleid2@example.org', name: 'Fatima Goedkeurder' };
export const REGULATION = 'Bewonersinitiatieven Delfshaven 2026';
/** The draft's version: every shipped version is published, so it comes after the newest. */
export const NEXT = await nextDraftVersion('bewonersinitiatief');
export const DRAFT_HEADING = new RegExp(`versie ${NEXT}$`);

/** (1) A reminder mail seven days before the decision deadline, by a time limit of its own. */
export async function addReminderMail(page: Page): Promise<void> {
  await page.locator('summary', { hasText: 'Teksten van brieven en mails' }).click();
  await page.locator('#def-new-template-group').selectOption('mails');
  await page.getByLabel('Naam van de nieuwe tekst').fill('Herinnering beslissing');
  await page.getByRole('button', { name: 'Tekst maken' }).click();
  const mail = page.locator('#def-templates-mails-herinnering_beslissing');
  await mail.locator('> summary').click();
  await mail
    .getByLabel('Onderwerp (Nederlands)')
    .fill('Wij beslissen binnenkort over {{reference}}');
  await mail
    .getByLabel('Tekst (Nederlands)')
    .fill('Beste {{applicantName}},\n\nWij beslissen uiterlijk op ');
  // The placeholder picker inserts where the cursor was.
  await mail.getByLabel('Invulveld').first().selectOption('decisionDueDate');
  await mail.getByRole('button', { name: 'Invoegen in de tekst (Nederlands)' }).click();
  expect(await mail.getByLabel('Tekst (Nederlands)').inputValue()).toMatch(
    /uiterlijk op \{\{decisionDueDate\}\}$/,
  );
  await mail.getByRole('button', { name: 'Voorbeeld (Nederlands)' }).click();
  await mail
    .getByRole('heading', { name: /^Wij beslissen binnenkort over VOORBEELD-BI-\d{4}-000123$/ })
    .waitFor();
  // A new text's English subject is empty until the officer writes it (no copy of the Dutch).
  expect(await mail.getByLabel('Onderwerp (Engels)').inputValue()).toBe('');
  await mail.getByLabel('Onderwerp (Engels)').fill('We will decide on {{reference}} soon');

  await page.locator('summary', { hasText: 'Termijnen' }).click();
  await page.getByLabel('Naam van de nieuwe termijn').fill('Herinnering beslissing');
  await page.locator('#def-new-delay-kind').selectOption('decisionDue');
  await page.getByRole('button', { name: 'Termijn maken' }).click();
  const reminder = page.getByRole('group', { name: 'Herinnering beslissing' });
  await reminder.getByLabel('Dagen ten opzichte van die datum (negatief is ervoor)').fill('-7');
  await reminder.getByLabel('Naam van de termijn (Engels)').fill('Decision reminder');

  await page.locator('summary', { hasText: 'Statussen en overgangen' }).click();
  const submitted = stateGroup(page, 'Ingediend');
  await submitted.getByLabel('Termijn', { exact: true }).selectOption('herinneringBeslissing');
  await submitted.getByRole('button', { name: 'Termijn toevoegen' }).click();
  const timer = submitted.locator('details', {
    has: page.locator('summary', { hasText: 'Na termijn: Herinnering beslissing' }),
  });
  await timer.locator('> summary').click();
  const action = await addAction(timer, 'sendNotice');
  await action.getByLabel('Tekst', { exact: true }).selectOption('herinnering_beslissing');
  await action.getByLabel('Aan', { exact: true }).selectOption('applicant');
  await expectNoProblems(page);
  // The mail by its subject, not its code; its placeholder in words, not as written.
  await action
    .getByRole('button', {
      name: 'Verwijderen: Mail sturen: Wij beslissen binnenkort over «kenmerk», de aanvrager',
    })
    .waitFor();

  // The data a step keeps, by the step's questions: ticked, not typed as codes.
  const ask = submitted.locator('details', {
    has: page.locator('summary', { hasText: 'Om aanvulling vragen → ' }),
  });
  await ask.locator('> summary').click();
  const keep = ask.locator('ol.policy-ref-list').nth(1).locator('> li').first();
  const which = keep.getByRole('group', { name: 'Welke gegevens van Om aanvulling vragen' });
  expect(await which.getByRole('checkbox', { name: 'Gevraagde aanvulling' }).isChecked()).toBe(
    true,
  );
  expect(
    await which.getByRole('checkbox', { name: 'Termijn voor de aanvulling (dagen)' }).isChecked(),
  ).toBe(true);
  const words = (await keep.textContent()) ?? '';
  expect(words).not.toMatch(/message|periodDays|,\s*het verzoek omhoog/);
  await keep
    .getByRole('button', {
      name: 'Verwijderen: Gegevens van de stap bewaren: Gevraagde aanvulling en Termijn voor de aanvulling (dagen), bij het verzoek',
    })
    .waitFor();
  // Codes only in the field that says it wants them, for data that is not the step's own.
  expect(
    await keep
      .getByLabel('Andere gegevens: hun namen zoals in de JSON, gescheiden door komma’s')
      .inputValue(),
  ).toBe('');
  await ask.locator('> summary').click();
}

/** (2) The minimum number of supporters from 4 to 5, and the question's help to match. */
export async function raiseSupporters(page: Page): Promise<void> {
  await page.locator('summary', { hasText: 'Het aanvraagformulier' }).click();
  const condition = page.getByRole('group', { name: 'Minimaal aantal ondersteuners' });
  expect(await condition.getByLabel('Aantal', { exact: true }).inputValue()).toBe('4');
  await condition.getByLabel('Aantal', { exact: true }).fill('5');
  const field = page.getByRole('group', { name: 'Vraag: Handtekeningen van buurtbewoners' });
  await field
    .getByLabel('Uitleg (Nederlands)')
    .fill('Minstens 5 bewoners uit de wijk van 12 jaar of ouder.');
  await expectNoProblems(page);
}

/** (3) A new letter sent with the grant, previewed as the real PDF. */
export async function addGrantLetter(page: Page): Promise<void> {
  await page.locator('#def-new-template-group').selectOption('letters');
  await page.getByLabel('Naam van de nieuwe tekst').fill('Toelichting verlening');
  await page.getByRole('button', { name: 'Tekst maken' }).click();
  const letter = page.locator('#def-templates-letters-toelichting_verlening');
  await letter.locator('> summary').click();
  await letter
    .getByLabel('Onderwerp (Nederlands)')
    .fill('Toelichting bij uw subsidie {{reference}}');
  await letter
    .getByLabel('Tekst (Nederlands)')
    .fill('Beste {{applicantName}},\n\nWij verlenen u {{grantedAmount}}. Bezwaar kan tot en met ');
  await letter.getByLabel('Invulveld').first().selectOption('objectionDeadline');
  await letter.getByRole('button', { name: 'Invoegen in de tekst (Nederlands)' }).click();
  await letter.getByLabel('Onderwerp (Engels)').fill('About your grant {{reference}}');
  await letter
    .getByLabel('Tekst (Engels)')
    .fill(
      'Dear {{applicantName}},\n\nWe grant you {{grantedAmount}}. Object until {{objectionDeadline}}.',
    );
  await letter.getByLabel('Soort brief (voor de voorbeeld-PDF)').selectOption('grant');
  await letter.getByRole('button', { name: 'Voorbeeld als PDF (Nederlands)' }).click();
  const link = letter.getByRole('link', { name: 'Open de PDF' });
  await link.waitFor();
  const href = (await link.getAttribute('href'))!;
  const pdf = await page.evaluate(async (url) => {
    const res = await fetch(url);
    return {
      type: res.headers.get('content-type'),
      bytes: [...new Uint8Array(await res.arrayBuffer())],
    };
  }, href);
  expect(pdf.type).toBe('application/pdf');
  const text = await pdfText(new Uint8Array(pdf.bytes));
  expect(text).toMatch(/Toelichting bij uw subsidie VOORBEELD-BI-\d{4}-000123/);
  expect(text).toContain('Wij verlenen u € 1.250,00');
  await checkA11y(page, 'editor-template-preview');

  const assessed = stateGroup(page, 'Beoordeeld');
  for (const name of ['Mogelijkheid 1 van Verlenen', 'Mogelijkheid 2 van Verlenen']) {
    const branch = assessed.locator('details', {
      has: page.locator('summary', { hasText: name }),
    });
    await branch.locator('> summary').click();
    const action = await addAction(branch, 'issueDocument');
    await action.getByLabel('Soort', { exact: true }).selectOption('grant');
    await action.getByLabel('Tekst', { exact: true }).selectOption('toelichting_verlening');
  }
  await letter.getByText('Gebruikt bij: Beoordeeld › Verlenen; Beoordeeld › Verlenen').waitFor();
  await expectNoProblems(page);
}

/** (4) A new step with a question, and a new status it leads to, between two statuses. */
export async function addAdviceStep(page: Page): Promise<void> {
  await page.locator('summary', { hasText: 'Wie mag welke stap zetten' }).click();
  await page.getByLabel('Naam van de nieuwe stap (Nederlands)').fill('Advies wijkraad vragen');
  await page.getByRole('button', { name: 'Stap maken' }).click();
  const step = page.getByRole('group', { name: 'Advies wijkraad vragen', exact: true });
  // A new step is for the assessor: that role's box looks ticked, the others empty.
  await expectLooksTicked(
    step.getByRole('checkbox', { name: 'Behandelaar', exact: true }),
    step.getByRole('checkbox', { name: 'Aanvrager', exact: true }),
  );
  await step.getByLabel('Naam van de stap (Engels)').fill('Ask the district council');
  await step.locator('#def-new-field-ADVIES_WIJKRAAD_VRAGEN').fill('Vraag aan de wijkraad');
  await step.getByLabel('Soort', { exact: true }).selectOption('string');
  await step.getByRole('button', { name: 'Gegeven toevoegen' }).click();
  const question = step.getByRole('group', { name: 'Vraag aan de wijkraad' });
  await question.getByLabel('Vraag (Engels)').fill('Question for the district council');
  await question.getByLabel('Verplicht').check();

  await page.getByLabel('Naam van de nieuwe status').fill('Advies wijkraad');
  await page.getByRole('button', { name: 'Nieuwe status' }).click();
  const advice = stateGroup(page, 'Advies wijkraad');
  await advice.getByLabel('Naam (Engels)', { exact: true }).fill('District council advice');
  // A state's properties are ticked, not typed (the decision term rule would want a timer for
  // "beslistermijn loopt"; this state keeps the tags it was made with).
  expect(await advice.getByLabel('loopt', { exact: true }).isChecked()).toBe(true);
  await advice.locator('#def-new-transition-advies_wijkraad').selectOption({ label: 'Beoordelen' });
  await advice.locator('#def-new-target-advies_wijkraad').selectOption({ label: 'Beoordeeld' });
  await advice.getByRole('button', { name: 'Overgang toevoegen' }).click();
  const assess = advice.locator('details', {
    has: page.locator('summary', { hasText: 'Beoordelen → Beoordeeld' }),
  });
  await assess.locator('> summary').click();
  const keep = await addAction(assess, 'assignPayload');
  const which = keep.getByRole('group', { name: 'Welke gegevens van Beoordelen' });
  for (const field of ['Advies', 'Voorgesteld bedrag', 'Motivering'])
    await which.getByRole('checkbox', { name: field, exact: true }).check();
  await keep.getByLabel('Bewaren bij').selectOption('assessment');

  // "Toevoegen" asks where to go: it never points back at its own status by itself.
  const submitted = stateGroup(page, 'Ingediend');
  await submitted
    .locator('#def-new-transition-submitted')
    .selectOption({ label: 'Advies wijkraad vragen' });
  expect(await submitted.getByRole('button', { name: 'Overgang toevoegen' }).isDisabled()).toBe(
    true,
  );
  await submitted.locator('#def-new-target-submitted').selectOption({ label: 'Advies wijkraad' });
  await submitted.getByRole('button', { name: 'Overgang toevoegen' }).click();
  await submitted
    .locator('summary', { hasText: 'Advies wijkraad vragen → Advies wijkraad' })
    .waitFor();
  await expectNoProblems(page);
  await checkA11y(page, 'editor-all-open');
}

/** Saves the draft and reloads it: the order of states, steps and texts is kept. */
export async function saveAndReload(page: Page): Promise<void> {
  const keysBefore = await draftJson(page);
  await page.getByRole('button', { name: 'Concept opslaan' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /Concept opgeslagen om/ })
    .waitFor();
  await page.reload();
  await expectHeading(page, DRAFT_HEADING, false);
  const after = JSON.parse(await page.locator('#def-json').inputValue());
  for (const part of ['states', 'events', 'delays'] as const)
    expect(Object.keys(after[part])).toEqual(Object.keys(keysBefore[part]));
  expect(Object.keys(after.templates.mails)).toEqual(Object.keys(keysBefore.templates.mails));
  expect(Object.keys(after.states).at(-1)).toBe('advies_wijkraad');
}
