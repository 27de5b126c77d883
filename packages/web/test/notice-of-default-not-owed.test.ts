/**
 * No penalty owed after all (Awb 4:17 lid 6), in Chromium: after a late decision the assessor
 * chooses the law's ground and writes why; the case page, the history and the resident's page
 * then say that none is owed, in words, and the decision is among her letters.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { type ApiAs, apiAs } from './api-as';
import {
  type Browser,
  checkA11y,
  expectHeading,
  login,
  openBrowser,
  screenshotOnFailure,
} from './browser';
import { addDays } from './fixtures';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;
let page: Page;
let appId = '';

screenshotOnFailure(() => page);

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser();
  page = browser.page;
  const resident: ApiAs = await apiAs(server, server.users.resident.email);
  const app = await resident('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: { ...demoFormData(server.deps.clock()), title: 'Schoonmaakdag Oud-Charlois' },
  });
  const submitted = await resident('POST', `/api/applications/${app.id}/events`, {
    type: 'SUBMIT',
  });
  appId = app.id;
  // The term runs out; the notice comes the day after; the decision comes a month later.
  server.advanceDays(65);
  const clerk = await apiAs(server, server.users.clerk.email);
  await clerk('POST', `/api/applications/${appId}/notice-of-default`, {
    receivedOn: addDays(submitted.clock.decisionDueOn, 1),
  });
  server.advanceDays(30);
  const assessor = await apiAs(server, server.users.assessor.email);
  const approver = await apiAs(server, server.users.approver.email);
  await assessor('POST', `/api/applications/${appId}/events`, {
    type: 'ASSESS',
    payload: { recommendation: 'grant', motivation: 'Past bij het wijkakkoord.' },
  });
  await approver('POST', `/api/applications/${appId}/events`, { type: 'GRANT', payload: {} });
  server.advanceDays(2);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const notice = () => page.getByRole('region', { name: 'Ingebrekestelling' });

describe('no penalty owed', () => {
  it('is decided on a ground of the law, with reasons, and said in words', async () => {
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${appId}`);
    await expectHeading(page, 'Schoonmaakdag Oud-Charlois', false);
    const form = page.getByRole('form', { name: 'Geen dwangsom verschuldigd?' });
    // Sent empty, the form says what is missing, at the fields.
    await form.getByRole('button', { name: 'Besluit geen dwangsom versturen' }).click();
    await form
      .getByRole('link', { name: 'Kies de reden waarom geen dwangsom verschuldigd is.' })
      .waitFor();
    await form.getByLabel('Reden').selectOption({
      label: 'De aanvraag was kennelijk niet-ontvankelijk of kennelijk ongegrond',
    });
    await form
      .getByLabel('Uitleg voor de aanvrager')
      .fill(
        'De activiteit vond plaats buiten Rotterdam; daarvoor geeft deze regeling geen subsidie.',
      );
    await checkA11y(page, 'penalty-not-owed-form');
    await form.getByRole('button', { name: 'Besluit geen dwangsom versturen' }).click();
    await notice()
      .getByText(
        /^Geen dwangsom verschuldigd, vastgesteld bij besluit op \d+ \w+ \d{4}: de aanvraag was kennelijk/,
      )
      .waitFor();
    expect(await page.getByRole('form', { name: 'Geen dwangsom verschuldigd?' }).count()).toBe(0);
    await page
      .getByRole('region', { name: 'Verloop' })
      .getByText(/^Bij besluit op \d+ \w+ \d{4} vastgesteld dat geen dwangsom verschuldigd is\.$/)
      .waitFor();
    await checkA11y(page, 'penalty-not-owed-set');

    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${appId}`);
    await expectHeading(page, 'Schoonmaakdag Oud-Charlois', false);
    await page
      .getByRole('region', { name: 'Ingebrekestelling' })
      .getByText(
        /hebben wij besloten dat u geen dwangsom van ons krijgt, omdat uw aanvraag was kennelijk/,
      )
      .waitFor();
    await page
      .getByRole('link', {
        name: /^Lees de brief: Besluit: geen dwangsom voor ons late besluit op BI-/,
      })
      .waitFor();
    await checkA11y(page, 'penalty-not-owed-resident');
  });
});
