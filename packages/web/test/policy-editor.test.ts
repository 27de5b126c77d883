/**
 * A policy officer changes the workflow without opening the JSON view (issue 15): a reminder mail
 * seven days before the decision deadline, five supporters instead of four, a new letter with
 * the grant previewed as the real PDF, a new step with a question between two statuses. The
 * draft is saved and the simulator follows each change; publishing it and a real application
 * are in policy-editor-publish.test.ts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y } from './browser';
import {
  addAdviceStep,
  addGrantLetter,
  addReminderMail,
  FIRST,
  REGULATION,
  raiseSupporters,
  saveAndReload,
} from './policy-editor-steps';
import { expectNoProblems, openNewDraft, setUpPolicyTest } from './policy-kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;

setUpPolicyTest([FIRST], (started) => {
  ({ server, page } = started);
});

describe('a policy officer edits the workflow without JSON', () => {
  it('opens a new draft', async () => {
    // More than one workflow is shipped: the resident initiatives' row, version 1.
    await openNewDraft(page, server, FIRST.email, { from: 1, listHeading: true });
    await expectNoProblems(page);
    // A condition on an arrow reads as words: a regulation's amount by what it is, not its code.
    const diagram = (await page.locator('.policy-diagram').first().textContent()) ?? '';
    expect(diagram).not.toContain('settlementFourEyes');
    expect(diagram).toMatch(
      /Vaststellen \[[^\]]*het bedrag in deze stap is ten hoogste het bedrag waarboven een tweede persoon de vaststelling bevestigt/,
    );
  });

  it('(1) adds a reminder mail seven days before the decision deadline', async () => {
    await addReminderMail(page);
  });

  it('(2) raises the minimum number of supporters from 4 to 5', async () => {
    await raiseSupporters(page);
  });

  it('(3) adds a new letter to the grant and previews it as a PDF', async () => {
    await addGrantLetter(page);
  });

  it('(4) adds a step with a question between two statuses', async () => {
    await addAdviceStep(page);
  });

  it('saves; the order of states, steps and texts is kept', async () => {
    await saveAndReload(page);
  });

  it('the simulator shows each change', async () => {
    await page.getByLabel('Regeling', { exact: true }).selectOption({ label: REGULATION });
    await page.getByRole('button', { name: 'Begin een aanvraag' }).click();
    await page.getByText('Huidige status: Concept').waitFor();
    // Four supporters are no longer enough: submitting is not offered.
    await page.getByRole('heading', { name: 'Mogelijke stappen' }).waitFor();
    expect(await page.getByRole('button', { name: 'Stap Indienen zetten' }).count()).toBe(0);
    // The trial application is a form with the definition's labels, not JSON: a fifth supporter
    // on a line of its own, and the first budget line's amount in euros, the Dutch way.
    await page.locator('summary', { hasText: 'Gegevens van de aanvraag' }).click();
    await page.getByRole('heading', { name: 'Begroting', level: 3 }).waitFor();
    await page
      .getByRole('button', { name: 'Regel toevoegen aan Handtekeningen van buurtbewoners' })
      .click();
    const fifth = page.getByRole('group', { name: 'Handtekeningen van buurtbewoners, regel 5' });
    await fifth.getByLabel('Naam', { exact: true }).fill('Noor Haddou');
    await fifth.getByLabel('Postcode', { exact: true }).fill('3022 AF');
    await fifth.getByLabel('Leeftijd', { exact: true }).fill('29');
    const firstLine = page.getByRole('group', { name: 'Begroting, regel 1' });
    await firstLine.getByLabel('Bedrag', { exact: true }).fill('250');
    await page.getByText(/Totaal aangevraagd: €\s700,00/).waitFor();
    expect(await page.locator('#sim-data').count()).toBe(0);
    // Files cannot be added in the trial; the field says so instead of offering an upload.
    await page
      .getByRole('group', { name: 'Offertes en andere stukken' })
      .getByText('In de proef kunt u geen bestanden toevoegen.', { exact: false })
      .waitFor();
    expect(await page.locator('.policy-sim-data input[type="file"]').count()).toBe(0);

    // A problem the engine finds shows at its field, with a summary that links there.
    const title = page.getByLabel('Naam van uw initiatief', { exact: true });
    await title.fill('');
    await page.getByRole('button', { name: 'Opnieuw beginnen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is iets niet goed ingevuld' });
    await summary.getByRole('link', { name: 'Naam van uw initiatief ontbreekt.' }).click();
    expect(await title.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page, 'editor-simulator-form');
    await title.fill('Buurtfeest aan de Schiekade');
    await page.getByRole('button', { name: 'Opnieuw beginnen' }).click();
    await summary.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Stap Indienen zetten' }).click();
    await page.getByText('Huidige status: Ingediend').waitFor();
    // Subjects are filled in; the reminder runs as its own time limit.
    await page
      .getByText(/aan de aanvrager: .*VOORBEELD-BI-\d{4}-000001/)
      .first()
      .waitFor();
    // Time limits by their names, never their codes (herinneringBeslissing).
    await page.getByText(/Termijn verloopt \(Herinnering beslissing\): verloopt/).waitFor();

    await page.getByLabel('U bent').selectOption('assessor');
    await page.getByLabel('Vraag aan de wijkraad').fill('Past dit bij de wijkagenda?');
    await page.getByRole('button', { name: 'Stap Advies wijkraad vragen zetten' }).click();
    await page.getByText('Huidige status: Advies wijkraad').waitFor();
    await page.locator('#sim-payload-ASSESS-recommendation').selectOption('grant');
    // The sample asked € 600,00 (four budget lines of € 150,00, made from the form's own
    // fields); with the first line at € 250,00 the application asks € 700,00.
    await page.locator('#sim-payload-ASSESS-amountCents').fill('700');
    await page.locator('#sim-payload-ASSESS-motivation').fill('Goed voor de buurt.');
    await page.getByRole('button', { name: 'Stap Beoordelen zetten' }).click();
    await page.getByText('Huidige status: Beoordeeld').waitFor();
    await page.getByLabel('U bent').selectOption('approver');
    await page.getByRole('button', { name: 'Stap Verlenen zetten' }).click();
    await page
      .getByText(/Brief \(verlening\): Toelichting bij uw subsidie VOORBEELD-BI-\d{4}-000001/)
      .waitFor();
    // Every step and text of the log by its name: no codes of events or templates.
    const log = (await page.locator('.policy-log').textContent()) ?? '';
    expect(log).toContain('Aangemaakt: – → Concept');
    expect(log).not.toMatch(/CREATE|“[a-z_]+”|toelichting_verlening|acknowledgement/);
    await checkA11y(page, 'editor-simulator');
  });
});
