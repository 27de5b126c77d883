/**
 * A letter keeps its own language on a page in another one (WCAG 3.1.2, language of parts): a
 * resident who reads the site in English still gets her letters in Dutch, and a screen reader
 * must read their titles and text as Dutch, not as English words.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { checkA11y, expectHeading } from './browser';
import { setUpResidentForm } from './kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;
let id = '';
const SUBJECT = /^Ontvangstbevestiging van uw aanvraag BI-/;

setUpResidentForm(async (started) => {
  ({ server, page } = started);
  const created = await started.as('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: demoFormData(server.deps.clock(), { title: 'Buurtfeest Spangen' }),
  });
  id = created.id;
  await started.as('POST', `/api/applications/${id}/events`, { type: 'SUBMIT' });
});

/** The language an element is read in: that of its nearest ancestor (or itself) with lang. */
const languageOf = (target: Locator) =>
  target.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'));

describe('a Dutch letter on the English pages', () => {
  it('is marked as Dutch: its name in the list, its heading and its text', async () => {
    await page.goto(`${server.url}/aanvragen/${id}`);
    await expectHeading(page, 'Buurtfeest Spangen', false);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Letters' }).waitFor();
    const name = page.getByText(SUBJECT);
    await name.waitFor();
    expect(await languageOf(name)).toBe('nl');
    // The page around it stays English.
    expect(await languageOf(page.getByRole('heading', { level: 2, name: 'Letters' }))).toBe('en');

    await page.getByRole('link', { name: /^Read the letter: Ontvangstbevestiging/ }).click();
    const heading = page.getByRole('heading', { level: 1, name: SUBJECT });
    await heading.waitFor();
    expect(await languageOf(heading)).toBe('nl');
    const text = page.getByText('Vermeld dit kenmerk', { exact: false }).first();
    await text.waitFor();
    expect(await languageOf(text)).toBe('nl');
    expect(await languageOf(page.getByRole('link', { name: 'Back to the application' }))).toBe(
      'en',
    );
    await checkA11y(page, 'letter-dutch-on-english-page');
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });
});
