/**
 * Staff screens as staff read them: who handles a case (a step makes its handler; a closed case is
 * not taken on), a step's limits checked before anything irreversible is asked, the work queue
 * saying what the case page says of a decision waiting for the post, and no resident's wording.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { createUser } from '../../api/src/test/test-app';
import { apiAs } from './api-as';
import { type Browser, expectHeading, login, openBrowser, screenshotOnFailure } from './browser';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;
let page: Page;

screenshotOnFailure(() => page);

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function submitted(title: string, amountsCents?: number[]) {
  const resident = await apiAs(server, server.users.resident.email);
  const app = await resident('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: { ...demoFormData(server.deps.clock(), { amountsCents }), title },
  });
  await resident('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });
  return { app, resident };
}

const summary = () => page.getByRole('region', { name: 'Overzicht' });

async function logout() {
  await page.context().clearCookies();
}

describe('who handles a case', () => {
  it('an assessor who asks for information without claiming becomes its handler; the days are checked first', async () => {
    const { app } = await submitted('Buurtmoestuin Bospolder');
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${app.id}`);
    await expectHeading(page, 'Buurtmoestuin Bospolder', false);
    await summary().getByText('Niemand').waitFor();
    // Staff at work read no help for residents with their own application.
    expect(await page.getByText('Hulp nodig bij uw aanvraag?', { exact: false }).count()).toBe(0);

    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/events')) sent.push(r.url());
    });
    await page.getByLabel('Gevraagde aanvulling').fill('Stuur een offerte voor de bakken.');
    for (const days of ['0', '365']) {
      await page.getByLabel('Termijn voor de aanvulling (dagen)').fill(days);
      await page.getByRole('button', { name: 'Om aanvulling vragen' }).click();
      await page
        .getByText('“Termijn voor de aanvulling (dagen)” moet minstens 1 en hoogstens 90 zijn.')
        .first()
        .waitFor();
    }
    // Caught on the page: nothing went to the server.
    expect(sent).toEqual([]);
    await page.getByLabel('Termijn voor de aanvulling (dagen)').fill('14');
    await page.getByRole('button', { name: 'Om aanvulling vragen' }).click();
    await page.getByText('Het verzoek om aanvulling is verstuurd.').waitFor();
    await summary().getByText(server.users.assessor.name).waitFor();
    await page.getByRole('button', { name: 'Loslaten' }).waitFor();
    await page.getByRole('region', { name: 'Verloop' }).getByText('Opgepakt').first().waitFor();

    // The queue names her too.
    await page.goto(`${server.url}/werkvoorraad`);
    await page.getByLabel('Zoek op kenmerk of titel').fill(String(app.reference));
    await page.getByRole('button', { name: 'Filteren' }).click();
    const row = page.getByRole('row').filter({ hasText: String(app.reference) });
    await row.getByText(server.users.assessor.name).waitFor();
    await logout();
  });

  it('a withdrawn application offers nothing to take on', async () => {
    const { app, resident } = await submitted('Kleedjesmarkt Spangen');
    await resident('POST', `/api/applications/${app.id}/events`, {
      type: 'WITHDRAW',
      payload: {},
    });
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${app.id}`);
    await expectHeading(page, 'Kleedjesmarkt Spangen', false);
    await summary().getByText('Niemand').waitFor();
    expect(await page.getByRole('button', { name: 'Oppakken' }).count()).toBe(0);

    await page.goto(`${server.url}/werkvoorraad`);
    await page.getByLabel('Zoek op kenmerk of titel').fill(String(app.reference));
    await page.getByLabel('Status').selectOption({ label: 'Alle statussen' });
    await page.getByRole('button', { name: 'Filteren' }).click();
    const row = page.getByRole('row').filter({ hasText: String(app.reference) });
    await row.waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    await logout();
  });
});

describe('a step that cannot be sent is said before confirming', () => {
  it('an amount above the requested one is an error at its field, not a question', async () => {
    const { app } = await submitted('Zomerspelen Oud-Mathenesse', [75_000, 50_000]);
    const assessor = await apiAs(server, server.users.assessor.email);
    await assessor('POST', `/api/applications/${app.id}/events`, {
      type: 'ASSESS',
      payload: { recommendation: 'grant', motivation: 'Past bij het wijkakkoord.' },
    });
    await login(page, server.url, server.users.approver.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${app.id}`);
    await expectHeading(page, 'Zomerspelen Oud-Mathenesse', false);
    // The approver decides; she does not become the handler.
    await summary().getByText(server.users.assessor.name).waitFor();
    await page.getByLabel('Te verlenen bedrag').fill('15000');
    await page.getByRole('button', { name: 'Verlenen' }).click();
    await page
      .getByText(
        '“Te verlenen bedrag” (€ 15.000,00) is hoger dan het aangevraagde bedrag (€ 1.250,00).',
      )
      .first()
      .waitFor();
    expect(await page.getByText('Weet u het zeker?', { exact: false }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ja, bevestigen' }).count()).toBe(0);
    await logout();
  });
});

describe('the desk speaks of the resident', () => {
  it('says she sees the application online only when she can log in', async () => {
    const offline = await createUser(server.deps.db, { name: 'Ayşe Yıldız-Çelik' });
    await server.deps.db
      .updateTable('users')
      .set({ email: null })
      .where('id', '=', offline.id)
      .execute();
    const clerk = await apiAs(server, server.users.clerk.email);
    const app = await clerk('POST', '/api/applications', {
      regulationId: server.regulationId,
      applicantId: offline.id,
    });
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${app.id}/bewerken`);
    await page
      .getByText(
        'De aanvraag wordt vanzelf opgeslagen. U kunt stoppen en later verder gaan. Ayşe Yıldız-Çelik kan niet inloggen (geen e-mailadres of DigiD) en ziet de aanvraag dus niet online.',
      )
      .waitFor();
    expect(await page.getByText('ziet de aanvraag ook in het eigen account').count()).toBe(0);
    expect(await page.getByText('Hulp nodig bij uw aanvraag?', { exact: false }).count()).toBe(0);
    await logout();
  });
});

describe('the work queue and a decision waiting for the post', () => {
  it('names no objection date until the letter is posted, as the case page does', async () => {
    await server.deps.db
      .updateTable('users')
      .set({
        letter_channel: 'paper',
        street: 'Schiedamseweg 12',
        postcode: '3025 AB',
        city: 'Rotterdam',
      })
      .where('id', '=', server.users.resident.id)
      .execute();
    const { app } = await submitted('Burendag Nieuwe Westen');
    const assessor = await apiAs(server, server.users.assessor.email);
    await assessor('POST', `/api/applications/${app.id}/events`, {
      type: 'ASSESS',
      payload: { recommendation: 'grant', motivation: 'Past bij het wijkakkoord.' },
    });
    const approver = await apiAs(server, server.users.approver.email);
    await approver('POST', `/api/applications/${app.id}/events`, { type: 'GRANT', payload: {} });

    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${app.id}`);
    await page
      .getByRole('region', { name: 'Belangrijke data' })
      .getByText('Volgt als de brief met het besluit gepost is')
      .waitFor();
    await page.goto(`${server.url}/werkvoorraad`);
    await page.getByLabel('Zoek op kenmerk of titel').fill(String(app.reference));
    await page.getByRole('button', { name: 'Filteren' }).click();
    const row = page.getByRole('row').filter({ hasText: String(app.reference) });
    await row.getByText('Volgt als de brief met het besluit gepost is').waitFor();
    expect(await row.getByText('nog', { exact: false }).count()).toBe(0);
    await logout();
  });
});
