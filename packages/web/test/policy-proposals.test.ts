/**
 * Four eyes on the rules in a real browser (issue 14): one policy officer proposes to publish a
 * new workflow version with a comment; the same officer cannot approve it; another officer sees
 * who proposed what and why, approves it, and both are shown.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../api/src/test/test-app';
import {
  type Browser,
  checkA11y,
  expectHeading,
  login,
  openBrowser,
  screenshotOnFailure,
} from './browser';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;
let page: Page;
const FIRST = { email: 'beleid1@example.org', name: 'Pim Voorsteller' };
const SECOND = { email: 'beleid2@example.org', name: 'Fatima Goedkeurder' };
const WHAT = 'Versie 2 van Subsidie bewonersinitiatief publiceren';

screenshotOnFailure(() => page);

beforeAll(async () => {
  server = await startTestServer();
  for (const officer of [FIRST, SECOND]) {
    await createUser(server.deps.db, { roles: ['policy'], ...officer, password: PASSWORD });
  }
  browser = await openBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('publishing a workflow version takes two policy officers', () => {
  it('the first officer proposes publishing a new draft, with a comment', async () => {
    await login(page, server.url, FIRST.email, PASSWORD);
    await page.goto(`${server.url}/beleid`);
    await expectHeading(page, 'Werkprocessen', false);
    // The bewonersinitiatief's row: other workflows have a version 1 too.
    await page
      .getByRole('row')
      .filter({ hasText: 'Subsidie bewonersinitiatief' })
      .getByRole('button', { name: 'Nieuw concept van versie 1' })
      .click();
    await expectHeading(page, /versie 2$/);
    await page.getByText('Geen problemen gevonden.').waitFor();
    await page.getByRole('button', { name: 'Publiceren…' }).click();
    // Without a comment the browser asks for one first.
    const comment = page.getByLabel('Waarom publiceren? De tweede beleidsmedewerker leest dit.');
    await comment.fill('Nieuwe tekst voor de ontvangstbevestiging.');
    await checkA11y(page, 'policy-propose-publish');
    await page.getByRole('button', { name: 'Stel voor om versie 2 te publiceren' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'wacht nu op een tweede beleidsmedewerker' })
      .waitFor();
  });

  it('the proposer sees the proposal but cannot approve it', async () => {
    await page.goto(`${server.url}/beleid`);
    const proposal = page.getByRole('article', { name: WHAT });
    await proposal.waitFor();
    await proposal.getByText('Dit is uw eigen voorstel.', { exact: false }).waitFor();
    expect(await proposal.getByRole('button', { name: /^Keur goed/ }).count()).toBe(0);
    const row = page.getByRole('row', { name: /Subsidie bewonersinitiatief 2 Concept/ });
    expect(await row.count()).toBe(1);
  });

  it('another officer approves: version 2 is published, both officers are shown', async () => {
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
    const row = decided.getByRole('row', { name: new RegExp(WHAT) });
    await row.getByText(new RegExp(`^${FIRST.name}, .*Nieuwe tekst`)).waitFor();
    await row.getByText(new RegExp(`^${SECOND.name}, .*Gelezen, akkoord\\.`)).waitFor();
    await row.getByText('Goedgekeurd').waitFor();
    await page.getByRole('row', { name: /Subsidie bewonersinitiatief 2 Gepubliceerd/ }).waitFor();
    await checkA11y(page, 'policy-proposal-decided');
  });
});
