/**
 * A letter's own web page (the address a mail and the PDF give) on a phone: at 320 CSS px it
 * does not scroll sideways (WCAG 1.4.10), although it prints the whole address of the
 * application, which is longer than the line; the link still holds that whole address. Its
 * heading and subject hyphenate by the letter's language rather than break anywhere, and a
 * reference ("BI-2026-000012") never splits over two lines, on a phone nor on a wide screen.
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

describe("a letter's long words and its reference", () => {
  it('hyphenates the heading and subject by the language; the reference stays on one line', async () => {
    const resident = await apiAs(server, server.users.resident.email);
    const app = await resident('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: { ...demoFormData(server.deps.clock()), title: 'Geveltuintjes Spangen' },
    });
    await resident('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });
    const letter = await server.deps.db
      .selectFrom('documents')
      .select('id')
      .where('application_id', '=', app.id)
      .executeTakeFirstOrThrow();
    const reference = String(app.reference);
    /** How many lines each occurrence of the reference in the letter's text takes. */
    const linesOfReference = () =>
      page.evaluate((ref) => {
        const lines: number[] = [];
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walk.nextNode(); node; node = walk.nextNode()) {
          const text = node.textContent ?? '';
          for (let at = text.indexOf(ref); at >= 0; at = text.indexOf(ref, at + 1)) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + ref.length);
            lines.push(new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size);
          }
        }
        return lines;
      }, reference);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server.url}/api/documents/${letter.id}?format=html`);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    for (const where of ['h1', 'dl.meta dd']) {
      const hyphens = await page
        .locator(where)
        .first()
        .evaluate((el) => getComputedStyle(el).hyphens);
      expect(hyphens, where).toBe('auto');
    }
    await expectNoHorizontalScroll(page);
    // Where a line ends depends on the width: every width from a phone's to the letter's widest.
    const widths = [...Array.from({ length: 25 }, (_, i) => 320 + i * 20), 1280];
    for (const width of widths) {
      await page.setViewportSize({ width, height: 800 });
      const lines = await linesOfReference();
      // The letter names it in its details, its subject, the way back and the contact line.
      expect(lines.length, `${width} px`).toBeGreaterThanOrEqual(3);
      expect(lines, `${width} px`).toEqual(lines.map(() => 1));
    }
  });
});
