/**
 * Found walking the staff journeys with a keyboard: a refusal after a step was sent, and the print
 * queue's actions, left focus on nothing (the pressed button is disabled or gone), so a keyboard
 * or screen reader user started again at the top of the page. The budget ceiling's refusal stood
 * apart from the amount it was about: it now stands at that field, names it by its label with
 * what is left of the budget, and the error summary links to it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData } from '../../api/src/applications/applications.fixtures';
import { type ApiAs, apiAs } from './api-as';
import { checkA11y, expectHeading, login } from './browser';
import { httpApi, setUpBrowserTest } from './kit';
import { PASSWORD, type TestServer } from './server';

let server: TestServer;
let page: Page;

setUpBrowserTest((started) => {
  ({ server, page } = started);
});

const api = httpApi(() => server);

/** A submitted application of the resident's, for `amountsCents`. */
async function submitted(title: string, amountsCents?: number[]) {
  const resident = await apiAs(server, server.users.resident.email);
  const app = await resident('POST', '/api/applications', {
    regulationId: server.regulationId,
    data: { ...demoFormData(server.deps.clock(), { amountsCents }), title },
  });
  await resident('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });
  return app as { id: string; reference: string };
}

/** What has focus: its tag, id and text, enough to say where a keyboard user is. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName, id: el?.id ?? '', text: el?.textContent?.trim() ?? '' };
  });

describe('refusals after sending a step', () => {
  it('the budget ceiling: at the amount field, named by its label, with what is left; linked and focused', async () => {
    const app = await submitted('Buurtkeuken Spangen', [60_000]);
    const assessor: ApiAs = await apiAs(server, server.users.assessor.email);
    await assessor('POST', `/api/applications/${app.id}/events`, {
      type: 'ASSESS',
      payload: { recommendation: 'grant', motivation: 'Brengt de straat samen.' },
    });
    // Meanwhile the council lowered the ceiling: € 250,00 is left.
    await server.deps.db
      .updateTable('regulations')
      .set({ ceiling_cents: 25_000 })
      .where('id', '=', server.regulationId)
      .execute();

    await login(page, server.url, server.users.approver.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${app.id}`);
    await expectHeading(page, 'Buurtkeuken Spangen', false);
    const grant = page.getByRole('region', { name: 'Verlenen' });
    await grant.getByLabel('Te verlenen bedrag').fill('600');
    await grant.getByLabel('Motivering').fill('Het initiatief brengt de straat samen.');
    await grant.getByRole('button', { name: 'Verlenen' }).click();
    await grant.getByRole('button', { name: 'Ja, bevestigen' }).click();

    const sentence =
      '“Te verlenen bedrag”: Het bedrag (€ 600,00) is hoger dan wat er van het budget van de regeling nog over is (€ 250,00).';
    const summary = grant.getByRole('alert').filter({ hasText: 'Er is iets niet goed ingevuld' });
    await summary.waitFor();
    // The summary has focus (not the page's start), and its line links to the field.
    await expect
      .poll(() => summary.evaluate((el) => el === document.activeElement), { timeout: 5000 })
      .toBe(true);
    const amount = grant.getByLabel('Te verlenen bedrag');
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    await grant.getByText(sentence).last().waitFor();
    await summary.getByRole('link', { name: sentence }).click();
    await expect.poll(async () => (await focused()).id).toBe('f-GRANT-amountCents');
    // Nothing typed is lost.
    expect(await amount.inputValue()).toMatch(/^600(,00)?$/);
    expect(await grant.getByLabel('Motivering').inputValue()).toBe(
      'Het initiatief brengt de straat samen.',
    );
    await checkA11y(page, 'budget-at-field');

    // What is left can be granted.
    await amount.fill('250');
    await grant.getByRole('button', { name: 'Verlenen' }).click();
    await grant.getByRole('button', { name: 'Ja, bevestigen' }).click();
    await page.getByRole('status').filter({ hasText: 'De subsidie is verleend' }).waitFor();
  });

  it('a conflict (412): the warning takes focus, and what was typed stays', async () => {
    const app = await submitted('Tuinclub Bospolder');
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${app.id}`);
    await expectHeading(page, 'Tuinclub Bospolder', false);
    const ask = page.getByRole('region', { name: 'Om aanvulling vragen' });
    await ask.getByLabel('Gevraagde aanvulling').fill('Stuur de offerte van de tuinman mee.');
    // Changed meanwhile, in another tab (the page still holds the old version).
    const elsewhere = await apiAs(server, server.users.assessor.email);
    await elsewhere('POST', `/api/applications/${app.id}/events`, {
      type: 'EXTEND',
      payload: { weeks: 2, message: 'Wij hebben meer tijd nodig voor advies.' },
    });
    await ask.getByRole('button', { name: 'Om aanvulling vragen' }).click();
    await ask
      .getByRole('alert')
      .filter({ hasText: 'Iemand anders heeft deze aanvraag gewijzigd' })
      .waitFor();
    // Focus is at the refusal, not back at the start of the page.
    await expect
      .poll(() =>
        ask.evaluate((section) => {
          const el = document.activeElement;
          return !!el && el !== document.body && section.contains(el);
        }),
      )
      .toBe(true);
    const { text } = await focused();
    expect(text).toContain('Iemand anders heeft deze aanvraag gewijzigd');
    expect(await ask.getByLabel('Gevraagde aanvulling').inputValue()).toBe(
      'Stuur de offerte van de tuinman mee.',
    );
    await checkA11y(page, 'stale-focused');
  });
});

describe('the print queue with a keyboard', () => {
  it('making the batch and marking it posted move focus to the batches, not to the page start', async () => {
    const clerk = await apiAs(server, server.users.clerk.email);
    // A resident who phoned: no e-mail address, letters on paper.
    const resident = await clerk('POST', '/api/users', {
      name: 'Ayşe Yıldız',
      street: 'Groene Hilledijk 301',
      postcode: '3073 AC',
      city: 'Rotterdam',
    });
    const draft = await clerk('POST', '/api/applications', {
      regulationId: server.regulationId,
      applicantId: resident.id,
      data: { ...demoFormData(server.deps.clock()), title: 'Çay-middag Hillesluis' },
    });
    await clerk('POST', `/api/applications/${draft.id}/events`, { type: 'SUBMIT' });
    // The acknowledgement is a paper letter, waiting for the post.
    await expect
      .poll(async () => {
        const { json } = await api('/print-queue', {
          cookie: await cookieOf(server.users.clerk.email),
        });
        return json.waiting.length;
      })
      .toBeGreaterThan(0);

    await login(page, server.url, server.users.clerk.email, PASSWORD);
    await page.getByRole('link', { name: 'Post', exact: true }).click();
    await expectHeading(page, 'Post: brieven op papier');
    await page.getByRole('cell', { name: /^Ayşe Yıldız Groene Hilledijk/ }).waitFor();
    const make = page.getByRole('button', { name: 'Maak de postbatch van vandaag' });
    await make.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'is klaar' }).waitFor();
    await expect.poll(async () => (await focused()).text).toBe('Postbatches');
    // The next key press reaches the batch just made: its download.
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Download PDF');

    const posted = page.getByRole('button', { name: /als gepost/ });
    await posted.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Ja, bevestigen', exact: true }).press('Enter');
    await page.getByRole('status').filter({ hasText: 'is gemeld als gepost' }).waitFor();
    await expect.poll(async () => (await focused()).text).toBe('Postbatches');
    await checkA11y(page, 'print-queue-focus');
  });
});

async function cookieOf(email: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { origin: server.url, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}
