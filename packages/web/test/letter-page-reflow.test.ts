/**
 * A letter's own web page (the address a mail and the PDF give) on a phone: at 320 CSS px it
 * does not scroll sideways (WCAG 1.4.10), although it prints the whole address of the
 * application, which is longer than the line; the link still holds that whole address.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { apiAs } from './api-as';
import { checkA11y, expectNoHorizontalScroll, login } from './browser';
import { setUpBrowserTest } from './kit';
import { PASSWORD, type TestServer } from './server';

let server: TestServer;
let page: Page;

setUpBrowserTest((started) => {
  ({ server, page } = started);
});

describe("a letter's web page at 320 px", () => {
  it("wraps the application's address inside the line and keeps it whole in the link", async () => {
    const resident = await apiAs(server, server.users.resident.email);
    const app = await resident('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: { ...demoFormData(server.deps.clock()), title: 'Buurtbibliotheek' },
    });
    await resident('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });
    const letter = await server.deps.db
      .selectFrom('documents')
      .select('id')
      .where('application_id', '=', app.id)
      .executeTakeFirstOrThrow();
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server.url}/api/documents/${letter.id}?format=html`);
    // A link in the letter's text that holds the application's id: wider than the line unwrapped.
    const link = page.locator(`main a[href*="${app.id}"]`).first();
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(await link.textContent());
    await expectNoHorizontalScroll(page);
    await checkA11y(page, 'letter-page-320');
  });
});
