/**
 * A supporter opens the mailed link, signs in with DigiD through the broker (a real OpenID
 * provider in the test process), comes back to the page and confirms; and a regulation that a
 * policy officer set to "DigiD only" offers no code.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import {
  ACR_DIGID_MIDDEN,
  oidcConfig,
  startTestProvider,
  type TestProvider,
} from '../../api/src/oidc/oidc-test-kit';
import { createUser } from '../../api/src/test/test-app';
import { apiAs } from './api-as';
import {
  type Browser,
  checkA11y,
  expectHeading,
  login,
  logout,
  openBrowser,
  screenshotOnFailure,
} from './browser';
import { mailedTo } from './mail-drop';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let idp: TestProvider;
let browser: Browser;
let page: Page;
const policy = { email: 'beleid@example.org', name: 'Bo Beleid' };

beforeAll(async () => {
  server = await startTestServer();
  idp = await startTestProvider(server.url, [
    // What a DigiD broker sends: a BSN, no name or e-mail (the person completes them once).
    { id: 'noor', label: 'Noor (DigiD)', acr: ACR_DIGID_MIDDEN, claims: { bsn: '999990044' } },
    {
      id: 'sem',
      label: 'Sem (DigiD)',
      acr: ACR_DIGID_MIDDEN,
      claims: { bsn: '999990056', name: 'Sem de Buurman', email: 'sem.digid@example.org' },
    },
  ]);
  Object.assign(server.deps.config, oidcConfig(idp.issuer));
  await createUser(server.deps.db, { ...policy, roles: ['policy'], password: PASSWORD });
  browser = await openBrowser();
  page = browser.page;
});
screenshotOnFailure(() => browser?.page);
afterAll(async () => {
  await browser?.close();
  await idp?.close();
  await server?.close();
});

/** An application of the resident with supporters invited by mail; their mailed links. */
async function applicationWithInvitations(title: string, emails: string[]) {
  const resident = await apiAs(server, server.users.resident.email);
  const app = await resident('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: { ...demoFormData(server.deps.clock()), title },
  });
  const links: string[] = [];
  for (const [i, email] of emails.entries()) {
    await resident('POST', `/api/applications/${app.id}/supporters`, {
      name: `Buur ${i + 1}`,
      email,
    });
    // As the neighbour got it: the outbox keeps no working link once the mail is sent.
    const mail = await mailedTo(server, email, /(http\S+\/steunen\?token=[A-Za-z0-9_-]+)/);
    links.push(mail.match[1]!);
  }
  return { app: app as { id: string }, links };
}

async function confirmAnswers() {
  await page.getByLabel('Postcode').fill('3022 AB');
  await page.getByLabel('Leeftijd').fill('52');
  await page.getByRole('button', { name: 'Ja, ik steun dit initiatief' }).click();
}

describe('a supporter confirms with DigiD', () => {
  it('opens the mailed link, signs in with DigiD, comes back, sees the initiative and confirms', async () => {
    const { app, links } = await applicationWithInvitations('Moestuin Mathenesse', [
      'noor.mail@example.org',
    ]);
    await page.context().clearCookies();
    await page.goto(links[0]!);
    await expectHeading(page, 'Steunt u dit initiatief?', false);
    await page.getByText('Moestuin Mathenesse').waitFor();
    // Both ways are offered: DigiD, and the code from the e-mail.
    await page.getByRole('heading', { name: 'Bevestigen met de code uit de e-mail' }).waitFor();
    expect(await page.getByLabel('Code uit de e-mail').count()).toBe(1);
    await checkA11y(page, 'supporter-confirm-choice');
    await page.getByRole('link', { name: 'Bevestigen met DigiD' }).click();

    // The broker's DigiD page; then, the first time, name and e-mail.
    await page.getByRole('button', { name: 'Noor (DigiD)' }).click();
    await expectHeading(page, 'Vul uw gegevens aan', false);
    await page.getByRole('textbox', { name: 'Naam' }).fill('Noor Bakker');
    await page.getByRole('textbox', { name: 'E-mailadres' }).fill('noor.bakker@example.org');
    await page.getByRole('button', { name: 'Opslaan en doorgaan' }).click();

    // Back on the confirmation page, signed in.
    await expectHeading(page, 'Steunt u dit initiatief?', false);
    expect(new URL(page.url()).pathname).toBe('/steunen');
    await page.getByText('U bent ingelogd met DigiD als Noor Bakker.').waitFor();
    await page.getByText('Moestuin Mathenesse').waitFor();
    expect(await page.getByLabel('Code uit de e-mail').count()).toBe(0);
    await checkA11y(page, 'supporter-confirm-digid');
    await confirmAnswers();
    await page.getByText('Dank u wel. Uw steun is bevestigd.').waitFor();
    await checkA11y(page, 'supporter-confirmed-digid');

    const row = await server.deps.db
      .selectFrom('supporters')
      .select(['confirmed_how', 'confirmed_user_id'])
      .where('application_id', '=', app.id)
      .executeTakeFirstOrThrow();
    const noor = await server.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'noor.bakker@example.org')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ confirmed_how: 'digid', confirmed_user_id: noor.id });

    // The assessor sees how and when, in words.
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${app.id}`);
    const table = page.getByRole('table', { name: 'Ondersteuners en hoe zij hebben bevestigd' });
    await table
      .getByRole('row', { name: /Buur 1/ })
      .getByText(/, met DigiD$/)
      .waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByRole('table', { name: 'Supporters and how they confirmed' })
      .getByText(/, with DigiD$/)
      .waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await logout(page);
  });

  it('where the regulation requires DigiD, the page offers no code, and one person counts once', async () => {
    // A policy officer sets the regulation to "DigiD only".
    await login(page, server.url, policy.email, PASSWORD);
    await page.goto(`${server.url}/beleid/regelingen`);
    await expectHeading(page, 'Regelingen en budget', false);
    const name = 'Bewonersinitiatieven Delfshaven 2026';
    await page.getByRole('button', { name: `Wijzig ${name}` }).click();
    const form = page.getByRole('region', { name: `Wijzig ${name}` });
    await form.getByLabel('Hoe bevestigen ondersteuners hun steun?').selectOption('digid');
    await checkA11y(page, 'regulation-supporters-digid');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText(`${name} is opgeslagen.`).waitFor();
    const reg = await server.deps.db
      .selectFrom('regulations')
      .select('supporter_confirmation')
      .where('id', '=', server.regulationId)
      .executeTakeFirstOrThrow();
    expect(reg.supporter_confirmation).toBe('digid');
    await logout(page);

    const { links } = await applicationWithInvitations('Bankjes Bospolder', [
      'sem.een@example.org',
      'sem.twee@example.org',
    ]);
    await page.context().clearCookies();
    await page.goto(links[0]!);
    await expectHeading(page, 'Steunt u dit initiatief?', false);
    await page.getByText('Voor deze subsidieregeling bevestigt u uw steun met DigiD.').waitFor();
    expect(await page.getByLabel('Code uit de e-mail').count()).toBe(0);
    expect(
      await page.getByRole('heading', { name: 'Bevestigen met de code uit de e-mail' }).count(),
    ).toBe(0);
    await checkA11y(page, 'supporter-confirm-digid-only');
    await page.getByRole('link', { name: 'Bevestigen met DigiD' }).click();
    await page.getByRole('button', { name: 'Sem (DigiD)' }).click();
    await page.getByText('U bent ingelogd met DigiD als Sem de Buurman.').waitFor();
    await confirmAnswers();
    await page.getByText('Dank u wel. Uw steun is bevestigd.').waitFor();

    // The second invitation of the same application, by the same person: refused, in words.
    await page.goto(links[1]!);
    await page.getByText('U bent ingelogd met DigiD als Sem de Buurman.').waitFor();
    await confirmAnswers();
    await page.getByText(/U hebt deze aanvraag al gesteund via een andere uitnodiging/).waitFor();
    await checkA11y(page, 'supporter-confirm-twice');
  });
});
