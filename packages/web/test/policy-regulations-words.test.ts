/**
 * Small things of the policy pages in words: counts with their singular and plural, the new
 * scheme's name field with its own label, and every mistake of the scheme form said at once as
 * what to do.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData, onlyFormFields } from '../../api/src/applications/applications.fixtures';
import { loadDefinition } from '../../api/src/definitions/definitions.repository';
import { checkA11y, expectHeading, fillDate, login } from './browser';
import { proposeRegulation, setUpPolicyTest } from './policy-kit';
import { PASSWORD, type TestServer } from './server';

let server: TestServer;
let page: Page;
const OFFICER = { email: 'beleid1@example.org', name: 'Pim Beleid' };

setUpPolicyTest([OFFICER], (started) => {
  ({ server, page } = started);
});

/** One application of the resident, through the API: so one version has one running. */
async function oneApplication(): Promise<void> {
  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${server.url}/api${path}`, {
      method: 'POST',
      headers: {
        origin: server.url,
        'content-type': 'application/json',
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify(body),
    });
  const login = await post('/auth/login', {
    email: server.users.resident.email,
    password: PASSWORD,
  });
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const regulation = await server.deps.db
    .selectFrom('regulations')
    .select(['workflow_key', 'workflow_version'])
    .where('id', '=', server.regulationId)
    .executeTakeFirstOrThrow();
  const definition = await loadDefinition(
    server.deps.db,
    regulation.workflow_key,
    regulation.workflow_version,
  );
  const created = await post(
    '/applications',
    {
      regulationId: server.regulationId,
      data: onlyFormFields(definition, demoFormData(server.deps.clock())),
    },
    cookie,
  );
  expect(created.ok, await created.text()).toBe(true);
}

/** Every "n regeling(en), m lopende aanvra(a)g(en)" cell, as [n, word, m, word]. */
async function counts(pattern: RegExp): Promise<RegExpExecArray[]> {
  const cells = await page
    .getByRole('table', { name: /./ })
    .first()
    .locator('td')
    .allTextContents();
  return cells.map((c) => pattern.exec(c)).filter((m): m is RegExpExecArray => m !== null);
}

describe('policy pages in words', () => {
  it('counts schemes and running applications with singular and plural', async () => {
    await oneApplication();
    await login(page, server.url, OFFICER.email, PASSWORD);
    await page.goto(`${server.url}/beleid`);
    await expectHeading(page, 'Werkprocessen', false);
    await page.getByRole('table', { name: 'Versies van werkprocessen' }).waitFor();
    const nl = await counts(/^(\d+) (regeling|regelingen), (\d+) lopende (aanvraag|aanvragen)$/);
    expect(nl.length).toBeGreaterThan(0);
    for (const [, n, a, m, b] of nl) {
      expect(a).toBe(n === '1' ? 'regeling' : 'regelingen');
      expect(b).toBe(m === '1' ? 'aanvraag' : 'aanvragen');
    }
    expect(nl.some(([, , , m]) => m === '1')).toBe(true);
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByRole('table', { name: /./ })
      .first()
      .getByText(/\d+ schemes?, /)
      .first()
      .waitFor();
    const en = await counts(/^(\d+) (scheme|schemes), (\d+) running (application|applications)$/);
    expect(en.length).toBe(nl.length);
    for (const [, n, a, m, b] of en) {
      expect(a).toBe(n === '1' ? 'scheme' : 'schemes');
      expect(b).toBe(m === '1' ? 'application' : 'applications');
    }
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  it('names the new scheme’s field by its label, and says every mistake at once', async () => {
    await page.goto(`${server.url}/beleid/regelingen`);
    const section = page.getByRole('region', { name: 'Nieuwe regeling' });
    await section.waitFor();
    const name = section.getByLabel('Naam van de regeling');
    expect(await name.evaluate((el) => el.tagName)).toBe('INPUT');
    await name.fill('Bewonersinitiatief Noord 2027');
    await section.getByLabel('Code').fill('bi-noord-2027');
    await section.getByLabel('Wijk').fill('Noord');
    // The regulation's year; the dates below have year boxes of their own.
    await section.getByRole('textbox', { name: 'Jaar', exact: true }).first().fill('2027');
    await section.getByLabel('Beslistermijn (weken)').fill('0');
    await fillDate(section, 'Open vanaf', '2027-03-01');
    await fillDate(section, 'Open tot en met', '2027-01-01');
    await section.getByRole('button', { name: 'Regeling aanmaken' }).click();
    await section.getByText('Kies een werkproces.').waitFor();
    await section
      .getByText('Vul een beslistermijn in van minstens 1 week, in hele weken.')
      .waitFor();
    await section.getByText('De sluitingsdatum moet na de openingsdatum liggen.').waitFor();
    expect(await section.textContent()).not.toMatch(/te kort of te laag|ligt op of na/);
    await checkA11y(page, 'regulation-form-errors');
  });

  it('counts a scheme waiting for a second officer apart from the schemes in use', async () => {
    const created = await proposeRegulation(server, OFFICER.email, {
      code: 'BI-OOST-2027',
      title: 'Bewonersinitiatief Oost 2027',
      district: 'Oost',
      year: 2027,
      ceilingCents: 2_000_000,
      maxAmountCents: 500_000,
      opensOn: '2027-01-01',
      closesOn: '2027-12-31',
      comment: 'Het budget voor Oost.',
    });
    expect(created.status, await created.text()).toBe(201);
    await page.goto(`${server.url}/beleid`);
    const table = page.getByRole('table', { name: 'Versies van werkprocessen' });
    await table.getByText(/^\d+ regelingen? \(1 nog niet goedgekeurd\), /).waitFor();
    await checkA11y(page, 'definitions-not-approved');
  });
});
