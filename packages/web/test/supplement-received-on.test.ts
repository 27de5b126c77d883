/**
 * A supplement that came by post is typed in at the desk days later: the desk gives the day it
 * came in, and the decision term runs again from that day (Awb 4:15), not from the day it was
 * typed in. A day before the request is refused at the field, in words. The resident's own
 * form has no such field. In Chromium, with axe on the desk's page.
 */
import { addDays, formatDate, toAmsterdamDate } from '@initiatief/engine';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
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

describe('a supplement that came by post', () => {
  it('counts from the day it came in, which the desk gives', async () => {
    const clerk = await apiAs(server, server.users.clerk.email);
    const assessor = await apiAs(server, server.users.assessor.email);
    const app = await clerk('POST', '/api/applications', {
      regulationId: server.regulationId,
      applicantId: server.users.resident.id,
      data: { ...demoFormData(server.deps.clock()), title: 'Buurtmoestuin Pendrecht' },
    });
    await clerk('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });
    const asked = toAmsterdamDate(server.deps.clock());
    await assessor('POST', `/api/applications/${app.id}/events`, {
      type: 'REQUEST_INFO',
      payload: { message: 'Stuur de offerte van de tuinder mee.', periodDays: 14 },
    });
    // Her answer came by post three days later; the desk types it in six days after the request.
    server.advanceDays(6);
    const cameIn = addDays(asked, 3);

    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${app.id}`);
    await expectHeading(page, 'Buurtmoestuin Pendrecht', false);
    const form = page.locator('section.app-action', {
      has: page.getByRole('heading', { name: 'Aanvullen' }),
    });
    await form.getByText('Kwam de aanvulling eerder binnen, per post of aan de balie?').waitFor();
    await checkA11y(page, 'desk-supplement-received-on');
    // Its example is a recent day, not one next year that the field would refuse.
    const example = (await form.locator('.app-date [id$="-hint"]').textContent()) ?? '';
    const [, d, m, y] = /(\d{1,2}) (\d{1,2}) (\d{4})$/.exec(example.trim()) ?? [];
    const shown = new Date(Number(y), Number(m) - 1, Number(d));
    expect(shown.getTime()).toBeLessThan(Date.now());

    // A day before the request: refused at the field, in words.
    await fillDate(form, 'Datum van ontvangst', addDays(asked, -1));
    await form.getByRole('button', { name: 'Aanvullen' }).click();
    await form
      .getByText(
        `Vul bij Datum van ontvangst een dag in vanaf het verzoek om aanvulling van ${formatDate(asked, 'nl')}.`,
      )
      .first()
      .waitFor();

    await fillDate(form, 'Datum van ontvangst', cameIn);
    await form.getByRole('button', { name: 'Aanvullen' }).click();
    await page.getByText('Gelukt', { exact: false }).first().waitFor();
    // Her history says when it came in, under the step that recorded it.
    await page
      .locator('.app-timeline__message', {
        hasText: `Ontvangen op ${formatDate(cameIn, 'nl')} (per post of aan de balie)`,
      })
      .waitFor();
    // The clock moved on six days: a new session to read it back.
    const desk = await apiAs(server, server.users.clerk.email);
    const read = await desk('GET', `/api/applications/${app.id}`);
    expect(read.clock.suspended).toBe(false);
    // Suspended from the day after the request until the day it came in (Awb 4:15): two days,
    // where the day it was typed in would have made five.
    expect(read.clock.suspendedDays).toBe(2);
    const history = await desk('GET', `/api/applications/${app.id}/history`);
    const supplied = history.items.at(-1);
    expect(supplied.payload.receivedOn).toBe(cameIn);
  });

  it('leaves the field out of the resident’s own form', async () => {
    const resident = await apiAs(server, server.users.resident.email);
    const assessor = await apiAs(server, server.users.assessor.email);
    const app = await resident('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: { ...demoFormData(server.deps.clock()), title: 'Speelstraat Carnisse' },
    });
    await resident('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });
    await assessor('POST', `/api/applications/${app.id}/events`, {
      type: 'REQUEST_INFO',
      payload: { message: 'Stuur de offerte mee.', periodDays: 14 },
    });
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${app.id}`);
    await expectHeading(page, 'Speelstraat Carnisse', false);
    await page.getByRole('heading', { name: 'Aanvullen' }).waitFor();
    expect(await page.getByText('Datum van ontvangst').count()).toBe(0);
  });
});
