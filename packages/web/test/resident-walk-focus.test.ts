/**
 * Where keyboard focus goes when what had it leaves the page (WCAG 2.4.3), found walking the
 * resident's journey: after a step taken on the application page itself (answering a request for
 * information, withdrawing) focus goes to the words saying what happened; after taking a file out
 * of the form it goes to the file now in its place, or to the file input; never to the page's top.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { apiAs } from './api-as';
import { checkA11y, expectHeading } from './browser';
import { pngBuffer } from './fixtures';
import { setUpResidentForm } from './kit';

let page: Page;
let url = '';
let draftUrl = '';
const TITLE = 'Straatfeest Tarwewijk';

setUpResidentForm(async ({ server, page: p, as }) => {
  page = p;
  const draft = await as('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: { ...demoFormData(server.deps.clock()), title: 'Buurtontbijt Schiemond' },
  });
  draftUrl = `${server.url}/aanvragen/${draft.id}/bewerken/begroting`;
  const created = await as('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: { ...demoFormData(server.deps.clock()), title: TITLE },
  });
  await as('POST', `/api/applications/${created.id}/events`, { type: 'SUBMIT' });
  const assessor = await apiAs(server, server.users.assessor.email);
  await assessor('POST', `/api/applications/${created.id}/events`, {
    type: 'REQUEST_INFO',
    payload: { message: 'Stuur een offerte voor de huur van het podium.', periodDays: 14 },
  });
  url = `${server.url}/aanvragen/${created.id}`;
});

/** The focused element's text, or its tag when it has none (BODY when focus was lost). */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName} ${(el.textContent ?? '').trim()}` : '';
  });

describe('the application page and the keyboard', () => {
  it('moves focus to what happened after answering and after withdrawing', async () => {
    await page.goto(url);
    await expectHeading(page, TITLE, false);

    await page.getByLabel('Toelichting').focus();
    await page.keyboard.type('De offerte van het podium zit erbij: € 1.234,56.');
    const send = page.getByRole('button', { name: 'Aanvullen', exact: true });
    await send.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Uw aanvulling is verstuurd.').waitFor();
    await expect.poll(focused).toMatch(/^DIV Uw aanvulling is verstuurd\./);
    await checkA11y(page, 'answered-focus');

    // Withdrawing asks to confirm first; once confirmed its form is gone as well.
    await page.getByLabel('Reden (niet verplicht)').focus();
    await page.keyboard.type('Het feest gaat niet door.');
    await page.getByRole('button', { name: 'Intrekken', exact: true }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('button', { name: 'Ja, bevestigen' });
    await expect.poll(focused).toBe('BUTTON Ja, bevestigen');
    await confirm.press('Enter');
    await page.getByText('De aanvraag is ingetrokken.').waitFor();
    await expect.poll(focused).toMatch(/^DIV De aanvraag is ingetrokken\./);
  });

  it('moves focus on to the next file, then to the file input, when a file is taken out', async () => {
    await page.goto(draftUrl);
    await expectHeading(page, /Begroting$/, false);
    const quotes = page.getByLabel('Offertes en andere stukken', { exact: true });
    for (const name of ['offerte-tent.png', 'tekening-podium.png']) {
      await quotes.setInputFiles({ name, mimeType: 'image/png', buffer: pngBuffer() });
      await page.getByRole('link', { name }).waitFor();
    }
    const remove = (name: string) =>
      page.getByRole('button', { name: `${name} verwijderen bij Offertes en andere stukken` });
    await remove('offerte-tent.png').focus();
    await page.keyboard.press('Enter');
    await page
      .getByText('offerte-tent.png is verwijderd bij Offertes en andere stukken.')
      .waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('tekening-podium.png verwijderen bij Offertes en andere stukken');
    await page.keyboard.press('Enter');
    await page
      .getByText('tekening-podium.png is verwijderd bij Offertes en andere stukken.')
      .waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-quotes');
    await checkA11y(page, 'file-removed-focus');
  });
});
