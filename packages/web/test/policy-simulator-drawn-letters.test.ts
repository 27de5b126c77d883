/**
 * The simulator's log keeps each step's letters as they were drawn when the step was taken: an
 * edit of the letter's text afterwards changes only later steps, and the log says of an earlier
 * letter that its text has changed since. The letter still follows the interface's language.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y } from './browser';
import { expectNoProblems, openNewDraft, setUpPolicyTest } from './policy-kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;
const OFFICER = { email: 'beleid-getekend@example.org', name: 'Pim Getekend' };

setUpPolicyTest([OFFICER], (started) => {
  ({ server, page } = started);
});

const exact = (name: string) => ({ name, exact: true });
const log = () => page.locator('.policy-log');
const OLD_SUBJECT = /^Brief \(.*\): Verzoek om aanvulling van uw aanvraag /;
const NEW_SUBJECT = 'Wij missen nog iets';
const NEW_BODY = 'Beste {{applicantName}},\n\nNieuwe tekst: wij missen nog iets.\n\n{{message}}';
const CHANGED = 'Dit is de tekst van toen deze stap werd gezet.';
const letterBox = () => page.locator('#def-templates-letters-supplement_request');

/** The opened text of a log item's letter. */
async function letterText(item: Locator, name = /^Tekst van “/): Promise<string> {
  const region = item.getByRole('region', { name });
  if (!(await region.isVisible())) await item.locator('summary').first().click();
  return (await region.textContent()) ?? '';
}

/** As the assessor: asks for more information, with `message`. */
async function requestInfo(message: string): Promise<void> {
  await page.getByLabel('U bent').selectOption('assessor');
  await page.getByRole('textbox', exact('Gevraagde aanvulling')).fill(message);
  await page.getByRole('button', exact('Stap Om aanvulling vragen zetten')).click();
}

describe('the simulator’s log after a letter’s text is edited', () => {
  it('takes a step that sends a letter', async () => {
    await openNewDraft(page, server, OFFICER.email);
    await expectNoProblems(page);
    await page.getByRole('button', exact('Begin een aanvraag')).click();
    await page.getByText('Huidige status: Concept').waitFor();
    await page.getByRole('button', exact('Stap Indienen zetten')).click();
    await page.getByText('Huidige status: Ingediend').waitFor();
    await requestInfo('Stuur de offerte van de tentverhuur mee.');
    const first = log().locator('li', { hasText: OLD_SUBJECT }).first();
    await first.waitFor();
    const text = await letterText(first);
    expect(text).toContain('Om een besluit te kunnen nemen');
    expect(text).toContain('Stuur de offerte van de tentverhuur mee.');
    expect(await first.textContent()).not.toContain(CHANGED);
  });

  it('keeps the earlier letter as it was, and says its text has changed since', async () => {
    await page.locator('summary', { hasText: 'Teksten van brieven en mails' }).click();
    await letterBox().locator('summary').first().click();
    await page.locator('#def-templates-letters-supplement_request-nl-subject').fill(NEW_SUBJECT);
    await page.locator('#def-templates-letters-supplement_request-nl-body').fill(NEW_BODY);
    await expectNoProblems(page);

    const first = log().locator('li', { hasText: OLD_SUBJECT }).first();
    await first.getByText(CHANGED).waitFor();
    const text = await letterText(first);
    expect(text).toContain('Om een besluit te kunnen nemen');
    expect(text).not.toContain('Nieuwe tekst');
    expect(await log().locator('li', { hasText: NEW_SUBJECT }).count()).toBe(0);
  });

  it('draws a new step’s letter with the new text', async () => {
    await page.getByLabel('U bent').selectOption('applicant');
    await page.getByRole('textbox', exact('Toelichting')).fill('De offerte zit erbij.');
    await page.getByRole('button', exact('Stap Aanvullen zetten')).click();
    await page.getByText('Huidige status: Ingediend').waitFor();
    await requestInfo('Stuur ook de begroting mee.');
    const fresh = log()
      .locator('li', { hasText: new RegExp(`^Brief \\(.*\\): ${NEW_SUBJECT}`) })
      .first();
    await fresh.waitFor();
    const text = await letterText(fresh);
    expect(text).toContain('Nieuwe tekst: wij missen nog iets.');
    expect(text).toContain('Stuur ook de begroting mee.');
    expect(text).not.toContain('Om een besluit te kunnen nemen');
    expect(await fresh.textContent()).not.toContain(CHANGED);
    // The earlier one is still the text of then.
    const first = log().locator('li', { hasText: OLD_SUBJECT }).first();
    expect(await letterText(first)).toContain('Stuur de offerte van de tentverhuur mee.');
    await first.getByText(CHANGED).waitFor();
    await checkA11y(page, 'simulator-letter-of-then');
  });

  it('says the earlier letter in English, whose text was not edited, without the remark', async () => {
    await page.getByRole('button', exact('English')).click();
    // In English both letters have the same subject: the log is newest first.
    const letters = log().locator('li', {
      hasText: /^Letter \(.*\): Request to supplement your application /,
    });
    await expect.poll(() => letters.count()).toBe(2);
    const first = letters.last();
    const text = await letterText(first, /^Text of “/);
    expect(text).toContain('To reach a decision, we need more information from you');
    expect(text).toContain('Stuur de offerte van de tentverhuur mee.');
    expect(await first.textContent()).not.toContain('The text has changed since');
    await page.getByRole('button', exact('Nederlands')).click();
  });
});
