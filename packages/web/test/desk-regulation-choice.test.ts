/**
 * The desk files a resident's application under the regulation of the district the resident
 * lives in: once the postcode is known, that regulation is chosen and the page says why; the
 * clerk can still choose another. Where no regulation matches, nothing is chosen and the page
 * says so. Which district a postcode lies in comes from the district table of each regulation's
 * workflow (bewonersinitiatief 13 has one; the server's own regulations run on version 1, which
 * has none).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertRegulation } from '../../api/src/regulations/regulations.repository';
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
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const district of ['Feijenoord', 'Charlois']) {
    ids[district] = await upsertRegulation(server.deps.db, {
      code: `WF-${district.toUpperCase()}-2026`,
      title: `Wijkfonds ${district} 2026`,
      district,
      year: 2026,
      ceilingCents: 5_000_000,
      maxAmountCents: 500_000,
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
      workflowKey: 'bewonersinitiatief',
      workflowVersion: 13,
    });
  }
  browser = await openBrowser();
  page = browser.page;
});
screenshotOnFailure(() => browser?.page);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const select = () => page.getByRole('combobox', { name: /^(Regeling|Scheme)/ });
/** The label of the option chosen; '' when none is. */
const chosenTitle = () =>
  select().evaluate((s: HTMLSelectElement) => (s.value ? (s.selectedOptions[0]?.text ?? '') : ''));
/** What is read with the select: the texts its aria-describedby names. */
const readWith = () =>
  select().evaluate((s) =>
    (s.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );
/** What the polite status region under the select says now. */
const announced = () =>
  page.evaluate(() => {
    const region = document.getElementById('desk-regulation-said');
    if (region?.getAttribute('role') !== 'status') return 'no status region';
    return region.textContent ?? '';
  });
/** Starts keeping every text the status region has had (from now on, in order). */
const recordAnnouncements = () =>
  page.evaluate(() => {
    const w = window as unknown as { saidTexts: string[] };
    w.saidTexts = [];
    let last = '';
    new MutationObserver(() => {
      const now = document.getElementById('desk-regulation-said')?.textContent ?? '';
      if (now !== '' && now !== last) w.saidTexts.push(now);
      last = now;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
/** The texts the status region has had since `recordAnnouncements`; the list is emptied. */
const announcements = () =>
  page.evaluate(() => {
    const w = window as unknown as { saidTexts: string[] };
    return w.saidTexts.splice(0);
  });
/** The focused element's role and accessible name, as the test reads them. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    return `${el.tagName.toLowerCase()}:${(label ?? el.textContent ?? '').trim()}`;
  });

/** Records the resident's postal address with another postcode (and a street, when given). */
async function changePostcode(postcode: string, street?: string) {
  await page.getByRole('button', { name: /^Postadres (wijzigen|invullen)$/ }).click();
  if (street) await page.getByLabel('Straat en huisnummer').fill(street);
  await page.getByRole('textbox', { name: 'Postcode', exact: true }).fill(postcode);
  await page.getByRole('button', { name: 'Adres vastleggen' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `is vastgelegd: ${street ?? ''}` })
    .filter({ hasText: postcode })
    .waitFor();
}

describe('the desk chooses the regulation of the resident’s district', () => {
  it('from the postcode typed: chosen, said why, another can be chosen; none where none fits', async () => {
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await expectHeading(page, 'Aanvraag namens een bewoner');
    await recordAnnouncements();
    const form = page.getByRole('region', { name: 'Nieuwe bewoner' });
    await form.getByLabel('Naam').fill('Sevda Kaya');
    await form.getByLabel('Straat en huisnummer').fill('Beijerlandselaan 10');
    await form.getByLabel('Postcode').fill('3074ab');
    await form.getByRole('button', { name: 'Bewoner aanmaken' }).click();
    const heading = page.getByRole('heading', { name: 'Aanvraag starten voor Sevda Kaya' });
    await heading.waitFor();

    // Feijenoord's regulation, not the first of the list (Charlois), and why, read with the field.
    await expect.poll(readWith).toBe('Gekozen omdat postcode 3074 AB in Feijenoord ligt.');
    expect(await chosenTitle()).toMatch(/^Wijkfonds Feijenoord 2026 \(Feijenoord, /);
    // The reason came after the lookup, so it is said politely too: once, when it settled.
    await expect.poll(announced).toBe('Gekozen omdat postcode 3074 AB in Feijenoord ligt.');
    expect(await announcements()).toEqual(['Gekozen omdat postcode 3074 AB in Feijenoord ligt.']);
    await page.getByRole('list', { name: 'Voorwaarden' }).waitFor();
    await checkA11y(page, 'desk-regulation-chosen');

    // The choice does not take the focus: it stays on the heading the new resident led to, and
    // the keyboard goes from the resident's details through the select to the start button.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('desk-start');
    const order: string[] = [];
    for (let i = 0; i < 12 && !order.includes('button:Aanvraag starten'); i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    const at = (entry: string) => order.indexOf(entry);
    expect(at('button:Postadres wijzigen'), order.join(' > ')).toBeGreaterThanOrEqual(0);
    expect(at('select:Regeling'), order.join(' > ')).toBeGreaterThan(
      at('button:Postadres wijzigen'),
    );
    expect(order.at(-1), order.join(' > ')).toBe('button:Aanvraag starten');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe(order.at(-2));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button:Andere bewoner kiezen');

    // The clerk chooses another, by keyboard: kept, and the page says the postcode lies elsewhere.
    await select().focus();
    await select().selectOption(ids.Charlois!);
    await expect
      .poll(readWith)
      .toBe('Postcode 3074 AB ligt in Feijenoord. U hebt zelf een andere regeling gekozen.');
    expect(await chosenTitle()).toMatch(/^Wijkfonds Charlois 2026/);
    expect(await focused()).toBe('select:Regeling');
    // Her own choice on the focused field: its description says it; no second voice says it.
    expect(await announced()).toBe('');
    expect(await announcements()).toEqual([]);

    // She has moved: the new postcode chooses anew, and the new reason is said once it is known.
    await changePostcode('3083 AB');
    await expect.poll(readWith).toBe('Gekozen omdat postcode 3083 AB in Charlois ligt.');
    expect(await chosenTitle()).toMatch(/^Wijkfonds Charlois 2026/);
    await expect.poll(announced).toBe('Gekozen omdat postcode 3083 AB in Charlois ligt.');
    expect(await announcements()).toEqual(['Gekozen omdat postcode 3083 AB in Charlois ligt.']);
    // Another language says the same reason again in the field, not aloud a second time.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect.poll(readWith).toBe('Chosen because postcode 3083 AB is in Charlois.');
    expect(await announced()).toBe('');
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
    await expect.poll(readWith).toBe('Gekozen omdat postcode 3083 AB in Charlois ligt.');
    expect(await announced()).toBe('');
    expect(await announcements()).toEqual([]);

    // Rozenburg has no regulation open: nothing chosen, said plainly; starting asks for a choice.
    await changePostcode('3181 AB');
    await expect
      .poll(readWith)
      .toBe(
        'Postcode 3181 AB ligt in Rozenburg, maar daar is geen regeling open. Daarom is er geen vooraf gekozen. Kies zelf een regeling.',
      );
    expect(await chosenTitle()).toBe('');
    await expect
      .poll(announced)
      .toBe(
        'Postcode 3181 AB ligt in Rozenburg, maar daar is geen regeling open. Daarom is er geen vooraf gekozen. Kies zelf een regeling.',
      );
    expect(await announcements()).toEqual([
      'Postcode 3181 AB ligt in Rozenburg, maar daar is geen regeling open. Daarom is er geen vooraf gekozen. Kies zelf een regeling.',
    ]);
    expect(await page.getByRole('list', { name: 'Voorwaarden' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Aanvraag starten' }).click();
    await expect
      .poll(readWith)
      .toMatch(/Kies zelf een regeling\. \| Kies de regeling waarvoor u de aanvraag start\.$/);
    expect(await focused()).toBe('select:Regeling');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect
      .poll(readWith)
      .toMatch(
        /^Postcode 3181 AB is in Rozenburg, but no scheme is open there\. So none is chosen in advance\. Choose a scheme yourself\./,
      );
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();

    // Outside every district the workflows know: said so too (and still: a choice is needed).
    await changePostcode('9999 ZZ');
    await expect
      .poll(readWith)
      .toBe(
        'Bij postcode 9999 ZZ hoort geen wijk die de regelingen kennen. Daarom is er geen regeling vooraf gekozen. Kies zelf een regeling. | Kies de regeling waarvoor u de aanvraag start.',
      );

    // The clerk chooses, and the application is filed under that regulation.
    await select().selectOption(ids.Feijenoord!);
    await page.getByRole('button', { name: 'Aanvraag starten' }).click();
    await expectHeading(page, /^Stap 1 van \d+: /);
    const filed = await server.deps.db
      .selectFrom('applications as a')
      .innerJoin('users as u', 'u.id', 'a.applicant_id')
      .select('a.regulation_id')
      .where('u.name', '=', 'Sevda Kaya')
      .execute();
    expect(filed).toEqual([{ regulation_id: ids.Feijenoord }]);
    await logout(page);
  });

  it('a resident whose postcode is not known: nothing chosen, and the page says why', async () => {
    await login(page, server.url, server.users.clerk.email, PASSWORD);
    const form = page.getByRole('region', { name: 'Nieuwe bewoner' });
    await form.getByLabel('Naam').fill('Joost de Wit');
    await form.getByLabel('E-mailadres').fill('joost.dewit@example.org');
    await form.getByRole('button', { name: 'Bewoner aanmaken' }).click();
    await page.getByRole('heading', { name: 'Aanvraag starten voor Joost de Wit' }).waitFor();
    await expect
      .poll(readWith)
      .toBe(
        'De postcode van Joost de Wit is niet bekend. Daarom is er geen regeling vooraf gekozen; vul het adres in als u dat wilt. Kies zelf een regeling.',
      );
    expect(await chosenTitle()).toBe('');
    // The reason the field opened with is read with it; nothing is said aloud besides.
    expect(await announced()).toBe('');
    await recordAnnouncements();
    // Once the address is there, its postcode chooses, and that is said once it is known.
    await changePostcode('3072 AB', 'Putselaan 3');
    await expect.poll(readWith).toBe('Gekozen omdat postcode 3072 AB in Feijenoord ligt.');
    await expect.poll(announced).toBe('Gekozen omdat postcode 3072 AB in Feijenoord ligt.');
    expect(await announcements()).toEqual(['Gekozen omdat postcode 3072 AB in Feijenoord ligt.']);
    expect(await chosenTitle()).toMatch(/^Wijkfonds Feijenoord 2026/);
    await logout(page);
  });
});
