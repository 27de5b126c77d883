import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, createUser, loginAs } from '../test/test-app';
import { demoFormData } from './applications.fixtures';
import {
  ASSESS_GRANT,
  applicationIn,
  type Kit,
  readJson,
  sendEvent,
  setupKit,
  step,
} from './lifecycle.test-kit';

// Issue 19, findings 2 and 3 (history): nobody decides on their own application; settlement
// above the regulation's amount takes a second person; the history keeps names as they were.

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(async () => {
  await kit?.close();
});

describe('finding 2: four-eyes on your own application', () => {
  test('an approver who is also the applicant cannot grant their own application', async () => {
    const both = await createUser(kit.t.db, { roles: ['applicant', 'approver'] });
    const cookie = await loginAs(kit.app, both.email!);
    const created = await call(kit.app, 'POST', '/api/applications', {
      cookie,
      json: { regulationId: kit.regulationId, data: demoFormData(kit.clock()) },
    });
    expect(created.status).toBe(201);
    const app = await readJson(created);
    const submit = await call(kit.app, 'POST', `/api/applications/${app.id}/events`, {
      cookie,
      json: { type: 'SUBMIT' },
    });
    expect(submit.status).toBe(200);
    await step(kit, 'assessor', app.id, 'ASSESS', ASSESS_GRANT);
    const own = await call(kit.app, 'POST', `/api/applications/${app.id}/events`, {
      cookie,
      json: { type: 'GRANT', payload: {} },
    });
    expect(own.status).toBe(403);
    expect((await readJson(own)).code).toBe('four_eyes');
    // Someone else may.
    expect((await step(kit, 'approver', app.id, 'GRANT', {})).state).toBe('granted');
  });

  test('settlement above the regulation amount is proposed, then confirmed by a second person', async () => {
    await kit.t.db
      .updateTable('regulations')
      .set({ settlement_four_eyes_above_cents: 50_000 })
      .where('id', '=', kit.regulationId)
      .execute();
    const granted = await applicationIn(kit, 'granted');
    await kit.advance(10 * 7 * 86_400_000);
    await step(kit, 'resident', granted.id, 'SUBMIT_REPORT', {
      actualCostsCents: 60_000,
      report: 'Het feest is doorgegaan.',
    });
    const proposed = await step(kit, 'assessor', granted.id, 'SETTLE', { amountCents: 60_000 });
    expect(proposed.state).toBe('settlement_proposed');
    // The second person finds it in "Te beslissen", with what was proposed, although no
    // decision on the application is owed any more (it was in no list before).
    const approvals = async () =>
      (
        await readJson(
          await call(kit.app, 'GET', '/api/queue?awaitingApproval=true&limit=100', {
            cookie: kit.cookies.approver,
          }),
        )
      ).items as { id: string; proposal: { event: string; payload: unknown } | null }[];
    expect((await approvals()).find((i) => i.id === granted.id)?.proposal).toMatchObject({
      event: 'SETTLE',
      payload: { amountCents: 60_000 },
    });
    const alone = await sendEvent(kit, 'assessor', granted.id, 'CONFIRM_SETTLEMENT', {});
    expect(alone.status).toBe(403);
    const confirmed = await step(kit, 'approver', granted.id, 'CONFIRM_SETTLEMENT', {});
    expect(confirmed.state).toBe('settled');
    expect((confirmed.amounts as { settledCents: number }).settledCents).toBe(60_000);
    expect((await approvals()).map((i) => i.id)).not.toContain(granted.id);
    await kit.advance(-10 * 7 * 86_400_000);
  });
});

describe('"Te beslissen" lists what waits for the viewer\'s decision', () => {
  test('an assessor who may also decide does not find their own proposal there', async () => {
    const both = await createUser(kit.t.db, { roles: ['assessor', 'approver'] });
    const cookie = await loginAs(kit.app, both.email!);
    const submitted = await applicationIn(kit, 'submitted');
    const assessed = await call(kit.app, 'POST', `/api/applications/${submitted.id}/events`, {
      cookie,
      json: { type: 'ASSESS', payload: ASSESS_GRANT },
    });
    expect(assessed.status).toBe(200);
    const listed = async (as: string) =>
      (
        (
          await readJson(
            await call(kit.app, 'GET', '/api/queue?awaitingApproval=true&limit=100', {
              cookie: as,
            }),
          )
        ).items as { id: string }[]
      ).map((i) => i.id);
    expect(await listed(cookie)).not.toContain(submitted.id);
    // Another approver finds it, and so does the proposer for somebody else's proposal.
    expect(await listed(kit.cookies.approver)).toContain(submitted.id);
    const other = await applicationIn(kit, 'submitted');
    await step(kit, 'assessor', other.id, 'ASSESS', ASSESS_GRANT);
    expect(await listed(cookie)).toContain(other.id);
  });
});

describe('finding 3: the history keeps the actor as they were', () => {
  test('a rename later does not rewrite who granted', async () => {
    const granted = await applicationIn(kit, 'granted');
    const before = await kit.t.db
      .selectFrom('users')
      .select('name')
      .where('id', '=', kit.users.approver.id)
      .executeTakeFirstOrThrow();
    await kit.t.db
      .updateTable('users')
      .set({ name: 'Iemand Anders' })
      .where('id', '=', kit.users.approver.id)
      .execute();
    const res = await call(kit.app, 'GET', `/api/applications/${granted.id}/history`, {
      cookie: kit.cookies.assessor,
    });
    expect(res.status).toBe(200);
    const items = (await readJson(res)).items as {
      event: string;
      actor: { name: string; roles: string[] };
    }[];
    const grant = items.find((i) => i.event === 'GRANT')!;
    expect(grant.actor.name).toBe(before.name);
    expect(grant.actor.roles).toEqual(['approver']);
  });
});
