/**
 * No English sentence in the Dutch UI (issue 17): a refusal reads from the web's catalogue and the
 * fields' reasons in the user's language, never the problem's English `detail`. The budget ceiling
 * names the amount and what it is counted against, in Dutch money.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { apiAs } from './api-as';
import { checkA11y, expectHeading, login } from './browser';
import { setUpBrowserTest } from './kit';
import { PASSWORD, type TestServer } from './server';

let server: TestServer;
let page: Page;

setUpBrowserTest((started) => {
  ({ server, page } = started);
});

describe('refusals in Dutch', () => {
  it('the budget ceiling: the approver reads both amounts in Dutch, no English detail', async () => {
    const resident = await apiAs(server, server.users.resident.email);
    const app = await resident('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: {
        ...demoFormData(server.deps.clock(), { amountsCents: [60_000] }),
        title: 'Buurtmoestuin',
      },
    });
    await resident('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });
    const assessor = await apiAs(server, server.users.assessor.email);
    await assessor('POST', `/api/applications/${app.id}/events`, {
      type: 'ASSESS',
      payload: { recommendation: 'grant', motivation: 'Past bij het wijkakkoord.' },
    });
    // Meanwhile the council lowered the ceiling: € 250,00 is left of it.
    await server.deps.db
      .updateTable('regulations')
      .set({ ceiling_cents: 25_000 })
      .where('id', '=', server.regulationId)
      .execute();

    const english: string[] = [];
    page.on('response', async (r) => {
      if (r.status() === 409 && r.url().includes('/events')) english.push((await r.json()).detail);
    });
    await login(page, server.url, server.users.approver.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${app.id}`);
    await expectHeading(page, 'Buurtmoestuin', false);
    const grant = page.getByRole('region', { name: 'Verlenen' });
    await grant.getByLabel('Motivering').fill('Het initiatief brengt de straat samen.');
    await grant.getByRole('button', { name: 'Verlenen' }).click();
    await grant.getByRole('button', { name: 'Ja, bevestigen' }).click();
    // The refusal, not the question asked before sending (also an alert, gone once answered).
    const alert = grant.getByRole('alert').filter({ hasNotText: 'Weet u het zeker?' });
    await alert.waitFor();
    // € 250,00 is left: the ceiling is not reached, the amount is more than what is left. Said
    // at the amount's field, named by its label (staff-walk-refusals.test.ts).
    await alert
      .getByRole('link', {
        name: '“Te verlenen bedrag”: Het bedrag (€ 600,00) is hoger dan wat er van het budget van de regeling nog over is (€ 250,00).',
        exact: true,
      })
      .waitFor();
    // The API did say it in English, for developers: none of that reaches the page.
    expect(english).toHaveLength(1);
    expect(english[0]).toContain('Awb 4:25');
    const shown = (await page.getByRole('main').textContent()) ?? '';
    expect(shown).not.toContain(english[0]!);
    expect(shown).not.toMatch(/remaining budget|The amount|is more than|Budget exceeded/);
    await checkA11y(page, 'budget-ceiling-nl');
    page.removeAllListeners('response');
  });

  it('a character that cannot be stored: refused in Dutch, named by its field', async () => {
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await expectHeading(page, 'Mijn aanvragen');
    await page.getByRole('link', { name: 'Subsidieregelingen' }).first().click();
    await page.getByRole('button', { name: 'Aanvraag starten' }).first().click();
    await expectHeading(page, /Stap 1 van/);
    // Pasted from elsewhere, with a NUL character inside: PostgreSQL cannot store it.
    await page.getByLabel('Naam van uw initiatief').fill('Buurt\u0000feest');
    await page.getByLabel('Naam van uw initiatief').blur();
    const refused = page.getByRole('alert').filter({ hasText: 'niet opgeslagen' });
    await refused.waitFor();
    const shown = await refused.textContent();
    expect(shown).toContain(
      'Naam van uw initiatief: bevat een teken dat niet kan worden opgeslagen',
    );
    expect(shown).not.toMatch(/NUL character|contains|Laad de pagina opnieuw/);
    await checkA11y(page, 'unstorable-character-nl');
    // Typed again without it, the draft saves.
    await page.getByLabel('Naam van uw initiatief').fill('Buurtfeest');
    await page.getByLabel('Naam van uw initiatief').blur();
    await page.getByText(/Opgeslagen om/).waitFor();
    expect(await refused.count()).toBe(0);
  });

  it('a letter opened from its link without a session: the login page, then the letter', async () => {
    const resident = await apiAs(server, server.users.resident.email);
    const app = await resident('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: { ...demoFormData(server.deps.clock()), title: 'Buurtbibliotheek' },
    });
    await resident('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });
    const letter = await server.deps.db
      .selectFrom('documents')
      .select('id')
      .where('application_id', '=', app.id)
      .executeTakeFirstOrThrow();
    // The link as a mail or a letter gives it, opened with no one logged in.
    await page.context().clearCookies();
    const link = `/api/documents/${letter.id}?format=html`;
    await page.goto(`${server.url}${link}`);
    await expectHeading(page, 'Inloggen', false);
    expect(await page.locator('body').textContent()).not.toMatch(/unauthenticated|Not logged in/);
    await page.getByRole('textbox', { name: 'E-mailadres' }).fill(server.users.resident.email);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL((url) => url.pathname + url.search === link);
    expect(await page.locator('body').textContent()).toContain(app.reference);
  });
});
