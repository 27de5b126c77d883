import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  applicationIn,
  type Kit,
  nextDraftVersion,
  readJson,
  setupKit,
  step,
} from '../applications/lifecycle.test-kit';
import { shippedFile } from '../definitions/shipped-versions.fixture';
import { call, createUser, loginAs } from '../test/test-app';
import { MIGRATE_EVENT } from './policy-migration.service';

let kit: Kit;
let secondPolicy = '';
const KEY = 'bewonersinitiatief';
const base = `/api/policy/definitions/${KEY}`;
// The first and second draft this file publishes: versions after the newest shipped one.
let D1 = 0;
let D2 = 0;

beforeAll(async () => {
  kit = await setupKit();
  D1 = await nextDraftVersion(KEY);
  D2 = D1 + 1;
  const second = await createUser(kit.t.db, { roles: ['policy'] });
  secondPolicy = await loginAs(kit.app, second.email!);
});
afterAll(() => kit.close());

const asPolicy = (method: string, path: string, json?: unknown, headers?: Record<string, string>) =>
  call(kit.app, method, path, { cookie: kit.cookies.policy, json, headers });

async function ok(res: Response, status = 200) {
  expect(res.status, await res.clone().text()).toBe(status);
  return readJson(res);
}

/** Four eyes: one officer proposes, a second one approves; answers what the approval did. */
async function proposeAndApprove(res: Response) {
  const { proposal } = await ok(res, 202);
  const approved = await ok(
    await call(kit.app, 'POST', `/api/policy/proposals/${proposal.id}/approve`, {
      cookie: secondPolicy,
      json: {},
    }),
  );
  return approved.result;
}

const publishVersion = async (version: number) =>
  proposeAndApprove(
    await asPolicy('POST', `${base}/versions/${version}/publish`, { comment: 'Nieuwe versie.' }),
  );

// biome-ignore lint/suspicious/noExplicitAny: test JSON, checked by the assertions that read it
type Def = Record<string, any>;

/** A draft made from the newest published version, changed by `edit` and saved. */
async function draftFrom(fromVersion: number, edit: (d: Def) => Def | undefined) {
  const draft = await ok(await asPolicy('POST', `${base}/drafts`, { fromVersion }), 201);
  const def = structuredClone(draft.definition) as Def;
  const edited = edit(def) ?? def;
  const saved = await ok(
    await asPolicy(
      'PUT',
      `${base}/versions/${draft.version}`,
      { definition: edited },
      { 'if-match': `"r${draft.revision}"` },
    ),
  );
  return saved;
}

async function timerDue(applicationId: string, eventPrefix: string): Promise<Date> {
  const row = await kit.t.db
    .selectFrom('timers')
    .select('due_at')
    .where('application_id', '=', applicationId)
    .where('status', '=', 'pending')
    .where('event', 'like', `${eventPrefix}%`)
    .executeTakeFirstOrThrow();
  return new Date(row.due_at);
}

describe('policy: access', () => {
  test('only the policy role: others 403, anonymous 401', async () => {
    const paths = [
      ['GET', '/api/policy/definitions'],
      ['GET', `${base}/versions/1`],
      ['POST', `${base}/drafts`],
      ['POST', `${base}/migrations/dry-run`],
      ['GET', '/api/policy/regulations'],
      ['GET', '/api/policy/reports/states'],
      ['GET', '/api/policy/reports/applications.csv'],
    ] as const;
    for (const [method, path] of paths) {
      for (const persona of ['resident', 'clerk', 'assessor', 'approver', 'admin'] as const) {
        const res = await call(kit.app, method, path, {
          cookie: kit.cookies[persona],
          json: method === 'POST' ? {} : undefined,
        });
        expect(res.status, `${persona} ${method} ${path}`).toBe(403);
      }
      const anon = await call(kit.app, method, path, {
        json: method === 'POST' ? {} : undefined,
      });
      expect(anon.status).toBe(401);
    }
  });
});

describe('policy: definitions, publish, pinning, migration', () => {
  let runningId: string; // started on v1 before the first draft exists
  let infoRequestedId: string;

  test('lists the shipped version with its use', async () => {
    runningId = (await applicationIn(kit, 'submitted')).id;
    infoRequestedId = (await applicationIn(kit, 'info_requested')).id;
    const body = await ok(await asPolicy('GET', '/api/policy/definitions'));
    const v1 = body.items.find((d: Def) => d.key === KEY && d.version === 1);
    expect(v1).toMatchObject({ status: 'published', regulations: 1, activeApplications: 2 });
    const one = await ok(await asPolicy('GET', `${base}/versions/1`));
    expect(one.validation).toEqual({ ok: true, problems: [] });
    expect(one.definition.states.draft).toBeDefined();
    const schema = await ok(await asPolicy('GET', '/api/policy/definitions/schema'));
    expect(schema.templateVariables).toContain('reference');
    expect(schema.vocabulary.guards).toContain('formComplete');
  });

  test('a draft is version + 1; a second draft of the same key is refused', async () => {
    const draft = await ok(await asPolicy('POST', `${base}/drafts`, { fromVersion: 1 }), 201);
    expect(draft).toMatchObject({ version: D1, status: 'draft' });
    expect(draft.definition.version).toBe(D1);
    const again = await asPolicy('POST', `${base}/drafts`, { fromVersion: 1 });
    expect(again.status).toBe(409);
    expect((await readJson(again)).draftVersion).toBe(D1);
    expect((await asPolicy('DELETE', `${base}/versions/${D1}`)).status).toBe(204);
    expect((await asPolicy('GET', `${base}/versions/${D1}`)).status).toBe(404);
  });

  test('saving an invalid draft stores it and answers every problem; publishing it is 422', async () => {
    const saved = await draftFrom(1, (d) => {
      d.states.submitted.on.ASSESS.target = 'nowhere';
      d.templates.mails.acknowledgement.nl.body = 'Beste {{naam}},';
      return d;
    });
    expect(saved.validation.ok).toBe(false);
    const codes = saved.validation.problems.map((p: Def) => `${p.code} ${p.path}`);
    expect(codes).toContain('unknown_target states.submitted.on.ASSESS.target');
    expect(codes).toContain('unknown_variable templates.mails.acknowledgement.nl.body');
    const stored = await ok(await asPolicy('GET', `${base}/versions/${saved.version}`));
    expect(stored.definition.states.submitted.on.ASSESS.target).toBe('nowhere');

    const publish = await asPolicy('POST', `${base}/versions/${saved.version}/publish`, {
      comment: 'Probeer',
    });
    expect(publish.status).toBe(422);
    const problem = await readJson(publish);
    expect(problem.invalidParams.map((p: Def) => p.name)).toContain(
      'states.submitted.on.ASSESS.target',
    );
    // Not a JSON object at all: 422 from the request schema.
    const bad = await asPolicy('PUT', `${base}/versions/${saved.version}`, { definition: 'x' });
    expect(bad.status).toBe(422);
    expect((await asPolicy('DELETE', `${base}/versions/${saved.version}`)).status).toBe(204);
  });

  test('publish: a mail text and a deadline changed; diff summary; immutable afterwards', async () => {
    const saved = await draftFrom(1, (d) => {
      d.templates.mails.acknowledgement.nl.subject = 'Aanvraag {{reference}} is binnen';
      d.delays.decisionWarning.params.offsetDays = -10;
      return d;
    });
    expect(saved.validation).toEqual({ ok: true, problems: [] });
    const diff = await ok(await asPolicy('GET', `${base}/diff?from=1&to=${saved.version}`));
    expect(diff.summary.mails.changed).toEqual(['acknowledgement']);
    expect(diff.summary.delays.changed).toEqual(['decisionWarning']);
    expect(diff.summary.states).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.changes.map((c: Def) => c.path)).toEqual(
      expect.arrayContaining([
        'templates.mails.acknowledgement.nl.subject',
        'delays.decisionWarning.params.offsetDays',
      ]),
    );

    const published = await publishVersion(D1);
    expect(published.definition.status).toBe('published');
    // Compared with the newest published version, whatever the draft was made from.
    expect(published.previousVersion).toBe(D1 - 1);
    // The mail this draft changed, and those a later shipped version changed since version 1.
    const first = shippedFile(KEY, 1).templates.mails;
    const newest = shippedFile(KEY, D1 - 1).templates.mails;
    const laterChanged = Object.keys(first).filter(
      (k) =>
        k !== 'acknowledgement' &&
        k in newest &&
        JSON.stringify(first[k]) !== JSON.stringify(newest[k]),
    );
    expect(laterChanged.length).toBeGreaterThan(0);
    expect([...published.diff.summary.mails.changed].sort()).toEqual(
      ['acknowledgement', ...laterChanged].sort(),
    );

    // Immutable: through the API ...
    const put = await asPolicy('PUT', `${base}/versions/${D1}`, { definition: saved.definition });
    expect(put.status).toBe(409);
    // The version's status reaches the client beside the HTTP status.
    expect(await put.json()).toMatchObject({ status: 409, versionStatus: 'published' });
    const republish = await asPolicy('POST', `${base}/versions/${D1}/publish`, {
      comment: 'Nog eens',
    });
    expect(republish.status).toBe(409);
    expect(await republish.json()).toMatchObject({ status: 409, versionStatus: 'published' });
    expect((await asPolicy('DELETE', `${base}/versions/${D1}`)).status).toBe(409);
    expect((await asPolicy('PUT', `${base}/versions/1`, { definition: {} })).status).toBe(409);
    // ... and in the database.
    await expect(
      kit.t.db
        .updateTable('workflow_definitions')
        .set({ definition: JSON.stringify({}) })
        .where('key', '=', KEY)
        .where('version', '=', D1)
        .execute(),
    ).rejects.toThrow(/immutable/);
  });

  test('regulations: new applications start on the chosen version, running ones keep theirs', async () => {
    const draftVersion = await ok(
      await asPolicy('POST', `${base}/drafts`, { fromVersion: D1 }),
      201,
    );
    const toDraft = await asPolicy('PATCH', `/api/policy/regulations/${kit.regulationId}`, {
      workflowVersion: draftVersion.version,
      comment: 'Naar het concept.',
    });
    expect(toDraft.status).toBe(422);
    expect((await readJson(toDraft)).invalidParams[0].name).toBe('workflowVersion');
    expect((await asPolicy('DELETE', `${base}/versions/${draftVersion.version}`)).status).toBe(204);

    const reg = await proposeAndApprove(
      await asPolicy('PATCH', `/api/policy/regulations/${kit.regulationId}`, {
        workflowVersion: D1,
        maxAmountCents: 1_500_000,
        directSettlementThresholdCents: 50_000,
        closesOn: '2026-11-30',
        comment: 'De nieuwe versie en een hoger maximum.',
      }),
    );
    expect(reg).toMatchObject({
      workflow: { key: KEY, version: D1 },
      maxAmountCents: 1_500_000,
      directSettlementThresholdCents: 50_000,
      closesOn: '2026-11-30',
    });

    const fresh = await applicationIn(kit, 'submitted');
    expect((fresh as Def).definition).toEqual({ key: KEY, version: D1 });
    const running = await ok(
      await call(kit.app, 'GET', `/api/applications/${runningId}`, {
        cookie: kit.cookies.assessor,
      }),
    );
    expect(running.definition).toEqual({ key: KEY, version: 1 });
    // The new mail text for the new one only.
    const subjects = await kit.t.db
      .selectFrom('outbox')
      .select(['application_id', 'subject'])
      .where('template_key', '=', 'acknowledgement')
      .where('kind', '=', 'mail')
      .where('application_id', 'in', [fresh.id, runningId])
      .execute();
    const subjectOf = (id: string) => subjects.find((s) => s.application_id === id)?.subject;
    expect(subjectOf(fresh.id)).toMatch(/ is binnen$/);
    expect(subjectOf(runningId)).toMatch(/^Wij hebben uw aanvraag ontvangen/);
    // The new deadline rule for the new one only: its warning comes 3 days earlier.
    const oldDue = await timerDue(runningId, 'xstate.after.decisionWarning');
    const newDue = await timerDue(fresh.id, 'xstate.after.decisionWarning');
    expect((oldDue.getTime() - newDue.getTime()) / 86_400_000).toBe(3);
    // The running one still works on v1.
    const assessed = await step(kit, 'assessor', runningId, 'ASSESS', {
      recommendation: 'grant',
      motivation: 'Past bij het wijkakkoord.',
    });
    expect(assessed.state).toBe('assessed');
  });

  test('retire: refused while a regulation starts applications on it', async () => {
    const refused = await asPolicy('POST', `${base}/versions/${D1}/retire`);
    expect(refused.status).toBe(409);
    const retired = await ok(await asPolicy('POST', `${base}/versions/1/retire`));
    expect(retired.status).toBe('retired');
    // Still running on the retired version.
    const view = await ok(
      await call(kit.app, 'GET', `/api/applications/${runningId}`, {
        cookie: kit.cookies.assessor,
      }),
    );
    expect(view.definition.version).toBe(1);
    expect((await asPolicy('POST', `${base}/versions/1/retire`)).status).toBe(409);
  });

  test('migration: dry run per application, apply recorded in history', async () => {
    const plan = await ok(
      await asPolicy('POST', `${base}/migrations/dry-run`, { fromVersion: 1, toVersion: D1 }),
    );
    const ids = plan.items.map((i: Def) => i.applicationId);
    expect(ids).toEqual(expect.arrayContaining([runningId, infoRequestedId]));
    expect(plan.summary.stranded).toBe(0);
    const item = plan.items.find((i: Def) => i.applicationId === runningId);
    expect(item).toMatchObject({
      fromState: 'assessed',
      toState: 'assessed',
      outcome: 'same_state',
    });
    // The warning's rule changed in the first draft, but a deadline that already runs keeps its date.
    const warning = item.deadlines.find((d: Def) => d.delay === 'decisionWarning');
    expect(warning).toMatchObject({ change: 'kept' });
    expect(warning.after).toBe(warning.before);
    expect(item.fromLabel).toEqual({ nl: 'Beoordeeld', en: 'Assessed' });
    expect(item.text[0]).toEqual({
      nl: 'Blijft in de status ‘Beoordeeld’.',
      en: 'Stays in the state ‘Assessed’.',
    });
    // Nothing changed by the dry run.
    const still = await kit.t.db
      .selectFrom('applications')
      .select('definition_version')
      .where('id', '=', runningId)
      .executeTakeFirstOrThrow();
    expect(still.definition_version).toBe(1);

    const applied = await ok(
      await asPolicy('POST', `${base}/migrations`, {
        fromVersion: 1,
        toVersion: D1,
        applicationIds: [runningId],
      }),
    );
    expect(applied.summary.total).toBe(1);
    const view = await ok(
      await call(kit.app, 'GET', `/api/applications/${runningId}`, {
        cookie: kit.cookies.assessor,
      }),
    );
    expect(view).toMatchObject({ state: 'assessed', definition: { key: KEY, version: D1 } });
    const history = await kit.t.db
      .selectFrom('application_history')
      .selectAll()
      .where('application_id', '=', runningId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(history).toMatchObject({
      event: MIGRATE_EVENT,
      from_state: 'assessed',
      to_state: 'assessed',
      actor_id: kit.users.policy.id,
    });
    expect(history.payload).toMatchObject({ fromVersion: 1, toVersion: D1 });
    expect((history.payload as Def).text.nl).toMatch(
      new RegExp(`^Overgezet van versie 1 naar ${D1} door `),
    );
    // And it goes on under the first draft's version.
    const granted = await step(kit, 'approver', runningId, 'GRANT', {});
    expect(granted.state).toBe('granted');
  });

  test('migration: refused when it would strand an application; a state map resolves it', async () => {
    // The second draft renames info_requested to awaiting_info.
    const saved = await draftFrom(D1, (d) =>
      JSON.parse(JSON.stringify(d).replaceAll('"info_requested"', '"awaiting_info"')),
    );
    expect(saved.validation).toEqual({ ok: true, problems: [] });
    await publishVersion(D2);
    const diff = await ok(await asPolicy('GET', `${base}/diff?from=${D1}&to=${D2}`));
    expect(diff.summary.states).toMatchObject({
      added: ['awaiting_info'],
      removed: ['info_requested'],
    });

    const plan = await ok(
      await asPolicy('POST', `${base}/migrations/dry-run`, { fromVersion: 1, toVersion: D2 }),
    );
    const stranded = plan.items.find((i: Def) => i.applicationId === infoRequestedId);
    expect(stranded).toMatchObject({ outcome: 'stranded', toState: null });
    expect(plan.summary.stranded).toBeGreaterThan(0);

    const refused = await asPolicy('POST', `${base}/migrations`, { fromVersion: 1, toVersion: D2 });
    expect(refused.status).toBe(409);
    expect((await readJson(refused)).stranded.map((s: Def) => s.applicationId)).toContain(
      infoRequestedId,
    );
    const untouched = await kit.t.db
      .selectFrom('applications')
      .select(['definition_version', 'state'])
      .where('id', '=', infoRequestedId)
      .executeTakeFirstOrThrow();
    expect(untouched).toEqual({ definition_version: 1, state: 'info_requested' });

    const badMap = await asPolicy('POST', `${base}/migrations/dry-run`, {
      fromVersion: 1,
      toVersion: D2,
      stateMap: { info_requested: 'nowhere' },
    });
    expect(badMap.status).toBe(422);
    const backwards = await asPolicy('POST', `${base}/migrations/dry-run`, {
      fromVersion: D2,
      toVersion: D1,
    });
    expect(backwards.status).toBe(422);

    const stateMap = { info_requested: 'awaiting_info' };
    const mapped = await ok(
      await asPolicy('POST', `${base}/migrations/dry-run`, {
        fromVersion: 1,
        toVersion: D2,
        stateMap,
      }),
    );
    expect(mapped.items.find((i: Def) => i.applicationId === infoRequestedId)).toMatchObject({
      outcome: 'mapped',
      toState: 'awaiting_info',
    });
    expect(mapped.summary.stranded).toBe(0);
    await ok(
      await asPolicy('POST', `${base}/migrations`, { fromVersion: 1, toVersion: D2, stateMap }),
    );
    const moved = await kit.t.db
      .selectFrom('applications')
      .select(['definition_version', 'state', sql<string>`snapshot->>'value'`.as('value')])
      .where('id', '=', infoRequestedId)
      .executeTakeFirstOrThrow();
    expect(moved).toEqual({
      definition_version: D2,
      state: 'awaiting_info',
      value: 'awaiting_info',
    });
    // The supplement period timer belongs to the old state name: cancelled, not left to misfire.
    const pending = await kit.t.db
      .selectFrom('timers')
      .select('event')
      .where('application_id', '=', infoRequestedId)
      .where('status', '=', 'pending')
      .execute();
    expect(pending.map((p) => p.event).filter((e) => e.includes('.info_requested'))).toEqual([]);
    // ... and the same supplement deadline runs on under the new name, with its date.
    expect(pending.map((p) => p.event)).toContain(
      'xstate.after.supplementPeriod.bewonersinitiatief.awaiting_info',
    );
    // The applicant can supplement under the second draft's version.
    const supplemented = await step(kit, 'resident', infoRequestedId, 'SUPPLEMENT', {
      message: 'Offerte toegevoegd.',
    });
    expect(supplemented.state).toBe('submitted');
  });
});

describe('policy: regulations', () => {
  test('create with ceiling, maximum, threshold, dates and version; refusals', async () => {
    const input = {
      code: 'BI-CHARLOIS-2027',
      title: 'Bewonersinitiatieven Charlois 2027',
      district: 'Charlois',
      year: 2027,
      ceilingCents: 8_000_000,
      maxAmountCents: 1_000_000,
      directSettlementThresholdCents: 250_000,
      opensOn: '2027-01-01',
      closesOn: '2027-12-31',
      workflowKey: KEY,
      workflowVersion: D1,
      comment: 'Het budget voor Charlois in 2027.',
    };
    const created = await ok(await asPolicy('POST', '/api/policy/regulations', input), 201);
    expect(created).toMatchObject({ district: 'Charlois', year: 2027, ceilingCents: 8_000_000 });
    // Four eyes: a second officer approves opening it, as for a change of its amounts below.
    await ok(
      await call(kit.app, 'POST', `/api/policy/proposals/${created.proposal.id}/approve`, {
        cookie: secondPolicy,
        json: {},
      }),
    );
    const twice = await asPolicy('POST', '/api/policy/regulations', input);
    expect(twice.status).toBe(409);
    // The code is the officer's own word, quoted; the sentence around it in both languages.
    const twiceBody = await readJson(twice);
    expect(twiceBody.text).toEqual({
      nl: 'Er is al een regeling met de code ‘BI-CHARLOIS-2027’. Kies een andere code.',
      en: 'A regulation with the code ‘BI-CHARLOIS-2027’ exists already. Choose another code.',
    });
    expect(twiceBody.detail).toBe(twiceBody.text.en);
    const closedBefore = await asPolicy('POST', '/api/policy/regulations', {
      ...input,
      code: 'X-1',
      closesOn: '2026-12-31',
    });
    expect(closedBefore.status).toBe(422);
    const retired = await asPolicy('POST', '/api/policy/regulations', {
      ...input,
      code: 'X-2',
      workflowVersion: 1,
    });
    expect(retired.status).toBe(422);
    // A maximum per application above the whole ceiling could never be granted: refused, by name,
    // on creation and on a proposed change alike.
    const overCeiling = await asPolicy('POST', '/api/policy/regulations', {
      ...input,
      code: 'X-3',
      ceilingCents: 100_000,
      maxAmountCents: 500_000,
    });
    expect(overCeiling.status).toBe(422);
    expect((await readJson(overCeiling)).invalidParams[0]).toMatchObject({
      name: 'maxAmountCents',
      reason: 'Het maximum per aanvraag mag niet hoger zijn dan het subsidieplafond.',
    });
    const proposedOver = await asPolicy('PATCH', `/api/policy/regulations/${created.id}`, {
      maxAmountCents: 8_000_001,
      comment: 'Eén grote aanvraag.',
    });
    expect(proposedOver.status).toBe(422);
    expect((await readJson(proposedOver)).invalidParams[0].name).toBe('maxAmountCents');

    const raised = await proposeAndApprove(
      await asPolicy('PATCH', `/api/policy/regulations/${created.id}`, {
        ceilingCents: 9_000_000,
        comment: 'Extra geld van de gemeenteraad.',
      }),
    );
    expect(raised.ceilingCents).toBe(9_000_000);
    const list = await ok(await asPolicy('GET', '/api/policy/regulations'));
    expect(list.items.map((r: Def) => r.code)).toContain('BI-CHARLOIS-2027');
    expect((await asPolicy('PATCH', '/api/policy/regulations/nope', { title: 'x' })).status).toBe(
      404,
    );
  });

  test('a ceiling below what is reserved and committed is refused', async () => {
    await applicationIn(kit, 'granted', { amountsCents: [300_000] });
    const reg = await ok(await call(kit.app, 'GET', `/api/regulations/${kit.regulationId}`));
    const used = reg.budget.reservedCents + reg.budget.committedCents;
    expect(used).toBeGreaterThan(0);
    const res = await asPolicy('PATCH', `/api/policy/regulations/${kit.regulationId}`, {
      ceilingCents: used - 1,
      comment: 'Bezuiniging.',
    });
    expect(res.status).toBe(422);
    expect((await readJson(res)).invalidParams[0].name).toBe('ceilingCents');
  });
});

describe('policy: reports', () => {
  test('per state and district, budget against ceiling, lead times, overdue, CSV', async () => {
    const states = await ok(await asPolicy('GET', '/api/policy/reports/states?year=2026'));
    expect(states.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          district: 'Delfshaven',
          state: 'granted',
          definition: expect.objectContaining({ key: 'bewonersinitiatief' }),
        }),
      ]),
    );
    const budget = await ok(await asPolicy('GET', '/api/policy/reports/budget?year=2026'));
    const delfshaven = budget.items.find((b: Def) => b.regulationId === kit.regulationId);
    expect(delfshaven.usedCents).toBe(delfshaven.reservedCents + delfshaven.committedCents);
    expect(delfshaven.usedShare).toBeGreaterThan(0);

    const lead = await ok(await asPolicy('GET', '/api/policy/reports/lead-times'));
    expect(lead.total.decided).toBeGreaterThan(0);
    expect(lead.total.withinTermShare).toBe(1);

    // Nine weeks on, undecided submissions are overdue.
    await kit.advance(9 * 7 * 86_400_000);
    const overdue = await ok(await asPolicy('GET', '/api/policy/reports/overdue'));
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items[0].daysOverdue).toBeGreaterThan(0);
    expect(overdue.items[0].definition.key).toBe('bewonersinitiatief');

    const csv = await asPolicy('GET', '/api/policy/reports/applications.csv?year=2026&lang=nl');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('aanvragen-2026.csv');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Kenmerk;Regeling;Jaar;Wijk;Naam van het initiatief;Status/);
    expect(lines.length).toBeGreaterThan(3);
    const ledger = await asPolicy('GET', '/api/policy/reports/budget-ledger.csv?lang=nl');
    const ledgerLines = (await ledger.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(ledgerLines[0]).toBe(
      'Nummer;Moment (Nederlandse tijd);Regeling;Jaar;Wijk;Kenmerk;Soort;Bedrag (euro)',
    );
    expect(ledgerLines.some((l) => /;(reservering|vastlegging);/.test(l))).toBe(true);
  });
});
