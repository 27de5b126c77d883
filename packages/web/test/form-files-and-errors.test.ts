/**
 * What a tester found on the wizard with a real browser: several files chosen at once must all
 * land in the attachments field (and the status names them all); a file taken out of the field is
 * no attachment of the application on its page; keyboard focus stays at the file input after an
 * upload; an amount the page cannot read is not "Opgeslagen" and leaving asks; an error in the
 * summary goes once its field is corrected, without new errors while typing.
 */
import type { FileChooser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import type { ApiAs } from './api-as';
import { checkA11y, expectHeading } from './browser';
import { pngBuffer } from './fixtures';
import { setUpResidentForm } from './kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;
let as: ApiAs;
let id = '';

setUpResidentForm((started) => {
  ({ server, page, as } = started);
});

const stored = async () => (await as('GET', `/api/applications/${id}`)).data;
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
const summary = () => page.getByRole('alert').filter({ hasText: 'Er is iets niet goed ingevuld' });
const quotes = () => page.getByLabel('Offertes en andere stukken', { exact: true });
const saveStatus = () => page.locator('.app-save-status');
const leaveDialog = () => page.getByRole('alertdialog', { name: 'Pagina verlaten?' });

async function open(step = '') {
  const created = await as('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: demoFormData(server.deps.clock()),
  });
  id = created.id;
  await page.goto(`${server.url}/aanvragen/${id}/bewerken${step ? `/${step}` : ''}`);
  await expectHeading(page, /^Stap \d van \d: /, false);
}

const png = (name: string) => ({ name, mimeType: 'image/png', buffer: pngBuffer() });

describe('files on the form', () => {
  it('keeps every file chosen at once, says so for all, and keeps focus at the input', async () => {
    await open('budget');
    await expectHeading(page, /Begroting$/, false);
    const before = ((await stored()).quotes ?? []).length;
    // The button speaks the page's language, not the browser's "Choose Files", and its words are
    // part of the field's name; the field keeps its label.
    await page
      .getByRole('button', { name: 'Offertes en andere stukken Bestanden kiezen', exact: true })
      .waitFor();
    expect(await page.getByText('Bestanden kiezen', { exact: true }).count()).toBe(1);
    expect(await page.getByText(/Choose Files|No file chosen/).count()).toBe(0);
    // A keyboard user opens the file chooser from the field itself.
    await quotes().focus();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.keyboard.press('Space'),
    ]);
    await chooser.setFiles([png('foto1.png'), png('foto2.png'), png('foto3.png')]);
    await page
      .getByRole('status')
      .filter({ hasText: 'foto1.png, foto2.png en foto3.png zijn toegevoegd.' })
      .waitFor();
    for (const name of ['foto1.png', 'foto2.png', 'foto3.png'])
      await page.getByRole('link', { name }).waitFor();
    // Focus did not drop to the page: a keyboard user goes on from the file input.
    await expect.poll(focusedId).toBe('f-quotes');
    await expect.poll(async () => ((await stored()).quotes ?? []).length).toBe(before + 3);
    await checkA11y(page, 'files-several-added');

    await page.reload();
    await expectHeading(page, /Begroting$/, false);
    for (const name of ['foto1.png', 'foto2.png', 'foto3.png'])
      await page.getByRole('link', { name }).waitFor();
  });

  it('a file whose name hides its direction is refused with words that name the file', async () => {
    const before = ((await stored()).quotes ?? []).length;
    // Chosen with the mouse on the button the page shows: the browser's chooser opens.
    const choose = page.getByText('Bestanden kiezen', { exact: true });
    await choose.scrollIntoViewIfNeeded();
    // The input lying over the button takes the click once it is enabled again (not while the
    // files of the step before are still being saved); a click the loaded machine lost is made
    // again, so what is checked is that the chooser opens, not how fast.
    await expect.poll(() => page.locator('#f-quotes').isEnabled()).toBe(true);
    let chooser: FileChooser | undefined;
    for (let attempt = 0; attempt < 3 && !chooser; attempt++) {
      const button = (await choose.boundingBox())!;
      [chooser] = await Promise.all([
        page.waitForEvent('filechooser', { timeout: 6_000 }).catch(() => undefined),
        page.mouse.click(button.x + button.width / 2, button.y + button.height / 2),
      ]);
    }
    if (!chooser) throw new Error('the file chooser did not open');
    // U+202E turns "foto\u202Egnp.exe" into what reads as "fotoexe.png": the API refuses it.
    await chooser.setFiles([png('foto\u202Egnp.exe.png')]);
    const refused = page.getByRole('alert').filter({ hasText: 'Het bestand fotognp.exe.png' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain('leesrichting');
    // Not the general "could not be read, reload the page": reloading would not help.
    expect(await refused.textContent()).not.toContain('Laad de pagina opnieuw');
    expect(((await stored()).quotes ?? []).length).toBe(before);
    await checkA11y(page, 'files-name-refused');
  });

  it('a file taken out of the field is no attachment of the application on its page', async () => {
    await page
      .getByRole('button', { name: 'foto1.png verwijderen bij Offertes en andere stukken' })
      .click();
    await page.getByText('foto1.png is verwijderd bij Offertes en andere stukken.').waitFor();
    const files: { id: string; filename: string }[] = (
      await as('GET', `/api/applications/${id}/attachments`)
    ).items;
    const removed = files.find((f) => f.filename === 'foto1.png')!.id;
    await expect.poll(async () => (await stored()).quotes).not.toContain(removed);
    await page.goto(`${server.url}/aanvragen/${id}`);
    await page.getByRole('heading', { level: 2, name: 'Bijlagen' }).waitFor();
    await page.getByRole('link', { name: 'foto2.png' }).first().waitFor();
    await page.getByRole('link', { name: 'foto3.png' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'foto1.png' }).count()).toBe(0);
    await checkA11y(page, 'files-application-page');
  });
});

describe('an amount the page cannot read', () => {
  it('is not said to be saved, and leaving asks', async () => {
    await open('budget');
    await expectHeading(page, /Begroting$/, false);
    const amount = page.getByRole('group', { name: 'Begroting, regel 1' }).getByLabel('Bedrag');
    const alert = page.getByRole('alert').filter({ hasText: 'Dit is niet opgeslagen' });
    // Letters: the example in the error is the one of the hint above the box.
    await amount.fill('abc');
    await amount.press('Tab');
    await alert
      .getByRole('link', { name: /Bedrag: “abc” is geen bedrag\. .* bijvoorbeeld 2\.500,50\.$/ })
      .waitFor();
    await amount.fill('-50');
    await amount.press('Tab');
    await alert.getByRole('link', { name: /Bedrag/ }).waitFor();
    await expect.poll(() => saveStatus().textContent()).toMatch(/^Deels opgeslagen om/);
    await checkA11y(page, 'amount-unreadable-not-saved');

    await page.getByRole('link', { name: 'Mijn aanvragen' }).first().click();
    await leaveDialog().getByText('Niet al uw wijzigingen zijn opgeslagen.').waitFor();
    await leaveDialog().getByRole('button', { name: 'Op deze pagina blijven' }).click();
    expect(await amount.inputValue()).toBe('-50');

    // Corrected: saved, said so, and leaving no longer asks.
    await amount.fill('50');
    await expect.poll(() => saveStatus().textContent()).toMatch(/^Opgeslagen om/);
    await expect.poll(() => alert.count()).toBe(0);
    await page.getByRole('link', { name: 'Mijn aanvragen' }).first().click();
    await expectHeading(page, 'Mijn aanvragen', false);
    expect(await leaveDialog().count()).toBe(0);
  });
});

describe('the error summary', () => {
  it('loses an error once its field is corrected; no new ones while typing', async () => {
    await open();
    await page.getByLabel('Naam van uw initiatief').fill('');
    await page.getByLabel('Verwacht aantal deelnemers').fill('');
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await summary().waitFor();
    const texts = () => summary().getByRole('link').allTextContents();
    expect((await texts()).some((x) => x.startsWith('Naam van uw initiatief'))).toBe(true);
    expect((await texts()).some((x) => x.startsWith('Verwacht aantal deelnemers'))).toBe(true);

    const title = page.getByLabel('Naam van uw initiatief');
    await title.fill('Buurtfeest Spangen');
    await expect
      .poll(async () => (await texts()).some((x) => x.startsWith('Naam van uw initiatief')))
      .toBe(false);
    await expect.poll(() => title.getAttribute('aria-invalid')).not.toBe('true');
    // The field not corrected yet keeps its error.
    expect((await texts()).some((x) => x.startsWith('Verwacht aantal deelnemers'))).toBe(true);
    // A field emptied now gets no error until the person goes on.
    await page.getByLabel('Locatie').fill('');
    await page.waitForTimeout(300);
    expect((await texts()).some((x) => x.startsWith('Locatie'))).toBe(false);
    await page.getByLabel('Locatie').fill('Het plein');
    await checkA11y(page, 'summary-follows-fields');

    await page.getByLabel('Verwacht aantal deelnemers').fill('40');
    await expect.poll(() => summary().count()).toBe(0);
  });
});

describe('a date as day, month and year', () => {
  const date = () => page.getByRole('group', { name: 'Datum van de activiteit', exact: true });
  const box = (name: string) => date().getByLabel(name, { exact: true });

  it('shows what is stored, refuses a day the month lacks by name, and takes a whole date', async () => {
    await open();
    const [y, m, d] = String((await stored()).activityDate).split('-');
    expect(await box('Dag').inputValue()).toBe(String(Number(d)));
    expect(await box('Maand').inputValue()).toBe(String(Number(m)));
    expect(await box('Jaar').inputValue()).toBe(y);

    await box('Dag').fill('10');
    await box('Maand').fill('2');
    await box('Jaar').fill('2031');
    await expect.poll(async () => (await stored()).activityDate).toBe('2031-02-10');

    // 31 February: said once the person leaves the three boxes, not while moving between them.
    await box('Dag').fill('31');
    // Each box is as wide as what it holds: "31" and "2031" are not cut off.
    for (const name of ['Dag', 'Maand', 'Jaar']) {
      expect(await box(name).evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    await box('Dag').press('Tab');
    await page.waitForTimeout(300);
    expect(await date().getByText('Februari 2031 heeft 28 dagen.').count()).toBe(0);
    await box('Jaar').press('Tab');
    await date().getByText('Februari 2031 heeft 28 dagen.').waitFor();
    expect(await box('Dag').getAttribute('aria-invalid')).toBe('true');
    expect(await box('Jaar').getAttribute('aria-invalid')).toBeNull();
    // Not saved, not moved to 3 March, and what was saved stays saved.
    await page
      .getByRole('alert')
      .filter({ hasText: 'Dit is niet opgeslagen' })
      .getByRole('link', { name: 'Datum van de activiteit: Februari 2031 heeft 28 dagen.' })
      .waitFor();
    expect((await stored()).activityDate).toBe('2031-02-10');
    await checkA11y(page, 'date-day-the-month-lacks');

    // The summary names the field and leads to its first box.
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    const link = summary().getByRole('link', {
      name: 'Datum van de activiteit: Februari 2031 heeft 28 dagen.',
    });
    await link.waitFor();
    // Said once, in the summary: the save indicator above it no longer lists it again, it says
    // in a line that the rest was saved and what the summary lists was not.
    await page
      .getByText(
        'Uw andere wijzigingen zijn opgeslagen. Wat hieronder niet goed is ingevuld, is nog niet opgeslagen.',
      )
      .waitFor();
    expect(
      await page
        .getByRole('link', { name: 'Datum van de activiteit: Februari 2031 heeft 28 dagen.' })
        .count(),
    ).toBe(1);
    expect(
      await page.getByRole('alert').filter({ hasText: 'Dit is niet opgeslagen' }).count(),
    ).toBe(0);
    await expect.poll(() => saveStatus().textContent()).toMatch(/^Deels opgeslagen om/);
    await link.click();
    await expect.poll(focusedId).toBe('f-activityDate');

    // A whole date typed into the day box goes to the three boxes, and is saved.
    await box('Dag').fill('15-6-2031');
    expect(await box('Dag').inputValue()).toBe('15');
    expect(await box('Maand').inputValue()).toBe('6');
    expect(await box('Jaar').inputValue()).toBe('2031');
    await expect.poll(async () => (await stored()).activityDate).toBe('2031-06-15');
    await expect.poll(() => summary().count()).toBe(0);

    await page.reload();
    await expectHeading(page, /^Stap \d van \d: /, false);
    expect(await box('Dag').inputValue()).toBe('15');
    expect(await box('Maand').inputValue()).toBe('6');
  });

  it('a date left half done names the part that is missing', async () => {
    await box('Maand').fill('');
    await box('Jaar').press('Tab');
    await date().getByText('Vul ook de maand in.').waitFor();
    expect(await box('Maand').getAttribute('aria-invalid')).toBe('true');
    await box('Maand').fill('juni');
    await expect.poll(() => date().getByText('Vul ook de maand in.').count()).toBe(0);
    expect((await stored()).activityDate).toBe('2031-06-15');
  });
});
