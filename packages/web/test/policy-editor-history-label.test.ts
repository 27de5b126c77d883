/**
 * A step's name in the history (`historyLabel`: "Aanvulling gestuurd" where the button reads
 * "Aanvullen") is edited in both languages beside the step's other texts, with a hint on how to
 * write it; one language only is a problem named by the step, both emptied it is gone (the history
 * then names the step by its name), and the list before publishing says the change in words.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y } from './browser';
import { draftJson, expectNoProblems, openNewDraft, setUpPolicyTest } from './policy-kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;
const OFFICER = { email: 'beleid1@example.org', name: 'Pim Beleid' };

setUpPolicyTest([OFFICER], (started) => {
  ({ server, page } = started);
});

/** The DOM id of a definition path's box, as the editor makes it. */
const boxId = (path: string) => `def-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const box = (path: string) => page.locator(`#${boxId(path)}`);
const problemLink = (name: string) =>
  page.locator('.policy-problems').getByRole('link', { name, exact: true });

describe('a step’s name in the history', () => {
  it('opens a new draft of the newest version, whose steps have one', async () => {
    await openNewDraft(page, server, OFFICER.email);
    await expectNoProblems(page);
    await page.locator('summary', { hasText: 'Wie mag welke stap zetten' }).click();
    const nl = box('events.SUPPLEMENT.historyLabel.nl');
    expect(await nl.inputValue()).toBe('Aanvulling gestuurd');
    expect(await box('events.SUPPLEMENT.historyLabel.en').inputValue()).toBe(
      'Additional information sent',
    );
    // Labelled, with the hint read out with the box.
    const id = boxId('events.SUPPLEMENT.historyLabel.nl');
    expect(await page.locator(`label[for="${id}"]`).textContent()).toBe(
      'Naam in de geschiedenis (Nederlands)',
    );
    expect(await nl.getAttribute('aria-describedby')).toContain(`${id}-description`);
    expect(await page.locator(`#${id}-description`).textContent()).toContain('in de verleden tijd');
  });

  it('in one language only, it is a problem named by the step, at the empty box', async () => {
    await box('events.SUPPLEMENT.historyLabel.nl').fill('Aanvulling ontvangen');
    const en = box('events.SUPPLEMENT.historyLabel.en');
    await en.fill('');
    const problem = 'Stap ‘Aanvullen’, naam in de geschiedenis: de Engelse tekst ontbreekt.';
    await problemLink(problem).waitFor();
    expect(await en.getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page, 'editor-history-label-missing');
    await en.fill('Additional information received');
    await problemLink(problem).waitFor({ state: 'detached' });
    await expectNoProblems(page);
    expect((await draftJson(page)).events.SUPPLEMENT.historyLabel).toEqual({
      nl: 'Aanvulling ontvangen',
      en: 'Additional information received',
    });
  });

  it('both emptied, it is gone: the history names the step by its name again', async () => {
    await box('events.REQUEST_INFO.historyLabel.nl').fill('');
    await box('events.REQUEST_INFO.historyLabel.en').fill('');
    await expectNoProblems(page);
    const step = (await draftJson(page)).events.REQUEST_INFO;
    expect(step).not.toHaveProperty('historyLabel');
    expect(step.label).toEqual({ nl: 'Om aanvulling vragen', en: 'Request information' });
  });

  it('the list before publishing says both changes in words', async () => {
    await page.getByRole('button', { name: 'Publiceren…' }).click();
    const summary = page.getByRole('region', { name: 'Publiceren: wat verandert er?' });
    await summary
      .getByText(
        'Stap ‘Aanvullen’, naam in de geschiedenis: Nederlands: “Aanvulling gestuurd” / Engels: “Additional information sent” → Nederlands: “Aanvulling ontvangen” / Engels: “Additional information received”',
        { exact: true },
      )
      .waitFor();
    await summary
      .getByText(
        'Stap ‘Om aanvulling vragen’, naam in de geschiedenis: Nederlands: “Om aanvulling gevraagd” / Engels: “More information requested” → (geen: de naam van de stap)',
        { exact: true },
      )
      .waitFor();
    // The short list names the two steps too: before, a step's texts changing read as "Geen".
    const steps = summary.getByText(/^Stappen gewijzigd: /);
    await steps.waitFor();
    expect(await steps.textContent()).toMatch(
      /^Stappen gewijzigd: (Om aanvulling vragen, Aanvullen|Aanvullen, Om aanvulling vragen)$/,
    );
    expect(
      await summary
        .getByRole('listitem')
        .filter({ hasText: /^Geen$/ })
        .count(),
    ).toBe(0);
    const text = (await summary.textContent()) ?? '';
    expect(text).not.toMatch(/historyLabel|SUPPLEMENT|REQUEST_INFO/);
  });
});
