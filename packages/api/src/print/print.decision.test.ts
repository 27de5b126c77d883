/**
 * A decision that goes to a resident by post takes effect when it is sent (Awb 3:41), and the
 * objection period runs from the day after (6:8). When the batch goes out days after the
 * decision, the letter states a later last day than the decision's own day would give; the
 * application's page, the work queue and the history then give that same day.
 */
import { addDays, formatDate, objectionDeadline, toAmsterdamDate } from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AnyJson,
  ASSESS_GRANT,
  applicationIn,
  type Kit,
  lettersByPost,
  readJson,
  setupKit,
  step,
} from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';

let kit: Kit;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  kit = await setupKit();
  await lettersByPost(kit);
});
afterAll(() => kit.close());

async function get(path: string, as: 'resident' | 'assessor') {
  const res = await call(kit.app, 'GET', path, { cookie: kit.cookies[as] });
  expect(res.status).toBe(200);
  return readJson(res);
}

const objectionOf = (app: { deadlines: { key: string; date: string }[] }) =>
  app.deadlines.find((d) => d.key === 'objection')?.date;

async function printToday(): Promise<string> {
  const res = await call(kit.app, 'POST', '/api/print-batches', { cookie: kit.cookies.clerk });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await readJson(res)).id;
}

async function markPosted(batchId: string) {
  const res = await call(kit.app, 'POST', `/api/print-batches/${batchId}/posted`, {
    cookie: kit.cookies.clerk,
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

describe('a decision sent by post', () => {
  it('counts the objection period from the posting day, on every page that gives it', async () => {
    const granted = await applicationIn(kit, 'granted');
    const decidedOn = toAmsterdamDate(kit.clock());
    expect(objectionOf(await get(`/api/applications/${granted.id}`, 'resident'))).toBe(
      objectionDeadline(decidedOn).date,
    );
    // Until the letter is posted the work queue names no last day, as the case page does not.
    const waiting = await get(`/api/applications?limit=100`, 'assessor');
    expect(
      (waiting.items as { id: string; nextDeadline: unknown }[]).find((i) => i.id === granted.id)
        ?.nextDeadline,
    ).toMatchObject({ key: 'objection', pending: true });

    // The batch goes out two days later.
    await kit.advance(2 * DAY);
    const postingDate = toAmsterdamDate(kit.clock());
    const batchId = await printToday();
    const lastDay = objectionDeadline(postingDate).date;
    expect(lastDay > objectionDeadline(decidedOn).date).toBe(true);
    // Printed is not sent: until the batch goes into the post nothing is recorded.
    const printed = await get(`/api/applications/${granted.id}/history`, 'resident');
    expect(
      (Array.isArray(printed) ? printed : printed.items).some(
        (h: { event: string }) => h.event === 'shell.decision_letter_sent',
      ),
    ).toBe(false);
    await markPosted(batchId);

    const letter = await kit.t.db
      .selectFrom('documents')
      .select(['objection_deadline'])
      .where('application_id', '=', granted.id)
      .where('objection_deadline', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(String(letter.objection_deadline)).toBe(lastDay);

    const page = await get(`/api/applications/${granted.id}`, 'resident');
    expect(page.state).toBe('granted');
    expect(objectionOf(page)).toBe(lastDay);

    const queue = await get(`/api/applications?limit=100`, 'assessor');
    const row = (queue.items as { id: string; nextDeadline: { key: string; date: string } }[]).find(
      (i) => i.id === granted.id,
    );
    expect(row?.nextDeadline).toMatchObject({ key: 'objection', date: lastDay });
    expect(row?.nextDeadline).not.toHaveProperty('pending');

    const history = await get(`/api/applications/${granted.id}/history`, 'resident');
    const entries = (Array.isArray(history) ? history : history.items) as {
      event: string;
      payload: { text?: { nl: string } };
    }[];
    const entry = entries.find((h) => h.event === 'shell.decision_letter_sent');
    expect(entry?.payload.text?.nl).toBe(
      `Het besluit is op ${formatDate(postingDate, 'nl')} per post verstuurd. Bezwaar maken kan tot en met ${formatDate(lastDay, 'nl')}.`,
    );
  });

  it('keeps the penalty of a notice of default running until the decision went into the post', async () => {
    const app: AnyJson = await applicationIn(kit, 'submitted');
    const dueOn = app.clock.decisionDueOn as string;
    await kit.advance(60 * DAY);
    const recorded = await call(kit.app, 'POST', `/api/applications/${app.id}/notice-of-default`, {
      cookie: kit.cookies.assessor,
      json: { receivedOn: addDays(dueOn, 1) },
    });
    expect(recorded.status, await recorded.clone().text()).toBe(201);
    const firstDay = (await readJson(recorded)).firstDay as string;
    // Decided three days into the penalty; the letter goes into the post two days later.
    kit.clock.set(`${addDays(firstDay, 3)}T10:00:00Z`);
    await kit.advance(0);
    await step(kit, 'assessor', app.id, 'ASSESS', ASSESS_GRANT);
    const granted: AnyJson = await step(kit, 'approver', app.id, 'GRANT', {});
    expect(granted.noticeOfDefault).toMatchObject({ decidedOn: addDays(firstDay, 3), days: 3 });
    await kit.advance(2 * DAY);
    await markPosted(await printToday());
    const page = await get(`/api/applications/${app.id}`, 'assessor');
    expect(page.noticeOfDefault).toMatchObject({
      kind: 'ended',
      decidedOn: addDays(firstDay, 5),
      days: 5,
      cents: 5 * 2300,
    });
  });
});
