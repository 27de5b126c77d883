/**
 * A step field's condition without JSON: the policy officer chooses that a field is asked only
 * when another field of the step has certain choices ("Wanneer wordt Motivering gevraagd?"), by
 * that field's label and its choices' labels (`x-showWhen` on the field), saves, and the saved
 * draft holds the condition. A wrong condition is named at the control and its problem's link
 * lands there; "Altijd vragen" removes it. Version 3's proposed amount shows its condition.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs } from './api-as';
import { checkA11y } from './browser';
import {
  draftJson as draftOf,
  expectNoProblems,
  type Json,
  openNewDraft,
  setDefinitionJson,
  setUpPolicyTest,
} from './policy-kit';
import type { TestServer } from './server';
import { newestShippedVersion } from './versions';

let server: TestServer;
let page: Page;
let version = 0;
const OFFICER = { email: 'beleid1@example.org', name: 'Pim Beleid' };

setUpPolicyTest([OFFICER], (started) => {
  ({ server, page } = started);
});

const draftJson = (): Promise<Json> => draftOf(page);
const assessProps = async (): Promise<Json> => (await draftJson()).events.ASSESS.payload.properties;

/** The step "Beoordelen", one of its fields, and that field's condition. */
const assess = () =>
  page.locator('#def-section-events').getByRole('group', { name: 'Beoordelen', exact: true });
const field = (label: string) => assess().getByRole('group', { name: label, exact: true });
const condition = (label: string) =>
  field(label).getByRole('group', { name: `Wanneer wordt ${label} gevraagd?` });
const focused = () => page.evaluate(() => document.activeElement?.id);

describe('a field asked only with certain choices, in the editor', () => {
  it('opens a new draft of the newest version', async () => {
    const newest = await newestShippedVersion('bewonersinitiatief');
    await openNewDraft(page, server, OFFICER.email, { from: newest, heading: /versie \d+$/ });
    version = Number(/\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1]);
    expect(version).toBe(newest + 1);
    await expectNoProblems(page);
  });

  it('shows the proposed amount’s condition in words', async () => {
    await page.locator('summary', { hasText: 'Wie mag welke stap zetten' }).click();
    const control = condition('Voorgesteld bedrag');
    await control
      .getByText(/Wie de stap zet, ziet Voorgesteld bedrag alleen bij de keuzes/)
      .waitFor();
    const select = control.getByLabel('Alleen vragen als dit veld een bepaalde keuze heeft');
    expect(await select.locator('option:checked').textContent()).toBe('Advies');
    const values = control.getByRole('group', { name: 'Bij welke keuzes van Advies?' });
    expect(await values.getByLabel('Verlenen', { exact: true }).isChecked()).toBe(true);
    expect(await values.getByLabel('Afwijzen', { exact: true }).isChecked()).toBe(false);
    await control
      .getByText('Voorgesteld bedrag wordt alleen gevraagd als Advies Verlenen is.')
      .waitFor();
    // The field the others depend on has no condition of its own to offer.
    expect(
      await field('Advies')
        .getByRole('group', { name: /^Wanneer wordt/ })
        .count(),
    ).toBe(0);
  });

  it('chooses the field and the choices by their labels, and saves the condition', async () => {
    const control = condition('Motivering');
    expect(await field('Motivering').getByLabel('Verplicht', { exact: true }).isChecked()).toBe(
      true,
    );
    await control
      .getByLabel('Alleen vragen als dit veld een bepaalde keuze heeft')
      .selectOption({ label: 'Advies' });
    // No choice ticked yet: the check says so at the control, and its link lands there.
    await control.getByText(/kies bij Motivering een of meer keuzes van Advies/).waitFor();
    expect((await assessProps()).motivation['x-showWhen']).toEqual({
      field: 'recommendation',
      in: [],
    });
    await page
      .locator('.policy-problems')
      .getByRole('link', { name: /kies bij Motivering een of meer keuzes/ })
      .click();
    await expect
      .poll(focused)
      .toBe('def-events-ASSESS-payload-properties-motivation-x-showWhen-in');

    await control.getByLabel('Afwijzen', { exact: true }).check();
    await expectNoProblems(page);
    await control.getByText('Motivering wordt alleen gevraagd als Advies Afwijzen is.').waitFor();
    // Required now means: when it is asked.
    expect(
      await field('Motivering')
        .getByLabel('Verplicht als het gevraagd wordt', { exact: true })
        .isChecked(),
    ).toBe(true);
    expect((await assessProps()).motivation['x-showWhen']).toEqual({
      field: 'recommendation',
      in: ['reject'],
    });
    await checkA11y(page, 'editor-show-when');

    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Concept opgeslagen om/ })
      .waitFor();
    const officer = await apiAs(server, OFFICER.email);
    const saved = await officer(
      'GET',
      `/api/policy/definitions/bewonersinitiatief/versions/${version}`,
    );
    expect(saved.definition.events.ASSESS.payload.properties.motivation['x-showWhen']).toEqual({
      field: 'recommendation',
      in: ['reject'],
    });
    expect(saved.validation.problems).toEqual([]);
  });

  it('the list of changes before publishing says the condition in words', async () => {
    await page.getByRole('button', { name: 'Publiceren…' }).click();
    const publish = page.locator('section.policy-publish');
    await publish.waitFor();
    const text = ((await publish.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('Beoordelen (Motivering, alleen gevraagd als): – → Advies: Afwijzen');
    expect(text).not.toMatch(/x-showWhen|recommendation|reject/);
    await publish.getByRole('button', { name: 'Annuleren' }).click();
    await publish.waitFor({ state: 'detached' });
  });

  it('a choice the field lacks is named at the control, and unticking it fixes it', async () => {
    const def = await draftJson();
    def.events.ASSESS.payload.properties.amountCents['x-showWhen'] = {
      field: 'recommendation',
      in: ['grant', 'partly'],
    };
    await setDefinitionJson(page, def);
    const control = condition('Voorgesteld bedrag');
    const gone = control.getByLabel('partly (geen keuze van Advies)');
    expect(await gone.isChecked()).toBe(true);
    await control.getByText(/wordt gevraagd als Advies partly is, maar Advies heeft/).waitFor();
    await page
      .locator('.policy-problems')
      .getByRole('link', { name: /Advies partly is/ })
      .click();
    await expect
      .poll(focused)
      .toBe('def-events-ASSESS-payload-properties-amountCents-x-showWhen-in-1');
    await gone.click();
    await gone.waitFor({ state: 'detached' });
    await expectNoProblems(page);
    expect((await assessProps()).amountCents['x-showWhen']).toEqual({
      field: 'recommendation',
      in: ['grant'],
    });
  });

  it('the simulator asks each field only with its choice, and sends only those', async () => {
    await page
      .getByLabel('Regeling', { exact: true })
      .selectOption({ label: 'Bewonersinitiatieven Delfshaven 2026' });
    await page.getByRole('button', { name: 'Begin een aanvraag' }).click();
    await page.getByText('Huidige status: Concept').waitFor();
    await page.getByRole('button', { name: 'Stap Indienen zetten' }).click();
    await page.getByText('Huidige status: Ingediend').waitFor();
    await page.getByLabel('U bent').selectOption('assessor');
    const amount = page.locator('#sim-payload-ASSESS-amountCents');
    const motivation = page.locator('#sim-payload-ASSESS-motivation');
    const advice = page.locator('#sim-payload-ASSESS-recommendation');
    // No advice yet: neither the amount (with Verlenen) nor the reasons (with Afwijzen).
    await advice.waitFor();
    expect(await amount.count()).toBe(0);
    expect(await motivation.count()).toBe(0);
    await advice.selectOption('grant');
    await amount.fill('500');
    expect(await motivation.count()).toBe(0);
    await advice.selectOption('reject');
    await amount.waitFor({ state: 'detached' });
    await motivation.fill('Past niet bij het wijkakkoord.');
    // The amount typed before is not sent: the engine would refuse it with a rejection.
    await page.getByRole('button', { name: 'Stap Beoordelen zetten' }).click();
    await page.getByText('Huidige status: Beoordeeld').waitFor();
    await checkA11y(page, 'editor-show-when-simulator');
  });

  it('"Altijd vragen" removes the condition, by the button or the list', async () => {
    await condition('Motivering')
      .getByRole('button', { name: 'Altijd vragen: voorwaarde bij Motivering weghalen' })
      .click();
    await expect
      .poll(async () => Object.keys((await assessProps()).motivation))
      .not.toContain('x-showWhen');
    expect(await field('Motivering').getByLabel('Verplicht', { exact: true }).isChecked()).toBe(
      true,
    );
    await condition('Voorgesteld bedrag')
      .getByLabel('Alleen vragen als dit veld een bepaalde keuze heeft')
      .selectOption({ label: 'Altijd vragen' });
    await expect
      .poll(async () => Object.keys((await assessProps()).amountCents))
      .not.toContain('x-showWhen');
    await expectNoProblems(page);
    expect(
      await condition('Voorgesteld bedrag')
        .getByRole('group', { name: 'Bij welke keuzes van Advies?' })
        .count(),
    ).toBe(0);
  });
});
