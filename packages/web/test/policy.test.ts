/**
 * Policy staff in a real browser (issue 7): they change a mail text and a time limit in a new
 * draft, see the problems and the diagram, publish with a diff summary, point the regulation at
 * the new version; a new application follows the new version while a running one keeps the old.
 * The migration dry run, the reports and an application's diagram are checked with axe-core too.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormData, onlyFormFields } from '../../api/src/applications/applications.fixtures';
import { loadDefinition } from '../../api/src/definitions/definitions.repository';
import { createUser } from '../../api/src/test/test-app';
import {
  type Browser,
  checkA11y,
  expectHeading,
  login,
  openBrowser,
  screenshotOnFailure,
} from './browser';
import { httpApi } from './kit';
import { expertText } from './policy-kit';
import { PASSWORD, startTestServer, type TestServer } from './server';
import { newestShippedVersion, nextDraftVersion } from './versions';

let server: TestServer;
let browser: Browser;
let page: Page;
const POLICY_EMAIL = 'policy@example.org';
const SECOND_POLICY_EMAIL = 'policy2@example.org';
const NEW_SUBJECT = 'Uw aanvraag {{reference}} is binnen';
let runningId = '';
/**
 * The draft is a copy of the newest published version, so that what publishing it changes is
 * the two changes below; every shipped version is published, so the draft comes after the newest.
 */
const NEWEST = await newestShippedVersion('bewonersinitiatief');
const NEXT = await nextDraftVersion('bewonersinitiatief');

screenshotOnFailure(() => page);

/** The resident's side through the HTTP API, as the browser would call it. */
const api = httpApi(() => server);

async function cookieOf(email: string): Promise<string> {
  const { res } = await api('/auth/login', { method: 'POST', body: { email, password: PASSWORD } });
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

async function submittedApplication(): Promise<{ id: string; definition: { version: number } }> {
  const cookie = await cookieOf(server.users.resident.email);
  // The demo data the form of the regulation's version has fields for (a later version than 1
  // has no district: the regulation decides it).
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
  const created = await api('/applications', {
    method: 'POST',
    cookie,
    body: {
      regulationId: server.regulationId,
      data: onlyFormFields(definition, demoFormData(server.deps.clock())),
    },
  });
  const submitted = await api(`/applications/${created.json.id}/events`, {
    method: 'POST',
    cookie,
    body: { type: 'SUBMIT' },
  });
  return submitted.json;
}

/** Four eyes: the second policy officer approves the one open proposal through the API. */
async function approveAsSecondOfficer() {
  const cookie = await cookieOf(SECOND_POLICY_EMAIL);
  const open = await api('/policy/proposals?status=open', { cookie });
  expect(open.json.items).toHaveLength(1);
  await api(`/policy/proposals/${open.json.items[0].id}/approve`, {
    method: 'POST',
    cookie,
    body: { comment: 'Akkoord.' },
  });
}

async function acknowledgementSubject(applicationId: string): Promise<string | null> {
  const row = await server.deps.db
    .selectFrom('outbox')
    .select('subject')
    .where('application_id', '=', applicationId)
    .where('kind', '=', 'mail')
    .where('template_key', '=', 'acknowledgement')
    .executeTakeFirst();
  return row?.subject ?? null;
}

beforeAll(async () => {
  server = await startTestServer();
  await createUser(server.deps.db, {
    roles: ['policy'],
    email: POLICY_EMAIL,
    name: 'Pim Beleidsmedewerker',
    password: PASSWORD,
  });
  await createUser(server.deps.db, {
    roles: ['policy'],
    email: SECOND_POLICY_EMAIL,
    name: 'Fatima Tweede Beleidsmedewerker',
    password: PASSWORD,
  });
  browser = await openBrowser();
  page = browser.page;
  runningId = (await submittedApplication()).id;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('policy staff change the workflow', () => {
  it('list the workflow versions', async () => {
    await login(page, server.url, POLICY_EMAIL, PASSWORD);
    await page.getByRole('link', { name: 'Beleid' }).first().waitFor();
    await page.getByRole('link', { name: 'Beleid' }).first().click();
    await expectHeading(page, 'Werkprocessen');
    await page.getByRole('table', { name: 'Versies van werkprocessen' }).waitFor();
    await checkA11y(page, 'policy-definitions');
  });

  it('change a mail text and a time limit in a new draft, with live checks', async () => {
    // More than one workflow is shipped: the resident initiatives' newest version's row.
    await page
      .getByRole('row', { name: new RegExp(`^Subsidie bewonersinitiatief ${NEWEST} `) })
      .getByRole('button', { name: `Nieuw concept van versie ${NEWEST}` })
      .click();
    await expectHeading(page, new RegExp(`versie ${NEXT}$`));
    await page.getByText('Geen problemen gevonden.').waitFor();

    // A wrong placeholder shows up as a problem linked to the field.
    await page.locator('summary', { hasText: 'Teksten van brieven en mails' }).click();
    await page.locator('#def-templates-mails-acknowledgement > summary').click();
    const subject = page.locator('#def-templates-mails-acknowledgement-nl-subject');
    await subject.fill('Uw aanvraag {{kenmerk}} is binnen');
    const problem = page.getByRole('link', { name: /\{\{kenmerk\}\} is geen bekend invulveld/ });
    await problem.waitFor();
    await checkA11y(page, 'policy-editor-problem');
    await problem.click();
    expect(await subject.evaluate((el) => el === document.activeElement)).toBe(true);
    await subject.fill(NEW_SUBJECT);
    await page.getByText('Geen problemen gevonden.').waitFor();

    await page.locator('summary', { hasText: 'Termijnen' }).click();
    await page
      // A time limit by what it is, not by its code (decisionWarning).
      .getByRole('group', { name: '7 dagen vóór de uiterste beslisdatum' })
      .getByLabel('Dagen ten opzichte van die datum (negatief is ervoor)')
      .fill('-10');
    // The raw JSON beside the form follows.
    expect(await expertText(page)).toContain('"offsetDays": -10');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Concept opgeslagen om/ })
      .waitFor();
  });

  it('try the draft in the simulator with its own clock', async () => {
    await page.getByRole('button', { name: 'Begin een aanvraag' }).click();
    await page.getByText('Huidige status: Concept').waitFor();
    await page
      .getByRole('button', { name: /^Stap .* zetten$/ })
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Stap Indienen zetten' }).click();
    await page
      // The subject as the applicant reads it, not its placeholders.
      .getByText(/Mail aan de aanvrager: Uw aanvraag VOORBEELD-BI-2026-000001 is binnen/)
      .waitFor();
    const log = (await page.locator('.policy-log').textContent()) ?? '';
    expect(log).toContain('Aangemaakt: – → Concept');
    expect(log).not.toMatch(/CREATE|acknowledgement|new_application/);
    await page.getByRole('img', { name: 'Schema van het werkproces' }).first().waitFor();
    await checkA11y(page, 'policy-simulator');
  });

  it('publish with a summary of the diff', async () => {
    await page.getByRole('button', { name: 'Publiceren…' }).click();
    const summary = page.getByRole('region', { name: 'Publiceren: wat verandert er?' });
    await summary.waitFor();
    // Focus moves to the panel (the button is disabled while it loads).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('publish-title');
    await summary.getByText(`Vergeleken met versie ${NEWEST}.`).waitFor();
    // Publishing alone moves no application: the panel says what does.
    await summary
      .getByText('Publiceren verandert nog niets aan aanvragen.', { exact: false })
      .waitFor();
    // The mail by its subject with its placeholder in words, not the code it is written with.
    await summary.getByText(/Mails gewijzigd: Uw aanvraag «kenmerk» is binnen/).waitFor();
    await summary.getByText('Alle 2 wijzigingen, met de waarde ervoor en erna').waitFor();
    // No diff markers or codes: words.
    expect(await summary.textContent()).not.toMatch(/[~+−]:|decisionWarning|acknowledgement/);
    // Each change with its value before and after.
    await summary
      .getByText(
        '10 dagen vóór de uiterste beslisdatum (Dagen ten opzichte van die datum (negatief is ervoor)): -7 → -10',
      )
      .waitFor();
    await summary.getByText(/Termijnen gewijzigd: 10 dagen vóór de uiterste beslisdatum/).waitFor();
    await checkA11y(page, 'policy-publish-summary');
    await page
      .getByLabel('Waarom publiceren? De tweede beleidsmedewerker leest dit.')
      .fill('Kortere onderwerpregel en een eerdere waarschuwing.');
    await page.getByRole('button', { name: `Stel voor om versie ${NEXT} te publiceren` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'wacht nu op een tweede beleidsmedewerker' })
      .waitFor();
    await approveAsSecondOfficer();
    await page.reload();
    await page.getByText(/is gepubliceerd en kan niet meer veranderen/).waitFor();
  });

  it(`point the regulation at version ${NEXT} for new applications`, async () => {
    await page.getByRole('link', { name: 'Regelingen en budget' }).click();
    await expectHeading(page, 'Regelingen en budget');
    // The workflow by its name: two workflows may both have a version 1.
    await page
      .getByRole('row', { name: /Bewonersinitiatieven Delfshaven 2026/ })
      .getByRole('cell', { name: 'Subsidie bewonersinitiatief – Versie 1' })
      .waitFor();
    await page.getByRole('button', { name: 'Wijzig Bewonersinitiatieven Delfshaven 2026' }).click();
    const form = page.getByRole('region', { name: 'Wijzig Bewonersinitiatieven Delfshaven 2026' });
    // The form opens below the table: focus goes there, so it is in view.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reg-edit-title');
    await form
      .getByLabel('Werkproces voor nieuwe aanvragen')
      .selectOption(`bewonersinitiatief@${NEXT}`);
    await checkA11y(page, 'policy-regulations');
    await form
      .getByLabel(/^Toelichting \(nodig als u het werkproces/)
      .fill(`Nieuwe aanvragen op versie ${NEXT}.`);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'wacht nu op een tweede beleidsmedewerker' })
      .waitFor();
    await approveAsSecondOfficer();
  });

  it(`a new application follows version ${NEXT}; the running one keeps version 1`, async () => {
    const fresh = await submittedApplication();
    expect(fresh.definition.version).toBe(NEXT);
    expect(await acknowledgementSubject(fresh.id)).toMatch(/^Uw aanvraag BI-2026-\d{6} is binnen$/);
    const assessor = await cookieOf(server.users.assessor.email);
    const running = await api(`/applications/${runningId}`, { cookie: assessor });
    expect(running.json.definition.version).toBe(1);
    expect(await acknowledgementSubject(runningId)).toMatch(/^Wij hebben uw aanvraag ontvangen/);
  });

  it('offers to move applications only from a version that has a newer published one', async () => {
    await page.goto(`${server.url}/beleid`);
    await expectHeading(page, 'Werkprocessen', false);
    const table = page.getByRole('table', { name: 'Versies van werkprocessen' });
    const row = (version: number) =>
      table.getByRole('row', { name: new RegExp(`^Subsidie bewonersinitiatief ${version} `) });
    const move = 'Aanvragen overzetten';
    // Version 1 runs an application and has newer versions: the link, to move from version 1.
    await row(1).getByText('1 lopende aanvraag', { exact: false }).waitFor();
    expect(await row(1).getByRole('link', { name: move }).getAttribute('href')).toBe(
      '/beleid/werkprocessen/bewonersinitiatief/migratie?van=1',
    );
    // The newest published version runs one too, but there is nothing newer to move it to.
    await row(NEXT).getByText('1 lopende aanvraag', { exact: false }).waitFor();
    expect(await row(NEXT).getByRole('link', { name: move }).count()).toBe(0);
    // Version 1's is the only such link in the table.
    expect(await table.getByRole('link', { name: move }).count()).toBe(1);
  });

  it('the migration page: working defaults, labels and sentences, one application chosen', async () => {
    // No ?van=: the page picks the version that has running applications and a newer one.
    await page.goto(`${server.url}/beleid/werkprocessen/bewonersinitiatief/migratie`);
    await expectHeading(page, 'Lopende aanvragen overzetten naar een nieuwe versie', false);
    expect(await page.getByLabel('Van versie').inputValue()).toBe('1');
    expect(await page.getByLabel('Naar versie').inputValue()).toBe(String(NEXT));
    await page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
    const table = page.getByRole('table', { name: /Proefdraai: \d+ aanvragen, 0 zonder plek/ });
    await table.waitFor();
    const running = await api(`/applications/${runningId}`, {
      cookie: await cookieOf(server.users.assessor.email),
    });
    const row = table.getByRole('row', { name: new RegExp(running.json.reference) });
    // State labels, never codes; deadlines and budget in sentences.
    await row.getByRole('cell', { name: 'Ingediend', exact: true }).waitFor();
    await row.getByText('Zelfde status').waitFor();
    await row
      .getByText(/^De beslistermijn loopt door en gaat af op \d+ \w+ 2026, zoals al gepland\.$/)
      .waitFor();
    await row.getByText('Er is geen budget gereserveerd.').waitFor();
    // The new version has no ‘Wijk’: the dry run says, in its own column, what leaves the form.
    await table.getByRole('columnheader', { name: 'Formulier' }).waitFor();
    await row
      .getByText(`Versie ${NEXT} heeft geen veld ‘Wijk’: wat daar was ingevuld, vervalt`, {
        exact: false,
      })
      .waitFor();
    expect(await table.getByText('submitted', { exact: true }).count()).toBe(0);
    await checkA11y(page, 'policy-migration');

    // Move only this one: untick all, tick it.
    await page.getByLabel('Alle aanvragen die een plek hebben').uncheck();
    await page.getByLabel(`Zet ${running.json.reference} over`).check();
    await page.getByRole('button', { name: 'Zet 1 gekozen aanvraag over' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `1 aanvraag staat nu op versie ${NEXT}.` })
      .waitFor();
    const moved = await api(`/applications/${runningId}`, {
      cookie: await cookieOf(server.users.assessor.email),
    });
    expect(moved.json.definition.version).toBe(NEXT);
    expect(moved.json.data.district).toBeUndefined();
    // The new version, a copy of the newest, has no district field: the migration took it out of
    // the application and said so in its explanation; the history keeps what it held.
    const history = await server.deps.db
      .selectFrom('application_history')
      .select('payload')
      .where('application_id', '=', runningId)
      .where('event', '=', 'MIGRATE_DEFINITION')
      .executeTakeFirstOrThrow();
    const payload = history.payload as { explanation: { nl: string }[]; droppedData: unknown };
    expect(payload.explanation.map((t) => t.nl)).toContain(
      `Versie ${NEXT} heeft geen veld ‘Wijk’: wat daar was ingevuld, vervalt in de aanvraag en blijft in de geschiedenis staan.`,
    );
    expect(payload.droppedData).toEqual({ district: 'Delfshaven' });

    // The resident reads the move in words, with what it changed; never the event's code.
    const residentBrowser = await openBrowser();
    try {
      const own = residentBrowser.page;
      await login(own, server.url, server.users.resident.email, PASSWORD);
      await own.goto(`${server.url}/aanvragen/${runningId}`);
      await own.getByText('De gemeente heeft de werkwijze voor deze aanvraag bijgewerkt').waitFor();
      await own.getByText(`Versie ${NEXT} heeft geen veld ‘Wijk’`, { exact: false }).waitFor();
      expect(await own.getByText('MIGRATE_DEFINITION', { exact: false }).count()).toBe(0);
      await checkA11y(own, 'resident-after-migration');
    } finally {
      await residentBrowser.close();
    }
  });

  it('reports, and an application in the diagram', async () => {
    await page.getByRole('link', { name: 'Rapportages' }).click();
    await expectHeading(page, 'Rapportages');
    await page
      .getByRole('img', { name: 'Gebruikt budget tegenover het plafond per wijk' })
      .waitFor();
    await page.getByRole('link', { name: 'Aanvragen (CSV)' }).waitFor();
    // Each row of the budget table by its regulation's name: two of one district and year
    // would otherwise read the same.
    await page
      .getByRole('rowheader', { name: 'Bewonersinitiatieven Delfshaven 2026' })
      .first()
      .waitFor();
    await checkA11y(page, 'policy-reports');

    await page.goto(`${server.url}/beleid/aanvragen/${runningId}`);
    await page.getByRole('heading', { level: 1, name: /in het werkproces$/ }).waitFor();
    await page.locator('[data-state="submitted"][aria-current="step"]').waitFor();
    await checkA11y(page, 'policy-application-diagram');
  });
});
