/**
 * The paper channel in a real browser (Awb 2:14, 3:41, 6:8): a clerk registers a resident
 * without e-mail at the desk, where the letter channel shows post; the application is filed for
 * them and granted; its decision lands in the day's print batch, which staff download and mark
 * posted. The decision is then sent as of the posting day, and its objection deadline runs six
 * weeks from the day after posting.
 */
import { formatDate, objectionDeadline } from '@initiatief/engine';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { pdfText } from '../../api/src/letters/pdf-text';
import { createUser } from '../../api/src/test/test-app';
import {
  type Browser,
  checkA11y,
  expectHeading,
  login,
  logout,
  openBrowser,
  screenshotOnFailure,
} from './browser';
import { httpApi } from './kit';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;
let page: Page;
const NAME = 'Ayşe Yıldız-Çelik';

screenshotOnFailure(() => page);

const api = httpApi(() => server);

async function cookieOf(email: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { origin: server.url, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** Filed at the desk for the resident, assessed and granted, through the API as in the office. */
async function fileAndGrant(residentId: string) {
  const clerk = await cookieOf(server.users.clerk.email);
  const { json: draft } = await api('/applications', {
    method: 'POST',
    cookie: clerk,
    body: {
      regulationId: server.regulationId,
      applicantId: residentId,
      data: demoFormData(server.deps.clock()),
    },
  });
  const event = (cookie: string, type: string, payload?: unknown) =>
    api(`/applications/${draft.id}/events`, {
      method: 'POST',
      cookie,
      body: payload === undefined ? { type } : { type, payload },
    });
  await event(clerk, 'SUBMIT');
  await event(await cookieOf(server.users.assessor.email), 'ASSESS', {
    recommendation: 'grant',
    motivation: 'Past bij het wijkakkoord.',
  });
  await event(await cookieOf(server.users.approver.email), 'GRANT', {});
  return draft;
}

/** Days between two calendar dates (YYYY-MM-DD). */
function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('letters on paper', () => {
  it('a desk application without e-mail: the decision goes into the print batch, is posted, and the objection period runs from the day after posting', async () => {
    // The desk: a resident without e-mail gets letters by post.
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await expectHeading(page, 'Aanvraag namens een bewoner');
    const form = page.getByRole('region', { name: 'Nieuwe bewoner' });
    await form.getByLabel('Naam').fill(NAME);
    await form.getByLabel('Straat en huisnummer').fill('Mathenesserlaan 214');
    await form.getByLabel('Postcode').fill('3022 AB');
    await form.getByRole('button', { name: 'Bewoner aanmaken' }).click();
    await page.getByRole('heading', { name: `Aanvraag starten voor ${NAME}` }).waitFor();
    const channel = page.getByRole('group', {
      name: 'Hoe ontvangt de bewoner brieven en besluiten?',
    });
    // The resident's channel loads after the heading: wait for it before reading the radios.
    await channel.getByText('Er is geen e-mailadres bekend; brieven gaan per post.').waitFor();
    expect(await channel.getByRole('radio', { name: 'Per post' }).isChecked()).toBe(true);
    expect(await channel.getByRole('radio', { name: 'Per e-mail' }).isDisabled()).toBe(true);
    await checkA11y(page, 'desk-letter-channel');

    // Filed on the resident's behalf, assessed and granted (through the API, as in the office).
    const resident = await server.deps.db
      .selectFrom('users')
      .select(['id', 'email', 'letter_channel'])
      .where('name', '=', NAME)
      .executeTakeFirstOrThrow();
    expect(resident).toMatchObject({ email: null, letter_channel: 'paper' });
    const clerk = await cookieOf(server.users.clerk.email);
    const draft = await fileAndGrant(resident.id);
    const { json: before } = await api(`/applications/${draft.id}/documents`, { cookie: clerk });
    const decision = before.items.find((d: { kind: string }) => d.kind === 'grant');
    expect(decision).toMatchObject({ channel: 'paper', sent: false, postedOn: null });

    // Until the letter is posted there is no last day for objection to give on the telephone.
    const dates = page.getByRole('region', { name: 'Belangrijke data' });
    await page.goto(`${server.url}/aanvragen/${draft.id}`);
    await dates.getByText('Volgt als de brief met het besluit gepost is').waitFor();
    expect(await dates.getByText('Bezwaar maken kan tot en met').count()).toBe(1);

    // The batch goes out the next day: the letter, and the page, count from that day.
    server.advanceDays(1);
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await page.getByRole('link', { name: 'Post', exact: true }).click();
    await expectHeading(page, 'Post: brieven op papier');
    await expectHeading(page, 'Post: brieven op papier');
    const waiting = page.getByRole('table', { name: /Brieven die nog niet gepost zijn/ });
    await waiting
      .getByRole('row', { name: new RegExp(draft.reference) })
      .first()
      .waitFor();
    await checkA11y(page, 'print-queue-waiting');
    await page.getByRole('button', { name: 'Maak de postbatch van vandaag' }).click();
    const postingDate = server.today();
    const dateText = formatDate(postingDate, 'nl');
    const made = page
      .getByRole('status')
      .filter({ hasText: `De postbatch van ${dateText} is klaar` });
    await made.waitFor();
    // One letter is "1 brief", more are "brieven".
    expect(await made.textContent()).toMatch(/met (1 brief|([2-9]|\d\d+) brieven)\./);
    // Made is not printed: nobody said so yet.
    await page.getByRole('cell', { name: 'Nog niet gepost' }).first().waitFor();
    expect(await page.getByText('Afgedrukt').count()).toBe(0);
    // Every waiting letter is in it: nothing to add, and the page says what comes next.
    await page
      .getByText('Alle wachtende brieven zitten in de postbatch van vandaag.', { exact: false })
      .waitFor();
    expect(await page.getByRole('button', { name: /Voeg de wachtende brieven toe/ }).count()).toBe(
      0,
    );
    const download = page.getByRole('link', {
      name: `Download PDF van de postbatch van ${dateText}`,
    });
    const pdfResponse = await page.request.get(
      new URL((await download.getAttribute('href'))!, server.url).toString(),
    );
    expect(pdfResponse.headers()['content-type']).toBe('application/pdf');
    const deadline = objectionDeadline(postingDate).date;
    const text = (await pdfText(await pdfResponse.body())).replace(/\s+/g, ' ');
    expect(text).toContain(NAME);
    expect(text).toContain('Mathenesserlaan 214');
    expect(text).toContain(draft.reference);
    expect(text).toContain(formatDate(deadline, 'nl'));

    await page
      .getByRole('button', { name: `Meld de postbatch van ${dateText} als gepost` })
      .click();
    // Posting dates the letters and starts their terms: asked first, in words.
    await page
      .getByRole('alert')
      .filter({ hasText: `van de postbatch van ${dateText} op de post gedaan?` })
      .waitFor();
    expect(await page.getByText('is gemeld als gepost').count()).toBe(0);
    await checkA11y(page, 'print-queue-confirm-posted');
    await page.getByRole('button', { name: 'Ja, bevestigen', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'is gemeld als gepost' }).waitFor();
    await page
      .getByRole('cell', { name: /^Gepost/ })
      .first()
      .waitFor();
    await checkA11y(page, 'print-queue-posted');

    // Sent as of the posting day; objection: six weeks counted from the day after posting, so
    // the term ends 42 days after the posting day (on the next working day when that day is a
    // weekend day or public holiday, Algemene termijnenwet).
    // A session from the day before has expired on the server's clock: log in again.
    const clerkToday = await cookieOf(server.users.clerk.email);
    const { json: after } = await api(`/applications/${draft.id}/documents`, {
      cookie: clerkToday,
    });
    const sent = after.items.find((d: { id: string }) => d.id === decision.id);
    expect(sent).toMatchObject({
      channel: 'paper',
      sent: true,
      postedOn: postingDate,
      sentOn: postingDate,
      objectionDeadline: deadline,
    });
    expect(daysBetween(postingDate, deadline)).toBeGreaterThanOrEqual(42);
    expect(daysBetween(postingDate, deadline)).toBeLessThanOrEqual(46);

    // The letter page names the posting date as its sending date, and the last day.
    await page.goto(`${server.url}/aanvragen/${draft.id}/brieven/${decision.id}`);
    await page.getByText(`Verstuurd op ${dateText}`).waitFor();
    await page.getByText(formatDate(deadline, 'nl')).first().waitFor();
    // The application's page gives the same last day as the letter, not one from the decision.
    await page.goto(`${server.url}/aanvragen/${draft.id}`);
    await dates.getByText(formatDate(deadline, 'nl')).first().waitFor();
    expect(await dates.getByText('Volgt als de brief').count()).toBe(0);
    await checkA11y(page, 'objection-after-posting');
    await logout(page);
  }, 240_000);

  it('a letter for a resident without a postal address waits, and the clerk records the address in the queue', async () => {
    const resident = await createUser(server.deps.db, {
      roles: ['applicant'],
      name: 'Jan de Vries',
      email: 'jan.zonder.adres@example.test',
    });
    await server.deps.db
      .updateTable('users')
      .set({ street: null, postcode: null, city: null, letter_channel: 'paper' })
      .where('id', '=', resident.id)
      .execute();
    const draft = await fileAndGrant(resident.id);

    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await page.goto(`${server.url}/post`);
    await expectHeading(page, 'Post: brieven op papier', false);
    // Today's batch was posted (above): one batch a day, so a letter now goes tomorrow.
    await page
      .getByText(
        'De postbatch van vandaag is gepost. De brieven die nu wachten, gaan mee in de postbatch van morgen.',
      )
      .waitFor();
    expect(await page.getByRole('button', { name: 'Maak de postbatch van vandaag' }).count()).toBe(
      0,
    );
    await logout(page);
    server.advanceDays(1);
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await page.goto(`${server.url}/post`);
    await expectHeading(page, 'Post: brieven op papier', false);
    const row = page.getByRole('row', { name: new RegExp(draft.reference) }).first();
    await row.getByText(/^Geen postadres bekend\./).waitFor();
    await row.getByText('Wacht op een adres').waitFor();
    // Only this letter waits, and it cannot go: no batch of envelopes with only a name on them.
    const make = page.getByRole('button', { name: 'Maak de postbatch van vandaag' });
    expect(await make.isDisabled()).toBe(true);
    await checkA11y(page, 'print-queue-address-missing');

    await row.getByLabel('Straat en huisnummer').fill('Kruiskade 55');
    await row.getByLabel('Postcode').fill('3012 EE');
    expect(await row.getByLabel('Woonplaats').inputValue()).toBe('Rotterdam');
    await row.getByRole('button', { name: 'Adres vastleggen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Het adres van Jan de Vries is vastgelegd.' })
      .waitFor();
    await row.getByText('Kruiskade 55').waitFor();
    expect(await row.getByText(/^Geen postadres bekend/).count()).toBe(0);
    expect(await make.isDisabled()).toBe(false);
    await logout(page);
  }, 240_000);
});
