/**
 * A request to supplement (Awb 4:5) that goes to a resident by post reaches her only when the
 * batch is posted, days after the assessor asked. The period the letter gives counts from the
 * posting day, so she keeps every day of it: the application's last day, its timer that makes it
 * "not considered", the letter's own date and the history all move together.
 */
import {
  addDays,
  amsterdamStartOfDay,
  formatDate,
  supplementDueDate,
  toAmsterdamDate,
} from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationIn,
  type Kit,
  lettersByPost,
  readJson,
  setupKit,
  step,
} from '../applications/lifecycle.test-kit';
import type { LetterContent } from '../letters/letter.types';
import { call } from '../test/test-app';

let kit: Kit;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  kit = await setupKit();
  await lettersByPost(kit);
});
afterAll(() => kit.close());

async function detail(id: string, as: 'resident' | 'assessor' = 'resident') {
  const res = await call(kit.app, 'GET', `/api/applications/${id}`, { cookie: kit.cookies[as] });
  expect(res.status).toBe(200);
  return readJson(res);
}

function supplementDeadline(app: {
  deadlines: { key: string; date: string; explanation: { nl: string } }[];
}) {
  return app.deadlines.find((d) => d.key === 'supplement');
}

async function history(id: string, as: 'resident' | 'assessor' = 'resident') {
  const res = await call(kit.app, 'GET', `/api/applications/${id}/history`, {
    cookie: kit.cookies[as],
  });
  expect(res.status).toBe(200);
  const body = await readJson(res);
  return (Array.isArray(body) ? body : body.items) as { event: string; payload: unknown }[];
}

async function pendingTimers(applicationId: string) {
  return kit.t.db
    .selectFrom('timers')
    .select(['event', 'due_at'])
    .where('application_id', '=', applicationId)
    .where('status', '=', 'pending')
    .execute();
}

async function supplementLetter(applicationId: string) {
  return kit.t.db
    .selectFrom('documents')
    .select(['content', 'sent_on', 'print_batch_id'])
    .where('application_id', '=', applicationId)
    .where('kind', '=', 'supplement_request')
    .executeTakeFirstOrThrow();
}

async function postToday() {
  const res = await call(kit.app, 'POST', '/api/print-batches', { cookie: kit.cookies.clerk });
  expect(res.status, await res.clone().text()).toBe(201);
  return readJson(res);
}

describe('a request to supplement sent by post', () => {
  it('gives its period from the posting day: deadline, timer, letter and history agree', async () => {
    const asked = await applicationIn(kit, 'info_requested');
    const requestedOn = toAmsterdamDate(kit.clock());
    const before = supplementDeadline(await detail(asked.id));
    expect(before?.date).toBe(supplementDueDate(requestedOn, 14).date);

    // The batch goes out three days later (the clerk was away).
    await kit.advance(3 * DAY);
    const postingDate = toAmsterdamDate(kit.clock());
    await postToday();
    const due = supplementDueDate(postingDate, 14).date;
    expect(due > before!.date).toBe(true);

    const after = await detail(asked.id);
    expect(after.state).toBe('info_requested');
    const deadline = supplementDeadline(after);
    expect(deadline?.date).toBe(due);
    expect(deadline?.explanation.nl).toContain(
      `verzending per post op ${formatDate(postingDate, 'nl')}`,
    );

    const timers = await pendingTimers(asked.id);
    const period = timers.find((t) => t.event.startsWith('xstate.after.supplementPeriod.'));
    expect(new Date(period!.due_at).toISOString()).toBe(
      amsterdamStartOfDay(addDays(due, 1)).toISOString(),
    );
    expect(timers.filter((t) => t.event.startsWith('xstate.after.supplementPeriod.'))).toHaveLength(
      1,
    );

    const letter = await supplementLetter(asked.id);
    const content = letter.content as unknown as LetterContent;
    expect(letter.sent_on).toBe(postingDate);
    const body = content.paragraphs.join('\n');
    expect(body).toContain(`uiterlijk op ${formatDate(due, 'nl')}`);
    expect(body).not.toContain(formatDate(before!.date, 'nl'));

    // The resident reads why in her history, as staff do.
    const entry = (await history(asked.id)).find(
      (h) => h.event === 'shell.supplement_request_sent',
    );
    expect(entry?.payload).toMatchObject({ requestedOn, sentOn: postingDate, dueOn: due });
    const staff = await history(asked.id, 'assessor');
    expect(staff.some((h) => h.event === 'shell.supplement_request_sent')).toBe(true);
  });

  it('leaves the period alone when the letter is posted on the day of the request', async () => {
    await kit.advance(1 * DAY);
    const asked = await applicationIn(kit, 'info_requested');
    const before = supplementDeadline(await detail(asked.id));
    const timersBefore = await pendingTimers(asked.id);
    await postToday();
    const after = await detail(asked.id);
    expect(supplementDeadline(after)?.date).toBe(before?.date);
    expect(await pendingTimers(asked.id)).toEqual(timersBefore);
    expect((await history(asked.id)).some((h) => h.event.startsWith('shell.'))).toBe(false);
  });

  it('does not reopen a request the resident already answered', async () => {
    await kit.advance(1 * DAY);
    const asked = await applicationIn(kit, 'info_requested');
    await kit.advance(1 * DAY);
    // She answered online before the letter went into the post.
    const answered = await step(kit, 'resident', asked.id, 'SUPPLEMENT', {
      message: 'De offerte zit erbij.',
    });
    expect(answered.state).toBe('submitted');
    const version = (await detail(asked.id)).version;
    await postToday();
    const after = await detail(asked.id);
    expect(after.state).toBe('submitted');
    expect(after.version).toBe(version);
    expect(supplementDeadline(after)).toBeUndefined();
    const timers = await pendingTimers(asked.id);
    expect(timers.some((t) => t.event.startsWith('xstate.after.supplementPeriod.'))).toBe(false);
  });
});
