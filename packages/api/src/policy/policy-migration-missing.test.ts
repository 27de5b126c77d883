/**
 * The dry run of a migration to a version with a new required yes/no question, through the API
 * with PostgreSQL: it names the question by its label and says what happens (the move is not
 * refused; a draft's sending waits for the answer, a submitted application carries on and is
 * asked only at a supplement, a granted one is never asked), and the migration then does that.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ASSESS_GRANT,
  applicationIn,
  type Kit,
  nextDraftVersion,
  readJson,
  sendEvent,
  setupKit,
  step,
} from '../applications/lifecycle.test-kit';
import { call, createUser, loginAs } from '../test/test-app';

let kit: Kit;
const base = '/api/policy/definitions/bewonersinitiatief';
const ids: Record<string, string> = {};
let NEXT = 0;
const LABEL = {
  nl: 'Is de activiteit toegankelijk voor mensen met een beperking?',
  en: 'Is the activity accessible to people with a disability?',
};

// biome-ignore lint/suspicious/noExplicitAny: test JSON, checked by the assertions that read it
type Json = Record<string, any>;

const asPolicy = (method: string, path: string, json?: unknown, headers?: Record<string, string>) =>
  call(kit.app, method, path, { cookie: kit.cookies.policy, json, headers });

async function ok(res: Response, status = 200): Promise<Json> {
  expect(res.status, await res.clone().text()).toBe(status);
  return readJson(res);
}

beforeAll(async () => {
  kit = await setupKit();
  const user = await createUser(kit.t.db, { roles: ['policy'] });
  const second = await loginAs(kit.app, user.email!);
  for (const state of ['draft', 'submitted', 'granted'] as const) {
    ids[state] = (await applicationIn(kit, state)).id;
  }
  NEXT = await nextDraftVersion('bewonersinitiatief');
  // The next version asks a new required yes/no question on the form's first page.
  const draft = await ok(await asPolicy('POST', `${base}/drafts`, { fromVersion: 1 }), 201);
  const definition = draft.definition;
  definition.form.fields.push({ key: 'accessible', type: 'yesno', label: LABEL });
  definition.form.pages[0].fields.push('accessible');
  await ok(
    await asPolicy(
      'PUT',
      `${base}/versions/${NEXT}`,
      { definition },
      { 'if-match': `"r${draft.revision}"` },
    ),
  );
  const { proposal } = await ok(
    await asPolicy('POST', `${base}/versions/${NEXT}/publish`, { comment: 'Toegankelijk?' }),
    202,
  );
  await ok(
    await call(kit.app, 'POST', `/api/policy/proposals/${proposal.id}/approve`, {
      cookie: second,
      json: {},
    }),
  );
});
afterAll(() => kit.close());

const body = () => ({ fromVersion: 1, toVersion: NEXT, applicationIds: Object.values(ids) });

describe('a new required question the applications have no answer to', () => {
  let dry: Json;

  test('the dry run names it by its label and says who is asked when', async () => {
    dry = await ok(await asPolicy('POST', `${base}/migrations/dry-run`, body()));
    expect(dry.summary).toMatchObject({ total: 3, stranded: 0 });
    const of = (state: string) => dry.items.find((i: Json) => i.fromState === state);
    // The three were made at the same moment of the test's clock, so the dry run's order (by
    // creation, then id) is not theirs: compared by state.
    const byState = (a: Json, b: Json) => String(a.fromState).localeCompare(String(b.fromState));
    expect(
      [...dry.items]
        .sort(byState)
        .map((i: Json) => [
          i.fromState,
          i.missingAnswers.map((a: Json) => [a.path, a.label, a.asked, a.steps]),
        ]),
    ).toEqual([
      ['draft', [['accessible', LABEL, 'now', ['SUBMIT']]]],
      ['granted', [['accessible', LABEL, 'never', []]]],
      ['submitted', [['accessible', LABEL, 'later', ['SUPPLEMENT']]]],
    ]);
    const said = of('draft').missingAnswers[0].text;
    expect(said).toEqual({
      nl: `In versie ${NEXT} is ‘${LABEL.nl}’ een verplichte vraag, en deze aanvraag heeft er geen antwoord op. Het overzetten gaat wel door; ‘Indienen’ kan pas als dat is aangevuld.`,
      en: `In version ${NEXT}, ‘${LABEL.en}’ is a required question, and this application has no answer to it. The move goes ahead; ‘Submit’ can only happen once it is filled in.`,
    });
    // Among everything the dry run says of it, and no longer "the form stays as it is".
    expect(of('draft').text).toContainEqual(said);
    expect(of('draft').droppedFields).toEqual([]);
    expect(of('granted').missingAnswers[0].text.nl).toContain('niemand wordt erom gevraagd');
  });

  test('the migration does what it said: nothing refused, sending waits, assessing goes on', async () => {
    const real = await ok(await asPolicy('POST', `${base}/migrations`, body()));
    const answersOf = (items: Json[]) =>
      Object.fromEntries(items.map((i) => [i.applicationId, i.missingAnswers]));
    expect(answersOf(real.items)).toEqual(answersOf(dry.items));
    expect(Object.keys(answersOf(real.items))).toHaveLength(3);
    const sent = await sendEvent(kit, 'resident', ids.draft!, 'SUBMIT');
    expect(sent.status).toBe(422);
    expect(JSON.stringify(await readJson(sent))).toContain('data.accessible');
    const assessed = await step(kit, 'assessor', ids.submitted!, 'ASSESS', ASSESS_GRANT);
    expect(assessed.state).toBe('assessed');
  });
});
