/**
 * People read words, not codes: a step refused for the state, the role or four-eyes, and a form
 * that can no longer be changed, name the step and the state by their labels in the definition
 * the application is pinned to: `detail` in English, `text` in Dutch and English. The codes stay
 * machine-readable in `allowed`.
 */
import type { WorkflowDefinition } from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readShippedDefinitions } from '../definitions/definitions.repository';
import { call, createUser, loginAs } from '../test/test-app';
import { demoFormData } from './applications.fixtures';
import {
  ASSESS_GRANT,
  applicationIn,
  createDraft,
  type Kit,
  readJson,
  sendEvent,
  setupKit,
  step,
} from './lifecycle.test-kit';

let kit: Kit;
let def: WorkflowDefinition;
beforeAll(async () => {
  kit = await setupKit();
  const shipped = await readShippedDefinitions();
  const pinned = shipped.find(
    (d) => d.key === kit.workflow.key && d.version === kit.workflow.version,
  );
  if (!pinned) throw new Error('the kit workflow is not shipped');
  def = pinned;
});
afterAll(() => kit.close());

/** The definition's event and state codes found as a whole word (labels differ in case). */
function codesIn(sentence: string): string[] {
  return [...Object.keys(def.events), ...Object.keys(def.states)].filter((code) =>
    new RegExp(`(^|[^A-Za-z_])${code}($|[^A-Za-z_])`).test(sentence),
  );
}

async function refusal(
  res: Response,
  status: number,
  code: string,
  words: { nl: string[]; en: string[] },
) {
  expect(res.status, await res.clone().text()).toBe(status);
  const body = await readJson(res);
  expect(body.code).toBe(code);
  expect(body.text).toEqual({ nl: expect.any(String), en: expect.any(String) });
  for (const w of words.nl) expect(body.text.nl).toContain(`"${w}"`);
  for (const w of words.en) expect(body.text.en).toContain(`"${w}"`);
  expect(body.detail).toBe(body.text.en);
  expect(codesIn(body.detail)).toEqual([]);
  expect(codesIn(body.text.nl)).toEqual([]);
  expect(codesIn(body.text.en)).toEqual([]);
  return body;
}

describe('refusals in words', () => {
  test('409 a step not possible in this state, with the steps that are', async () => {
    const draft = await createDraft(kit);
    const res = await sendEvent(kit, 'resident', draft.id, 'SUPPLEMENT', { message: 'x' });
    const body = await refusal(res, 409, 'event_not_allowed', {
      nl: ['Aanvullen', 'Concept', 'Indienen'],
      en: ['Supplement', 'Draft', 'Submit'],
    });
    expect(body.allowed).toEqual(expect.arrayContaining(['SUBMIT', 'WITHDRAW']));
  });

  test('403 a step for another role', async () => {
    const app = await applicationIn(kit, 'submitted');
    const res = await sendEvent(kit, 'resident', app.id, 'ASSESS', ASSESS_GRANT);
    const body = await refusal(res, 403, 'forbidden', {
      nl: ['Beoordelen', 'Ingediend'],
      en: ['Assess', 'Submitted'],
    });
    expect(body.text.nl).toContain('voor een behandelaar');
  });

  test('403 four-eyes: who assessed does not also grant', async () => {
    const both = await createUser(kit.t.db, { roles: ['assessor', 'approver'] });
    const cookie = await loginAs(kit.app, both.email!);
    const app = await applicationIn(kit, 'submitted');
    const send = (type: string, payload: unknown) =>
      call(kit.app, 'POST', `/api/applications/${app.id}/events`, {
        cookie,
        json: { type, payload },
      });
    expect((await send('ASSESS', ASSESS_GRANT)).status).toBe(200);
    await refusal(await send('GRANT', {}), 403, 'four_eyes', {
      nl: ['Beoordelen', 'Verlenen', 'Beoordeeld'],
      en: ['Assess', 'Grant', 'Assessed'],
    });
  });

  test('403 four-eyes: nobody grants their own application', async () => {
    const both = await createUser(kit.t.db, { roles: ['applicant', 'approver'] });
    const cookie = await loginAs(kit.app, both.email!);
    const created = await call(kit.app, 'POST', '/api/applications', {
      cookie,
      json: { regulationId: kit.regulationId, data: demoFormData(kit.clock()) },
    });
    const app = await readJson(created);
    const submit = await call(kit.app, 'POST', `/api/applications/${app.id}/events`, {
      cookie,
      json: { type: 'SUBMIT' },
    });
    expect(submit.status).toBe(200);
    await step(kit, 'assessor', app.id, 'ASSESS', ASSESS_GRANT);
    const own = await call(kit.app, 'POST', `/api/applications/${app.id}/events`, {
      cookie,
      json: { type: 'GRANT', payload: {} },
    });
    await refusal(own, 403, 'four_eyes', {
      nl: ['Verlenen', 'Beoordeeld'],
      en: ['Grant', 'Assessed'],
    });
  });

  test('409 a decision period extended once already: the guard says why, in words', async () => {
    const app = await applicationIn(kit, 'submitted');
    const extend = { weeks: 2, message: 'Meer tijd nodig voor advies.' };
    await step(kit, 'assessor', app.id, 'EXTEND', extend);
    const res = await sendEvent(kit, 'assessor', app.id, 'EXTEND', extend);
    expect(res.status, await res.clone().text()).toBe(409);
    const body = await readJson(res);
    expect(body.code).toBe('conflict');
    expect(body.text.nl).toContain('maar één keer worden verdaagd');
    expect(body.text.en).toContain('extended only once');
    expect(body.detail).toBe(body.text.en);
    expect(codesIn(body.text.nl)).toEqual([]);
  });

  test('403 a form changed by staff who do not act for the applicant: who may, in words', async () => {
    const draft = await createDraft(kit);
    const res = await call(kit.app, 'PATCH', `/api/applications/${draft.id}`, {
      cookie: kit.cookies.assessor,
      json: { data: { title: 'x' } },
      headers: { 'If-Match': '"1"' },
    });
    expect(res.status, await res.clone().text()).toBe(403);
    const body = await readJson(res);
    expect(body.text).toEqual({
      nl: 'Alleen de aanvrager of een medewerker dienstverlening namens de aanvrager kan het formulier wijzigen.',
      en: "Only the applicant, or desk staff on the applicant's behalf, can change the form.",
    });
    expect(body.detail).toBe(body.text.en);
  });

  test('409 a form that can no longer be changed', async () => {
    const draft = await createDraft(kit);
    await step(kit, 'resident', draft.id, 'SUBMIT');
    const res = await call(kit.app, 'PATCH', `/api/applications/${draft.id}`, {
      cookie: kit.cookies.resident,
      json: { data: { title: 'x' } },
      headers: { 'If-Match': '"2"' },
    });
    await refusal(res, 409, 'event_not_allowed', { nl: ['Ingediend'], en: ['Submitted'] });
  });
});

describe('applying on behalf of a resident', () => {
  test('403 a resident who names another resident as the applicant', async () => {
    const res = await call(kit.app, 'POST', '/api/applications', {
      cookie: kit.cookies.resident,
      json: {
        regulationId: kit.regulationId,
        data: demoFormData(kit.clock()),
        applicantId: kit.users.resident2.id,
      },
    });
    expect(res.status, await res.clone().text()).toBe(403);
    const body = await readJson(res);
    expect(body.text).toEqual({
      nl: 'Alleen een medewerker dienstverlening doet een aanvraag voor een inwoner.',
      en: 'Only desk staff may apply on behalf of a resident.',
    });
    expect(body.detail).toBe(body.text.en);
  });
});
