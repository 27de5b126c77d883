/**
 * Only residents of the district count as supporters (bewonersinitiatief v12, the definition's
 * table from district to postcodes). The resident's form says, while she fills it in, which lines
 * do not count and why, naming the district; the assessor's case page marks per supporter
 * whether he counts and why not, and so does the resident's own application page, in her words.
 * All read by the engine's own verdicts, in Chromium, with axe.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData, onlyFormFields } from '../../api/src/applications/applications.fixtures';
import { shippedFile } from '../../api/src/definitions/shipped-versions.fixture';
import { apiAs } from './api-as';
import { checkA11y, expectHeading, login, logout } from './browser';
import { delfshavenRegulationOn } from './fixtures';
import { setUpBrowserTest } from './kit';
import { PASSWORD, type TestServer } from './server';

let server: TestServer;
let page: Page;
let regulationId = '';
const v12 = shippedFile('bewonersinitiatief', 12);

setUpBrowserTest(
  (started) => {
    ({ server, page } = started);
  },
  {
    seed: async (s) => {
      regulationId = await delfshavenRegulationOn(s.deps.db, 'BI-DH-V12', {
        key: 'bewonersinitiatief',
        version: 12,
      });
    },
  },
);

/** The demo's four supporters (Delfshaven, twelve or older), the first `keep`, then `more`. */
function formWith(keep: number, more: object[]): Record<string, unknown> {
  const data = onlyFormFields(v12, demoFormData(server.deps.clock()));
  return { ...data, supporters: [...(data.supporters as object[]).slice(0, keep), ...more] };
}

const status = () => page.locator('[role="status"]', { hasText: 'Telt nu mee' });

describe('supporters from another district', () => {
  it("the resident's form names the lines that do not count, and why", async () => {
    const resident = await apiAs(server, server.users.resident.email);
    const app = await resident('POST', '/api/applications', {
      regulationId,
      data: formWith(3, [
        { name: 'Sanne de Wit', postcode: '3061 AB', age: 29 },
        { name: 'Noor Bakker', postcode: '3022 AF', age: 11 },
      ]),
    });
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${app.id}/bewerken/supporters`);
    await status().waitFor();
    const said = (await status().textContent()) ?? '';
    expect(said).toContain('Telt nu mee: 3.');
    expect(said).toContain('Regel 5 telt niet mee: jonger dan 12 jaar.');
    expect(said).toContain('Regel 4 telt niet mee: woont volgens de postcode niet in Delfshaven.');
    // In line order, whatever the reason: line 4 before line 5.
    expect(said.indexOf('Regel 4')).toBeLessThan(said.indexOf('Regel 5'));
    await checkA11y(page, 'supporters-district-form');

    await page.getByRole('button', { name: 'English', exact: true }).click();
    const inEnglish = page.locator('[role="status"]', { hasText: 'Counted now' });
    await inEnglish.waitFor();
    expect(await inEnglish.textContent()).toContain(
      'Line 4 is not counted: by the postcode, this person does not live in Delfshaven.',
    );
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
    await status().waitFor();
    await logout(page);
  });

  it('the case page marks per supporter whether he counts, and why not', async () => {
    const resident = await apiAs(server, server.users.resident.email);
    const app = await resident('POST', '/api/applications', {
      regulationId,
      data: formWith(4, [
        { name: 'Sanne de Wit', postcode: '3061 AB', age: 29 },
        { name: 'Noor Bakker', postcode: '3022 AF', age: 11 },
      ]),
    });
    // Four in Delfshaven of twelve or older: it goes in, with two lines that do not count.
    await resident('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });

    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${app.id}`);
    await expectHeading(page, app.title as string, false);
    const row = (name: string) => page.getByRole('row').filter({ hasText: name });
    await row('Sanne de Wit').waitFor();
    const cell = (name: string) => row(name).locator('td[data-label="Telt mee"]');
    expect((await cell('Sanne de Wit').textContent())?.trim()).toBe(
      'Telt niet meeWoont volgens de postcode niet in Delfshaven.',
    );
    expect((await cell('Noor Bakker').textContent())?.trim()).toBe(
      'Telt niet meeJonger dan 12 jaar.',
    );
    expect((await cell('Priya Ramdin').textContent())?.trim()).toBe('Telt mee');
    // The column is named, so a screen reader says "Telt mee" with each mark.
    await expect
      .poll(() => page.getByRole('columnheader', { name: 'Telt mee', exact: true }).count())
      .toBe(1);
    await checkA11y(page, 'supporters-district-case');
  });

  it('the panel of supporters who confirmed marks per supporter whether he counts, and why not', async () => {
    const resident = await apiAs(server, server.users.resident.email);
    const clerk = await apiAs(server, server.users.clerk.email);
    const app = await resident('POST', '/api/applications', {
      regulationId,
      data: formWith(4, []),
    });
    // Confirmed at the desk from a paper list, and one invited by mail who has not confirmed.
    for (const [name, postcode, age] of [
      ['Priya Ramdin', '3022 AB', 34],
      ['Sanne de Wit', '3061 AB', 29],
      ['Noor Bakker', '3022 AF', 11],
    ] as const) {
      await clerk('POST', `/api/applications/${app.id}/supporters`, {
        name,
        paper: true,
        postcode,
        age,
      });
    }
    await resident('POST', `/api/applications/${app.id}/supporters`, {
      name: 'Kees Bakker',
      email: 'kees.bakker@example.org',
    });

    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${app.id}`);
    await expectHeading(page, app.title as string, false);
    const panel = page.getByRole('region', { name: 'Ondersteuners uit de buurt' });
    const table = panel.getByRole('table', { name: 'Ondersteuners en hoe zij hebben bevestigd' });
    await table.waitFor();
    await panel
      .getByText('Er zijn minstens 4 ondersteuners uit Delfshaven van 12 jaar of ouder nodig.')
      .waitFor();
    await panel
      .getByText('3 ondersteuners hebben bevestigd. Volgens de regel telt er nu 1 mee.')
      .waitFor();
    const mark = async (name: string) =>
      (
        (await table
          .getByRole('row')
          .filter({ hasText: name })
          .locator('td')
          .last()
          .textContent()) ?? ''
      ).trim();
    expect(await mark('Priya Ramdin')).toBe('Telt mee');
    expect(await mark('Sanne de Wit')).toBe(
      'Telt niet meeWoont volgens de postcode niet in Delfshaven.',
    );
    expect(await mark('Noor Bakker')).toBe('Telt niet meeJonger dan 12 jaar.');
    expect(await mark('Kees Bakker')).toBe('Telt niet meeHeeft (nog) niet bevestigd.');
    await expect
      .poll(() => table.getByRole('columnheader', { name: 'Telt mee', exact: true }).count())
      .toBe(1);
    // Now who confirmed counts, not the names on the form: those carry no marks but say so.
    await page
      .getByText(
        'Deze namen tellen niet meer mee: er zijn ondersteuners uitgenodigd, en dan tellen alleen zij die zelf bevestigden. Zie ‘Ondersteuners uit de buurt’ hieronder.',
      )
      .waitFor();
    await expect
      .poll(() => page.getByRole('columnheader', { name: 'Telt mee', exact: true }).count())
      .toBe(1);
    await table.scrollIntoViewIfNeeded();
    await checkA11y(page, 'supporters-district-panel');

    await page.getByRole('button', { name: 'English', exact: true }).click();
    const english = page.getByRole('table', { name: 'Supporters and how they confirmed' });
    await english.waitFor();
    await page
      .getByText('At least 4 supporters from Delfshaven aged 12 or older are needed.')
      .waitFor();
    await english
      .getByRole('row')
      .filter({ hasText: 'Sanne de Wit' })
      .getByText('By the postcode, does not live in Delfshaven.')
      .waitFor();
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
    await logout(page);
  });

  it("the applicant's own page marks per supporter whether he counts, and why not", async () => {
    const resident = await apiAs(server, server.users.resident.email);
    const clerk = await apiAs(server, server.users.clerk.email);
    const app = await resident('POST', '/api/applications', {
      regulationId,
      data: formWith(4, [
        // Her own name, without a postcode: the engine reads it as her.
        { name: 'Fatima El Amrani', age: 41 },
        { name: 'Noor Bakker', postcode: '3022 AF', age: 11 },
      ]),
    });
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${app.id}`);
    await expectHeading(page, app.title as string, false);
    // The form's names count while nobody is invited: her page marks them as staff's does.
    const formTable = page.getByRole('table', { name: /^Ondersteuners uit de buurt \(/ });
    const formMark = async (name: string) =>
      (
        (await formTable
          .getByRole('row')
          .filter({ hasText: name })
          .locator('td[data-label="Telt mee"]')
          .textContent()) ?? ''
      ).trim();
    await formTable.getByRole('row').filter({ hasText: 'Noor Bakker' }).waitFor();
    expect(await formMark('Noor Bakker')).toBe('Telt niet meeJonger dan 12 jaar.');
    expect(await formMark('Fatima El Amrani')).toBe(
      'Telt niet meeDit bent u zelf. Het gaat om de steun van andere bewoners.',
    );
    expect(await formMark('Priya Ramdin')).toBe('Telt mee');
    await checkA11y(page, 'supporters-district-own-form');

    // Then supporters on record: confirmed on paper at the desk, and one invited by mail.
    for (const [name, postcode, age] of [
      ['Priya Ramdin', '3022 AB', 34],
      ['Sanne de Wit', '3061 AB', 29],
      ['Noor Bakker', '3022 AF', 11],
    ] as const) {
      await clerk('POST', `/api/applications/${app.id}/supporters`, {
        name,
        paper: true,
        postcode,
        age,
      });
    }
    await resident('POST', `/api/applications/${app.id}/supporters`, {
      name: 'Kees Bakker',
      email: 'kees.bakker@example.org',
    });
    await page.reload();
    await expectHeading(page, app.title as string, false);
    const panel = page.getByRole('region', { name: 'Ondersteuners uit de buurt' });
    const table = panel.getByRole('table', { name: 'Ondersteuners en hoe zij hebben bevestigd' });
    await table.waitFor();
    await panel
      .getByText('3 ondersteuners hebben bevestigd. Volgens de regel telt er nu 1 mee.')
      .waitFor();
    const mark = async (name: string) =>
      (
        (await table
          .getByRole('row')
          .filter({ hasText: name })
          .locator('td')
          .last()
          .textContent()) ?? ''
      ).trim();
    expect(await mark('Priya Ramdin')).toBe('Telt mee');
    expect(await mark('Sanne de Wit')).toBe(
      'Telt niet meeWoont volgens de postcode niet in Delfshaven.',
    );
    expect(await mark('Noor Bakker')).toBe('Telt niet meeJonger dan 12 jaar.');
    expect(await mark('Kees Bakker')).toBe('Telt niet meeHeeft (nog) niet bevestigd.');
    // She sees no postcodes or ages of others: only whether and why.
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Naam',
      'Bevestigd',
      'Telt mee',
    ]);
    // The form's names no longer count; her page has the panel above them.
    await page
      .getByText(
        'Deze namen tellen niet meer mee: er zijn ondersteuners uitgenodigd, en dan tellen alleen zij die zelf bevestigden. Zie ‘Ondersteuners uit de buurt’ hierboven.',
      )
      .waitFor();
    await table.scrollIntoViewIfNeeded();
    await checkA11y(page, 'supporters-district-own-panel');

    await page.getByRole('button', { name: 'English', exact: true }).click();
    const english = page.getByRole('table', { name: 'Supporters and how they confirmed' });
    await english.waitFor();
    await english
      .getByRole('row')
      .filter({ hasText: 'Noor Bakker' })
      .getByText('Younger than 12.')
      .waitFor();
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
    await logout(page);
  });
});
