/**
 * A question asked only after certain answers (`showWhen`) through the HTTP API on PostgreSQL,
 * in a workflow of its own (the skeleton policy staff start from, with two questions added):
 * "Voor welk jaar en welk bedrag?" only after Ja to "Heeft u eerder subsidie gekregen voor dit
 * initiatief?". Handing in with Ja needs the answer; with Nee it is not asked; a kept answer
 * after Nee is refused in words naming both questions, and clearing it (null) with the Nee is
 * what the form does. The form's JSON Schema says the same.
 */
import { formJsonSchema, validateDefinition } from '@initiatief/engine';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { workflowSkeleton } from '../policy/policy-workflows.service';
import { call } from '../test/test-app';
import {
  createDraft,
  createRegulation,
  type Kit,
  readJson,
  sendEvent,
  setupKit,
} from './lifecycle.test-kit';

const PRIOR = {
  key: 'priorSubsidy',
  type: 'yesno',
  label: {
    nl: 'Heeft u eerder subsidie gekregen voor dit initiatief?',
    en: 'Have you had a subsidy for this initiative before?',
  },
};
const DETAILS = {
  key: 'priorDetails',
  type: 'text',
  label: { nl: 'Voor welk jaar en welk bedrag?', en: 'For which year and what amount?' },
  showWhen: { field: 'priorSubsidy', in: [true] },
};

let kit: Kit;
let regulationId = '';
let definition: ReturnType<typeof workflowSkeleton>;

beforeAll(async () => {
  kit = await setupKit();
  definition = workflowSkeleton('eerder-subsidie', {
    nl: 'Buurtfeest met geschiedenis',
    en: 'Neighbourhood party with a history',
  });
  (definition.form.fields as Record<string, unknown>[]).push(PRIOR, DETAILS);
  definition.form.pages[0]!.fields.push('priorSubsidy', 'priorDetails');
  // A definition policy staff could publish: the engine's checks pass.
  expect(validateDefinition(definition).problems).toEqual([]);
  await kit.t.db
    .insertInto('workflow_definitions')
    .values({
      key: definition.key,
      version: 1,
      status: 'published',
      definition: JSON.stringify(definition),
      created_at: kit.clock(),
      published_at: kit.clock(),
    })
    .execute();
  regulationId = await createRegulation(kit.t, { key: definition.key, version: 1 });
});
afterAll(() => kit.close());

const patch = (id: string, version: number, data: unknown, language = 'nl') =>
  call(kit.app, 'PATCH', `/api/applications/${id}`, {
    cookie: kit.cookies.resident,
    json: { data },
    headers: { 'If-Match': `"${version}"`, 'Accept-Language': language },
  });

const STALE = {
  nl: '‘Voor welk jaar en welk bedrag?’ hoort alleen bij het antwoord Ja op ‘Heeft u eerder subsidie gekregen voor dit initiatief?’. Laat het leeg, of kies daar Ja.',
  en: '‘For which year and what amount?’ only applies when the answer to ‘Have you had a subsidy for this initiative before?’ is Yes. Leave it empty, or choose Yes there.',
};

describe('a question asked only after Ja', () => {
  test('with Ja, handing in needs the answer; with it, it is accepted and kept', async () => {
    const draft = await createDraft(kit, 'resident', {
      regulationId,
      data: { title: 'Buurtfeest Oude Westen', priorSubsidy: true },
    });
    const refused = await sendEvent(kit, 'resident', draft.id, 'HAND_IN', undefined, {
      'Accept-Language': 'nl',
    });
    expect(refused.status).toBe(422);
    const problem = await readJson(refused);
    expect(problem.guard).toBe('formComplete');
    expect(problem.invalidParams).toEqual([
      { name: 'data.priorDetails', reason: 'Voor welk jaar en welk bedrag? ontbreekt.' },
    ]);

    const saved = await patch(draft.id, draft.version, { priorDetails: '2025, € 400' });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const handedIn = await sendEvent(kit, 'resident', draft.id, 'HAND_IN');
    expect(handedIn.status, await handedIn.clone().text()).toBe(200);
    const after = await readJson(handedIn);
    expect(after.state).toBe('received');
    expect(after.data.priorDetails).toBe('2025, € 400');
  });

  test('with Nee, it is not asked: handing in without it is accepted', async () => {
    const draft = await createDraft(kit, 'resident', {
      regulationId,
      data: { title: 'Buurtfeest Oude Westen', priorSubsidy: false },
    });
    const handedIn = await sendEvent(kit, 'resident', draft.id, 'HAND_IN');
    expect(handedIn.status, await handedIn.clone().text()).toBe(200);
    const after = await readJson(handedIn);
    expect(after.state).toBe('received');
    expect(after.data).toEqual({ title: 'Buurtfeest Oude Westen', priorSubsidy: false });
  });

  test('Ja → Nee: a kept answer is refused in words, cleared with the Nee it is saved', async () => {
    const draft = await createDraft(kit, 'resident', {
      regulationId,
      data: { title: 'Buurtfeest Oude Westen', priorSubsidy: true, priorDetails: '2025' },
    });
    for (const language of ['nl', 'en'] as const) {
      const res = await patch(draft.id, draft.version, { priorSubsidy: false }, language);
      expect(res.status).toBe(422);
      const problem = await readJson(res);
      expect(problem.code).toBe('validation_failed');
      expect(problem.invalidParams).toEqual([
        { name: 'data.priorDetails', reason: STALE[language] },
      ]);
    }
    // What the form sends: the Nee, and the hidden answer cleared.
    const cleared = await patch(draft.id, draft.version, {
      priorSubsidy: false,
      priorDetails: null,
    });
    expect(cleared.status, await cleared.clone().text()).toBe(200);
    const saved = await readJson(cleared);
    expect(saved.data).toEqual({ title: 'Buurtfeest Oude Westen', priorSubsidy: false });
    // A new draft sent with the stale answer is refused the same way.
    const res = await call(kit.app, 'POST', '/api/applications', {
      cookie: kit.cookies.resident,
      json: {
        regulationId,
        data: { title: 'Buurtfeest', priorSubsidy: false, priorDetails: '2025' },
      },
      headers: { 'Accept-Language': 'en' },
    });
    expect(res.status).toBe(422);
    expect((await readJson(res)).invalidParams).toEqual([
      { name: 'data.priorDetails', reason: STALE.en },
    ]);
  });

  test('the form’s JSON Schema is valid and says the same', () => {
    const ajv = new Ajv2020({ strict: false });
    const check = ajv.compile(formJsonSchema(validateDefinition(definition).definition!));
    const title = 'Buurtfeest Oude Westen';
    expect(check({ title, priorSubsidy: true, priorDetails: '2025' })).toBe(true);
    expect(check({ title, priorSubsidy: false })).toBe(true);
    expect(check({ title, priorSubsidy: true })).toBe(false);
    expect(check({ title, priorSubsidy: false, priorDetails: '2025' })).toBe(false);
  });
});
