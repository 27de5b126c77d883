/**
 * Following a link in the wizard's error summary: the address names the field by a word of its
 * label as the person reads it (#begroting-regel-1-bedrag), never by the workflow's key for it
 * (#f-budgetLines-…), and focus lands on the field's input, so its label is read out. A link to a
 * field on another page goes to that page by its address; one on this page stays, the address
 * saying the field in place. An old address with `#f-<key>` still lands on its field, and the
 * address then says its word. In English the addresses are English, the form's own steps too
 * (/applications/…/edit/check), and the Dutch ones still open their pages. axe on the pages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import type { ApiAs } from './api-as';
import { checkA11y, expectHeading } from './browser';
import { setUpResidentForm } from './kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;
let as: ApiAs;
let id = '';

setUpResidentForm((started) => {
  ({ server, page, as } = started);
});

const url = () => new URL(page.url());
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    const label = el?.labels?.[0]?.textContent ?? '';
    return { id: el?.id ?? '', tag: el?.tagName ?? '', label };
  });
const summary = (title = 'Er is iets niet goed ingevuld') =>
  page.getByRole('alert').filter({ hasText: title });
const historyLength = () => page.evaluate(() => window.history.length);

describe('the error summary’s links and the form’s addresses', () => {
  it('a link to a field on another page: its page, the word of its label, focus on its input', async () => {
    const data = demoFormData(server.deps.clock()) as Record<string, unknown>;
    const created = await as('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: { ...data, budgetLines: [{ description: 'Huur podium en geluid' }] },
    });
    id = created.id;
    await page.goto(`${server.url}/aanvragen/${id}/bewerken/controleren`);
    await expectHeading(page, /: Controleren en versturen$/, false);
    await page.getByRole('button', { name: 'Aanvraag versturen', exact: true }).click();
    const link = summary().getByRole('link', { name: /Bedrag/ });
    await link.waitFor();
    // What the link's address says, before it is followed: no key of the workflow in it.
    const href = new URL((await link.getAttribute('href'))!, server.url);
    expect(href.hash).toBe('#begroting-regel-1-bedrag');
    expect(href.pathname).toBe(`/aanvragen/${id}/bewerken/begroting`);
    await checkA11y(page, 'error-anchors-summary');

    await link.click();
    await expectHeading(page, /: Begroting$/, false);
    await expect
      .poll(() => focused())
      .toEqual({
        id: 'f-budgetLines-0-amountCents',
        tag: 'INPUT',
        label: expect.stringContaining('Bedrag'),
      });
    expect(url().pathname).toBe(`/aanvragen/${id}/bewerken/begroting`);
    expect(url().hash).toBe('#begroting-regel-1-bedrag');
    expect(page.url()).not.toMatch(/#f-|budgetLines|amountCents/);
    await checkA11y(page, 'error-anchors-landed');
  });

  it('a link to a field on this page: the address says its word, in place; focus on its input', async () => {
    await page.getByRole('button', { name: 'Volgende stap', exact: true }).click();
    const link = summary().getByRole('link', { name: /Bedrag/ });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('#begroting-regel-1-bedrag');
    // Away from the field first, so the link is what brings focus back to it.
    await page.getByRole('heading', { level: 1 }).focus();
    const length = await historyLength();
    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).id).toBe('f-budgetLines-0-amountCents');
    expect(url().hash).toBe('#begroting-regel-1-bedrag');
    expect(await historyLength()).toBe(length);
  });

  it('an old address with #f-<key> lands on its field, and then says its word', async () => {
    await page.goto(`${server.url}/aanvragen/${id}/bewerken/begroting#f-budgetLines-0-description`);
    await expectHeading(page, /: Begroting$/, false);
    await expect.poll(async () => (await focused()).id).toBe('f-budgetLines-0-description');
    await expect.poll(() => url().hash).toBe('#begroting-regel-1-omschrijving');
  });

  it('in English: English addresses, the form’s own step too, and the link’s word in English', async () => {
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expectHeading(page, /: Budget$/, false);
    await expect.poll(() => url().pathname).toBe(`/applications/${id}/edit/budget`);
    await expect.poll(() => url().hash).toBe('#budget-line-1-description');
    const steps = page.getByRole('navigation', { name: 'Steps of the application' });
    const review = steps.getByRole('link', { name: /Check and send$/ });
    expect(new URL((await review.getAttribute('href'))!, server.url).pathname).toBe(
      `/applications/${id}/edit/check`,
    );
    await review.click();
    await expectHeading(page, /: Check and send$/);
    expect(url().pathname).toBe(`/applications/${id}/edit/check`);
    await page.getByRole('button', { name: 'Send application', exact: true }).click();
    const link = summary('Something is not filled in correctly').getByRole('link', {
      name: /Amount/,
    });
    await link.waitFor();
    const href = new URL((await link.getAttribute('href'))!, server.url);
    expect(href.pathname + href.hash).toBe(`/applications/${id}/edit/budget#budget-line-1-amount`);
    await checkA11y(page, 'error-anchors-english');
    await link.click();
    await expect.poll(async () => (await focused()).id).toBe('f-budgetLines-0-amountCents');
    expect(url().hash).toBe('#budget-line-1-amount');
  });

  it('in English the Dutch addresses still open their pages, and then say them in English', async () => {
    const length = await historyLength();
    await page.goto(`${server.url}/aanvragen/${id}/bewerken/controleren`);
    await expectHeading(page, /: Check and send$/, false);
    await expect.poll(() => url().pathname).toBe(`/applications/${id}/edit/check`);
    expect(await historyLength()).toBe(length + 1);
    await page.goto(`${server.url}/aanvragen`);
    await expectHeading(page, 'My applications', false);
    await expect.poll(() => url().pathname).toBe('/applications');
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
    await expect.poll(() => url().pathname).toBe('/aanvragen');
  });
});
