/**
 * A yes/no question, from the editor to the resident's form and the staff's case page: a policy
 * officer adds "Is de activiteit toegankelijk voor mensen met een beperking?" as a Ja/nee-vraag
 * (offered for a list's own question too), makes it required and publishes it. The resident
 * reads two radio buttons, Ja and Nee, in a group whose legend is the question; going on without
 * an answer is refused in words naming the question, and the error summary's link lands on the
 * first button; Nee is an answer, stored as `false`, and reads "Nee" / "No" in the review, on her
 * application's page and on the staff's. axe on each page.
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
const LABEL = {
  nl: 'Is de activiteit toegankelijk voor mensen met een beperking?',
  en: 'Is the activity accessible to people with a disability?',
};
let key = '';
let applicationId = '';

setUpPolicyTest([FIRST, SECOND], (started) => {
  ({ server, page } = started);
});

const api = httpApi(() => server);
const exact = (name: string) => ({ name, exact: true });
/** The new question of the draft's form, found by its Dutch label. */
const questionInDraft = async (): Promise<Json> => {
  const fields: Json[] = (await draftOf(page)).form.fields;
  const field = fields.find((f) => f.label?.nl === LABEL.nl);
  if (!field) throw new Error('the question is not in the draft');
  return field;
};
const activeId = () => page.evaluate(() => document.activeElement?.id);
/** The application's stored form data, read from the database. */
const storedData = async (): Promise<Json> =>
  (
    await server.deps.db
      .selectFrom('applications')
      .select('data')
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow()
  ).data as Json;

describe('a yes/no question in the editor', () => {
  it('is added as a Ja/nee-vraag, optional at first, with no limits or choices', async () => {
    await openNewDraft(page, server, FIRST.email);
    await expectNoProblems(page);
    await page.locator('summary', { hasText: 'Het aanvraagformulier' }).click();
    await page.getByLabel('De nieuwe vraag (Nederlands)').fill(LABEL.nl);
    await page
      .getByLabel('Soort antwoord', { exact: true })
      .selectOption({ label: 'Ja/nee-vraag' });
    await page.getByRole('button', exact('Vraag toevoegen')).click();
    const question = page.getByRole('group', exact(`Vraag: ${LABEL.nl}`));
    await question.waitFor();
    const field = await questionInDraft();
    key = field.key;
    expect(field).toEqual({ key, type: 'yesno', label: { nl: LABEL.nl, en: '' }, required: false });
    // Ja and Nee are its answers: nothing to limit, no choices to give.
    expect(await question.getByRole('group', { name: /^Keuzes bij/ }).count()).toBe(0);
    expect(await question.getByLabel(/^(Minimaal|Maximaal)/).count()).toBe(0);

    await question.getByLabel('Vraag (Engels)', { exact: true }).fill(LABEL.en);
    const required = question.getByLabel('Verplicht (Ja/nee-vraag)', { exact: true });
    expect(await required.isChecked()).toBe(false);
    await required.check();
    await expect.poll(async () => (await questionInDraft()).required).toBeUndefined();
    expect((await questionInDraft()).label).toEqual(LABEL);
    await expectNoProblems(page);
    await checkA11y(page, 'editor-yes-no');
  });

  it('a list’s own question may be one too; in English it is a Yes/no question', async () => {
    const budget = page.getByRole('group', exact('Vraag: Begroting'));
    const kinds = budget.getByLabel('Soort invoer van de nieuwe vraag in Begroting');
    expect(await kinds.locator('option').allTextContents()).toContain('Ja/nee-vraag');

    await page.getByRole('button', exact('English')).click();
    expect(
      await page.getByLabel('Kind of answer', { exact: true }).locator('option').allTextContents(),
    ).toContain('Yes/no question');
    await page
      .getByRole('group', exact(`Question: ${LABEL.en}`))
      .getByLabel('Required (Yes/no question)', { exact: true })
      .waitFor();
    await page.getByRole('button', exact('Nederlands')).click();
    await page.getByRole('group', exact(`Vraag: ${LABEL.nl}`)).waitFor();
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
      comment: 'Vraag of de activiteit toegankelijk is.',
      regulationComment: `Versie ${NEXT} met de vraag naar toegankelijkheid.`,
    });
  });
});

describe('what residents and staff see of a yes/no question', () => {
  it('the resident reads Ja and Nee in a group named by the question; none chosen yet', async () => {
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
    const onPage = definition.form.pages?.find((p) => p.fields.includes(key));
    if (!onPage) throw new Error('the question is on no page');

    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${applicationId}/bewerken/${onPage.key}`);
    await expectHeading(page, new RegExp(`: ${onPage.title.nl}$`), false);
    const group = page.getByRole('group', exact(LABEL.nl));
    const [yes, no] = [
      group.getByRole('radio', exact('Ja')),
      group.getByRole('radio', exact('Nee')),
    ];
    expect(await group.getByRole('radio').count()).toBe(2);
    expect([await yes.isChecked(), await no.isChecked()]).toEqual([false, false]);
  });

  it('going on without an answer is refused in words; the link lands on the first answer', async () => {
    await page.getByRole('button', exact('Volgende stap')).click();
    const sentence = `Kies Ja of Nee bij ‘${LABEL.nl}’.`;
    const link = page.getByRole('link', exact(sentence));
    await link.waitFor();
    const group = page.getByRole('group', exact(LABEL.nl));
    // The error is said in the group, and the group is described by it.
    await group.getByText(sentence, { exact: true }).waitFor();
    expect(await group.getAttribute('aria-describedby')).toContain('-error');
    await checkA11y(page, 'yes-no-unanswered');
    await link.click();
    await expect.poll(activeId).toBe(`f-${key}`);
    expect(await group.getByRole('radio', exact('Ja')).evaluate((el) => el.id)).toBe(`f-${key}`);
  });

  it('Nee is an answer: stored as false, and the error goes', async () => {
    const group = page.getByRole('group', exact(LABEL.nl));
    await group.getByText('Nee', { exact: true }).click();
    expect(await group.getByRole('radio', exact('Nee')).isChecked()).toBe(true);
    await page
      .getByRole('status')
      .filter({ hasText: /Opgeslagen om/ })
      .first()
      .waitFor();
    await expect.poll(async () => (await storedData())[key]).toBe(false);
    await group.getByText(`Kies Ja of Nee bij ‘${LABEL.nl}’.`).waitFor({ state: 'detached' });
    await checkA11y(page, 'yes-no-answered');

    await page.getByRole('button', exact('English')).click();
    const english = page.getByRole('group', exact(LABEL.en));
    await english.waitFor();
    expect(await english.getByRole('radio', exact('No')).isChecked()).toBe(true);
    expect(await english.getByRole('radio', exact('Yes')).isChecked()).toBe(false);
    await page.getByRole('button', exact('Nederlands')).click();
  });

  it('the review and her application’s page say Nee, in English No', async () => {
    await page.getByRole('button', exact('Volgende stap')).click();
    await expectHeading(page, /: Controleren en versturen$/);
    const main = page.getByRole('main');
    const answer = (label: string, words: string) =>
      main.locator('.utrecht-data-list__item', { hasText: label }).getByText(words, {
        exact: true,
      });
    await answer(LABEL.nl, 'Nee').waitFor();
    await page.getByRole('button', exact('Aanvraag versturen')).click();
    await expectHeading(page, 'Straatfeest Mathenesserlaan');
    await answer(LABEL.nl, 'Nee').waitFor();
    await page.getByRole('button', exact('English')).click();
    await answer(LABEL.en, 'No').waitFor();
    await checkA11y(page, 'yes-no-resident-case-en');
    await page.getByRole('button', exact('Nederlands')).click();
    await logout(page);
  });

  it('staff read the answer as Nee on the case page', async () => {
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${applicationId}`);
    await expectHeading(page, 'Straatfeest Mathenesserlaan', false);
    await page
      .getByRole('main')
      .locator('.utrecht-data-list__item', { hasText: LABEL.nl })
      .getByText('Nee', { exact: true })
      .waitFor();
    expect((await storedData())[key]).toBe(false);
    await logout(page);
  });
});
