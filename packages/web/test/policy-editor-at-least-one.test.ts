/**
 * A step's rule across its fields without JSON: the policy officer ticks "Minstens één van deze
 * velden invullen" by the fields' labels (`x-atLeastOneOf` on the event's payload), saves, and
 * the saved draft holds the rule. A wrong rule is named at the control and its problem's link
 * lands there; a removed field leaves the rule; unticking all removes it.
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
const RULE = 'Minstens één van deze velden invullen';

setUpPolicyTest([OFFICER], (started) => {
  ({ server, page } = started);
});

const draftJson = (): Promise<Json> => draftOf(page);
const grantPayload = async (): Promise<Json> => (await draftJson()).events.GRANT.payload;

/** The step "Verlenen" in the events section, and its rule's group of checkboxes. */
const grant = () =>
  page.locator('#def-section-events').getByRole('group', { name: 'Verlenen', exact: true });
const rule = () => grant().getByRole('group', { name: RULE });

describe('"at least one of" a step’s fields, in the editor', () => {
  it('opens a new draft of the newest version', async () => {
    // The newest published version.
    const newest = await newestShippedVersion('bewonersinitiatief');
    await openNewDraft(page, server, OFFICER.email, { from: newest, heading: /versie \d+$/ });
    version = Number(/\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1]);
    expect(version).toBe(newest + 1);
    await expectNoProblems(page);
    expect((await grantPayload())['x-atLeastOneOf']).toBeUndefined();
  });

  it('ticks the fields by their labels and saves the rule', async () => {
    await page.locator('summary', { hasText: 'Wie mag welke stap zetten' }).click();
    const control = rule();
    await control.getByText(/Vink twee of meer velden aan als wie Verlenen zet/).waitFor();
    // The step's fields by their Dutch labels, none ticked yet.
    for (const label of ['Te verlenen bedrag', 'Motivering', 'Voorwaarden'])
      expect(await control.getByLabel(label, { exact: true }).isChecked()).toBe(false);

    // One field alone is no choice: the check says so at the control and in the list.
    await control.getByLabel('Motivering', { exact: true }).check();
    await control.getByText(/noemt minstens twee verschillende velden/).waitFor();
    expect((await grantPayload())['x-atLeastOneOf']).toEqual(['motivation']);
    const link = page
      .locator('.policy-problems')
      .getByRole('link', { name: /Verlenen: de regel "ten minste één van"/ });
    await link.click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('def-events-GRANT-payload-x-atLeastOneOf');

    await control.getByLabel('Voorwaarden', { exact: true }).check();
    await expectNoProblems(page);
    // In words: what the person taking the step reads when they fill in neither.
    await control
      .getByText(
        'Wie geen van deze velden invult, krijgt te lezen: “Minstens één hiervan is nodig: Motivering of Voorwaarden.”',
      )
      .waitFor();
    expect((await grantPayload())['x-atLeastOneOf']).toEqual(['motivation', 'conditions']);
    await checkA11y(page, 'editor-at-least-one');

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
    expect(saved.definition.events.GRANT.payload['x-atLeastOneOf']).toEqual([
      'motivation',
      'conditions',
    ]);
    expect(saved.validation.problems).toEqual([]);
  });

  it('a field the rule names but the step lacks is named at the control, unticking fixes it', async () => {
    const def = await draftJson();
    def.events.GRANT.payload['x-atLeastOneOf'] = ['motivation', 'conditions', 'foto'];
    await setDefinitionJson(page, def);
    const gone = rule().getByLabel('foto (geen veld van deze stap meer)');
    expect(await gone.isChecked()).toBe(true);
    await rule()
      .getByText(/de regel "ten minste één van" noemt foto/)
      .waitFor();
    // The problem's link lands on that very checkbox.
    await page
      .locator('.policy-problems')
      .getByRole('link', { name: /noemt foto/ })
      .click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('def-events-GRANT-payload-x-atLeastOneOf-2');
    // Unticked, it is gone: the step has no such field to offer.
    await gone.click();
    await gone.waitFor({ state: 'detached' });
    await expectNoProblems(page);
    expect((await grantPayload())['x-atLeastOneOf']).toEqual(['motivation', 'conditions']);
  });

  it('a removed field leaves the rule, and unticking all removes it', async () => {
    await grant().locator('#def-new-field-GRANT').fill('Foto van de plek');
    await grant().getByRole('button', { name: 'Gegeven toevoegen' }).click();
    await rule().getByLabel('Foto van de plek', { exact: true }).check();
    expect((await grantPayload())['x-atLeastOneOf']).toEqual([
      'motivation',
      'conditions',
      'fotoVanDePlek',
    ]);
    await grant().getByRole('button', { name: 'Gegeven Foto van de plek verwijderen' }).click();
    await expect
      .poll(async () => (await grantPayload())['x-atLeastOneOf'])
      .toEqual(['motivation', 'conditions']);
    await expectNoProblems(page);

    await rule().getByLabel('Voorwaarden', { exact: true }).uncheck();
    await rule()
      .getByText(/noemt minstens twee verschillende velden/)
      .waitFor();
    await rule().getByLabel('Motivering', { exact: true }).uncheck();
    await expectNoProblems(page);
    expect(Object.keys(await grantPayload())).not.toContain('x-atLeastOneOf');
  });

  it('the answer to a request of version 2: a files field, shown as files, in its rule', async () => {
    const supplement = page
      .locator('#def-section-events')
      .getByRole('group', { name: 'Aanvullen', exact: true });
    const files = supplement.getByRole('group', { name: 'Bijlagen', exact: true });
    await files.getByText('Soort: Bestanden (bijlagen)').waitFor();
    // The changes to the form sent with the answer are no "short text".
    await supplement
      .getByRole('group', { name: 'Aangevulde gegevens', exact: true })
      .getByText('Soort: Wijzigingen in het formulier')
      .waitFor();
    const control = supplement.getByRole('group', { name: RULE });
    expect(await control.getByLabel('Toelichting', { exact: true }).isChecked()).toBe(true);
    expect(await control.getByLabel('Bijlagen', { exact: true }).isChecked()).toBe(true);
  });

  it('a step with one field explains instead', async () => {
    const reject = page
      .locator('#def-section-events')
      .getByRole('group', { name: 'Afwijzen', exact: true });
    await reject
      .getByText(
        'Heeft deze stap twee of meer velden, dan kunt u hier kiezen dat er minstens één van ingevuld moet worden.',
      )
      .waitFor();
    expect(await reject.getByRole('group', { name: RULE }).count()).toBe(0);
  });
});
