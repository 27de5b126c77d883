/**
 * A regulation takes applications up to and including its last day. A draft started before it and
 * sent after it is refused with 409 `regulation_closed`, in the sender's language, and loses
 * nothing; its page says so beforehand and offers no SUBMIT. Starting an application outside the
 * period is refused the same way, in words.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call } from '../test/test-app';
import { demoFormData } from './applications.fixtures';
import {
  createDraft,
  createRegulation,
  type Kit,
  readJson,
  sendEvent,
  setupKit,
  step,
} from './lifecycle.test-kit';

const DAY = 86_400_000;
let kit: Kit;
beforeAll(async () => {
  // The kit's clock starts on Monday 2 March 2026, 09:00 in Amsterdam.
  kit = await setupKit();
});
afterAll(() => kit.close());

async function detail(id: string, as: 'resident' | 'clerk' = 'resident') {
  const res = await call(kit.app, 'GET', `/api/applications/${id}`, { cookie: kit.cookies[as] });
  expect(res.status).toBe(200);
  return readJson(res);
}

describe('the last day for applications', () => {
  test('a draft sent after it is refused in words, keeps its answers and says so on its page', async () => {
    const regulationId = await createRegulation(kit.t, kit.workflow, { closesOn: '2026-03-04' });
    const draft = await createDraft(kit, 'resident', { regulationId });
    const open = await detail(draft.id);
    expect(open.applicationPeriodEnded).toBeNull();
    expect(open.regulation.closesOn).toBe('2026-03-04');
    expect(open.allowedEvents.map((e: { type: string }) => e.type)).toContain('SUBMIT');

    await kit.advance(3 * DAY); // Thursday 5 March
    const closed = await detail(draft.id);
    expect(closed.applicationPeriodEnded).toEqual({
      closesOn: '2026-03-04',
      text: {
        nl: 'Deze regeling nam aanvragen aan tot en met 4 maart 2026. Deze aanvraag kan niet meer worden ingediend.',
        en: 'This grant scheme took applications up to and including 4 March 2026. This application can no longer be submitted.',
      },
    });
    expect(closed.allowedEvents.map((e: { type: string }) => e.type)).not.toContain('SUBMIT');

    for (const [language, words] of [
      ['nl', 'tot en met 4 maart 2026'],
      ['en', 'up to and including 4 March 2026'],
    ] as const) {
      const res = await sendEvent(kit, 'resident', draft.id, 'SUBMIT', undefined, {
        'Accept-Language': language,
        'If-Match': `"${draft.version}"`,
      });
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = await readJson(res);
      expect(problem.type).toMatch(/regulation_closed$/);
      expect(problem.invalidParams).toHaveLength(1);
      expect(problem.invalidParams[0].name).toBe('regulation');
      expect(problem.invalidParams[0].reason).toContain(words);
    }
    const after = await detail(draft.id);
    expect(after.state).toBe('draft');
    expect(after.version).toBe(draft.version);
    expect(after.data).toEqual(closed.data);

    // The desk filing it for her is held to the same day.
    const clerk = await sendEvent(kit, 'clerk', draft.id, 'SUBMIT');
    expect(clerk.status).toBe(409);
    // She can still withdraw it.
    await step(kit, 'resident', draft.id, 'WITHDRAW');
    expect((await detail(draft.id)).applicationPeriodEnded).toBeNull();
  });

  test('an application received before it goes on, and its page says nothing of it', async () => {
    const regulationId = await createRegulation(kit.t, kit.workflow, { closesOn: '2026-03-06' });
    const draft = await createDraft(kit, 'resident', { regulationId });
    const sent = await step(kit, 'resident', draft.id, 'SUBMIT');
    expect(sent.state).toBe('submitted');
    await kit.advance(2 * DAY);
    const later = await detail(sent.id);
    expect(later.applicationPeriodEnded).toBeNull();
    expect(later.clock.receivedOn).toBe('2026-03-05');
  });

  test('no application starts on a regulation outside its period, and the refusal says when', async () => {
    const closed = await createRegulation(kit.t, kit.workflow, { closesOn: '2026-03-01' });
    const future = await createRegulation(kit.t, kit.workflow, { opensOn: '2026-09-01' });
    for (const [regulationId, nl, en] of [
      [closed, 'tot en met 1 maart 2026', 'up to and including 1 March 2026'],
      [future, 'vanaf 1 september 2026', 'from 1 September 2026'],
    ] as const) {
      for (const [language, words] of [
        ['nl', nl],
        ['en', en],
      ] as const) {
        const res = await call(kit.app, 'POST', '/api/applications', {
          cookie: kit.cookies.resident,
          headers: { 'Accept-Language': language },
          json: { regulationId, data: demoFormData(kit.clock()) },
        });
        expect(res.status).toBe(409);
        const problem = await readJson(res);
        expect(problem.type).toMatch(/regulation_closed$/);
        expect(problem.invalidParams[0]).toMatchObject({ name: 'regulationId' });
        expect(problem.invalidParams[0].reason).toContain(words);
      }
    }
  });

  test('the desk files one that came in by post on the last day, dated that day', async () => {
    const regulationId = await createRegulation(kit.t, kit.workflow, { closesOn: '2026-03-09' });
    const draft = await createDraft(kit, 'clerk', {
      regulationId,
      applicantId: kit.users.resident.id,
    });
    // Six days on, the last day has passed.
    await kit.advance(6 * DAY);
    // She cannot date her own submission; the desk can, within the rules.
    const own = await sendEvent(kit, 'resident', draft.id, 'SUBMIT', undefined, {});
    expect(own.status).toBe(409);
    const res = await call(kit.app, 'POST', `/api/applications/${draft.id}/events`, {
      cookie: kit.cookies.resident,
      json: { type: 'SUBMIT', receivedOn: '2026-03-09' },
    });
    expect(res.status).toBe(403);
    const future = await call(kit.app, 'POST', `/api/applications/${draft.id}/events`, {
      cookie: kit.cookies.clerk,
      headers: { 'Accept-Language': 'nl' },
      json: { type: 'SUBMIT', receivedOn: '2026-04-01' },
    });
    expect(future.status).toBe(422);
    expect((await readJson(future)).invalidParams[0]).toMatchObject({ name: 'receivedOn' });
    const filed = await call(kit.app, 'POST', `/api/applications/${draft.id}/events`, {
      cookie: kit.cookies.clerk,
      json: { type: 'SUBMIT', receivedOn: '2026-03-09' },
    });
    expect(filed.status, await filed.clone().text()).toBe(200);
    const sent = await readJson(filed);
    expect(sent.state).toBe('submitted');
    expect(sent.clock.receivedOn).toBe('2026-03-09');
    expect(sent.clock.decisionDueOn).toBe('2026-05-04');
    const history = await readJson(
      await call(kit.app, 'GET', `/api/applications/${draft.id}/history`, {
        cookie: kit.cookies.clerk,
      }),
    );
    const entries = Array.isArray(history) ? history : history.items;
    const submit = entries.find((e: { event: string }) => e.event === 'SUBMIT');
    expect(submit.payload).toEqual({ receivedOn: '2026-03-09' });
  });
});
