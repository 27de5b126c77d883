/**
 * The addresses of the form's pages are words made from the pages' titles in the interface's
 * language, never the definition's keys for them: a version of the resident initiatives'
 * workflow (the newest shipped one, its pages retitled, one with diacritics) walked page by page,
 * the steps' and the review's links read, an old address with a page's key opened (it shows that
 * page, and the address bar then names it, in place of the old address), and the language
 * switched (the address follows, its route words too, and the Dutch word still opens the page
 * in English). axe on the pages.
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

type Titled = { nl: string; en: string; words: [string, string] };

/** The pages' titles, and the words their addresses are expected to have, by position. */
const TITLES: Titled[] = [
  { nl: 'Uw initiatief', en: 'Your initiative', words: ['uw-initiatief', 'your-initiative'] },
  { nl: 'Financiële begroting', en: 'Budget', words: ['financiele-begroting', 'budget'] },
  {
    nl: 'Ondersteuners uit de wijk',
    en: 'Supporters',
    words: ['ondersteuners-uit-de-wijk', 'supporters'],
  },
  { nl: 'Betaalgegevens', en: 'Payment details', words: ['betaalgegevens', 'payment-details'] },
];

/** A page more than these four (a later version may have one): titled by its place. */
const extra = (n: number): Titled => ({
  nl: `Aanvulling ${n}`,
  en: `Addition ${n}`,
  words: [`aanvulling-${n}`, `addition-${n}`],
});

/** The newest shipped version with its pages retitled, as v+1. */
async function retitled(): Promise<WorkflowDefinition> {
  const shipped = newestShipped(await readShippedDefinitions(), 'bewonersinitiatief')!;
  const json = structuredClone(shipped) as unknown as {
    version: number;
    form: { pages: { key: string; title: { nl: string; en: string }; staffTitle?: unknown }[] };
  };
  json.version = shipped.version + 1;
  expect(json.form.pages.length).toBeGreaterThanOrEqual(TITLES.length);
  while (TITLES.length < json.form.pages.length) TITLES.push(extra(TITLES.length + 1));
  json.form.pages.forEach((p, i) => {
    p.title = { nl: TITLES[i]!.nl, en: TITLES[i]!.en };
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
    seed: async (s) => {
      definition = await retitled();
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
const base = () => `/aanvragen/${applicationId}/bewerken`;
/** The same address in English (router/route-words.ts). */
const baseEn = () => `/applications/${applicationId}/edit`;
const path = () => new URL(page.url()).pathname;
const total = () => TITLES.length + 1;
const steps = (name: string) => page.getByRole('navigation', exact(name));
const historyLength = () => page.evaluate(() => window.history.length);
const keys = () => (definition.form.pages ?? []).map((p) => p.key);

describe('the addresses of the form’s pages', () => {
  it('walking the form: each page’s address is the word of its Dutch title', async () => {
    const resident = await apiAs(server, server.users.resident.email);
    const app = await resident('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: onlyFormFields(definition, demoFormData(server.deps.clock())),
    });
    expect(app.definition.version).toBe(definition.version);
    applicationId = app.id;
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}${base()}`);
    await expectHeading(page, `Stap 1 van ${total()}: ${TITLES[0]!.nl}`, false);
    // The steps' links name the pages by their words.
    const hrefs = await steps('Stappen van de aanvraag')
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs).toEqual([
      ...TITLES.slice(1).map((t) => `${base()}/${t.words[0]}`),
      `${base()}/controleren`,
    ]);
    for (const [i, title] of TITLES.entries()) {
      if (i > 0) {
        await page.getByRole('button', exact('Volgende stap')).click();
        await expectHeading(page, `Stap ${i + 1} van ${total()}: ${title.nl}`);
      }
      if (i > 0) expect(path()).toBe(`${base()}/${title.words[0]}`);
      for (const key of keys()) expect(path()).not.toMatch(new RegExp(`/${key}$`));
    }
    await checkA11y(page, 'page-addresses-page');
    await page.getByRole('button', exact('Volgende stap')).click();
    await expectHeading(page, `Stap ${total()} van ${total()}: Controleren en versturen`);
    expect(path()).toBe(`${base()}/controleren`);
  });

  it('the review’s links to change a page name it by its word', async () => {
    const change = page.getByRole('link', exact(`${TITLES[1]!.nl} wijzigen`));
    expect(new URL((await change.getAttribute('href'))!, server.url).pathname).toBe(
      `${base()}/${TITLES[1]!.words[0]}`,
    );
    await checkA11y(page, 'page-addresses-review');
    await change.click();
    await expectHeading(page, `Stap 2 van ${total()}: ${TITLES[1]!.nl}`);
    expect(path()).toBe(`${base()}/financiele-begroting`);
  });

  it('an old address with a page’s key opens that page, and the address bar then names it', async () => {
    const before = path();
    const length = await historyLength();
    await page.goto(`${server.url}${base()}/${keys()[3]}`);
    await expectHeading(page, `Stap 4 van ${total()}: ${TITLES[3]!.nl}`, false);
    await expect.poll(path).toBe(`${base()}/betaalgegevens`);
    // The old address was replaced, not added to: one entry for the one page opened.
    expect(await historyLength()).toBe(length + 1);
    await page.goBack();
    await expect.poll(path).toBe(before);
    await expectHeading(page, `Stap 2 van ${total()}: ${TITLES[1]!.nl}`, false);
  });

  it('switching to English changes the address to the English word, in place', async () => {
    await page.goto(`${server.url}${base()}/betaalgegevens`);
    await expectHeading(page, `Stap 4 van ${total()}: ${TITLES[3]!.nl}`, false);
    const length = await historyLength();
    await page.getByRole('button', exact('English')).click();
    await expectHeading(page, `Step 4 of ${total()}: ${TITLES[3]!.en}`, false);
    await expect.poll(path).toBe(`${baseEn()}/payment-details`);
    expect(await historyLength()).toBe(length);
    const hrefs = await steps('Steps of the application')
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs.slice(0, 3)).toEqual(TITLES.slice(0, 3).map((t) => `${baseEn()}/${t.words[1]}`));
    // The form's own last step has its English word too.
    expect(hrefs.at(-1)).toBe(`${baseEn()}/check`);
    await checkA11y(page, 'page-addresses-english');
  });

  it('in English the Dutch word still opens the page; its address is then the English one', async () => {
    await page.goto(`${server.url}${base()}/ondersteuners-uit-de-wijk`);
    await expectHeading(page, `Step 3 of ${total()}: ${TITLES[2]!.en}`, false);
    await expect.poll(path).toBe(`${baseEn()}/supporters`);
    await page.getByRole('button', exact('Next step')).click();
    await expectHeading(page, `Step 4 of ${total()}: ${TITLES[3]!.en}`);
    expect(path()).toBe(`${baseEn()}/payment-details`);
  });

  it('switching back to Dutch gives the Dutch word again', async () => {
    await page.getByRole('button', exact('Nederlands')).click();
    await expectHeading(page, `Stap 4 van ${total()}: ${TITLES[3]!.nl}`, false);
    await expect.poll(path).toBe(`${base()}/betaalgegevens`);
  });
});
