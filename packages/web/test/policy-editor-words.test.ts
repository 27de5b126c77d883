/**
 * The workflow editor in words, in Dutch and English: a condition by its name (not
 * `activityDateReached`), a time limit by what it is where a text is used, placeholders with what
 * they fill in, language names in the interface's language, a mail preview with the line breaks
 * of the sent mail, roles by their names in the list of changes — which the second policy officer
 * sees too before approving — and a check that does not offer to publish a published version.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, expectHeading, login } from './browser';
import { expectNoProblems, openNewDraft, setUpPolicyTest } from './policy-kit';
import { PASSWORD, type TestServer } from './server';
import { newestShippedVersion, nextDraftVersion } from './versions';

let server: TestServer;
let page: Page;
const FIRST = { email: 'beleid1@example.org', name: 'Pim Voorsteller' };
const SECOND = { email: 'beleid2@example.org', name: 'Fatima Goedkeurder' };
const NEWEST = await newestShippedVersion('bewonersinitiatief');
const NEXT = await nextDraftVersion('bewonersinitiatief');
const WHAT = `Versie ${NEXT} van Subsidie bewonersinitiatief publiceren`;
const CAN_PUBLISH = 'Geen problemen gevonden. Deze versie kan gepubliceerd worden.';
/** Codes of the shipped workflow's time limits, guards and roles: never shown as such. */
const DELAY_CODES = /supplementPeriod|reportDue|decisionWarning|decisionTerm/;
const ROLES_LINE =
  'Om aanvulling vragen (rollen): Behandelaar → Behandelaar, Medewerker dienstverlening';

setUpPolicyTest([FIRST, SECOND], (started) => {
  ({ server, page } = started);
});

const optionsOf = async (select: Locator) => select.locator('option').allTextContents();
/** What the texts section says itself (labels, buttons, summaries), not the texts' contents. */
const ownWords = async () =>
  (
    await page.locator('#def-section-texts').locator('label, button, summary, p').allTextContents()
  ).join('\n');

/** The transition of SUBMIT_REPORT from "Verleend", opened. */
async function reportTransition(summary: RegExp): Promise<Locator> {
  const details = page.locator('#def-states-granted-on-SUBMIT_REPORT-details');
  await expect.poll(() => details.locator('> summary').textContent()).toMatch(summary);
  if ((await details.getAttribute('open')) === null) await details.locator('> summary').click();
  return details;
}

describe('the workflow editor shows words, not codes', () => {
  it('opens a new draft, which the check says can be published', async () => {
    await openNewDraft(page, server, FIRST.email, { listHeading: true });
    await expectNoProblems(page, CAN_PUBLISH);
  });

  it('names the conditions, in the list to add one and on the buttons', async () => {
    await page.locator('summary', { hasText: 'Statussen en overgangen' }).click();
    const report = await reportTransition(/^Verantwoording indienen → /);
    const add = report.getByLabel('Voorwaarde toevoegen', { exact: true });
    const offered = await optionsOf(add);
    expect(offered).toContain('De dag van de activiteit is aangebroken');
    expect(offered.join('|')).not.toMatch(/activityDateReached|[a-z][A-Z]/);
    await report
      .getByRole('button', { name: 'De dag van de activiteit is aangebroken omhoog' })
      .waitFor();
    expect(await report.textContent()).not.toContain('activityDateReached');
  });

  it('says where a text is used by the time limit’s words, and what a placeholder is', async () => {
    await page.locator('summary', { hasText: 'Teksten van brieven en mails' }).click();
    const section = page.locator('#def-section-texts');
    const notConsidered = page.locator('#def-templates-mails-not_considered');
    await notConsidered.locator('> summary').click();
    await notConsidered
      .getByText('Gebruikt bij: Aanvulling gevraagd › Bij het einde van de aanvullingstermijn')
      .waitFor();
    const warning = page.locator('#def-templates-mails-decision_warning');
    await warning.locator('> summary').click();
    await warning
      .getByText(
        'Gebruikt bij: Ingediend › 7 dagen vóór de uiterste beslisdatum; Beoordeeld › 7 dagen vóór de uiterste beslisdatum',
      )
      .waitFor();
    const usedBy = await section.getByText(/^Gebruikt bij:/).allTextContents();
    expect(usedBy.join('\n')).not.toMatch(DELAY_CODES);

    const picker = notConsidered.getByLabel('Invulveld').first();
    const placeholders = await optionsOf(picker);
    expect(placeholders).toContain('{{applicantName}} — naam van de aanvrager');
    expect(placeholders).toContain('{{periodDays}} — aantal dagen om de aanvraag aan te vullen');
    for (const option of placeholders) expect(option).toMatch(/^\{\{\w+\}\} — \S/);

    // The languages by their Dutch names, on every button and label.
    await notConsidered.getByRole('button', { name: 'Voorbeeld (Engels)' }).waitFor();
    await notConsidered.getByLabel('Onderwerp (Engels)').waitFor();
    expect(await ownWords()).not.toMatch(/English|Dutch/);
  });

  it('previews a mail with its single line breaks, as it is sent', async () => {
    const mail = page.locator('#def-templates-mails-not_considered');
    await mail
      .getByLabel('Tekst (Nederlands)')
      .fill('Beste aanvrager,\n\nMet vriendelijke groet,\nGemeente Rotterdam\n \nSlot');
    await mail.getByRole('button', { name: 'Voorbeeld (Nederlands)' }).click();
    const preview = mail.getByRole('region', { name: 'Voorbeeld met proefgegevens' });
    const paragraphs = preview.locator('p');
    await expect.poll(() => paragraphs.count()).toBe(3);
    // The rendered text, as a reader sees it: a <br> is a line break (textContent drops it).
    // biome-ignore lint/performance/useDomNodeTextContent: the line break is what is tested
    expect(await paragraphs.nth(1).innerText()).toBe('Met vriendelijke groet,\nGemeente Rotterdam');
    expect(await paragraphs.nth(1).innerHTML()).toContain('<br>');
    // biome-ignore lint/performance/useDomNodeTextContent: as above
    expect(await paragraphs.nth(2).innerText()).toBe('Slot');
    await expectNoProblems(page, CAN_PUBLISH);
  });

  it('in English too: names, language names and placeholders', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    const mail = page.locator('#def-templates-mails-not_considered');
    await mail.getByRole('button', { name: 'Preview (English)' }).waitFor();
    await mail.getByRole('button', { name: 'Preview (Dutch)' }).waitFor();
    await mail.getByLabel('Subject (Dutch)').waitFor();
    await mail.getByText(/^Used in: .+ › At the end of the supplement period$/).waitFor();
    expect(await ownWords()).not.toMatch(/Nederlands|Engels/);
    expect(await optionsOf(mail.getByLabel('Placeholder').first())).toContain(
      '{{applicantName}} — name of the applicant',
    );
    const report = await reportTransition(/^Submit/);
    expect(await optionsOf(report.getByLabel('Add condition', { exact: true }))).toContain(
      'The day of the activity has come',
    );
    await report
      .getByRole('button', { name: 'Move The day of the activity has come up' })
      .waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expectNoProblems(page, CAN_PUBLISH);
  });

  it('lists a change of roles by the roles’ names before proposing', async () => {
    await page.locator('summary', { hasText: 'Wie mag welke stap zetten' }).click();
    await page
      .getByRole('group', { name: 'Rollen voor Om aanvulling vragen' })
      .getByRole('checkbox', { name: 'Medewerker dienstverlening', exact: true })
      .check();
    await expectNoProblems(page, CAN_PUBLISH);
    await page.getByRole('button', { name: 'Publiceren…' }).click();
    const summary = page.getByRole('region', { name: 'Publiceren: wat verandert er?' });
    await summary
      .getByText(
        'Rollen voor Om aanvulling vragen: Behandelaar → Behandelaar, Medewerker dienstverlening',
      )
      .waitFor();
    await summary.getByText(ROLES_LINE).waitFor();
    expect(await summary.textContent()).not.toMatch(/assessor|clerk|not_considered/);
    await page
      .getByLabel('Waarom publiceren? De tweede beleidsmedewerker leest dit.')
      .fill('De balie mag ook om aanvulling vragen.');
    await page.getByRole('button', { name: `Stel voor om versie ${NEXT} te publiceren` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'wacht nu op een tweede beleidsmedewerker' })
      .waitFor();
  });

  it('the second officer sees the same list of changes before approving', async () => {
    await login(page, server.url, SECOND.email, PASSWORD);
    await page.goto(`${server.url}/beleid`);
    const proposal = page.getByRole('article', { name: WHAT });
    const changes = proposal.getByRole('region', { name: 'Publiceren: wat verandert er?' });
    await changes.getByText(`Vergeleken met versie ${NEWEST}.`).waitFor();
    await changes.getByText(ROLES_LINE).waitFor();
    await changes.getByText(/^Mails gewijzigd: /).waitFor();
    // A letter's or mail's text as what was added and removed, not two truncated openings.
    await changes.getByText(/^De mail ‘.+’, tekst \(Nederlands\):/).waitFor();
    await changes.locator('ins', { hasText: 'Slot' }).first().waitFor();
    expect(await changes.textContent()).not.toMatch(/assessor|clerk|not_considered/);
    await checkA11y(page, 'policy-proposal-changes');
    await proposal.getByLabel('Uw toelichting (verplicht bij afkeuren)').fill('Gezien.');
    await proposal.getByRole('button', { name: `Keur goed: ${WHAT}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Goedgekeurd en doorgevoerd: ${WHAT}.` })
      .waitFor();
  });

  it('a published or retired version is not offered for publishing by the check', async () => {
    await page.goto(`${server.url}/beleid/werkprocessen/bewonersinitiatief/${NEXT}`);
    await expectHeading(page, new RegExp(`versie ${NEXT}$`), false);
    await expectNoProblems(page, 'Geen problemen gevonden. Deze versie is gepubliceerd.');
    expect(await page.getByText(CAN_PUBLISH).count()).toBe(0);
    // Retiring asks first, and says what it means for running applications.
    await page.getByRole('button', { name: 'Intrekken' }).click();
    await page
      .getByText(
        `Versie ${NEXT} intrekken? Nieuwe regelingen kunnen deze versie dan niet meer kiezen.`,
        {
          exact: false,
        },
      )
      .waitFor();
    await checkA11y(page, 'retire-question');
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await expectNoProblems(page, 'Geen problemen gevonden. Deze versie is gepubliceerd.');
    await page.getByRole('button', { name: 'Intrekken' }).click();
    await page.getByRole('button', { name: 'Ja, bevestigen' }).click();
    await expectNoProblems(page, 'Geen problemen gevonden. Deze versie is ingetrokken.');
    expect(await page.locator('.policy-problems').textContent()).not.toContain(
      'kan gepubliceerd worden',
    );
  });
});
