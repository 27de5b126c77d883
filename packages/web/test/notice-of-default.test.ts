/**
 * A notice of default (ingebrekestelling) on the case page, in Chromium: the decision term has
 * run out, the assessor records the day the resident's letter came in, and the page says from when
 * the penalty runs; days later it shows what is owed, in euros, and the resident reads on her
 * page that the notice came in and what she is owed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { type ApiAs, apiAs } from './api-as';
import {
  type Browser,
  checkA11y,
  expectHeading,
  fillDate,
  login,
  openBrowser,
  screenshotOnFailure,
} from './browser';
import { addDays } from './fixtures';
import { mailedTo } from './mail-drop';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;
let page: Page;
let resident: ApiAs;
let appId = '';
let dueOn = '';

screenshotOnFailure(() => page);

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser();
  page = browser.page;
  resident = await apiAs(server, server.users.resident.email);
  const app = await resident('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: { ...demoFormData(server.deps.clock()), title: 'Buurtbarbecue Bospolder' },
  });
  const submitted = await resident('POST', `/api/applications/${app.id}/events`, {
    type: 'SUBMIT',
  });
  appId = app.id;
  dueOn = submitted.clock.decisionDueOn;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const notice = () => page.getByRole('region', { name: 'Ingebrekestelling' });

describe('a notice of default on the case page', () => {
  it('is offered only once the term has run out, and then recorded by its day', async () => {
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${appId}`);
    await expectHeading(page, 'Buurtbarbecue Bospolder', false);
    await page.getByRole('heading', { name: 'Belangrijke data' }).waitFor();
    expect(await notice().count()).toBe(0);

    // The term runs out; the resident's letter comes in two days after it.
    server.advanceDays(65);
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${appId}`);
    await notice().getByText('Twee weken later gaat een dwangsom lopen').waitFor();
    // Sent without a day, the form says what is missing.
    await notice().getByRole('button', { name: 'Ingebrekestelling vastleggen' }).click();
    await notice()
      .getByText('Vul de dag in waarop de ingebrekestelling binnenkwam.')
      .first()
      .waitFor();
    // A notice that came in on the term's last day does not count: the API says so at the day.
    await fillDate(notice(), 'Ontvangen op', dueOn);
    await notice().getByRole('button', { name: 'Ingebrekestelling vastleggen' }).click();
    await notice()
      .getByText(/voordat de beslistermijn op .+ was verstreken/)
      .first()
      .waitFor();
    await fillDate(notice(), 'Ontvangen op', addDays(dueOn, 2));
    await checkA11y(page, 'notice-of-default-form');
    await notice().getByRole('button', { name: 'Ingebrekestelling vastleggen' }).click();
    await notice()
      .getByText(/^Komt het besluit niet uiterlijk op .+, dan is vanaf die dag/)
      .waitFor();
    await page
      .getByRole('region', { name: 'Verloop' })
      .getByText('Ingebrekestelling ontvangen')
      .waitFor();
    await checkA11y(page, 'notice-of-default-recorded');
  });

  it('shows what is owed once the penalty runs, and the resident reads that it came in', async () => {
    // Twenty days after the notice: at least four days of € 23 owed.
    server.advanceDays(20);
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${appId}`);
    await notice()
      .getByText(/^Dwangsom verschuldigd sinds .+: nu \d+ dagen, € \d+,00\./)
      .waitFor();
    // The amount on a line of its own, in euros, as the sentence above says it.
    await notice()
      .getByText(/^€\s\d{2,3},00$/)
      .waitFor();
    await checkA11y(page, 'notice-of-default-running');
    // The work queue's row says so beside the decision's day.
    await page.goto(`${server.url}/werkvoorraad`);
    const row = page.getByRole('row').filter({ hasText: 'Buurtbarbecue Bospolder' });
    await row.getByText('Ingebrekesteld').waitFor();
    await row.getByText(/^Dwangsom loopt sinds \d+ \w+ \d{4}$/).waitFor();
    await checkA11y(page, 'notice-of-default-queue');

    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${appId}`);
    await expectHeading(page, 'Buurtbarbecue Bospolder', false);
    await page.getByText('Ingebrekestelling ontvangen').waitFor();
    // She is owed the penalty: her page says how much, in words for her, not the staff's.
    await page
      .getByRole('region', { name: 'Ingebrekestelling' })
      .getByText(
        /^Wij hebben nog niet besloten\. Sinds .+ bent u een dwangsom van ons tegoed: nu € \d+,00 over \d+ dagen\./,
      )
      .waitFor();
    expect(await page.getByText('Dwangsom verschuldigd').count()).toBe(0);
    await checkA11y(page, 'notice-of-default-resident');
  });

  it('after a late decision, records the day the penalty was set, and says what was set', async () => {
    const assessor = await apiAs(server, server.users.assessor.email);
    const approver = await apiAs(server, server.users.approver.email);
    await assessor('POST', `/api/applications/${appId}/events`, {
      type: 'ASSESS',
      payload: { recommendation: 'grant', motivation: 'Past bij het wijkakkoord.' },
    });
    await approver('POST', `/api/applications/${appId}/events`, { type: 'GRANT', payload: {} });
    server.advanceDays(3);
    await login(page, server.url, server.users.approver.email, PASSWORD);
    // Decided, the case has left the queue; above it, the penalty still to set, and by when.
    await page.goto(`${server.url}/werkvoorraad`);
    const toSet = page.getByRole('region', { name: 'Dwangsom vaststellen' });
    await toSet
      .getByRole('listitem')
      .filter({ hasText: 'Buurtbarbecue Bospolder' })
      .getByText(/€\s[\d.]+,00 over \d+ dagen, aan .+\. Vaststellen uiterlijk op \d+ \w+ \d{4}\./)
      .waitFor();
    await checkA11y(page, 'notice-of-default-penalties-to-set');
    await toSet.getByRole('link', { name: /Buurtbarbecue Bospolder/ }).click();
    await expectHeading(page, 'Buurtbarbecue Bospolder', false);
    await notice()
      .getByText(
        /^Dwangsom verschuldigd over \d+ dagen: € [\d.]+,00\. Stel de dwangsom uiterlijk op/,
      )
      .waitFor();
    // Set by decision today, with its letter; a day set outside can be recorded instead.
    await notice().getByRole('group', { name: 'Dwangsom vastgesteld op', exact: true }).waitFor();
    await checkA11y(page, 'notice-of-default-set-form');
    await notice()
      .getByRole('button', { name: 'Dwangsom vaststellen en besluit versturen' })
      .click();
    await notice()
      .getByText(/^Dwangsom van € [\d.]+,00 over \d+ dagen, vastgesteld bij besluit op /)
      .waitFor();
    expect(await notice().getByRole('button', { name: 'Vaststelling vastleggen' }).count()).toBe(0);
    expect(
      await notice()
        .getByRole('button', { name: 'Dwangsom vaststellen en besluit versturen' })
        .count(),
    ).toBe(0);
    await page.getByRole('region', { name: 'Verloop' }).getByText('Dwangsom vastgesteld').waitFor();
    // Set, it leaves the list of penalties to set.
    await page.goto(`${server.url}/werkvoorraad`);
    await page.getByRole('heading', { name: 'Werkvoorraad', level: 1 }).waitFor();
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('region', { name: 'Dwangsom vaststellen' }).count()).toBe(0);

    // The resident reads the decision among her letters, and it reaches her mailbox as a PDF.
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${appId}`);
    await expectHeading(page, 'Buurtbarbecue Bospolder', false);
    await page
      .getByRole('link', { name: /^Lees de brief: Besluit: dwangsom voor ons late besluit op BI-/ })
      .waitFor();
    await mailedTo(
      server,
      server.users.resident.email,
      /Wij hebben de dwangsom die u van ons krijgt/,
    );
  });
});
