/**
 * A settlement letter's sentences limited to an applicant who has to pay money back
 * (`{{#reclaim}}…{{/reclaim}}`): the officer selects them and presses the part's own button, the
 * preview shows the letter both with and without money to pay back, each with a reference that
 * says it is an example, and the diagram, compared with the version the draft came from, marks
 * the steps that send the changed letter and names the letter in words.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y } from './browser';
import { expectNoProblems, openNewDraft, setUpPolicyTest } from './policy-kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;
const OFFICER = { email: 'beleid-terug@example.org', name: 'Pim Terug' };

setUpPolicyTest([OFFICER], (started) => {
  ({ server, page } = started);
});

const letter = () => page.locator('#def-templates-letters-settlement');
const body = () => page.locator('#def-templates-letters-settlement-nl-body');
const LINE = 'Terug te betalen door u: {{reclaimAmount}}';

describe('a part of the settlement letter only for who pays money back', () => {
  it('opens the settlement letter of a new draft', async () => {
    await openNewDraft(page, server, OFFICER.email);
    await expectNoProblems(page);
    await page.locator('summary', { hasText: 'Teksten van brieven en mails' }).click();
    await letter().locator('summary').first().click();
    expect(await body().inputValue()).toContain('{{#reclaim}}U moet {{reclaimAmount}}');
  });

  it('puts the selected line in a part about paying back with its own button', async () => {
    const text = await body().inputValue();
    const start = text.indexOf(LINE);
    expect(start).toBeGreaterThan(0);
    await body().evaluate(
      (el: HTMLTextAreaElement, [a, b]) => {
        el.focus();
        el.setSelectionRange(a, b);
      },
      [start, start + LINE.length] as const,
    );
    // The choice of who can log in is still there, beside the new one.
    await letter().getByLabel('Voorwaarde voor een deel (Nederlands)').waitFor();
    await letter()
      .getByLabel('Deel over terugbetaling (Nederlands)')
      .selectOption({ label: 'Alleen als de aanvrager geld moet terugbetalen' });
    const button = letter().getByRole('button', {
      name: 'Deel over terugbetaling invoegen (Nederlands)',
    });
    // Its hint says when the part's text is shown.
    expect(await button.getAttribute('aria-describedby')).toBeTruthy();
    await expect
      .poll(async () =>
        page.locator(`#${await button.getAttribute('aria-describedby')}`).textContent(),
      )
      .toMatch(/staat alleen in de brief als het besluit om terugbetaling vraagt/);
    await button.click();
    const wrapped = `{{#reclaim}}${LINE}{{/reclaim}}`;
    await expect.poll(() => body().inputValue()).toContain(wrapped);
    const selected = await body().evaluate((el: HTMLTextAreaElement) => ({
      focused: document.activeElement === el,
      text: el.value.slice(el.selectionStart, el.selectionEnd),
    }));
    expect(selected).toEqual({ focused: true, text: wrapped });
    await expectNoProblems(page);
  });

  it('previews the letter with and without money to pay back, as an example', async () => {
    await letter().getByRole('button', { name: 'Voorbeeld (Nederlands)' }).click();
    const withIt = letter().getByRole('region', {
      name: 'Voorbeeld met proefgegevens (Nederlands): Met terugbetaling',
    });
    const without = letter().getByRole('region', {
      name: 'Voorbeeld met proefgegevens (Nederlands): Zonder terugbetaling',
    });
    await withIt.waitFor();
    await without.waitFor();
    const paying = (await withIt.textContent()) ?? '';
    const notPaying = (await without.textContent()) ?? '';
    expect(paying).toContain('Met terugbetaling');
    expect(paying).toContain('Terug te betalen door u: € 200,00');
    expect(paying).toContain('U moet € 200,00 aan ons terugbetalen');
    expect(paying).not.toContain('Krijgt u nog geld van ons');
    expect(notPaying).toContain('Zonder terugbetaling');
    expect(notPaying).toContain('Krijgt u nog geld van ons');
    expect(notPaying).not.toContain('Terug te betalen door u');
    expect(notPaying).not.toContain('aan ons terugbetalen');
    // The sample reference cannot be taken for a real application's.
    for (const text of [paying, notPaying]) {
      expect(text).toMatch(/kenmerk VOORBEELD-BI-\d{4}-000123/);
      expect(text).not.toMatch(/(^|[^-])\bBI-\d{4}-\d{6}/);
      expect(text).not.toContain('{{');
    }
    await checkA11y(page, 'editor-reclaim-preview');
  });

  it('the diagram marks the steps that send the changed letter and names it', async () => {
    const diagram = page.locator('.policy-diagram').first();
    const legend = diagram.locator('.policy-diagram__legend');
    await legend
      .getByText('Groen met “gewijzigd”: een status of overgang die er al was', { exact: false })
      .waitFor();
    await legend.getByText('Gewijzigde teksten van brieven en mails:').waitFor();
    const item = legend.getByRole('listitem').filter({ hasText: /^Brief “.*”, verstuurd bij / });
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toMatch(/Vaststelling|vastgesteld/i);
    // Only a text changed: arrows marked changed, nothing new or removed.
    const svg = diagram.locator('svg[role="img"]');
    await expect.poll(() => svg.locator('g[data-edge][data-changed]').count()).toBeGreaterThan(0);
    expect(await svg.locator('g[data-removed]').count()).toBe(0);
    const labels = (await svg.locator('g[data-label-of] text').allTextContents()).join(' | ');
    expect(labels).toContain('gewijzigd: ');
    expect(labels).not.toContain('nieuw: ');
    await checkA11y(page, 'editor-reclaim-diagram');
  });
});
