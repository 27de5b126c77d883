import { describe, expect, test } from 'vitest';
import type { Effect } from '../core/engine.types';
import { EngineError } from '../core/engine-error';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { validateDefinition } from '../definition/definition.validate';
import { applicant, completeData, facts, shippedJson, T0 } from '../test/fixtures';
import { createApplication, step } from './runtime';

// biome-ignore lint/suspicious/noExplicitAny: tests change definitions on purpose
type Json = any;

/** The shipped workflow with an `always` transition on `submitted`, as issue 13 describes. */
function withAlways(guard: Json): WorkflowDefinition {
  const json = structuredClone(shippedJson()) as Json;
  json.states.submitted.always = [{ target: 'withdrawn', guard }];
  const result = validateDefinition(json);
  expect(result.problems.filter((p) => !p.code.startsWith('house_'))).toEqual([]);
  return json as WorkflowDefinition;
}

function submit(def: WorkflowDefinition) {
  const draft = createApplication(def, { now: T0, actor: applicant, facts, data: completeData() });
  return step(def, draft.snapshot, { type: 'SUBMIT' }, { now: T0, actor: applicant, facts });
}

const timers = (effects: Effect[]) =>
  effects
    .filter((e) => e.type.startsWith('timer.'))
    .map((e) => `${e.type} ${'timerId' in e ? e.timerId.split('.')[2] : ''}`);

describe('always transitions: XState chooses', () => {
  test('a guarded always from submitted to withdrawn fires right after SUBMIT', () => {
    const def = withAlways({ type: 'formComplete' });
    const r = submit(def);
    expect(r.state).toBe('withdrawn');
    expect(r.snapshot.status).toBe('done');
    expect(r.history).toMatchObject({ from: 'draft', to: 'withdrawn', event: 'SUBMIT' });
    // SUBMIT's own effects happened; the decision timers of `submitted` were never left behind.
    expect(r.effects.map((e) => e.type)).toContain('document');
    expect(timers(r.effects).filter((t) => t.startsWith('timer.schedule'))).toEqual([]);
  });

  test('an always whose guard refuses leaves the application where the event put it', () => {
    const def = withAlways({
      type: 'amountAtMost',
      params: { amount: 'requested', limit: 'fixed', cents: 1 },
    });
    const r = submit(def);
    expect(r.state).toBe('submitted');
    expect(timers(r.effects)).toEqual([
      'timer.schedule decisionWarning',
      'timer.schedule decisionTerm',
    ]);
  });

  test('a refused event is refused even when an always would pass', () => {
    const def = withAlways({ type: 'formComplete' });
    const draft = createApplication(def, { now: T0, actor: applicant, facts, data: {} });
    expect(() =>
      step(def, draft.snapshot, { type: 'SUBMIT' }, { now: T0, actor: applicant, facts }),
    ).toThrow(EngineError);
  });
});
