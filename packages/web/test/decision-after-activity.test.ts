/**
 * Issue 19, finding 10: an application whose decision may come after its activity is flagged
 * in the queue with words, and the resident reads on the application page what that means;
 * staff read it on the case page about the applicant's activity, not about "uw activiteit".
 * Granted before its activity, the resident reads from when (and by when) to report. Counts
 * the resident typed read with a thousands separator ("1.200", "1,200"). On the newest shipped
 * version, staff read the answers under the pages' titles for staff ("Het initiatief") and by the
 * questions' labels for staff ("Naam van het initiatief"), the resident under and by her own
 * ("Uw initiatief", "Naam van uw initiatief"); the desk fills in the form by them too.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData, onlyFormFields } from '../../api/src/applications/applications.fixtures';
import {
  newestShipped,
  readShippedDefinitions,
} from '../../api/src/definitions/definitions.repository';
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
import { delfshavenRegulationOn } from './fixtures';
import { httpApi } from './kit';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;
let page: Page;
const ids: Record<'late' | 'inTime' | 'ahead', { id: string; reference: string }> = {
  late: { id: '', reference: '' },
  inTime: { id: '', reference: '' },
  ahead: { id: '', reference: '' },
};
/**
 * An application on the newest shipped version, whose first page has a title for staff and whose
 * first question a label for staff; and a draft on it that the desk started for the resident.
 */
let onNewest = '';
let deskDraft = '';
const NEWEST_TITLE = 'Speeltuinfeest Spangen';

/** A calendar date as the Dutch or English page writes it ("14 april 2026"). */
const inWords = (date: string, locale: 'nl' | 'en') =>
  new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));

screenshotOnFailure(() => page);

const api = httpApi(() => server);

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser();
  page = browser.page;
  const { res } = await api('/auth/login', {
    method: 'POST',
    body: { email: server.users.resident.email, password: PASSWORD },
  });
  const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  // Six weeks ahead falls before the end of an eight-week decision term; ten weeks does not.
  for (const [key, weeksAhead, title, participants] of [
    ['late', 6, 'Buurtbarbecue Bospolder', 1200],
    ['inTime', 10, 'Straatfeest Tussendijken', 120],
    ['ahead', 12, 'Buitenbioscoop Schiemond', 120],
  ] as const) {
    const created = await api('/applications', {
      method: 'POST',
      cookie,
      body: {
        regulationId: server.regulationId,
        data: demoFormData(server.deps.clock(), { weeksAhead, title, participants }),
      },
    });
    const submitted = await api(`/applications/${created.json.id}/events`, {
      method: 'POST',
      cookie,
      body: { type: 'SUBMIT' },
    });
    ids[key] = { id: submitted.json.id, reference: submitted.json.reference };
  }
  const newest = newestShipped(await readShippedDefinitions(), 'bewonersinitiatief')!;
  const regulationId = await delfshavenRegulationOn(
    server.deps.db,
    'BI-DELFSHAVEN-2026-NEWEST',
    newest,
  );
  const created = await api('/applications', {
    method: 'POST',
    cookie,
    body: {
      regulationId,
      data: onlyFormFields(
        newest,
        demoFormData(server.deps.clock(), { weeksAhead: 10, title: NEWEST_TITLE }),
      ),
    },
  });
  await api(`/applications/${created.json.id}/events`, {
    method: 'POST',
    cookie,
    body: { type: 'SUBMIT' },
  });
  onNewest = created.json.id;
  const { res: clerkLogin } = await api('/auth/login', {
    method: 'POST',
    body: { email: server.users.clerk.email, password: PASSWORD },
  });
  const draft = await api('/applications', {
    method: 'POST',
    cookie: clerkLogin.headers.getSetCookie()[0]!.split(';')[0]!,
    body: { regulationId, applicantId: server.users.resident.id, data: {} },
  });
  deskDraft = draft.json.id;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a decision that may come after the activity', () => {
  it('is flagged with words in the queue, only on that application', async () => {
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await expectHeading(page, 'Werkvoorraad');
    const row = (reference: string) =>
      page.getByRole('row').filter({ has: page.getByRole('link', { name: reference }) });
    await row(ids.late.reference).waitFor();
    await expect(
      row(ids.late.reference).getByText('Besluit pas na de activiteit').count(),
    ).resolves.toBe(1);
    await expect(
      row(ids.inTime.reference).getByText('Besluit pas na de activiteit').count(),
    ).resolves.toBe(0);
    await checkA11y(page, 'queue-decision-after-activity');

    await page.getByRole('button', { name: 'English' }).click();
    await row(ids.late.reference).getByText('Decision only after the activity').waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await logout(page);
  });

  it('tells staff on the case page about the applicant’s activity, not “uw activiteit”', async () => {
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${ids.late.id}`);
    await expectHeading(page, 'Buurtbarbecue Bospolder', false);
    const warning = page.locator('.app-warning');
    await warning
      .getByText('Het besluit kan pas na de activiteit van de aanvrager komen.')
      .waitFor();
    await warning
      .getByText('Kosten die de aanvrager maakt voordat het besluit er is', { exact: false })
      .waitFor();
    expect(await warning.textContent()).toContain('na de activiteit van de aanvrager op');
    expect(await warning.textContent()).not.toMatch(/\b(uw|u)\b/);
    // The number of participants the resident typed, with a thousands separator.
    await page.getByText('1.200', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await warning.getByText("The decision may only come after the applicant's activity.").waitFor();
    expect(await warning.textContent()).toContain("after the applicant's activity on");
    expect(await warning.textContent()).not.toMatch(/\b(your|you)\b/i);
    await page.getByText('1,200', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await logout(page);
  });

  it('tells the resident on the application page what it means', async () => {
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${ids.late.id}`);
    await expectHeading(page, 'Buurtbarbecue Bospolder', false);
    const warning = page.getByText('Het besluit kan pas na uw activiteit komen.');
    await warning.waitFor();
    await page
      .getByText('Kosten die u maakt voordat u het besluit heeft, zijn voor uw eigen risico.', {
        exact: false,
      })
      .waitFor();
    await checkA11y(page, 'application-decision-after-activity');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('The decision may only come after your activity.').waitFor();
    await page
      .getByText('Costs you make before you have the decision are at your own risk.', {
        exact: false,
      })
      .waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();

    await page.goto(`${server.url}/aanvragen/${ids.inTime.id}`);
    await expectHeading(page, 'Straatfeest Tussendijken', false);
    await expect(
      page.getByText('Het besluit kan pas na uw activiteit komen.').count(),
    ).resolves.toBe(0);
    await logout(page);
  });
});

describe('the form’s pages and questions, for whoever reads them', () => {
  const heading = (name: string) => page.getByRole('heading', { level: 3, name, exact: true });
  /** A question's label beside its answer. */
  const label = (name: string) => page.getByRole('main').getByText(name, { exact: true });

  it('are headed for staff on the case page, and for the resident on her own page', async () => {
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${onNewest}`);
    await expectHeading(page, NEWEST_TITLE, false);
    await heading('Het initiatief').waitFor();
    await expect(heading('Uw initiatief').count()).resolves.toBe(0);
    await label('Naam van het initiatief').waitFor();
    await expect(label('Naam van uw initiatief').count()).resolves.toBe(0);
    // A page without a title for staff keeps its title, a question without a label for staff
    // its label.
    await heading('Begroting').waitFor();
    await label('IBAN-rekeningnummer').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await heading('The initiative').waitFor();
    await expect(heading('Your initiative').count()).resolves.toBe(0);
    await label('Name of the initiative').waitFor();
    await expect(label('Name of your initiative').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await logout(page);

    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${onNewest}`);
    await expectHeading(page, NEWEST_TITLE, false);
    await heading('Uw initiatief').waitFor();
    await expect(heading('Het initiatief').count()).resolves.toBe(0);
    await label('Naam van uw initiatief').waitFor();
    await expect(label('Naam van het initiatief').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    await heading('Your initiative').waitFor();
    await label('Name of your initiative').waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await logout(page);
  });

  it('are asked by their labels for staff when the desk fills in the form for the resident', async () => {
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${deskDraft}/bewerken`);
    await expectHeading(page, /^Stap 1 van \d+: Het initiatief$/, false);
    const title = page.getByRole('textbox', { name: 'Naam van het initiatief', exact: true });
    await title.waitFor();
    await expect(page.getByLabel('Naam van uw initiatief', { exact: true }).count()).resolves.toBe(
      0,
    );
    // The error names the question as its box does.
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is iets niet goed ingevuld' });
    await summary.getByRole('link', { name: 'Naam van het initiatief ontbreekt.' }).waitFor();
    await logout(page);
  });
});

describe('a grant before the activity', () => {
  it('tells the resident from when and by when to report, in words', async () => {
    const assessor = await apiAs(server, server.users.assessor.email);
    const approver = await apiAs(server, server.users.approver.email);
    const path = `/api/applications/${ids.ahead.id}`;
    await assessor('POST', `${path}/events`, {
      type: 'ASSESS',
      payload: { recommendation: 'grant', motivation: 'Goed plan.' },
    });
    await approver('POST', `${path}/events`, { type: 'GRANT', payload: {} });
    const detail = await assessor('GET', path);
    const activityOn = detail.clock.activityOn as string;
    const reportDue = (detail.deadlines as { key: string; date: string }[]).find(
      (d) => d.key === 'report',
    )!.date;
    expect(activityOn > server.today()).toBe(true);

    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${ids.ahead.id}`);
    await expectHeading(page, 'Buitenbioscoop Schiemond', false);
    // The step's name is the definition's; it cannot be taken yet, so it has no button.
    const later = page.getByRole('region', { name: 'Verantwoording indienen' });
    await later
      .getByText(
        `U kunt de verantwoording sturen vanaf ${inWords(activityOn, 'nl')}, de dag van uw activiteit.`,
        { exact: false },
      )
      .waitFor();
    await later
      .getByText(
        `De verantwoording moet uiterlijk ${inWords(reportDue, 'nl')} bij de gemeente binnen zijn.`,
        { exact: false },
      )
      .waitFor();
    await expect(later.getByRole('button').count()).resolves.toBe(0);
    await checkA11y(page, 'application-report-later');

    await page.getByRole('button', { name: 'English' }).click();
    const english = page.getByRole('region', { name: 'Submit final report' });
    await english
      .getByText(`You can send your final report from ${inWords(activityOn, 'en')}`, {
        exact: false,
      })
      .waitFor();
    await english
      .getByText(`must reach the municipality by ${inWords(reportDue, 'en')}.`, { exact: false })
      .waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await logout(page);
  });
});
