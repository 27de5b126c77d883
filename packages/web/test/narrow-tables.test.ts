/**
 * At 320 CSS px (a phone, or 400 % zoom) the tables of "Mijn aanvragen" and of the application's
 * details stack: each cell on a line of its own, with its column's name before it. A cell whose
 * text wraps onto a second line must grow with it: on 2026-12-03 the cells kept the height of one
 * line, so a long title ran over the reference below it and the row rules crossed the text.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { checkA11y, expectHeading } from './browser';
import { setUpResidentForm } from './kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;
let id = '';
const TITLE = 'Straatfeest Çelikstraat – “Samen” met de buren van de Wolphaertsbocht';

setUpResidentForm(async (started) => {
  ({ server, page } = started);
  const created = await started.as('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: demoFormData(server.deps.clock(), {
      title: TITLE,
      lines: ['Muziek en geluid door dj Öztürk, met de huur van de boxen en de kabels', 'Hapjes'],
    }),
  });
  id = created.id;
});

/** Cells (and captions) of the stacked tables whose text does not fit in their box. */
function overflowing(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('main table td, main table tbody th, main table caption')]
      .filter((el) => el.scrollHeight > el.clientHeight + 1)
      .map((el) => `${el.tagName}: ${el.textContent}`),
  );
}

/** Captions as wide as their table: not squeezed into a narrow column of their own. */
function narrowCaptions(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('main table caption')]
      .filter((c) => c.getBoundingClientRect().width < 0.9 * c.closest('table')!.clientWidth)
      .map((c) => c.textContent),
  );
}

describe('stacked tables at 320 px', () => {
  it('grow with their text, on the list and on the application page', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    try {
      await page.goto(`${server.url}/aanvragen`);
      await expectHeading(page, 'Mijn aanvragen', false);
      await page.getByRole('link', { name: TITLE }).waitFor();
      expect(await overflowing(page)).toEqual([]);
      await checkA11y(page, 'my-applications-long-title-320');

      await page.goto(`${server.url}/aanvragen/${id}`);
      await expectHeading(page, TITLE, false);
      await page.getByText('dj Öztürk', { exact: false }).first().waitFor();
      expect(await overflowing(page)).toEqual([]);
      expect(await narrowCaptions(page)).toEqual([]);
      // The budget's total row says "Totaal" once, with the sum on the same line.
      const total = page.locator('main tr.app-table__total').first();
      const said = ((await total.textContent()) ?? '').replace(/\s+/g, ' ').trim();
      expect(said).toMatch(/^Totaal ?€ [\d.]+,\d\d$/);
      // No cell repeats it before the sum ("Totaal: € …", a stacked cell's label).
      const labels = await total
        .locator('td')
        .evaluateAll((cells) => cells.map((c) => getComputedStyle(c, '::before').content));
      expect(labels.filter((l) => l.includes('Totaal'))).toEqual([]);
      const [head, sum] = await total
        .locator('th, td:not(:empty)')
        .evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().top));
      expect(Math.abs((head ?? 0) - (sum ?? 0))).toBeLessThan(4);
      await checkA11y(page, 'application-details-320');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
