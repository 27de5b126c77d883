/**
 * The question that holds the account's holder (`holderField` on the IBAN question): the letters
 * print "IBAN … ten name van …" from it. A policy officer chooses it, by the question's label,
 * among the form's text questions, or none; the choice is written into the definition and taken
 * out again.
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
const OFFICER = { email: 'beleid-rekening@example.org', name: 'Mehmet Rekening' };

setUpPolicyTest([OFFICER], (started) => {
  ({ server, page } = started);
});

const LABEL = 'Naam van de rekeninghouder (voor de brieven) staat in de vraag';
const ibanOf = async (): Promise<Json> => {
  const fields = ((await draftOf(page)).form as Json).fields as Json[];
  return fields.find((f) => f.type === 'iban') as Json;
};

describe('the question that holds the account holder', () => {
  it('shows the question the draft copies, by its label, and writes a change into the definition', async () => {
    await openNewDraft(page, server, OFFICER.email);
    await expectNoProblems(page);
    await page.locator('summary', { hasText: 'Het aanvraagformulier' }).click();
    const question = page.getByRole('group', { name: 'Vraag: IBAN-rekeningnummer' });
    const holder = question.getByLabel(LABEL);
    // The newest shipped version names its holder question; the choice reads as its label.
    expect(
      await holder.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent),
    ).toBe('Naam van de rekeninghouder');
    // Only text questions are offered, and "none".
    const offered = await holder.locator('option').allTextContents();
    expect(offered).toContain('Naam van uw initiatief');
    expect(offered).not.toContain('Beschrijving');
    expect(offered[0]).toBe('Geen: de brieven noemen alleen het rekeningnummer');

    await holder.selectOption({ label: 'Geen: de brieven noemen alleen het rekeningnummer' });
    await expect.poll(async () => 'holderField' in (await ibanOf())).toBe(false);
    await holder.selectOption({ label: 'Naam van de rekeninghouder' });
    await expect.poll(async () => (await ibanOf()).holderField).toBe('accountHolder');
    await expectNoProblems(page);
    await question.scrollIntoViewIfNeeded();
    await checkA11y(page, 'editor-account-holder');
  });
});
