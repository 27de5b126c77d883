/**
 * A letter keeps its own language on a page in another one (WCAG 3.1.2, language of parts): a
 * resident who reads the site in English still gets her letters in Dutch, and a screen reader
 * must read their titles and text as Dutch, not as English words. Where the workflow words the
 * letter's subject in the page's language, the page names the letter in it, with the letter's own
 * subject beside it: "Acknowledgement of receipt … (letter in Dutch: Ontvangstbevestiging …)".
 * And the other way round: an English letter on the Dutch pages is marked as English.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import type { ApiAs } from './api-as';
import { checkA11y, expectHeading } from './browser';
import { setUpResidentForm } from './kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;
let as: ApiAs;
let id = '';
const SUBJECT = /^Ontvangstbevestiging van uw aanvraag BI-/;
const ENGLISH_SUBJECT = /^Acknowledgement of receipt of your application BI-/;

/** A new application, submitted: its acknowledgement is issued in the resident's language. */
async function submitted(title: string): Promise<string> {
  const created = await as('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: demoFormData(server.deps.clock(), { title }),
  });
  await as('POST', `/api/applications/${created.id}/events`, { type: 'SUBMIT' });
  return created.id;
}

function residentReads(locale: 'nl' | 'en') {
  return server.deps.db
    .updateTable('users')
    .set({ locale })
    .where('id', '=', server.users.resident.id)
    .execute();
}

setUpResidentForm(async (started) => {
  ({ server, page, as } = started);
  id = await submitted('Buurtfeest Spangen');
});

/** The language an element is read in: that of its nearest ancestor (or itself) with lang. */
const languageOf = (target: Locator) =>
  target.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'));

/** The list entry of the only letter on the application page. */
const letterEntry = () => page.locator('.app-letters__item');

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
    // It is named in English first, the letter's own Dutch title beside it.
    const entry = letterEntry();
    const title = entry.locator('.app-letters__name');
    await expect.poll(() => title.textContent()).toMatch(ENGLISH_SUBJECT);
    expect(await languageOf(title)).toBe('en');
    expect(await entry.textContent()).toMatch(
      /^Acknowledgement of receipt of your application (BI-\S+) \(letter in Dutch: Ontvangstbevestiging van uw aanvraag \1\)/,
    );
    // The links are named in the page's language, with no Dutch words read as English.
    const read = page.getByRole('link', {
      name: /^Read the letter: Acknowledgement of receipt of your application BI-/,
    });
    expect(await read.getAttribute('aria-label')).toBeNull();
    await checkA11y(page, 'letter-list-dutch-on-english-page');

    await read.click();
    const heading = page.getByRole('heading', { level: 1, name: ENGLISH_SUBJECT });
    await heading.waitFor();
    expect(await languageOf(heading)).toBe('en');
    const note = page.getByText('This letter is in Dutch, the language we sent it in.');
    expect(await languageOf(note)).toBe('en');
    // The letter itself, its own title included, is Dutch.
    const own = page.getByRole('heading', { level: 2, name: SUBJECT });
    expect(await languageOf(own)).toBe('nl');
    const text = page.getByText('Vermeld dit kenmerk', { exact: false }).first();
    await text.waitFor();
    expect(await languageOf(text)).toBe('nl');
    expect(await languageOf(page.getByRole('link', { name: 'Back to the application' }))).toBe(
      'en',
    );
    await checkA11y(page, 'letter-dutch-on-english-page');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    // On the Dutch page the Dutch letter needs no second name and no note.
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    expect(await page.getByText('Deze brief is in het', { exact: false }).count()).toBe(0);
  });
});

describe('an English letter on the Dutch pages', () => {
  it('is marked as English, named in Dutch first', async () => {
    await residentReads('en');
    const english = await submitted('Buurtfeest Bospolder');
    await residentReads('nl');
    await page.goto(`${server.url}/aanvragen/${english}`);
    await expectHeading(page, 'Buurtfeest Bospolder', false);
    await page.getByRole('heading', { level: 2, name: 'Brieven' }).waitFor();
    const own = page.getByText(ENGLISH_SUBJECT);
    await own.waitFor();
    expect(await languageOf(own)).toBe('en');
    const entry = letterEntry();
    const title = entry.locator('.app-letters__name');
    expect(await languageOf(title)).toBe('nl');
    expect(await entry.textContent()).toMatch(
      /^Ontvangstbevestiging van uw aanvraag (BI-\S+) \(brief in het Engels: Acknowledgement of receipt of your application \1\)/,
    );
    await checkA11y(page, 'letter-list-english-on-dutch-page');

    await page
      .getByRole('link', { name: /^Lees de brief: Ontvangstbevestiging van uw aanvraag BI-/ })
      .click();
    const heading = page.getByRole('heading', { level: 1, name: SUBJECT });
    await heading.waitFor();
    expect(await languageOf(heading)).toBe('nl');
    const note = page.getByText('Deze brief is in het Engels, de taal waarin wij hem verstuurden.');
    expect(await languageOf(note)).toBe('nl');
    const text = page.getByRole('heading', { level: 2, name: ENGLISH_SUBJECT });
    expect(await languageOf(text)).toBe('en');
    await checkA11y(page, 'letter-english-on-dutch-page');
  });
});
