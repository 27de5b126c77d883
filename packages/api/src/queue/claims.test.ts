/**
 * Who handles a case: a closed case is not taken on, and a step on a case nobody handles makes
 * the one who takes it its handler (the history says so, as it does for a claim).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ASSESS_GRANT,
  applicationIn,
  type Kit,
  type Persona,
  readJson,
  sendEvent,
  setupKit,
  step,
} from '../applications/lifecycle.test-kit';
import { call, createUser, loginAs } from '../test/test-app';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

const post = (persona: Persona, id: string, path: string) =>
  call(kit.app, 'POST', `/api/applications/${id}/${path}`, {
    cookie: kit.cookies[persona],
    json: {},
  });

const detail = async (id: string, persona: Persona = 'assessor') =>
  readJson(await call(kit.app, 'GET', `/api/applications/${id}`, { cookie: kit.cookies[persona] }));

const history = async (id: string, persona: Persona) =>
  (
    await readJson(
      await call(kit.app, 'GET', `/api/applications/${id}/history`, {
        cookie: kit.cookies[persona],
      }),
    )
  ).items as { event: string; payload: Record<string, unknown>; actor: { id: string } | null }[];

const assigned = (rows: Awaited<ReturnType<typeof history>>) =>
  rows.filter((h) => h.event === 'shell.assigned');

describe('a closed case is not taken on', () => {
  test('claiming a withdrawn application is a 409 that says why, and nobody becomes its handler', async () => {
    const app = await applicationIn(kit, 'submitted');
    await step(kit, 'resident', app.id, 'WITHDRAW', {});
    const refused = await post('assessor', app.id, 'claim');
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const problem = await readJson(refused);
    expect(problem.type).toMatch(/event_not_allowed$/);
    expect(problem.invalidParams).toEqual([
      {
        name: 'state',
        reason: `De aanvraag ${app.reference} is afgehandeld: er is niets meer om op te pakken.`,
      },
    ]);
    const taken = await call(kit.app, 'POST', `/api/applications/${app.id}/take-over`, {
      cookie: kit.cookies.assessor2,
      json: {},
    });
    expect(taken.status).toBe(409);
    expect((await detail(app.id)).assigneeId).toBeNull();
    expect(assigned(await history(app.id, 'assessor'))).toEqual([]);
  });

  test('in English for an English reader', async () => {
    const app = await applicationIn(kit, 'rejected');
    const english = await createUser(kit.t.db, { roles: ['assessor'], locale: 'en' });
    const cookie = await loginAs(kit.app, english.email!);
    const refused = await call(kit.app, 'POST', `/api/applications/${app.id}/claim`, {
      cookie,
      json: {},
    });
    expect(refused.status).toBe(409);
    expect((await readJson(refused)).invalidParams[0].reason).toBe(
      `Application ${app.reference} has been closed: there is nothing left to take on.`,
    );
  });
});

describe('a claim is recorded', () => {
  test('once, when the case was nobody’s', async () => {
    const app = await applicationIn(kit, 'submitted');
    expect((await post('assessor', app.id, 'claim')).status).toBe(200);
    expect((await post('assessor', app.id, 'claim')).status).toBe(200);
    const rows = assigned(await history(app.id, 'assessor'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      payload: { how: 'claim' },
      actor: { id: kit.users.assessor.id },
    });
  });
});

describe('a claim is given back', () => {
  test('by its handler, not by another assessor: refused in words, naming the handler', async () => {
    const app = await applicationIn(kit, 'submitted');
    expect((await post('assessor', app.id, 'claim')).status).toBe(200);
    const refused = await post('assessor2', app.id, 'release');
    expect(refused.status).toBe(403);
    const body = await readJson(refused);
    const name = kit.users.assessor.name;
    expect(body.text).toEqual({
      nl: `${name} behandelt deze aanvraag. Alleen die of een beheerder kan haar loslaten; neem haar over als u er zelf mee verder wilt.`,
      en: `${name} is handling this application. Only they or an administrator can release it; take it over if you want to carry on with it yourself.`,
    });
    expect(body.detail).toBe(body.text.en);
    expect((await detail(app.id)).assigneeId).toBe(kit.users.assessor.id);
    expect((await post('assessor', app.id, 'release')).status).toBe(200);
  });
});

describe('a step on an unassigned case makes its handler', () => {
  test('the assessor who asks for information without claiming handles the case', async () => {
    const app = await applicationIn(kit, 'submitted');
    const after = await step(kit, 'assessor', app.id, 'REQUEST_INFO', {
      message: 'Graag een offerte.',
      periodDays: 14,
    });
    expect(after.assigneeId).toBe(kit.users.assessor.id);
    expect((await detail(app.id)).assigneeId).toBe(kit.users.assessor.id);
    // The queue and the case page name her.
    const list = await call(
      kit.app,
      'GET',
      `/api/applications?q=${encodeURIComponent(String(app.reference))}`,
      { cookie: kit.cookies.approver },
    );
    const [item] = (await readJson(list)).items;
    expect(item.assignee).toEqual({ id: kit.users.assessor.id, name: kit.users.assessor.name });
    const rows = await history(app.id, 'assessor');
    expect(assigned(rows)).toHaveLength(1);
    expect(assigned(rows)[0]).toMatchObject({
      payload: { how: 'step', event: 'REQUEST_INFO' },
      actor: { id: kit.users.assessor.id },
    });
    // The row comes before the step it came with.
    const seq = rows.map((h) => h.event);
    expect(seq.indexOf('shell.assigned')).toBeLessThan(seq.indexOf('REQUEST_INFO'));
    // Residents do not read who handles their case internally.
    expect(assigned(await history(app.id, 'resident'))).toEqual([]);
  });

  test('a later step by the same assessor records nothing again', async () => {
    const app = await applicationIn(kit, 'submitted');
    await step(kit, 'assessor', app.id, 'ASSESS', ASSESS_GRANT);
    expect(assigned(await history(app.id, 'assessor'))).toHaveLength(1);
    await post('assessor', app.id, 'claim');
    expect(assigned(await history(app.id, 'assessor'))).toHaveLength(1);
  });

  test('a case someone else holds is not taken from her by a step', async () => {
    const app = await applicationIn(kit, 'submitted');
    await post('assessor', app.id, 'claim');
    const refused = await sendEvent(kit, 'assessor2', app.id, 'ASSESS', ASSESS_GRANT);
    expect(refused.status).toBe(409);
    expect((await detail(app.id)).assigneeId).toBe(kit.users.assessor.id);
  });

  test('an approver deciding does not become the handler', async () => {
    const app = await applicationIn(kit, 'assessed');
    expect((await post('assessor', app.id, 'release')).status).toBe(200);
    const granted = await step(kit, 'approver', app.id, 'GRANT', {});
    expect(granted.assigneeId).toBeNull();
    expect((await detail(app.id)).assigneeId).toBeNull();
  });

  test('a refused step leaves the case unassigned', async () => {
    const app = await applicationIn(kit, 'submitted');
    const refused = await sendEvent(kit, 'assessor', app.id, 'REQUEST_INFO', {
      message: 'Graag een offerte.',
      periodDays: 365,
    });
    expect(refused.status).toBe(422);
    expect((await detail(app.id)).assigneeId).toBeNull();
    expect(assigned(await history(app.id, 'assessor'))).toEqual([]);
  });
});

describe('whether the applicant logs in herself', () => {
  test('staff read it: true with an e-mail address, false for a resident filed for without one', async () => {
    const app = await applicationIn(kit, 'submitted');
    expect((await detail(app.id, 'clerk')).applicantCanLogIn).toBe(true);
    expect((await detail(app.id, 'resident')).applicantCanLogIn).toBe(true);
    const offline = await createUser(kit.t.db, { name: 'Ayşe Yıldız-Çelik' });
    await kit.t.db.updateTable('users').set({ email: null }).where('id', '=', offline.id).execute();
    const created = await call(kit.app, 'POST', '/api/applications', {
      cookie: kit.cookies.clerk,
      json: { regulationId: kit.regulationId, applicantId: offline.id },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const draft = await readJson(created);
    expect(draft.applicantCanLogIn).toBe(false);
    expect((await detail(draft.id, 'clerk')).applicantCanLogIn).toBe(false);
  });
});
