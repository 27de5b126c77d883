/**
 * The shell's forms name their fields in the address as the application's form does: an error
 * summary's link says the word of the field's label (#naam), following it puts that word in the
 * address in place and focuses the field, and an address arriving with such a word (or an old
 * `#f-<id>`) focuses its field, also on a page whose form shows only once its data is loaded (a
 * supporter's confirmation). In English the words are English, and so are the links: every link
 * into the app on the policy reports page, the login page's `next`, DigiD's way back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import {
  ACR_DIGID_MIDDEN,
  oidcConfig,
  startTestProvider,
  type TestProvider,
} from '../../api/src/oidc/oidc-test-kit';
import { createUser } from '../../api/src/test/test-app';
import { ROUTE_WORDS } from '../src/router/route-words';
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
import { mailedTo } from './mail-drop';
import { PASSWORD, startTestServer, type TestServer } from './server';

let server: TestServer;
let idp: TestProvider;
let browser: Browser;
let page: Page;
const policy = { email: 'rapport@example.org', name: 'Rik Rapport' };

beforeAll(async () => {
  server = await startTestServer();
  idp = await startTestProvider(server.url, [
    { id: 'noor', label: 'Noor (DigiD)', acr: ACR_DIGID_MIDDEN, claims: { bsn: '999990044' } },
  ]);
  Object.assign(server.deps.config, oidcConfig(idp.issuer));
  await createUser(server.deps.db, { ...policy, roles: ['policy'], password: PASSWORD });
  browser = await openBrowser();
  page = browser.page;
});
screenshotOnFailure(() => browser?.page);
afterAll(async () => {
  await browser?.close();
  await idp?.close();
  await server?.close();
});

const url = () => new URL(page.url());
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
const historyLength = () => page.evaluate(() => window.history.length);
const summary = (title = 'Er is iets niet goed ingevuld') =>
  page.getByRole('alert').filter({ hasText: title });

/** Dutch route words that differ in English: none may be in an English address. */
const DUTCH_ONLY = Object.entries(ROUTE_WORDS)
  .filter(([nl, en]) => nl !== en)
  .map(([nl]) => nl);

/** Each link into the app on the page (not a file the API serves): its path's words. */
async function appLinks(): Promise<string[]> {
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.filter((h) => h.startsWith('/') && !h.startsWith('//') && !h.startsWith('/api/'));
}

function expectEnglish(href: string) {
  const path = new URL(href, 'http://x').pathname;
  for (const part of path.split('/').filter(Boolean)) expect(DUTCH_ONLY, href).not.toContain(part);
}

describe('the desk’s form names its fields in the address', () => {
  it('an error’s link: the word of the field’s label in the address, in place; focus on the field', async () => {
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await expectHeading(page, 'Aanvraag namens een bewoner');
    const form = page.getByRole('region', { name: 'Nieuwe bewoner' });
    await form.getByLabel('Straat en huisnummer').fill('Wolphaertsbocht 12');
    await form.getByRole('button', { name: 'Bewoner aanmaken' }).click();
    const link = summary().getByRole('link', { name: 'Vul de naam van de bewoner in.' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('#naam');
    const postcode = summary().getByRole('link', { name: /postcode/ });
    expect(await postcode.getAttribute('href')).toBe('#postcode');
    await checkA11y(page, 'desk-address-errors');

    await page.getByRole('heading', { level: 1 }).focus();
    const length = await historyLength();
    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(focusedId).toBe('f-name');
    expect(url().pathname).toBe('/balie');
    expect(url().hash).toBe('#naam');
    expect(await historyLength()).toBe(length);
    await postcode.click();
    await expect.poll(focusedId).toBe('f-postcode');
    expect(url().hash).toBe('#postcode');
  });

  it('an address with a label’s word, or an old #f-<id>, focuses its field', async () => {
    await page.goto(`${server.url}/balie#straat-en-huisnummer`);
    await expectHeading(page, 'Aanvraag namens een bewoner', false);
    await expect.poll(focusedId).toBe('f-street');
    expect(url().hash).toBe('#straat-en-huisnummer');
    await page.goto(`${server.url}/balie#f-city`);
    await expect.poll(focusedId).toBe('f-city');
    await expect.poll(() => url().hash).toBe('#woonplaats');
    // A word no field of the page has: nothing is focused for it.
    await page.goto(`${server.url}/balie#nergens`);
    await expectHeading(page, 'Aanvraag namens een bewoner', false);
    expect(await focusedId()).not.toMatch(/^f-/);
  });

  it('in English: the field’s word in English, after switching too, and English words land', async () => {
    await page.goto(`${server.url}/balie#woonplaats`);
    await expect.poll(focusedId).toBe('f-city');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expectHeading(page, 'Apply on behalf of a resident', false);
    await expect.poll(() => url().pathname).toBe('/desk');
    await expect.poll(() => url().hash).toBe('#town');
    await page.goto(`${server.url}/desk#street-and-house-number`);
    await expect.poll(focusedId).toBe('f-street');
    const form = page.getByRole('region', { name: 'New resident' });
    await form.getByRole('button', { name: 'Create resident' }).click();
    const link = summary('Something is not filled in correctly').getByRole('link', {
      name: "Enter the resident's name.",
    });
    expect(await link.getAttribute('href')).toBe('#name');
    await link.click();
    await expect.poll(focusedId).toBe('f-name');
    expect(url().hash).toBe('#name');
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
    await expect.poll(() => url().hash).toBe('#naam');
    await logout(page);
  });

  it('a supporter’s confirmation: its form, shown once loaded, lands on the word; errors link so', async () => {
    const resident = await apiAs(server, server.users.resident.email);
    const app = await resident('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: { ...demoFormData(server.deps.clock()), title: 'Pleintje Bloemhof' },
    });
    await resident('POST', `/api/applications/${app.id}/supporters`, {
      name: 'Buur',
      email: 'buur.anker@example.org',
    });
    const mail = await mailedTo(
      server,
      'buur.anker@example.org',
      /(http\S+\/steunen\?token=[A-Za-z0-9_-]+)/,
    );
    const link = mail.match[1]!;
    await page.context().clearCookies();
    await page.goto(`${link}#leeftijd`);
    await expectHeading(page, 'Steunt u dit initiatief?', false);
    await expect.poll(focusedId).toBe('f-age');
    await page.getByRole('button', { name: 'Ja, ik steun dit initiatief' }).click();
    const code = summary().getByRole('link', { name: 'Vul de code uit de e-mail in.' });
    expect(await code.getAttribute('href')).toBe('#code-uit-de-e-mail');
    await checkA11y(page, 'supporter-confirm-errors');
    await code.click();
    await expect.poll(focusedId).toBe('f-code');
    expect(url().hash).toBe('#code-uit-de-e-mail');
    expect(url().search).toMatch(/^\?token=/);

    // In English DigiD brings the supporter back to the page at its English address.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect.poll(() => url().pathname).toBe('/support');
    const digid = page.getByRole('link', { name: 'Confirm with DigiD' });
    const returnTo = new URL((await digid.getAttribute('href'))!, server.url).searchParams.get(
      'returnTo',
    );
    expect(returnTo).toMatch(/^\/support\?token=/);
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
  });
});

describe('links in English carry English words', () => {
  it('the policy reports page, its late cases too; the login page’s way back', async () => {
    const resident = await apiAs(server, server.users.resident.email);
    const app = await resident('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: { ...demoFormData(server.deps.clock()), title: 'Speeltuin Hillesluis' },
    });
    await resident('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });
    const assessor = await apiAs(server, server.users.assessor.email);
    const detail = await assessor('GET', `/api/applications/${app.id}`);
    const due = Date.parse(`${detail.clock.decisionDueOn as string}T12:00:00Z`);
    server.advanceDays(Math.ceil((due - Date.parse(server.today())) / 864e5) + 3);

    await page.context().clearCookies();
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.goto(`${server.url}/beleid/rapportages`);
    // Signing in first: the page asked for, in the login page's address, in English.
    await expect.poll(() => url().pathname).toBe('/sign-in');
    expect(url().searchParams.get('next')).toBe('/policy/reports');
    await page.getByRole('textbox', { name: 'Email address' }).fill(policy.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await expectHeading(page, 'Reports', false);
    expect(url().pathname).toBe('/policy/reports');

    const late = page.getByRole('link', { name: new RegExp(detail.reference as string) });
    await late.waitFor();
    expect(await late.getAttribute('href')).toBe(`/policy/applications/${app.id}`);
    const links = await appLinks();
    expect(links).toEqual(
      expect.arrayContaining(['/policy', '/policy/regulations', '/policy/reports']),
    );
    for (const href of links) expectEnglish(href);
    await checkA11y(page, 'reports-english');

    // A late case's link opens its page at its English address, with no Dutch one in between.
    await late.click();
    await expect.poll(() => url().pathname).toBe(`/policy/applications/${app.id}`);
    for (const href of await appLinks()) expectEnglish(href);
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
    await expect.poll(() => url().pathname).toBe(`/beleid/aanvragen/${app.id}`);
  });
});
