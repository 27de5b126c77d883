import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, createUser, loginAs } from '../test/test-app';
import { demoFormData } from './applications.fixtures';
import {
  ASSESS_GRANT,
  applicationIn,
  createDraft,
  createRegulation,
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

async function problem(res: Response, status: number, code: string) {
  expect(res.status, await res.clone().text()).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = await readJson(res);
  expect(body.code).toBe(code);
  expect(body.instance).toBeTruthy();
  return body;
}

describe('applications: errors', () => {
  test('404 for an unknown id and for a malformed one', async () => {
    const unknown = await call(kit.app, 'GET', `/api/applications/${randomUUID()}`, {
      cookie: kit.cookies.assessor,
    });
    await problem(unknown, 404, 'not_found');
    const bad = await call(kit.app, 'GET', '/api/applications/not-a-uuid', {
      cookie: kit.cookies.assessor,
    });
    await problem(bad, 404, 'not_found');
    const ev = await sendEvent(kit, 'assessor', randomUUID(), 'ASSESS', ASSESS_GRANT);
    await problem(ev, 404, 'not_found');
  });

  test('400 for malformed JSON', async () => {
    const draft = await createDraft(kit);
    const res = await kit.app.request(`/api/applications/${draft.id}/events`, {
      method: 'POST',
      headers: {
        origin: 'http://localhost:3000',
        cookie: kit.cookies.resident,
        'content-type': 'application/json',
      },
      body: '{"type": "SUBMIT"',
    });
    await problem(res, 400, 'malformed_request');
  });

  test('409 event_not_allowed lists the events allowed now', async () => {
    const draft = await createDraft(kit);
    const res = await sendEvent(kit, 'resident', draft.id, 'SUPPLEMENT', { message: 'x' });
    const body = await problem(res, 409, 'event_not_allowed');
    expect(body.allowed).toEqual(expect.arrayContaining(['SUBMIT', 'WITHDRAW']));
  });

  test('403 when the role may not send the event', async () => {
    const app = await applicationIn(kit, 'submitted');
    const res = await sendEvent(kit, 'resident', app.id, 'ASSESS', ASSESS_GRANT);
    await problem(res, 403, 'forbidden');
  });

  test('403 four_eyes: the assessor may not also grant', async () => {
    const both = await createUser(kit.t.db, { roles: ['assessor', 'approver'] });
    const cookie = await loginAs(kit.app, both.email!);
    const app = await applicationIn(kit, 'submitted');
    const assess = await call(kit.app, 'POST', `/api/applications/${app.id}/events`, {
      cookie,
      json: { type: 'ASSESS', payload: ASSESS_GRANT },
    });
    expect(assess.status).toBe(200);
    const grant = await call(kit.app, 'POST', `/api/applications/${app.id}/events`, {
      cookie,
      json: { type: 'GRANT', payload: {} },
    });
    await problem(grant, 403, 'four_eyes');
  });

  test('422 invalid payload names the field', async () => {
    const app = await applicationIn(kit, 'submitted');
    const res = await sendEvent(kit, 'assessor', app.id, 'ASSESS', {
      recommendation: 'maybe',
      motivation: 'x',
    });
    const body = await problem(res, 422, 'validation_failed');
    expect(body.invalidParams.map((p: { name: string }) => p.name)).toContain('recommendation');
  });

  test('422 with invalidParams when the form is incomplete at SUBMIT', async () => {
    const draft = await createDraft(kit, 'resident', { data: { title: 'Alleen een titel' } });
    const res = await sendEvent(kit, 'resident', draft.id, 'SUBMIT');
    const body = await problem(res, 422, 'validation_failed');
    expect(body.invalidParams.length).toBeGreaterThan(0);
    for (const p of body.invalidParams) expect(p.name).toBeTypeOf('string');
  });

  test('422 for an invalid event type and for invalid query parameters', async () => {
    const draft = await createDraft(kit);
    await problem(await sendEvent(kit, 'resident', draft.id, 'submit'), 422, 'validation_failed');
    const limit = await call(kit.app, 'GET', '/api/applications?limit=101', {
      cookie: kit.cookies.assessor,
    });
    await problem(limit, 422, 'validation_failed');
    const cursor = await call(kit.app, 'GET', '/api/applications?cursor=garbage', {
      cookie: kit.cookies.assessor,
    });
    await problem(cursor, 422, 'validation_failed');
  });

  test('412 on a stale If-Match, with the current ETag', async () => {
    const draft = await createDraft(kit);
    await step(kit, 'resident', draft.id, 'SUBMIT');
    const res = await sendEvent(kit, 'assessor', draft.id, 'ASSESS', ASSESS_GRANT, {
      'If-Match': '"1"',
    });
    await problem(res, 412, 'precondition_failed');
    expect(res.headers.get('etag')).toBe('"2"');
    const ok = await sendEvent(kit, 'assessor', draft.id, 'ASSESS', ASSESS_GRANT, {
      'If-Match': '"2"',
    });
    expect(ok.status).toBe(200);
  });

  test('428 when PATCH has no If-Match; 412 when stale; 409 when not editable', async () => {
    const draft = await createDraft(kit);
    const path = `/api/applications/${draft.id}`;
    const none = await call(kit.app, 'PATCH', path, {
      cookie: kit.cookies.resident,
      json: { data: { title: 'x' } },
    });
    await problem(none, 428, 'precondition_required');
    const stale = await call(kit.app, 'PATCH', path, {
      cookie: kit.cookies.resident,
      json: { data: { title: 'x' } },
      headers: { 'If-Match': '"7"' },
    });
    await problem(stale, 412, 'precondition_failed');
    await step(kit, 'resident', draft.id, 'SUBMIT');
    const locked = await call(kit.app, 'PATCH', path, {
      cookie: kit.cookies.resident,
      json: { data: { title: 'x' } },
      headers: { 'If-Match': '"2"' },
    });
    await problem(locked, 409, 'event_not_allowed');
  });

  test('PATCH validates types and limits (422)', async () => {
    const draft = await createDraft(kit);
    const res = await call(kit.app, 'PATCH', `/api/applications/${draft.id}`, {
      cookie: kit.cookies.resident,
      json: { data: { expectedParticipants: 'veel' } },
      headers: { 'If-Match': '"1"' },
    });
    const body = await problem(res, 422, 'validation_failed');
    expect(body.invalidParams[0].name).toContain('expectedParticipants');
  });

  test('Idempotency-Key: same body replays, another body is 422, no second transition', async () => {
    const draft = await createDraft(kit);
    const key = randomUUID();
    const first = await sendEvent(kit, 'resident', draft.id, 'SUBMIT', undefined, {
      'Idempotency-Key': key,
    });
    expect(first.status).toBe(200);
    const again = await sendEvent(kit, 'resident', draft.id, 'SUBMIT', undefined, {
      'Idempotency-Key': key,
    });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await readJson(again)).toEqual(await readJson(first));
    const other = await sendEvent(kit, 'resident', draft.id, 'WITHDRAW', undefined, {
      'Idempotency-Key': key,
    });
    await problem(other, 422, 'idempotency_mismatch');
    const history = await kit.t.db
      .selectFrom('application_history')
      .select('event')
      .where('application_id', '=', draft.id)
      .orderBy('seq')
      .execute();
    expect(history.map((h) => h.event)).toEqual(['CREATE', 'SUBMIT']);
  });

  test('an Idempotency-Key that is no key: 400 naming the header, nothing sent', async () => {
    const draft = await createDraft(kit);
    for (const key of ['a b', 'x'.repeat(201), '\u00ff']) {
      const res = await sendEvent(kit, 'resident', draft.id, 'SUBMIT', undefined, {
        'Idempotency-Key': key,
        'Accept-Language': 'nl',
      });
      const body = await problem(res, 400, 'malformed_request');
      expect(body.invalidParams).toEqual([
        { name: 'idempotency-key', reason: expect.stringMatching(/zichtbare ASCII-tekens/) },
      ]);
    }
    const now = await readJson(
      await call(kit.app, 'GET', `/api/applications/${draft.id}`, { cookie: kit.cookies.resident }),
    );
    expect(now.state).toBe('draft');
  });

  test('409 budget_exceeded (Awb 4:25) when the ceiling does not cover the grant', async () => {
    const regulationId = await createRegulation(kit.t, kit.workflow, { ceilingCents: 100_000 });
    const make = async () => {
      const d = await createDraft(kit, 'resident', { regulationId });
      await step(kit, 'resident', d.id, 'SUBMIT');
      return step(kit, 'assessor', d.id, 'ASSESS', ASSESS_GRANT);
    };
    const a = await make();
    const b = await make();
    await step(kit, 'approver', a.id, 'GRANT', {});
    const res = await sendEvent(kit, 'approver', b.id, 'GRANT', {});
    const body = await problem(res, 409, 'budget_exceeded');
    expect(body.detail).toContain('4:25');
    // What it is counted against, in the user's language and the Dutch money format.
    expect(body.invalidParams).toEqual([
      {
        name: 'amountCents',
        reason:
          'Het bedrag (€ 750,00) is hoger dan wat er van het budget van de regeling nog over is (€ 250,00).',
      },
    ]);
    // An approver who chose English reads it in English.
    await kit.t.db
      .updateTable('users')
      .set({ locale: 'en' })
      .where('id', '=', kit.users.approver.id)
      .execute();
    const en = await sendEvent(kit, 'approver', b.id, 'GRANT', {});
    await kit.t.db
      .updateTable('users')
      .set({ locale: 'nl' })
      .where('id', '=', kit.users.approver.id)
      .execute();
    expect((await problem(en, 409, 'budget_exceeded')).invalidParams[0].reason).toBe(
      "The amount (€750.00) is more than what is left of the regulation's budget (€250.00).",
    );
    const still = await kit.t.db
      .selectFrom('applications')
      .select('state')
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect(still.state).toBe('assessed');
  });

  test('create: unknown regulation 422, closed regulation 409, wrong role 403', async () => {
    const unknown = await call(kit.app, 'POST', '/api/applications', {
      cookie: kit.cookies.resident,
      json: { regulationId: randomUUID() },
    });
    const body = await problem(unknown, 422, 'validation_failed');
    expect(body.invalidParams[0].name).toBe('regulationId');
    kit.clock.set('2027-01-05T09:00:00Z');
    try {
      const cookie = await loginAs(kit.app, kit.users.resident.email!);
      const closed = await call(kit.app, 'POST', '/api/applications', {
        cookie,
        json: { regulationId: kit.regulationId },
      });
      await problem(closed, 409, 'regulation_closed');
    } finally {
      kit.clock.set('2026-03-02T08:00:00.000Z');
    }
    const assessor = await call(kit.app, 'POST', '/api/applications', {
      cookie: kit.cookies.assessor,
      json: { regulationId: kit.regulationId },
    });
    await problem(assessor, 403, 'forbidden');
    const clerk = await call(kit.app, 'POST', '/api/applications', {
      cookie: kit.cookies.clerk,
      json: { regulationId: kit.regulationId },
    });
    await problem(clerk, 422, 'validation_failed');
    const notResident = await call(kit.app, 'POST', '/api/applications', {
      cookie: kit.cookies.clerk,
      json: { regulationId: kit.regulationId, applicantId: kit.users.assessor.id },
    });
    await problem(notResident, 422, 'validation_failed');
    const resident = await call(kit.app, 'POST', '/api/applications', {
      cookie: kit.cookies.resident,
      json: { regulationId: kit.regulationId, applicantId: kit.users.resident2.id },
    });
    await problem(resident, 403, 'forbidden');
  });

  test('create: invalid form data is 422 with the field', async () => {
    const res = await call(kit.app, 'POST', '/api/applications', {
      cookie: kit.cookies.resident,
      json: {
        regulationId: kit.regulationId,
        data: { ...demoFormData(kit.clock()), iban: 'NL00' },
      },
    });
    const body = await problem(res, 422, 'validation_failed');
    expect(body.invalidParams[0].name).toContain('iban');
  });

  test('claim of an unknown application is 404; release by another assessor is 403', async () => {
    await problem(
      await call(kit.app, 'POST', `/api/applications/${randomUUID()}/claim`, {
        cookie: kit.cookies.assessor,
      }),
      404,
      'not_found',
    );
    const app = await applicationIn(kit, 'submitted');
    await call(kit.app, 'POST', `/api/applications/${app.id}/claim`, {
      cookie: kit.cookies.assessor,
    });
    await problem(
      await call(kit.app, 'POST', `/api/applications/${app.id}/release`, {
        cookie: kit.cookies.assessor2,
      }),
      403,
      'forbidden',
    );
  });
});
