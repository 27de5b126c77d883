/**
 * At 320 CSS px a heading with a long Dutch compound (an application's own title) wraps inside
 * the page: hyphenated where the browser knows the language's hyphenation, else broken at the
 * edge, never wider than the screen so that the page scrolls sideways (WCAG 1.4.10 reflow).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { checkA11y, expectHeading, expectNoHorizontalScroll, login, openBrowser } from './browser';
import { setUpResidentForm } from './kit';
import { PASSWORD, type TestServer } from './server';

let server: TestServer;
let page: Page;
let id = '';
const TITLE = 'Buurtmoestuinonderhoudsvrijwilligerscoördinatiebijeenkomst Afrikaanderwijk';

setUpResidentForm(async (started) => {
  ({ server, page } = started);
  const created = await started.as('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: demoFormData(server.deps.clock(), { title: TITLE }),
  });
  id = created.id;
  await started.as('POST', `/api/applications/${id}/events`, { type: 'SUBMIT' });
});

/** Headings wider than their box, or reaching past the screen's right edge. */
function wideHeadings(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, h4')]
      .filter(
        (h) =>
          h.scrollWidth > h.clientWidth + 1 ||
          h.getBoundingClientRect().right > document.documentElement.clientWidth + 1,
      )
      .map((h) => `${h.tagName}: ${h.textContent}`),
  );
}

describe('headings at 320 px', () => {
  it('wrap a long Dutch title within the screen, hyphenated by the page’s language', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    try {
      await page.goto(`${server.url}/aanvragen/${id}`);
      await expectHeading(page, TITLE, false);
      const h1 = page.getByRole('heading', { level: 1, name: TITLE });
      // It takes more than one line, and the compound is not cut into one letter a line.
      const lines = await h1.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      expect(lines).toBeGreaterThan(1);
      expect(lines).toBeLessThan(8);
      expect(await wideHeadings(page)).toEqual([]);
      await expectNoHorizontalScroll(page);
      // Hyphenated by the page's language where the browser can (it says which one it is).
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
      expect(await h1.evaluate((el) => getComputedStyle(el).hyphens)).toBe('auto');
      await checkA11y(page, 'application-long-title-320');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('on the case page, where the title heads the columns of the case', async () => {
    const staff = await openBrowser({ width: 320, height: 800 });
    try {
      await login(staff.page, server.url, server.users.assessor.email, PASSWORD);
      await staff.page.goto(`${server.url}/behandeling/${id}`);
      await expectHeading(staff.page, TITLE, false);
      await staff.page.getByRole('heading', { level: 2 }).first().waitFor();
      expect(await wideHeadings(staff.page)).toEqual([]);
      await expectNoHorizontalScroll(staff.page);
      await checkA11y(staff.page, 'case-long-title-320');
    } finally {
      await staff.close();
    }
  });
});
