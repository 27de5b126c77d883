/**
 * Keyboard focus on the case page: taking or letting go of a case keeps focus on the button
 * (its words change), and after a step, whose form is then gone, focus goes on to what can be
 * done now instead of falling back to the top of the page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { apiAs } from './api-as';
import { type Browser, expectHeading, login, openBrowser, screenshotOnFailure } from './browser';
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

const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName} ${(el.textContent ?? '').trim()}` : '';
  });

describe('the case page and the keyboard', () => {
  it('keeps focus on the claim button and moves it to the actions after a step', async () => {
    const resident = await apiAs(server, server.users.resident.email);
    const app = await resident('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: { ...demoFormData(server.deps.clock()), title: 'Speeltuindag Spangen' },
    });
    await resident('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });

    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${app.id}`);
    await expectHeading(page, 'Speeltuindag Spangen', false);
    await page.getByRole('button', { name: 'Oppakken' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Loslaten' }).waitFor();
    await expect.poll(focused).toBe('BUTTON Loslaten');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Oppakken' }).waitFor();
    await expect.poll(focused).toBe('BUTTON Oppakken');

    await page.getByLabel('Termijn voor de aanvulling (dagen)').fill('14');
    await page.getByLabel('Gevraagde aanvulling').fill('Stuur een offerte voor het podium.');
    await page.getByRole('button', { name: 'Om aanvulling vragen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Het verzoek om aanvulling is verstuurd.').waitFor();
    await expect.poll(focused).toBe('H2 Wat kunt u nu doen?');
  });
});
