/**
 * Signing in the municipal way in Chromium: a real OpenID provider (oidc-provider) in the test
 * process stands in for the DigiD broker and the municipality's IdP.
 */
import { describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { type Browser, checkA11y, expectHeading } from './browser';
import { setUpOidcBrowser } from './oidc-kit';
import type { TestServer } from './server';

let server: TestServer;
let browser: Browser;

setUpOidcBrowser((rig) => {
  ({ server, browser } = rig);
});

describe('signing in with OpenID Connect in the browser', () => {
  it('a resident signs in with DigiD, completes name and e-mail, and logs out at the provider too', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/inloggen`);
    const digid = page.getByRole('link', { name: 'Inloggen met DigiD' });
    await digid.waitFor();
    await expect(
      page.getByRole('link', { name: 'Inloggen voor medewerkers' }).count(),
    ).resolves.toBe(1);
    await checkA11y(page, 'login-with-oidc');
    await digid.click();

    // The provider's account chooser (the broker's DigiD page in real life).
    await page.getByRole('button', { name: 'Fatima (DigiD)' }).click();
    await expectHeading(page, 'Vul uw gegevens aan', false);
    expect(new URL(page.url()).pathname).toBe('/inloggen/aanvullen');
    await checkA11y(page, 'oidc-complete');
    await page.getByRole('textbox', { name: 'Naam' }).fill('Fatima El Amrani');
    await page.getByRole('textbox', { name: 'E-mailadres' }).fill('fatima.e2e@example.org');
    await page.getByRole('button', { name: 'Opslaan en doorgaan' }).click();
    await expectHeading(page, 'Mijn aanvragen');
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me).toMatchObject({ email: 'fatima.e2e@example.org', roles: ['applicant'] });

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    // The provider asks to confirm, then sends the browser back to our logged-out page.
    await page.getByRole('button', { name: 'Ja, uitloggen' }).click();
    await expectHeading(page, 'U bent uitgelogd', false);
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
  });

  it('someone signs in with DigiD Machtigen and acts for Fatima: "namens" her, under their own name', async () => {
    const { page, context } = browser;
    // Fatima (signed up above) signs in with her own DigiD and starts an application.
    await context.clearCookies();
    await page.goto(`${server.url}/inloggen`);
    await page.getByRole('link', { name: 'Inloggen met DigiD' }).click();
    await page.getByRole('button', { name: 'Fatima (DigiD)' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
    const data = {
      ...demoFormData(server.deps.clock()),
      title: 'Bankjes op het Gravendijkwalplein',
    };
    const created = await page.evaluate(
      async ({ regulationId, data }) => {
        const res = await fetch('/api/applications', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ regulationId, data }),
        });
        return { status: res.status, body: await res.json() };
      },
      { regulationId: server.regulationId, data },
    );
    expect(created.status).toBe(201);

    // Jan signs in with his own DigiD; the broker says he acts for Fatima.
    await context.clearCookies();
    await page.goto(`${server.url}/inloggen?next=/aanvragen`);
    await page.getByRole('link', { name: 'Inloggen met DigiD' }).click();
    await page.getByRole('button', { name: 'Jan namens Fatima (DigiD Machtigen)' }).click();
    await expectHeading(page, 'Mijn aanvragen', false);
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me).toMatchObject({ name: 'Jan de Vries', roles: ['applicant'] });
    // The draft opens in the form, which says for whom he fills it in.
    await page.getByRole('link', { name: 'Bankjes op het Gravendijkwalplein' }).click();
    await page.getByText('U vult deze aanvraag in namens Fatima El Amrani.').waitFor();
    await checkA11y(page, 'oidc-machtigen-form');
    await page.goto(`${server.url}/aanvragen/${created.body.id}`);
    await expectHeading(page, 'Bankjes op het Gravendijkwalplein', false);
    await page.getByText('U vult deze aanvraag in namens Fatima El Amrani.').waitFor();
    await page.getByRole('heading', { name: 'Jan de Vries gemachtigd' }).waitFor();
    await checkA11y(page, 'oidc-machtigen-application');

    // He sends it from the form's last page; the outcome names her application, not "uw".
    await page.goto(`${server.url}/aanvragen/${created.body.id}/bewerken/controleren`);
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await page
      .getByText('Gelukt: u heeft namens Fatima El Amrani de stap ‘Indienen’ gedaan.')
      .waitFor();
    await page.getByText(/^Het kenmerk van de aanvraag van Fatima El Amrani is BI-/).waitFor();
    expect(await page.getByText('Het kenmerk van uw aanvraag').count()).toBe(0);
    // What he does is recorded as his, on her behalf.
    const history = await page.evaluate(
      async (id) => (await (await fetch(`/api/applications/${id}/history`)).json()).items,
      created.body.id as string,
    );
    const submit = history.find((h: { event: string }) => h.event === 'SUBMIT');
    expect(submit).toMatchObject({ actor: { id: me.id }, onBehalfOf: created.body.applicantId });
    // Sent: nothing is filled in any more, so the page no longer says so.
    await page.reload();
    await page
      .getByText('Dit is de aanvraag van Fatima El Amrani. U handelt namens deze bewoner.')
      .waitFor();
    expect(await page.getByText('U vult deze aanvraag in namens').count()).toBe(0);

    // Every page says for whom he acts, and what he starts in this session is hers.
    await page
      .getByText(
        'U bent ingelogd met DigiD Machtigen en handelt namens Fatima El Amrani: wat u hier aanvraagt of wijzigt, doet u voor Fatima El Amrani.',
      )
      .waitFor();
    await page.goto(`${server.url}/regelingen`);
    await page.getByRole('button', { name: 'Aanvraag starten' }).first().click();
    await page.getByText('U vult deze aanvraag in namens Fatima El Amrani.').waitFor();
    await checkA11y(page, 'oidc-machtigen-new-application');
    const started = new URL(page.url()).pathname.split('/')[2]!;
    const mine = await page.evaluate(
      async (id) => (await (await fetch(`/api/applications/${id}`)).json()).applicantId,
      started,
    );
    expect(mine).toBe(created.body.applicantId);
    await context.clearCookies();
  });

  it('a staff member signs in through the IdP and lands on the page asked for, with the mapped role', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/inloggen?next=/werkvoorraad`);
    await page.getByRole('link', { name: 'Inloggen voor medewerkers' }).click();
    await page.getByRole('button', { name: 'Anouk (behandelaar)' }).click();
    await expectHeading(page, 'Werkvoorraad', false);
    expect(new URL(page.url()).pathname).toBe('/werkvoorraad');
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me).toMatchObject({ email: 'anouk@rotterdam.example', roles: ['assessor'] });
  });

  it('a staff member who asked for no page lands on their own home, not the resident start page', async () => {
    const { page, context } = browser;
    await context.clearCookies();
    await page.goto(`${server.url}/inloggen`);
    await page.getByRole('link', { name: 'Inloggen voor medewerkers' }).click();
    await page.getByRole('button', { name: 'Anouk (behandelaar)' }).click();
    await expectHeading(page, 'Werkvoorraad', false);
    expect(new URL(page.url()).pathname).toBe('/werkvoorraad');
  });

  it('refuses a staff member whose groups map to no role, with a clear page', async () => {
    const { page, context } = browser;
    await context.clearCookies();
    await page.goto(`${server.url}/inloggen`);
    await page.getByRole('link', { name: 'Inloggen voor medewerkers' }).click();
    await page.getByRole('button', { name: 'Stagiair (geen rol)' }).click();
    await expectHeading(page, 'U heeft geen toegang', false);
    await page.getByRole('alert').filter({ hasText: 'geeft geen toegang' }).waitFor();
    await checkA11y(page, 'oidc-refused-no-role');
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
  });
});
