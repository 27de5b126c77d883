/**
 * The staff's and the desk's panels say a wrong field as the resident's form does: an error
 * summary at the top of the panel (focused after a failed send), each error a link to its field
 * by the word of its label (#waarover), the field's own message; a refusal of the API naming a
 * field lands on that field too; an address arriving with a field's word focuses it. An event
 * form's field is named by its event's word first (#beoordelen-motivering), as a case page shows
 * several. A word in the other language than the page's still finds its field (#town).
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
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
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser();
  page = browser.page;
});
screenshotOnFailure(() => browser?.page);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const url = () => new URL(page.url());
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
const summaryIn = (where: Locator) =>
  where.getByRole('alert').filter({ hasText: 'Er is iets niet goed ingevuld' });
/** Whether the focus is in `where` (the summary takes it after a failed send). */
const focusIn = (where: Locator) =>
  where.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));

async function submitted(title: string) {
  const resident = await apiAs(server, server.users.resident.email);
  const app = await resident('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: { ...demoFormData(server.deps.clock()), title },
  });
  await resident('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });
  return app as { id: string };
}

describe('a word of the other language', () => {
  it('an English word on the Dutch page focuses its field; the address then says the Dutch word', async () => {
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await page.goto(`${server.url}/balie#town`);
    await expectHeading(page, 'Aanvraag namens een bewoner', false);
    await expect.poll(focusedId).toBe('f-city');
    await expect.poll(() => url().hash).toBe('#woonplaats');
    await page.goto(`${server.url}/balie#street-and-house-number`);
    await expect.poll(focusedId).toBe('f-street');
    await logout(page);
  });
});

describe('the resident authorises someone', () => {
  it('an empty or unknown address: summary, the field’s message, its word in the address', async () => {
    const resident = await apiAs(server, server.users.resident.email);
    const app = await resident('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: { ...demoFormData(server.deps.clock()), title: 'Speeltuin Oud-Charlois' },
    });
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${app.id}`);
    const panel = page.getByRole('region', { name: 'Iemand machtigen' });
    await panel.getByRole('button', { name: 'Machtigen' }).click();
    const summary = summaryIn(panel);
    const link = summary.getByRole('link');
    await link.waitFor();
    await expect.poll(() => focusIn(summary)).toBe(true);
    expect(await link.getAttribute('href')).toBe('#e-mailadres-van-het-account-van-die-persoon');

    // The API knows no account with it: its reason at the field, and in the summary.
    const email = panel.getByLabel('E-mailadres van het account van die persoon');
    await email.fill('niemand.bekend@example.org');
    await panel.getByRole('button', { name: 'Machtigen' }).click();
    const refused = summary.getByRole('link', { name: /Er is geen account met dit e-mailadres/ });
    await refused.waitFor();
    await expect.poll(() => focusIn(summary)).toBe(true);
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page, 'authorise-errors');
    await refused.click();
    await expect.poll(focusedId).toBe('authorise-email');
    expect(url().hash).toBe('#e-mailadres-van-het-account-van-die-persoon');

    await page.goto(
      `${server.url}/aanvragen/${app.id}#e-mailadres-van-het-account-van-die-persoon`,
    );
    await expect.poll(focusedId).toBe('authorise-email');
    await logout(page);
  });
});

describe('the case page’s panels and event forms', () => {
  it('the notice of default, the contact and an event form: summaries and words', async () => {
    const app = await submitted('Bankjes Pendrecht');
    const assessor = await apiAs(server, server.users.assessor.email);
    await assessor('POST', `/api/applications/${app.id}/claim`);
    server.advanceDays(65);
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    const caseUrl = `${server.url}/behandeling/${app.id}`;
    await page.goto(caseUrl);

    const notice = page.getByRole('region', { name: 'Ingebrekestelling' });
    await notice.getByRole('button', { name: 'Ingebrekestelling vastleggen' }).click();
    const noticeSummary = summaryIn(notice);
    const day = noticeSummary.getByRole('link', {
      name: 'Vul de dag in waarop de ingebrekestelling binnenkwam.',
    });
    await day.waitFor();
    await expect.poll(() => focusIn(noticeSummary)).toBe(true);
    expect(await day.getAttribute('href')).toBe('#ontvangen-op');
    await day.click();
    await expect.poll(focusedId).toBe('f-receivedOn');
    expect(url().hash).toBe('#ontvangen-op');

    const contact = page.getByRole('region', { name: 'Klantcontact vastleggen' });
    await contact.getByRole('button', { name: 'Contact vastleggen' }).click();
    const contactSummary = summaryIn(contact);
    const about = contactSummary.getByRole('link', {
      name: 'Schrijf kort waarover het contact ging.',
    });
    await about.waitFor();
    await expect.poll(() => focusIn(contactSummary)).toBe(true);
    expect(await about.getAttribute('href')).toBe('#waarover');

    // An event form: its field's word starts with its event's word.
    const assess = page.getByRole('region', { name: 'Beoordelen' });
    await assess.getByRole('button', { name: 'Beoordelen' }).click();
    const assessSummary = summaryIn(assess);
    await assessSummary.getByRole('link').first().waitFor();
    const hrefs = await assessSummary
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^#beoordelen-[a-z0-9-]+$/);
    await checkA11y(page, 'case-panels-errors');
    const motivation = assess.getByLabel('Motivering');
    const motivationId = await motivation.getAttribute('id');
    await assessSummary.getByRole('link').last().click();
    expect(url().hash).toBe(hrefs.at(-1));

    // Arriving with a word: the contact's field, the notice's day, the event form's field.
    await page.goto(`${caseUrl}#waarover`);
    await expect.poll(focusedId).toBe('contact-summary');
    await page.goto(`${caseUrl}#ontvangen-op`);
    await expect.poll(focusedId).toBe('f-receivedOn');
    await page.goto(`${caseUrl}#beoordelen-motivering`);
    await expect.poll(focusedId).toBe(motivationId);

    // In English the address says the English words; an English one lands on the Dutch page.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect.poll(() => url().hash).not.toBe('#beoordelen-motivering');
    const english = url().hash;
    expect(english).toMatch(/^#[a-z0-9-]+$/);
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
    await expect.poll(() => url().hash).toBe('#beoordelen-motivering');
    await page.goto(`${caseUrl}${english}`);
    await expect.poll(focusedId).toBe(motivationId);
    await expect.poll(() => url().hash).toBe('#beoordelen-motivering');
    // The bare label word names no field of an event form.
    await page.goto(`${caseUrl}#motivering`);
    await expectHeading(page, 'Bankjes Pendrecht', false);
    await page.waitForTimeout(200);
    expect(await focusedId()).not.toBe(motivationId);
    await logout(page);
  });
});

describe('the desk records a postal address', () => {
  it('empty fields and a postcode the API refuses: summary, messages at the fields, words', async () => {
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await page.goto(`${server.url}/balie`);
    await page.getByLabel('Naam of e-mailadres').fill('Fatima');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('button', { name: `Kies ${server.users.resident.name}` }).click();
    await page.getByRole('button', { name: /^Postadres (wijzigen|invullen)$/ }).click();
    const street = page.getByLabel('Straat en huisnummer');
    const form = page.locator('form').filter({ has: street });
    await street.fill('');
    await form.getByLabel('Postcode').fill('');
    await page.getByRole('button', { name: 'Adres vastleggen' }).click();
    const summary = summaryIn(form);
    const link = summary.getByRole('link', { name: 'Vul de straat en het huisnummer in.' });
    await link.waitFor();
    await expect.poll(() => focusIn(summary)).toBe(true);
    expect(await link.getAttribute('href')).toBe('#straat-en-huisnummer');
    await link.click();
    await expect.poll(focusedId).toBe('desk-address-street');
    expect(url().hash).toBe('#straat-en-huisnummer');

    await street.fill('Slinge 10');
    await form.getByLabel('Postcode').fill('99999');
    await page.getByRole('button', { name: 'Adres vastleggen' }).click();
    const postcode = summary.getByRole('link');
    await postcode.waitFor();
    expect(await postcode.getAttribute('href')).toBe('#postcode');
    expect(await form.getByLabel('Postcode').getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page, 'desk-address-errors-summary');
    await postcode.click();
    await expect.poll(focusedId).toBe('desk-address-postcode');
    await logout(page);
  });
});
