/**
 * Staff in the browser: the administrator manages accounts; the desk finds applications and logs
 * contacts, filing "namens" a resident; assessors respect claims and take over explicitly; the
 * approver sees what waits for a decision.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { createUser } from '../../api/src/test/test-app';
import { apiAs as apiAsOver } from './api-as';
import {
  type Browser,
  checkA11y,
  expectHeading,
  expectLooksTicked,
  login,
  logout,
  openBrowser,
  screenshotOnFailure,
} from './browser';
import { mailedTo } from './mail-drop';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;
let page: Page;
const admin = { email: 'admin@example.org', name: 'Ahmed Beheerder' };
const assessor2 = { email: 'assessor2@example.org', name: 'Bas Tweede Behandelaar' };
const helper = { email: 'helper@example.org', name: 'Hanna Vrijwilliger' };

beforeAll(async () => {
  server = await startTestServer();
  await createUser(server.deps.db, { ...admin, roles: ['admin'], password: PASSWORD });
  await createUser(server.deps.db, { ...assessor2, roles: ['assessor'], password: PASSWORD });
  await createUser(server.deps.db, { ...helper, roles: ['applicant'], password: PASSWORD });
  browser = await openBrowser();
  page = browser.page;
});
screenshotOnFailure(() => browser?.page);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The API as one of the personas, over HTTP (for the steps a test is not about). */
const apiAs = (email: string) => apiAsOver(server, email);

async function submittedApplication(title: string) {
  const resident = await apiAs(server.users.resident.email);
  const app = await resident('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: { ...demoFormData(server.deps.clock()), title },
  });
  await resident('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });
  return app as { id: string; reference: string };
}

describe('administration', () => {
  it('an admin creates a staff account, changes its roles, deactivates it and resets its password', async () => {
    await login(page, server.url, admin.email, PASSWORD);
    // An administrator starts where their work is.
    await expectHeading(page, 'Accounts van medewerkers');
    expect(new URL(page.url()).pathname).toBe('/beheer');
    await checkA11y(page, 'admin');
    // Their own administrator role cannot be unticked (the API refuses it), and the row says why.
    const own = page
      .getByRole('row', { name: new RegExp(admin.name) })
      .getByRole('checkbox', { name: 'Beheerder' });
    expect(await own.isDisabled()).toBe(true);
    await expect
      .poll(() => own.evaluate((el) => (el as HTMLInputElement).labels?.length ?? 0))
      .toBe(1);
    expect(await own.getAttribute('aria-describedby')).toBeTruthy();
    await page
      .getByText('Uw eigen beheerdersrol kunt u niet weghalen.', { exact: false })
      .waitFor();

    const create = page.getByRole('region', { name: 'Nieuw account' });
    await create.getByRole('button', { name: 'Account aanmaken' }).click();
    await create.getByText('Vul de naam in.').first().waitFor();
    // The errors' summary takes focus, each error a link to its field.
    const errors = create.getByRole('alert').filter({ hasText: 'Er is iets niet goed ingevuld' });
    await expect.poll(() => errors.evaluate((el) => el === document.activeElement)).toBe(true);
    await errors.getByRole('link', { name: 'Vul de naam in.' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-name');
    await create.getByLabel('Naam').fill('Carla Nieuw');
    await create.getByLabel('E-mailadres').fill('carla@example.org');
    await create.getByRole('checkbox', { name: 'Behandelaar' }).check();
    await create.getByRole('checkbox', { name: 'Medewerker dienstverlening' }).uncheck();
    await create.getByRole('button', { name: 'Account aanmaken' }).click();
    const created = page.getByRole('status').filter({ hasText: 'Eenmalig wachtwoord' });
    await created.waitFor();
    const password = /wachtwoord: ([a-z2-9-]{19})\./.exec((await created.textContent()) ?? '')?.[1];
    expect(password).toBeTruthy();

    const row = page.getByRole('row', { name: /Carla Nieuw/ });
    await row.getByRole('checkbox', { name: 'Tweede beoordelaar (besluit)' }).check();
    // Ticked roles look ticked (they looked empty: a white tick on a transparent box).
    await expectLooksTicked(
      row.getByRole('checkbox', { name: 'Tweede beoordelaar (besluit)' }),
      row.getByRole('checkbox', { name: 'Beheerder' }),
    );
    await row.getByRole('button', { name: 'Rollen opslaan van Carla Nieuw' }).click();
    await page.getByRole('status').filter({ hasText: 'De rollen van Carla Nieuw' }).waitFor();
    // Switching an account off asks first; cancelling changes nothing.
    await page.getByRole('button', { name: 'Account uitzetten van Carla Nieuw' }).click();
    await row.getByText('Het account van Carla Nieuw uitzetten?', { exact: false }).waitFor();
    await checkA11y(page, 'admin-confirm');
    await row.getByRole('button', { name: 'Annuleren' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Account uitzetten van Carla Nieuw');
    expect(await row.getByText('Actief', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Account uitzetten van Carla Nieuw' }).click();
    await row.getByRole('button', { name: 'Ja, bevestigen' }).click();
    await page.getByRole('status').filter({ hasText: 'is uitgezet' }).waitFor();
    await page.getByRole('button', { name: 'Account weer aanzetten van Carla Nieuw' }).click();
    await page.getByRole('status').filter({ hasText: 'weer actief' }).waitFor();
    await page.getByRole('button', { name: 'Nieuw wachtwoord voor Carla Nieuw' }).click();
    await row.getByText('Het huidige wachtwoord werkt dan niet meer', { exact: false }).waitFor();
    await row.getByRole('button', { name: 'Ja, bevestigen' }).click();
    const reset = page.getByRole('status').filter({ hasText: 'Nieuw eenmalig wachtwoord' });
    await reset.waitFor();
    const newPassword = /Carla Nieuw: ([a-z2-9-]{19})\./.exec(
      (await reset.textContent()) ?? '',
    )?.[1];
    expect(newPassword).toBeTruthy();
    expect(newPassword).not.toBe(password);

    const audit = page.getByRole('table', { name: 'Wijzigingen aan accounts, nieuwste eerst' });
    await audit.getByText('Nieuw eenmalig wachtwoord gegeven').waitFor();
    await audit
      .getByText('Rollen gewijzigd: Behandelaar → Behandelaar, Tweede beoordelaar (besluit)')
      .waitFor();
    await audit.getByText('Account uitgezet').waitFor();
    await checkA11y(page, 'admin-after-changes');
    await logout(page);

    // The account works with the new one-time password, under its new roles.
    await login(page, server.url, 'carla@example.org', newPassword!);
    await page.getByRole('link', { name: 'Te beslissen' }).waitFor();
    await logout(page);
  });
});

describe('desk and phone', () => {
  it('a clerk files namens a resident, finds the application by name and logs a phone call', async () => {
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await expectHeading(page, 'Aanvraag namens een bewoner');
    await page.getByLabel('Naam of e-mailadres').fill('Fatima');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('button', { name: `Kies ${server.users.resident.name}` }).click();
    // No regulation's workflow places her postcode in a district: the clerk chooses one.
    await page.getByLabel('Regeling').selectOption(server.regulationId);
    await page.getByRole('button', { name: 'Aanvraag starten' }).click();
    await page.getByText(`U vult deze aanvraag in namens ${server.users.resident.name}.`).waitFor();
    await page.getByLabel('Naam van uw initiatief').fill('Bankjes voor de Tarwewijk');
    await page
      .getByRole('status')
      .filter({ hasText: /Opgeslagen om/ })
      .first()
      .waitFor();

    await page.getByRole('link', { name: 'Aanvraag namens bewoner' }).click();
    await expectHeading(page, 'Aanvraag namens een bewoner');
    await page.getByLabel('Kenmerk, naam, of postcode en huisnummer').fill('El Amrani');
    await page.getByRole('button', { name: 'Aanvraag vinden' }).click();
    const results = page.getByRole('table', { name: 'Gevonden aanvragen' });
    const row = results.getByRole('row', { name: /Bankjes voor de Tarwewijk/ });
    await row.getByRole('cell', { name: server.users.resident.name }).waitFor();
    await checkA11y(page, 'desk-search');

    await row.getByRole('link').click();
    await page.getByText(`U vult deze aanvraag in namens ${server.users.resident.name}.`).waitFor();
    const contact = page.getByRole('region', { name: 'Klantcontact vastleggen' });
    await contact.getByRole('button', { name: 'Contact vastleggen' }).click();
    await contact.getByText('Schrijf kort waarover het contact ging.').first().waitFor();
    await contact.getByLabel('Hoe').selectOption('phone');
    await contact.getByLabel('Waarover').fill('Belde: wil nog een offerte toevoegen.');
    await contact.getByRole('button', { name: 'Contact vastleggen' }).click();
    await page.getByRole('heading', { name: 'Klantcontact: Telefoon' }).waitFor();
    await page.getByText('Belde: wil nog een offerte toevoegen.').waitFor();
    // The clerk is not the applicant: the page speaks of the application, not of "uw aanvraag".
    await page.getByRole('heading', { name: 'Verloop van de aanvraag' }).waitFor();
    await page
      .getByText(`Wil ${server.users.resident.name} deze aanvraag niet meer?`, { exact: false })
      .waitFor();
    expect(await page.getByText('Wilt u deze aanvraag niet meer?', { exact: false }).count()).toBe(
      0,
    );
    await checkA11y(page, 'desk-contact');
    await logout(page);
  });
});

describe('claims and the approver', () => {
  it('a claimed case is taken over explicitly, and the approver sees the proposal waiting', async () => {
    const app = await submittedApplication('Buurtbarbecue Spangen');
    const assessor = await apiAs(server.users.assessor.email);
    await assessor('POST', `/api/applications/${app.id}/claim`);

    await login(page, server.url, assessor2.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${app.id}`);
    const takeOver = page.getByRole('region', { name: 'Aanvraag overnemen' });
    await takeOver
      .getByText(`${server.users.assessor.name} behandelt deze aanvraag.`, { exact: false })
      .waitFor();
    await checkA11y(page, 'case-claimed-by-other');
    await takeOver.getByLabel('Reden van overnemen (optioneel)').fill('Anouk is met verlof');
    await takeOver.getByRole('button', { name: 'Aanvraag overnemen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `U behandelt ${app.reference} nu` })
      .waitFor();
    await page
      .getByRole('heading', { name: `Overgenomen van ${server.users.assessor.name}` })
      .waitFor();
    await page.getByText('Anouk is met verlof').waitFor();

    // Meanwhile Anouk takes it back; this page still says it is ours. Sending is refused, and
    // the page then shows who has the case now, the refusal kept beside the form.
    const takeBack = await assessor('POST', `/api/applications/${app.id}/take-over`, {});
    expect(takeBack).toBeTruthy();
    const assess = page.getByRole('region', { name: 'Beoordelen' });
    await assess.getByRole('radio', { name: 'Verlenen' }).check();
    await assess.getByLabel('Motivering').fill('Past in het wijkakkoord.');
    await assess.getByRole('button', { name: 'Beoordelen' }).click();
    await assess.getByRole('alert').first().waitFor();
    await page
      .getByRole('region', { name: 'Aanvraag overnemen' })
      .getByText(`${server.users.assessor.name} behandelt deze aanvraag.`, { exact: false })
      .waitFor();
    // What was typed is not sent: logging out asks first, while the session still stands.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    const leave = page.getByRole('alertdialog', { name: 'Pagina verlaten?' });
    await leave.getByRole('button', { name: 'Op deze pagina blijven' }).click();
    expect(await assess.getByLabel('Motivering').inputValue()).toBe('Past in het wijkakkoord.');
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await leave.getByRole('button', { name: 'Pagina verlaten' }).click();
    await page.getByRole('heading', { level: 1, name: 'U bent uitgelogd' }).waitFor();

    const second = await apiAs(assessor2.email);
    await second('POST', `/api/applications/${app.id}/take-over`, { reason: 'Terug van verlof' });
    await second('POST', `/api/applications/${app.id}/events`, {
      type: 'ASSESS',
      payload: { recommendation: 'grant', motivation: 'Intern advies: past in het wijkakkoord.' },
    });

    await login(page, server.url, server.users.approver.email, PASSWORD);
    await page.getByRole('link', { name: 'Te beslissen' }).click();
    await expectHeading(page, 'Te beslissen');
    const table = page.getByRole('table', { name: 'Voorstellen die wachten op een besluit' });
    const row = table.getByRole('row', { name: new RegExp(app.reference) });
    await row.getByRole('cell', { name: assessor2.name }).waitFor();
    await row.getByRole('cell', { name: server.users.resident.name }).waitFor();
    await checkA11y(page, 'approvals');
    // An approver never claims: the case page offers no claim button.
    await row.getByRole('link', { name: app.reference }).click();
    await page.getByRole('heading', { level: 1, name: 'Buurtbarbecue Spangen' }).waitFor();
    expect(await page.getByRole('button', { name: 'Oppakken' }).count()).toBe(0);
    await logout(page);
  });
});

describe('supporters', () => {
  it('a resident invites, a supporter confirms from the mail, the clerk records paper, the assessor sees the table', async () => {
    const resident = await apiAs(server.users.resident.email);
    const app = await resident('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: { ...demoFormData(server.deps.clock()), title: 'Geveltuinen Oude Westen' },
    });

    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${app.id}`);
    const panel = page.getByRole('region', { name: 'Ondersteuners uit de buurt' });
    // The workflow's own rule, in words.
    await panel.getByText('Er zijn minstens 4 ondersteuners van 12 jaar of ouder nodig.').waitFor();
    await panel.getByRole('button', { name: 'Toevoegen' }).click();
    await panel.getByText('Vul de naam van de ondersteuner in.').first().waitFor();
    await panel.getByLabel('Naam').fill('Jan Buur');
    await panel.getByLabel('E-mailadres').fill('jan.buur@example.org');
    await panel.getByRole('button', { name: 'Toevoegen' }).click();
    await panel.getByText('Jan Buur krijgt een e-mail met een link en een code.').waitFor();
    await panel.getByRole('cell', { name: /Nog niet bevestigd/ }).waitFor();
    await checkA11y(page, 'supporters-resident');
    await logout(page);

    // As Jan got it: the outbox keeps neither the link nor the code once the mail is sent.
    const mail = await mailedTo(
      server,
      'jan.buur@example.org',
      /(http\S+\/steunen\?token=[A-Za-z0-9_-]+)/,
    );
    const link = mail.match[1]!;
    const code = /Uw code: (\d{6})/.exec(mail.text)![1]!;
    await page.context().clearCookies();
    await page.goto(link);
    await expectHeading(page, 'Steunt u dit initiatief?', false);
    await page.getByText('Geveltuinen Oude Westen').waitFor();
    await checkA11y(page, 'supporter-confirm');
    await page.getByLabel('Code uit de e-mail').fill('123');
    await page.getByLabel('Postcode').fill('1012 AB');
    await page.getByLabel('Leeftijd').fill('40');
    await page.getByRole('button', { name: 'Ja, ik steun dit initiatief' }).click();
    await page.getByText('Deze code klopt niet.').first().waitFor();
    await page.getByLabel('Code uit de e-mail').fill(code);
    await page.getByRole('button', { name: 'Ja, ik steun dit initiatief' }).click();
    await page.getByText('Dank u wel. Uw steun is bevestigd.').waitFor();

    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${app.id}`);
    const desk = page.getByRole('region', { name: 'Ondersteuners uit de buurt' });
    await desk.getByLabel('Naam').fill('Mevrouw Papier');
    await desk.getByRole('checkbox', { name: /papieren lijst/ }).check();
    await desk.getByLabel('Postcode').fill('3151 AA');
    await desk.getByLabel('Leeftijd').fill('80');
    await desk.getByRole('button', { name: 'Toevoegen' }).click();
    await desk.getByText('De handtekening van Mevrouw Papier is vastgelegd.').waitFor();
    await logout(page);

    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${app.id}`);
    const table = page.getByRole('table', { name: 'Ondersteuners en hoe zij hebben bevestigd' });
    const jan = table.getByRole('row', { name: /Jan Buur/ });
    await jan.getByText('Buiten Rotterdam').waitFor();
    await jan.getByText(/met de code uit de e-mail/).waitFor();
    const paper = table.getByRole('row', { name: /Mevrouw Papier/ });
    await paper.getByText(/op de papieren lijst aan de balie/).waitFor();
    expect(await paper.getByText('Buiten Rotterdam').count()).toBe(0);
    await page.getByText('2 ondersteuners hebben bevestigd.').waitFor();
    await checkA11y(page, 'supporters-assessor');
    await logout(page);
  });
});

describe('authorisation', () => {
  it('a resident authorises a volunteer, who then acts on her behalf under her own account', async () => {
    const resident = await apiAs(server.users.resident.email);
    const app = await resident('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: { ...demoFormData(server.deps.clock()), title: 'Speeltuin Bloemhof' },
    });
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${app.id}`);
    const panel = page.getByRole('region', { name: 'Iemand machtigen' });
    await panel.getByLabel('E-mailadres van het account van die persoon').fill(helper.email);
    await panel.getByRole('button', { name: 'Machtigen' }).click();
    await panel.getByText(`${helper.name} mag nu namens u handelen.`).waitFor();
    await panel.getByRole('cell', { name: helper.name, exact: true }).waitFor();
    await checkA11y(page, 'authorise');
    await logout(page);

    await login(page, server.url, helper.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${app.id}`);
    await page.getByText(`U vult deze aanvraag in namens ${server.users.resident.name}.`).waitFor();
    await logout(page);
  });
});
