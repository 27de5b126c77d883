/**
 * A resident saved a draft while the regulation was open and comes back after its last day. Her
 * application's page and its form say at the top, in words, that it can no longer be sent and
 * where a new one can be made; the form's last step offers no "Aanvraag versturen", and nothing
 * she filled in is lost.
 */

import { addDays, formatDate } from '@initiatief/engine';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { upsertRegulation } from '../../api/src/regulations/regulations.repository';
import { apiAs } from './api-as';
import {
  type Browser,
  checkA11y,
  expectHeading,
  fillDate,
  login,
  openBrowser,
  screenshotOnFailure,
} from './browser';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;
let page: Page;
let regulationId = '';
let lastDay = '';

beforeAll(async () => {
  server = await startTestServer();
  const today = server.today();
  lastDay = today;
  regulationId = await upsertRegulation(server.deps.db, {
    code: 'BI-CHARLOIS-SLUIT',
    title: 'Bewonersinitiatieven Charlois',
    district: 'Charlois',
    year: Number(today.slice(0, 4)),
    ceilingCents: 25_000_000,
    maxAmountCents: 1_000_000,
    directSettlementThresholdCents: 0,
    decisionTermWeeks: 8,
    reportDueWeeks: 12,
    opensOn: addDays(today, -60),
    closesOn: lastDay,
    workflowKey: 'bewonersinitiatief',
    workflowVersion: 1,
  });
  browser = await openBrowser();
  page = browser.page;
});
screenshotOnFailure(() => browser?.page);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a draft after the regulation’s last day', () => {
  it('says so on its page and its form, and cannot be sent', async () => {
    const resident = await apiAs(server, server.users.resident.email);
    const data = {
      ...demoFormData(server.deps.clock(), { district: 'Charlois' }),
      district: 'Charlois',
      title: 'Buurtmoestuin Tarwewijk',
    };
    const draft = await resident('POST', '/api/applications', { regulationId, data });
    // A day later the regulation has closed; her draft was started on its last day.
    server.advanceDays(1);
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${draft.id}`);
    const notice = page.locator('.app-period-ended');
    await notice.waitFor();
    const said = `Deze regeling nam aanvragen aan tot en met ${formatDate(lastDay, 'nl')}. Deze aanvraag kan niet meer worden ingediend.`;
    expect(await notice.textContent()).toContain(said);
    expect(
      await notice.getByRole('link', { name: 'Bekijk de open regelingen' }).getAttribute('href'),
    ).toBe('/regelingen');
    // Its important dates name the last day too.
    const dates = page.getByRole('region', { name: 'Belangrijke data' });
    expect(await dates.textContent()).toContain(
      `Versturen kan tot en met${formatDate(lastDay, 'nl')}`,
    );
    await checkA11y(page, 'application-period-ended');

    await page.goto(`${server.url}/aanvragen/${draft.id}/bewerken/controleren`);
    await page.locator('.app-period-ended').waitFor();
    expect(await page.locator('.app-period-ended').textContent()).toContain(said);
    expect(await page.getByRole('button', { name: 'Aanvraag versturen' }).count()).toBe(0);
    await checkA11y(page, 'form-period-ended');
    await page.getByRole('button', { name: 'Terug naar de aanvraag' }).click();
    await page.waitForURL(`${server.url}/aanvragen/${draft.id}`);
    await expectHeading(page, /Buurtmoestuin Tarwewijk/, false);

    // Her list says by when it could be sent.
    await page.getByRole('link', { name: 'Mijn aanvragen' }).click();
    await page.waitForURL(`${server.url}/aanvragen`);
    const row = page.getByRole('row').filter({ hasText: 'Buurtmoestuin Tarwewijk' });
    await row.waitFor();
    const keyDate = row.getByRole('cell').nth(3);
    expect(await keyDate.textContent()).toBe(
      `Versturen kan tot en met${formatDate(lastDay, 'nl')}verstreken`,
    );
    await checkA11y(page, 'my-applications-period-ended');

    const again = await apiAs(server, server.users.resident.email);
    const after = await again('GET', `/api/applications/${draft.id}`);
    expect(after.state).toBe('draft');
    expect(after.data.title).toBe('Buurtmoestuin Tarwewijk');
  });

  it('the desk files one that came in by post on the last day, with that day', async () => {
    const clerk = await apiAs(server, server.users.clerk.email);
    // The last day is today on this server's clock, which the test before moved on by a day.
    const today = server.today();
    const byPost = await upsertRegulation(server.deps.db, {
      code: 'BI-CHARLOIS-POST',
      title: 'Bewonersinitiatieven Charlois (post)',
      district: 'Charlois',
      year: Number(today.slice(0, 4)),
      ceilingCents: 25_000_000,
      maxAmountCents: 1_000_000,
      directSettlementThresholdCents: 0,
      decisionTermWeeks: 8,
      reportDueWeeks: 12,
      opensOn: addDays(today, -60),
      closesOn: today,
      workflowKey: 'bewonersinitiatief',
      workflowVersion: 1,
    });
    const data = {
      ...demoFormData(server.deps.clock(), { district: 'Charlois' }),
      district: 'Charlois',
      title: 'Speeltuin Pendrecht',
    };
    const draft = await clerk('POST', '/api/applications', {
      regulationId: byPost,
      applicantId: server.users.resident.id,
      data,
    });
    // The letter came in on the last day; the desk types it in two days later.
    server.advanceDays(2);
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${draft.id}/bewerken/controleren`);
    const notice = page.locator('.app-period-ended');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Kwam de aanvraag op of vóór die dag binnen');
    await checkA11y(page, 'desk-period-ended');
    // The desk's declaration names whose words it sends, not the clerk's own.
    await page
      .getByText(
        `Door te versturen verklaart u dat alles is ingevuld zoals ${server.users.resident.name} het heeft opgegeven.`,
        { exact: false },
      )
      .waitFor();
    expect(await page.getByText('dat u alles naar waarheid heeft ingevuld').count()).toBe(0);

    // Sent without the day it came in: too late, said in words.
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await page
      .getByText(`Deze regeling nam aanvragen aan tot en met ${formatDate(today, 'nl')}.`)
      .first()
      .waitFor();

    await fillDate(page, 'Datum van ontvangst', today);
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await page.waitForURL(`${server.url}/aanvragen/${draft.id}`);
    const again = await apiAs(server, server.users.clerk.email);
    const filed = await again('GET', `/api/applications/${draft.id}`);
    expect(filed.state).toBe('submitted');
    expect(filed.clock.receivedOn).toBe(today);
    expect(filed.applicationPeriodEnded).toBeNull();
  });
});
