import { toAmsterdamDate } from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call } from '../test/test-app';
import { demoFormData } from './applications.fixtures';
import {
  ASSESS_GRANT,
  applicationIn,
  createDraft,
  type Kit,
  readJson,
  sendEvent,
  setupKit,
  step,
} from './lifecycle.test-kit';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

describe('applications: happy paths', () => {
  test('a resident creates a draft: 201, Location, ETag, readable reference', async () => {
    const res = await call(kit.app, 'POST', '/api/applications', {
      cookie: kit.cookies.resident,
      json: { regulationId: kit.regulationId, data: { title: 'Buurtmoestuin' } },
    });
    expect(res.status).toBe(201);
    const body = await readJson(res);
    expect(res.headers.get('location')).toBe(`/api/applications/${body.id}`);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(body.reference).toMatch(/^BI-2026-\d{6}$/);
    expect(body.state).toBe('draft');
    expect(body.data.title).toBe('Buurtmoestuin');
    expect(body.definition).toEqual(kit.workflow);
    expect(body.editable).toBe(true);
    expect(body.allowedEvents.map((e: { type: string }) => e.type)).toContain('WITHDRAW');
  });

  test('references are unique and consecutive per year', async () => {
    const a = await createDraft(kit);
    const b = await createDraft(kit);
    const n = (r: unknown) => Number(String(r).slice(-6));
    expect(n(b.reference)).toBe(n(a.reference) + 1);
  });

  test('GET returns the application with ETag, deadlines and allowed events', async () => {
    const draft = await createDraft(kit);
    const res = await call(kit.app, 'GET', `/api/applications/${draft.id}`, {
      cookie: kit.cookies.resident,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    const body = await readJson(res);
    expect(body.amounts.requestedCents).toBe(75_000);
    expect(body.allowedEvents.map((e: { type: string }) => e.type)).toContain('SUBMIT');
    expect(body.allowedEvents[0].payloadSchema).toBeTypeOf('object');
  });

  test('PATCH merges form data with If-Match and bumps the version', async () => {
    const draft = await createDraft(kit);
    const res = await call(kit.app, 'PATCH', `/api/applications/${draft.id}`, {
      cookie: kit.cookies.resident,
      json: { data: { title: 'Nieuwe titel' } },
      headers: { 'If-Match': '"1"' },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    const body = await readJson(res);
    expect(body.data.title).toBe('Nieuwe titel');
    expect(body.data.iban).toBe('NL91ABNA0417164300');
  });

  test('submit: state, clock, acknowledgement in the outbox, history row', async () => {
    const draft = await createDraft(kit);
    const submitted = await step(kit, 'resident', draft.id, 'SUBMIT');
    expect(submitted.state).toBe('submitted');
    expect(submitted.version).toBe(2);
    const clock = submitted.clock as { receivedOn: string; decisionDueOn: string };
    expect(clock.receivedOn).toBe('2026-03-02');
    // 8 weeks is Monday 27 April: King's Day, so the next working day (Algemene termijnenwet).
    expect(clock.decisionDueOn).toBe('2026-04-28');
    const outbox = await kit.t.db
      .selectFrom('outbox')
      .select(['kind', 'status'])
      .where('application_id', '=', draft.id)
      .execute();
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.every((o) => o.status === 'pending')).toBe(true);
    const history = await call(kit.app, 'GET', `/api/applications/${draft.id}/history`, {
      cookie: kit.cookies.resident,
    });
    const items = (await readJson(history)).items;
    expect(items.map((h: { event: string }) => h.event)).toEqual(['CREATE', 'SUBMIT']);
    expect(items[1]).toMatchObject({
      seq: 2,
      fromState: 'draft',
      toState: 'submitted',
      actor: { id: kit.users.resident.id, roles: ['applicant'] },
      onBehalfOf: null,
    });
    const timers = await kit.t.db
      .selectFrom('timers')
      .select(['status', 'event'])
      .where('application_id', '=', draft.id)
      .execute();
    expect(timers.some((t) => t.status === 'pending')).toBe(true);
  });

  test('full line: assess, grant (budget reserved), history of every step', async () => {
    const before = await call(kit.app, 'GET', `/api/regulations/${kit.regulationId}`);
    const reservedBefore = (await readJson(before)).budget.reservedCents;
    const granted = await applicationIn(kit, 'granted');
    expect(granted.state).toBe('granted');
    expect((granted.amounts as { grantedCents: number }).grantedCents).toBe(75_000);
    const after = await call(kit.app, 'GET', `/api/regulations/${kit.regulationId}`);
    expect((await readJson(after)).budget.reservedCents).toBe(reservedBefore + 75_000);
    const ledger = await kit.t.db
      .selectFrom('budget_ledger')
      .select(['kind', 'amount_cents'])
      .where('application_id', '=', granted.id)
      .execute();
    expect(ledger).toEqual([{ kind: 'reserve', amount_cents: 75_000 }]);
  });

  test('the grant’s letter, its mails and its ledger row all name the grant’s own history row', async () => {
    const granted = await applicationIn(kit, 'granted');
    const grant = await kit.t.db
      .selectFrom('application_history')
      .select(['id'])
      .where('application_id', '=', granted.id as string)
      .where('to_state', '=', 'granted')
      .executeTakeFirstOrThrow();
    const letters = await kit.t.db
      .selectFrom('documents')
      .select(['history_id', 'kind'])
      .where('application_id', '=', granted.id as string)
      .where('kind', '=', 'grant')
      .execute();
    expect(letters).toEqual([{ history_id: grant.id, kind: 'grant' }]);
    const jobs = await kit.t.db
      .selectFrom('outbox')
      .select(['history_id'])
      .where('application_id', '=', granted.id as string)
      .where('history_id', '=', grant.id)
      .execute();
    // The letter's render job and at least the resident's notice.
    expect(jobs.length).toBeGreaterThanOrEqual(2);
    const ledger = await kit.t.db
      .selectFrom('budget_ledger')
      .select(['history_id'])
      .where('application_id', '=', granted.id as string)
      .execute();
    expect(ledger).toEqual([{ history_id: grant.id }]);
  });

  test('settle: the settled amount is committed and the rest released', async () => {
    const granted = await applicationIn(kit, 'granted');
    const report = { actualCostsCents: 60_000, report: 'Het feest is doorgegaan met 150 buren.' };
    // Before the activity (10 weeks ahead) the report is refused, in the user's words.
    const early = await sendEvent(kit, 'resident', granted.id, 'SUBMIT_REPORT', report);
    expect(early.status).toBe(422);
    expect((await readJson(early)).guard).toBe('activityDateReached');
    await kit.advance(10 * 7 * 86_400_000);
    await step(kit, 'resident', granted.id, 'SUBMIT_REPORT', report);
    const settled = await step(kit, 'assessor', granted.id, 'SETTLE', { amountCents: 60_000 });
    expect(settled.state).toBe('settled');
    await kit.advance(-10 * 7 * 86_400_000); // the other tests count days from the start
    const ledger = await kit.t.db
      .selectFrom('budget_ledger')
      .select(['kind', 'amount_cents'])
      .where('application_id', '=', granted.id)
      .orderBy('id')
      .execute();
    expect(ledger).toEqual([
      { kind: 'reserve', amount_cents: 75_000 },
      { kind: 'commit', amount_cents: 60_000 },
      { kind: 'release', amount_cents: 15_000 },
    ]);
  });

  test('reject releases nothing it did not reserve; the queue no longer lists it', async () => {
    const rejected = await applicationIn(kit, 'rejected');
    expect(rejected.state).toBe('rejected');
    const row = await kit.t.db
      .selectFrom('applications')
      .select('awaiting_decision')
      .where('id', '=', rejected.id)
      .executeTakeFirstOrThrow();
    expect(row.awaiting_decision).toBe(false);
  });

  test('a clerk files and submits on behalf of a resident; history says so', async () => {
    const draft = await createDraft(kit, 'clerk', { applicantId: kit.users.resident2.id });
    expect(draft.applicantId).toBe(kit.users.resident2.id);
    expect(draft.createdBy).toBe(kit.users.clerk.id);
    await step(kit, 'clerk', draft.id, 'SUBMIT');
    const rows = await kit.t.db
      .selectFrom('application_history')
      .select(['event', 'actor_id', 'on_behalf_of'])
      .where('application_id', '=', draft.id)
      .orderBy('seq')
      .execute();
    expect(rows).toEqual([
      { event: 'CREATE', actor_id: kit.users.clerk.id, on_behalf_of: kit.users.resident2.id },
      { event: 'SUBMIT', actor_id: kit.users.clerk.id, on_behalf_of: kit.users.resident2.id },
    ]);
    // The resident sees it as their own.
    const res = await call(kit.app, 'GET', `/api/applications/${draft.id}`, {
      cookie: kit.cookies.resident2,
    });
    expect(res.status).toBe(200);
  });

  test('list: residents see their own; filters, q and cursor pagination', async () => {
    const mine = await call(kit.app, 'GET', '/api/applications?limit=100', {
      cookie: kit.cookies.resident2,
    });
    const items = (await readJson(mine)).items as { applicantId: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.applicantId === kit.users.resident2.id)).toBe(true);

    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const qs: string = `/api/applications?limit=2&sort=updated${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await call(kit.app, 'GET', qs, { cookie: kit.cookies.assessor });
      expect(res.status).toBe(200);
      const page = await readJson(res);
      for (const i of page.items) {
        expect(seen.has(i.id)).toBe(false);
        seen.add(i.id);
      }
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    const total = await kit.t.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(seen.size).toBe(Number(total.n));

    const drafts = await call(kit.app, 'GET', '/api/applications?state=draft&limit=100', {
      cookie: kit.cookies.assessor,
    });
    expect(
      ((await readJson(drafts)).items as { state: string }[]).every((i) => i.state === 'draft'),
    ).toBe(true);

    const one = await createDraft(kit, 'resident', {
      data: { ...demoFormData(kit.clock()), title: 'Repair café Spangen' },
    });
    const found = await call(kit.app, 'GET', '/api/applications?q=repair', {
      cookie: kit.cookies.assessor,
    });
    expect((await readJson(found)).items.map((i: { id: string }) => i.id)).toEqual([one.id]);
    const byRef = await call(kit.app, 'GET', `/api/applications?q=${one.reference}`, {
      cookie: kit.cookies.assessor,
    });
    expect((await readJson(byRef)).items.map((i: { id: string }) => i.id)).toEqual([one.id]);

    // Staff find the applicant's name without its accents, as the desk's resident search does.
    await kit.t.db
      .updateTable('users')
      .set({ name: 'Mehmet Öztürk' })
      .where('id', '=', kit.users.resident.id)
      .execute();
    const ids = async (q: string, cookie = kit.cookies.assessor) =>
      (
        await readJson(
          await call(kit.app, 'GET', `/api/applications?limit=100&q=${encodeURIComponent(q)}`, {
            cookie,
          }),
        )
      ).items.map((i: { id: string }) => i.id);
    for (const q of ['ozturk', 'Oztürk', 'mehmet ozturk', 'ÖZTÜRK']) {
      expect(await ids(q), q).toContain(one.id);
    }
    expect(await ids('ozturk mehmed')).not.toContain(one.id);
  });

  test('work queue: ordered by decision due date, days left, claim and release', async () => {
    const a = await applicationIn(kit, 'submitted');
    await kit.advance(3 * 86_400_000);
    const b = await applicationIn(kit, 'submitted');
    const res = await call(kit.app, 'GET', '/api/queue?limit=100', {
      cookie: kit.cookies.assessor,
    });
    expect(res.status).toBe(200);
    const items = (await readJson(res)).items as {
      id: string;
      decisionDueOn: string;
      daysLeft: number;
      suspended: boolean;
    }[];
    const dates = items.map((i) => i.decisionDueOn);
    expect([...dates].sort()).toEqual(dates);
    const ia = items.findIndex((i) => i.id === a.id);
    const ib = items.findIndex((i) => i.id === b.id);
    expect(ia).toBeGreaterThanOrEqual(0);
    expect(ia).toBeLessThan(ib);
    expect(items[ia]!.daysLeft).toBe(54);
    expect(items[ia]!.suspended).toBe(false);

    const claim = await call(kit.app, 'POST', `/api/applications/${a.id}/claim`, {
      cookie: kit.cookies.assessor,
    });
    expect(claim.status).toBe(200);
    expect((await readJson(claim)).assignee.id).toBe(kit.users.assessor.id);
    const mine = await call(kit.app, 'GET', '/api/queue?assignedTo=me', {
      cookie: kit.cookies.assessor,
    });
    expect((await readJson(mine)).items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    const taken = await call(kit.app, 'POST', `/api/applications/${a.id}/claim`, {
      cookie: kit.cookies.assessor2,
    });
    expect(taken.status).toBe(409);
    const release = await call(kit.app, 'POST', `/api/applications/${a.id}/release`, {
      cookie: kit.cookies.assessor,
    });
    expect(release.status).toBe(200);
    const again = await call(kit.app, 'POST', `/api/applications/${a.id}/claim`, {
      cookie: kit.cookies.assessor2,
    });
    expect(again.status).toBe(200);
  });

  test('request info suspends the clock; the queue shows it', async () => {
    const app = await applicationIn(kit, 'info_requested');
    expect(app.state).toBe('info_requested');
    expect((app.clock as { suspended: boolean }).suspended).toBe(true);
    // The day of the request: the page says since when the term stands still.
    expect((app.clock as { suspendedSince: string | null }).suspendedSince).toBe(
      toAmsterdamDate(kit.clock()),
    );
    const res = await call(kit.app, 'GET', '/api/queue?limit=100', {
      cookie: kit.cookies.assessor,
    });
    const item = (await readJson(res)).items.find((i: { id: string }) => i.id === app.id);
    expect(item.suspended).toBe(true);
    const back = await step(kit, 'resident', app.id, 'SUPPLEMENT', {
      message: 'Offerte bijgevoegd.',
    });
    expect(back.state).toBe('submitted');
    expect((back.clock as { suspended: boolean }).suspended).toBe(false);
    expect((back.clock as { suspendedSince: string | null }).suspendedSince).toBeNull();
  });

  test('regulations: open ones with remaining budget; budgets overview for staff', async () => {
    const res = await call(kit.app, 'GET', '/api/regulations');
    expect(res.status).toBe(200);
    const reg = (await readJson(res)).items.find((r: { id: string }) => r.id === kit.regulationId);
    expect(reg).toMatchObject({
      district: 'Delfshaven',
      maxAmountCents: 1_000_000,
      ceilingCents: 10_000_000,
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
      workflow: kit.workflow,
      open: true,
    });
    expect(reg.budget.remainingCents).toBe(
      10_000_000 - reg.budget.reservedCents - reg.budget.committedCents,
    );
    const budgets = await call(kit.app, 'GET', '/api/budgets', { cookie: kit.cookies.policy });
    expect(budgets.status).toBe(200);
    const b = (await readJson(budgets)).items.find(
      (x: { regulationId: string }) => x.regulationId === kit.regulationId,
    );
    expect(b.remainingCents).toBe(reg.budget.remainingCents);
    expect(b.applications.total).toBeGreaterThan(0);
  });

  test('assess then grant by another person works; ASSESS_GRANT is reusable', async () => {
    const app = await applicationIn(kit, 'submitted');
    const assessed = await step(kit, 'assessor', app.id, 'ASSESS', ASSESS_GRANT);
    expect(assessed.state).toBe('assessed');
    const granted = await step(kit, 'approver', app.id, 'GRANT', {});
    expect(granted.state).toBe('granted');
  });

  test('list: every sort pages through all rows exactly once', async () => {
    for (const sort of ['deadline', 'submitted', 'updated']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const qs: string = `/api/applications?limit=3&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await readJson(
          await call(kit.app, 'GET', qs, { cookie: kit.cookies.assessor }),
        );
        seen.push(...page.items.map((i: { id: string }) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size, sort).toBe(seen.length);
      const total = await kit.t.db
        .selectFrom('applications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(seen.length, sort).toBe(Number(total.n));
    }
  });

  test('overdue filter: decisions past their due date', async () => {
    const app = await applicationIn(kit, 'submitted');
    const before = await readJson(
      await call(kit.app, 'GET', '/api/applications?overdue=true&limit=100', {
        cookie: kit.cookies.assessor,
      }),
    );
    expect(before.items.map((i: { id: string }) => i.id)).not.toContain(app.id);
    await kit.advance(70 * 86_400_000);
    const after = await readJson(
      await call(kit.app, 'GET', '/api/applications?overdue=true&limit=100', {
        cookie: kit.cookies.assessor,
      }),
    );
    const item = after.items.find((i: { id: string }) => i.id === app.id);
    expect(item).toMatchObject({ overdue: true });
    expect(item.daysLeft).toBeLessThan(0);
  });

  test('OpenAPI document lists the lifecycle routes', async () => {
    const res = await call(kit.app, 'GET', '/api/openapi.json');
    const doc = await readJson(res);
    for (const path of [
      '/api/applications',
      '/api/applications/{id}',
      '/api/applications/{id}/events',
      '/api/applications/{id}/history',
      '/api/applications/{id}/attachments',
      '/api/applications/{id}/claim',
      '/api/queue',
      '/api/regulations',
      '/api/budgets',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
