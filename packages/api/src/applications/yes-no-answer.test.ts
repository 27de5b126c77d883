/**
 * A yes/no question (`yesno`) through the HTTP API on PostgreSQL, in a workflow of its own (the
 * skeleton policy staff start from, with the question added): a draft saves Nee as `false` and
 * Ja as `true`, and reads them back so; a word ("ja") is refused in words naming the question;
 * handing in without an answer is refused, with Nee it is accepted (Nee is an answer).
 */
import { validateDefinition } from '@initiatief/engine';
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

const LABEL = {
  nl: 'Is de activiteit toegankelijk voor mensen met een beperking?',
  en: 'Is the activity accessible to people with a disability?',
};

let kit: Kit;
let regulationId = '';

beforeAll(async () => {
  kit = await setupKit();
  const definition = workflowSkeleton('toegankelijk-feest', {
    nl: 'Toegankelijk buurtfeest',
    en: 'Accessible neighbourhood party',
  });
  (definition.form.fields as Record<string, unknown>[]).push({
    key: 'accessible',
    type: 'yesno',
    label: LABEL,
  });
  definition.form.pages[0]!.fields.push('accessible');
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

/** The draft's data as the API reads it back. */
async function dataOf(id: string): Promise<Record<string, unknown>> {
  const res = await call(kit.app, 'GET', `/api/applications/${id}`, {
    cookie: kit.cookies.resident,
  });
  expect(res.status).toBe(200);
  return (await readJson(res)).data;
}

const patch = (id: string, version: number, data: unknown, language = 'nl') =>
  call(kit.app, 'PATCH', `/api/applications/${id}`, {
    cookie: kit.cookies.resident,
    json: { data },
    headers: { 'If-Match': `"${version}"`, 'Accept-Language': language },
  });

describe('a draft with a yes/no answer', () => {
  test('Nee is saved as false and Ja as true, and read back so', async () => {
    const draft = await createDraft(kit, 'resident', {
      regulationId,
      data: { title: 'Buurtfeest Oude Westen', accessible: false },
    });
    expect(draft.data).toEqual({ title: 'Buurtfeest Oude Westen', accessible: false });
    expect(await dataOf(draft.id)).toEqual({ title: 'Buurtfeest Oude Westen', accessible: false });
    const stored = await kit.t.db
      .selectFrom('applications')
      .select('data')
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect((stored.data as Record<string, unknown>).accessible).toBe(false);

    const res = await patch(draft.id, draft.version, { accessible: true });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await readJson(res)).data.accessible).toBe(true);
    expect((await dataOf(draft.id)).accessible).toBe(true);
  });

  test('a word is no answer: "ja" is refused in words naming the question, nothing saved', async () => {
    const draft = await createDraft(kit, 'resident', {
      regulationId,
      data: { title: 'Buurtfeest Oude Westen', accessible: true },
    });
    for (const [language, reason] of [
      [
        'nl',
        'Bij ‘Is de activiteit toegankelijk voor mensen met een beperking?’ kan alleen Ja of Nee gekozen worden.',
      ],
      [
        'en',
        '‘Is the activity accessible to people with a disability?’ can only be answered Yes or No.',
      ],
    ] as const) {
      const res = await patch(draft.id, draft.version, { accessible: 'ja' }, language);
      expect(res.status).toBe(422);
      const problem = await readJson(res);
      expect(problem.code).toBe('validation_failed');
      expect(problem.invalidParams).toEqual([{ name: 'data.accessible', reason }]);
    }
    expect((await dataOf(draft.id)).accessible).toBe(true);
  });

  test('handing in needs an answer: none is refused by the question’s label, Nee is accepted', async () => {
    const draft = await createDraft(kit, 'resident', {
      regulationId,
      data: { title: 'Buurtfeest Oude Westen' },
    });
    const refused = await sendEvent(kit, 'resident', draft.id, 'HAND_IN', undefined, {
      'Accept-Language': 'nl',
    });
    expect(refused.status).toBe(422);
    const problem = await readJson(refused);
    expect(problem.guard).toBe('formComplete');
    expect(problem.invalidParams).toEqual([
      {
        name: 'data.accessible',
        reason:
          'Kies Ja of Nee bij ‘Is de activiteit toegankelijk voor mensen met een beperking?’.',
      },
    ]);

    const saved = await patch(draft.id, draft.version, { accessible: false });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const handedIn = await sendEvent(kit, 'resident', draft.id, 'HAND_IN');
    expect(handedIn.status, await handedIn.clone().text()).toBe(200);
    const after = await readJson(handedIn);
    expect(after.state).toBe('received');
    expect(after.data.accessible).toBe(false);
  });
});
