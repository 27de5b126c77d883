import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createActor } from 'xstate';
import type { Actor, ApplicationContext, PersistedSnapshot } from '../core/engine.types';
import { EngineError } from '../core/engine-error';
import type { WorkflowDefinition } from '../definition/definition.schema';
import { facts, T0 } from '../test/fixtures';
import { emptyContext } from '../vocabulary/vocabulary.context';
import { builtWorkflow, timerEventType } from './machine';
import { createApplication, machineEvent, step } from './runtime';

// Generated definitions and event sequences: the engine's step() must end where a plain XState
// actor running the same machine ends, event by event (issue 13, item 6).

const NORMAL = ['s0', 's1', 's2', 's3'];
const FINAL = ['f0', 'f1'];
const EVENTS = ['A', 'B', 'C'];
const label = { nl: 'x', en: 'x' };

// Guards that read the payload or the context only. `always` gets the context ones: a guard on
// the event would let an ignored event move a plain actor through `always`, which the engine
// refuses by design.
const contextGuard = fc.oneof(
  fc.constant({ type: 'formComplete' }),
  fc.integer({ min: 0, max: 3000 }).map((cents) => ({
    type: 'amountAtMost',
    params: { amount: 'requested', limit: 'fixed', cents },
  })),
  fc.integer({ min: 0, max: 3000 }).map((cents) => ({
    type: 'amountAtLeast',
    params: { amount: 'requested', cents },
  })),
);
const eventGuard = fc.oneof(
  contextGuard,
  fc.constant({ type: 'payloadEquals', params: { field: 'flag', value: true } }),
);
const action = fc.oneof(
  fc.constant({ type: 'mergeData' }),
  fc.constant({ type: 'assignPayload', params: { fields: ['flag'], into: 'assessment' } }),
  fc.constant({ type: 'sendNotice', params: { template: 't', audience: 'applicant' } }),
);

function transitionArb(targets: string[], guard: fc.Arbitrary<unknown>) {
  return fc.record(
    {
      target: fc.constantFrom(...targets),
      guard: fc.oneof(guard, fc.array(guard, { minLength: 1, maxLength: 2 })),
      actions: fc.array(action, { maxLength: 2 }),
      reenter: fc.boolean(),
    },
    { requiredKeys: ['target'] },
  );
}

function stateArb(index: number, states: string[]) {
  const targets = [...states, ...FINAL];
  // `always` only moves forward (or to a final state), so it cannot loop.
  const forward = [...states.slice(index + 1), ...FINAL];
  return fc.record(
    {
      on: fc.dictionary(
        fc.constantFrom(...EVENTS),
        fc.array(transitionArb(targets, eventGuard), { minLength: 1, maxLength: 2 }),
      ),
      always: fc.array(transitionArb(forward, contextGuard), { minLength: 1, maxLength: 2 }),
      after: fc.record({ short: transitionArb(targets, contextGuard) }),
      entry: fc.array(action, { maxLength: 1 }),
      exit: fc.array(action, { maxLength: 1 }),
    },
    { requiredKeys: ['on'] },
  );
}

const definitionArb = fc.integer({ min: 1, max: NORMAL.length }).chain((n) => {
  const states = NORMAL.slice(0, n);
  return fc.tuple(...states.map((_, i) => stateArb(i, states))).map((generated) => {
    const def = {
      key: 'generated',
      version: 1,
      title: label,
      initial: 's0',
      form: {
        fields: [
          { key: 'title', type: 'text', label, minLength: 1 },
          {
            key: 'lines',
            type: 'list',
            label,
            fields: [{ key: 'amountCents', type: 'money', label }],
          },
        ],
        requestedAmount: { list: 'lines', field: 'amountCents' },
      },
      events: Object.fromEntries(
        EVENTS.map((e) => [
          e,
          {
            label,
            roles: ['applicant'],
            payload: {
              type: 'object',
              properties: { flag: { type: 'boolean' }, data: { type: 'object' } },
              additionalProperties: false,
            },
          },
        ]),
      ),
      delays: { short: { type: 'days', params: { days: 3 } } },
      states: {
        ...Object.fromEntries(
          states.map((name, i) => [
            name,
            { tags: i === 0 ? ['draft', 'open'] : ['open'], ...generated[i] },
          ]),
        ),
        ...Object.fromEntries(FINAL.map((name) => [name, { type: 'final', tags: ['closed'] }])),
      },
      templates: { letters: {}, mails: {} },
    };
    return def as unknown as WorkflowDefinition;
  });
});

const dataArb = fc.oneof(
  fc.constant({ title: 'Feest' }),
  fc.integer({ min: 0, max: 4000 }).map((amountCents) => ({ lines: [{ amountCents }] })),
);
const inputArb = fc.oneof(
  fc.record(
    {
      type: fc.constantFrom(...EVENTS),
      payload: fc.record({ flag: fc.boolean(), data: dataArb }, { requiredKeys: [] }),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record({ timerOf: fc.constantFrom(...NORMAL) }),
);

// Every role, so that the engine's role checks never differ from the actor (which has none).
const everyone: Actor = { id: 'u', roles: ['applicant', 'system'] };
const inertClock = { setTimeout: () => 0, clearTimeout: () => {} };
const comparable = (ctx: ApplicationContext) => ({ ...ctx, effects: undefined, actors: undefined });

describe('the engine agrees with a plain XState actor', () => {
  test('for generated definitions and event sequences', () => {
    fc.assert(
      fc.property(definitionArb, fc.array(inputArb, { maxLength: 12 }), (def, inputs) => {
        const start = createApplication(def, { now: T0, actor: everyone, facts, data: {} });
        // The actor starts from what createApplication started from: empty data, the CREATE event.
        const create = machineEvent(
          { type: 'CREATE', payload: { data: {} } },
          { now: T0, actor: everyone, facts },
        );
        const actor = createActor(builtWorkflow(def).machine, {
          input: { context: { ...emptyContext({}), effects: [] }, event: create },
          clock: inertClock,
        });
        actor.start();
        expect(actor.getSnapshot().value).toBe(start.state);
        let snapshot: PersistedSnapshot = start.snapshot;
        inputs.forEach((input, i) => {
          const now = new Date(T0.getTime() + i * 3_600_000);
          const event =
            'timerOf' in input
              ? { type: timerEventType(def, input.timerOf, 'short') }
              : { type: input.type, payload: input.payload };
          try {
            snapshot = step(def, snapshot, event, { now, actor: everyone, facts }).snapshot;
          } catch (error) {
            if (!(error instanceof EngineError)) throw error;
          }
          actor.send(machineEvent(event, { now, actor: everyone, facts }) as never);
          const expected = actor.getSnapshot();
          expect(snapshot.value).toBe(expected.value);
          expect(snapshot.status).toBe(expected.status);
          expect(comparable(snapshot.context)).toEqual(comparable(expected.context));
        });
        actor.stop();
      }),
      { numRuns: 150 },
    );
  });
});
