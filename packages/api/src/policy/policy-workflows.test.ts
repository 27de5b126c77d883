/**
 * New workflows by policy staff (issue 13, item 5): a new key from a skeleton or as a copy of a
 * published version, published by two officers, and any regulation pointed at it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoFormData } from '../applications/applications.fixtures';
import { type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { call, createUser, loginAs } from '../test/test-app';

let kit: Kit;
let second = '';
beforeAll(async () => {
  kit = await setupKit();
  const user = await createUser(kit.t.db, { roles: ['policy'] });
  second = await loginAs(kit.app, user.email!);
});
afterAll(() => kit.close());

// biome-ignore lint/suspicious/noExplicitAny: test JSON, checked by the assertions that read it
type Json = Record<string, any>;
const as = (cookie: string, method: string, path: string, json?: unknown) =>
  call(kit.app, method, path, { cookie, json });
async function ok(res: Response, status = 200): Promise<Json> {
  expect(res.status, await res.clone().text()).toBe(status);
  return readJson(res);
}
const title = { nl: 'Wijkfeest', en: 'District party' };

describe('POST /api/policy/definitions', () => {
  test('an empty workflow is a valid skeleton, draft version 1', async () => {
    const created = await ok(
      await as(kit.cookies.policy, 'POST', '/api/policy/definitions', { key: 'wijkfeest', title }),
      201,
    );
    expect(created).toMatchObject({ key: 'wijkfeest', version: 1, status: 'draft', title });
    expect(created.validation).toEqual({ ok: true, problems: [] });
    expect(Object.keys(created.definition.states)).toEqual(['started', 'received', 'cancelled']);
    expect(created.definition.referencePrefix).toBe('WI');
    // Its question and page speak to the resident, and to staff in words of their own.
    expect(created.definition.form.fields[0].staffLabel).toEqual({
      nl: 'Naam van het initiatief',
      en: 'Name of the initiative',
    });
    expect(created.definition.form.pages[0].staffTitle).toEqual({
      nl: 'De aanvraag',
      en: 'The application',
    });
  });

  test('a copy of a published version of another key, under the new key', async () => {
    const created = await ok(
      await as(kit.cookies.policy, 'POST', '/api/policy/definitions', {
        key: 'bewonersinitiatief-zuid',
        title: { nl: 'Bewonersinitiatief Zuid', en: 'Resident initiative South' },
        from: { key: 'bewonersinitiatief', version: 1 },
      }),
      201,
    );
    expect(created.definition.key).toBe('bewonersinitiatief-zuid');
    expect(created.definition.version).toBe(1);
    expect(created.definition.title.nl).toBe('Bewonersinitiatief Zuid');
    // A new subsidy numbers its applications under letters of its own key.
    expect(created.definition.referencePrefix).toBe('BZ');
    expect(Object.keys(created.definition.states)).toContain('info_requested');
    expect(created.validation.ok).toBe(true);
  });

  test('refusals: a taken key, an unknown source, a draft source, a bad key, another role', async () => {
    const taken = await as(kit.cookies.policy, 'POST', '/api/policy/definitions', {
      key: 'klein-buurtbudget',
      title,
    });
    expect(taken.status).toBe(409);
    // The key is the officer's own word, quoted; the sentence around it in both languages.
    const takenBody = await readJson(taken);
    expect(takenBody.text).toEqual({
      nl: 'Er is al een werkproces met de sleutel ‘klein-buurtbudget’. Kies een andere sleutel.',
      en: 'A workflow with the key ‘klein-buurtbudget’ exists already. Choose another key.',
    });
    expect(takenBody.detail).toBe(takenBody.text.en);
    const unknown = await as(kit.cookies.policy, 'POST', '/api/policy/definitions', {
      key: 'nieuw',
      title,
      from: { key: 'bewonersinitiatief', version: 99 },
    });
    expect(unknown.status).toBe(404);
    const fromDraft = await as(kit.cookies.policy, 'POST', '/api/policy/definitions', {
      key: 'nieuw',
      title,
      from: { key: 'wijkfeest', version: 1 },
    });
    expect(fromDraft.status).toBe(409);
    const fromDraftBody = await readJson(fromDraft);
    expect(fromDraftBody).toMatchObject({
      status: 409,
      versionStatus: 'draft',
      text: {
        nl: 'Een nieuw werkproces wordt gekopieerd van een gepubliceerde versie; kies een gepubliceerde versie.',
        en: 'A new workflow is copied from a published version; choose a published version.',
      },
    });
    expect(fromDraftBody.detail).toBe(fromDraftBody.text.en);
    const bad = await as(kit.cookies.policy, 'POST', '/api/policy/definitions', {
      key: 'Nieuw Werk',
      title,
    });
    expect(bad.status).toBe(422);
    expect((await readJson(bad)).invalidParams[0]).toEqual({
      name: 'key',
      reason:
        'De sleutel bestaat uit kleine letters, cijfers en streepjes, zoals klein-buurtbudget.',
    });
    const assessor = await as(kit.cookies.assessor, 'POST', '/api/policy/definitions', {
      key: 'nieuw',
      title,
    });
    expect(assessor.status).toBe(403);
  });

  test('published by two officers, a regulation points at it, and a resident applies on it', async () => {
    const base = '/api/policy/definitions/bewonersinitiatief-zuid';
    const { proposal } = await ok(
      await as(kit.cookies.policy, 'POST', `${base}/versions/1/publish`, {
        comment: 'Eigen regeling voor Zuid.',
      }),
      202,
    );
    await ok(await as(second, 'POST', `/api/policy/proposals/${proposal.id}/approve`, {}));
    const published = await ok(await as(kit.cookies.policy, 'GET', `${base}/versions/1`));
    expect(published.status).toBe('published');

    const change = await ok(
      await as(kit.cookies.policy, 'PATCH', `/api/policy/regulations/${kit.regulationId}`, {
        workflowKey: 'bewonersinitiatief-zuid',
        workflowVersion: 1,
        comment: 'Zuid werkt voortaan met de eigen regeling.',
      }),
      202,
    );
    await ok(await as(second, 'POST', `/api/policy/proposals/${change.proposal.id}/approve`, {}));

    const app = await ok(
      await as(kit.cookies.resident, 'POST', '/api/applications', {
        regulationId: kit.regulationId,
        data: demoFormData(kit.clock()),
      }),
      201,
    );
    const row = await kit.t.db
      .selectFrom('applications')
      .select(['definition_key', 'definition_version', 'reference'])
      .where('id', '=', app.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      definition_key: 'bewonersinitiatief-zuid',
      definition_version: 1,
      reference: expect.stringMatching(/^BZ-\d{4}-\d{6}$/),
    });
  });
});
