/**
 * A Dutch subject on the English staff pages is read as Dutch (WCAG 3.1.2, language of parts),
 * also inside the name of the link or button that acts on it: the Post page's "Read the letter"
 * and "Do not send", and the development mail list's "View" and "Download". An aria-label could
 * give that name one language only; the name is hidden text whose subject part has lang="nl".
 * A letter its workflow words in English is named in English, its Dutch subject beside it.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { remindBeforeClosing } from '../../api/src/reminders/closing-reminder.job';
import { createUser } from '../../api/src/test/test-app';
import { apiAs } from './api-as';
import { checkA11y, expectHeading, login } from './browser';
import { setUpBrowserTest } from './kit';
import { PASSWORD, type TestServer } from './server';

let server: TestServer;
let page: Page;
const BEA = { email: 'bea.post@example.org', name: 'Bea Postma' };
let reminded = '';
let acknowledged = '';
let mailed = '';

/** A new application of `email`'s, submitted unless said; its reference. */
async function application(email: string, submit = true): Promise<string> {
  const as = await apiAs(server, email);
  const draft = await as('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: demoFormData(server.deps.clock()),
  });
  if (submit) await as('POST', `/api/applications/${draft.id}/events`, { type: 'SUBMIT' });
  return draft.reference;
}

setUpBrowserTest(
  async (started) => {
    ({ server, page } = started);
    // Bea's draft gets the reminder before the scheme closes: a letter of the shell's own, whose
    // subject no workflow words in English. Her submitted one gets the acknowledgement, which
    // the workflow words in both. The other resident's acknowledgement goes by e-mail.
    reminded = await application(BEA.email, false);
    await remindBeforeClosing(server.deps.db, server.deps.clock(), { days: 366 });
    acknowledged = await application(BEA.email);
    mailed = await application(server.users.resident.email);
  },
  {
    seed: async (s) => {
      const bea = await createUser(s.deps.db, { ...BEA, password: PASSWORD });
      await s.deps.db
        .updateTable('users')
        .set({ letter_channel: 'paper' })
        .where('id', '=', bea.id)
        .execute();
    },
  },
);

/** The language an element is read in: that of its nearest ancestor (or itself) with lang. */
const languageOf = (target: Locator) =>
  target.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'));

/** The element inside `scope` whose own text is exactly `text`. */
const part = (scope: Locator, text: string) =>
  scope
    .locator('span', { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    .first();

describe('the Post page in English', () => {
  it('reads a Dutch subject in the links’ names as Dutch', async () => {
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await page.goto(`${server.url}/post`);
    await expectHeading(page, 'Post: brieven op papier', false);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    const waiting = page.getByRole('table', { name: 'Letters not yet posted, oldest first' });
    await waiting.waitFor();

    const dutch = `Uw aanvraag ${reminded} is nog niet verstuurd`;
    const row = waiting.getByRole('row').filter({ hasText: dutch });
    const read = row.getByRole('link', {
      name: `Read the letter: “${dutch}” for ${BEA.name}`,
      exact: true,
    });
    await read.waitFor();
    expect(await read.getAttribute('aria-label')).toBeNull();
    expect(await languageOf(part(read, dutch))).toBe('nl');
    expect(await languageOf(read)).toBe('en');
    const withhold = row.getByRole('button', {
      name: `Do not send the letter: “${dutch}” for ${BEA.name}`,
      exact: true,
    });
    expect(await withhold.getAttribute('aria-label')).toBeNull();
    expect(await languageOf(part(withhold, dutch))).toBe('nl');
    // In the subject column too.
    expect(await languageOf(part(row.locator('td').nth(1), dutch))).toBe('nl');

    // Worded by its workflow in English: named in English, its own Dutch subject beside it.
    const english = `Acknowledgement of receipt of your application ${acknowledged}`;
    const own = `Ontvangstbevestiging van uw aanvraag ${acknowledged}`;
    const ackRow = waiting.getByRole('row').filter({ hasText: own });
    await ackRow
      .getByRole('link', { name: `Read the letter: “${english}” for ${BEA.name}`, exact: true })
      .waitFor();
    const cell = ackRow.locator('td').nth(1);
    expect(await cell.textContent()).toBe(`${english} (letter in Dutch: ${own})`);
    expect(await languageOf(part(cell, own))).toBe('nl');
    expect(await languageOf(part(cell, english))).toBe('en');
    await checkA11y(page, 'post-english-dutch-subjects');
  });
});

describe('the development mail list in English', () => {
  it('reads a Dutch mail’s subject in the buttons’ names as Dutch', async () => {
    await page.goto(`${server.url}/berichten`);
    const files = page.getByRole('table', { name: 'Email files, newest first' });
    const subject = new RegExp(`^Wij hebben uw aanvraag ontvangen.*${mailed}`);
    // The outbox worker writes the file shortly after the application is submitted.
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Reload', exact: true }).click();
          return files.getByRole('row').filter({ hasText: subject }).count();
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    const row = files.getByRole('row').filter({ hasText: subject }).first();
    const text = (await row.getByRole('rowheader').textContent()) ?? '';
    expect(text).toMatch(subject);
    const view = row.getByRole('button', { name: `View email ${text}`, exact: true });
    expect(await view.getAttribute('aria-label')).toBeNull();
    expect(await languageOf(part(view, text))).toBe('nl');
    expect(await languageOf(view)).toBe('en');
    const download = row.getByRole('link', { name: `Download email ${text}`, exact: true });
    expect(await languageOf(part(download, text))).toBe('nl');
    expect(await languageOf(part(row.getByRole('rowheader'), text))).toBe('nl');
    await view.click();
    await row.getByRole('button', { name: `Hide email ${text}`, exact: true }).waitFor();
    await checkA11y(page, 'mail-files-english-dutch-subject');
  });
});
