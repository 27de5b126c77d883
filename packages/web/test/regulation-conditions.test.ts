/**
 * A resident reads what each scheme asks of her before she applies, and the words come from the
 * workflow the regulation starts applications on: a regulation moved to a version with other
 * rules reads differently without a change to the web. The home page names no scheme's rules
 * of its own; it sends her to the regulations.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallBudgetRegulation } from '../../api/src/applications/applications.fixtures';
import {
  type Browser,
  checkA11y,
  expectHeading,
  login,
  openBrowser,
  screenshotOnFailure,
} from './browser';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  await smallBudgetRegulation(server.deps.db, {
    code: 'KB-FEIJENOORD-2026',
    title: 'Klein buurtbudget Feijenoord 2026',
    district: 'Feijenoord',
    workflowVersion: 10,
  });
  browser = await openBrowser();
  page = browser.page;
});
screenshotOnFailure(() => browser?.page);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The conditions listed on one regulation's card, found by its heading. */
async function conditionsOf(title: string): Promise<string[]> {
  const card = page.getByRole('region', { name: title });
  await card.waitFor();
  const list = card.getByRole('list', { name: /^(Voorwaarden|Conditions)$/ });
  return (await list.getByRole('listitem').allInnerTexts()).map((s) => s.trim());
}

describe('the conditions of each scheme, before applying', () => {
  it('sends the resident from the home page to the schemes and their conditions', async () => {
    await page.goto(server.url);
    await expectHeading(page, 'Subsidie voor uw bewonersinitiatief', false);
    expect(await page.locator('main').textContent()).not.toMatch(/Minstens 4 buurtbewoners/);
    await page.getByRole('link', { name: 'Bekijk de regelingen en hun voorwaarden' }).click();
    await expectHeading(page, 'Subsidieregelingen');
    await checkA11y(page, 'regulation-conditions');
  });

  it("lists each regulation's own conditions, in Dutch and in English", async () => {
    await page.goto(`${server.url}/regelingen`);
    expect(await conditionsOf('Klein buurtbudget Feijenoord 2026')).toEqual([
      'U vraagt niet meer dan €\u00a01.500,00 aan.',
      'U vraagt de subsidie minstens 4 weken voor de activiteit aan.',
      'U verklaart: “Ik ben 18 jaar of ouder.”',
    ]);
    const charlois = await conditionsOf('Bewonersinitiatieven Charlois 2026');
    expect(charlois.join('\n')).toMatch(/^Minstens 4 buurtbewoners .*van 12 jaar of ouder/m);
    expect(charlois).toContain('U vraagt niet meer dan €\u00a010.000,00 aan.');
    await expect
      .poll(() =>
        page.getByRole('region', { name: 'Klein buurtbudget Feijenoord 2026' }).textContent(),
      )
      .toMatch(/Soort regeling\s*Klein buurtbudget/);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Grant schemes' }).waitFor();
    expect(await conditionsOf('Klein buurtbudget Feijenoord 2026')).toEqual([
      'You apply for no more than €1,500.00.',
      'You apply at least 4 weeks before the activity.',
      'You declare: “I am 18 or older.”',
    ]);
    await checkA11y(page, 'regulation-conditions-en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Subsidieregelingen' }).waitFor();
  });

  it('reads the new rules once the regulation starts on a version that has them', async () => {
    // Version 13 counts only supporters from the regulation's district and asks the applicant
    // to state she is 18 or older; version 1 (the server's) does neither.
    await server.deps.db
      .updateTable('regulations')
      .set({ workflow_version: 13 })
      .where('code', '=', 'BI-CHARLOIS-2026')
      .execute();
    await page.goto(`${server.url}/regelingen`);
    const charlois = await conditionsOf('Bewonersinitiatieven Charlois 2026');
    expect(charlois).toContain(
      'Minstens 4 buurtbewoners uit Charlois van 12 jaar of ouder steunen uw idee; u zelf telt niet mee.',
    );
    expect(charlois).toContain('U verklaart: “Ik ben 18 jaar of ouder.”');
    const delfshaven = await conditionsOf('Bewonersinitiatieven Delfshaven 2026');
    expect(delfshaven.join('\n')).not.toMatch(/Ik ben 18 jaar/);
  });

  it('shows the desk the conditions of the regulation it chooses for a caller', async () => {
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await page.getByLabel('Naam of e-mailadres').fill('Fatima');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('button', { name: `Kies ${server.users.resident.name}` }).click();
    const conditions = page.getByRole('list', { name: 'Voorwaarden' });
    const regulation = page.getByLabel('Regeling');
    // Her postcode lies in no district with one open regulation: none is chosen beforehand.
    await regulation.selectOption(server.regulationId);
    await conditions.waitFor();
    const small = (await regulation.locator('option').allTextContents()).find((o) =>
      o.startsWith('Klein buurtbudget Feijenoord 2026'),
    );
    await regulation.selectOption({ label: small! });
    await expect
      .poll(() => conditions.getByRole('listitem').allTextContents())
      .toEqual([
        'U vraagt niet meer dan €\u00a01.500,00 aan.',
        'U vraagt de subsidie minstens 4 weken voor de activiteit aan.',
        'U verklaart: “Ik ben 18 jaar of ouder.”',
      ]);
    await checkA11y(page, 'desk-regulation-conditions');
  });
});
