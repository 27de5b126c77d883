/**
 * A file the application's state takes none of is refused in words: the state by its label in
 * the definition the application is pinned to, in Dutch and English (`text`), `detail` its
 * English, and no code of the definition in either.
 */
import type { WorkflowDefinition } from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applicationIn, type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { readShippedDefinitions } from '../definitions/definitions.repository';
import { TEST_ORIGIN } from '../test/test-app';
import { pdf, upload } from './attachments.test-kit';

let kit: Kit;
let def: WorkflowDefinition;
beforeAll(async () => {
  kit = await setupKit();
  const pinned = (await readShippedDefinitions()).find(
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

describe('a file refused for the state, in words', () => {
  test('409 on a submitted application names the status "Ingediend" / "Submitted"', async () => {
    const app = await applicationIn(kit, 'submitted');
    const res = await upload(kit, kit.app, app.id, 'offerte.pdf');
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body.code).toBe('event_not_allowed');
    expect(res.body.text).toEqual({ nl: expect.any(String), en: expect.any(String) });
    expect(res.body.text.nl).toContain('"Ingediend"');
    expect(res.body.text.en).toContain('"Submitted"');
    expect(res.body.detail).toBe(res.body.text.en);
    expect(codesIn(res.body.text.nl)).toEqual([]);
    expect(codesIn(res.body.text.en)).toEqual([]);
  });

  test('403 a file from staff who do not act for the applicant: who may, in words', async () => {
    const app = await applicationIn(kit, 'draft');
    const form = new FormData();
    form.set('file', new File([pdf()], 'offerte.pdf', { type: 'application/pdf' }));
    const res = await kit.app.request(`/api/applications/${app.id}/attachments`, {
      method: 'POST',
      headers: { origin: TEST_ORIGIN, cookie: kit.cookies.assessor },
      body: form,
    });
    expect(res.status).toBe(403);
    const body = await readJson(res);
    expect(body.code).toBe('forbidden');
    expect(body.text).toEqual({
      nl: 'Alleen de aanvrager of een medewerker dienstverlening namens de aanvrager kan bestanden toevoegen.',
      en: "Only the applicant, or desk staff on the applicant's behalf, can add files.",
    });
    expect(body.detail).toBe(body.text.en);
  });

  test('a draft still takes the file', async () => {
    const app = await applicationIn(kit, 'draft');
    expect((await upload(kit, kit.app, app.id, 'offerte.pdf')).status).toBe(201);
  });
});
