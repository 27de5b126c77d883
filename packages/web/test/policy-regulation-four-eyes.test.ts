/**
 * Four eyes on a new regulation in a real browser: one policy officer creates it with its ceiling
 * and maximum; it waits, in words, and residents are not offered it; the same officer cannot
 * approve it; another officer sees its title, district and amounts, approves it, and it is open.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, expectHeading, fillDate, login } from './browser';
import { proposeRegulation, setUpPolicyTest } from './policy-kit';
import { PASSWORD, type TestServer } from './server';

let server: TestServer;
let page: Page;
const FIRST = { email: 'beleid1@example.org', name: 'Pim Voorsteller' };
const SECOND = { email: 'beleid2@example.org', name: 'Fatima Goedkeurder' };
const TITLE = 'Bewonersinitiatieven Noord 2026';
const WHAT = `${TITLE} openstellen voor aanvragen`;
const WAITING = `${TITLE} (wacht op goedkeuring door een tweede beleidsmedewerker)`;

setUpPolicyTest([FIRST, SECOND], (started) => {
  ({ server, page } = started);
});

/** The regulations table's row of the new regulation, by what its first cell says. */
const row = (status: string) =>
  page.getByRole('row', { name: new RegExp(`^${literal(`${TITLE} (${status})`)}`) });
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What the public list of regulations (residents, the desk) offers. */
async function publicTitles(): Promise<string[]> {
  const res = await fetch(`${server.url}/api/regulations`);
  return ((await res.json()) as { items: { title: string }[] }).items.map((r) => r.title);
}

describe('a new regulation opens for applications when a second policy officer approves', () => {
  it('one officer creates it: it waits for a second officer, and is not offered', async () => {
    const workflow = await server.deps.db
      .selectFrom('regulations')
      .select(['workflow_key', 'workflow_version'])
      .where('id', '=', server.regulationId)
      .executeTakeFirstOrThrow();
    await login(page, server.url, FIRST.email, PASSWORD);
    await page.goto(`${server.url}/beleid/regelingen`);
    await expectHeading(page, 'Regelingen en budget', false);
    const form = page.getByRole('region', { name: 'Nieuwe regeling' });
    await form.getByLabel('Code').fill('BI-NOORD-2026');
    await form.getByLabel('Wijk').fill('Noord');
    // The regulation's year; the dates below have year boxes of their own.
    await form.getByRole('textbox', { name: 'Jaar', exact: true }).first().fill('2026');
    await form.getByLabel('Naam van de regeling').fill(TITLE);
    await form.getByLabel('Subsidieplafond (euro)').fill('40.000');
    await form.getByLabel('Maximum per aanvraag (euro)').fill('2.500');
    await fillDate(form, 'Open vanaf', '2026-01-01');
    await fillDate(form, 'Open tot en met', '2026-12-31');
    await form
      .getByLabel('Werkproces voor nieuwe aanvragen')
      .selectOption(`${workflow.workflow_key}@${workflow.workflow_version}`);
    await form
      .getByLabel(/^Toelichting voor de tweede beleidsmedewerker: waarom deze regeling\?/)
      .fill('Het budget voor Noord, door de gemeenteraad vastgesteld.');
    await checkA11y(page, 'regulation-new-with-comment');
    await form.getByRole('button', { name: 'Regeling aanmaken' }).click();
    await page
      .getByRole('status')
      .filter({
        hasText: `${TITLE} is aangemaakt. Zij is pas open voor aanvragen als een tweede beleidsmedewerker haar goedkeurt.`,
      })
      .waitFor();

    // The table says it waits, and offers no change while it does.
    await row('wacht op goedkeuring door een tweede beleidsmedewerker').waitFor();
    expect(await row('wacht op goedkeuring door een tweede beleidsmedewerker').count()).toBe(1);
    expect(
      await row('wacht op goedkeuring door een tweede beleidsmedewerker')
        .getByRole('button')
        .count(),
    ).toBe(0);
    // Its proposal: the creator's own, without approve or reject.
    const proposal = page.getByRole('article', { name: WHAT });
    await proposal.getByText('Dit is uw eigen voorstel.', { exact: false }).waitFor();
    await proposal.getByText('Subsidieplafond: € 40.000,00').waitFor();
    expect(await proposal.getByRole('button', { name: /^Keur (goed|af)/ }).count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toMatch(/open_regulation|BI-NOORD/);
    await checkA11y(page, 'regulation-waits');

    // In English too.
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByRole('row', {
        name: new RegExp(
          `^${literal(`${TITLE} (waiting for approval by a second policy officer)`)}`,
        ),
      })
      .waitFor();
    await page
      .getByRole('article', { name: `Open ${TITLE} for applications` })
      .getByText('Budget ceiling: €40,000.00')
      .waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await row('wacht op goedkeuring door een tweede beleidsmedewerker').waitFor();

    // Not offered to residents or the desk.
    expect(await publicTitles()).not.toContain(TITLE);
    await page.goto(`${server.url}/regelingen`);
    await expectHeading(page, 'Subsidieregelingen', false);
    await page.getByText('Bewonersinitiatieven Delfshaven 2026').first().waitFor();
    expect(await page.getByText(TITLE).count()).toBe(0);
  });

  it('another officer sees its title, district and amounts, and approves it: it is open', async () => {
    await login(page, server.url, SECOND.email, PASSWORD);
    await page.goto(`${server.url}/beleid/regelingen`);
    await expectHeading(page, 'Regelingen en budget', false);
    await row('wacht op goedkeuring door een tweede beleidsmedewerker').waitFor();
    const proposal = page.getByRole('article', { name: WHAT });
    await proposal.getByText(`Voorgesteld door ${FIRST.name} op`).waitFor();
    await proposal
      .getByText('“Het budget voor Noord, door de gemeenteraad vastgesteld.”')
      .waitFor();
    for (const line of [
      'Wijk: Noord',
      'Subsidieplafond: € 40.000,00',
      'Maximum per aanvraag: € 2.500,00',
      'Open voor aanvragen van 1 januari 2026 tot en met 31 december 2026',
    ]) {
      await proposal.getByText(line, { exact: true }).waitFor();
    }
    await proposal.getByText(/^Werkproces voor nieuwe aanvragen: .+, versie \d+$/).waitFor();
    await checkA11y(page, 'regulation-opening-proposal');
    await proposal
      .getByLabel('Uw toelichting (verplicht bij afkeuren)')
      .fill('Bedragen nagekeken.');
    await proposal.getByRole('button', { name: `Keur goed: ${WHAT}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Goedgekeurd en doorgevoerd: ${WHAT}.` })
      .waitFor();
    await row('open').waitFor();
    expect(await page.getByRole('row', { name: new RegExp(`^${literal(WAITING)}`) }).count()).toBe(
      0,
    );
    const decided = page.getByRole('table', { name: 'Besloten voorstellen, nieuwste eerst' });
    const done = decided.getByRole('row', { name: new RegExp(`^${literal(WHAT)}`) });
    await done.getByText(new RegExp(`^${FIRST.name}, .*gemeenteraad`)).waitFor();
    await done.getByText(new RegExp(`^${SECOND.name}, .*Bedragen nagekeken\\.`)).waitFor();
    await done.getByText('Goedgekeurd').waitFor();
    await checkA11y(page, 'regulation-opened');

    // Now residents and the desk are offered it.
    expect(await publicTitles()).toContain(TITLE);
    await page.goto(`${server.url}/regelingen`);
    await expectHeading(page, 'Subsidieregelingen', false);
    await page.getByText(TITLE).first().waitFor();
  });

  it('rejected, it stays closed; its creator changes it and proposes it again', async () => {
    const zuid = 'Bewonersinitiatieven Zuid 2026';
    const open = `${zuid} openstellen voor aanvragen`;
    const created = await proposeRegulation(server, FIRST.email, {
      code: 'BI-ZUID-2026',
      title: zuid,
      district: 'Zuid',
      year: 2026,
      ceilingCents: 3_000_000,
      maxAmountCents: 3_000_000,
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
      comment: 'Budget voor Zuid.',
    });
    expect(created.status).toBe(201);

    // The second officer (still logged in) rejects it, saying why.
    await page.goto(`${server.url}/beleid/regelingen`);
    const proposal = page.getByRole('article', { name: open });
    await proposal.getByText('Maximum per aanvraag: € 30.000,00').waitFor();
    await proposal
      .getByLabel('Uw toelichting (verplicht bij afkeuren)')
      .fill('Eén aanvraag kan het hele plafond opmaken.');
    await proposal.getByRole('button', { name: `Keur af: ${open}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Afgekeurd: ${open}.` })
      .waitFor();
    const rejected = page.getByRole('row', {
      name: new RegExp(`^${literal(`${zuid} (afgekeurd, niet open voor aanvragen)`)}`),
    });
    await rejected.waitFor();
    expect(await publicTitles()).not.toContain(zuid);

    // Its creator reads why, lowers the maximum and proposes it again.
    await login(page, server.url, FIRST.email, PASSWORD);
    await page.goto(`${server.url}/beleid/regelingen`);
    await rejected.getByRole('button', { name: `Wijzig ${zuid}` }).click();
    const form = page.getByRole('region', { name: `Wijzig ${zuid}` });
    await form
      .getByText(`Afgekeurd door ${SECOND.name}: “Eén aanvraag kan het hele plafond opmaken.”`)
      .waitFor();
    await form.getByText('Pas de regeling zo nodig aan en stel haar opnieuw voor.').waitFor();
    await form.getByLabel('Maximum per aanvraag (euro)').fill('2.500');
    await form
      .getByLabel(/^Toelichting voor de tweede beleidsmedewerker: wat is er anders\?/)
      .fill('Maximum verlaagd naar € 2.500.');
    await checkA11y(page, 'regulation-rejected-propose-again');
    await form.getByRole('button', { name: 'Opslaan en opnieuw voorstellen' }).click();
    await page
      .getByRole('status')
      .filter({
        hasText: `Uw voorstel om ${zuid} open te stellen wacht nu op een tweede beleidsmedewerker.`,
      })
      .waitFor();
    await page
      .getByRole('row', {
        name: new RegExp(
          `^${literal(`${zuid} (wacht op goedkeuring door een tweede beleidsmedewerker)`)}`,
        ),
      })
      .waitFor();
    await page
      .getByRole('article', { name: open })
      .getByText('Maximum per aanvraag: € 2.500,00')
      .waitFor();
    expect(await publicTitles()).not.toContain(zuid);
  });
});
