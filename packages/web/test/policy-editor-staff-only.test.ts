/**
 * A step's field for staff only (`x-audience: 'staff'`), from the editor to the history: a policy
 * officer ticks "Alleen voor medewerkers" at the term of a request for information (a field of
 * files does not offer it), the list before publishing says so in words, and once published the
 * resident reads the request in her history without the term, headed by what happened, while
 * the assessor reads the term on the case page. axe on the editor and on both pages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData, onlyFormFields } from '../../api/src/applications/applications.fixtures';
import { loadDefinition } from '../../api/src/definitions/definitions.repository';
import { checkA11y, login, logout } from './browser';
import { httpApi } from './kit';
import {
  cookieOf,
  draftJson,
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
const STAFF_ONLY = 'Alleen voor medewerkers (de aanvrager ziet dit niet in de geschiedenis)';
const TERM = 'Termijn voor de aanvulling (dagen)';
const ASKED = 'Wilt u de offerte van het podium meesturen?';
/** Whether the version the draft is copied from has the term for staff only already. */
let wasStaffOnly = false;
let applicationId = '';

setUpPolicyTest([FIRST, SECOND], (started) => {
  ({ server, page } = started);
});

const api = httpApi(() => server);
const exact = (name: string) => ({ name, exact: true });
const stepGroup = (name: string) =>
  page.locator('#def-section-events').getByRole('group', exact(name));
const term = () => stepGroup('Om aanvulling vragen').getByRole('group', exact(TERM));
const termInDraft = async (): Promise<Json> =>
  (await draftJson(page)).events.REQUEST_INFO.payload.properties.periodDays;

describe('a step’s field for staff only, in the editor', () => {
  it('is ticked at the field and kept as x-audience; unticked, the key is gone', async () => {
    await openNewDraft(page, server, FIRST.email);
    await expectNoProblems(page);
    await page.locator('summary', { hasText: 'Wie mag welke stap zetten' }).click();
    const box = term().getByLabel(STAFF_ONLY, { exact: true });
    wasStaffOnly = (await termInDraft())['x-audience'] === 'staff';
    expect(await box.isChecked()).toBe(wasStaffOnly);
    await box.uncheck();
    await expect.poll(async () => 'x-audience' in (await termInDraft())).toBe(false);
    await box.check();
    await expect.poll(async () => (await termInDraft())['x-audience']).toBe('staff');
    await expectNoProblems(page);
    // What was asked stays for everyone; files sent with a step are listed to her anyway.
    const asked = stepGroup('Om aanvulling vragen').getByRole(
      'group',
      exact('Gevraagde aanvulling'),
    );
    expect(await asked.getByLabel(STAFF_ONLY, { exact: true }).isChecked()).toBe(false);
    const files = stepGroup('Aanvullen').getByRole('group', exact('Bijlagen'));
    await files.waitFor();
    expect(await files.getByLabel(STAFF_ONLY).count()).toBe(0);
    await checkA11y(page, 'editor-payload-staff-only');
  });

  it('reads in English too', async () => {
    await page.getByRole('button', exact('English')).click();
    await stepGroup('Request information')
      .getByRole('group', exact('Period to supplement (days)'))
      .getByLabel('Staff only (the applicant does not see this in the history)', { exact: true })
      .waitFor();
    await page.getByRole('button', exact('Nederlands')).click();
    await term().waitFor();
  });

  it('is saved; the list before publishing says it in words, never the key or its code', async () => {
    await page.getByRole('button', exact('Concept opslaan')).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Concept opgeslagen om/ })
      .waitFor();
    await page.getByRole('button', { name: 'Publiceren…' }).click();
    const summary = page.getByRole('region', { name: 'Publiceren: wat verandert er?' });
    await summary.waitFor();
    // A version that had it already has nothing to say about it.
    if (!wasStaffOnly) {
      await summary
        .getByText(
          `Om aanvulling vragen (${TERM}, in de geschiedenis): – → alleen voor medewerkers`,
          {
            exact: true,
          },
        )
        .waitFor();
    }
    expect((await summary.textContent()) ?? '').not.toMatch(/x-audience|“staff”/);
  });

  it('a second officer approves publishing it for the regulation', async () => {
    await publishForRegulation(server, {
      first: FIRST.email,
      second: SECOND.email,
      version: NEXT,
      comment: 'De termijn van een aanvulling is voor medewerkers.',
      regulationComment: `Versie ${NEXT}: de termijn alleen voor medewerkers.`,
    });
  });
});

describe('the history of a request for information', () => {
  it('is asked by the assessor, with a term', async () => {
    const definition = await loadDefinition(server.deps.db, 'bewonersinitiatief', NEXT);
    const resident = await cookieOf(server, server.users.resident.email);
    const created = await api('/applications', {
      method: 'POST',
      cookie: resident,
      body: {
        regulationId: server.regulationId,
        data: onlyFormFields(definition, demoFormData(server.deps.clock())),
      },
    });
    expect(created.json.definition.version).toBe(NEXT);
    applicationId = created.json.id;
    const events = `/applications/${applicationId}/events`;
    await api(events, { method: 'POST', cookie: resident, body: { type: 'SUBMIT' } });
    await api(events, {
      method: 'POST',
      cookie: await cookieOf(server, server.users.assessor.email),
      body: { type: 'REQUEST_INFO', payload: { message: ASKED, periodDays: 14 } },
    });
  });

  it('the resident reads what was asked, headed by what happened, without the term', async () => {
    await logout(page);
    await login(page, server.url, server.users.resident.email, PASSWORD);
    await page.goto(`${server.url}/aanvragen/${applicationId}`);
    const history = page.locator('ol.app-timeline');
    const step = history.locator('li').filter({ hasText: ASKED });
    await step.waitFor();
    await step.getByRole('heading', exact('Om aanvulling gevraagd')).waitFor();
    await step.getByText(/ · Status: Aanvulling gevraagd$/).waitFor();
    expect(await page.getByRole('main').getByText(TERM).count()).toBe(0);
    await checkA11y(page, 'staff-only-resident-history');
    await logout(page);
  });

  it('the assessor reads the term on the case page', async () => {
    await login(page, server.url, server.users.assessor.email, PASSWORD);
    await page.goto(`${server.url}/behandeling/${applicationId}`);
    const step = page.locator('ol.app-timeline').locator('li').filter({ hasText: ASKED });
    await step.getByText(`${TERM}: 14`).waitFor();
    await checkA11y(page, 'staff-only-case-history');
    await logout(page);
  });
});
