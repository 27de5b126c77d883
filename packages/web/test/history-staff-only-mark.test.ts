/**
 * A value the applicant does not read, marked for staff: on a version that keeps the term of a
 * request for information for staff (`x-audience: 'staff'`, the newest shipped one), the
 * assessor asks for more information with a term; on the case page the term carries a tag
 * "alleen voor medewerkers", in what the step recorded and in the history, seen and heard with
 * the line, and the question asked carries none. The resident's page reads the request without
 * the term and without the tag. axe on both pages.
 */
import { staffOnlyKeys } from '@initiatief/engine';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData, onlyFormFields } from '../../api/src/applications/applications.fixtures';
import { loadDefinition } from '../../api/src/definitions/definitions.repository';
import { apiAs } from './api-as';
import { checkA11y, expectHeading, login, logout } from './browser';
import { setUpBrowserTest } from './kit';
import { PASSWORD, type TestServer } from './server';
import { newestShippedVersion } from './versions';

let server: TestServer;
let page: Page;
let applicationId = '';
const NEWEST = await newestShippedVersion('bewonersinitiatief');
const TITLE = 'Buurtmoestuin Bospolder';
const TERM = 'Termijn voor de aanvulling (dagen)';
const ASKED = 'Wilt u de offerte van de tuinaanleg meesturen?';
const MARK = 'alleen voor medewerkers';

setUpBrowserTest(
  (started) => {
    ({ server, page } = started);
  },
  {
    // The regulation on the newest shipped version: the one that keeps the term for staff.
    seed: async (s) => {
      await s.deps.db
        .updateTable('regulations')
        .set({ workflow_version: NEWEST })
        .where('id', '=', s.regulationId)
        .execute();
    },
  },
);

const exact = (name: string) => ({ name, exact: true });
/** The history's step that holds what was asked. */
const step = () => page.locator('ol.app-timeline > li').filter({ hasText: ASKED });
/** The visible tags of a part of the page. */
const tags = (scope: Locator) => scope.locator('.app-badge--audience');

describe('a term for staff only, on the case page and on the resident’s page', () => {
  it('the pinned version keeps the term for staff (else this test would prove nothing)', async () => {
    const definition = await loadDefinition(server.deps.db, 'bewonersinitiatief', NEWEST);
    const kept = Object.values(definition.events).flatMap((e) => staffOnlyKeys(e.payload));
    expect(kept.length).toBeGreaterThan(0);
    const resident = await apiAs(server, server.users.resident.email);
    const app = await resident('POST', '/api/applications', {
      regulationId: server.regulationId,
      data: { ...onlyFormFields(definition, demoFormData(server.deps.clock())), title: TITLE },
    });
    expect(app.definition.version).toBe(NEWEST);
    await resident('POST', `/api/applications/${app.id}/events`, { type: 'SUBMIT' });
    applicationId = app.id;
  });

  it('the assessor asks with a term, and reads it with the tag after it', async () => {
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${applicationId}`);
    await expectHeading(page, TITLE, false);
    await page.getByRole('button', exact('Oppakken')).click();
    await page.getByLabel(TERM).fill('14');
    await page.getByLabel('Gevraagde aanvulling').fill(ASKED);
    await page.getByRole('button', exact('Om aanvulling vragen')).click();
    await page.getByText('Het verzoek om aanvulling is verstuurd.').waitFor();

    // In the history: the term's line carries the tag, what was asked does not.
    const term = step().locator('p', { hasText: TERM });
    await term.waitFor();
    expect(await tags(term).textContent()).toBe(MARK);
    expect(await tags(term).isVisible()).toBe(true);
    // Heard with the line, as an aside.
    expect((await term.textContent())?.replace(/\s+/g, ' ')).toBe(`${TERM}: 14 (${MARK})`);
    // (The tree puts spaces around the tag, an inline block: a reader pauses there.)
    const heard = (await term.ariaSnapshot()).replace(/\(\s+/g, '(').replace(/\s+\)/g, ')');
    expect(heard).toContain(`${TERM}: 14 (${MARK})`);
    const asked = step().locator('p', { hasText: ASKED });
    expect(await tags(asked).count()).toBe(0);
    expect(await tags(step()).count()).toBe(1);

    // What the step recorded, above the actions, says it too.
    const recorded = page.locator('.app-recorded');
    expect(await tags(recorded.locator('p', { hasText: TERM })).textContent()).toBe(MARK);
    expect(await tags(recorded).count()).toBe(1);
    await checkA11y(page, 'staff-only-mark-case');
  });

  it('reads in English as well', async () => {
    await page.getByRole('button', exact('English')).click();
    const term = step().locator('p', { hasText: 'Period to supplement (days)' });
    await term.waitFor();
    expect(await tags(term).textContent()).toBe('staff only');
    await page.getByRole('button', exact('Nederlands')).click();
    await step().locator('p', { hasText: TERM }).waitFor();
    await logout(page);
  });

  it('the resident reads what was asked, without the term and without the tag', async () => {
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${applicationId}`);
    await expectHeading(page, TITLE, false);
    await step().getByRole('heading', exact('Om aanvulling gevraagd')).waitFor();
    const main = page.getByRole('main');
    expect(await main.getByText(TERM).count()).toBe(0);
    expect(await main.getByText(MARK).count()).toBe(0);
    expect(await tags(main).count()).toBe(0);
    await checkA11y(page, 'staff-only-mark-resident');
    await logout(page);
  });
});
