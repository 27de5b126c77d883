/**
 * Issue 19, finding 10: an application whose decision may come after its activity is flagged
 * in the queue with words, and the resident reads on the application page what that means.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
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
const ids: Record<'late' | 'inTime', { id: string; reference: string }> = {
  late: { id: '', reference: '' },
  inTime: { id: '', reference: '' },
};

screenshotOnFailure(() => page);

const api = httpApi(() => server);

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser();
  page = browser.page;
  const { res } = await api('/auth/login', {
    method: 'POST',
    body: { email: server.users.resident.email, password: PASSWORD },
  });
  const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  // Six weeks ahead falls before the end of an eight-week decision term; ten weeks does not.
  for (const [key, weeksAhead, title] of [
    ['late', 6, 'Buurtbarbecue Bospolder'],
    ['inTime', 10, 'Straatfeest Tussendijken'],
  ] as const) {
    const created = await api('/applications', {
      method: 'POST',
      cookie,
      body: {
        regulationId: server.regulationId,
        data: demoFormData(server.deps.clock(), { weeksAhead, title }),
      },
    });
    const submitted = await api(`/applications/${created.json.id}/events`, {
      method: 'POST',
      cookie,
      body: { type: 'SUBMIT' },
    });
    ids[key] = { id: submitted.json.id, reference: submitted.json.reference };
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a decision that may come after the activity', () => {
  it('is flagged with words in the queue, only on that application', async () => {
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await expectHeading(page, 'Werkvoorraad');
    const row = (reference: string) =>
      page.getByRole('row').filter({ has: page.getByRole('link', { name: reference }) });
    await row(ids.late.reference).waitFor();
    await expect(
      row(ids.late.reference).getByText('Besluit pas na de activiteit').count(),
    ).resolves.toBe(1);
    await expect(
      row(ids.inTime.reference).getByText('Besluit pas na de activiteit').count(),
    ).resolves.toBe(0);
    await checkA11y(page, 'queue-decision-after-activity');

    await page.getByRole('button', { name: 'English' }).click();
    await row(ids.late.reference).getByText('Decision only after the activity').waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await logout(page);
  });

  it('tells the resident on the application page what it means', async () => {
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${ids.late.id}`);
    await expectHeading(page, 'Buurtbarbecue Bospolder', false);
    const warning = page.getByText('Het besluit kan pas na uw activiteit komen.');
    await warning.waitFor();
    await page
      .getByText('Kosten die u maakt voordat u het besluit heeft, zijn voor uw eigen risico.', {
        exact: false,
      })
      .waitFor();
    await checkA11y(page, 'application-decision-after-activity');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('The decision may only come after your activity.').waitFor();
    await page
      .getByText('Costs you make before you have the decision are at your own risk.', {
        exact: false,
      })
      .waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();

    await page.goto(`${server.url}/aanvragen/${ids.inTime.id}`);
    await expectHeading(page, 'Straatfeest Tussendijken', false);
    await expect(
      page.getByText('Het besluit kan pas na uw activiteit komen.').count(),
    ).resolves.toBe(0);
    await logout(page);
  });
});
