/**
 * A letter's sentences limited to an applicant who can log in (`{{#online}}…{{/online}}`), or who
 * cannot: the officer selects them and presses one button, the text box keeps the new part
 * selected, the preview reads the text as either applicant does (and says which), and a part left
 * empty is a problem named in words.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y } from './browser';
import { expectNoProblems, openNewDraft, setUpPolicyTest } from './policy-kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;
const OFFICER = { email: 'beleid1@example.org', name: 'Pim Beleid' };

setUpPolicyTest([OFFICER], (started) => {
  ({ server, page } = started);
});

const boxId = (path: string) => `def-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const BODY = 'templates.letters.supplement_request.nl.body';
const body = () => page.locator(`#${boxId(BODY)}`);
const letter = () => page.locator('#def-templates-letters-supplement_request');
const SENTENCE = 'Heeft u vragen? Bel 14 010.';

describe('parts of a letter for who can log in, or who cannot', () => {
  it('opens the request for more information of a new draft', async () => {
    await openNewDraft(page, server, OFFICER.email);
    await expectNoProblems(page);
    await page.locator('summary', { hasText: 'Teksten van brieven en mails' }).click();
    await letter().locator('summary').first().click();
    expect(await body().inputValue()).toContain('{{#online}}Dat kan via {{applicationUrl}}.');
  });

  it('limits the selected sentence with one button, and keeps it selected', async () => {
    const text = await body().inputValue();
    const start = text.indexOf(SENTENCE);
    expect(start).toBeGreaterThan(0);
    await body().evaluate(
      (el: HTMLTextAreaElement, [a, b]) => {
        el.focus();
        el.setSelectionRange(a, b);
      },
      [start, start + SENTENCE.length] as const,
    );
    await letter()
      .getByLabel('Voorwaarde voor een deel (Nederlands)')
      .selectOption({ label: 'Alleen als de aanvrager kan inloggen' });
    await letter()
      .getByRole('button', { name: 'Geselecteerde tekst zo beperken (Nederlands)' })
      .click();
    const wrapped = `{{#online}}${SENTENCE}{{/online}}`;
    await expect.poll(() => body().inputValue()).toContain(wrapped);
    const selected = await body().evaluate((el: HTMLTextAreaElement) => ({
      focused: document.activeElement === el,
      text: el.value.slice(el.selectionStart, el.selectionEnd),
    }));
    expect(selected).toEqual({ focused: true, text: wrapped });
    await expectNoProblems(page);
  });

  it('previews the letter as each applicant reads it, and says which', async () => {
    await letter().getByRole('button', { name: 'Voorbeeld (Nederlands)' }).click();
    const preview = letter().getByRole('region', {
      name: 'Voorbeeld met proefgegevens (Nederlands)',
    });
    await preview.getByText('Zo leest een aanvrager die kan inloggen deze tekst.').waitFor();
    expect(await preview.textContent()).toContain('Dat kan via http');
    expect(await preview.textContent()).toContain(SENTENCE);

    // Ticked, the preview shown is made again for the other applicant.
    await letter()
      .getByLabel('Voorbeeld voor een aanvrager die niet kan inloggen (Nederlands)')
      .check();
    await preview.getByText('Zo leest een aanvrager die niet kan inloggen deze tekst.').waitFor();
    const offline = (await preview.textContent()) ?? '';
    expect(offline).toContain('U kunt de aanvulling per post sturen naar Gemeente Rotterdam');
    expect(offline).not.toContain('Dat kan via');
    expect(offline).not.toContain(SENTENCE);
    expect(offline).not.toContain('{{');
    await checkA11y(page, 'editor-online-parts-preview');
  });

  it('a part with nothing in it is a problem; written in, it is gone', async () => {
    const length = (await body().inputValue()).length;
    await body().evaluate((el: HTMLTextAreaElement, at) => {
      el.focus();
      el.setSelectionRange(at, at);
    }, length);
    await letter()
      .getByLabel('Voorwaarde voor een deel (Nederlands)')
      .selectOption({ label: 'Alleen als de aanvrager niet kan inloggen' });
    await letter()
      .getByRole('button', { name: 'Geselecteerde tekst zo beperken (Nederlands)' })
      .click();
    await expect.poll(() => body().inputValue()).toMatch(/\{\{\^online\}\}\{\{\/online\}\}$/);
    const problem = page
      .locator('.policy-problems')
      .getByRole('link', { name: /het deel dat begint met \{\{\^online\}\} is leeg/ });
    await problem.waitFor();
    // The cursor stands inside the new part: what is typed goes in it.
    await page.keyboard.type(' Bel ons gerust.');
    await expect
      .poll(() => body().inputValue())
      .toMatch(/\{\{\^online\}\} Bel ons gerust\.\{\{\/online\}\}$/);
    await problem.waitFor({ state: 'detached' });
    await expectNoProblems(page);
  });
});
