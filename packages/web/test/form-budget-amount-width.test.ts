/**
 * The budget step's amount ("Bedrag") beside its description: a tester found its label, the
 * hint and an error squeezed into a column so narrow they ran over four lines. On a wide screen
 * the amount now keeps a width of its own; on a phone (320 CSS px, WCAG 1.4.10) the line's
 * fields stack, and the page does not scroll sideways.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { checkA11y, expectHeading, expectNoHorizontalScroll } from './browser';
import { setUpResidentForm } from './kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;
let id = '';

setUpResidentForm(async (started) => {
  ({ server, page } = started);
  const created = await started.as('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: demoFormData(server.deps.clock()),
  });
  id = created.id;
});

const line = (n: number) => page.getByRole('group', { name: `Begroting, regel ${n}` });

/** How many lines of text an element takes (its height over its line height). */
function linesOf(el: Locator): Promise<number> {
  return el.evaluate((node) => {
    const style = getComputedStyle(node);
    const lh = Number.parseFloat(style.lineHeight) || 1.5 * Number.parseFloat(style.fontSize);
    return Math.round(node.getBoundingClientRect().height / lh);
  });
}

/** The amount's field on line 1 with an error under it, as a resident sees it at `width`. */
async function amountWithError(width: number) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${server.url}/aanvragen/${id}/bewerken/begroting`);
  await expectHeading(page, /Begroting$/, false);
  const box = line(1).getByLabel('Bedrag');
  await box.fill('1234.56');
  await box.press('Tab');
  const field = line(1)
    .locator('.app-field')
    .filter({ has: page.locator('.app-money') });
  const error = field.locator('.utrecht-form-field-error-message');
  await error.getByText('niet duidelijk welk bedrag', { exact: false }).waitFor();
  const label = field.locator('label', { hasText: 'Bedrag' });
  const description = line(1).locator('.app-field').first();
  const top = (l: Locator) => l.evaluate((el) => el.getBoundingClientRect().top);
  return {
    label: await linesOf(label),
    hint: await linesOf(field.locator('.app-money__hint')),
    error: await linesOf(error),
    width: await field.evaluate((el) => el.getBoundingClientRect().width),
    em: await field.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
    /** How far below the description the amount starts: 0 beside it. */
    below: Math.round((await top(field)) - (await top(description))),
    lineWidth: await line(1).evaluate((el) => el.getBoundingClientRect().width),
  };
}

describe("the budget step's amount", () => {
  it('has room for its label, hint and error on a wide screen', async () => {
    const seen = await amountWithError(1280);
    // The label and the hint on one line each; the error readable, not a column of words.
    expect(seen.label, JSON.stringify(seen)).toBe(1);
    expect(seen.width / seen.em, JSON.stringify(seen)).toBeGreaterThanOrEqual(16);
    expect(seen.hint, JSON.stringify(seen)).toBe(1);
    expect(seen.error, JSON.stringify(seen)).toBeLessThanOrEqual(6);
    // Still beside its description.
    expect(seen.below, JSON.stringify(seen)).toBe(0);
    await checkA11y(page, 'budget-amount-1280');
  });

  it('stacks under the description on a phone, without scrolling sideways', async () => {
    try {
      const seen = await amountWithError(320);
      expect(seen.label, JSON.stringify(seen)).toBe(1);
      // As wide as the line's fieldset allows: the fields stand one under the other.
      expect(seen.below, JSON.stringify(seen)).toBeGreaterThan(0);
      expect(seen.width, JSON.stringify(seen)).toBeGreaterThan(0.8 * seen.lineWidth);
      await expectNoHorizontalScroll(page);
      await checkA11y(page, 'budget-amount-320');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
