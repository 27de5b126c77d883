/**
 * Found walking the staff journeys through a case: the decision's last day stood there as final
 * while the term stood still for a supplement; an advance above the grant was refused only by the
 * server, after a confirmation that named the grant but not what was paid out; the print queue
 * said "pdf" where the case page says "PDF"; and after the conflict warning's "Laad opnieuw" focus
 * fell back to the page's start, without a word that the case was reloaded (and when a colleague
 * had taken the step meanwhile, its form went with the reload and the focus to the page's body).
 */
import { formatDate } from '@initiatief/engine';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData, onlyFormFields } from '../../api/src/applications/applications.fixtures';
import { loadDefinition } from '../../api/src/definitions/definitions.repository';
import { createUser } from '../../api/src/test/test-app';
import { type ApiAs, apiAs } from './api-as';
import { checkA11y, expectHeading, login } from './browser';
import { setUpBrowserTest } from './kit';
import { PASSWORD, type TestServer } from './server';
import { newestShippedVersion } from './versions';

let server: TestServer;
let page: Page;
// The newest shipped version: its grant can pay an advance with the decision.
const NEWEST = await newestShippedVersion('bewonersinitiatief');

setUpBrowserTest(
  (started) => {
    ({ server, page } = started);
  },
  {
    seed: async (s) => {
      await s.deps.db
        .updateTable('regulations')
        .set({ workflow_version: NEWEST })
        .where('id', '=', s.regulationId)
        .execute();
    },
  },
);

/** A submitted application of the resident's, for `amountsCents`. */
async function submitted(title: string, amountsCents?: number[]) {
  const resident = await apiAs(server, server.users.resident.email);
  const definition = await loadDefinition(server.deps.db, 'bewonersinitiatief', NEWEST);
  const data = demoFormData(server.deps.clock(), { amountsCents });
  const app = await resident('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: { ...onlyFormFields(definition, data), title },
  });
  expect(app.definition.version).toBe(NEWEST);
  await resident('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });
  return app as { id: string; reference: string };
}

/** What has focus: its tag, id and text, enough to say where a keyboard user is. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName, id: el?.id ?? '', text: el?.textContent?.trim() ?? '' };
  });

/** Text as read: money's non-breaking space as a space. */
const said = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');

describe('the case page', () => {
  it('while the term stands still, the decision’s day says it stands still and moves on', async () => {
    const app = await submitted('Buurtbieb Oude Westen');
    const assessor: ApiAs = await apiAs(server, server.users.assessor.email);
    const requestedOn = server.today();
    await assessor('POST', `/api/applications/${app.id}/events`, {
      type: 'REQUEST_INFO',
      payload: { message: 'Stuur de offerte van de kasten mee.', periodDays: 14 },
    });
    // Three days later the supplement has not come: the term stood still for those days.
    server.advanceDays(3);
    try {
      await login(page, server.url, server.users.assessor.email, PASSWORD);
      await page.goto(`${server.url}/behandeling/${app.id}`);
      await expectHeading(page, 'Buurtbieb Oude Westen', false);
      const dates = page.getByRole('region', { name: 'Belangrijke data' });
      const decision = dates
        .locator('.utrecht-data-list__item')
        .filter({ hasText: 'Uiterlijk besluit' });
      const value = decision.locator('.utrecht-data-list__item-value');
      const since = `Staat stil sinds het verzoek om aanvulling van ${formatDate(requestedOn, 'nl')}`;
      // The day itself is not what stands out: that the term stands still is.
      expect((await value.locator('strong').textContent())?.trim()).toBe(since);
      const text = (await value.textContent()) ?? '';
      expect(text).toContain('klok 3 dagen stilgezet');
      expect(text).toContain('Die dag schuift op met elke dag dat de termijn stilstaat');
      await checkA11y(page, 'case-decision-suspended');
    } finally {
      server.advanceDays(-3);
    }
  });

  it('an advance above the grant is said at its field at once; the question names what is paid', async () => {
    const app = await submitted('Zomerfeest Tarwewijk', [80_000]);
    const assessor: ApiAs = await apiAs(server, server.users.assessor.email);
    await assessor('POST', `/api/applications/${app.id}/events`, {
      type: 'ASSESS',
      payload: { recommendation: 'grant', motivation: 'Brengt de wijk samen.' },
    });
    await login(page, server.url, server.users.approver.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${app.id}`);
    await expectHeading(page, 'Zomerfeest Tarwewijk', false);
    const grant = page.getByRole('region', { name: 'Verlenen' });
    await grant.getByLabel('Te verlenen bedrag').fill('600');
    const advance = grant.getByLabel('Bedrag van het voorschot');
    await advance.fill('700');
    await grant.getByLabel('Motivering').fill('Het decor betaalt de buurt zelf.');
    await grant.getByRole('button', { name: 'Verlenen' }).click();

    // Refused before any confirmation is asked, at the advance's field, with both amounts.
    const sentence =
      '“Bedrag van het voorschot” (€ 700,00) is hoger dan het te verlenen bedrag (€ 600,00).';
    await grant.getByText(sentence).first().waitFor();
    expect(await advance.getAttribute('aria-invalid')).toBe('true');
    expect(await grant.getByRole('button', { name: 'Ja, bevestigen' }).count()).toBe(0);

    // Within the grant: the question names the grant and the advance paid out with it.
    await advance.fill('200');
    await grant.getByRole('button', { name: 'Verlenen' }).click();
    const question = grant.getByRole('alert').filter({ hasText: 'Weet u het zeker?' });
    await question.waitFor();
    expect(said(await question.textContent())).toContain(
      'Verlenen: € 600,00, waarvan nu € 200,00 als voorschot wordt uitbetaald.',
    );
    await checkA11y(page, 'case-grant-advance-question');
    await grant.getByRole('button', { name: 'Ja, bevestigen' }).click();
    await page.getByRole('status').filter({ hasText: 'De subsidie is verleend' }).waitFor();

    // A later advance: € 400,00 of the grant is not paid yet.
    const pay = page.getByRole('region', { name: 'Voorschot betalen' });
    const amount = pay.getByLabel('Bedrag van het voorschot');
    await amount.fill('500');
    await pay.getByRole('button', { name: 'Voorschot betalen' }).click();
    await pay
      .getByText(
        '“Bedrag van het voorschot” (€ 500,00) is hoger dan het deel van de verlening dat nog niet is betaald (€ 400,00).',
      )
      .first()
      .waitFor();
    expect(await pay.getByRole('button', { name: 'Ja, bevestigen' }).count()).toBe(0);
    await amount.fill('150');
    await pay.getByRole('button', { name: 'Voorschot betalen' }).click();
    const payQuestion = pay.getByRole('alert').filter({ hasText: 'Weet u het zeker?' });
    await payQuestion.waitFor();
    expect(said(await payQuestion.textContent())).toContain(
      'Voorschot betalen: € 150,00 wordt uitbetaald.',
    );
    await pay.getByRole('button', { name: 'Ja, bevestigen' }).click();
    await page.getByRole('status').filter({ hasText: 'Het voorschot is betaald' }).waitFor();
  });

  it('after a conflict (412), "Laad opnieuw" puts focus on the form and says it was reloaded', async () => {
    const app = await submitted('Speeltuin Bloemhof');
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${app.id}`);
    await expectHeading(page, 'Speeltuin Bloemhof', false);
    const ask = page.getByRole('region', { name: 'Om aanvulling vragen' });
    await ask.getByLabel('Gevraagde aanvulling').fill('Stuur een tekening van de speeltuin mee.');
    // Changed meanwhile, in another tab (the page still holds the old version).
    await server.touch(app.id);
    await ask.getByRole('button', { name: 'Om aanvulling vragen' }).click();
    const warning = ask
      .getByRole('alert')
      .filter({ hasText: 'Iemand anders heeft deze aanvraag gewijzigd' });
    await warning.waitFor();
    await warning.getByRole('button', { name: 'Laad opnieuw' }).click();
    await ask
      .getByRole('status')
      .filter({ hasText: 'De aanvraag is opnieuw geladen zoals die nu is.' })
      .waitFor();
    expect(await warning.count()).toBe(0);
    // Focus is on the form's heading, not back at the page's start.
    await expect.poll(focused).toMatchObject({ tag: 'H3', text: 'Om aanvulling vragen' });
    expect(await ask.getByLabel('Gevraagde aanvulling').inputValue()).toBe(
      'Stuur een tekening van de speeltuin mee.',
    );
    await checkA11y(page, 'case-reloaded');
    // Sent again, it goes through, and the word about the reload goes.
    await ask.getByRole('button', { name: 'Om aanvulling vragen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Het verzoek om aanvulling is verstuurd' })
      .first()
      .waitFor();
  });
  it('after a conflict, when a colleague took the step meanwhile, "Laad opnieuw" says so where focus goes', async () => {
    const app = await submitted('Moestuin Afrikaanderwijk');
    const colleague = { email: 'bram.behandelaar@example.test', name: 'Bram Behandelaar' };
    await createUser(server.deps.db, { roles: ['assessor'], ...colleague, password: PASSWORD });
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${app.id}`);
    await expectHeading(page, 'Moestuin Afrikaanderwijk', false);
    const ask = page.getByRole('region', { name: 'Om aanvulling vragen' });
    await ask.getByLabel('Gevraagde aanvulling').fill('Stuur de offerte van de plantenbakken mee.');
    // The colleague, in a session of his own, asks for the supplement first.
    const bram = await apiAs(server, colleague.email);
    await bram('POST', `/api/applications/${app.id}/events`, {
      type: 'REQUEST_INFO',
      payload: { message: 'Stuur een begroting mee.', periodDays: 14 },
    });
    await ask.getByRole('button', { name: 'Om aanvulling vragen' }).click();
    const warning = ask
      .getByRole('alert')
      .filter({ hasText: 'Iemand anders heeft deze aanvraag gewijzigd' });
    await warning.waitFor();
    await warning.getByRole('button', { name: 'Laad opnieuw' }).click();
    // The step is gone with the reload; the focus is not: it is on the sentence that says so, in
    // the page's status region, with why in words.
    await ask.waitFor({ state: 'detached' });
    const sentence =
      'U kunt ‘Om aanvulling vragen’ niet meer doen. Intussen heeft Bram Behandelaar ‘Om aanvulling gevraagd’ vastgelegd. De aanvraag is nu: Aanvulling gevraagd.';
    await expect
      .poll(() =>
        page.evaluate(() => {
          const el = document.activeElement;
          const region = el?.closest('[role="status"]');
          return region ? `${el?.tagName} in status: ${el?.textContent}` : el?.tagName;
        }),
      )
      .toBe(`DIV in status: ${sentence}`);
    await checkA11y(page, 'case-step-gone');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page
      .getByRole('status')
      .filter({
        hasText:
          'You can no longer do ‘Request information’. Meanwhile Bram Behandelaar recorded ‘More information requested’. The application is now: Information requested.',
      })
      .waitFor();
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
  });
});
