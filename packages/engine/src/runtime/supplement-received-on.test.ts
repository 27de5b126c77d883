/**
 * A supplement that came by post or to a desk counts from the day it came in (Awb 4:15): the desk
 * gives that day with the step that receives it, and the decision term runs again from it, not
 * from the day the desk typed it in. The day cannot lie before the request, and belongs only with
 * a step that lets the suspended term run again (not with a withdrawal, nor with any other step).
 */
import { describe, expect, test } from 'vitest';
import type { PersistedSnapshot } from '../core/engine.types';
import { EngineError } from '../core/engine-error';
import {
  applicant,
  assessor,
  clerk,
  completeData,
  facts,
  loadShippedDefinition,
  T0,
} from '../test/fixtures';
import { wouldResume } from './receipt-window';
import { applicationView, createApplication, step } from './runtime';

const def = loadShippedDefinition();
// T0 is Tuesday 3 March 2026 in Amsterdam; day(n) is n days later.
const day = (n: number) => new Date(T0.getTime() + n * 86_400_000);

/** Submitted at T0, more information asked for on 4 March with 14 days to answer. */
function waitingForSupplement(): PersistedSnapshot {
  const draft = createApplication(def, { now: T0, actor: applicant, facts, data: completeData() });
  const submitted = step(
    def,
    draft.snapshot,
    { type: 'SUBMIT' },
    { now: T0, actor: applicant, facts },
  );
  return step(
    def,
    submitted.snapshot,
    { type: 'REQUEST_INFO', payload: { message: 'Stuur de offerte mee.', periodDays: 14 } },
    { now: day(1), actor: assessor, facts },
  ).snapshot;
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

describe('the day a supplement came in', () => {
  test('the term runs again from the day it came in, not the day it was typed in', () => {
    const asked = waitingForSupplement();
    const typedIn = step(
      def,
      asked,
      { type: 'SUPPLEMENT', payload: {} },
      { now: day(10), actor: clerk, facts },
    );
    const dated = step(
      def,
      asked,
      { type: 'SUPPLEMENT', payload: {} },
      { now: day(10), actor: clerk, facts, receivedOn: '2026-03-09' },
    );
    expect(dated.state).toBe('submitted');
    const viewTyped = applicationView(def, typedIn.snapshot, day(10));
    const viewDated = applicationView(def, dated.snapshot, day(10));
    // Suspended from 4 March: until 13 March when typed in, until 9 March when dated.
    expect(viewTyped.clock.suspendedDays - viewDated.clock.suspendedDays).toBe(4);
    expect(viewDated.clock.decisionDueOn! < viewTyped.clock.decisionDueOn!).toBe(true);
    expect(dated.history.payload).toEqual({ receivedOn: '2026-03-09' });
  });

  test('is refused before the request for it, in words', () => {
    const e = refusal(() =>
      step(
        def,
        waitingForSupplement(),
        { type: 'SUPPLEMENT', payload: {} },
        { now: day(10), actor: clerk, facts, receivedOn: '2026-03-03' },
      ),
    );
    expect(e.code).toBe('invalid_payload');
    expect(e.issues?.[0]?.text?.nl).toBe(
      'Vul bij Datum van ontvangst een dag in vanaf het verzoek om aanvulling van 4 maart 2026.',
    );
  });

  test('belongs neither with a withdrawal nor with a step that ends no suspension', () => {
    const asked = waitingForSupplement();
    const withdrawn = refusal(() =>
      step(
        def,
        asked,
        { type: 'WITHDRAW', payload: {} },
        { now: day(10), actor: clerk, facts, receivedOn: '2026-03-09' },
      ),
    );
    expect(withdrawn.issues?.[0]?.path).toBe('receivedOn');
    expect(withdrawn.issues?.[0]?.text?.nl).toBe(
      'Een datum van ontvangst hoort alleen bij het indienen van de aanvraag of bij de gevraagde aanvulling.',
    );
    const supplied = step(
      def,
      asked,
      { type: 'SUPPLEMENT', payload: {} },
      { now: day(10), actor: clerk, facts },
    );
    const assessed = refusal(() =>
      step(
        def,
        supplied.snapshot,
        {
          type: 'ASSESS',
          payload: { recommendation: 'grant', motivation: 'Past bij het wijkakkoord.' },
        },
        { now: day(11), actor: assessor, facts, receivedOn: '2026-03-09' },
      ),
    );
    expect(assessed.issues?.[0]?.path).toBe('receivedOn');
  });

  test('the form knows which step asks for the day: the supplement, while a term is suspended', () => {
    expect(wouldResume(def, 'info_requested', 'SUPPLEMENT', true)).toBe(true);
    expect(wouldResume(def, 'info_requested', 'WITHDRAW', true)).toBe(false);
    expect(wouldResume(def, 'info_requested', 'SUPPLEMENT', false)).toBe(false);
    expect(wouldResume(def, 'submitted', 'ASSESS', true)).toBe(false);
  });
});
