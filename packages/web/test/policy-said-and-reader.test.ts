/**
 * What the editor and the simulator say follows the interface's language, also after it was
 * said: "Concept opgeslagen om 10:42." reads "Draft saved at 10:42." once the officer switches
 * to English, and so do the simulator's status line, its refusal and its log. The simulator's
 * letters and mails follow a choice of applicant: one who can log in reads the texts'
 * {{#online}} parts, one who cannot gets everything on paper and reads the {{^online}} parts;
 * her mail goes by post as a letter, or not at all when the step's letter says it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y } from './browser';
import { openNewDraft, setUpPolicyTest } from './policy-kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;
const OFFICER = { email: 'beleid-taal@example.org', name: 'Pim Taal' };

setUpPolicyTest([OFFICER], (started) => {
  ({ server, page } = started);
});

const exact = (name: string) => ({ name, exact: true });
const language = (name: 'English' | 'Nederlands') => page.getByRole('button', exact(name)).click();
/** The editor's status line (the first status of the page holding a text). */
const editorStatus = () => page.getByRole('status').filter({ hasText: /opgeslagen om|saved at/ });
const log = () => page.locator('.policy-log');
/** The log's item of the receipt letter, in either language. */
const receipt = () =>
  log()
    .locator('li', { hasText: /^(Brief \(ontvangstbevestiging\)|Letter \(.*\))/ })
    .first();

describe('the editor’s save status', () => {
  it('is said again in English when the officer switches language', async () => {
    await openNewDraft(page, server, OFFICER.email);
    await page.getByRole('button', exact('Concept opslaan')).click();
    const status = editorStatus();
    await status.waitFor();
    expect(await status.textContent()).toMatch(/^Concept opgeslagen om \d{2}:\d{2}\.$/);
    const time = ((await status.textContent()) ?? '').match(/\d{2}:\d{2}/)?.[0];

    await language('English');
    await expect.poll(() => status.textContent()).toBe(`Draft saved at ${time}.`);
    await language('Nederlands');
    await expect.poll(() => status.textContent()).toBe(`Concept opgeslagen om ${time}.`);
  });
});

describe('the simulator', () => {
  it('shows the letters of an applicant who can log in, at first', async () => {
    const online = page.getByRole(
      'radio',
      exact('De aanvrager kan inloggen (met e-mail of DigiD)'),
    );
    expect(await online.isChecked()).toBe(true);
    await page.getByRole('button', exact('Begin een aanvraag')).click();
    await page.getByText('Huidige status: Concept').waitFor();
    await page.getByRole('button', exact('Stap Indienen zetten')).click();
    await page.getByText('Huidige status: Ingediend').waitFor();
    await receipt().locator('summary', { hasText: 'Tekst van de brief lezen' }).click();
    const text = receipt().getByRole('region', { name: /^Tekst van “/ });
    await expect.poll(() => text.textContent()).toContain('U kunt uw aanvraag volgen op');
    expect(await text.textContent()).not.toContain('Wilt u weten hoe het met uw aanvraag staat?');
    await log()
      .locator('li', { hasText: /^Mail aan de aanvrager/ })
      .first()
      .waitFor();
  });

  it('shows them on paper for one who cannot log in, the step’s letter saying what her mail would', async () => {
    await page
      .getByRole('radio', exact('De aanvrager kan niet inloggen (krijgt alles op papier)'))
      .check();
    const text = receipt().getByRole('region', { name: /^Tekst van “/ });
    await expect
      .poll(() => text.textContent())
      .toContain('Wilt u weten hoe het met uw aanvraag staat?');
    expect(await text.textContent()).not.toContain('U kunt uw aanvraag volgen op');
    await receipt()
      .getByText('Zo krijgt een aanvrager die niet kan inloggen de tekst op papier', {
        exact: false,
      })
      .waitFor();
    // Her mail is not sent: the receipt says it. The mail to staff still goes.
    expect(
      await log()
        .locator('li', { hasText: /^Mail aan de aanvrager/ })
        .count(),
    ).toBe(0);
    await log()
      .locator('li', { hasText: /^Geen mail aan de aanvrager: de brief van deze stap zegt het al/ })
      .first()
      .waitFor();
    await log()
      .locator('li', { hasText: /^Mail aan medewerkers/ })
      .first()
      .waitFor();
    await checkA11y(page, 'simulator-offline-applicant');
  });

  it('a step that only mails her sends the mail’s text by post', async () => {
    await page.getByRole('button', exact('Stap Intrekken zetten')).click();
    await page.getByText('Huidige status: Ingetrokken').waitFor();
    const byPost = log()
      .locator('li', { hasText: /^Brief per post aan de aanvrager, in plaats van een mail: / })
      .first();
    await byPost.waitFor();
    await byPost.locator('summary', { hasText: 'Tekst van de brief lezen' }).click();
    const body = (await byPost.getByRole('region', { name: /^Tekst van “/ }).textContent()) ?? '';
    expect(body).not.toContain('{{');
  });

  it('says its log, its choice and its status line in English after the switch', async () => {
    // A refused step: its status line and its alert, said in Dutch first.
    await page.getByLabel('U bent').selectOption('applicant');
    await page.getByRole('button', exact('Opnieuw beginnen')).click();
    await page.getByText('Huidige status: Concept').waitFor();
    await page.getByRole('button', exact('Stap Indienen zetten')).click();
    await page.getByText('Huidige status: Ingediend').waitFor();
    await page.getByLabel('U bent').selectOption('assessor');
    await page.getByRole('button', exact('Stap Om aanvulling vragen zetten')).click();
    const status = page.locator('.policy-sim > .app-status');
    await expect.poll(() => status.textContent()).toMatch(/^Niet gelukt: /);
    const alert = page.getByRole('alert').filter({ hasText: /niet gezet|not taken/ });
    await alert.getByText('Gevraagde aanvulling ontbreekt.').first().waitFor();

    await language('English');
    await expect.poll(() => status.textContent()).toMatch(/^Refused: /);
    expect(await alert.textContent()).toMatch(/^The step “.+” was not taken/);
    expect(await alert.textContent()).not.toContain('ontbreekt');
    expect(
      await page
        .getByRole('radio', exact('The applicant cannot log in (gets everything on paper)'))
        .isChecked(),
    ).toBe(true);
    const logText = (await log().textContent()) ?? '';
    expect(logText).toContain('Refused: ');
    expect(logText).toContain('Letter (');
    expect(logText).toContain('No mail to the applicant: this step’s letter already says it');
    expect(logText).not.toContain('Niet gelukt');
    expect(logText).not.toContain('Brief (');
    await receipt().locator('summary').first().click();
    await expect
      .poll(() =>
        receipt()
          .getByRole('region', { name: /^Text of “/ })
          .textContent(),
      )
      .toContain('Would you like to know how your application is doing?');
    await language('Nederlands');
    await expect.poll(() => status.textContent()).toMatch(/^Niet gelukt: /);
  });

  it('says the trial data’s problems again in English', async () => {
    await page.getByLabel('U bent').selectOption('applicant');
    const data = page.locator('details.policy-sim-data');
    if (!(await data.evaluate((el) => (el as HTMLDetailsElement).open)))
      await data.locator('summary').first().click();
    await data.getByLabel('Naam van uw initiatief', { exact: true }).fill('');
    await page.getByRole('button', exact('Opnieuw beginnen')).click();
    const status = page.locator('.policy-sim > .app-status');
    await expect
      .poll(() => status.textContent())
      .toBe(
        'De aanvraag is begonnen, maar het formulier is nog niet compleet. De problemen staan bij de gegevens van de aanvraag.',
      );
    const summary = page
      .locator('.policy-sim')
      .getByRole('link', { name: /^Naam van uw initiatief/ });
    await summary.first().waitFor();

    await language('English');
    await expect.poll(() => status.textContent()).toMatch(/^The application has started, but/);
    await page
      .locator('.policy-sim')
      .getByRole('link', { name: /^Name of your initiative/ })
      .first()
      .waitFor();
    expect(await summary.count()).toBe(0);
    await language('Nederlands');
  });
});
