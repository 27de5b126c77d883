/**
 * The resident gives notice of default (ingebrekestelling) herself, in Chromium: once the decision
 * term has run out her page says what that means and offers one button; after it, the page says
 * what she is owed from when, and a receipt reaches her mailbox. At the desk, the clerk records on
 * the same page the day a resident's letter came in.
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

screenshotOnFailure(() => page);

async function submitted(title: string): Promise<{ id: string; dueOn: string }> {
  const app = await resident('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: { ...demoFormData(server.deps.clock()), title },
  });
  const sent = await resident('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });
  return { id: app.id, dueOn: sent.clock.decisionDueOn };
}

let own = { id: '', dueOn: '' };
let byPost = { id: '', dueOn: '' };
beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser();
  page = browser.page;
  resident = await apiAs(server, server.users.resident.email);
  own = await submitted('Speeltuinfeest Carnisse');
  byPost = await submitted('Rommelmarkt Hillesluis');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a notice of default from the resident', () => {
  it('is offered on her page only once the term has run out', async () => {
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${own.id}`);
    await expectHeading(page, 'Speeltuinfeest Carnisse', false);
    await page.getByRole('heading', { name: 'Belangrijke data' }).waitFor();
    expect(await page.getByRole('region', { name: 'Besluit te laat?' }).count()).toBe(0);

    // The term runs out (and with 65 days, her session too).
    server.advanceDays(65);
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${own.id}`);
    const late = page.getByRole('region', { name: 'Besluit te laat?' });
    await late
      .getByText(/^Wij hadden uiterlijk op \d+ \w+ \d{4} moeten besluiten, .+ €\s1\.442,00\.$/)
      .waitFor();
    await checkA11y(page, 'notice-online-offered');
    await late.getByRole('button', { name: 'Ingebrekestelling sturen' }).click();

    const given = page.getByRole('region', { name: 'Ingebrekestelling' });
    await given
      .getByText(/^Wij hebben uw ingebrekestelling ontvangen\. Hebben wij uiterlijk op /)
      .waitFor();
    await given.getByRole('status').getByText('vandaag door ons ontvangen').waitFor();
    expect(await page.getByRole('button', { name: 'Ingebrekestelling sturen' }).count()).toBe(0);
    await page
      .getByRole('region', { name: 'Verloop' })
      .getByText('Ingebrekestelling ontvangen')
      .waitFor();
    await checkA11y(page, 'notice-online-given');

    // The receipt in her mailbox, in words, with the day the penalty would run from.
    const mail = await mailedTo(
      server,
      server.users.resident.email,
      /Wij hebben uw ingebrekestelling voor uw aanvraag ‘Speeltuinfeest Carnisse’/,
    );
    expect(mail.text).toMatch(/Hebben wij uiterlijk op \d+ \w+ \d{4} nog niet besloten/);
    expect(mail.text).not.toMatch(/shell\.|receivedOn|\d{4}-\d{2}-\d{2}/);
  });

  it('by post: the clerk records on her page the day the letter came in', async () => {
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${byPost.id}`);
    await expectHeading(page, 'Rommelmarkt Hillesluis', false);
    const notice = page.getByRole('region', { name: 'Ingebrekestelling' });
    await notice.getByRole('button', { name: 'Ingebrekestelling vastleggen' }).waitFor();
    // The desk records a letter; the resident's own button is not the desk's.
    expect(await page.getByRole('button', { name: 'Ingebrekestelling sturen' }).count()).toBe(0);
    await fillDate(notice, 'Ontvangen op', addDays(byPost.dueOn, 1));
    await notice.getByRole('button', { name: 'Ingebrekestelling vastleggen' }).click();
    await notice
      .getByText(/^Komt het besluit niet uiterlijk op .+, dan is vanaf die dag/)
      .waitFor();
    await checkA11y(page, 'notice-desk-recorded');
  });
});
