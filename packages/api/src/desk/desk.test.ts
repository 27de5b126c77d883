import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoFormData } from '../applications/applications.fixtures';
import {
  ASSESS_GRANT,
  applicationIn,
  createDraft,
  type Kit,
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

const history = async (id: string, persona: keyof Kit['cookies']) =>
  (
    await readJson(
      await call(kit.app, 'GET', `/api/applications/${id}/history`, {
        cookie: kit.cookies[persona],
      }),
    )
  ).items as { event: string; payload: Record<string, unknown>; actor: { name: string } }[];

describe('claims', () => {
  test('a claimed case is assessed only by its assignee until another takes it over', async () => {
    const app = await applicationIn(kit, 'submitted');
    await call(kit.app, 'POST', `/api/applications/${app.id}/claim`, {
      cookie: kit.cookies.assessor,
    });
    const refused = await sendEvent(kit, 'assessor2', app.id, 'ASSESS', ASSESS_GRANT);
    expect(refused.status).toBe(409);
    const problem = await readJson(refused);
    expect(problem.type).toMatch(/claimed$/);
    expect(problem.assignee.id).toBe(kit.users.assessor.id);

    const taken = await call(kit.app, 'POST', `/api/applications/${app.id}/take-over`, {
      cookie: kit.cookies.assessor2,
      json: { reason: 'Collega is ziek' },
    });
    expect(taken.status).toBe(200);
    expect((await readJson(taken)).assignee.id).toBe(kit.users.assessor2.id);
    await step(kit, 'assessor2', app.id, 'ASSESS', ASSESS_GRANT);

    const staffView = await history(app.id, 'assessor');
    const takeOver = staffView.find((h) => h.event === 'shell.take_over');
    expect(takeOver?.payload).toMatchObject({
      from: { id: kit.users.assessor.id },
      reason: 'Collega is ziek',
    });
    // The approver decides on the proposal although the assessor holds the claim.
    await step(kit, 'approver', app.id, 'GRANT', {});
  });

  test('an approver does not claim cases', async () => {
    const app = await applicationIn(kit, 'submitted');
    for (const path of ['claim', 'take-over']) {
      const res = await call(kit.app, 'POST', `/api/applications/${app.id}/${path}`, {
        cookie: kit.cookies.approver,
        json: {},
      });
      expect(res.status, path).toBe(403);
      // Said in words, never a role code: the claim's own refusal, or the route's for its roles.
      const body = await readJson(res);
      expect(body.detail).toBe(body.text.en);
      if (path === 'claim') {
        expect(body.text).toEqual({
          nl: 'Een tweede beoordelaar beslist over voorstellen en pakt zelf geen aanvragen op.',
          en: 'An approver decides on proposals and does not claim applications.',
        });
      }
    }
  });

  test("the approver's queue holds what waits for a decision on a proposal", async () => {
    const waiting = await applicationIn(kit, 'assessed');
    const notYet = await applicationIn(kit, 'submitted');
    const res = await call(kit.app, 'GET', '/api/queue?awaitingApproval=true&limit=100', {
      cookie: kit.cookies.approver,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const ids = (await readJson(res)).items.map((i: { id: string }) => i.id);
    expect(ids).toContain(waiting.id);
    expect(ids).not.toContain(notYet.id);
  });
});

describe('desk and phone', () => {
  test('staff find an application by reference, resident name, or postcode and house number', async () => {
    const resident = await createUser(kit.t.db, {
      name: 'Henk Zoekmans',
      street: 'Wolphaertsbocht 12',
      postcode: '3083 AB',
    });
    const neighbour = await createUser(kit.t.db, {
      name: 'Ria Buurvrouw',
      street: 'Wolphaertsbocht 112',
      postcode: '3083 AB',
    });
    const mine = await createDraft(kit, 'clerk', { applicantId: resident.id });
    const theirs = await createDraft(kit, 'clerk', { applicantId: neighbour.id });
    const search = async (q: string, persona: keyof Kit['cookies'] = 'clerk') => {
      const res = await call(
        kit.app,
        'GET',
        `/api/applications?q=${encodeURIComponent(q)}&limit=100`,
        { cookie: kit.cookies[persona] },
      );
      expect(res.status).toBe(200);
      return (await readJson(res)).items as { id: string; applicantName: string }[];
    };
    expect((await search(mine.reference as string)).map((i) => i.id)).toEqual([mine.id]);
    const byName = await search('zoekmans');
    expect(byName.map((i) => i.id)).toEqual([mine.id]);
    expect(byName[0]!.applicantName).toBe('Henk Zoekmans');
    expect((await search('3083ab 12')).map((i) => i.id)).toEqual([mine.id]);
    // Typed in one go, as it is often written down: postcode and house number without a space.
    expect((await search('3083AB12')).map((i) => i.id)).toEqual([mine.id]);
    expect((await search('3083 AB12')).map((i) => i.id)).toEqual([mine.id]);
    expect((await search('3083 AB')).map((i) => i.id).sort()).toEqual([mine.id, theirs.id].sort());
    // A resident's own search never reaches other people's applications.
    expect(await search('Zoekmans', 'resident')).toEqual([]);
  });

  test('a contact moment is logged in the history, for staff only', async () => {
    const app = await applicationIn(kit, 'submitted');
    const res = await call(kit.app, 'POST', `/api/applications/${app.id}/contacts`, {
      cookie: kit.cookies.clerk,
      json: { channel: 'phone', summary: 'Belde over de datum van het buurtfeest.' },
    });
    expect(res.status).toBe(201);
    const staff = await history(app.id, 'assessor');
    const contact = staff.find((h) => h.event === 'shell.contact');
    expect(contact?.payload).toEqual({
      channel: 'phone',
      summary: 'Belde over de datum van het buurtfeest.',
    });
    expect(contact?.actor.name).toBe(kit.users.clerk.name);
    expect((await history(app.id, 'resident')).some((h) => h.event === 'shell.contact')).toBe(
      false,
    );
    const byResident = await call(kit.app, 'POST', `/api/applications/${app.id}/contacts`, {
      cookie: kit.cookies.resident,
      json: { channel: 'phone', summary: 'x' },
    });
    expect(byResident.status).toBe(403);
  });
});

describe('internal advice', () => {
  test("the assessor's advice is hidden from the resident; the decision states its motivation", async () => {
    const app = await applicationIn(kit, 'assessed');
    const advice = ASSESS_GRANT.motivation;
    const residentRes = await call(kit.app, 'GET', `/api/applications/${app.id}/history`, {
      cookie: kit.cookies.resident,
    });
    expect(await residentRes.text()).not.toContain(advice);
    const detail = await call(kit.app, 'GET', `/api/applications/${app.id}`, {
      cookie: kit.cookies.resident,
    });
    expect(await detail.text()).not.toContain(advice);
    expect(JSON.stringify(await history(app.id, 'assessor'))).toContain(advice);

    await step(kit, 'approver', app.id, 'GRANT', { motivation: 'Goed voor de buurt.' });
    const after = JSON.stringify(await history(app.id, 'resident'));
    expect(after).toContain('Goed voor de buurt.');
    expect(after).not.toContain(advice);
  });
});

describe('amounts in words', () => {
  test('a second advance says what its total is counted against, in Dutch money', async () => {
    const app = await applicationIn(kit, 'granted', { amountsCents: [100_000] });
    await step(kit, 'assessor', app.id, 'PAY_ADVANCE', { amountCents: 100_000 });
    const res = await sendEvent(kit, 'assessor', app.id, 'PAY_ADVANCE', { amountCents: 60_000 });
    expect(res.status).toBe(422);
    const problem = await readJson(res);
    expect(problem.invalidParams[0].reason).toBe(
      'Het totaal van de voorschotten (€ 1.600,00) is hoger dan het verleende bedrag (€ 1.000,00).',
    );
  });
});

describe("the resident's report", () => {
  test('reaches staff labelled by the definition before settling', async () => {
    const app = await applicationIn(kit, 'granted');
    // The report can be sent from the day of the activity on (ten weeks ahead in the demo data).
    await kit.advance(71 * 86_400_000);
    await step(kit, 'resident', app.id, 'SUBMIT_REPORT', {
      actualCostsCents: 70_000,
      report: 'Honderd buren kwamen; de foto staat bij de bijlagen.',
    });
    const res = await call(kit.app, 'GET', `/api/applications/${app.id}`, {
      cookie: kit.cookies.assessor,
    });
    const detail = await readJson(res);
    expect(detail.report).toEqual(
      expect.arrayContaining([
        {
          key: 'actualCostsCents',
          label: { nl: 'Werkelijke kosten', en: 'Actual costs' },
          unit: 'cents',
          value: 70_000,
        },
        expect.objectContaining({
          key: 'report',
          value: 'Honderd buren kwamen; de foto staat bij de bijlagen.',
        }),
      ]),
    );
    expect(detail.applicantName).toBe(kit.users.resident.name);
  });
});

test('a fresh login still sees the demo data shape', async () => {
  // Guards the fixture this file relies on: a draft from the demo data is complete.
  const cookie = await loginAs(kit.app, kit.users.resident.email!);
  const res = await call(kit.app, 'POST', '/api/applications', {
    cookie,
    json: { regulationId: kit.regulationId, data: demoFormData(kit.clock()) },
  });
  expect(res.status).toBe(201);
});
