/**
 * Rules of the house (issue 14): publishing a definition that breaks one is refused with 422 and
 * a sentence in the officer's language that names the state or event by its label.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Kit, readJson, setupKit } from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';

let kit: Kit;
const base = '/api/policy/definitions/bewonersinitiatief';

beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

// biome-ignore lint/suspicious/noExplicitAny: test JSON, checked by the assertions that read it
type Def = Record<string, any>;

const asPolicy = (method: string, path: string, json?: unknown, headers?: Record<string, string>) =>
  call(kit.app, method, path, { cookie: kit.cookies.policy, json, headers });

/** Makes a draft of v1 changed by `edit`, tries to publish it, discards it; answers the refusal. */
async function refusal(edit: (d: Def) => void): Promise<{ status: number; body: Def }> {
  const created = await asPolicy('POST', `${base}/drafts`, { fromVersion: 1 });
  expect(created.status, await created.clone().text()).toBe(201);
  const draft = await readJson(created);
  const def = structuredClone(draft.definition) as Def;
  edit(def);
  const saved = await asPolicy(
    'PUT',
    `${base}/versions/${draft.version}`,
    { definition: def },
    { 'if-match': `"r${draft.revision}"` },
  );
  expect(saved.status).toBe(200);
  const res = await asPolicy('POST', `${base}/versions/${draft.version}/publish`, {
    comment: 'Proef',
  });
  const body = await readJson(res);
  expect((await asPolicy('DELETE', `${base}/versions/${draft.version}`)).status).toBe(204);
  return { status: res.status, body };
}

function reasons(body: Def): string[] {
  return (body.invalidParams ?? []).map((p: Def) => p.reason);
}

describe('publishing is refused when a rule of the house is broken', () => {
  test('the applicant may send a decision event', async () => {
    const { status, body } = await refusal((d) => d.events.GRANT.roles.push('applicant'));
    expect(status).toBe(422);
    expect(body.invalidParams).toContainEqual({
      name: 'events.GRANT.roles',
      reason:
        'De stap ‘Verlenen’ in de status ‘Beoordeeld’ neemt een besluit of verplaatst geld, en mag daarom niet door de aanvrager worden gezet.',
    });
  });

  test('a clerk may send a money event (advance payment)', async () => {
    const { status, body } = await refusal((d) => d.events.PAY_ADVANCE.roles.push('clerk'));
    expect(status).toBe(422);
    expect(reasons(body)).toContain(
      'De stap ‘Voorschot betalen’ in de status ‘Verleend’ neemt een besluit of verplaatst geld, en mag daarom niet door een medewerker dienstverlening worden gezet.',
    );
  });

  test('the four-eyes pair between assessing and deciding is dropped', async () => {
    const { status, body } = await refusal((d) => {
      for (const t of d.states.assessed.on.GRANT) t.guard = t.guard.slice(1);
    });
    expect(status).toBe(422);
    expect(reasons(body)).toContain(
      'De stap ‘Verlenen’ in de status ‘Beoordeeld’ neemt het besluit, maar sluit niet uit dat dezelfde persoon ook ‘Beoordelen’ deed (vier-ogenprincipe).',
    );
  });

  test('a state waiting for a decision has no decision clock', async () => {
    const { status, body } = await refusal((d) => {
      d.states.submitted.after = {};
    });
    expect(status).toBe(422);
    expect(reasons(body)).toContain(
      'In de status ‘Ingediend’ wacht de aanvraag op een besluit, maar er loopt geen beslistermijn: geef de status een termijn van het soort ‘beslistermijn’.',
    );
  });

  test('a decision letter without the objection clause', async () => {
    const { status, body } = await refusal((d) => {
      d.templates.letters.grant.en.body = 'You get the grant.';
    });
    expect(status).toBe(422);
    expect(body.invalidParams).toContainEqual({
      name: 'templates.letters.grant.en.body',
      reason:
        // The letter by its subject, the language in words: no keys or codes for policy staff.
        'De besluitbrief ‘Besluit: subsidie verleend voor «titel» («kenmerk»)’ van de stap ‘Verlenen’ in de status ‘Beoordeeld’ noemt de bezwaartermijn niet: zet {{objectionDeadline}} in de tekst (Engels).',
    });
  });

  test('a decision without any letter', async () => {
    const { status, body } = await refusal((d) => {
      d.states.assessed.on.REJECT.actions = d.states.assessed.on.REJECT.actions.filter(
        (a: Def) => a.type !== 'issueDocument',
      );
    });
    expect(status).toBe(422);
    expect(reasons(body)).toContain(
      'De stap ‘Afwijzen’ in de status ‘Beoordeeld’ neemt een besluit zonder een besluitbrief (beschikking) te sturen.',
    );
  });

  test('a state that is not final with no way to a final state', async () => {
    const { status, body } = await refusal((d) => {
      d.states.report_submitted.on = { SUBMIT_REPORT: 'report_submitted' };
    });
    expect(status).toBe(422);
    expect(reasons(body)).toContain(
      'Vanuit de status ‘Verantwoording ingediend’ kan een aanvraag nooit afgerond worden: er is geen weg naar een eindstatus.',
    );
  });

  test('in English for an officer who reads English', async () => {
    const me = await call(kit.app, 'PATCH', '/api/me', {
      cookie: kit.cookies.policy,
      json: { locale: 'en' },
    });
    expect(me.status, await me.clone().text()).toBe(200);
    const { status, body } = await refusal((d) => d.events.GRANT.roles.push('applicant'));
    expect(status).toBe(422);
    expect(reasons(body)).toContain(
      'The step ‘Grant’ in the state ‘Assessed’ takes a decision or moves money, so it may not be sent by the applicant.',
    );
  });
});
