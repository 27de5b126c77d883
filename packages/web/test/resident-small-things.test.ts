/**
 * What wasted residents' time (issue 17): a visitor's pages log no 401; "Aanvraag starten"
 * offers to continue an open draft; tables hold at 320 CSS px without sideways scrolling.
 */

import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { apiAs } from './api-as';
import {
  type Browser,
  checkA11y,
  expectHeading,
  expectNoHorizontalScroll,
  login,
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

const saved = () =>
  page
    .getByRole('status')
    .filter({ hasText: /Opgeslagen om \d{2}:\d{2}/ })
    .first()
    .waitFor();

describe('small things for residents', () => {
  it('a visitor browses the start page and the regulations without a console error', async () => {
    const errors: string[] = [];
    const refused: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() >= 400) refused.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goto(`${server.url}/regelingen`);
    await expectHeading(page, 'Subsidieregelingen', false);
    await page.getByText('Log in om aan te vragen').first().waitFor();
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    page.removeAllListeners('console');
    page.removeAllListeners('response');
  });

  it('"Aanvraag starten" offers the open draft for that regulation', async () => {
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/regelingen`);
    await expectHeading(page, 'Subsidieregelingen', false);
    const card = page.getByRole('region', { name: 'Bewonersinitiatieven Delfshaven 2026' });
    await card.getByRole('button', { name: 'Aanvraag starten' }).click();
    await expectHeading(page, 'Stap 1 van 5: Uw initiatief');
    const first = page.url().split('/')[4]!;
    // The form names the regulation and its district: version 2 of the workflow no longer asks.
    await page
      .getByText('Voor de regeling Bewonersinitiatieven Delfshaven 2026, wijk Delfshaven')
      .waitFor();
    await page.getByLabel('Naam van uw initiatief').fill('Buurtbibliotheek Spangen');
    await saved();

    await page.goto(`${server.url}/regelingen`);
    await expectHeading(page, 'Subsidieregelingen', false);
    await card.getByText('U bent al een aanvraag begonnen: “Buurtbibliotheek Spangen”.').waitFor();
    // The other regulation has no draft: there it still just starts one.
    await page
      .getByRole('region', { name: 'Bewonersinitiatieven Charlois 2026' })
      .getByRole('button', { name: 'Aanvraag starten' })
      .waitFor();
    await checkA11y(page, 'regulations-draft-offer');
    await card.getByRole('button', { name: 'Verder met uw aanvraag' }).click();
    await expectHeading(page, 'Stap 1 van 5: Uw initiatief');
    expect(page.url().split('/')[4]).toBe(first);
    expect(await page.getByLabel('Naam van uw initiatief').inputValue()).toBe(
      'Buurtbibliotheek Spangen',
    );

    // A new title, and straight to the list before the pause after typing has passed: the list
    // waits for the save and shows the new title, not the one before.
    await page.getByLabel('Naam van uw initiatief').fill('Buurtbibliotheek Spangen-Noord');
    await page.getByRole('link', { name: 'Mijn aanvragen' }).first().click();
    await expectHeading(page, 'Mijn aanvragen', false);
    await page.getByRole('link', { name: 'Buurtbibliotheek Spangen-Noord' }).click();
    await page.waitForURL((url) => url.pathname.includes(first));
    if (!page.url().includes('/bewerken'))
      await page.goto(`${server.url}/aanvragen/${first}/bewerken`);
    await expectHeading(page, 'Stap 1 van 5: Uw initiatief');

    // An address naming no step shows the first, and the address bar says which.
    // ("begroting" once was such an address; it is now the word of the page "Begroting".)
    await page.goto(`${server.url}/aanvragen/${first}/bewerken/nergens`);
    await expectHeading(page, 'Stap 1 van 5: Uw initiatief', false);
    await expect.poll(() => new URL(page.url()).pathname).not.toMatch(/\/nergens$/);
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/aanvragen/${first}/bewerken/\\w`));
  });

  it('at 320 px the form and the list of applications fit, nothing cut off', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    try {
      await page.getByRole('button', { name: 'Volgende stap' }).click();
      // The errors of page 1 at 320 px: the summary and the fields fit.
      await page.getByRole('alert').filter({ hasText: 'Er is iets niet goed ingevuld' }).waitFor();
      await expectNoHorizontalScroll(page);
      await checkA11y(page, 'form-errors-320');

      await page.goto(`${server.url}/aanvragen`);
      await expectHeading(page, 'Mijn aanvragen', false);
      const badge = page.getByRole('main').getByText('Concept', { exact: true }).first();
      await badge.waitFor();
      await expectNoHorizontalScroll(page);
      const box = await badge.boundingBox();
      expect(box, 'the state is on screen').not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(320);
      await checkA11y(page, 'my-applications-320');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('a page asks for its data while its code loads, and never for the session', async () => {
    const { items } = (await page.evaluate(() =>
      fetch('/api/applications').then((r) => r.json()),
    )) as { items: { id: string }[] };
    const id = items[0]!.id;
    const asked: string[] = [];
    const record = (req: { url(): string }) => {
      const url = new URL(req.url());
      if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/assets/')) {
        asked.push(url.pathname + url.search);
      }
    };
    page.on('request', record);
    try {
      await page.goto(`${server.url}/aanvragen/${id}`);
      await page.getByRole('main').getByText('Concept', { exact: true }).first().waitFor();
      // Asked once per version (forms/definitions.ts keeps it), whoever asks first.
      expect(asked.filter((p) => p.startsWith('/api/definitions/'))).toHaveLength(1);
      // The page carries the session (packages/api/src/http/app-page.ts).
      expect(asked.filter((p) => p.startsWith('/api/session'))).toEqual([]);
      // The data went out before the page's own code had arrived.
      const pageCode = asked.findIndex((p) => /\/assets\/application-page-/.test(p));
      expect(pageCode, asked.join('\n')).toBeGreaterThan(-1);
      expect(asked.indexOf(`/api/applications/${id}`), asked.join('\n')).toBeLessThan(pageCode);
    } finally {
      page.off('request', record);
    }
  });

  it('a letter whose PDF is not made yet says so, and offers the download once it is', async () => {
    const as = await apiAs(server, server.users.resident.email);
    const created = await as('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: demoFormData(server.deps.clock(), { title: 'Buurtmoestuin Oude Westen' }),
    });
    await as('POST', `/api/applications/${created.id}/events`, { type: 'SUBMIT' });
    // The acknowledgement, once the worker has made its PDF; then a copy of it without one,
    // as a letter looks in the seconds between its decision and the worker's turn.
    let original: { id: string; rendered: boolean } | undefined;
    for (let i = 0; i < 60 && !original?.rendered; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 500));
      original = (await as('GET', `/api/applications/${created.id}/documents`)).items[0];
    }
    expect(original?.rendered).toBe(true);
    const db = server.deps.db;
    const source = await db
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', original!.id)
      .executeTakeFirstOrThrow();
    const { pdf, sha256, byte_size, seq: _seq, rendered_at: _at, ...letter } = source;
    const copy = crypto.randomUUID();
    await db
      .insertInto('documents')
      .values({
        ...letter,
        content: JSON.stringify(letter.content),
        id: copy,
        created_at: new Date(),
      })
      .execute();

    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${created.id}/brieven/${copy}`);
    await page.getByRole('article').first().waitFor();
    await page.getByText('De PDF wordt nog gemaakt').waitFor();
    expect(await page.getByRole('link', { name: 'Download PDF' }).count()).toBe(0);
    await checkA11y(page, 'letter-pdf-pending');

    await db
      .updateTable('documents')
      .set({ pdf, sha256, byte_size, rendered_at: new Date() })
      .where('id', '=', copy)
      .execute();
    // The page asks again by itself: no reload.
    const link = page.getByRole('link', { name: 'Download PDF' });
    await link.waitFor({ timeout: 10_000 });
    expect(await page.getByText('De PDF wordt nog gemaakt').count()).toBe(0);
    const download = page.waitForEvent('download');
    await link.click();
    const file = await (await download).path();
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
