import { expect, test } from 'vitest';
import type { Effect } from '../core/engine.types';
import { assessor, facts, loadShippedDefinition, T0 } from '../test/fixtures';
import { submittedSnapshot } from '../test/lifecycle';
import { applicationView, step } from './runtime';

// A probe found two notices to staff at once, out of order, when a case was assessed after its
// term had run out: "the decision term ends soon" beside "the decision term has ended".

const def = loadShippedDefinition();

function assessOn(now: Date) {
  return step(
    def,
    submittedSnapshot(def),
    { type: 'ASSESS', payload: { recommendation: 'grant', motivation: 'Goed.' } },
    { now, actor: assessor, facts },
  );
}

const schedules = (effects: Effect[]) =>
  effects.flatMap((e) => (e.type === 'timer.schedule' ? [e.event.split('.')[2]] : []));

test('after the term has passed, the warning that it ends soon is not scheduled again', () => {
  const due = applicationView(def, submittedSnapshot(def), T0, facts).clock.decisionDueOn!;
  const late = new Date(`${due}T10:00:00Z`);
  late.setUTCDate(late.getUTCDate() + 10);
  expect(schedules(assessOn(late).effects)).toEqual(['decisionTerm']);
});

test('within the warning week both stay: the warning now, the end of the term later', () => {
  const due = applicationView(def, submittedSnapshot(def), T0, facts).clock.decisionDueOn!;
  const soon = new Date(`${due}T10:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() - 3);
  const result = assessOn(soon);
  expect(schedules(result.effects).sort()).toEqual(['decisionTerm', 'decisionWarning']);
  const term = result.effects.find(
    (e): e is Extract<Effect, { type: 'timer.schedule' }> =>
      e.type === 'timer.schedule' && e.event.includes('decisionTerm'),
  );
  expect(Date.parse(term!.dueAt)).toBeGreaterThan(soon.getTime());
});

test('in good time both are scheduled for later', () => {
  expect(schedules(assessOn(T0).effects).sort()).toEqual(['decisionTerm', 'decisionWarning']);
});
