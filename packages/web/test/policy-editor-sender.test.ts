/**
 * The team that sends a workflow's letters (`sender.department`): a policy officer sets it, in
 * Dutch and English, where the scheme's name and description are edited. A name that does not fit
 * the letterhead's line, or is not one line of plain text, is named at the field and in the live
 * check by the field's label; both boxes empty leaves the default team (no `sender` at all).
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
const OFFICER = { email: 'beleid-afzender@example.org', name: 'Sanne Afzender' };

setUpPolicyTest([OFFICER], (started) => {
  ({ server, page } = started);
});

const draftJson = (): Promise<Json> => draftOf(page);
const DUTCH = 'Team dat de brieven stuurt (Nederlands)';
const ENGLISH = 'Team dat de brieven stuurt (Engels)';

describe('the team that sends the letters', () => {
  it('shows the team of the version the draft copies, with help, where the name is edited', async () => {
    // The newest shipped version names its team (Team Bewonersinitiatieven).
    await openNewDraft(page, server, OFFICER.email);
    await expectNoProblems(page);
    await page.locator('summary', { hasText: 'Naam, omschrijving, kenmerk en afzender' }).click();
    const general = page.locator('#def-section-general');
    const dutch = general.getByLabel(DUTCH);
    expect(await dutch.inputValue()).toBe('Team Bewonersinitiatieven');
    expect(await general.getByLabel(ENGLISH).inputValue()).toBe('Resident Initiatives team');
    // Its help is tied to the box: where the team appears, how long it may be, the default.
    const help = await dutch.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(help).toContain('Staat in het briefhoofd onder de naam van de gemeente');
    expect(help).toContain('ten hoogste 60 tekens');
  });

  it('writes the team into the definition, in both languages', async () => {
    const general = page.locator('#def-section-general');
    await general.getByLabel(DUTCH).fill('Team Buurtbudget Zuid');
    await general.getByLabel(ENGLISH).fill('Neighbourhood Budget team South');
    await expect
      .poll(async () => (await draftJson()).sender)
      .toEqual({
        department: { nl: 'Team Buurtbudget Zuid', en: 'Neighbourhood Budget team South' },
      });
    await expectNoProblems(page);
  });

  it('names a team too long for the letterhead by its label, at the field and in the check', async () => {
    const general = page.locator('#def-section-general');
    const dutch = general.getByLabel(DUTCH);
    const long = 'Team Bewonersinitiatieven en Buurtbudgetten Feijenoord en Charlois';
    await dutch.fill(long);
    const sentence = `${DUTCH}: de naam is ${long.length} tekens lang; op de regel in het briefhoofd passen er ten hoogste 60. Maak hem korter.`;
    await page.locator('.policy-problems').getByText(sentence).waitFor();
    await expect.poll(() => dutch.getAttribute('aria-invalid')).toBe('true');
    await general.getByText(sentence).waitFor();
    await checkA11y(page, 'editor-sender-too-long');
    await dutch.fill('Team Buurtbudget Zuid');
    await expectNoProblems(page);
  });

  it('names a tab or an invisible control character in it, in words', async () => {
    const english = page.locator('#def-section-general').getByLabel(ENGLISH);
    await english.fill('Neighbourhood\tBudget team');
    await page
      .locator('.policy-problems')
      .getByText(
        `${ENGLISH}: de naam bevat een regeleinde, een tab of een onzichtbaar stuurteken.`,
        { exact: false },
      )
      .waitFor();
    await expect.poll(() => english.getAttribute('aria-invalid')).toBe('true');
    await english.fill('Neighbourhood Budget team South');
    await expectNoProblems(page);
  });

  it('asks for the other language when one is empty; both empty: the default team', async () => {
    const general = page.locator('#def-section-general');
    await general.getByLabel(ENGLISH).fill('');
    await page
      .locator('.policy-problems')
      .getByText(`${ENGLISH}: vul de naam van het team in, zoals die in het briefhoofd staat.`)
      .waitFor();
    await general.getByLabel(DUTCH).fill('');
    await expectNoProblems(page);
    expect((await draftJson()).sender).toBeUndefined();
    await checkA11y(page, 'editor-sender');
  });
});
