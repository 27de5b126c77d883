import { describe, expect, test } from 'vitest';
import type { PersistedSnapshot } from '../core/engine.types';
import {
  applicant,
  assessor,
  clerk,
  completeData,
  facts,
  loadShippedDefinition,
  T0,
} from '../test/fixtures';
import { REQUEST_SENT_EVENT, supplementRequestSent } from './request-sent';
import { applicationView, createApplication, step } from './runtime';

const def = loadShippedDefinition();
const day = (n: number) => new Date(T0.getTime() + n * 86_400_000);

function send(snapshot: PersistedSnapshot, type: string, payload: unknown, now: Date) {
  const actor = type === 'SUPPLEMENT' || type === 'SUBMIT' ? applicant : assessor;
  return step(def, snapshot, { type, payload }, { now, actor, facts });
}

/** Submitted 3 March, asked on 10 March (a Tuesday) for a supplement within 14 days. */
function asked() {
  const draft = createApplication(def, { now: T0, actor: applicant, facts, data: completeData() });
  const submitted = send(draft.snapshot, 'SUBMIT', undefined, T0);
  return send(
    submitted.snapshot,
    'REQUEST_INFO',
    { message: 'Een offerte.', periodDays: 14 },
    day(7),
  ).snapshot;
}

const posted = (snapshot: PersistedSnapshot, sentOn: string, requestedOn = '2026-03-10') =>
  supplementRequestSent(def, snapshot, {
    requestedOn,
    sentOn,
    now: day(10),
    actor: clerk,
    facts,
  });

describe('a request to supplement sent later than it was made', () => {
  test('its period counts from the day it is sent; the timer and the clock follow', () => {
    const before = applicationView(def, asked(), day(10));
    expect(before.deadlines.find((d) => d.key === 'supplement')?.date).toBe('2026-03-24');

    // Posted on Friday 13 March: 14 days is Friday 27 March.
    const result = posted(asked(), '2026-03-13');
    expect(result?.state).toBe('info_requested');
    expect(result?.history).toMatchObject({
      from: 'info_requested',
      to: 'info_requested',
      event: REQUEST_SENT_EVENT,
      payload: { requestedOn: '2026-03-10', sentOn: '2026-03-13', dueOn: '2026-03-27' },
    });
    expect(result?.effects).toEqual([
      {
        type: 'timer.schedule',
        timerId: 'xstate.after.supplementPeriod.bewonersinitiatief.info_requested',
        event: 'xstate.after.supplementPeriod.bewonersinitiatief.info_requested',
        dueAt: '2026-03-27T23:00:00.000Z', // the start of the day after 27 March
      },
    ]);
    const view = applicationView(def, result!.snapshot, day(10));
    const supplement = view.deadlines.find((d) => d.key === 'supplement');
    expect(supplement?.date).toBe('2026-03-27');
    expect(supplement?.explanation.nl).toBe(
      '14 dagen vanaf de verzending per post op 13 maart 2026 van het verzoek om aanvulling van 10 maart 2026',
    );

    // The period lapses on its new last day: the clock stood still from 11 to 27 March.
    const lapsed = step(
      def,
      result!.snapshot,
      { type: 'xstate.after.supplementPeriod.bewonersinitiatief.info_requested' },
      {
        now: new Date('2026-03-27T23:00:00.000Z'),
        actor: { id: 'system', roles: ['system'] },
        facts,
      },
    );
    expect(lapsed.state).toBe('not_considered');
  });

  test('an answer after the old last day but within the new one still counts', () => {
    const moved = posted(asked(), '2026-03-13')!.snapshot;
    const answered = send(moved, 'SUPPLEMENT', { message: 'Hier is de offerte.' }, day(23));
    expect(answered.state).toBe('submitted');
    // Asked 10 March, supplemented 26 March: 11-25 March stood still.
    expect(applicationView(def, answered.snapshot, day(23)).clock.suspendedDays).toBe(15);
  });

  test('nothing changes when sent on the day of the request, or for another request', () => {
    expect(posted(asked(), '2026-03-10')).toBeUndefined();
    expect(posted(asked(), '2026-03-09')).toBeUndefined();
    expect(posted(asked(), '2026-03-13', '2026-03-09')).toBeUndefined();
    expect(posted(asked(), 'not a date')).toBeUndefined();
  });

  test('of two requests on one day, the letter of the first answered one moves nothing', () => {
    // Asked at 9:00, answered at 10:00, asked again at 11:00 on 10 March.
    const at = (hour: number) => new Date(day(7).getTime() + hour * 3_600_000);
    const first = send(asked(), 'SUPPLEMENT', { message: 'Zie bijlage.' }, at(1));
    const again = send(
      first.snapshot,
      'REQUEST_INFO',
      { message: 'Nog een offerte.', periodDays: 14 },
      at(2),
    ).snapshot;
    const letterOf = (issuedAt: Date) =>
      supplementRequestSent(def, again, {
        requestedOn: '2026-03-10',
        requestedAt: issuedAt.toISOString(),
        sentOn: '2026-03-13',
        now: day(10),
        actor: clerk,
        facts,
      });
    expect(letterOf(day(7))).toBeUndefined();
    expect(letterOf(at(2))?.history.payload).toMatchObject({ dueOn: '2026-03-27' });
  });

  test('nothing changes once the request was answered', () => {
    const answered = send(asked(), 'SUPPLEMENT', { message: 'Zie bijlage.' }, day(8));
    expect(posted(answered.snapshot, '2026-03-13')).toBeUndefined();
  });
});
