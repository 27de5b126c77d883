/**
 * One actor per built machine serves every step (pure-scope.ts): XState's `getMicrosteps` built
 * an inert actor per call, and each actor computed the machine's whole initial snapshot.
 */
import { describe, expect, test } from 'vitest';
import {
  applicant,
  assessor,
  completeData,
  facts,
  loadShippedDefinition,
  T0,
} from '../test/fixtures';
import { builtWorkflow } from './machine';
import { createApplication, step } from './runtime';

describe('the actor scope of a step', () => {
  test('steps do not compute the machine initial snapshot again', () => {
    const def = loadShippedDefinition();
    const machine = builtWorkflow(def).machine;
    const original = machine.getInitialSnapshot.bind(machine);
    let initial = 0;
    machine.getInitialSnapshot = ((...args: Parameters<typeof original>) => {
      initial++;
      return original(...args);
    }) as typeof machine.getInitialSnapshot;
    try {
      const created = createApplication(def, {
        now: T0,
        actor: applicant,
        facts,
        data: completeData(),
      });
      const afterCreate = initial;
      // The application's own initial snapshot, and at most one for the shared actor.
      expect(afterCreate).toBeGreaterThanOrEqual(1);
      expect(afterCreate).toBeLessThanOrEqual(2);
      let snapshot = created.snapshot;
      const send = (type: string, actor = applicant, payload?: unknown) => {
        snapshot = step(def, snapshot, { type, payload }, { now: T0, actor, facts }).snapshot;
      };
      send('SUBMIT');
      send('REQUEST_INFO', assessor, { message: 'Graag een offerte.', periodDays: 14 });
      send('SUPPLEMENT', applicant, { message: 'Bijgevoegd.' });
      send('ASSESS', assessor, { recommendation: 'grant', motivation: 'Past bij de wijk.' });
      expect(initial - afterCreate).toBe(0);
    } finally {
      machine.getInitialSnapshot = original;
    }
  });
});
