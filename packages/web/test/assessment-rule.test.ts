/**
 * The assessor's form asks the proposed amount only with the advice to grant. Version 3 of the
 * shipped workflow declares, as data, that ASSESS's `amountCents` applies only when the advice is
 * "Verlenen" (`x-showWhen`); the form then leaves the field out (not merely hidden) with any other
 * advice, keeps what was typed for when the advice changes back, and does not send it: the API
 * would refuse an amount with a rejection.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData, onlyFormFields } from '../../api/src/applications/applications.fixtures';
import { assessmentRuleVersion } from '../../api/src/applications/assessment-rule.fixture';
import { type ApiAs, apiAs } from './api-as';
import { checkA11y, expectHeading, login } from './browser';
import { delfshavenRegulationOn } from './fixtures';
import { setUpBrowserTest } from './kit';
import { PASSWORD, type TestServer } from './server';

let server: TestServer;
let page: Page;
let assessor: ApiAs;
const ids: string[] = [];
const TITLE = 'Buurtkeuken Bospolder';
const AMOUNT = 'Voorgesteld bedrag';

setUpBrowserTest(async (started) => {
  ({ server, page } = started);
  const db = server.deps.db;
  const now = server.deps.clock();
  // Version 3 declares the rule; versions 1 and 2 are published and never change.
  const next = await assessmentRuleVersion(db, 'bewonersinitiatief', now);
  const regulationId = await delfshavenRegulationOn(db, 'BI-DELFSHAVEN-2026-V3', next);
  const resident = await apiAs(server, server.users.resident.email);
  for (let i = 0; i < 2; i++) {
    const created = await resident('POST', '/api/applications', {
      regulationId,
      data: { ...onlyFormFields(next.definition, demoFormData(now)), title: TITLE },
    });
    await resident('POST', `/api/applications/${created.id}/events`, { type: 'SUBMIT' });
    ids.push(created.id);
  }
  assessor = await apiAs(server, server.users.assessor.email);
});

/** The payload of the application's ASSESS, as recorded in its history. */
async function assessed(id: string): Promise<Record<string, unknown>> {
  const history = await assessor('GET', `/api/applications/${id}/history`);
  const entry = history.items.find((h: { event: string }) => h.event === 'ASSESS');
  expect(entry).toBeTruthy();
  return entry.payload;
}

async function openAssessment(id: string) {
  await page.goto(`${server.url}/behandeling/${id}`);
  await expectHeading(page, TITLE, false);
  const assess = page.getByRole('region', { name: 'Beoordelen' });
  await assess.getByRole('radio', { name: 'Verlenen' }).waitFor();
  return assess;
}

describe('the proposed amount with the advice', () => {
  it('is not there before an advice, comes with Verlenen and goes with Afwijzen', async () => {
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    const assess = await openAssessment(ids[0]!);
    // Not rendered at all: no input, no label, nothing a screen reader could reach.
    expect(await assess.getByLabel(AMOUNT).count()).toBe(0);
    expect(await assess.getByText(AMOUNT).count()).toBe(0);

    await assess.getByRole('radio', { name: 'Verlenen' }).check();
    const amount = assess.getByLabel(AMOUNT);
    await amount.waitFor();
    // Proposed as requested unless the assessor changes it, and the form says so.
    await assess.getByText('Laat u het leeg, dan stelt u het aangevraagde bedrag voor.').waitFor();
    await amount.fill('500,00');
    await checkA11y(page, 'assess-grant-with-amount');

    await assess.getByRole('radio', { name: 'Afwijzen' }).check();
    await amount.waitFor({ state: 'detached' });
    expect(await assess.getByText(AMOUNT).count()).toBe(0);
    await checkA11y(page, 'assess-reject-without-amount');

    // Back to Verlenen: what was typed is still there.
    await assess.getByRole('radio', { name: 'Verlenen' }).check();
    expect(await assess.getByLabel(AMOUNT).inputValue()).toBe('500,00');
  });

  it('an advice to reject is sent without the amount typed before', async () => {
    const assess = page.getByRole('region', { name: 'Beoordelen' });
    await assess.getByRole('radio', { name: 'Afwijzen' }).check();
    await assess.getByLabel('Motivering').fill('Past niet bij het wijkakkoord.');
    await assess.getByRole('button', { name: 'Beoordelen' }).click();
    await page
      .getByRole('main')
      .getByText('De beoordeling is opgeslagen.', { exact: false })
      .first()
      .waitFor();
    expect(await assessed(ids[0]!)).toEqual({
      recommendation: 'reject',
      motivation: 'Past niet bij het wijkakkoord.',
    });
  });

  it('an advice to grant is sent with the amount', async () => {
    const assess = await openAssessment(ids[1]!);
    await assess.getByRole('radio', { name: 'Verlenen' }).check();
    await assess.getByLabel(AMOUNT).fill('400,00');
    await assess.getByLabel('Motivering').fill('Goed plan voor de buurt.');
    await assess.getByRole('button', { name: 'Beoordelen' }).click();
    await page
      .getByRole('main')
      .getByText('De beoordeling is opgeslagen.', { exact: false })
      .first()
      .waitFor();
    expect(await assessed(ids[1]!)).toEqual({
      recommendation: 'grant',
      amountCents: 40_000,
      motivation: 'Goed plan voor de buurt.',
    });
  });
});
