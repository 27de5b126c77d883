/**
 * A question asked only after an earlier answer, from the editor to the resident's form: a policy
 * officer adds "Heeft u eerder subsidie gekregen voor dit initiatief?" (Ja/nee-vraag) and "Voor
 * welk jaar en welk bedrag?", and on the second chooses "Alleen vragen als" the first is Ja; the
 * editor says so in words, and a second officer publishes it. The resident's form shows the
 * second question after Ja (focus stays on her answer, a live region says a question came),
 * hides it after Nee and clears its answer (stored data too), and the review, the sending and
 * her application's page go without it. axe on each page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData, onlyFormFields } from '../../api/src/applications/applications.fixtures';
import { loadDefinition } from '../../api/src/definitions/definitions.repository';
import { checkA11y, expectHeading, login, logout } from './browser';
import { httpApi } from './kit';
import {
  cookieOf,
  draftJson as draftOf,
  expectNoProblems,
  type Json,
  openNewDraft,
  publishForRegulation,
  setUpPolicyTest,
} from './policy-kit';
import { PASSWORD, type TestServer } from './server';
import { nextDraftVersion } from './versions';

let server: TestServer;
let page: Page;
const FIRST = { email: 'beleid1@example.org', name: 'Pim Beleid' };
const SECOND = { email: 'beleid2@example.org', name: 'Fatima Goedkeurder' };
const NEXT = await nextDraftVersion('bewonersinitiatief');
const PRIOR = {
  nl: 'Heeft u eerder subsidie gekregen voor dit initiatief?',
  en: 'Have you had a subsidy for this initiative before?',
};
const DETAILS = { nl: 'Voor welk jaar en welk bedrag?', en: 'For which year and what amount?' };
let priorKey = '';
let detailsKey = '';
let applicationId = '';

setUpPolicyTest([FIRST, SECOND], (started) => {
  ({ server, page } = started);
});

const api = httpApi(() => server);
const exact = (name: string) => ({ name, exact: true });
/** A question of the draft's form, found by its Dutch label. */
const inDraft = async (nl: string): Promise<Json> => {
  const fields: Json[] = (await draftOf(page)).form.fields;
  const field = fields.find((f) => f.label?.nl === nl);
  if (!field) throw new Error(`${nl} is not in the draft`);
  return field;
};
/** The application's stored form data, read from the database. */
const storedData = async (): Promise<Json> =>
  (
    await server.deps.db
      .selectFrom('applications')
      .select('data')
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow()
  ).data as Json;

/** Adds a required question of a kind with its label in both languages. */
async function addQuestion(label: { nl: string; en: string }, kind: string) {
  await page.getByLabel('De nieuwe vraag (Nederlands)').fill(label.nl);
  await page.getByLabel('Soort antwoord', { exact: true }).selectOption({ label: kind });
  await page.getByRole('button', exact('Vraag toevoegen')).click();
  const question = page.getByRole('group', exact(`Vraag: ${label.nl}`));
  await question.waitFor();
  await question.getByLabel('Vraag (Engels)', { exact: true }).fill(label.en);
  await question.getByLabel(`Verplicht (${kind})`, { exact: true }).check();
  return question;
}

describe('a question’s condition in the editor', () => {
  it('is chosen as an earlier yes/no question and its answer, and said in words', async () => {
    await openNewDraft(page, server, FIRST.email);
    await expectNoProblems(page);
    await page.locator('summary', { hasText: 'Het aanvraagformulier' }).click();
    await addQuestion(PRIOR, 'Ja/nee-vraag');
    const details = await addQuestion(DETAILS, 'Korte tekst');
    priorKey = (await inDraft(PRIOR.nl)).key;
    detailsKey = (await inDraft(DETAILS.nl)).key;

    const condition = details.getByRole('group', exact(`Wanneer wordt ${DETAILS.nl} gevraagd?`));
    const on = condition.getByLabel(
      'Alleen vragen als een eerdere vraag een bepaald antwoord heeft',
    );
    // Only an earlier yes/no question or choice list is offered, never the question itself.
    const offered = await on.locator('option').allTextContents();
    expect(offered).toContain(PRIOR.nl);
    expect(offered).not.toContain(DETAILS.nl);
    await on.selectOption({ label: PRIOR.nl });
    const answers = condition.getByRole('group', exact(`Bij welke antwoorden op ${PRIOR.nl}?`));
    await answers.getByRole('checkbox', exact('Ja')).check();
    await expect
      .poll(async () => (await inDraft(DETAILS.nl)).showWhen)
      .toEqual({
        field: priorKey,
        in: [true],
      });
    await condition
      .getByText(`${DETAILS.nl} wordt alleen gevraagd als het antwoord op ${PRIOR.nl} Ja is.`)
      .waitFor();
    // The question that the condition names is offered no condition of its own to choose from.
    const prior = page.getByRole('group', exact(`Vraag: ${PRIOR.nl}`));
    expect(await prior.getByRole('group', { name: /^Wanneer wordt/ }).count()).toBe(0);
    await expectNoProblems(page);
    await checkA11y(page, 'editor-question-condition');
  });

  it('saves the draft; a second officer approves publishing it for the regulation', async () => {
    await page.getByRole('button', exact('Concept opslaan')).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Concept opgeslagen om/ })
      .waitFor();
    await publishForRegulation(server, {
      first: FIRST.email,
      second: SECOND.email,
      version: NEXT,
      comment: 'Vraag naar eerdere subsidie.',
      regulationComment: `Versie ${NEXT} met de vraag naar eerdere subsidie.`,
    });
  });
});

describe('the resident’s form with a question asked after Ja', () => {
  it('asks the yes/no question; the second is not there yet', async () => {
    const definition = await loadDefinition(server.deps.db, 'bewonersinitiatief', NEXT);
    const created = await api('/applications', {
      method: 'POST',
      cookie: await cookieOf(server, server.users.resident.email),
      body: {
        regulationId: server.regulationId,
        data: onlyFormFields(definition, demoFormData(server.deps.clock())),
      },
    });
    expect(created.json.definition.version).toBe(NEXT);
    applicationId = created.json.id;
    const onPage = definition.form.pages?.find((p) => p.fields.includes(priorKey));
    if (!onPage) throw new Error('the question is on no page');

    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${applicationId}/bewerken/${onPage.key}`);
    await expectHeading(page, new RegExp(`: ${onPage.title.nl}$`), false);
    await page.getByRole('group', exact(PRIOR.nl)).waitFor();
    expect(await page.getByLabel(DETAILS.nl).count()).toBe(0);
    await checkA11y(page, 'condition-unanswered');
  });

  it('Ja brings the question: focus stays on Ja, and a live region says so', async () => {
    const group = page.getByRole('group', exact(PRIOR.nl));
    await group.getByRole('radio', exact('Ja')).check();
    const box = page.getByLabel(DETAILS.nl, { exact: true });
    await box.waitFor();
    expect(await group.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page
      .locator('[aria-live="polite"]', {
        hasText: `Er is een vraag bijgekomen: ‘${DETAILS.nl}’.`,
      })
      .waitFor({ state: 'attached' });
    await box.fill('2025, € 400');
    await expect.poll(async () => (await storedData())[detailsKey]).toBe('2025, € 400');
    expect((await storedData())[priorKey]).toBe(true);
    await checkA11y(page, 'condition-yes');
  });

  it('Nee takes it away and clears its answer, on the page and in the stored draft', async () => {
    const group = page.getByRole('group', exact(PRIOR.nl));
    await group.getByRole('radio', exact('Nee')).check();
    await page.getByLabel(DETAILS.nl, { exact: true }).waitFor({ state: 'detached' });
    await page
      .locator('[aria-live="polite"]', {
        hasText: `De vraag ‘${DETAILS.nl}’ is niet meer nodig en weggehaald.`,
      })
      .waitFor({ state: 'attached' });
    await expect.poll(async () => Object.hasOwn(await storedData(), detailsKey)).toBe(false);
    expect((await storedData())[priorKey]).toBe(false);
    // Ja again: the question is back, empty.
    await group.getByRole('radio', exact('Ja')).check();
    expect(await page.getByLabel(DETAILS.nl, { exact: true }).inputValue()).toBe('');
    await group.getByRole('radio', exact('Nee')).check();
    await page.getByLabel(DETAILS.nl, { exact: true }).waitFor({ state: 'detached' });
    await checkA11y(page, 'condition-no');
  });

  it('the review lists Nee and not the question; sending works; her page goes without it', async () => {
    await page.getByRole('button', exact('Volgende stap')).click();
    await expectHeading(page, /: Controleren en versturen$/);
    const main = page.getByRole('main');
    const item = (label: string) => main.locator('.utrecht-data-list__item', { hasText: label });
    await item(PRIOR.nl).getByText('Nee', { exact: true }).waitFor();
    expect(await item(DETAILS.nl).count()).toBe(0);
    await checkA11y(page, 'condition-review');
    await page.getByRole('button', exact('Aanvraag versturen')).click();
    await expectHeading(page, 'Straatfeest Mathenesserlaan');
    await item(PRIOR.nl).getByText('Nee', { exact: true }).waitFor();
    expect(await item(DETAILS.nl).count()).toBe(0);
    const stored = await storedData();
    expect(stored[priorKey]).toBe(false);
    expect(Object.hasOwn(stored, detailsKey)).toBe(false);
    await logout(page);
  });
});
