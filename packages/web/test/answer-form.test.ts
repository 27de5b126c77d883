/**
 * The answer to a request for information ("Aanvullen") in a real browser: a field whose error
 * was shown is checked again as it is corrected (its error and its line in the error summary go,
 * as in the wizard), and the files added in the answer form are not the application's until the
 * answer is sent: "Bijlagen" does not list them before, and lists only the sent ones after.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData, onlyFormFields } from '../../api/src/applications/applications.fixtures';
import { supplementRuleVersion } from '../../api/src/applications/supplement-rule.fixture';
import { type ApiAs, apiAs } from './api-as';
import { checkA11y, expectHeading } from './browser';
import { delfshavenRegulationOn, pngBuffer } from './fixtures';
import { setUpResidentForm } from './kit';

let page: Page;
let url = '';
let applicationId = '';
let resident: ApiAs;
const TITLE = 'Speeltuin Bospolder';
const SENTENCE = 'Minstens één hiervan is nodig: Toelichting of Bijlagen.';
const SEND = 'Aanvullen';

setUpResidentForm(async ({ server, page: p, as }) => {
  page = p;
  resident = as;
  const db = server.deps.db;
  const now = server.deps.clock();
  // Version 2 of the shipped workflow: the answer takes files and needs an explanation or a file.
  const next = await supplementRuleVersion(db, 'bewonersinitiatief', now);
  const regulationId = await delfshavenRegulationOn(db, 'BI-BOSPOLDER-2026-V2', next);
  const assessor = await apiAs(server, server.users.assessor.email);
  const created = await as('POST', '/api/applications', {
    regulationId,
    data: { ...onlyFormFields(next.definition, demoFormData(now)), title: TITLE },
  });
  await as('POST', `/api/applications/${created.id}/events`, { type: 'SUBMIT' });
  await assessor('POST', `/api/applications/${created.id}/events`, {
    type: 'REQUEST_INFO',
    payload: { message: 'Stuur een foto van de plek mee.', periodDays: 14 },
  });
  applicationId = created.id;
  url = `${server.url}/aanvragen/${created.id}`;
});

const summary = () => page.locator('.app-error-summary');
const explanationError = () => page.locator('#f-SUPPLEMENT-message-error');
const fileInput = () =>
  page.getByLabel('Bijlagen', { exact: true }).and(page.locator('input[type=file]'));
/** The application page's own list of the application's files. */
const listed = () => page.getByRole('region', { name: 'Bijlagen', exact: true }).getByRole('link');
/** The names of the application's files as the API lists them (for staff and every page). */
async function fromApi(): Promise<string[]> {
  const files = (await resident('GET', `/api/applications/${applicationId}/attachments`)) as {
    items: { filename: string }[];
  };
  return files.items.map((f) => f.filename);
}

describe('the answer form', () => {
  it('checks a corrected field again: its error and its line in the summary go', async () => {
    await page.goto(url);
    await expectHeading(page, TITLE, false);
    await page.getByText('Stuur een foto van de plek mee.').first().waitFor();

    // Sent empty: the rule's sentence at the explanation and in the summary.
    await page.getByRole('button', { name: SEND, exact: true }).click();
    await summary().getByRole('link', { name: SENTENCE }).waitFor();
    await expect(explanationError().textContent()).resolves.toBe(SENTENCE);
    // Typing corrects it: the error goes at once, from the field and from the summary.
    await page.getByLabel('Toelichting').fill('De foto volgt.');
    await expect.poll(() => explanationError().count()).toBe(0);
    await expect.poll(() => summary().count()).toBe(0);
    // Emptied again without sending: nobody was told yet, so no error while typing.
    await page.getByLabel('Toelichting').fill('');
    await expect.poll(() => explanationError().count()).toBe(0);

    // An explanation longer than the answer takes: refused by the API, at the field.
    await page.getByLabel('Toelichting').fill('x'.repeat(2001));
    await page.getByRole('button', { name: SEND, exact: true }).click();
    await explanationError().waitFor();
    expect(await summary().getByRole('link').count()).toBe(1);
    await checkA11y(page, 'answer-form-refused');
    // Shortened: the refusal no longer stands at the field nor in the summary.
    await page.getByLabel('Toelichting').fill('De foto volgt.');
    await expect.poll(() => explanationError().count()).toBe(0);
    await expect.poll(() => summary().count()).toBe(0);

    // Shown in Dutch, then the language changed: adding a file still takes the error away.
    await page.getByLabel('Toelichting').fill('');
    await page.getByRole('button', { name: SEND, exact: true }).click();
    await summary().getByRole('link', { name: SENTENCE }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByLabel('Attachments', { exact: true })
      .and(page.locator('input[type=file]'))
      .setInputFiles({ name: 'plek.png', mimeType: 'image/png', buffer: pngBuffer() });
    await page.getByRole('link', { name: 'plek.png' }).first().waitFor();
    await expect.poll(() => explanationError().count()).toBe(0);
    await expect.poll(() => summary().count()).toBe(0);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('button', { name: /^plek\.png verwijderen bij / }).click();
  });

  it("lists the answer's files under Bijlagen only once it is sent, and only those sent", async () => {
    const before = await listed().allTextContents();
    expect(await fromApi()).toEqual(before);
    await fileInput().setInputFiles([
      { name: 'foto-plek.png', mimeType: 'image/png', buffer: pngBuffer() },
      { name: 'verkeerde-foto.png', mimeType: 'image/png', buffer: pngBuffer(16) },
    ]);
    const inForm = page.getByRole('list', { name: 'Toegevoegd bij Bijlagen' });
    await inForm.getByRole('link', { name: 'verkeerde-foto.png' }).waitFor();
    await inForm.getByRole('link', { name: 'foto-plek.png' }).waitFor();
    // Ready in the form, not sent: not the application's files, on this page nor for the API.
    expect(await listed().allTextContents()).toEqual(before);
    expect(await fromApi()).toEqual(before);

    // One taken out again, then sent.
    await page.getByRole('button', { name: /^verkeerde-foto\.png verwijderen bij / }).click();
    await page.getByRole('button', { name: SEND, exact: true }).click();
    await page.getByText('Uw aanvulling is verstuurd.').waitFor();
    await expect.poll(() => listed().allTextContents()).toEqual([...before, 'foto-plek.png']);
    expect(await fromApi()).toEqual([...before, 'foto-plek.png']);
  });
});
