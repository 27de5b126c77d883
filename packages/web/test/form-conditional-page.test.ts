/**
 * A page of the form whose questions all depend on an earlier answer: a version of the resident
 * initiatives' workflow (the newest shipped one, with a yes/no question added to its first page
 * and a page "Eerdere subsidie" after it whose questions are asked only after Ja). While no
 * question on it applies, the page is no step: not counted in "Stap x van y", not in the steps'
 * list, passed over by next and back, left out of the review, and an address naming it leads on
 * to the next step. Ja brings it (focus stays on Ja, a live region says a step came); Nee skips
 * it again and says so. Sending works without it. axe on each page.
 */
import { validateDefinition, type WorkflowDefinition } from '@initiatief/engine';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData, onlyFormFields } from '../../api/src/applications/applications.fixtures';
import {
  newestShipped,
  readShippedDefinitions,
} from '../../api/src/definitions/definitions.repository';
import { apiAs } from './api-as';
import { checkA11y, expectHeading, login } from './browser';
import { setUpBrowserTest } from './kit';
import { PASSWORD, type TestServer } from './server';

let server: TestServer;
let page: Page;
let applicationId = '';
let definition: WorkflowDefinition;

const PRIOR = { nl: 'Heeft u eerder subsidie gekregen voor dit initiatief?', en: 'Before?' };
const YEAR = { nl: 'In welk jaar kreeg u die subsidie?', en: 'In which year?' };
const USE = { nl: 'Waar heeft u die subsidie voor gebruikt?', en: 'What was it for?' };
const EARLIER = { nl: 'Eerdere subsidie', en: 'Earlier subsidy' };
const FIRST_PAGE = 'Uw initiatief';

/** The newest shipped version with the question and the page that depends on it, as v+1. */
async function withConditionalPage(): Promise<WorkflowDefinition> {
  const shipped = newestShipped(await readShippedDefinitions(), 'bewonersinitiatief')!;
  const json = structuredClone(shipped) as unknown as {
    version: number;
    form: { fields: object[]; pages: { key: string; fields: string[]; title: object }[] };
  };
  json.version = shipped.version + 1;
  const asked = { field: 'hadSubsidy', in: [true] };
  json.form.fields.push(
    { key: 'hadSubsidy', type: 'yesno', required: true, label: PRIOR },
    { key: 'subsidyYear', type: 'text', required: true, label: YEAR, showWhen: asked },
    { key: 'subsidyUse', type: 'textarea', required: false, label: USE, showWhen: asked },
  );
  json.form.pages[0]!.fields.push('hadSubsidy');
  json.form.pages.splice(1, 0, {
    key: 'eerder',
    title: EARLIER,
    fields: ['subsidyYear', 'subsidyUse'],
  });
  const result = validateDefinition(json);
  if (!result.ok || !result.definition) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

setUpBrowserTest(
  (started) => {
    ({ server, page } = started);
  },
  {
    // Published as policy staff would, and the regulation on it.
    seed: async (s) => {
      definition = await withConditionalPage();
      const now = s.deps.clock();
      await s.deps.db
        .insertInto('workflow_definitions')
        .values({
          key: definition.key,
          version: definition.version,
          status: 'published',
          definition: JSON.stringify(definition),
          created_at: now,
          published_at: now,
        })
        .execute();
      await s.deps.db
        .updateTable('regulations')
        .set({ workflow_version: definition.version })
        .where('id', '=', s.regulationId)
        .execute();
    },
  },
);

const exact = (name: string) => ({ name, exact: true });
const steps = () => page.getByRole('navigation', { name: 'Stappen van de aanvraag' });
const stepNames = async () =>
  (await steps().getByRole('listitem').allTextContents()).map((s) => s.trim());
const prior = () => page.getByRole('group', exact(PRIOR.nl));
const next = () => page.getByRole('button', exact('Volgende stap'));
const back = () => page.getByRole('button', exact('Vorige stap'));
const announced = (text: string) =>
  page.locator('[aria-live="polite"]', { hasText: text }).waitFor({ state: 'attached' });
const stored = async () =>
  (
    await server.deps.db
      .selectFrom('applications')
      .select('data')
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow()
  ).data as Record<string, unknown>;
/** The other pages, by their titles, in order. */
const titles = () => (definition.form.pages ?? []).map((p) => p.title.nl);

describe('a page asked only after an earlier answer', () => {
  it('is no step before the answer: not counted, not listed', async () => {
    const resident = await apiAs(server, server.users.resident.email);
    const app = await resident('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: onlyFormFields(definition, demoFormData(server.deps.clock())),
    });
    expect(app.definition.version).toBe(definition.version);
    applicationId = app.id;
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${applicationId}/bewerken`);
    const others = titles().filter((t) => t !== EARLIER.nl);
    const total = others.length + 1;
    await expectHeading(page, `Stap 1 van ${total}: ${FIRST_PAGE}`, false);
    expect(await stepNames()).toEqual([
      ...others.map((t, i) => `${i + 1}. ${t}`),
      `${total}. Controleren en versturen`,
    ]);
    await checkA11y(page, 'conditional-page-unanswered');
  });

  it('Nee: next and back pass it by', async () => {
    await prior().getByRole('radio', exact('Nee')).check();
    await expect.poll(async () => (await stored()).hadSubsidy).toBe(false);
    await next().click();
    const second = titles()[2]!;
    await expectHeading(page, new RegExp(`^Stap 2 van \\d+: ${second}$`));
    expect(page.url()).not.toMatch(/\/eerder$/);
    await back().click();
    await expectHeading(page, new RegExp(`^Stap 1 van \\d+: ${FIRST_PAGE}$`));
  });

  it('Ja brings the step: focus stays on Ja, the count and the list grow, a live region says so', async () => {
    const before = (await stepNames()).length;
    await prior().getByRole('radio', exact('Ja')).check();
    await steps()
      .getByRole('link', exact(`2. ${EARLIER.nl}`))
      .waitFor();
    expect(await prior().evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await announced(`Er is een stap bijgekomen: ‘${EARLIER.nl}’.`);
    expect(await stepNames()).toHaveLength(before + 1);
    await expectHeading(page, `Stap 1 van ${before + 1}: ${FIRST_PAGE}`, false);
    await checkA11y(page, 'conditional-page-yes');
  });

  it('next leads to it; its questions are asked and kept', async () => {
    await next().click();
    await expectHeading(page, new RegExp(`^Stap 2 van \\d+: ${EARLIER.nl}$`));
    await page.getByLabel(YEAR.nl, { exact: true }).fill('2024');
    await expect.poll(async () => (await stored()).subsidyYear).toBe('2024');
    await checkA11y(page, 'conditional-page-asked');
    await next().click();
    await expectHeading(page, new RegExp(`^Stap 3 van \\d+: ${titles()[2]}$`));
  });

  it('the review lists it while it is asked', async () => {
    await steps()
      .getByRole('link', { name: /Controleren en versturen$/ })
      .click();
    await expectHeading(page, /: Controleren en versturen$/);
    const section = page.getByRole('region', exact(EARLIER.nl));
    await section.getByText('2024', { exact: true }).waitFor();
  });

  it('Nee skips it again: said, its answers cleared, gone from the list', async () => {
    await steps()
      .getByRole('link', { name: new RegExp(`^1\\. ${FIRST_PAGE}$`) })
      .click();
    await expectHeading(page, new RegExp(`^Stap 1 van \\d+: ${FIRST_PAGE}$`));
    await prior().getByRole('radio', exact('Nee')).check();
    await announced(`De stap ‘${EARLIER.nl}’ is niet meer nodig en wordt overgeslagen.`);
    expect(await prior().evaluate((el) => el.contains(document.activeElement))).toBe(true);
    expect((await stepNames()).join(' ')).not.toContain(EARLIER.nl);
    await expect.poll(async () => Object.hasOwn(await stored(), 'subsidyYear')).toBe(false);
    await checkA11y(page, 'conditional-page-no');
  });

  it('an address naming it leads on to the next step asked', async () => {
    await page.goto(`${server.url}/aanvragen/${applicationId}/bewerken/eerder`);
    await expectHeading(page, new RegExp(`^Stap 2 van \\d+: ${titles()[2]}$`), false);
    expect(new URL(page.url()).pathname).not.toMatch(/\/eerder$/);
  });

  it('the review leaves it out; sending works without it', async () => {
    await steps()
      .getByRole('link', { name: /Controleren en versturen$/ })
      .click();
    const total = titles().length;
    await expectHeading(page, `Stap ${total} van ${total}: Controleren en versturen`);
    const main = page.getByRole('main');
    expect(await main.getByRole('region', exact(EARLIER.nl)).count()).toBe(0);
    expect(await main.getByText(YEAR.nl).count()).toBe(0);
    await main
      .locator('.utrecht-data-list__item', { hasText: PRIOR.nl })
      .getByText('Nee', { exact: true })
      .waitFor();
    await checkA11y(page, 'conditional-page-review');
    await page.getByRole('button', exact('Aanvraag versturen')).click();
    await expectHeading(page, 'Straatfeest Mathenesserlaan');
    expect(await page.getByRole('main').getByText(EARLIER.nl).count()).toBe(0);
    const app = await server.deps.db
      .selectFrom('applications')
      .select('state')
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow();
    // Sent on: out of the state the definition tags as a draft.
    expect(definition.states[app.state]?.tags ?? []).not.toContain('draft');
  });
});
