/**
 * A resident's pages write dates, times, counts and lists without making an Intl object. The
 * first one a page makes loads the browser's calendar and locale data in one task of 45 to 80
 * ms (four times that on the phone Lighthouse simulates): on 2026-12-03 it was the largest
 * long task of the application page. src/i18n/{dates,numbers,lists}.ts write them out, held
 * against Intl by their unit tests; this test holds the pages to it in Chromium, counting every
 * Intl constructor a page calls while the dates and amounts are on screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { expectHeading } from './browser';
import { setUpResidentForm } from './kit';
import type { TestServer } from './server';

let server: TestServer;
let page: Page;
let draft = '';
let submitted = '';

setUpResidentForm(async (started) => {
  ({ server, page } = started);
  const data = demoFormData(server.deps.clock(), { title: 'Buurtmoestuin Ayşe Yıldız-Çelik' });
  draft = (
    await started.as('POST', '/api/applications', { regulationId: server.regulationId, data })
  ).id;
  submitted = (
    await started.as('POST', '/api/applications', { regulationId: server.regulationId, data })
  ).id;
  await started.as('POST', `/api/applications/${submitted}/events`, { type: 'SUBMIT' });
  // Before any page script: every Intl constructor counts itself on the window.
  await page.addInitScript(() => {
    const made: string[] = [];
    (window as unknown as { intlMade: string[] }).intlMade = made;
    for (const name of Object.getOwnPropertyNames(Intl)) {
      const Original = (Intl as unknown as Record<string, unknown>)[name];
      if (typeof Original !== 'function') continue;
      (Intl as unknown as Record<string, unknown>)[name] = new Proxy(Original, {
        construct(target, args, newTarget) {
          made.push(name);
          return Reflect.construct(target, args, newTarget);
        },
      });
    }
  });
});

const intlMade = (p: Page) =>
  p.evaluate(() => (window as unknown as { intlMade: string[] }).intlMade);
/** Dutch dates, as the pages write them ("3 december 2026"). */
const DATE =
  /\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/;

describe('a resident’s pages make no Intl object', () => {
  it('my applications, an application and the form show their dates and amounts without one', async () => {
    await page.goto(`${server.url}/aanvragen`);
    await expectHeading(page, 'Mijn aanvragen', false);
    await page.getByText(DATE).first().waitFor();
    expect(await intlMade(page)).toEqual([]);

    await page.goto(`${server.url}/aanvragen/${submitted}`);
    await expectHeading(page, 'Buurtmoestuin Ayşe Yıldız-Çelik', false);
    await page.getByText(DATE).first().waitFor();
    await page
      .getByText(/€\u00a0\d/)
      .first()
      .waitFor();
    expect(await intlMade(page)).toEqual([]);

    await page.goto(`${server.url}/aanvragen/${draft}/bewerken/1`);
    await page.locator('main form').first().waitFor();
    expect(await intlMade(page)).toEqual([]);

    // The count does see a constructor: the check above could fail.
    await page.evaluate(() => new Intl.NumberFormat('nl-NL').format(1));
    expect(await intlMade(page)).toEqual(['NumberFormat']);
  });
});
