/**
 * Two tabs on one draft (issue 14), in two browsers with two policy officers: the later save of
 * an older revision is refused and the editor asks what to do (load their version, or keep mine
 * and compare); nothing is overwritten without saying so. Leaving the editor with unsaved changes
 * asks first, inside the app and when the page is reloaded.
 */
import type { Dialog, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, expectHeading, login } from './browser';
import { openNewDraft, setDefinitionJson, setUpPolicyTest } from './policy-kit';
import { PASSWORD, type TestServer } from './server';
import { nextDraftVersion } from './versions';

let server: TestServer;
let mine: Page;
let theirs: Page;
const ME = { email: 'beleid1@example.org', name: 'Pim Eerste' };
const OTHER = { email: 'beleid2@example.org', name: 'Fatima Tweede' };
let editorUrl = '';
/** The draft's version: every shipped version is published, so it comes after the newest. */
const NEXT = await nextDraftVersion('bewonersinitiatief');
const DRAFT_HEADING = new RegExp(`versie ${NEXT}$`);

setUpPolicyTest(
  [ME, OTHER],
  (started) => {
    server = started.server;
    [mine, theirs] = started.pages as [Page, Page];
  },
  { browsers: 2 },
);

async function storedTitle(): Promise<string> {
  const row = await server.deps.db
    .selectFrom('workflow_definitions')
    .select('definition')
    .where('key', '=', 'bewonersinitiatief')
    .where('version', '=', NEXT)
    .executeTakeFirstOrThrow();
  const def = typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition;
  return def.title.nl;
}

/**
 * Changes the Dutch title in the expert view: the quickest visible edit. The value is set as one
 * input event (Playwright's fill of the whole definition outlasts its timeout on two cores).
 */
async function retitle(page: Page, title: string) {
  const def = JSON.parse(await page.locator('#def-json').inputValue());
  def.title.nl = title;
  await setDefinitionJson(page, def);

  await page.getByText('Er zijn wijzigingen die nog niet zijn opgeslagen.').waitFor();
}

async function saveOk(page: Page) {
  await page.getByRole('button', { name: 'Concept opslaan' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /Concept opgeslagen om/ })
    .waitFor();
}

describe('two officers on one draft', () => {
  it('both open the same draft', async () => {
    await openNewDraft(mine, server, ME.email, { from: 1 });
    editorUrl = mine.url();
    await login(theirs, server.url, OTHER.email, PASSWORD);
    await theirs.goto(editorUrl);
    await expectHeading(theirs, DRAFT_HEADING, false);
  });

  it('the later save is refused and asks; keeping mine shows theirs to compare', async () => {
    await retitle(theirs, 'Titel van Fatima');
    await saveOk(theirs);
    expect(await storedTitle()).toBe('Titel van Fatima');

    await retitle(mine, 'Titel van Pim');
    await mine.getByRole('button', { name: 'Concept opslaan' }).click();
    const dialog = mine.getByRole('alertdialog', {
      name: 'Iemand anders heeft dit concept intussen gewijzigd',
    });
    await dialog.waitFor();
    await expect
      .poll(() => dialog.textContent())
      .toMatch(/Fatima Tweede heeft dit concept opgeslagen op .*nadat u het opende/);
    // Nothing was overwritten, and no "saved" message came.
    expect(await storedTitle()).toBe('Titel van Fatima');
    expect(await mine.getByText(/Concept opgeslagen om/).count()).toBe(0);
    // The choice takes focus (a modal dialog).
    expect(await mine.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(
      true,
    );
    await checkA11y(mine, 'draft-conflict-dialog');

    await dialog.getByRole('button', { name: 'Mijn versie houden om te vergelijken' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const compare = mine.getByRole('region', {
      name: 'Vergelijken met de versie van Fatima Tweede',
    });
    await compare.waitFor();
    // What saving would overwrite, in words: the title in both languages, not only a diagram.
    await compare
      .getByRole('heading', {
        name: 'Wat u verandert aan de versie van Fatima Tweede als u opslaat',
      })
      .waitFor();
    await compare
      .getByRole('listitem')
      .filter({
        hasText:
          /^Naam: Nederlands: “Titel van Fatima” \/ Engels: “.+” → Nederlands: “Titel van Pim” \/ Engels: “.+”$/,
      })
      .waitFor();
    expect(await compare.locator('.policy-changes').textContent()).not.toMatch(/[{}]/);
    // My text is still in the editor; theirs is there to read.
    expect(JSON.parse(await mine.locator('#def-json').inputValue()).title.nl).toBe('Titel van Pim');
    await compare.locator('summary', { hasText: 'De versie van Fatima Tweede als JSON' }).click();
    expect(
      JSON.parse(
        await compare
          .getByLabel('De versie van Fatima Tweede als JSON (alleen lezen)')
          .inputValue(),
      ).title.nl,
    ).toBe('Titel van Fatima');
    await checkA11y(mine, 'draft-conflict-compare');

    // Saving now says what it does: it replaces their version.
    await mine
      .getByRole('button', { name: 'Mijn versie opslaan (vervangt die van Fatima Tweede)' })
      .click();
    await mine
      .getByRole('status')
      .filter({ hasText: /Concept opgeslagen om/ })
      .waitFor();
    await compare.waitFor({ state: 'hidden' });
    expect(await storedTitle()).toBe('Titel van Pim');
  });

  it('the other tab, now stale, reloads their version', async () => {
    await retitle(theirs, 'Nog een titel van Fatima');
    await theirs.getByRole('button', { name: 'Concept opslaan' }).click();
    const dialog = theirs.getByRole('alertdialog', {
      name: 'Iemand anders heeft dit concept intussen gewijzigd',
    });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toMatch(/Pim Eerste heeft dit concept/);
    await dialog
      .getByRole('button', { name: 'Hun versie laden (uw wijzigingen vervallen)' })
      .click();
    await theirs
      .getByRole('status')
      .filter({ hasText: 'De versie van Pim Eerste is geladen.' })
      .waitFor();
    expect(JSON.parse(await theirs.locator('#def-json').inputValue()).title.nl).toBe(
      'Titel van Pim',
    );
    expect(
      await theirs.getByText('Er zijn wijzigingen die nog niet zijn opgeslagen.').count(),
    ).toBe(0);
    expect(await storedTitle()).toBe('Titel van Pim');
    // And the next save of that tab goes through on the fresh revision.
    await retitle(theirs, 'Samen eens');
    await saveOk(theirs);
    expect(await storedTitle()).toBe('Samen eens');
  });
});

describe('leaving with unsaved changes', () => {
  it('asks before an in-app navigation, in Dutch, and stays when the officer says no', async () => {
    await mine.reload();
    await expectHeading(mine, DRAFT_HEADING, false);
    const link = mine.getByRole('link', { name: 'Werkprocessen' }).first();
    // An in-app step away and back, so that the back button below stays inside the app.
    await link.click();
    await expectHeading(mine, 'Werkprocessen', false);
    await mine.goBack();
    await expectHeading(mine, DRAFT_HEADING, false);
    await retitle(mine, 'Niet opgeslagen');
    const asked: string[] = [];
    const answer = (accept: boolean) => (d: Dialog) => {
      asked.push(`${d.type()}: ${d.message()}`);
      void (accept ? d.accept() : d.dismiss());
    };
    mine.on('dialog', answer(false));
    await link.click();
    // The page's own question, with buttons that say what they do (not the browser's OK/Cancel).
    const question = mine.getByRole('alertdialog', { name: 'Pagina verlaten?' });
    await question
      .getByText(/^U heeft wijzigingen in dit concept die nog niet zijn opgeslagen\./)
      .waitFor();
    const stay = question.getByRole('button', { name: 'Op deze pagina blijven' });
    // Staying, the safe answer, has the focus.
    await expect.poll(() => stay.evaluate((el) => el === document.activeElement)).toBe(true);
    await checkA11y(mine, 'leave-dialog');
    await stay.click();
    await question.waitFor({ state: 'detached' });
    expect(mine.url()).toBe(editorUrl);
    expect(JSON.parse(await mine.locator('#def-json').inputValue()).title.nl).toBe(
      'Niet opgeslagen',
    );

    // Escape also means stay; so does the browser's back button.
    await link.click();
    await question.waitFor();
    await mine.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    await mine.goBack();
    await question.waitFor();
    await question.getByRole('button', { name: 'Op deze pagina blijven' }).click();
    await question.waitFor({ state: 'detached' });
    expect(mine.url()).toBe(editorUrl);
    expect(asked).toEqual([]);

    // Reloading the tab: the browser's own question (beforeunload).
    await mine.evaluate(() => {
      setTimeout(() => window.location.reload(), 0);
    });
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(/^beforeunload/);
    expect(JSON.parse(await mine.locator('#def-json').inputValue()).title.nl).toBe(
      'Niet opgeslagen',
    );

    // Yes, leave: the list of workflows; nothing was saved.
    await link.click();
    await question.getByRole('button', { name: 'Pagina verlaten' }).click();
    await expectHeading(mine, 'Werkprocessen', false);
    expect(await storedTitle()).toBe('Samen eens');
  });

  it('a saved editor leaves without asking', async () => {
    mine.removeAllListeners('dialog');
    const asked: string[] = [];
    mine.on('dialog', (d) => {
      asked.push(d.type());
      void d.dismiss();
    });
    await mine.goto(editorUrl);
    await expectHeading(mine, DRAFT_HEADING, false);
    await mine.getByRole('link', { name: 'Werkprocessen' }).first().click();
    await expectHeading(mine, 'Werkprocessen', false);
    expect(asked).toEqual([]);
  });
});
