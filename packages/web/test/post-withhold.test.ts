/**
 * The Post page in a real browser: a request for information that still waits for the post was
 * answered online in the meantime. The page says the application moved on since the letter; the
 * clerk withholds it with a reason (asked for when left out), and it leaves the queue. The
 * application page then lists it for staff as not sent, with the reason. And a decision for her
 * is not "sent" when the approver takes it: the case page says it goes by post.
 */
import { formatDate, objectionDeadline, supplementDueDate } from '@initiatief/engine';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { type ApiAs, apiAs } from './api-as';
import { checkA11y, expectHeading, login, logout } from './browser';
import { setUpBrowserTest } from './kit';
import { PASSWORD, type TestServer } from './server';

let server: TestServer;
let page: Page;
let applicationId: string;
let reference: string;

/** The resident's new application over the API, and a way to send its events as someone. */
async function newApplication() {
  const resident: ApiAs = await apiAs(server, server.users.resident.email);
  const assessor: ApiAs = await apiAs(server, server.users.assessor.email);
  const draft = await resident('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: demoFormData(server.deps.clock()),
  });
  const event = (as: ApiAs, type: string, payload?: unknown) =>
    as('POST', `/api/applications/${draft.id}/events`, payload ? { type, payload } : { type });
  return { draft, event, resident, assessor };
}

setUpBrowserTest(
  async (started) => {
    ({ server, page } = started);
    const { draft, event, resident, assessor } = await newApplication();
    applicationId = draft.id;
    reference = draft.reference;
    await event(resident, 'SUBMIT');
    await event(assessor, 'REQUEST_INFO', {
      message: 'Graag een offerte voor het podium.',
      periodDays: 14,
    });
    await event(resident, 'SUPPLEMENT', { message: 'De offerte staat hieronder.' });
  },
  {
    // The resident gets her letters by post.
    seed: async (s) => {
      await s.deps.db
        .updateTable('users')
        .set({
          letter_channel: 'paper',
          street: 'Mathenesserlaan 214',
          postcode: '3022 AB',
          city: 'Rotterdam',
        })
        .where('id', '=', s.users.resident.id)
        .execute();
    },
  },
);

describe('withholding an overtaken letter', () => {
  it('says the application moved on, asks why, and takes the letter out of the post', async () => {
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await page.getByRole('link', { name: 'Post', exact: true }).click();
    await expectHeading(page, 'Post: brieven op papier');
    const waiting = page.getByRole('table', { name: /Brieven die nog niet gepost zijn/ });
    const row = waiting.getByRole('row').filter({ hasText: 'Verzoek om aanvulling' });
    await row.waitFor();
    await row
      .getByText('Na deze brief is de status van de aanvraag veranderd.', { exact: false })
      .waitFor();
    await row.getByRole('link', { name: /^Lees de brief: “Verzoek om aanvulling/ }).waitFor();
    // At 320 CSS px (a phone, 400 % zoom) the page reflows: nothing to scroll sideways for.
    await page.setViewportSize({ width: 320, height: 800 });
    try {
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
        .toBeLessThanOrEqual(320);
      await checkA11y(page, 'print-queue-320');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }

    await row
      .getByRole('button', { name: /^Brief niet versturen: “Verzoek om aanvulling/ })
      .click();
    const reason = row.getByRole('textbox', { name: 'Waarom gaat deze brief niet mee?' });
    await reason.waitFor();
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await row.getByRole('button', { name: 'Brief niet versturen', exact: true }).click();
    await row.getByText('Vul in waarom de brief niet meegaat.').waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page, 'print-queue-withhold-form');

    await reason.fill('De aanvulling kwam online binnen voordat de brief gepost werd.');
    await row.getByRole('button', { name: 'Brief niet versturen', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /De brief “Verzoek om aanvulling.*” voor .* gaat niet mee met de post\./ })
      .waitFor();
    await expect.poll(() => row.count()).toBe(0);
    // The acknowledgement of receipt still waits: only the overtaken letter left the queue.
    await waiting
      .getByRole('row', { name: new RegExp(reference) })
      .first()
      .waitFor();
    await checkA11y(page, 'print-queue-withheld');

    // The application's page lists it for staff as not sent, with the reason; the desk opens
    // the application page (the case file is the case handlers').
    await waiting.getByRole('link', { name: reference }).first().click();
    await page.waitForURL(`**/aanvragen/${applicationId}`);
    const letters = page.getByRole('region', { name: 'Brieven' });
    await letters
      .getByText('Niet verstuurd: De aanvulling kwam online binnen voordat de brief gepost werd.')
      .waitFor();
  });
});

describe('a decision for a resident who gets letters by post', () => {
  it('tells the approver the letter is sent only once its batch is posted', async () => {
    await logout(page);
    const { draft, event, resident, assessor } = await newApplication();
    await event(resident, 'SUBMIT');
    await event(assessor, 'ASSESS', {
      recommendation: 'grant',
      motivation: 'Past bij het wijkakkoord.',
    });

    await login(page, server.url, server.users.approver.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${draft.id}`);
    const grant = page.getByRole('region', { name: 'Verlenen' });
    await grant.getByLabel('Motivering').fill('Het initiatief brengt de straat samen.');
    await grant.getByRole('button', { name: 'Verlenen' }).click();
    await grant.getByRole('button', { name: 'Ja, bevestigen' }).click();
    const outcome = page.getByRole('status').filter({ hasText: 'De subsidie is verleend.' });
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain(
      'Let op: de aanvrager krijgt brieven per post. De brief van deze stap is pas verstuurd als de postbatch met de brief gepost is.',
    );
    await checkA11y(page, 'approver-granted-by-post');
  });
});

describe('a request for information that goes into the post days later', () => {
  it('gives the resident her days from the posting day, and her page says why', async () => {
    await logout(page);
    const { draft, event, resident, assessor } = await newApplication();
    await event(resident, 'SUBMIT');
    await event(assessor, 'REQUEST_INFO', { message: 'Graag een offerte.', periodDays: 14 });
    const requestedOn = server.today();

    // The post goes out three days later.
    server.advanceDays(3);
    const postingDate = server.today();
    const clerk: ApiAs = await apiAs(server, server.users.clerk.email);
    await clerk('POST', '/api/print-batches');
    const due = supplementDueDate(postingDate, 14).date;
    expect(due > supplementDueDate(requestedOn, 14).date).toBe(true);

    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${draft.id}`);
    const dates = page.getByRole('region', { name: 'Belangrijke data' });
    await dates.getByText(formatDate(due, 'nl')).waitFor();
    await dates
      .getByText(`14 dagen vanaf de verzending per post op ${formatDate(postingDate, 'nl')}`, {
        exact: false,
      })
      .waitFor();
    await page.getByRole('heading', { name: 'Verzoek om aanvulling per post verstuurd' }).waitFor();
    await page
      .getByText(
        `De brief is op ${formatDate(postingDate, 'nl')} gepost. De termijn om aan te vullen loopt vanaf die dag: aanvullen kan tot en met ${formatDate(due, 'nl')}.`,
      )
      .waitFor();
    await checkA11y(page, 'resident-request-posted');
  });
});

describe('a decision that goes into the post days later', () => {
  it('gives the last day for objection from the posting day, on her page and in the queue', async () => {
    await logout(page);
    const { draft, event, resident, assessor } = await newApplication();
    await event(resident, 'SUBMIT');
    await event(assessor, 'ASSESS', { recommendation: 'grant', motivation: 'Goed plan.' });
    const approver: ApiAs = await apiAs(server, server.users.approver.email);
    await event(approver, 'GRANT', { motivation: 'Het initiatief brengt de straat samen.' });
    const decidedOn = server.today();

    // The post goes out two days later.
    server.advanceDays(2);
    const postingDate = server.today();
    const clerk: ApiAs = await apiAs(server, server.users.clerk.email);
    const batch = await clerk('POST', '/api/print-batches');
    await clerk('POST', `/api/print-batches/${batch.id}/posted`);
    const lastDay = objectionDeadline(postingDate).date;
    expect(lastDay > objectionDeadline(decidedOn).date).toBe(true);

    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${draft.id}`);
    const dates = page.getByRole('region', { name: 'Belangrijke data' });
    await dates.getByText(formatDate(lastDay, 'nl')).waitFor();
    await page.getByRole('heading', { name: 'Besluit per post verstuurd' }).waitFor();
    await page
      .getByText(
        `De brief met het besluit is op ${formatDate(postingDate, 'nl')} gepost. De termijn voor bezwaar loopt vanaf die dag: bezwaar maken kan tot en met ${formatDate(lastDay, 'nl')}.`,
      )
      .waitFor();
    await checkA11y(page, 'resident-decision-posted');

    // The work queue gives the same day as the letter.
    await logout(page);
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await expectHeading(page, 'Werkvoorraad');
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: draft.reference }) });
    await row.getByText(formatDate(lastDay, 'nl'), { exact: false }).waitFor();
  });
});
