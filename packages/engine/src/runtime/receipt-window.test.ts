/**
 * A draft saved while the regulation was open is not received once it has closed: the step that
 * would start its decision term is refused after the regulation's last day, in words, for every
 * shipped workflow, and the list of events a person may send leaves it out.
 */
import { describe, expect, test } from 'vitest';
import type { Actor, Facts, PersistedSnapshot } from '../core/engine.types';
import { EngineError } from '../core/engine-error';
import {
  applicant,
  assessor,
  clerk,
  completeData,
  completeDataFor,
  facts,
  loadShippedDefinition,
  SHIPPED_KEYS,
  T0,
} from '../test/fixtures';
import { allowedEvents, applicationView, createApplication, step } from './runtime';

const def = loadShippedDefinition();
// T0 is Tuesday 3 March 2026, 10:00 in Amsterdam (UTC+1 until 29 March).
const closingOn = (closesOn: string): Facts => ({
  ...facts,
  regulation: { ...facts.regulation, closesOn },
});

function draft(key: string = 'bewonersinitiatief') {
  const d = loadShippedDefinition(key);
  return createApplication(d, { now: T0, actor: applicant, facts, data: completeDataFor(key) })
    .snapshot;
}

function refusal(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const submit = (snapshot: PersistedSnapshot, now: Date, f: Facts, actor: Actor = applicant) =>
  step(def, snapshot, { type: 'SUBMIT' }, { now, actor, facts: f });

describe('the last day for applications', () => {
  test('a complete draft is not received the day after it, for every shipped workflow', () => {
    for (const key of SHIPPED_KEYS) {
      const d = loadShippedDefinition(key);
      const e = refusal(() =>
        step(
          d,
          draft(key),
          { type: 'SUBMIT' },
          { now: T0, actor: applicant, facts: closingOn('2026-03-02') },
        ),
      );
      expect(e.code).toBe('guard_failed');
      expect(e.guard).toBe('regulationOpen');
      expect(e.issues).toEqual([
        {
          path: 'regulation',
          message: 'the regulation took applications up to and including 2026-03-02',
          text: {
            nl: 'Deze regeling nam aanvragen aan tot en met 2 maart 2026. Deze aanvraag kan niet meer worden ingediend.',
            en: 'This grant scheme took applications up to and including 2 March 2026. This application can no longer be submitted.',
          },
        },
      ]);
    }
  });

  test('the last day counts until midnight in Amsterdam, not in UTC', () => {
    const lateEvening = new Date('2026-03-03T22:30:00Z'); // 23:30 in Amsterdam
    const afterMidnight = new Date('2026-03-03T23:30:00Z'); // 00:30 on 4 March
    expect(submit(draft(), lateEvening, closingOn('2026-03-03')).state).toBe('submitted');
    expect(refusal(() => submit(draft(), afterMidnight, closingOn('2026-03-03'))).guard).toBe(
      'regulationOpen',
    );
  });

  test('the desk filing it for a resident is held to the same day', () => {
    const e = refusal(() => submit(draft(), T0, closingOn('2026-03-01'), clerk));
    expect(e.guard).toBe('regulationOpen');
  });

  test('an application received before it goes on after it: a supplement is not a new receipt', () => {
    const submitted = submit(draft(), T0, closingOn('2026-03-03'));
    const later = new Date(T0.getTime() + 7 * 86_400_000);
    const asked = step(
      def,
      submitted.snapshot,
      { type: 'REQUEST_INFO', payload: { message: 'Offerte?' } },
      { now: later, actor: assessor, facts: closingOn('2026-03-03') },
    );
    const supplemented = step(
      def,
      asked.snapshot,
      { type: 'SUPPLEMENT', payload: { data: { description: completeData().description } } },
      { now: later, actor: applicant, facts: closingOn('2026-03-03') },
    );
    expect(supplemented.state).toBe('submitted');
    expect(supplemented.snapshot.context.clock.receivedOn).toBe('2026-03-03');
  });

  test('a regulation without a last day, or one still open, receives it', () => {
    expect(submit(draft(), T0, facts).state).toBe('submitted');
    expect(submit(draft(), T0, closingOn('2026-12-31')).state).toBe('submitted');
  });

  test('the events she may send leave SUBMIT out once the day has passed, and only then', () => {
    const types = (f: Facts, now?: Date) =>
      allowedEvents(def, draft(), applicant, f, now).map((e) => e.type);
    expect(types(closingOn('2026-03-03'), T0)).toContain('SUBMIT');
    expect(types(closingOn('2026-03-02'), T0)).not.toContain('SUBMIT');
    expect(types(closingOn('2026-03-02'), T0)).toContain('WITHDRAW');
    // Without a clock the day is unknown: the list does not guess.
    expect(types(closingOn('2026-03-02'))).toContain('SUBMIT');
  });

  test('a draft lists the last day as its deadline, until it is received', () => {
    const f = closingOn('2026-03-31');
    const view = applicationView(def, draft(), T0, f);
    expect(view.deadlines).toEqual([
      {
        key: 'submission',
        date: '2026-03-31',
        explanation: {
          nl: 'De regeling neemt aanvragen aan tot en met deze dag. Daarna kan deze aanvraag niet meer worden verstuurd.',
          en: 'The grant scheme takes applications up to and including this day. After it, this application can no longer be sent.',
        },
      },
    ]);
    expect(applicationView(def, draft(), T0, facts).deadlines).toEqual([]);
    const sent = submit(draft(), T0, f);
    expect(applicationView(def, sent.snapshot, T0, f).deadlines.map((d) => d.key)).toEqual([
      'decision',
    ]);
    const withdrawn = step(
      def,
      draft(),
      { type: 'WITHDRAW' },
      { now: T0, actor: applicant, facts: f },
    );
    expect(applicationView(def, withdrawn.snapshot, T0, f).deadlines).toEqual([]);
  });

  test('the desk files one that came in by post on the last day: received that day', () => {
    const threeDaysLater = new Date('2026-03-06T09:00:00Z');
    const sent = step(
      def,
      draft(),
      { type: 'SUBMIT' },
      {
        now: threeDaysLater,
        actor: clerk,
        facts: closingOn('2026-03-03'),
        receivedOn: '2026-03-03',
      },
    );
    expect(sent.state).toBe('submitted');
    expect(sent.snapshot.context.clock.receivedOn).toBe('2026-03-03');
    expect(sent.history.payload).toEqual({ receivedOn: '2026-03-03' });
    // Eight weeks from the day it came in, not from the day it was typed in.
    expect(applicationView(def, sent.snapshot, threeDaysLater).clock.decisionDueOn).toBe(
      '2026-04-28',
    );
    // A day after the last one is still too late.
    const late = refusal(() =>
      step(
        def,
        draft(),
        { type: 'SUBMIT' },
        {
          now: threeDaysLater,
          actor: clerk,
          facts: closingOn('2026-03-03'),
          receivedOn: '2026-03-04',
        },
      ),
    );
    expect(late.guard).toBe('regulationOpen');
  });

  test('a day of receipt in the future, long ago, or with another step is refused in words', () => {
    const at = (receivedOn: string, type = 'SUBMIT') =>
      refusal(() => step(def, draft(), { type }, { now: T0, actor: clerk, facts, receivedOn }));
    for (const day of ['2026-03-04', '2026-01-31', '3 maart']) {
      const e = at(day);
      expect(e.code).toBe('invalid_payload');
      expect(e.issues?.[0]?.path).toBe('receivedOn');
      expect(e.issues?.[0]?.text.nl).toBe(
        'Vul bij Datum van ontvangst een dag in van 1 februari 2026 tot en met vandaag.',
      );
    }
    const withdraw = at('2026-03-03', 'WITHDRAW');
    expect(withdraw.code).toBe('invalid_payload');
    expect(withdraw.issues?.[0]?.text.nl).toBe(
      'Een datum van ontvangst hoort alleen bij het indienen van de aanvraag of bij de gevraagde aanvulling.',
    );
  });
});
