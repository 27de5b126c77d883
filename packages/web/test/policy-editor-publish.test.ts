/**
 * The draft of issue 15 (see policy-editor-steps.ts: a reminder mail, five supporters, a new
 * letter with the grant, a new step between two statuses), made in the editor and saved, is
 * proposed for publishing and approved by a second officer; the regulation then gets a new
 * ceiling typed the Dutch way and points at the new version, and a real application follows
 * every change.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoFormData, onlyFormFields } from '../../api/src/applications/applications.fixtures';
import { loadDefinition } from '../../api/src/definitions/definitions.repository';
import { checkA11y, expectHeading, login } from './browser';
import { httpApi } from './kit';
import {
  addAdviceStep,
  addGrantLetter,
  addReminderMail,
  FIRST,
  NEXT,
  REGULATION,
  raiseSupporters,
  SECOND,
  saveAndReload,
} from './policy-editor-steps';
import { cookieOf, expectNoProblems, openNewDraft, setUpPolicyTest } from './policy-kit';
import { PASSWORD, type TestServer } from './server';

let server: TestServer;
let page: Page;

setUpPolicyTest([FIRST, SECOND], (started) => {
  ({ server, page } = started);
});

const api = httpApi(() => server, { anyStatus: true });

describe('the changed workflow is published, and applications follow it', () => {
  it('makes the four changes in the editor and saves the draft', async () => {
    await openNewDraft(page, server, FIRST.email, { from: 1, listHeading: true });
    await expectNoProblems(page);
    await addReminderMail(page);
    await raiseSupporters(page);
    await addGrantLetter(page);
    await addAdviceStep(page);
    await saveAndReload(page);
  });

  it('proposes publishing; a second officer approves', async () => {
    await page.getByRole('button', { name: 'Publiceren…' }).click();
    await page
      .getByLabel('Waarom publiceren? De tweede beleidsmedewerker leest dit.')
      .fill('Herinnering, vijf ondersteuners, extra brief en advies van de wijkraad.');
    await page.getByRole('button', { name: `Stel voor om versie ${NEXT} te publiceren` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'wacht nu op een tweede beleidsmedewerker' })
      .waitFor();
    await login(page, server.url, SECOND.email, PASSWORD);
    await page.goto(`${server.url}/beleid`);
    const what = `Versie ${NEXT} van Subsidie bewonersinitiatief publiceren`;
    await page
      .getByRole('article', { name: what })
      .getByLabel('Uw toelichting (verplicht bij afkeuren)')
      .fill('Akkoord.');
    await page.getByRole('button', { name: `Keur goed: ${what}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Goedgekeurd en doorgevoerd: ${what}.` })
      .waitFor();
  });

  it(`(5) sets the ceiling typed as 175.000 and points the regulation at version ${NEXT}`, async () => {
    await login(page, server.url, FIRST.email, PASSWORD);
    await page.goto(`${server.url}/beleid/regelingen`);
    await expectHeading(page, 'Regelingen en budget', false);
    await page.getByRole('button', { name: `Wijzig ${REGULATION}` }).click();
    const form = page.getByRole('region', { name: `Wijzig ${REGULATION}` });
    await form.getByLabel('Subsidieplafond (euro)').fill('175.000');
    // Settlement above this amount takes a second person (issue 19); empty would mean never.
    await form.getByLabel('Vaststelling door een tweede persoon boven (euro)').fill('2.500');
    await form
      .getByLabel('Werkproces voor nieuwe aanvragen')
      .selectOption(`bewonersinitiatief@${NEXT}`);
    await form.getByLabel(/^Toelichting/).fill(`Nieuw plafond en versie ${NEXT}.`);
    await checkA11y(page, 'regulations-money');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await login(page, server.url, SECOND.email, PASSWORD);
    await page.goto(`${server.url}/beleid/regelingen`);
    await page
      .getByText(/Vaststelling door een tweede persoon boven: €\s[\d.]+,\d\d → €\s2\.500,00/)
      .first()
      .waitFor();
    await page
      .getByRole('button', { name: /^Keur goed: / })
      .first()
      .click();
    await page
      .getByRole('status')
      .filter({ hasText: /Goedgekeurd en doorgevoerd/ })
      .waitFor();
    await page.getByRole('cell', { name: '€ 175.000,00' }).first().waitFor();
    const row = await server.deps.db
      .selectFrom('regulations')
      .select(['ceiling_cents', 'workflow_version', 'settlement_four_eyes_above_cents'])
      .where('id', '=', server.regulationId)
      .executeTakeFirstOrThrow();
    expect(Number(row.ceiling_cents)).toBe(17_500_000);
    expect(row.settlement_four_eyes_above_cents).toBe(250_000);
    expect(row.workflow_version).toBe(NEXT);
  });

  it('a real application follows every change', async () => {
    const resident = await cookieOf(server, server.users.resident.email);
    // The demo data this version's form has fields for (a copy of version 1 still asks for the
    // district; one of a later version would not).
    const definition = await loadDefinition(server.deps.db, 'bewonersinitiatief', NEXT);
    const data = onlyFormFields(definition, demoFormData(server.deps.clock()));
    const created = await api('/applications', {
      method: 'POST',
      cookie: resident,
      body: { regulationId: server.regulationId, data },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const id = created.json.id as string;
    expect(created.json.definition.version).toBe(NEXT);
    // (2) four supporters are refused, five are enough.
    const refused = await api(`/applications/${id}/events`, {
      method: 'POST',
      cookie: resident,
      body: { type: 'SUBMIT' },
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const five = {
      supporters: [
        ...(data.supporters as object[]),
        { name: 'Noor Haddou', postcode: '3022 AF', age: 29 },
      ],
    };
    const patched = await fetch(`${server.url}/api/applications/${id}`, {
      method: 'PATCH',
      headers: {
        origin: server.url,
        'content-type': 'application/json',
        cookie: resident,
        'if-match': created.etag!,
      },
      body: JSON.stringify({ data: five }),
    });
    expect(patched.status, await patched.text()).toBe(200);
    const submitted = await api(`/applications/${id}/events`, {
      method: 'POST',
      cookie: resident,
      body: { type: 'SUBMIT' },
    });
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);
    // (1) the reminder is a durable timer.
    const timers = await server.deps.db
      .selectFrom('timers')
      .select(['event', 'due_at'])
      .where('application_id', '=', id)
      .where('status', '=', 'pending')
      .execute();
    expect(timers.map((t) => t.event).join(' ')).toContain('herinneringBeslissing');
    // (4) the new step asks its question.
    const assessor = await cookieOf(server, server.users.assessor.email);
    const missing = await api(`/applications/${id}/events`, {
      method: 'POST',
      cookie: assessor,
      body: { type: 'ADVIES_WIJKRAAD_VRAGEN', payload: {} },
    });
    expect(missing.status).toBe(422);
    const asked = await api(`/applications/${id}/events`, {
      method: 'POST',
      cookie: assessor,
      body: {
        type: 'ADVIES_WIJKRAAD_VRAGEN',
        payload: { vraagAanDeWijkraad: 'Past dit bij de wijkagenda?' },
      },
    });
    expect(asked.status, JSON.stringify(asked.json)).toBe(200);
    expect(asked.json.state).toBe('advies_wijkraad');
    const assessed = await api(`/applications/${id}/events`, {
      method: 'POST',
      cookie: assessor,
      body: {
        type: 'ASSESS',
        payload: { recommendation: 'grant', amountCents: 50_000, motivation: 'Goed.' },
      },
    });
    expect(assessed.status, JSON.stringify(assessed.json)).toBe(200);
    // (3) the grant sends the new letter.
    const approver = await cookieOf(server, server.users.approver.email);
    const granted = await api(`/applications/${id}/events`, {
      method: 'POST',
      cookie: approver,
      body: { type: 'GRANT', payload: { amountCents: 50_000 } },
    });
    expect(granted.status, JSON.stringify(granted.json)).toBe(200);
    const letters = await server.deps.db
      .selectFrom('documents')
      .select(['template_key', 'subject'])
      .where('application_id', '=', id)
      .where('template_key', '=', 'toelichting_verlening')
      .execute();
    expect(letters.map((l) => l.subject)).toEqual([
      expect.stringMatching(/^Toelichting bij uw subsidie BI-/),
    ]);
  });
});
