/**
 * Four eyes on the rules in a real browser (issue 14): one policy officer proposes to publish a
 * new workflow version with a comment; the same officer cannot approve it; another officer sees
 * who proposed what and why, approves it, and both are shown.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, login } from './browser';
import { cookieOf, openNewDraft, setUpPolicyTest } from './policy-kit';
import { PASSWORD, type TestServer } from './server';
import { nextDraftVersion } from './versions';

let server: TestServer;
let page: Page;
const FIRST = { email: 'beleid1@example.org', name: 'Pim Voorsteller' };
const SECOND = { email: 'beleid2@example.org', name: 'Fatima Goedkeurder' };
/**
 * The draft is a copy of the newest published version (openNewDraft's default), so that the one
 * change below is all that publishing it changes; every shipped version is published, so the
 * draft comes after the newest.
 */
const NEXT = await nextDraftVersion('bewonersinitiatief');
const WHAT = `Versie ${NEXT} van Subsidie bewonersinitiatief publiceren`;
const NEW_SUBJECT = 'Wij hebben uw aanvraag {{reference}} ontvangen';
const FROZEN =
  'Deze versie wacht op goedkeuring voor publicatie. Trek het voorstel in om haar te wijzigen.';

setUpPolicyTest([FIRST, SECOND], (started) => {
  ({ server, page } = started);
});

describe('publishing a workflow version takes two policy officers', () => {
  it('the first officer proposes publishing a new draft, with a comment', async () => {
    // The bewonersinitiatief's newest version: other workflows have a version of that number too.
    await openNewDraft(page, server, FIRST.email, { listHeading: true });
    await page.getByText('Geen problemen gevonden.').waitFor();
    // One change: the acknowledgement's subject.
    await page.locator('summary', { hasText: 'Teksten van brieven en mails' }).click();
    await page.locator('#def-templates-mails-acknowledgement > summary').click();
    await page.locator('#def-templates-mails-acknowledgement-nl-subject').fill(NEW_SUBJECT);
    await page.getByText('Geen problemen gevonden.').waitFor();
    await page.getByRole('button', { name: 'Publiceren…' }).click();
    // What changes, in words and in the singular: no diff markers, no codes.
    const summary = page.getByRole('region', { name: 'Publiceren: wat verandert er?' });
    await summary.getByText('1 wijziging, met de waarde ervoor en erna').waitFor();
    // The mail by its subject with its placeholder in words, not the code it is written with.
    const named = NEW_SUBJECT.replace('{{reference}}', '«kenmerk»');
    await summary.getByText(`Mails gewijzigd: ${named}`).waitFor();
    await summary
      .getByText(new RegExp(`^De mail ‘${named}’, onderwerp \\(Nederlands\\): “.+” → “`))
      .waitFor();
    expect(await summary.textContent()).not.toMatch(/[~+−]:|Alle 1|acknowledgement/);
    // Without a comment the browser asks for one first.
    const comment = page.getByLabel('Waarom publiceren? De tweede beleidsmedewerker leest dit.');
    await comment.fill('Nieuwe tekst voor de ontvangstbevestiging.');
    await checkA11y(page, 'policy-propose-publish');
    await page.getByRole('button', { name: `Stel voor om versie ${NEXT} te publiceren` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'wacht nu op een tweede beleidsmedewerker' })
      .waitFor();
    // While the proposal waits, the draft cannot change: it says so, and offers no save.
    await page.getByText(FROZEN).waitFor();
    expect(await page.getByRole('button', { name: 'Concept opslaan' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Publiceren…' }).count()).toBe(0);
    expect(await page.locator('#def-json').getAttribute('readonly')).not.toBeNull();
    await checkA11y(page, 'policy-draft-proposed');
  });

  it('withdrawn, it can change again; a save the proposal refuses says why', async () => {
    await page.getByRole('button', { name: 'Voorstel intrekken en verder wijzigen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Het voorstel is ingetrokken. U kunt versie ${NEXT} weer wijzigen.` })
      .waitFor();
    const subject = page.locator('#def-templates-mails-acknowledgement-nl-subject');
    await subject.fill(`${NEW_SUBJECT}.`);
    // Meanwhile it is proposed again (another tab): the save is refused, and the page says why.
    const proposed = await fetch(
      `${server.url}/api/policy/definitions/bewonersinitiatief/versions/${NEXT}/publish`,
      {
        method: 'POST',
        headers: {
          origin: server.url,
          'content-type': 'application/json',
          cookie: await cookieOf(server, FIRST.email),
        },
        body: JSON.stringify({ comment: 'Nieuwe tekst voor de ontvangstbevestiging.' }),
      },
    );
    expect(proposed.status).toBeLessThan(300);
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    // The error says exactly that (the notice about the proposal follows it).
    await page.getByRole('alert').filter({ hasText: FROZEN }).first().waitFor();
    expect(await page.getByRole('alert').allTextContents()).toContain(FROZEN);
    expect(await page.getByText('Dit botst met een eerdere wijziging.').count()).toBe(0);
    await page.getByRole('button', { name: 'Concept opslaan' }).waitFor({ state: 'detached' });
  });

  it('the proposer sees the proposal but cannot approve it', async () => {
    await page.goto(`${server.url}/beleid`);
    const proposal = page.getByRole('article', { name: WHAT });
    await proposal.waitFor();
    await proposal.getByText('Dit is uw eigen voorstel.', { exact: false }).waitFor();
    expect(await proposal.getByRole('button', { name: /^Keur goed/ }).count()).toBe(0);
    // The list says the draft waits for a second officer, not only that it is a draft.
    const row = page.getByRole('row', {
      name: new RegExp(`Subsidie bewonersinitiatief ${NEXT} Concept`),
    });
    await row
      .getByRole('cell', { name: 'Concept, wacht op een tweede beleidsmedewerker' })
      .waitFor();
    expect(await row.count()).toBe(1);
  });

  it(`another officer approves: version ${NEXT} is published, both officers are shown`, async () => {
    await login(page, server.url, SECOND.email, PASSWORD);
    await page.goto(`${server.url}/beleid`);
    const proposal = page.getByRole('article', { name: WHAT });
    await proposal.getByText(`Voorgesteld door ${FIRST.name} op`).waitFor();
    await proposal.getByText('“Nieuwe tekst voor de ontvangstbevestiging.”').waitFor();
    await checkA11y(page, 'policy-proposal-open');
    await proposal.getByLabel('Uw toelichting (verplicht bij afkeuren)').fill('Gelezen, akkoord.');
    await proposal.getByRole('button', { name: `Keur goed: ${WHAT}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Goedgekeurd en doorgevoerd: ${WHAT}.` })
      .waitFor();
    const decided = page.getByRole('table', { name: 'Besloten voorstellen, nieuwste eerst' });
    // The first proposal was withdrawn: the approved one.
    const row = decided
      .getByRole('row', { name: new RegExp(WHAT) })
      .filter({ hasText: 'Goedgekeurd' });
    await decided
      .getByRole('row', { name: new RegExp(WHAT) })
      .filter({ hasText: 'Ingetrokken' })
      .waitFor();
    await row.getByText(new RegExp(`^${FIRST.name}, .*Nieuwe tekst`)).waitFor();
    await row.getByText(new RegExp(`^${SECOND.name}, .*Gelezen, akkoord\\.`)).waitFor();
    await row.getByText('Goedgekeurd').waitFor();
    await page
      .getByRole('row', { name: new RegExp(`Subsidie bewonersinitiatief ${NEXT} Gepubliceerd`) })
      .waitFor();
    await checkA11y(page, 'policy-proposal-decided');
  });
});
