/**
 * Staff lists as time goes by: the approver sees who proposed a decision and which proposals
 * are past their decision date; after the scheme has closed its cases still run (reports,
 * settlements, objections), so the work queue still offers its district.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { apiAs } from './api-as';
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

screenshotOnFailure(() => page);

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Moves the API's clock to noon of the given day (never back). */
function moveTo(day: string) {
  const days = Math.ceil((Date.parse(`${day}T12:00:00Z`) - Date.parse(server.today())) / 864e5);
  server.advanceDays(Math.max(0, days));
}

describe("the approver's list", () => {
  it('names the assessor who proposed, and says when the decision date has passed', async () => {
    const resident = await apiAs(server, server.users.resident.email);
    const assessor = await apiAs(server, server.users.assessor.email);
    const app = await resident('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: { ...demoFormData(server.deps.clock()), title: 'Burendag Spangen' },
    });
    await resident('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });
    // Assessed without taking the case first: nobody holds it, yet someone proposed.
    await assessor('POST', `/api/applications/${app.id}/events`, {
      type: 'ASSESS',
      payload: { recommendation: 'grant', motivation: 'Past in het wijkakkoord.' },
    });
    const detail = await assessor('GET', `/api/applications/${app.id}`);
    const due = detail.clock.decisionDueOn as string;

    await login(page, server.url, server.users.approver.email, PASSWORD);
    await page.getByRole('link', { name: 'Te beslissen' }).click();
    await expectHeading(page, 'Te beslissen');
    const table = page.getByRole('table', { name: 'Voorstellen die wachten op een besluit' });
    await table.getByRole('columnheader', { name: 'Uiterlijk besluit' }).waitFor();
    const row = table.getByRole('row').filter({ hasText: app.reference });
    await row.getByRole('cell', { name: server.users.assessor.name }).waitFor();
    expect(await row.textContent()).not.toMatch(/te laat/);

    // Days after the last day to decide, the row says so.
    const late = new Date(Date.parse(`${due}T12:00:00Z`) + 3 * 864e5).toISOString().slice(0, 10);
    moveTo(late);
    await login(page, server.url, server.users.approver.email, PASSWORD);
    await page.getByRole('link', { name: 'Te beslissen' }).click();
    await expectHeading(page, 'Te beslissen');
    await row.getByText(/^\d+ dagen te laat$/).waitFor();
    await checkA11y(page, 'approvals-overdue');
  });
});

describe('the work queue', () => {
  it('still offers the districts of regulations that have closed', async () => {
    // The test regulations run to 31 December 2026: move past it.
    moveTo('2027-01-02');
    expect(server.today() > '2026-12-31').toBe(true);
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await expectHeading(page, 'Werkvoorraad');
    const district = page.getByLabel('Wijk');
    await expect
      .poll(() => district.locator('option').allTextContents())
      .toEqual(['Alle wijken', 'Charlois', 'Delfshaven']);
  });
});
