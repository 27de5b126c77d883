/**
 * What staff read in their lists without opening each case: the approver's "Te beslissen" shows
 * what the assessor proposed, labelled by the definition the application is pinned to; the work
 * queue gives a granted case its next deadline; the supporters panel counts the supporters
 * that count, also while the application waits for information.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { type ApiAs, apiAs } from './api-as';
import {
  type Browser,
  checkA11y,
  expectHeading,
  login,
  logout,
  openBrowser,
  screenshotOnFailure,
} from './browser';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;
let page: Page;
let resident: ApiAs;
let assessor: ApiAs;
let approver: ApiAs;

screenshotOnFailure(() => page);

beforeAll(async () => {
  server = await startTestServer();
  resident = await apiAs(server, server.users.resident.email);
  assessor = await apiAs(server, server.users.assessor.email);
  approver = await apiAs(server, server.users.approver.email);
  browser = await openBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function submitted(title: string, amountsCents?: number[]) {
  const app = await resident('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: { ...demoFormData(server.deps.clock(), { amountsCents }), title },
  });
  await resident('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });
  return app as { id: string; reference: string };
}

const event = (as: ApiAs, id: string, type: string, payload?: unknown) =>
  as(
    'POST',
    `/api/applications/${id}/events`,
    payload === undefined ? { type } : { type, payload },
  );

const rowOf = (reference: string) =>
  page.getByRole('row').filter({ has: page.getByRole('link', { name: reference }) });

describe("the approver's list", () => {
  it('shows the advice and the proposed amount in money, in Dutch and English', async () => {
    const app = await submitted('Buurtfeest Nieuwe Westen', [100_000, 25_000]);
    await event(assessor, app.id, 'ASSESS', {
      recommendation: 'grant',
      amountCents: 125_000,
      motivation: 'Past in het wijkakkoord.',
    });

    await login(page, server.url, server.users.approver.email, PASSWORD);
    await page.getByRole('link', { name: 'Te beslissen' }).click();
    await expectHeading(page, 'Te beslissen');
    const table = page.getByRole('table', { name: 'Voorstellen die wachten op een besluit' });
    await table.getByRole('columnheader', { name: 'Voorstel' }).waitFor();
    const row = table.getByRole('row').filter({ hasText: app.reference });
    await row.getByText('Advies: Verlenen').waitFor();
    await row.getByText('Voorgesteld bedrag: € 1.250,00').waitFor();
    await row.getByText('Past in het wijkakkoord.').waitFor();
    // Words and money, never the codes or the cents the API holds.
    expect(await row.textContent()).not.toMatch(/grant|125000|amountCents|ASSESS/);
    await checkA11y(page, 'approvals-proposal');

    await page.getByRole('button', { name: 'English' }).click();
    const english = rowOf(app.reference);
    await english.getByText('Recommendation: Grant').waitFor();
    await english.getByText('Proposed amount: €1,250.00').waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await logout(page);
  });
});

describe('the work queue', () => {
  it("gives a granted case among open ones its next deadline, not '–'", async () => {
    const pending = await submitted('Straatfeest Oud-Mathenesse');
    const granted = await submitted('Speelmiddag Bospolder');
    await event(assessor, granted.id, 'ASSESS', {
      recommendation: 'grant',
      amountCents: 70_000,
      motivation: 'Goed plan.',
    });
    await event(approver, granted.id, 'GRANT', { amountCents: 70_000, motivation: 'Akkoord.' });
    const detail = await assessor('GET', `/api/applications/${granted.id}`);
    const deadlines = detail.deadlines as { key: string; date: string }[];
    // The first of its deadlines still to come, as the case page lists them.
    const next = deadlines
      .filter((d) => d.date >= server.today())
      .sort((a, b) => a.date.localeCompare(b.date))[0]!;
    expect(next).toBeTruthy();
    const words: Record<string, string> = {
      objection: 'Bezwaar maken kan tot en met',
      report: 'Verantwoording uiterlijk',
    };

    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await expectHeading(page, 'Werkvoorraad');
    const cell = rowOf(granted.reference).getByRole('cell').nth(3);
    await cell.getByText(words[next.key]!).waitFor();
    const date = new Intl.DateTimeFormat('nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${next.date}T00:00:00Z`));
    await cell.getByText(date, { exact: false }).waitFor();
    await cell.getByText(/^nog \d+ dagen$/).waitFor();
    expect((await cell.textContent())?.trim()).not.toBe('–');
    // The case still deciding keeps its decision date and countdown.
    const open = rowOf(pending.reference).getByRole('cell').nth(3);
    await open.getByText('Uiterlijk besluit').waitFor();
    await open.getByText(/^nog \d+ dagen$/).waitFor();
    await checkA11y(page, 'queue-next-deadline');

    await page.getByRole('button', { name: 'English' }).click();
    const english: Record<string, string> = {
      objection: 'Objection possible until',
      report: 'Final report due by',
    };
    await cell.getByText(english[next.key]!).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await logout(page);
  });
});

describe('the work queue by deadline', () => {
  it('shows a suspended case by the day its information is due, the day it sorts by', async () => {
    const suspended = await submitted('Kookclub Spangen');
    await event(assessor, suspended.id, 'REQUEST_INFO', {
      message: 'Stuur een offerte voor de huur van de keuken mee.',
      periodDays: 14,
    });
    const detail = await assessor('GET', `/api/applications/${suspended.id}`);
    const due = (detail.deadlines as { key: string; date: string }[]).find(
      (d) => d.key === 'supplement',
    )!;

    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await expectHeading(page, 'Werkvoorraad');
    const cell = rowOf(suspended.reference).getByRole('cell').nth(3);
    await cell.getByText('Aanvulling uiterlijk').waitFor();
    const date = new Intl.DateTimeFormat('nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${due.date}T00:00:00Z`));
    await cell.getByText(date, { exact: false }).waitFor();
    await cell.getByText('Beslistermijn staat stil').waitFor();
    expect(await cell.getByText('Uiterlijk besluit').count()).toBe(0);

    // Every row's shown date is in the order of the list (the queue sorts by deadline).
    const shown = await page
      .getByRole('row')
      .filter({ has: page.getByRole('link') })
      .evaluateAll((rows) =>
        rows.map((r) => (r.querySelectorAll('td')[3]?.textContent ?? '').replace(/\s+/g, ' ')),
      );
    const months = [
      'januari',
      'februari',
      'maart',
      'april',
      'mei',
      'juni',
      'juli',
      'augustus',
      'september',
      'oktober',
      'november',
      'december',
    ];
    const iso = shown.map((text) => {
      const m = text.match(/(\d{1,2}) ([a-z]+) (\d{4})/);
      if (!m) return '9999-12-31';
      const month = String(months.indexOf(m[2]!) + 1).padStart(2, '0');
      return `${m[3]}-${month}-${m[1]!.padStart(2, '0')}`;
    });
    expect(iso.length).toBeGreaterThan(1);
    expect(iso).toEqual([...iso].sort());
    await checkA11y(page, 'queue-suspended');
    await logout(page);
  });
});

describe('the supporters panel', () => {
  it('counts the supporters on the form while the application waits for information', async () => {
    const app = await submitted('Buurtmoestuin Schiemond');
    await event(assessor, app.id, 'REQUEST_INFO', {
      message: 'Stuur een offerte mee.',
      periodDays: 14,
    });
    const named = (demoFormData(server.deps.clock()).supporters as unknown[]).length;

    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${app.id}`);
    const panel = page.getByRole('region', { name: 'Ondersteuners uit de buurt' });
    await panel
      .getByText(
        `Er staan ${named} ondersteuners op het formulier; wie aan de regel hierboven voldoet, telt mee.`,
        {
          exact: false,
        },
      )
      .waitFor();
    expect(await panel.getByText('0 ondersteuners hebben bevestigd.').count()).toBe(0);
    await checkA11y(page, 'supporters-info-requested');

    // Once someone is invited, the rules count who confirmed, and so does the panel.
    await panel.getByLabel('Naam').fill('Jan Buur');
    await panel.getByLabel('E-mailadres').fill('jan.buur@example.org');
    await panel.getByRole('button', { name: 'Toevoegen' }).click();
    await panel.getByText('Jan Buur krijgt een e-mail met een link en een code.').waitFor();
    await panel.getByText('0 ondersteuners hebben bevestigd.').waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByRole('region', { name: 'Supporters from the neighbourhood' })
      .getByText('0 supporters have confirmed.')
      .waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await logout(page);
  });
});
