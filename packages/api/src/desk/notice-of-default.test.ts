/**
 * A notice of default (ingebrekestelling, Awb 4:17) through the real API: refused before the
 * decision term has run out and when no decision is awaited; once recorded, the assessor's page
 * shows the penalty growing day by day, the decision ends it and says by when to set the amount
 * (4:18). The resident reads in her history that the notice came in, and what she is owed.
 */
import { addDays, formatDate, toAmsterdamDate } from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type AnyJson,
  ASSESS_GRANT,
  applicationIn,
  type Kit,
  type Persona,
  readJson,
  setupKit,
  step,
} from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';

const DAY = 86_400_000;
let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

const today = () => toAmsterdamDate(kit.clock());

function notice(as: Persona, id: string, receivedOn: string) {
  return call(kit.app, 'POST', `/api/applications/${id}/notice-of-default`, {
    cookie: kit.cookies[as],
    json: { receivedOn },
  });
}

async function detail(as: Persona, id: string): Promise<AnyJson> {
  const res = await call(kit.app, 'GET', `/api/applications/${id}`, { cookie: kit.cookies[as] });
  expect(res.status).toBe(200);
  return readJson(res);
}

/** The application's row in the assessor's list. */
async function listed(id: string): Promise<AnyJson> {
  const res = await call(kit.app, 'GET', '/api/applications?limit=100', {
    cookie: kit.cookies.assessor,
  });
  expect(res.status).toBe(200);
  return ((await readJson(res)).items as AnyJson[]).find((i) => i.id === id);
}

/** The application's line in the list of penalties still to be set, if it has one. */
async function toSet(as: Persona, id: string): Promise<AnyJson> {
  const res = await call(kit.app, 'GET', '/api/queue/penalties', { cookie: kit.cookies[as] });
  expect(res.status).toBe(200);
  return ((await readJson(res)).items as AnyJson[]).find((i) => i.id === id);
}

async function reasonOf(res: Response, status: number): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(status);
  const problem = await readJson(res);
  // The reason in the request's language: Dutch by default.
  return (problem.invalidParams as { name: string; reason: string }[])
    .filter((p) => p.name === 'receivedOn')
    .map((p) => p.reason)
    .join(' ');
}

describe('a notice of default', () => {
  test('only while a decision is awaited, after its term, and by whom', async () => {
    const draft = await applicationIn(kit, 'draft');
    expect(await reasonOf(await notice('assessor', draft.id, today()), 409)).toContain(
      'Op deze aanvraag wordt nu geen besluit verwacht.',
    );
    const submitted: AnyJson = await applicationIn(kit, 'submitted');
    const dueOn = submitted.clock.decisionDueOn as string;
    expect(dueOn > today()).toBe(true);
    expect(await reasonOf(await notice('assessor', submitted.id, today()), 422)).toContain(
      'voordat de beslistermijn op',
    );
    // The applicant can give it herself, but not before the term is over, said in her words.
    expect(await reasonOf(await notice('resident', submitted.id, today()), 422)).toContain(
      'De beslistermijn loopt nog tot en met',
    );
    // Policy staff read cases but record nothing; another resident does not even see it.
    expect((await notice('policy', submitted.id, today())).status).toBe(403);
    expect((await notice('resident2', submitted.id, today())).status).toBe(404);
    expect(
      await reasonOf(await notice('assessor', submitted.id, addDays(today(), 1)), 422),
    ).toContain('ligt in de toekomst');
    expect((await notice('assessor', submitted.id, 'gisteren')).status).toBe(422);
  });

  test('runs from two weeks after it, grows each day, and ends with the decision', async () => {
    const app: AnyJson = await applicationIn(kit, 'submitted');
    const dueOn = app.clock.decisionDueOn as string;
    // The term runs out; the resident's letter comes in three days later, a Monday or not.
    await kit.advance(60 * DAY);
    const receivedOn = addDays(dueOn, 3);
    expect((await detail('assessor', app.id)).noticeOfDefaultRecordable).toBe(true);
    const res = await notice('clerk', app.id, receivedOn);
    expect(res.status, await res.clone().text()).toBe(201);
    const recorded = await readJson(res);
    expect(recorded).toMatchObject({ receivedOn, termEndedOn: dueOn, decidedOn: null });
    const firstDay = recorded.firstDay as string;
    expect(firstDay >= addDays(receivedOn, 14)).toBe(true);
    expect(firstDay <= addDays(receivedOn, 18)).toBe(true);
    expect((await detail('assessor', app.id)).noticeOfDefaultRecordable).toBe(false);
    // The work queue's row says it too, with the day the penalty runs from.
    expect((await listed(app.id)).noticeOfDefault).toEqual({ receivedOn, penaltyFrom: firstDay });
    // Only the first counts.
    expect(await reasonOf(await notice('assessor', app.id, receivedOn), 409)).toContain(
      'Alleen de eerste telt.',
    );

    // Ten days into the penalty: 10 × € 23.
    kit.clock.set(`${addDays(firstDay, 9)}T10:00:00Z`);
    await kit.advance(0);
    const running = (await detail('assessor', app.id)).noticeOfDefault;
    expect(running).toMatchObject({ kind: 'running', days: 10, cents: 23_000 });
    expect(running.explanation.nl).toContain('nu 10 dagen, € 230,00');

    // The resident, who is owed the penalty, reads it in her own words; recording is for staff.
    const hers = await detail('resident', app.id);
    expect(hers.noticeOfDefault.forApplicant.nl).toContain('Wij hebben nog niet besloten. Sinds ');
    expect(hers.noticeOfDefault.forApplicant.nl).toContain('nu € 230,00 over 10 dagen');
    expect(hers.noticeOfDefaultRecordable).toBe(false);
    const history = await call(kit.app, 'GET', `/api/applications/${app.id}/history`, {
      cookie: kit.cookies.resident,
    });
    const events = ((await readJson(history)).items as { event: string; payload: AnyJson }[])
      .filter((h) => h.event === 'shell.notice_of_default')
      .map((h) => h.payload);
    expect(events).toEqual([{ receivedOn, termEndedOn: dueOn }]);

    // The decision, two days later: the day it is made known no longer counts, so eleven days
    // are owed, to be set by decision within two weeks.
    await kit.advance(2 * DAY);
    await step(kit, 'assessor', app.id, 'ASSESS', ASSESS_GRANT);
    const granted: AnyJson = await step(kit, 'approver', app.id, 'GRANT', {});
    expect(granted.noticeOfDefault).toMatchObject({
      kind: 'ended',
      decidedOn: today(),
      days: 11,
      cents: 11 * 2300,
      lastDay: addDays(firstDay, 10),
    });
    expect(granted.noticeOfDefault.settleBy >= addDays(firstDay, 24)).toBe(true);
    expect((await listed(app.id)).noticeOfDefault).toBeNull();
    // Decided, it has left the work queue; the list of penalties to set keeps its 4:18 day.
    expect(await toSet('assessor', app.id)).toEqual({
      id: app.id,
      reference: app.reference,
      title: app.title,
      applicantName: kit.users.resident.name,
      receivedOn,
      decidedOn: today(),
      days: 11,
      cents: 11 * 2300,
      lastDay: addDays(firstDay, 10),
      settleBy: granted.noticeOfDefault.settleBy,
      daysLeft: expect.any(Number),
    });
    const forResident = await call(kit.app, 'GET', '/api/queue/penalties', {
      cookie: kit.cookies.resident,
    });
    expect(forResident.status).toBe(403);
    // It stays as it ended, however long after.
    await kit.advance(90 * DAY);
    const ended = (await detail('assessor', app.id)).noticeOfDefault;
    expect(ended).toMatchObject({ kind: 'ended', days: 11, setOn: null });

    // The amount is set by decision (4:18): recorded by its day, after the last day owed.
    const set = (as: Persona, setOn: string) =>
      call(kit.app, 'POST', `/api/applications/${app.id}/notice-of-default/penalty-set`, {
        cookie: kit.cookies[as],
        json: { setOn },
      });
    expect((await set('resident', today())).status).toBe(403);
    expect((await set('clerk', today())).status).toBe(403);
    const early = await set('assessor', ended.lastDay);
    expect(early.status).toBe(422);
    expect((await readJson(early)).invalidParams[0].reason).toContain(
      'pas worden vastgesteld na de laatste dag',
    );
    const setRes = await set('approver', today());
    expect(setRes.status, await setRes.clone().text()).toBe(200);
    expect(await readJson(setRes)).toMatchObject({ setOn: today(), days: 11 });
    expect((await set('approver', today())).status).toBe(409);
    expect(await toSet('approver', app.id)).toBeUndefined();
    const afterwards = await detail('assessor', app.id);
    expect(afterwards.noticeOfDefault.explanation.nl).toBe(
      `Dwangsom van € 253,00 over 11 dagen, vastgesteld bij besluit op ${formatDate(today(), 'nl')}.`,
    );
    expect((await detail('resident', app.id)).noticeOfDefault.forApplicant.nl).toContain(
      'hebben wij de dwangsom die u van ons krijgt vastgesteld: € 253,00 over 11 dagen.',
    );
  });
});
